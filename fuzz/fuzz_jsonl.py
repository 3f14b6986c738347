"""Fuzz the JSONL reader and the clean command with atheris: ``python fuzz/fuzz_jsonl.py [corpus] [libFuzzer flags]``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

import atheris  # noqa: E402

with atheris.instrument_imports(include=["newsclean"]):
    from targets import jsonl_target


def main() -> None:
    atheris.Setup(sys.argv, jsonl_target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
