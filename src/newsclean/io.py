"""Reading records from text and JSONL files, writing records, and accounting for every input.

Every input line ends as exactly one of: a record to clean, or a :class:`Reject` with its source,
line number, reason and an excerpt. Nothing is dropped silently.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import math
import os
import re
import stat
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsclean.errors import InputError
from newsclean.record import likely_text_field, text_candidates

EXCERPT_CHARS = 120
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")

#: the largest record (one JSONL line, or one ``.txt`` file) read, in bytes: a longer one is a
#: reject, read past in pieces and never held whole (``--max-record-size``)
MAX_RECORD_BYTES = 64 << 20
#: a ``.gz`` input may decompress to at most this many times the compressed bytes read so far ...
MAX_GZIP_RATIO = 100
#: ... once it has given more than this many bytes (``--max-gzip-ratio``; 0: no limit)
GZIP_RATIO_FLOOR = 64 << 20
#: lines are read in pieces of at most this many bytes
READ_PIECE = 1 << 20
#: past a record over the limit, at most this many times the limit is skipped looking for the
#: line's end; a stream with no line end in that much (``/dev/zero``) is not read further
SKIP_FACTOR = 16


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """How much one record, and one compressed file, may hold.

    ``max_record_bytes``: the largest record; ``max_gzip_ratio``: decompressed bytes per
    compressed byte a ``.gz`` may reach past its first :data:`GZIP_RATIO_FLOOR` bytes (0: any).
    """

    max_record_bytes: int = MAX_RECORD_BYTES
    max_gzip_ratio: float = MAX_GZIP_RATIO

    def __post_init__(self) -> None:
        if (
            isinstance(self.max_record_bytes, bool)
            or not isinstance(self.max_record_bytes, int)
            or self.max_record_bytes < 1
        ):
            msg = f"the record size limit must be a positive number of bytes, not {self.max_record_bytes!r}"
            raise InputError(msg)
        ratio = self.max_gzip_ratio
        if (
            isinstance(ratio, bool)
            or not isinstance(ratio, (int, float))
            or not math.isfinite(ratio)
            or ratio < 0
        ):
            msg = f"the gzip ratio limit must be a finite number, 0 or more, not {ratio!r}"
            raise InputError(msg)


def parse_size(text: str) -> int:
    """A size in bytes from ``'64M'``, ``'1G'``, ``'500k'`` or ``'1000'`` (powers of 1024).

    >>> parse_size("64M"), parse_size("1g"), parse_size("512")
    (67108864, 1073741824, 512)
    """
    units = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20}
    units |= {"g": 1 << 30, "gb": 1 << 30}
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    if m is None or m.group(2).lower() not in units:
        msg = f"{text!r} is not a size (e.g. 64M, 1G, 500k or a number of bytes)"
        raise InputError(msg)
    value = int(float(m.group(1)) * units[m.group(2).lower()])
    if value < 1:
        msg = f"{text!r}: a size must be at least one byte"
        raise InputError(msg)
    return value


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
    #: the file could not be read to its end (a truncated or corrupt ``.gz``, a stream with no
    #: line end): an I/O error of the run, not only a bad record
    unreadable: bool = False

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


def _is_stream(path: str) -> bool:
    """A named pipe, a character device or the like: read as JSONL, like standard input."""
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _is_jsonl(path: str) -> bool:
    name = path[:-3] if path.endswith(".gz") else path
    return path == "-" or name.endswith(JSONL_SUFFIXES)


class _UnreadableError(Exception):
    """The rest of a file cannot be read; the message says why."""


class _Source:
    """A file read line by line in bounded pieces, counting what decompression gave."""

    def __init__(self, path: str, limits: ReadLimits) -> None:
        self.path, self.limits = path, limits
        self.raw: IO[bytes] | None = None
        self.out = 0  # bytes read (after decompression)
        if path == "-":
            self.fh: IO[bytes] = sys.stdin.buffer
        elif path.endswith(".gz"):
            self.raw = Path(path).open("rb")  # noqa: SIM115 - closed in close()
            self.fh = gzip.GzipFile(fileobj=self.raw, mode="rb")  # type: ignore[assignment]
        else:
            self.fh = Path(path).open("rb")  # noqa: SIM115 - closed in close()

    def close(self) -> None:
        if self.fh is not sys.stdin.buffer:
            self.fh.close()
        if self.raw is not None:
            self.raw.close()

    def _piece(self, size: int) -> bytes:
        try:
            piece = self.fh.readline(size)
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            raise _UnreadableError(str(exc) or type(exc).__name__) from exc
        self.out += len(piece)
        ratio = self.limits.max_gzip_ratio
        if self.raw is not None and ratio and self.out > GZIP_RATIO_FLOOR:
            packed = max(1, self.raw.tell())
            if self.out > ratio * packed:
                msg = (
                    f"decompresses to more than {ratio:g} times its size ({self.out} bytes "
                    f"from {packed}; --max-gzip-ratio)"
                )
                raise _UnreadableError(msg)
        return piece

    def lines(self) -> Iterator[bytes | tuple[int, bytes]]:
        """Each line as bytes; a line over the record limit as ``(its size, its start)``.

        Raises:
            _UnreadableError: the file ends in a read error, or a line goes on without end.
        """
        limit = self.limits.max_record_bytes
        size = min(READ_PIECE, limit + 1)
        while True:
            piece = self._piece(size)
            if not piece:
                return
            if piece.endswith(b"\n") or len(piece) < size:
                yield piece
                continue
            parts, total = [piece], len(piece)
            while total <= limit:
                more = self._piece(size)
                if not more:
                    break
                parts.append(more)
                total += len(more)
                if more.endswith(b"\n") or len(more) < size:
                    break
            if total <= limit:
                yield b"".join(parts)
                continue
            head = parts[0][: EXCERPT_CHARS * 4]
            del parts
            last = b""
            while last[-1:] != b"\n":
                if total > SKIP_FACTOR * limit:
                    msg = f"no line end in the {total} bytes after a record over the limit"
                    raise _UnreadableError(msg)
                last = self._piece(size)
                if not last:
                    break
                total += len(last)
            yield total, head


def _jsonl_items(path: str, fields: FieldMap, limits: ReadLimits) -> Iterator[Item]:
    try:
        source = _Source(path, limits)
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or exc}"
        yield Item(path, 1, reject=Reject(path, 1, reason, unreadable=True))
        return
    lineno = 0
    try:
        lines = source.lines()
        while True:
            try:
                raw = next(lines, None)
            except _UnreadableError as exc:
                reason = f"unreadable input after line {lineno}: {exc}"
                yield Item(
                    path, lineno + 1, reject=Reject(path, lineno + 1, reason, unreadable=True)
                )
                return
            if raw is None:
                return
            lineno += 1
            if isinstance(raw, tuple):
                size, head = raw
                reason = (
                    f"record of {size} bytes, over the limit of {limits.max_record_bytes} "
                    "(--max-record-size)"
                )
                yield Item(path, lineno, reject=Reject(path, lineno, reason, _excerpt(head)))
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a UTF-8 byte-order mark
            if not raw.strip():
                continue  # blank lines are not records
            yield parse_line(path, lineno, raw, fields)
    finally:
        source.close()


def _refuse_constant(name: str) -> Any:
    msg = f"{name} is not a JSON value"
    raise ValueError(msg)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        msg = "a number out of range (too large for a float)"
        raise ValueError(msg)
    return value


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
        return _parse_line(path, lineno, raw, fields, reject)
    except (ValueError, RecursionError, MemoryError) as exc:  # one line never ends a stream
        return reject(f"unreadable record: {type(exc).__name__}: {str(exc)[:200]}")


def _parse_line(
    path: str,
    lineno: int,
    raw: bytes | str,
    fields: FieldMap,
    reject: Callable[..., Item],
) -> Item:
    try:
        line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        return reject(f"invalid UTF-8 at byte {exc.start}")
    try:
        obj = json.loads(line, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        return reject(f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return reject("invalid JSON: nested too deeply")
    except ValueError as exc:  # a number of more than 4,300 digits, 1e999, NaN
        return reject(f"invalid JSON: {str(exc)[:200]}")
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


def _text_item(path: str, fields: FieldMap, limits: ReadLimits) -> Item:
    limit = limits.max_record_bytes
    try:
        with Path(path).open("rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        reason = f"cannot read: {exc.strerror or exc}"
        return Item(path, 1, reject=Reject(path, 1, reason, unreadable=True))
    except MemoryError:
        return Item(path, 1, reject=Reject(path, 1, "out of memory reading the file"))
    if len(raw) > limit:
        reason = f"file over the record limit of {limit} bytes (--max-record-size)"
        return Item(path, 1, reject=Reject(path, 1, reason, _excerpt(raw[: EXCERPT_CHARS * 4])))
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
    if path == "-" or _is_jsonl(path) or path.endswith(".txt") or _is_stream(path):
        return
    suffix = "".join(Path(path).suffixes[-2:]) or "(none)"
    msg = (
        f"{path}: unknown input format {suffix!r}; newsclean reads JSONL "
        f"({', '.join(JSONL_SUFFIXES)}, and .gz of these) and .txt files (one record each). "
        "A JSONL file by another name can be read from stdin: newsclean clean - < FILE"
    )
    raise InputError(msg)


def read_items(
    paths: Iterable[str], fields: FieldMap | None = None, limits: ReadLimits | None = None
) -> Iterator[Item]:
    """Every input of every path, in order: ``.txt`` files are one record, the rest JSONL
    (pipes and devices too). ``limits`` bound a record and a ``.gz`` (:class:`ReadLimits`).

    A line over the record size is a reject, read past in pieces; a file that cannot be read to
    its end (a corrupt ``.gz``) ends in a reject marked ``unreadable``, and the next file is read.

    Raises:
        InputError: a path does not exist, or is not JSONL or text (a usage error, not a bad
            record).
    """
    fields = fields or FieldMap()
    limits = limits or ReadLimits()
    paths = expand_paths(paths)
    for path in paths:  # every name checked before the first record is read
        if path != "-" and not Path(path).exists():
            msg = f"no such file: {path}"
            raise InputError(msg)
        check_format(path)
    for path in paths:
        if _is_jsonl(path) or _is_stream(path):
            yield from _jsonl_items(path, fields, limits)
        else:
            yield _text_item(path, fields, limits)


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file (plain or .gz); bad lines raise with their line number."""
    for item in read_items([os.fspath(path)]):
        if item.reject is not None:
            msg = f"{item.source}:{item.line}: {item.reject.reason}"
            raise InputError(msg)
        assert item.record is not None
        yield item.record


def writes_in_place(path: str | os.PathLike[str]) -> bool:
    """Whether output to ``path`` is written straight into it rather than renamed over it: a
    device, a named pipe or a socket (``/dev/null``, ``/dev/stdout``, a FIFO) stays what it is.
    """
    name = os.fspath(path)
    if name.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = Path(name).stat().st_mode  # a symlink's target
    except OSError:
        return False
    return not stat.S_ISREG(mode)


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """A text stream that becomes ``path`` only when the block ends without error.

    ``None`` or ``"-"`` writes to stdout. Output goes to a temporary file beside the target and is
    renamed at the end, so a failure or Ctrl-C never leaves a half-written file under the name.
    A symlink's target is what is replaced (the link stays), and an existing file keeps its
    mode. What is not a regular file (a device, a named pipe) is written directly: renaming over
    ``/dev/null`` would replace the device.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    gz = path.endswith(".gz")
    opener: Callable[..., IO[str]] = gzip.open if gz else open
    if writes_in_place(path):
        with opener(path, "wt", encoding="utf-8") as fh:
            yield fh
        return
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode & 0o7777  # an existing file keeps its mode
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        Path(tmp).chmod(mode)  # mkstemp makes 0600
        with opener(tmp, "wt", encoding="utf-8") as fh:
            yield fh
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_distinct(outputs: Mapping[str, str | None], inputs: Sequence[str] = ()) -> None:
    """Refuse a run whose outputs name the same file, or an input: one would destroy the other.

    ``outputs`` maps each option (``"-o"``, ``"--rejects"``) to its path (``None`` or ``"-"``:
    not given, or stdout). Devices and pipes may be shared (``/dev/null`` twice is fine).

    Raises:
        InputError: two outputs, or an output and an input, are the same file.
    """
    seen: dict[str, str] = {}
    for option, path in outputs.items():
        if path is None or path == "-" or writes_in_place(path):
            continue
        key = os.path.realpath(path)
        if key in seen:
            msg = f"{seen[key]} and {option} name the same file ({path}); give each its own"
            raise InputError(msg)
        seen[key] = option
    if not seen:
        return
    for name in expand_paths(inputs):
        if name == "-" or writes_in_place(name):
            continue
        key = os.path.realpath(name)
        for out_key, option in seen.items():
            same = key == out_key
            if not same and Path(out_key).exists():
                with contextlib.suppress(OSError):
                    same = Path(name).samefile(out_key)
            if same:
                msg = f"{option} {name} is also an input: writing it would destroy it"
                raise InputError(msg)


def json_line(obj: Any) -> str:
    """One JSON line, UTF-8 safe: text with lone surrogates is written with escapes. Strict
    JSON: a NaN or infinite number raises ``ValueError`` rather than being written as ``NaN``.

    >>> json_line({"text": "café"})
    '{"text": "café"}\\n'
    >>> json_line({"text": "caf\\u00e9 \\ud800"})
    '{"text": "caf\\\\u00e9 \\\\ud800"}\\n'
    """
    line = json.dumps(obj, ensure_ascii=False, allow_nan=False)
    if not line.isascii():
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: keep it, as the escape it came in as
            line = json.dumps(obj, ensure_ascii=True, allow_nan=False)
    return line + "\n"


def write_jsonl(records: Iterable[dict[str, Any]], path: str | None) -> int:
    """Write dicts as JSON lines (atomically); return how many."""
    n = 0
    with atomic_output(path) as fh:
        for rec in records:
            fh.write(json_line(rec))
            n += 1
    return n
