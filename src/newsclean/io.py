"""Reading records from text and JSONL files, writing records, and accounting for every input.

Every input line ends as exactly one of: a record to clean, or a :class:`Reject` with its source,
line number, reason and an excerpt. Nothing is dropped silently.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import sys
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsclean.errors import InputError
from newsclean.record import likely_text_field, text_candidates

EXCERPT_CHARS = 120
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not be cleaned, and why: where it came from (``source``, ``line``), the
    reason, the start of its text, and the record's ``id`` when it got far enough to have one."""

    source: str
    line: int
    reason: str
    excerpt: str = ""
    id: str | None = None
    #: for a record without its text field: the fields it has, and the likeliest text field
    fields_seen: tuple[str, ...] = ()
    text_guess: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "line": self.line,
            "reason": self.reason,
            "excerpt": self.excerpt,
        }
        if self.id is not None:
            out["id"] = self.id
        return out


@dataclass(frozen=True, slots=True)
class Item:
    """One input: a record ready for the pipeline, or a reject."""

    source: str
    line: int
    record: dict[str, Any] | None = None
    reject: Reject | None = None


@dataclass(slots=True)
class FieldMap:
    """Which input fields hold the text, id and title."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    extra: dict[str, str] = field(default_factory=dict)

    def apply(self, obj: dict[str, Any]) -> dict[str, Any]:
        """Rename the configured fields to the record names the pipeline knows."""
        out = dict(obj)
        for target, source in (("text", self.text), ("id", self.id), ("title", self.title)):
            if source != target and source in out:
                if target in out:
                    out[f"input_{target}"] = out.pop(target)
                out[target] = out.pop(source)
        return out


def _excerpt(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    text = text.strip()
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + "…"


def _open_binary(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return Path(path).open("rb")


def _is_jsonl(path: str) -> bool:
    name = path[:-3] if path.endswith(".gz") else path
    return path == "-" or name.endswith(JSONL_SUFFIXES)


def _jsonl_items(path: str, fields: FieldMap) -> Iterator[Item]:
    fh = _open_binary(path)
    lineno = 0
    try:
        while True:
            try:
                raw = fh.readline()
            except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
                reason = f"unreadable input after line {lineno}: {exc or type(exc).__name__}"
                yield Item(path, lineno + 1, reject=Reject(path, lineno + 1, reason))
                return
            if not raw:
                return
            lineno += 1
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a UTF-8 byte-order mark
            if not raw.strip():
                continue  # blank lines are not records
            yield parse_line(path, lineno, raw, fields)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def parse_line(path: str, lineno: int, raw: bytes | str, fields: FieldMap | None = None) -> Item:
    """One JSONL line as a record ready for the pipeline, or a reject saying why it is not.

    The checks ``newsclean clean`` makes of every line (UTF-8, JSON, an object, a non-empty
    string in the text field); engines that read lines themselves (Spark) call this too.
    """
    fields = fields or FieldMap()

    def reject(reason: str, obj: dict[str, Any] | None = None) -> Item:
        seen = tuple(text_candidates(obj)) if obj is not None else ()
        guess = likely_text_field(obj) if obj is not None else None
        return Item(
            path,
            lineno,
            reject=Reject(path, lineno, reason, _excerpt(raw), fields_seen=seen, text_guess=guess),
        )

    try:
        line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        return reject(f"invalid UTF-8 at byte {exc.start}")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return reject(f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return reject("invalid JSON: nested too deeply")
    if not isinstance(obj, dict):
        return reject(f"a record must be a JSON object, not {type(obj).__name__}")
    if fields.text not in obj:  # not another field's text in its place
        return reject(f"missing text field {fields.text!r}; fields: {', '.join(obj)}", obj)
    obj = fields.apply(obj)
    text = obj.get("text")
    if text is None:
        return reject(f"missing text field {fields.text!r}")
    if not isinstance(text, str):
        return reject(f"text field {fields.text!r} must be a string, not {type(text).__name__}")
    if not text.strip() and "findings" not in obj:
        # an empty body is a bad input, but a fine clean record (everything was removed)
        return reject(f"empty text field {fields.text!r}")
    if "id" not in obj or obj["id"] is None:
        obj["id"] = f"{Path(path).name}:{lineno}"
    return Item(path, lineno, record=obj)


def _text_item(path: str, fields: FieldMap) -> Item:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return Item(path, 0, reject=Reject(path, 0, f"cannot read: {exc.strerror or exc}"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Item(
            path, 1, reject=Reject(path, 1, f"invalid UTF-8 at byte {exc.start}", _excerpt(raw))
        )
    if not text.strip():
        return Item(path, 1, reject=Reject(path, 1, "empty file"))
    return Item(path, 1, record={"text": text, "id": Path(path).stem})


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; a directory stands for its .txt and JSONL files, sorted."""
    out: list[str] = []
    for p in paths:
        if p != "-" and Path(p).is_dir():
            out += sorted(
                str(f)
                for f in Path(p).rglob("*")
                if f.is_file() and (f.suffix == ".txt" or _is_jsonl(str(f)))
            )
        else:
            out.append(p)
    return out


def check_format(path: str) -> None:
    """Refuse a file newsclean cannot read (a CSV read as JSONL would be all rejects).

    Raises:
        InputError: the name ends in neither a JSONL suffix nor ``.txt``.
    """
    if path == "-" or _is_jsonl(path) or path.endswith(".txt"):
        return
    suffix = "".join(Path(path).suffixes[-2:]) or "(none)"
    msg = (
        f"{path}: unknown input format {suffix!r}; newsclean reads JSONL "
        f"({', '.join(JSONL_SUFFIXES)}, and .gz of these) and .txt files (one record each). "
        "A JSONL file by another name can be read from stdin: newsclean clean - < FILE"
    )
    raise InputError(msg)


def read_items(paths: Iterable[str], fields: FieldMap | None = None) -> Iterator[Item]:
    """Every input of every path, in order: ``.txt`` files are one record, the rest JSONL.

    Raises:
        InputError: a path does not exist, or is not JSONL or text (a usage error, not a bad
            record).
    """
    fields = fields or FieldMap()
    paths = expand_paths(paths)
    for path in paths:  # every name checked before the first record is read
        if path != "-" and not Path(path).exists():
            msg = f"no such file: {path}"
            raise InputError(msg)
        check_format(path)
    for path in paths:
        if _is_jsonl(path):
            yield from _jsonl_items(path, fields)
        else:
            yield _text_item(path, fields)


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file (plain or .gz); bad lines raise with their line number."""
    for item in read_items([os.fspath(path)]):
        if item.reject is not None:
            msg = f"{item.source}:{item.line}: {item.reject.reason}"
            raise InputError(msg)
        assert item.record is not None
        yield item.record


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """A text stream that becomes ``path`` only when the block ends without error.

    ``None`` or ``"-"`` writes to stdout. Output goes to a temporary file beside the target and is
    renamed at the end, so a failure or Ctrl-C never leaves a half-written file under the name.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    gz = target.suffix == ".gz"
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    Path(tmp).chmod(0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
    try:
        opener = gzip.open if gz else open
        with opener(tmp, "wt", encoding="utf-8") as fh:
            yield fh
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def json_line(obj: Any) -> str:
    """One JSON line, UTF-8 safe: text with lone surrogates is written with escapes.

    >>> json_line({"text": "café"})
    '{"text": "café"}\\n'
    >>> json_line({"text": "caf\\u00e9 \\ud800"})
    '{"text": "caf\\\\u00e9 \\\\ud800"}\\n'
    """
    line = json.dumps(obj, ensure_ascii=False)
    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: keep it, as the escape it came in as
            line = json.dumps(obj, ensure_ascii=True)
    return line + "\n"


def write_jsonl(records: Iterable[dict[str, Any]], path: str | None) -> int:
    """Write dicts as JSON lines (atomically); return how many."""
    n = 0
    with atomic_output(path) as fh:
        for rec in records:
            fh.write(json_line(rec))
            n += 1
    return n
