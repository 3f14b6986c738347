"""The ``newsclean`` command.

Exit codes: 0 done; 1 findings (or rates) past the threshold the command was asked to fail on;
2 usage, configuration or I/O error; 3 nothing cleaned, or more records rejected than
``--max-reject-rate`` allows.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from newsclean import __version__
from newsclean.commands._common import interrupts_remembered
from newsclean.errors import NewscleanError

#: subcommand modules under ``newsclean.commands``; each has NAME, HELP, add_arguments and run
COMMANDS = ("clean", "check", "explain", "report", "kb", "learn")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean scraped news text into article records, and say why.",
        epilog="Exit codes: 0 done; 1 findings past --fail-on / rates past limits; 2 usage or I/O "
        "error; 3 nothing cleaned, or more rejected than --max-reject-rate.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        module = importlib.import_module(f"newsclean.commands.{name}")
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        with interrupts_remembered():
            code: int = args._run(args)
    except NewscleanError as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `newsclean clean ... | head` is fine
        return EXIT_OK
    except OSError as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
