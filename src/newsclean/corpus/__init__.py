"""What needs more than one document: learned per-site boilerplate."""

from newsclean.corpus.profile import Profile, learn_profile, line_signature, load_profile

__all__ = ["Profile", "learn_profile", "line_signature", "load_profile"]
