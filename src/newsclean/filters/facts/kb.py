"""The knowledge base of office holders: load, merge, validate and index tenure rows.

One JSON object a line, one tenure a row (schema in ``docs/facts.md``). The bundled rows live in
``newsclean/data/officeholders/*.jsonl``; every file there is merged, in name order, then the user's
files, in the order given. A later row with the same ``id`` replaces the earlier one; a row with
``"deleted": true`` removes it. Loading is lazy and cached per tuple of user files.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsclean._patterns import is_plain
from newsclean.errors import KnowledgeBaseError
from newsclean.lang import languages_with
from newsclean.lang import section as lang_section

#: a day number after every real date: the open end of an interval
INF = dt.date.max.toordinal()

PRECISIONS = ("day", "month", "year")
REQUIRED = ("id", "person", "position", "position_id", "start")
ROLES = (
    "head_of_state",
    "head_of_government",
    "head_of_state_and_government",
    "deputy_head_of_state",
    "foreign_minister",
    "defence_minister",
    "finance_minister",
    "justice_minister",
    "interior_minister",
    "intl_org_head",
    "intl_org_deputy",
    "central_bank_governor",
    "legislature_president",
    "party_leader",
    "heir_apparent",
    "other",
)


def day(value: dt.date) -> int:
    return value.toordinal()


def iso(ordinal: int) -> str:
    """An ordinal day as ISO text; the open end as an empty string."""
    if ordinal >= INF:
        return ""
    return dt.date.fromordinal(ordinal).isoformat()


def parse_kb_date(value: str, precision: str | None = None) -> tuple[int, int]:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the first and last day it may mean.

    A coarser ``precision`` widens a full date to its month or year.

    >>> [iso(d) for d in parse_kb_date("2022-02")]
    ['2022-02-01', '2022-02-28']
    >>> [iso(d) for d in parse_kb_date("2014-10-01", "year")]
    ['2014-01-01', '2014-12-31']
    """
    parts = value.strip().split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        msg = f"not a date (YYYY-MM-DD, YYYY-MM or YYYY): {value!r}"
        raise ValueError(msg)
    if precision is not None and precision not in PRECISIONS:
        msg = f"unknown precision {precision!r}; expected one of {', '.join(PRECISIONS)}"
        raise ValueError(msg)
    year = int(parts[0])
    level = len(parts)
    if precision == "month":
        level = min(level, 2)
    elif precision == "year":
        level = 1
    if level == 1:
        return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    month = int(parts[1])
    if level == 2:
        first = dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return first.toordinal(), nxt.toordinal() - 1
    d = dt.date(year, month, int(parts[2]))
    return d.toordinal(), d.toordinal()


def fold(text: str) -> str:
    """Normalise a name for lookup: no diacritics, case-folded, unified apostrophes and hyphens.

    >>> fold("Çavuşoğlu’s")
    "cavusoglu's"
    """
    if not is_plain() and text.isascii():
        # decomposition, marks and the replaced characters are all non-ASCII
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("‐", "-").replace("–", "-")
    text = text.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return " ".join(text.casefold().split())


def name_key(text: str) -> str:
    """A person-name lookup key: folded, dots and hyphens as spaces, honorifics dropped.

    >>> name_key("George H.W. Bush")
    'george h w bush'
    """
    text = fold(text).replace(".", " ").replace("-", " ").replace(",", " ")
    words = text.split()
    while words and words[0] in HONORIFICS:
        words.pop(0)
    if words and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words)


def name_keys(form: str) -> list[str]:
    """A name's lookup keys: as written, and without middle initials ("John F. Kelly").

    >>> name_keys("Christopher C. Miller")
    ['christopher c miller', 'christopher miller']
    """
    key = name_key(form)
    if not key:
        return []
    words = key.split()
    if len(words) >= 3 and any(len(w) == 1 for w in words[1:-1]):
        short = " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]])
        return [key, short]
    return [key]


def _pack_words(section: str) -> frozenset[str]:
    """One section of every pack's ``facts.txt``, folded (read here rather than through the
    lexicon, which folds with :func:`fold`)."""
    return frozenset(
        fold(e.text)
        for lang in languages_with("facts.txt")
        for e in lang_section(lang, "facts.txt", section)
    )


#: words before a name that are no part of it ("Mr", "Dr": ``[honorifics]``)
HONORIFICS = _pack_words("honorifics")
#: words after a name that are no part of it ("Jr", "III": ``[name_suffixes]``)
NAME_SUFFIXES = _pack_words("name_suffixes")


@dataclass(frozen=True, slots=True)
class Tenure:
    """One row of the knowledge base: a person in an office for one continuous period."""

    id: str
    person: str
    person_aliases: tuple[str, ...]
    position: str
    position_id: str
    position_aliases: tuple[str, ...]
    position_aliases_generic: tuple[str, ...]
    role: str
    jurisdiction: str
    jurisdiction_code: str
    start: int  # first possible day (widened by precision)
    start_last: int  # last possible start day
    end: int  # last possible day in office; INF when open
    end_first: int  # first possible end day; INF when open
    acting: bool
    as_of: int
    confidence: str
    provenance: str
    source_ref: str | None
    source: str  # file:line it came from
    row: Mapping[str, Any] = field(repr=False, compare=False, hash=False)

    @property
    def open(self) -> bool:
        return self.end >= INF

    def summary(self) -> dict[str, Any]:
        """The evidence a finding cites for this row."""
        return {
            "id": self.id,
            "person": self.person,
            "position": self.position,
            "start": self.row.get("start"),
            "end": self.row.get("end"),
            "acting": self.acting,
            "as_of": self.row.get("as_of"),
            "source": self.source_ref or self.provenance,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a knowledge-base file, where it is."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class SourcedRow:
    row: Mapping[str, Any]
    file: str
    line: int


def read_rows(
    path: str | Path, *, name: str | None = None
) -> tuple[list[SourcedRow], list[Problem]]:
    """Read a JSONL knowledge-base file: rows with their line numbers, and unreadable lines."""
    label = name or str(path)
    text = Path(path).read_text(encoding="utf-8") if name is None else str(path)
    return _parse_lines(text, label)


def _parse_lines(text: str, label: str) -> tuple[list[SourcedRow], list[Problem]]:
    rows: list[SourcedRow] = []
    problems: list[Problem] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(label, lineno, f"not valid JSON: {exc.msg}"))
            continue
        except RecursionError:
            problems.append(Problem(label, lineno, "not valid JSON: nested too deeply"))
            continue
        except ValueError as exc:  # a number of more than 4,300 digits
            problems.append(Problem(label, lineno, f"not valid JSON: {str(exc)[:200]}"))
            continue
        if not isinstance(data, dict):
            problems.append(Problem(label, lineno, "a row must be a JSON object"))
            continue
        rows.append(SourcedRow(data, label, lineno))
    return rows, problems


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if isinstance(v, str) and v.strip())


def make_tenure(src: SourcedRow) -> Tenure:
    """Build a :class:`Tenure` from a row; raises ``ValueError`` with a readable message."""
    row = src.row
    missing = [k for k in REQUIRED if not isinstance(row.get(k), str) or not row[k].strip()]
    if missing:
        msg = f"missing or empty field(s): {', '.join(missing)}"
        raise ValueError(msg)
    start_lo, start_hi = parse_kb_date(row["start"], row.get("start_precision"))
    end_raw = row.get("end")
    if end_raw is None:
        end_lo = end_hi = INF
    elif isinstance(end_raw, str):
        end_lo, end_hi = parse_kb_date(end_raw, row.get("end_precision"))
    else:
        msg = f"end must be a date string or null, not {end_raw!r}"
        raise ValueError(msg)
    if end_hi < start_lo:
        msg = f"start {row['start']} is after end {end_raw}"
        raise ValueError(msg)
    as_of_raw = row.get("as_of")
    if as_of_raw is None:
        as_of = start_hi if end_hi >= INF else end_hi
    elif isinstance(as_of_raw, str):
        as_of = parse_kb_date(as_of_raw)[1]
    else:
        msg = f"as_of must be a date string, not {as_of_raw!r}"
        raise ValueError(msg)
    acting = row.get("acting", False)
    if not isinstance(acting, bool):
        msg = f"acting must be true or false, not {acting!r}"
        raise ValueError(msg)
    role = str(row.get("role") or "other")
    return Tenure(
        id=row["id"],
        person=row["person"].strip(),
        person_aliases=_strs(row.get("person_aliases")),
        position=row["position"].strip(),
        position_id=row["position_id"].strip(),
        position_aliases=_strs(row.get("position_aliases")),
        position_aliases_generic=_strs(row.get("position_aliases_generic")),
        role=role,
        jurisdiction=str(row.get("jurisdiction") or ""),
        jurisdiction_code=str(row.get("jurisdiction_code") or ""),
        start=start_lo,
        start_last=start_hi,
        end=end_hi,
        end_first=end_lo,
        acting=acting,
        as_of=as_of,
        confidence=str(row.get("confidence") or "high"),
        provenance=str(row.get("provenance") or ""),
        source_ref=row.get("source_ref") if isinstance(row.get("source_ref"), str) else None,
        source=f"{src.file}:{src.line}",
        row=row,
    )


def merge(
    sources: Iterable[SourcedRow],
) -> tuple[dict[str, tuple[SourcedRow, Tenure]], list[Problem]]:
    """Merge rows in order: later ids override, ``deleted`` removes; bad rows become problems."""
    merged: dict[str, tuple[SourcedRow, Tenure]] = {}
    problems: list[Problem] = []
    for src in sources:
        rid = src.row.get("id")
        if not isinstance(rid, str) or not rid:
            problems.append(Problem(src.file, src.line, "row has no 'id'"))
            continue
        if src.row.get("deleted") is True:
            merged.pop(rid, None)
            continue
        try:
            tenure = make_tenure(src)
        except (ValueError, TypeError) as exc:
            problems.append(Problem(src.file, src.line, f"{rid}: {exc}"))
            continue
        merged.pop(rid, None)
        merged[rid] = (src, tenure)
    return merged, problems


def validate(rows: Sequence[SourcedRow]) -> list[Problem]:
    """Every problem in one file's rows: bad fields and dates, duplicate ids, overlapping tenures.

    Non-acting rows of one ``position_id`` may overlap by at most one day (handover); rows with
    month or year precision at the overlap are not compared. Open rows need ``as_of >= start``.
    """
    problems: list[Problem] = []
    seen: dict[str, SourcedRow] = {}
    tenures: list[tuple[SourcedRow, Tenure]] = []
    for src in rows:
        row = src.row
        rid = row.get("id")
        if isinstance(rid, str) and rid in seen and row.get("deleted") is not True:
            first = seen[rid]
            problems.append(
                Problem(src.file, src.line, f"duplicate id {rid!r} (first at line {first.line})")
            )
            continue
        if row.get("deleted") is True:
            continue
        try:
            tenure = make_tenure(src)
        except (ValueError, TypeError) as exc:
            problems.append(Problem(src.file, src.line, f"{rid or '(no id)'}: {exc}"))
            continue
        seen[tenure.id] = src
        for key in ("start_precision", "end_precision"):
            value = row.get(key)
            if value is not None and value not in PRECISIONS:
                problems.append(Problem(src.file, src.line, f"{tenure.id}: bad {key} {value!r}"))
        if tenure.open and tenure.as_of < tenure.start_last:
            problems.append(
                Problem(
                    src.file,
                    src.line,
                    f"{tenure.id}: open row with as_of {row.get('as_of')} before its start {row['start']}",
                )
            )
        tenures.append((src, tenure))
    by_position: dict[str, list[tuple[SourcedRow, Tenure]]] = defaultdict(list)
    for src, t in tenures:
        if not t.acting and not src.row.get("multi_holder"):
            by_position[t.position_id].append((src, t))
    for group in by_position.values():
        group.sort(key=lambda st: st[1].start)
        for (sa, a), (sb, b) in itertools.pairwise(group):
            precise = sa.row.get("end_precision") in (None, "day") and sb.row.get(
                "start_precision"
            ) in (None, "day")
            if precise and a.end_first < INF and b.start_last < a.end_first - 1:
                problems.append(
                    Problem(
                        sb.file,
                        sb.line,
                        f"{b.id} starts {sb.row['start']}, before {a.id} (line {sa.line}) ends "
                        f"{sa.row.get('end')}: overlapping tenures of {b.position_id}",
                    )
                )
            elif a.open and not b.acting:
                problems.append(
                    Problem(
                        sa.file,
                        sa.line,
                        f"{a.id} is open (no end) but {b.id} (line {sb.line}) starts later in "
                        f"the same office",
                    )
                )
    return problems


def check_file(path: str | Path) -> list[Problem]:
    """Validate one knowledge-base file: every problem with its file and line."""
    rows, problems = read_rows(path)
    return problems + validate(rows)


# ---------------------------------------------------------------------------------------------
# the merged, indexed knowledge base


class KB:
    """Merged tenure rows with the indexes mention matching needs."""

    def __init__(self, tenures: Iterable[Tenure]) -> None:
        self.tenures: tuple[Tenure, ...] = tuple(tenures)
        self.by_id: dict[str, Tenure] = {t.id: t for t in self.tenures}
        self.by_position: dict[str, list[Tenure]] = defaultdict(list)
        self.by_person: dict[str, list[Tenure]] = defaultdict(list)
        #: name key (canonical name or alias) -> person keys
        self.names: dict[str, set[str]] = defaultdict(set)
        #: canonical display name per person key
        self.display: dict[str, str] = {}
        #: all name forms (keys) of one person
        self.forms: dict[str, set[str]] = defaultdict(set)
        #: folded surname -> person keys
        self.surnames: dict[str, set[str]] = defaultdict(set)
        # one key per person: the Wikidata id if any row of that name has one
        qids: dict[str, str] = {}
        for t in self.tenures:
            qid = t.row.get("person_wikidata")
            if isinstance(qid, str) and qid:
                qids.setdefault(name_key(t.person), qid)
        self.key_of: dict[str, str] = {}
        for t in self.tenures:
            self.by_position[t.position_id].append(t)
            pkey = person_key(t, qids)
            self.key_of[t.id] = pkey
            self.by_person[pkey].append(t)
            self.display.setdefault(pkey, t.person)
            for form in (t.person, *t.person_aliases):
                for key in name_keys(form):
                    self.names[key].add(pkey)
                    self.forms[pkey].add(key)
                    if " " in key:
                        self.surnames[key.rsplit(" ", 1)[1]].add(pkey)
        for rows in self.by_position.values():
            rows.sort(key=lambda t: t.start)
        for rows in self.by_person.values():
            rows.sort(key=lambda t: t.start)
        self.position_label = {p: rows[0].position for p, rows in self.by_position.items()}
        self.position_jurisdiction = {
            p: rows[0].jurisdiction_code for p, rows in self.by_position.items()
        }

    def __len__(self) -> int:
        return len(self.tenures)

    def persons_named(self, name: str) -> set[str]:
        return set(self.names.get(name_key(name), ()))

    def holders(self, position_ids: Iterable[str]) -> set[str]:
        return {self.key_of[t.id] for p in position_ids for t in self.by_position.get(p, ())}

    def rows(self, person: str, position_ids: Iterable[str]) -> list[Tenure]:
        wanted = set(position_ids)
        return [t for t in self.by_person.get(person, ()) if t.position_id in wanted]

    def as_of(self, position_id: str) -> int:
        rows = self.by_position.get(position_id, ())
        return max((t.as_of for t in rows), default=0)

    def covered_from(self, position_id: str) -> int:
        """The start of the earliest tenure known for a position: before it, the rows are silent."""
        rows = self.by_position.get(position_id, ())
        return rows[0].start if rows else 0


def person_key(t: Tenure, qids: Mapping[str, str] | None = None) -> str:
    """People are told apart by ``person_id`` or Wikidata id when there is one, else by
    canonical name (two people of one name need one of the ids)."""
    pid = t.row.get("person_id")
    if isinstance(pid, str) and pid:
        return f"id:{pid}"
    qid = t.row.get("person_wikidata")
    if isinstance(qid, str) and qid:
        return qid
    name = name_key(t.person)
    return (qids or {}).get(name, name)


BUNDLED = "officeholders"


def bundled_sources() -> list[tuple[str, str]]:
    """``(label, text)`` of every bundled ``*.jsonl`` file, in name order."""
    base = resources.files("newsclean").joinpath("data").joinpath(BUNDLED)
    out = []
    for entry in sorted(base.iterdir(), key=lambda p: p.name):
        if entry.is_file() and entry.name.endswith(".jsonl"):
            out.append(
                (f"newsclean/data/{BUNDLED}/{entry.name}", entry.read_text(encoding="utf-8"))
            )
    return out


def iter_sources(paths: Sequence[str]) -> Iterator[SourcedRow]:
    for label, text in bundled_sources():
        rows, problems = _parse_lines(text, label)
        if problems:
            raise KnowledgeBaseError(str(problems[0]))
        yield from rows
    for path in paths:
        try:
            rows, problems = read_rows(path)
        except OSError as exc:
            msg = f"cannot read knowledge-base file {path}: {exc.strerror or exc}"
            raise KnowledgeBaseError(msg) from exc
        except UnicodeDecodeError as exc:
            msg = f"knowledge-base file {path}: not UTF-8 (byte {exc.start})"
            raise KnowledgeBaseError(msg) from exc
        if problems:
            raise KnowledgeBaseError(str(problems[0]))
        yield from rows


@functools.lru_cache(maxsize=16)
def load_kb(paths: tuple[str, ...] = ()) -> KB:
    """The bundled knowledge base merged with the user's files (cached per tuple of paths).

    A row that cannot be read raises :class:`~newsclean.errors.KnowledgeBaseError` with its
    file and line.
    """
    merged, problems = merge(iter_sources(paths))
    if problems:
        raise KnowledgeBaseError("; ".join(str(p) for p in problems[:5]))
    return KB(t for _, t in merged.values())


def kb_files(paths: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Per file of the merged knowledge base, in load order: the rows in use (after overrides
    and deletions) and the earliest and latest ``as_of`` among them."""
    by_file: dict[str, list[int]] = {}
    for t in load_kb(paths).tenures:
        by_file.setdefault(t.source.rsplit(":", 1)[0], []).append(t.as_of)
    return [
        {"file": name, "rows": len(days), "as_of": [iso(min(days)), iso(max(days))]}
        for name, days in by_file.items()
    ]


def pipeline_kb_files(filters: Iterable[Any]) -> list[dict[str, Any]]:
    """:func:`kb_files` of a pipeline's fact filter; empty when it has none."""
    for f in filters:
        files = getattr(f, "knowledge_base_files", None)
        if callable(files):
            return list(files())
    return []
