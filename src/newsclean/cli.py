"""The ``newsclean`` command.

Exit codes (:data:`EXIT_CODES`): 0 done; 1 findings (or rates) past the threshold the command was
asked to fail on; 2 usage, configuration or I/O error; 3 nothing cleaned, or more records rejected
than ``--max-reject-rate`` allows; 4 an internal error (a bug); 128 + N stopped by signal N (130
Ctrl-C, 143 SIGTERM, 129 SIGHUP).
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
import traceback
from collections.abc import Sequence

from newsclean import __version__
from newsclean.commands._common import interrupts_remembered
from newsclean.draft import plain_from_env
from newsclean.errors import NewscleanError

#: subcommand modules under ``newsclean.commands``; each has NAME, HELP, add_arguments and run
COMMANDS = ("clean", "check", "explain", "report", "kb", "learn")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_REJECTS, EXIT_INTERNAL = 0, 1, 2, 3, 4

#: what each exit code says (README, ``newsclean --help``)
EXIT_CODES = (
    ("0", "done"),
    ("1", "findings at or past --fail-on (check: a rate past its limit)"),
    (
        "2",
        "usage, configuration or I/O error (an input not readable to its end, an output "
        "not writable)",
    ),
    ("3", "nothing cleaned, or more records rejected than --max-reject-rate"),
    ("4", "internal error: a bug in newsclean (the traceback is printed)"),
    ("128+N", "stopped by signal N, temporary files removed (130 Ctrl-C, 129 SIGHUP, 143 SIGTERM)"),
)


def version_text() -> str:
    """The version, how the text is scanned, and the versions of the core libraries."""
    from importlib.metadata import PackageNotFoundError, version

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:  # pragma: no cover - a core dependency is missing
            return "missing"

    from newsclean.scanner import scanner_name

    on = plain_from_env()
    scanner = scanner_name(on)
    compiled = (
        "no compiled modules in use"
        if scanner.startswith("pure Python")
        else "newsclean's own modules: pure Python"
    )
    return (
        f"newsclean {__version__}\n"
        f"scanner: {scanner}; {compiled}\n"
        f"plain path (NEWSCLEAN_PLAIN): {'on' if on else 'off'}\n"
        f"regex {of('regex')}, ftfy {of('ftfy')}, rapidfuzz {of('rapidfuzz')}"
    )


def build_parser() -> argparse.ArgumentParser:
    width = max(len(code) for code, _ in EXIT_CODES)
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean scraped news text into article records, and say why.",
        epilog="exit codes:\n"
        + "\n".join(f"  {code:<{width}}  {meaning}" for code, meaning in EXIT_CODES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=version_text())
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
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        print(f"newsclean: interrupted ({signal.Signals(signum).name})", file=sys.stderr)
        return 128 + signum
    except (SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # anything else is a bug: say so, apart from the codes above
        traceback.print_exc()
        print(
            f"newsclean: internal error: {type(exc).__name__}: {exc} "
            "(a bug in newsclean; the traceback above says where)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
