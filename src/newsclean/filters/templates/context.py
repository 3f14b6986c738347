"""What the document around a match says: code lines, maths, a programming article.

These facts are rules (they decide whether an ambiguous match counts); they are computed once
per draft, on demand. A plain draft computes them with the rules alone, a fast one through the
gates that skip lines the patterns cannot match.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from newsclean._patterns import Match
from newsclean._patterns import search as search_pattern
from newsclean.draft import Block, Draft
from newsclean.filters._shared import is_symbol_line
from newsclean.filters.shapes import Place, ShapeHit
from newsclean.filters.templates.data import _Anywhere
from newsclean.filters.templates.gates import gated_code_like, gated_programming_matches
from newsclean.filters.templates.rules import (
    _CODE_INDENTS,
    _CODE_NEIGHBOURS,
    _LONG_LINE,
    _MATHS_RE,
    _PROGRAMMING_SCAN,
    _SETS_RE,
    _code_like,
    _programming_matches,
)


@dataclass(slots=True)
class _Context:
    """Lazily computed facts about a draft that decide whether an ambiguous match counts."""

    draft: Draft
    code_like: Callable[[str, float | None], bool] = _code_like
    programming_matches: Callable[[str, float | None], Iterator[Match]] = _programming_matches
    _code: dict[int, bool] = field(default_factory=dict)
    _live: list[int] | None = None
    _ticks: dict[int, tuple[int, int]] = field(default_factory=dict)
    _maths: dict[tuple[int, str], bool] = field(default_factory=dict)
    _programming: bool | None = None
    leads: dict[int, Match] = field(default_factory=dict)  # block -> its leftover at the start
    shape_memo: dict[tuple[str, Place], list[ShapeHit]] = field(default_factory=dict)
    #: block -> the phrases standing anywhere to try there (None: find them in the line)
    phrases: dict[int, tuple[_Anywhere, ...] | None] = field(default_factory=dict)
    #: the blocks that may hold an assistant's voice (None: every block), see
    #: ``gates.lines_that_may_speak``
    speaking: set[int] | None = None

    @classmethod
    def of(cls, draft: Draft) -> _Context:
        """The context of ``draft``: through the gates, unless the draft is plain."""
        if draft.plain:
            return cls(draft)
        return cls(draft, gated_code_like, gated_programming_matches)

    def code_line(self, index: int) -> bool:
        """Whether the line looks like code, by what it holds or by its original indentation."""
        return self._code_content(index) or (
            0 <= index < len(self.draft.blocks)
            and self._indented_originally(self.draft.blocks[index])
        )

    def _code_content(self, index: int) -> bool:
        """Whether the line looks like code by what it holds: a cue a second cleaning sees too."""
        if index not in self._code:
            blocks = self.draft.blocks
            self._code[index] = 0 <= index < len(blocks) and self.code_like(
                blocks[index].text[:_LONG_LINE], self.draft.regex_timeout
            )
        return self._code[index]

    def code_line_besides(self, index: int, start: int, end: int) -> bool:
        """Whether the line looks like code with ``[start:end]`` (a finding) left out: a
        placeholder such as ``<no value>`` is no code cue for itself."""
        if not self.code_line(index):
            return False
        block = self.draft.blocks[index]
        text = block.text[:_LONG_LINE]
        if start >= len(text):
            return True
        # the indentation is a cue for a line that holds more than the finding: a line of
        # nothing but a placeholder goes, and would go on a second cleaning, which sees no
        # indentation
        if (text[:start] + text[end:]).strip() and self._indented_originally(block):
            return True
        masked = text[:start] + "x" * (min(end, len(text)) - start) + text[end:]
        return self.code_like(masked, self.draft.regex_timeout)

    def _indented_originally(self, block: Block) -> bool:
        """Whether the line was indented like code before whitespace was unified: the
        indentation is the code cue, and normalization trims it."""
        draft = self.draft
        if draft.text is draft.original or block.text[:1].isspace():
            return False
        start = draft.original_span(block.span)[0]
        line_start = draft.original.rfind("\n", 0, start) + 1
        return draft.original.startswith(_CODE_INDENTS, line_start)

    def near_code(self, index: int, span: tuple[int, int] | None = None) -> bool:
        """Whether the line (without ``span``, the finding) or one of the two nearest lines on
        each side still in the text (not blank, not removed) looks like code: the lines a
        second cleaning would see."""
        if span is not None and self.code_line_besides(index, *span):
            return True
        if span is None and self.code_line(index):
            return True
        live = self._live_lines()
        at = bisect.bisect_left(live, index)
        after = at + 1 if at < len(live) and live[at] == index else at
        near = live[max(0, at - _CODE_NEIGHBOURS) : at] + live[after : after + _CODE_NEIGHBOURS]
        # a neighbour counts by what it holds: its indentation is gone on a second cleaning; a
        # line of symbols only ("}") is no cue for its neighbours, as a later filter removes it
        # (structure.empty) and a second cleaning would not see it
        blocks = self.draft.blocks
        return any(self._code_content(i) and not is_symbol_line(blocks[i].text) for i in near)

    def _live_lines(self) -> list[int]:
        """The indices of the lines still in the text, in order (found once per document)."""
        if self._live is None:
            draft = self.draft
            self._live = [
                b.index for b in draft.blocks if b.text.strip() and not draft.is_removed(b.index)
            ]
        return self._live

    def backticks(self, block: Block) -> tuple[int, int]:
        """Where the first and last backtick of a line are (-1 when there is none)."""
        found = self._ticks.get(block.index)
        if found is None:
            found = self._ticks[block.index] = (block.text.find("`"), block.text.rfind("`"))
        return found

    def maths(self, block: Block, which: str) -> bool:
        key = (block.index, which)
        if key not in self._maths:
            pattern = _SETS_RE if which == "sets" else _MATHS_RE
            hit = search_pattern(pattern, block.text, timeout=self.draft.regex_timeout)
            self._maths[key] = hit is not None
        return self._maths[key]

    def programming(self) -> bool:
        if self._programming is None:
            terms: set[str] = set()
            count = 0
            # the lines still in the text, as a second cleaning would see them
            blocks = self.draft.blocks
            lines: list[str] = []
            size = 0
            for i in self._live_lines():
                if size >= _PROGRAMMING_SCAN:
                    break
                lines.append(blocks[i].text)
                size += len(blocks[i].text) + 1
            head = "\n".join(lines)[:_PROGRAMMING_SCAN]
            for m in self.programming_matches(head, self.draft.regex_timeout):
                terms.add(m.group().casefold())
                count += 1
                if len(terms) >= 3 or count >= 6:
                    break
            code_lines = 0
            if len(terms) < 3 and count < 6:
                # by what the lines hold: a second cleaning sees no indentation
                for index in self._live_lines()[:400]:
                    if self._code_content(index):
                        code_lines += 1
                        if code_lines >= 2:
                            break
            self._programming = len(terms) >= 3 or count >= 6 or code_lines >= 2
        return self._programming
