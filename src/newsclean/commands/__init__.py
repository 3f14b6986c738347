"""Subcommands of the ``newsclean`` command, one module each."""
