"""The flag-stage filters of the fact checks (see the package docstring)."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from newsclean._patterns import Pattern, compile_pattern, finditer, is_plain, match, search
from newsclean.codes import Severity
from newsclean.draft import EMPTY, Block, Draft, Flag, Proposal, Stage
from newsclean.filters.blocks import draft_folded_words, guess_language
from newsclean.filters.facts import lexicon as lex
from newsclean.filters.facts import names as nm
from newsclean.filters.facts import people as pp
from newsclean.filters.facts import windows as win
from newsclean.filters.facts.dates import ENGLISH_WEEKDAY, find_dates, parse_published
from newsclean.filters.facts.headline import (
    TITLE_MAX_WORDS,
    TOKEN_RE,
    Verdict,
    coverage,
    coverage_in_text,
    english_title_case,
    is_nav_label,
    key_terms,
)
from newsclean.filters.facts.kb import KB, iso, kb_files, load_kb, name_key
from newsclean.filters.facts.mentions import (
    Gazetteer,
    Mention,
    find_mentions,
    gazetteer,
    trigger_spans,
)
from newsclean.filters.facts.scan import find_words, lowered
from newsclean.lang import all_entries
from newsclean.scanner import Need, ask, document_scan

YEAR_RE = compile_pattern(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")
#: a plain title this long after the tenure ended reads as a reference to the past
STALE_DAYS = 3 * 366
#: "former X" before the first tenure the knowledge base knows is flagged only when its rows for X
#: reach this far back: an earlier tenure would have to be older than that (a plain title is
#: checked from the day the rows begin)
FORMER_LOOKBACK_DAYS = 20 * 366
CAPWORD_RE = compile_pattern(r"(?<![\p{L}])\p{Lu}[\p{L}\p{M}]+(?:['’\-]\p{L}+)*")
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _fmt(d: dt.date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _is_title_block(draft: Draft, index: int) -> bool:
    removal = draft.removal_of(index)
    return removal is not None and removal.reason == "structure.title"


def _block_starts(draft: Draft) -> list[int]:
    """Where each block starts: shared by the checks that look blocks up by position."""
    return draft.cached("facts.block_starts", lambda: [b.span[0] for b in draft.blocks])


def _checked_spans(draft: Draft) -> list[tuple[int, int]]:
    """The spans of the blocks the checks read (kept and title blocks), in order."""
    removal_of = draft.removal_of  # one look-up per block: most pages remove many lines
    return [
        b.span
        for b in draft.blocks
        if (removal := removal_of(b.index)) is None or removal.reason == "structure.title"
    ]


#: lines closer than this are scanned as one span, with what lies between them
LINE_GAP = 200


def _line_runs(spans: list[tuple[int, int]], gap: int = LINE_GAP) -> list[tuple[int, int]]:
    """Sorted line spans, those close to each other merged: fewer, longer searches. Each run
    still ends where a line does."""
    runs: list[tuple[int, int]] = []
    for start, end in spans:
        if runs and start - runs[-1][1] <= gap:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def title_kind(kb: tuple[str, ...]) -> str:
    """The kind of the document scan's lines that hold a title word of the knowledge base
    merged from ``kb`` (the bundled one and the user's files)."""
    return "facts.title:" + "|".join(kb)


def ask_for_titles(kb: tuple[str, ...]) -> None:
    """Have the document scan look for the knowledge base's title words anywhere in a line,
    inside a word too, as :func:`~newsclean.filters.facts.mentions.trigger_spans` finds them."""
    kind = title_kind(kb)
    ask(
        ("facts.titles", kb),
        lambda: [Need.one(kind, word, "part") for word in gazetteer(load_kb(kb)).triggers],
    )


def _title_word_spans(
    draft: Draft, kb: tuple[str, ...], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The spans of the checked blocks (kept and title blocks) that may hold a title word: those
    the document scan names, for :func:`trigger_spans` to look in instead of ``runs``.

    A title word is found in the lower-cased text, and every character's lower case folds as
    the character does, so a block that holds one holds its fold in its fold. The one
    character whose lower case is longer ("İ") is lowered to its first character there, which
    its fold does not follow: a text with it is looked at in ``runs``. The blocks between the
    checked ones in a run hold no mention the check reads.
    """
    text = draft.text
    if len(lowered(text)) != len(text):
        return runs
    ask_for_titles(kb)
    blocks, removal_of = draft.blocks, draft.removal_of
    return [
        blocks[index].span
        for index in sorted(document_scan(draft).lines(title_kind(kb)))
        if (removal := removal_of(index)) is None or removal.reason == "structure.title"
    ]


def _title_blocks(draft: Draft) -> list[Block]:
    """Removed headline blocks: their text is still in the draft, so spans stay valid."""
    return [b for b in draft.blocks if _is_title_block(draft, b.index)]


#: what may stand before a dateline's date: a place in capitals, or a "published" label
#: (``[dateline_labels]`` of the packs' ``facts.txt``)
DATELINE_BEFORE_RE = compile_pattern(
    r"^[\p{Lu}\s,.()/'’-]*$|^\W*(?i:\L<labels>)\b", labels=lex.listed("dateline_labels")
)
#: what may follow it: a dash, a colon, a bracket, a time (maybe after a word: "at 10:15",
#: ``[time_words]``), or nothing
DATELINE_AFTER_RE = compile_pattern(
    r"^\s*(?:$|[—–\-:|(/,]|\d{1,2}[:.h]\d\d|(?i:\L<timewords>)\s+\d)",
    timewords=lex.listed("time_words"),
)


def article_date(draft: Draft, blocks: list[Block]) -> tuple[dt.date, str] | None:
    """The document date: ``published`` (given, or read from a date line of the text's head by
    ``detect_title``, which the source then names), else a dateline at the start of the first body lines
    ("BUCHAREST, 30 November 2022 —", "Published 12 March 2023 10:15"). A date inside a sentence
    is an event, not the article's date."""
    published = parse_published(draft.published, timeout=draft.regex_timeout)
    if published is not None:
        source = draft.sources.get("published")
        if source is None or source.rule == "given" or source.span is None:
            return published, "published"
        # read from the text's head (a date line by the headline or byline), not given
        start, end = source.span
        return published, f"text date {draft.original[start:end]!r}"
    timeout = draft.regex_timeout
    for block in blocks[:3]:
        head = block.text[:160]
        for d in find_dates(head, timeout=timeout):
            date = d.date()
            if date is None or d.span[0] > 40:
                continue
            before, after = head[: d.span[0]], head[d.span[1] :]
            if search(DATELINE_BEFORE_RE, before, timeout=timeout) and search(
                DATELINE_AFTER_RE, after, timeout=timeout
            ):
                return date, f"dateline {d.text!r}"
    return None


MAX_WORDS = 20000
MAX_MENTIONS = 500


def _short_references(
    mentions: list[Mention], capwords: list[tuple[str, int]]
) -> dict[str, list[tuple[int, int]]]:
    """Later bare-surname references ("Blinken", "Mr. Blinken") tied to each person's mention."""
    surnames: dict[str, str] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.match is not None:
            surnames.setdefault(m.display.split()[-1], m.person)
            first[m.person] = min(first.get(m.person, m.span[0]), m.span[0])
    spans = sorted(m.span for m in mentions)
    starts = [a for a, _ in spans]
    out: dict[str, list[tuple[int, int]]] = {}
    for word, start in capwords:
        person = surnames.get(word)
        if person is None or start < first[person]:
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < spans[i][1]:
            continue  # inside a full mention
        out.setdefault(person, []).append((start, start + len(word)))
    return out


@dataclass(frozen=True, slots=True)
class NameRef:
    """A person's name as written, with or without a title: what the name checks compare."""

    person: str
    display: str
    name: str
    name_span: tuple[int, int]
    text: str  # the mention, or the name itself
    match: nm.NameMatch
    positions: frozenset[str]  # the offices it is about (a bare name: the latest one held)
    titled: bool = False

    @classmethod
    def of_mention(cls, m: Mention, match: nm.NameMatch) -> NameRef:
        return cls(m.person, m.display, m.name, m.name_span, m.text, match, m.positions, True)

    @classmethod
    def of_bare(cls, kb: KB, b: nm.BareName) -> NameRef:
        person = b.match.person
        rows = kb.by_person.get(person, ())
        # the office named in messages: the latest one they held
        latest = frozenset(t.position_id for t in rows[-1:])
        return cls(person, b.match.display, b.name, b.span, b.name, b.match, latest)


#: given names looked at per document: bounds the work on list-like text
MAX_GIVEN = 2000


def _capwords(blocks: list[Block], timeout: float | None) -> list[tuple[str, int]]:
    """The capitalised words of the blocks (possessive dropped), with their offsets."""
    capwords: list[tuple[str, int]] = []
    for b in blocks:
        for w in finditer(CAPWORD_RE, b.text, timeout=timeout):
            word = w.group()
            for suffix in ("'s", "’s"):
                word = word.removesuffix(suffix)
            capwords.append((word, b.span[0] + w.start()))
            if len(capwords) >= MAX_WORDS:
                return capwords
    return capwords


def _given_variant_possible(draft: Draft, bare: list[nm.BareName]) -> bool:
    """Whether a known full name's surname occurs again in the text, where another spelling
    of the given name may stand before it (a cheap test before the capitalised words)."""
    text = draft.text
    for b in bare:
        surname = b.name.split()[-1]
        if text.find(surname, b.span[1]) >= 0 or text.rfind(surname, 0, b.span[0]) >= 0:
            return True
    return False


#: function words of every language pack (``stopwords.txt``), folded: a capitalised word after
#: one is more likely a noun than a name
FUNCTION_WORDS = frozenset(e.text.casefold() for e in all_entries("stopwords.txt"))


def _after_function_word(text: str, start: int) -> bool:
    """Whether the word before ``start`` (only spaces between) is a function word or a
    capitalised word: the word at ``start`` is then a noun ("in der Schule") or part of a longer
    name ("the Prince's Trust") rather than a surname alone."""
    head = text[max(0, start - 40) : start]
    if not head or not head[-1].isspace():
        return False
    words = head.split()
    if not words:
        return False
    before = words[-1]
    if before.casefold() in FUNCTION_WORDS:
        return True
    # a capitalised word that does not open a sentence
    opens = len(words) < 2 or words[-2][-1] in ".!?:;\"'»”"
    return before[0].isupper() and before[-1].isalpha() and not opens


def _surname_slip_possible(draft: Draft, bare: list[nm.BareName]) -> bool:
    """Whether another capitalised word with the first two letters of a known full name's
    surname stands elsewhere in the text, where it may be a misspelling of that surname (a
    cheap test before the capitalised words)."""
    text = draft.text
    for b in bare:
        surname = b.name.split()[-1]
        if not b.match.exact or len(surname) < 5:
            continue
        head = surname[:2]
        if text.find(head, b.span[1]) >= 0 or text.rfind(head, 0, b.span[0]) >= 0:
            return True
    return False


def _bare_names(
    kb: KB, draft: Draft, given: list[tuple[int, int]], mentions: list[Mention]
) -> list[nm.BareName]:
    """Full names of known office holders outside the mentions, in kept and title lines."""
    if not given:
        return []
    index = nm.given_names(kb)
    starts = _block_starts(draft)
    taken = sorted(m.span for m in mentions)
    text = draft.text
    runs: list[list[tuple[str, int]]] = []
    reach = -1
    for start, _ in given[:MAX_GIVEN]:
        if start < reach or not text[start].isupper():
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or (draft.is_removed(i) and not _is_title_block(draft, i)):
            continue
        j = bisect.bisect_right(taken, (start, len(text) + 1)) - 1
        if j >= 0 and start < taken[j][1]:
            continue  # the name of a mention
        words = nm.read_name(text, start)
        if len(words) < 2 or name_key(words[0][0]) not in index.names:
            continue
        reach = words[-1][1] + len(words[-1][0])
        runs.append(words)
    referenced = {m.person for m in mentions if m.match is not None}
    for words in runs:  # exact full names first: their people are candidates for near misses
        found = kb.persons_named(" ".join(w for w, _ in words[:2]))
        if len(found) == 1:
            referenced |= found
    out = []
    for words in runs:
        b = nm.bare_name(kb, words, referenced)
        if b is not None:
            out.append(b)
    return out


def _languages(draft: Draft) -> tuple[str, ...]:
    """English and the draft's language (given or guessed): whose words are read around a
    mention. Words of other languages are not: "se" is "if" in Italian but not in Spanish."""
    lang = (draft.lang or "").split("-")[0].casefold()
    if lang not in lex.languages():
        lang = (
            draft.cached(
                "guessed_language",
                lambda: guess_language(
                    draft.blocks,
                    draft.regex_timeout,
                    functools.partial(draft_folded_words, draft),
                ),
            )
            or ""
        )
    return ("en", lang) if lang and lang != "en" else ("en",)


def _present_claims(draft: Draft, mentions: list[Mention]) -> list[Mention]:
    """The mentions that claim an office in the text's present or past: would-be, future and
    conditional holders are left out, and a title marked as held at the time ("the then",
    "damalige") reads as "then-"."""
    langs = _languages(draft)
    # the words that mark a title as held at the time ("ówczesny", "damalige") are read in
    # every language: a short text's language may be guessed wrong, and reading a title as
    # "then-" can only withhold a finding
    retro = lex.languages()
    out = []
    for m in mentions:
        how = lex.reading(draft.text, m.span[0], m.span[1], langs, retrospective=retro)
        if how == "hypothetical":
            continue
        if how == "then" and m.modifier is None:
            m = dataclasses.replace(m, modifier="then")
        out.append(m)
    return out


def _periods(rows: Iterable[Any]) -> str:
    parts = []
    for t in rows:
        end = t.row.get("end") or f"open (checked to {t.row.get('as_of')})"
        parts.append(f"{t.row.get('start')}..{end}" + (" (acting)" if t.acting else ""))
    return ", ".join(parts)


def _as_of_range(rows: Iterable[Any]) -> list[str]:
    """The earliest and latest ``as_of`` of the rows a finding relied on."""
    days = [t.as_of for t in rows]
    return [iso(min(days)), iso(max(days))] if days else []


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes)) or hasattr(value, "__fspath__"):
        return (str(value),)
    return tuple(str(v) for v in value)


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckFacts:
    """Office titles and person names against the knowledge base (flags only).

    ``kb``: extra JSONL files merged over the bundled knowledge base, in order.
    ``stale_window_months``: how long after an office's ``as_of`` a holder who had already left
    it is still reported at warning (then at info).
    """

    name: ClassVar[str] = "check_facts"
    stage: ClassVar[Stage] = Stage.FLAG
    codes: ClassVar[tuple[str, ...]] = (
        "title.never_held",
        "title.not_incumbent",
        "title.former_but_incumbent",
        "title.anachronism",
        "title.unverifiable",
        "name.variant",
        "name.inconsistent",
    )
    kb: tuple[str, ...] = ()
    max_conflicts: int = 3
    #: after an office's ``as_of``, a tenure that had already closed (its successor's row still
    #: open) stays ``title.not_incumbent`` at warning for this many months, then at info
    stale_window_months: int = 12

    def __post_init__(self) -> None:
        object.__setattr__(self, "kb", _as_tuple(self.kb))
        if self.kb:
            load_kb(self.kb)  # a bad user file is a configuration error, found now

    def knowledge_base(self) -> KB:
        return load_kb(self.kb)

    def knowledge_base_files(self) -> list[dict[str, Any]]:
        """The files the findings rely on: rows in use and their ``as_of`` range, per file."""
        return kb_files(self.kb)

    def prepare(self) -> None:
        """Load the knowledge base and build its patterns (about a second, once per process)."""
        gazetteer(self.knowledge_base())
        ask_for_titles(self.kb)

    def apply(self, draft: Draft, /) -> Proposal:
        kb = self.knowledge_base()
        gaz = gazetteer(kb)
        # title words and known given names are looked for once over the text, not once per
        # line, and only in the lines mentions are looked for in (kept and title lines)
        runs = _line_runs(_checked_spans(draft))
        # full names of known office holders are checked without a title too: their given
        # names are found in the same way as title words
        given = find_words(nm.given_names(kb).words, draft.text, runs, whole=True, cased=True)
        if draft.plain:
            mentions = self._mentions_plainly(kb, gaz, draft)
        else:
            mentions = self._mentions(kb, gaz, draft, runs)
        if not mentions and not given:
            return EMPTY  # no title word and no known given name anywhere
        bare = _bare_names(kb, draft, given, mentions)
        blocks = _title_blocks(draft) + draft.kept()
        if not mentions:
            # names alone: only a spelling can be wrong: one that is no known form, another
            # spelling of a known one's given name, or a surname one slip away from the full
            # name's
            if not bare:
                return EMPTY
            refs = [NameRef.of_bare(kb, b) for b in bare]
            words = (
                _capwords(blocks, draft.regex_timeout)
                if len(bare) > 1
                or any(not b.match.exact for b in bare)
                or _given_variant_possible(draft, bare)
                or _surname_slip_possible(draft, bare)
                else []
            )
            if not words and all(b.match.exact for b in bare):
                return EMPTY
            return Proposal(flags=tuple(self._names(kb, draft, refs, words)))
        capwords = _capwords(blocks, draft.regex_timeout)
        # evidence spans are in the original text, like finding spans
        self_refs = {
            person: [draft.original_span(r) for r in spans]
            for person, spans in _short_references(mentions, capwords).items()
        }
        flags: list[Flag] = []
        refs = [NameRef.of_mention(m, m.match) for m in mentions if m.match is not None]
        refs += [NameRef.of_bare(kb, b) for b in bare]
        flags += self._names(kb, draft, sorted(refs, key=lambda r: r.name_span), capwords)
        body = draft.kept()
        date = article_date(draft, body)
        present = _present_claims(draft, mentions)
        flags += self._never_held(kb, present, date)
        claims = self._claims(kb, present, blocks, draft.regex_timeout)
        flags += self._anachronisms(claims, self_refs, draft)
        if date is not None:
            flags += self._against_date(kb, claims, *date, self_refs, draft)
        return Proposal(flags=tuple(flags))

    def _mentions(
        self, kb: KB, gaz: Gazetteer, draft: Draft, runs: list[tuple[int, int]]
    ) -> list[Mention]:
        """The mentions in the title and kept blocks, looked for only in blocks with a title
        word (found once over the given runs of lines, in the blocks the document scan says
        may hold one)."""
        hits = trigger_spans(gaz, draft.text, _title_word_spans(draft, self.kb, runs))
        if not hits:
            return []  # no title word anywhere
        # only the blocks with a title word can hold a mention: each word's block is found by
        # bisection, and those blocks are visited in the order of title blocks, then kept ones
        starts = _block_starts(draft)
        inside: dict[int, list[tuple[int, int]]] = {}
        for hit in hits:
            index = bisect.bisect_right(starts, hit[0]) - 1
            if index >= 0 and hit[0] < draft.blocks[index].span[1]:
                inside.setdefault(index, []).append(hit)
        titles = [i for i in inside if _is_title_block(draft, i)]
        kept = [i for i in inside if not draft.is_removed(i)]
        mentions: list[Mention] = []
        for index in titles + kept:
            b = draft.blocks[index]
            a = b.span[0]
            anchors = [(s - a, e - a) for s, e in inside[index]]
            mentions.extend(
                find_mentions(
                    kb, gaz, b.text, offset=a, timeout=draft.regex_timeout, anchors=anchors
                )
            )
            if len(mentions) >= MAX_MENTIONS:
                break  # list-like or hostile text: check the first ones only
        return mentions

    def _mentions_plainly(self, kb: KB, gaz: Gazetteer, draft: Draft) -> list[Mention]:
        """:meth:`_mentions` with every title block, then every kept block, read on its own."""
        titles = [b.index for b in draft.blocks if _is_title_block(draft, b.index)]
        kept = [b.index for b in draft.blocks if not draft.is_removed(b.index)]
        mentions: list[Mention] = []
        for index in titles + kept:
            b = draft.blocks[index]
            mentions.extend(
                find_mentions(kb, gaz, b.text, offset=b.span[0], timeout=draft.regex_timeout)
            )
            if len(mentions) >= MAX_MENTIONS:
                break  # list-like or hostile text: check the first ones only
        return mentions

    # -- names --------------------------------------------------------------------------------

    def _names(
        self, kb: KB, draft: Draft, mentions: list[NameRef], capwords: list[tuple[str, int]]
    ) -> list[Flag]:
        flags: list[Flag] = []
        seen: set[str] = set()
        spelt: dict[str, dict[str, NameRef]] = {}
        for m in mentions:
            key = name_key(m.name)
            spelt.setdefault(m.person, {}).setdefault(key, m)
            if m.match.exact or key in seen:
                continue
            seen.add(key)
            translit = nm.transliterated(kb, m.person, m.name)
            kind = "a transliteration variant" if translit else "a misspelling"
            advice = (
                f"add {m.name!r} to person_aliases if it is an accepted spelling"
                if translit
                else f"write {m.display!r}"
            )
            flags.append(
                Flag(
                    "name.variant",
                    m.name_span,
                    f"{m.name!r} looks like {kind} of {m.display!r} (holder of "
                    f"{kb.position_label[sorted(m.positions)[0]]}); {advice}",
                    {
                        "written": m.name,
                        "suggestion": m.display,
                        "matched_form": m.match.form,
                        "score": round(m.match.score, 3),
                        "kb_rows": [t.id for t in kb.rows(m.person, m.positions)],
                        "transliteration": translit,
                    },
                    Severity.INFO if translit else None,
                )
            )
        # the same person written two ways: two full forms, or a misspelt surname
        for person, written in spelt.items():
            if len(written) < 2:
                continue
            known = kb.forms.get(person, set())
            words = {w for form in known for w in form.split()}
            # a surname alone ("President Obama") is a short reference, not another spelling
            odd = [m for k, m in written.items() if k not in known and k not in words]
            good = [m for k, m in written.items() if k in known]
            if odd and good:
                m, ref = odd[0], good[0]
                flags.append(
                    Flag(
                        "name.inconsistent",
                        m.name_span,
                        f"{m.display} is written {m.name!r} here but {ref.name!r} elsewhere in "
                        f"the text; use one spelling ({m.display!r})",
                        {
                            "forms": [m.name, ref.name],
                            "person": m.display,
                            "spans": [
                                list(draft.original_span(m.name_span)),
                                list(draft.original_span(ref.name_span)),
                            ],
                        },
                    )
                )
        surnames: dict[str, NameRef] = {}
        for m in mentions:
            # only surnames a title or the whole known name vouches for: a bare surname one
            # letter away from a capitalised noun is too likely (German "Schule" and "Schulz")
            if m.titled or (m.match.exact and len(m.name.split()) >= 2):
                surnames.setdefault(m.display.split()[-1], m)
        # a name written in full without a title vouches less: a word after a function word
        # or a capitalised word ("in der Schule", "the Prince's Trust") is then no surname
        untitled = {s for s, m in surnames.items() if not m.titled}
        reported: set[str] = set()
        # two spellings need both: the right surname somewhere, and a near miss elsewhere
        present = {w.lower() for w, _ in capwords}
        surnames = {s: m for s, m in surnames.items() if s.lower() in present}
        flagged_names = [f.span for f in flags if f.code == "name.variant"]
        for word, start in capwords:
            if word in reported or any(a <= start < b for a, b in flagged_names):
                continue
            for surname, m in surnames.items():
                if word == surname or word[0] != surname[0] or abs(len(word) - len(surname)) > 1:
                    continue
                if not nm.similar_word(word, surname):
                    continue
                if surname in untitled and _after_function_word(draft.text, start):
                    continue
                forms = kb.forms.get(m.person, set())
                if any(name_key(word) in f.split() for f in forms):
                    continue
                if name_key(word) in kb.surnames:
                    continue  # another known person's surname
                reported.add(word)
                flags.append(
                    Flag(
                        "name.inconsistent",
                        (start, start + len(word)),
                        f"{word!r} looks like a misspelling of {surname!r} "
                        f"({m.display}, named in {m.text!r}); use one spelling",
                        {"written": word, "suggestion": surname, "person": m.display},
                    )
                )
                break
        flags += self._given_variants(kb, draft, mentions, capwords, flags)
        return flags

    def _given_variants(
        self,
        kb: KB,
        draft: Draft,
        refs: list[NameRef],
        capwords: list[tuple[str, int]],
        flags: list[Flag],
    ) -> list[Flag]:
        """A known person's surname after another spelling of their given name, with or
        without a title ("Emanuel Macron" where "Emmanuel Macron" is written elsewhere): one
        slip in a given name of four letters or more, the whole no one's known name."""
        known: dict[str, NameRef] = {}
        for r in refs:
            words = r.name.split()
            if r.match.exact and len(words) >= 2:
                known.setdefault(words[-1], r)
        if not known:
            return []
        text = draft.text
        taken = [r.name_span for r in refs] + [f.span for f in flags]
        out: list[Flag] = []
        for (prev, pstart), (word, start) in itertools.pairwise(capwords):
            ref = known.get(word)
            if ref is None or text[pstart + len(prev) : start] != " ":
                continue
            end = start + len(word)
            if len(nm.read_name(text, pstart)) != 2:
                continue  # the name goes on: someone else
            if any(a <= pstart < b or a <= start < b for a, b in taken):
                continue
            given = ref.name.split()[0]
            a, b = name_key(prev), name_key(given)
            if not nm.one_slip(a, b, min_len=4):  # a given name one slip from the holder's
                continue
            written = f"{prev} {word}"
            if kb.persons_named(written) or any(
                a in form.split() for form in kb.forms.get(ref.person, ())
            ):
                continue  # someone else's name, or another form of this person's
            taken.append((pstart, end))
            out.append(
                Flag(
                    "name.inconsistent",
                    (pstart, end),
                    f"{ref.display} is written {written!r} here but {ref.name!r} elsewhere in "
                    f"the text; use one spelling ({ref.display!r})",
                    {
                        "forms": [written, ref.name],
                        "person": ref.display,
                        "spans": [
                            list(draft.original_span((pstart, end))),
                            list(draft.original_span(ref.name_span)),
                        ],
                    },
                )
            )
        return out

    # -- titles -------------------------------------------------------------------------------

    def _never_held(
        self, kb: KB, mentions: list[Mention], date: tuple[dt.date, str] | None
    ) -> list[Flag]:
        flags = []
        seen: set[tuple[str, frozenset[str]]] = set()
        for m in mentions:
            if m.held or (m.person, m.positions) in seen:
                continue
            seen.add((m.person, m.positions))
            rows = kb.by_person.get(m.person, [])
            office_as_of = max(kb.as_of(p) for p in m.positions)
            # an incoming holder takes the office up to ELECT_DAYS after the date
            ahead = win.ELECT_DAYS if m.modifier == "elect" else 0
            if m.modifier == "elect" and date is None:
                continue  # when they take it, nothing says
            if date is not None and date[0].toordinal() + ahead > office_as_of:
                held_elsewhere = self._elsewhere_at_as_of(kb, m, rows, date[0], office_as_of)
                if held_elsewhere is not None:
                    flags.append(held_elsewhere)
                    continue
                # they may have taken the office after the knowledge base's last check of it
                office = " or ".join(sorted({kb.position_label[p] for p in m.positions}))
                flags.append(
                    Flag(
                        "title.unverifiable",
                        m.span,
                        f"{m.display} held no {office} as of {iso(office_as_of)} (the knowledge "
                        f"base's as_of date for it), but the article date {_fmt(date[0])} "
                        f"({date[1]}) is later: {m.text!r} cannot be checked; extend the "
                        f"knowledge base (--kb) to check it",
                        {
                            "mention": m.text,
                            "person": m.display,
                            "claimed_positions": sorted(m.positions),
                            "kb_rows": [t.id for t in rows],
                            "date": date[0].isoformat(),
                            "date_source": date[1],
                            "as_of": iso(office_as_of),
                            "kb_as_of": _as_of_range(rows),
                        },
                    )
                )
                continue
            held = sorted(
                {
                    f"{t.position} ({t.row.get('start', '')[:4]}–{(t.row.get('end') or '')[:4]})"
                    for t in rows
                }
            )
            office = " or ".join(sorted({kb.position_label[p] for p in m.positions}))
            flags.append(
                Flag(
                    "title.never_held",
                    m.span,
                    f"{m.display} never held the office of {office}, as {m.text!r} says; the "
                    f"knowledge base has them as: {'; '.join(held) or 'nothing'}",
                    {
                        "mention": m.text,
                        "person": m.display,
                        "claimed_positions": sorted(m.positions),
                        "kb_rows": [t.id for t in rows],
                        "held": held,
                        # the claimed offices' rows are complete only up to this date
                        "as_of": iso(office_as_of),
                        "kb_as_of": _as_of_range(rows),
                    },
                )
            )
        return flags

    def _elsewhere_at_as_of(
        self, kb: KB, m: Mention, rows: list[Any], date: dt.date, office_as_of: int
    ) -> Flag | None:
        """A claimed office the person never held, dated after its ``as_of``: still
        ``title.never_held`` (at warning) for ``stale_window_months`` when, as of that date,
        the person held another office and someone else held the claimed one (both rows open):
        "NATO Secretary General Ursula von der Leyen" a few months after the rows were checked."""
        if m.modifier not in (None, "current"):
            return None
        limit = _add_months(dt.date.fromordinal(office_as_of), self.stale_window_months)
        if date > limit:
            return None
        own = [t for t in rows if t.open and t.position_id not in m.positions]
        others = [
            t
            for p in m.positions
            for t in kb.by_position.get(p, ())
            if t.open and not t.acting and kb.key_of[t.id] != m.person
        ]
        if not own or not others or len({kb.key_of[t.id] for t in others}) != 1:
            return None
        mine, holder = own[0], others[0]
        office = kb.position_label[holder.position_id]
        return Flag(
            "title.never_held",
            m.span,
            f"as of {iso(office_as_of)} (the knowledge base's as_of date for {office}), "
            f"{m.display} had never held it: they were {mine.position} (from "
            f"{mine.row.get('start')}) and {holder.person} was {office} (from "
            f"{holder.row.get('start')}); {m.text!r} on {_fmt(date)} is probably wrong. Check "
            f"the title or the name",
            {
                "mention": m.text,
                "person": m.display,
                "claimed_positions": sorted(m.positions),
                "kb_rows": [t.id for t in rows],
                "holder": holder.person,
                "holder_row": holder.id,
                "date": date.isoformat(),
                "as_of": iso(office_as_of),
                "kb_as_of": _as_of_range(rows),
                "window_months": self.stale_window_months,
            },
        )

    def _claims(
        self, kb: KB, mentions: list[Mention], blocks: list[Block], timeout: float | None
    ) -> list[win.Claim]:
        claims: list[win.Claim] = []
        seen: set[tuple[frozenset[str], frozenset[str], str | None]] = set()
        for i, m in enumerate(mentions):
            if not m.held or m.modifier == "late":
                continue
            key = (m.persons, m.held, m.modifier)
            if key in seen:
                continue
            seen.add(key)
            rows = tuple(t for p in sorted(m.persons) for t in kb.rows(p, m.held))
            window = win.window_for(rows, m.modifier)
            if not window:
                continue
            label = kb.position_label[sorted(m.held)[0]]
            historic = False
            if m.modifier is None or m.modifier == "then":
                block = next((b for b in blocks if b.span[0] <= m.span[0] < b.span[1]), None)
                if block is not None:
                    years = {int(y) for y in YEAR_RE.findall(block.text, timeout=timeout)}
                    historic = win.years_inside(window, years)
            claims.append(
                win.Claim(
                    i,
                    m.text,
                    m.span,
                    m.person,
                    m.display,
                    label,
                    m.modifier,
                    rows,
                    window,
                    historic,
                )
            )
        return claims

    def _claim_data(
        self, c: win.Claim, refs: dict[str, list[tuple[int, int]]], draft: Draft
    ) -> dict[str, Any]:
        return {
            "mention": c.text,
            "span": list(draft.original_span(c.span)),
            "person": c.display,
            "position": c.position,
            "modifier": c.modifier,
            "window": win.as_data(c.window),  # with one day of slack at each handover
            "kb_rows": [t.id for t in c.rows],
            "as_of": iso(max(t.as_of for t in c.rows)),
            "later_references": [list(r) for r in refs.get(c.person, [])[:5]],
        }

    def _anachronisms(
        self, claims: list[win.Claim], refs: dict[str, list[tuple[int, int]]], draft: Draft
    ) -> list[Flag]:
        flags = []
        for group in win.conflicts(claims, self.max_conflicts):
            last = max(group, key=lambda c: c.span)
            needs = "; but ".join(f"{c.text!r} needs a date {c.describe()}" for c in group)
            common = win.feasible(group)
            if common:
                why = (
                    f"the two holders of one office meet only at the handover "
                    f"({win.describe(common)})"
                )
            else:
                why = f"no date fits {'both' if len(group) == 2 else f'all {len(group)}'} claims"
            flags.append(
                Flag(
                    "title.anachronism",
                    last.span,
                    f"{needs}: {why}. One of the titles is out of date (check 'former', "
                    f"'current' and who held the office when)",
                    {
                        "claims": [self._claim_data(c, refs, draft) for c in group],
                        "kb_as_of": _as_of_range(t for c in group for t in c.rows),
                    },
                )
            )
        return flags

    def _against_date(
        self,
        kb: KB,
        claims: list[win.Claim],
        date: dt.date,
        source: str,
        refs: dict[str, list[tuple[int, int]]],
        draft: Draft,
    ) -> list[Flag]:
        flags = []
        day = date.toordinal()
        for c in claims:
            state = win.status(c.window, day)
            if state == "ok" or c.historic:
                continue  # a historic claim names a year its window allows: a past event
            as_of = max(t.as_of for t in c.rows)
            position_as_of = max(kb.as_of(t.position_id) for t in c.rows)
            evidence = {
                **self._claim_data(c, refs, draft),
                "date": date.isoformat(),
                "date_source": source,
                "as_of": iso(as_of),
                "position_as_of": iso(position_as_of),
            }
            if state == "unverified" or day > position_as_of:
                stale = self._left_before_as_of(kb, c, date, source, evidence, position_as_of)
                if stale is not None:
                    flags.append(stale)
                    continue
                flags.append(
                    Flag(
                        "title.unverifiable",
                        c.span,
                        f"the article date {_fmt(date)} ({source}) is after the knowledge base's "
                        f"as_of date {iso(position_as_of)} for {c.position}: {c.text!r} cannot be "
                        f"checked; extend the knowledge base (--kb) to check it",
                        evidence,
                    )
                )
                continue
            inside = any(t.start - 1 <= day <= t.end + 1 for t in c.rows)
            before_any = day < min(t.start for t in c.rows) - 1
            if c.modifier in (None, "then", "acting") and not before_any:
                # a plain title may narrate the past: flag only a recent, unexplained lapse
                if c.historic or c.modifier == "then":
                    continue
                last_end = max((t.end for t in c.rows if t.end <= day), default=day)
                positions = {t.position_id for t in c.rows}
                elsewhere = [
                    t
                    for t in kb.by_person.get(kb.key_of[c.rows[0].id], ())
                    if t.position_id not in positions and t.start - 1 <= day <= t.end + 1
                ]
                # long gone and out of every office the knowledge base knows for that long: a
                # reference to the past (someone who left another office recently is news)
                if (
                    day - _last_in_office(kb, c.person, day, last_end) > STALE_DAYS
                    and not elsewhere
                ):
                    continue
            periods = _periods(c.rows)
            covered = min(kb.covered_from(t.position_id) for t in c.rows)
            if before_any and (
                day < covered or (c.modifier == "former" and day - covered < FORMER_LOOKBACK_DAYS)
            ):
                flags.append(
                    Flag(
                        "title.unverifiable",
                        c.span,
                        f"{c.text!r} on {_fmt(date)} (the article date, from {source}) comes "
                        f"before the tenure of {c.display} the knowledge base knows ({periods}), "
                        f"and its rows for {c.position} begin on {iso(covered)}: an earlier tenure "
                        f"cannot be ruled out; extend the knowledge base (--kb) to check it",
                        evidence,
                    )
                )
                continue
            if c.modifier == "former" and inside:
                flags.append(
                    Flag(
                        "title.former_but_incumbent",
                        c.span,
                        f"{c.text!r} calls {c.display} a former {c.position}, but they held the "
                        f"office on {_fmt(date)} (the article date, from {source}): {periods}. "
                        f"Drop 'former' or check the date",
                        evidence,
                    )
                )
            else:
                when = "held it" if c.modifier != "former" else "left it"
                if c.modifier == "former":
                    advice = "they had not yet left it; drop 'former' or check the date"
                elif c.modifier == "elect":
                    advice = "check the date or the title"
                else:
                    advice = "write 'former' or 'then-', or check the date"
                flags.append(
                    Flag(
                        "title.not_incumbent",
                        c.span,
                        f"{c.display} was not {c.position} on {_fmt(date)} (the article date, from "
                        f"{source}) as {c.text!r} implies; they {when}: {periods}. {advice[0].upper()}{advice[1:]}",
                        evidence,
                    )
                )
        return flags

    def _left_before_as_of(
        self,
        kb: KB,
        c: win.Claim,
        date: dt.date,
        source: str,
        evidence: dict[str, Any],
        as_of: int,
    ) -> Flag | None:
        """A present title for someone who had left the office before its ``as_of`` while the
        successor's row is still open: what was checked then still speaks against the claim."""
        day = date.toordinal()
        if c.modifier not in (None, "current", "acting") or c.historic:
            return None
        if win.status(c.window, day) != "outside" or any(t.open or t.end > as_of for t in c.rows):
            return None
        last = max(c.rows, key=lambda t: t.end)
        successors = [
            t
            for pid in c.offices
            for t in kb.by_position.get(pid, ())
            if t.open and t.start >= last.end_first - win.SLACK and kb.key_of[t.id] != c.person
        ]
        if not successors:
            return None
        person_rows = kb.by_person.get(c.person, ())
        elsewhere = [
            t
            for t in person_rows
            if t.position_id not in c.offices and t.start - 1 <= day <= t.end + 1
        ]
        if day - _last_in_office(kb, c.person, day, last.end) > STALE_DAYS and not elsewhere:
            return None  # long gone and holding nothing else: a reference to the past
        successor = min(successors, key=lambda t: t.start)
        limit = _add_months(dt.date.fromordinal(as_of), self.stale_window_months)
        severity = Severity.WARNING if date <= limit else Severity.INFO
        return Flag(
            "title.not_incumbent",
            c.span,
            f"as of {iso(as_of)} (the knowledge base's as_of date for {c.position}), "
            f"{c.display} had left the office ({_periods(c.rows)}) and {successor.person} held "
            f"it from {successor.row.get('start')}; {c.text!r} on {_fmt(date)} (the article "
            f"date, from {source}) is probably out of date. Write 'former' or 'then-', or "
            f"check the date",
            {
                **evidence,
                "as_of": iso(as_of),
                "successor": successor.person,
                "successor_row": successor.id,
                "window_months": self.stale_window_months,
            },
            severity,
        )


def _last_in_office(kb: KB, person: str, day: int, end: int) -> int:
    """The last day on or before ``day`` that ``person`` held any office of the knowledge base,
    at least ``end``."""
    ends = [min(t.end, day) for t in kb.by_person.get(person, ()) if t.start <= day]
    return max([end, *ends])


def _add_months(d: dt.date, months: int) -> dt.date:
    """``d`` plus ``months`` calendar months (the last day of a shorter month)."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(d.day, (nxt - dt.timedelta(days=1)).day))


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckDates:
    """Weekdays that do not match their date, and dates that do not exist (flags only)."""

    name: ClassVar[str] = "check_dates"
    stage: ClassVar[Stage] = Stage.FLAG
    codes: ClassVar[tuple[str, ...]] = ("date.weekday_mismatch", "date.invalid")

    def apply(self, draft: Draft, /) -> Proposal:
        published = parse_published(draft.published, timeout=draft.regex_timeout)
        flags: list[Flag] = []
        if not draft.blocks:
            return EMPTY
        starts = _block_starts(draft)
        # one scan of the whole text; dates in removed blocks are not the article's, so only the
        # text near kept and title blocks is scanned
        wanted = _checked_spans(draft)
        for d in find_dates(
            draft.text, published=published, timeout=draft.regex_timeout, within=wanted
        ):
            # blocks are disjoint lines: only the last one starting at or before a date can hold it
            i = bisect.bisect_right(starts, d.span[0]) - 1
            if i < 0 or d.span[1] > draft.blocks[i].span[1]:
                continue
            if draft.is_removed(i) and not _is_title_block(draft, i):
                continue
            if not d.valid:
                if d.day > 31 or d.month > 12 or d.day == 0:
                    continue  # not a date at all
                flags.append(
                    Flag(
                        "date.invalid",
                        d.span,
                        f"{d.text!r} does not exist: {MONTH_NAMES[d.month - 1]} "
                        f"{'has ' + str(_days(d.month, d.year)) + ' days' if d.year else 'never has ' + str(d.day) + ' days'}"
                        f"{' in ' + str(d.year) if d.year else ''}; check the day",
                        {"text": d.text, "day": d.day, "month": d.month, "year": d.year},
                    )
                )
                continue
            date = d.date()
            if d.weekday is None or date is None or date.weekday() == d.weekday:
                continue
            flags.append(
                Flag(
                    "date.weekday_mismatch",
                    d.span,
                    f"{_fmt(date)} was a {ENGLISH_WEEKDAY[date.weekday()]}, but the text "
                    f"says {ENGLISH_WEEKDAY[d.weekday]} ({d.text!r}); check the weekday or the date",
                    {
                        "text": d.text,
                        "date": date.isoformat(),
                        "written_weekday": ENGLISH_WEEKDAY[d.weekday],
                        "actual_weekday": ENGLISH_WEEKDAY[date.weekday()],
                        "year_from": d.year_from,
                    },
                )
            )
        return Proposal(flags=tuple(flags))


def _days(month: int, year: int | None) -> int:
    if year is None:
        return 29 if month == 2 else 31
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckHeadline:
    """A headline the body does not bear out, and another article's title in the body.

    ``min_terms``: headline key terms needed before judging; ``max_share``: the largest share of
    them present in the body that still counts as a mismatch; ``min_body_words``: bodies shorter
    than this are not judged.
    """

    name: ClassVar[str] = "check_headline"
    stage: ClassVar[Stage] = Stage.FLAG
    codes: ClassVar[tuple[str, ...]] = ("headline.mismatch", "headline.leak")
    min_terms: int = 4
    max_share: float = 0.2
    min_body_words: int = 80
    #: extra knowledge-base files, as for ``check_facts``: the people a headline may name
    kb: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kb", _as_tuple(self.kb))

    def prepare(self) -> None:
        """Load the knowledge base and build its patterns (once per process)."""
        gazetteer(load_kb(self.kb))

    def apply(self, draft: Draft, /) -> Proposal:
        kept = draft.kept()
        if not kept:
            return EMPTY
        timeout = draft.regex_timeout
        # words are counted only up to the threshold; the body's word set is built only when a
        # headline or a trailing line needs it
        if not _enough_words(kept, self.min_body_words, timeout):
            title = draft.title
            # a short body is still judged by the people and offices its headline names
            people = self._people(draft, title, kept) if title else None
            return Proposal(flags=(people,)) if people else EMPTY
        flags: list[Flag] = []
        leak = self._leak(draft, kept)
        if leak:
            flags.append(leak)
        title = draft.title
        if title:
            people = self._people(draft, title, kept[:-1] if leak else kept)
            if people is not None:
                flags.append(people)
                return Proposal(flags=tuple(flags))
            verdict = _verdict(title, kept[:-1] if leak else kept, timeout)
            n_terms = len(verdict.present) + len(verdict.absent)
            # a headline found in the text itself needs stronger evidence than a given one
            given = draft.title_given
            if (n_terms >= self.min_terms and verdict.share <= self.max_share and given) or (
                n_terms >= self.min_terms + 1 and not verdict.present
            ):
                span = self._title_span(draft)
                flags.append(
                    Flag(
                        "headline.mismatch",
                        span,
                        f"the headline {title!r} does not match the body: "
                        f"{len(verdict.absent)} of {len(verdict.absent) + len(verdict.present)} key "
                        f"terms are missing ({', '.join(verdict.absent[:8])}); check that title and "
                        f"body belong to the same article",
                        {
                            "headline": title,
                            "missing": list(verdict.absent),
                            "present": list(verdict.present),
                            "share": round(verdict.share, 3),
                        },
                    )
                )
        return Proposal(flags=tuple(flags))

    def _people(self, draft: Draft, title: str, body: list[Block]) -> Flag | None:
        """A headline naming a known person (or an organisation's office) the body never
        mentions, while the body names other known people."""
        timeout = draft.regex_timeout
        kb = load_kb(self.kb)
        gaz = gazetteer(kb)
        named = pp.headline_people(kb, gaz, title, timeout)
        offices = pp.headline_offices(kb, gaz, title)
        if not named and not offices:
            return None
        lines = [b.text for b in body]
        folded = pp.fold_body(lines)
        # the people (and offices) the body may mention at all, before reading its names
        absent = [n for n in named if not pp.present_anywhere(kb, n, folded)]
        gone = [(t, p) for t, p in offices if pp.office_absent_words(t, folded)]
        if not absent and not gone:
            return None
        people = pp.body_people(kb, gaz, lines, timeout)
        missing = pp.missing_people(kb, absent, folded, people)
        headline_persons = frozenset(p for n in named for p in n.persons)
        others = sorted({kb.display[p] for p in people.named - headline_persons})
        if missing and others:
            who = ", ".join(repr(n.written) for n in missing)
            return Flag(
                "headline.mismatch",
                self._title_span(draft),
                f"the headline {title!r} names {who}, whom the body never mentions; the body "
                f"names {', '.join(others[:4])}: check that title and body belong to the same "
                f"article",
                {
                    "headline": title,
                    "missing_people": [
                        {"written": n.written, "persons": sorted(kb.display[p] for p in n.persons)}
                        for n in missing
                    ],
                    "body_people": others,
                },
            )
        titled_others = [m for m in people.mentions if not m.persons & headline_persons]
        for text, pids in gone:
            if not titled_others or any(m.positions & pids for m in titled_others):
                continue
            if not pp.missing_office(kb, text, pids, folded, people):
                continue
            office = kb.position_label[sorted(pids)[0]]
            said = sorted({f"{m.text!r}" for m in titled_others})
            return Flag(
                "headline.mismatch",
                self._title_span(draft),
                f"the headline {title!r} speaks of the {office}, whom the body never mentions; "
                f"the body speaks of {', '.join(said[:3])}: check that title and body belong to "
                f"the same article",
                {
                    "headline": title,
                    "missing_office": office,
                    "position_ids": sorted(pids),
                    "body_mentions": said,
                },
            )
        return None

    def _title_span(self, draft: Draft) -> tuple[int, int]:
        blocks = _title_blocks(draft)
        if blocks:
            return blocks[0].span
        return (0, 0)

    def _leak(self, draft: Draft, kept: list[Block]) -> Flag | None:
        if len(kept) < 3:
            return None
        timeout = draft.regex_timeout
        last = kept[-1]
        words = _words([last], timeout)
        text = last.text.strip()
        if not 4 <= len(words) <= TITLE_MAX_WORDS or text[-1:] in '.!?:;,…"”»':
            return None
        if not text[:1].isupper() and not text[:1].isdigit():
            return None
        previous = draft.blocks[last.index - 1] if last.index > 0 else None
        nav = previous is not None and is_nav_label(previous.text, timeout=timeout)
        if not nav and not english_title_case(text, timeout=timeout):
            return None
        rest = set(_words(kept[:-1], timeout))
        terms = key_terms(text, timeout=timeout)
        if len(terms) < 3:
            return None
        present, absent = coverage(terms, rest)
        share = len(present) / len(terms)
        if share > (0.34 if nav else 0.0):
            return None
        label = f" after {previous.text.strip()!r}" if nav and previous is not None else ""
        return Flag(
            "headline.leak",
            last.span,
            f"the last line {text!r}{label} looks like another article's title: "
            f"{len(absent)} of {len(terms)} of its key terms are absent from the article; "
            f"remove it if it is not part of this article",
            {
                "line": text,
                "navigation_label": previous.text.strip() if nav and previous else None,
                "missing": absent,
                "present": present,
            },
        )


def _words(blocks: list[Block], timeout: float | None) -> list[str]:
    """The case-folded words of the blocks, in order.

    No word spans a line and case folding needs no context, so the words of all blocks are
    folded in one call.
    """
    found: list[str] = TOKEN_RE.findall("\n".join(b.text for b in blocks), timeout=timeout)
    return "\n".join(found).casefold().split("\n") if found else []


def _enough_words(blocks: list[Block], wanted: int, timeout: float | None) -> bool:
    """Whether the blocks have at least ``wanted`` words; stops counting once they do."""
    if wanted <= 0:
        return True
    # no word holds a line break: the words of the joined lines are those of each line
    text = "\n".join(b.text for b in blocks)
    if is_plain():  # every word counted
        return sum(1 for _ in finditer(TOKEN_RE, text, timeout=timeout)) >= wanted
    return match(_at_least_words(wanted), text, timeout=timeout) is not None


@functools.lru_cache(maxsize=8)
def _at_least_words(n: int) -> Pattern:
    """``n`` successive words of TOKEN_RE from the start, in one match: a word is a longest run
    (possessive, so the match is linear) and what lies between words holds no letter or digit."""
    word = r"[\p{L}\p{N}]++(?:['’\-][\p{L}\p{N}]++)*+"
    return compile_pattern(rf"(?:[^\p{{L}}\p{{N}}]*+{word}){{{n}}}")


def _verdict(title: str, body: list[Block], timeout: float | None) -> Verdict:
    """The headline's key terms present in and absent from the body's words."""
    terms = key_terms(title, timeout=timeout)
    # most bodies are checked term by term where the terms occur; the rest are tokenised
    found = (
        None
        if is_plain()  # the plain path tokenises every body
        else coverage_in_text(terms, "\n".join(b.text for b in body), timeout=timeout)
    )
    if found is None:
        found = coverage(terms, set(_words(body, timeout)))
    return Verdict(tuple(found[0]), tuple(found[1]))
