"""The template filter: the rules of ``rules.py`` over the lines the gates of ``gates.py`` pick
(every line when the draft is plain)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from newsclean._patterns import Match, Pattern, finditer
from newsclean._patterns import search as search_pattern
from newsclean.codes import Severity
from newsclean.draft import Block, BlockRemoval, Draft, Flag, Proposal, Stage
from newsclean.errors import ConfigError
from newsclean.filters.shapes import (
    Place,
    code_mention,
    line_hits,
    reported_speech,
    speaks_first,
    spec_maths,
)
from newsclean.filters.templates import gates
from newsclean.filters.templates.context import _Context
from newsclean.filters.templates.data import (
    _WIKI_TEMPLATES,
    KINDS,
    LANGUAGES,
    leftover_languages,
    leftover_patterns,
)
from newsclean.filters.templates.rules import (
    _EMPTY,
    _FILLER,
    _HUGE_EDGE,
    _HUGE_LINE,
    _LONG_LINE,
    _LOREM_GAP,
    _MATHS_RE,
    _SETS_RE,
    _WINDOW,
    _Hit,
    _inside_url,
    _label_before,
    _line_removal,
    _name_ok,
    _quoted_mention,
    _resolve,
    _token_hit,
    _token_matches,
    _weak_ident,
)
from newsclean.voice import voice_table

#: a document's edges for the voice rules: its first two and last three lines
_EDGE_FIRST = 2
_EDGE_LAST = 3


#: a string literal's prefix in code: Python's f"…", r"…", b"…", C#'s $"…" and @"…"
_LITERAL_PREFIXES = frozenset("fFrRbBuU$@")


def _in_code_literal(line: str, start: int) -> bool:
    """Whether ``start`` is inside a quoted string that opens with a code prefix on its quote
    (``f"Hello, {name}"``): the text shows code, the token is the code's own."""
    for quote in "\"'":
        opened = line.rfind(quote, 0, start)
        if opened < 1 or line.find(quote, start) < 0 or line.count(quote, 0, opened) % 2:
            continue
        prefix = line[opened - 1]
        if prefix in _LITERAL_PREFIXES and (opened < 2 or not line[opened - 2].isalnum()):
            return True
    return False


@dataclass(frozen=True, slots=True, kw_only=True)
class FlagTemplates:
    """Flag unresolved placeholders, empty values, filler and generation leftovers.

    Every occurrence becomes a finding, also inside a block another filter removed. A line that
    is nothing but such findings (and punctuation) is removed, unless ``remove_lines`` is false.

    Args:
        remove_lines: remove lines that hold nothing but tokens, filler or a leftover.
        severity: the severity of every finding (default: the code's, which is error, so a
            record with a finding is not ``ok``); ``"warning"`` keeps such records ok.
        detect: which kinds to look for: ``token``, ``empty_value``, ``filler``, ``leftover``.
        languages: languages of the leftover phrase lists.
        code_context: drop ambiguous matches in code samples and programming articles.
        removed_line_severity: the severity of a finding in a line another filter removes (its
            evidence then says ``in_removed_line``): ``"info"`` by default, so a gate on the
            output judges the output; None keeps the finding's own severity.

    >>> from newsclean.draft import Draft
    >>> p = FlagTemplates().apply(Draft.of("Intro line here.\\n{REWRITE_TITLE}\\nBody text."))
    >>> [(f.code, f.evidence["token"]) for f in p.flags], [r.reason for r in p.removals]
    ([('template.token', '{REWRITE_TITLE}')], ['template.token_line'])
    """

    name: ClassVar[str] = "flag_templates"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = (
        "template.token",
        "template.empty_value",
        "template.filler",
        "template.leftover",
        "template.token_line",
        "template.leftover_line",
        "template.filler_line",
    )
    remove_lines: bool = True
    severity: str | None = None
    detect: tuple[str, ...] = KINDS
    languages: tuple[str, ...] = LANGUAGES
    code_context: bool = True
    removed_line_severity: str | None = "info"

    def __post_init__(self) -> None:
        if self.severity is not None:
            Severity.parse(self.severity)
        if self.removed_line_severity is not None:
            Severity.parse(self.removed_line_severity)
        detect = tuple(self.detect)
        unknown = sorted(set(detect) - set(KINDS))
        if unknown:
            msg = f"unknown kind(s) {', '.join(map(repr, unknown))}; kinds: {', '.join(KINDS)}"
            raise ConfigError(msg)
        languages = tuple(self.languages)
        available = leftover_languages()
        missing = sorted(set(languages) - set(available))
        if missing:
            msg = (
                f"no leftover phrases for {', '.join(map(repr, missing))}; "
                f"languages: {', '.join(available)}"
            )
            raise ConfigError(msg)
        object.__setattr__(self, "detect", detect)
        object.__setattr__(self, "languages", languages)

    def prepare(self) -> None:
        """Compile the leftover phrases of the chosen languages (once per process)."""
        if "leftover" in self.detect:
            leftover_patterns(self.languages)
        voice_table(self.languages)
        gates.ask_for_voice(self.languages)

    def apply(self, draft: Draft, /) -> Proposal:
        ctx = _Context.of(draft)
        severity = Severity.parse(self.severity) if self.severity is not None else None
        removed_severity = (
            Severity.parse(self.removed_line_severity)
            if self.removed_line_severity is not None
            else None
        )
        flags: list[Flag] = []
        removals: list[BlockRemoval] = []
        candidates = self._candidates(ctx)
        for index in sorted(candidates):
            block = draft.blocks[index]
            hits = _resolve(self._hits(block, ctx, candidates[index]))
            if not hits:
                continue
            base = block.span[0]
            for hit in hits:
                flags.append(
                    Flag(
                        hit.code,
                        (base + hit.start, base + hit.end),
                        hit.message,
                        hit.evidence,
                        severity,
                        block=block.index,
                        removed_severity=removed_severity,
                    )
                )
            if self.remove_lines and not draft.is_removed(block.index):
                reason = _line_removal(block.text, hits)
                if reason is not None:
                    removals.append(BlockRemoval(block.index, reason, "nothing_but_template"))
        return Proposal(removals=tuple(removals), flags=tuple(flags))

    # -- finding candidates ---------------------------------------------------------------

    def _candidates(self, ctx: _Context) -> dict[int, set[str]]:
        """Which looks (a kind, or ``start`` and ``anywhere`` for leftovers) each block needs.

        A plain draft gives every block every look. Otherwise a block gets a look when the
        gate lets it through (it holds a literal every match of that look holds, or its first
        word may begin a leftover); every other look would yield nothing.
        """
        draft = ctx.draft
        plain = draft.plain
        every = {b.index for b in draft.blocks}
        lines = gates.Lines(draft)
        looks: dict[int, set[str]] = {}

        def add(indices: Iterable[int], look: str) -> None:
            for index in indices:
                looks.setdefault(index, set()).add(look)

        if "token" in self.detect:
            add(every if plain else gates.lines_for_tokens(lines), "token")
        if "empty_value" in self.detect:
            add(every if plain else gates.lines_for_empty_values(lines), "empty_value")
        if "filler" in self.detect:
            add(every if plain else gates.lines_for_filler(lines), "filler")
        if "leftover" in self.detect:
            pats = leftover_patterns(self.languages)
            # the leftover that starts a line depends on the line alone: look once per text
            leads: dict[str, Match | None] = {}
            starts = every if plain else gates.lines_for_leftover_starts(lines, self.languages)
            for index in sorted(starts):
                block = draft.blocks[index]
                text = block.text
                if text not in leads:
                    pattern = (
                        pats.start
                        if plain
                        else gates._start_pattern_for(self.languages, gates._first_word(text))
                    )
                    leads[text] = (
                        None
                        if pattern is None
                        else search_pattern(pattern, text, timeout=draft.regex_timeout)
                    )
                lead = leads[text]
                if lead is not None:
                    ctx.leads[block.index] = lead
                    add((block.index,), "start")
            if plain:
                add(every, "anywhere")
            else:
                ctx.phrases = gates.leftovers_anywhere_by_line(lines, self.languages)
                add(ctx.phrases, "anywhere")
                ctx.speaking = gates.lines_that_may_speak(lines, self.languages)
        # the structural rules read every line: their cues are words, not literals
        add(every, "shape")
        return looks

    def _hits(self, block: Block, ctx: _Context, looks: set[str]) -> Iterator[_Hit]:
        text = block.text
        timeout = ctx.draft.regex_timeout
        if "token" in looks:
            yield from self._tokens(block, ctx)
        if "empty_value" in looks:
            for kind, pattern in _EMPTY:
                for m in finditer(pattern, text, timeout=timeout):
                    if self._suppressed(block, ctx, m.start(), m.end(), weak=True):
                        continue
                    value = m.groupdict().get("value") or m.group()
                    start, end = m.span("value") if m.groupdict().get("value") else m.span()
                    if kind == "unit" and _quoted_mention(text, start, end):
                        continue  # what a screen or a bill showed: 'the invoice read "NaN €"'
                    label = _label_before(text, m.start()) if kind == "label_value" else ""
                    evidence = {"kind": kind, "value": value}
                    if label:
                        evidence["label"] = label
                    yield _Hit(
                        "template.empty_value",
                        kind,
                        start,
                        end,
                        evidence,
                        f"leaked empty value {value!r} where a value belongs",
                    )
        if "filler" in looks:
            yield from self._filler(block, ctx)
        leftovers: list[_Hit] = []
        if "start" in looks:
            leftovers.append(self._leftover_hit(block, ctx, ctx.leads[block.index], "start"))
        if "anywhere" in looks:
            leftovers.extend(self._leftovers(block, ctx))
        n = len(ctx.draft.blocks)
        edge = block.index < _EDGE_FIRST or block.index >= n - _EDGE_LAST
        table = voice_table(self.languages)
        for hit in leftovers:
            if reported_speech(text, hit.start, hit.end, table):
                continue
            lang = str(hit.evidence.get("lang", ""))
            if hit.kind == "start" and not edge and speaks_first(text, hit.start, table, lang):
                continue  # "Ho riscritto questo articolo tre volte, e …": the author's account
            yield hit
        if "shape" in looks:
            yield from self._shapes(block, ctx)

    def _shapes(self, block: Block, ctx: _Context) -> Iterator[_Hit]:
        """The structural rules of :mod:`newsclean.filters.shapes` on one line."""
        text = block.text
        n = len(ctx.draft.blocks)
        place = Place(
            first=block.index == 0,
            last=block.index == n - 1,
            edge=block.index < _EDGE_FIRST or block.index >= n - _EDGE_LAST,
        )
        key = (text, place)
        hits = ctx.shape_memo.get(key)
        if hits is None:  # a line's hits depend on its text and place alone: repeats are free
            hits = ctx.shape_memo[key] = list(
                line_hits(
                    text,
                    voice_table(self.languages),
                    place,
                    skip_names=_WIKI_TEMPLATES,
                    timeout=ctx.draft.regex_timeout,
                    detect=frozenset(self.detect).__contains__,
                    voice=ctx.speaking is None or block.index in ctx.speaking,
                )
            )
        for hit in hits:
            if self._suppressed(block, ctx, hit.start, hit.end, weak=hit.weak, maths=hit.maths):
                continue
            if hit.code == "template.leftover" and _quoted_mention(text, hit.start, hit.end):
                continue
            if (
                self.code_context
                and hit.code == "template.token"
                and code_mention(text, hit.start, hit.end, voice_table(self.languages))
            ):
                continue
            yield _Hit(
                hit.code,
                hit.kind,
                hit.start,
                hit.end,
                hit.evidence,
                hit.message,
                whole_line=hit.whole_line,
            )

    def _suppressed(
        self,
        block: Block,
        ctx: _Context,
        start: int,
        end: int,
        *,
        weak: bool,
        maths: str = "",
    ) -> bool:
        if not self.code_context:
            return False
        line = block.text
        first, last = ctx.backticks(block)
        if 0 <= first < start and last >= end:
            return True  # `{NAME}`: the text talks about the token
        timeout = ctx.draft.regex_timeout
        if len(line) > _LONG_LINE:
            # a very long line: judge the surroundings of the match, not the whole line
            window = line[max(0, start - _WINDOW) : end + _WINDOW]
            if weak and maths:
                pattern = _SETS_RE if maths == "sets" else _MATHS_RE
                if search_pattern(pattern, window, timeout=timeout):
                    return True
            return ctx.code_like(window, timeout) or (weak and ctx.programming())
        if weak and maths and ctx.maths(block, maths):
            return True
        if weak:
            return (
                ctx.near_code(block.index, (start, end))
                or ctx.programming()
                or _in_code_literal(line, start)
            )
        return ctx.code_line_besides(block.index, start, end)

    def _tokens(self, block: Block, ctx: _Context) -> Iterator[_Hit]:
        text = block.text
        timeout = ctx.draft.regex_timeout
        for syntax, m in _token_matches(text, timeout, plain=ctx.draft.plain):
            if not _name_ok(syntax, m, timeout):
                continue
            weak = syntax.weak or (syntax.check == "ident" and _weak_ident(m.group("name")))
            if syntax.kind in {"printf", "python_percent"} and _inside_url(
                text, m.start(), m.end(), timeout
            ):
                continue
            maths = syntax.maths
            if syntax.kind == "format_index":
                maths = spec_maths(m.group())
            if self._suppressed(block, ctx, m.start(), m.end(), weak=weak, maths=maths):
                continue
            if self.code_context and code_mention(
                text, m.start(), m.end(), voice_table(self.languages)
            ):
                continue
            yield _token_hit(syntax, m)

    def _filler(self, block: Block, ctx: _Context) -> Iterator[_Hit]:
        text = block.text
        timeout = ctx.draft.regex_timeout
        for kind, pattern in _FILLER:
            if kind == "lorem":
                yield from self._lorem(block, ctx, pattern)
                continue
            if not ctx.draft.plain and not gates.may_hold_filler(text):
                break
            # the timeout bounds the scan; judging each match (a window on a long line) is not
            # regex work, so the matches are collected first
            for m in list(finditer(pattern, text, timeout=timeout)):
                if self._suppressed(block, ctx, m.start(), m.end(), weak=kind != "line"):
                    continue
                token = m.group().strip()
                yield _Hit(
                    "template.filler",
                    kind,
                    m.start(),
                    m.end(),
                    {"kind": kind, "token": token},
                    f"filler standing in for content: {token!r}",
                )

    def _lorem(self, block: Block, ctx: _Context, pattern: Pattern) -> Iterator[_Hit]:
        text = block.text
        if not ctx.draft.plain and not gates.may_hold_lorem(text):
            return
        group: list[Match] = []
        for m in finditer(pattern, text, timeout=ctx.draft.regex_timeout):
            if group and m.start() - group[-1].end() > _LOREM_GAP:
                yield from self._lorem_hit(block, ctx, group)
                group = []
            group.append(m)
        if group:
            yield from self._lorem_hit(block, ctx, group)

    def _lorem_hit(self, block: Block, ctx: _Context, group: list[Match]) -> Iterator[_Hit]:
        start, end = group[0].start(), group[-1].end()
        if _quoted_mention(block.text, start, end) or self._suppressed(
            block, ctx, start, end, weak=False
        ):
            return
        if len(group) == 1 and _lorem_name(block.text, start, end):
            return
        token = block.text[start:end]
        yield _Hit(
            "template.filler",
            "lorem",
            start,
            end,
            {"kind": "lorem", "token": token[:200]},
            "lorem ipsum filler standing in for content",
        )

    def _leftovers(self, block: Block, ctx: _Context) -> Iterator[_Hit]:
        """Leftover phrases that may stand anywhere in the block."""
        text = block.text
        timeout = ctx.draft.regex_timeout
        pats = leftover_patterns(self.languages)
        # very long lines: leftovers are preambles and tails, so look near both ends only
        if len(text) > _HUGE_LINE:
            parts = [(0, text[:_HUGE_EDGE]), (len(text) - _HUGE_EDGE, text[-_HUGE_EDGE:])]
        else:
            parts = [(0, text)]
        for offset, part in parts:
            if ctx.draft.plain:
                phrases = pats.anywhere
            else:
                known = ctx.phrases.get(block.index)
                phrases = (
                    known
                    if known is not None
                    else gates.phrases_in(part.casefold(), self.languages)
                )
            for phrase in phrases:
                for m in finditer(phrase.pattern, part, timeout=timeout):
                    if _quoted_mention(part, m.start(), m.end()):
                        continue
                    yield self._leftover_hit(block, ctx, m, "anywhere", offset, phrase.lang)

    def _leftover_hit(
        self, block: Block, ctx: _Context, m: Match, where: str, offset: int = 0, lang: str = ""
    ) -> _Hit:
        text = block.text
        lang = lang or (m.lastgroup or "L_").removeprefix("L_")
        start, m_end = m.start() + offset, m.end() + offset
        while start < m_end and not text[start].isalnum() and text[start] not in "¡¿":
            start += 1
        phrase = text[start:m_end]
        if len(text) > _LONG_LINE:  # a leftover never makes up a line this long
            return _Hit(
                "template.leftover",
                where,
                start,
                m_end,
                {"kind": "leftover", "phrase": phrase, "lang": lang, "where": where},
                f"leftover of a text-generation step: {phrase!r}",
            )
        rest = text[m_end:].strip()
        prefix = text[:start].strip(' \t*_#>-–—•·"“„«([')
        words = len(text.split())
        label = phrase.rstrip(" *_").endswith(":")  # "Rewritten title: …" keeps what follows
        whole = not prefix and (
            not any(c.isalnum() for c in rest)
            or (not label and rest.rstrip("*_ ").endswith(":") and words <= 40)
            or (not label and ":" not in rest and words <= 30)
        )
        end = len(text.rstrip()) if whole else m_end
        return _Hit(
            "template.leftover",
            where,
            start,
            end,
            {"kind": "leftover", "phrase": phrase, "lang": lang, "where": where},
            f"leftover of a text-generation step: {phrase!r}",
            whole_line=whole,
        )


def _lorem_name(text: str, start: int, end: int) -> bool:
    """ "Lorem Ipsum" in title case beside another capitalised word of its sentence is a name
    ("die Designagentur Lorem Ipsum gewann", "Lorem Ipsum Studio"); filler runs on ("Lorem
    ipsum dolor …") or stands alone ("Lorem Ipsum is simply dummy text")."""
    token = text[start:end]
    words = token.split()
    if not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    prev = before.split()[-1:] if before.endswith(" ") else []
    nxt = after.split()[:1] if after.startswith(" ") else []
    capital_before = bool(prev) and prev[0][:1].isupper() and prev[0][-1:].isalpha()
    capital_after = bool(nxt) and nxt[0][:1].isupper() and nxt[0].casefold() not in _LOREM_WORDS
    return capital_before or capital_after


#: the words that run on from "Lorem Ipsum" in the filler passage
_LOREM_WORDS = frozenset({"dolor", "dolor,", "sit", "amet", "amet,", "consectetur"})
