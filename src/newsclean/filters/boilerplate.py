"""Strip-stage boilerplate filters: catalogue lines, navigation blocks, in-document repeats."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar

from newsclean._patterns import compile_pattern, phrase_lines
from newsclean.codes import CODES
from newsclean.errors import PatternDataError
from newsclean.pipeline import Block, BlockRemoval, Draft, Proposal, Stage
from newsclean.registry import register_filter

# symbols, counters and punctuation that surround a chrome phrase: "› Next Article »", "Share (12)"
EDGE_RE = compile_pattern(r"^[\W_\d]+|(?:\(\d+\)|[\W_\d])+$")


def line_key(text: str) -> str:
    """A line reduced to what identifies it as chrome: case folded, edges stripped."""
    return " ".join(EDGE_RE.sub("", text.casefold(), timeout=1.0).split())


@functools.lru_cache(maxsize=8)
def catalogue(languages: tuple[str, ...]) -> dict[str, str]:
    """Normalized phrase -> removal code, from ``data/boilerplate/<lang>.txt``."""
    table: dict[str, str] = {}
    for lang in languages:
        for lineno, line in phrase_lines(f"boilerplate/{lang}.txt"):
            phrase, _, category = line.partition("\t")
            code = f"boilerplate.{category.strip()}"
            if code not in CODES:
                msg = f"data/boilerplate/{lang}.txt:{lineno}: unknown category {category!r}"
                raise PatternDataError(msg)
            table[line_key(phrase)] = code
    return table


NAV_CODES = frozenset({"boilerplate.navigation"})


@register_filter
@dataclass(frozen=True, slots=True, kw_only=True)
class StripBoilerplate:
    """Remove lines that are known chrome, and the title a navigation label introduces."""

    name: ClassVar[str] = "strip_boilerplate"
    stage: ClassVar[Stage] = Stage.STRIP
    languages: tuple[str, ...] = ("en",)
    nav_title_max_words: int = 25

    def apply(self, draft: Draft, /) -> Proposal:
        table = catalogue(tuple(self.languages))
        removals: list[BlockRemoval] = []
        after_nav = False
        for block in draft.kept():
            code = table.get(line_key(block.text))
            if code is not None:
                removals.append(BlockRemoval(block.index, code, "catalogue"))
                after_nav = code in NAV_CODES
                continue
            if after_nav and self._title_like(block):
                removals.append(
                    BlockRemoval(block.index, "boilerplate.nav_title", "after_nav_label")
                )
            after_nav = False
        return Proposal(removals=tuple(removals))

    def _title_like(self, block: Block) -> bool:
        from newsclean.filters.segment import looks_like_prose, words

        n = len(words(block.text))
        return n <= self.nav_title_max_words and not looks_like_prose(block.text)


@register_filter
@dataclass(frozen=True, slots=True, kw_only=True)
class StripDuplicates:
    """Remove later copies of a line already seen in the same document."""

    name: ClassVar[str] = "strip_duplicates"
    stage: ClassVar[Stage] = Stage.STRIP
    min_chars: int = 1

    def apply(self, draft: Draft, /) -> Proposal:
        seen: set[str] = set()
        removals = []
        for block in draft.blocks:
            key = line_key(block.text) or block.text.strip()
            if len(key) < self.min_chars:
                continue
            if key in seen and not draft.is_removed(block.index):
                removals.append(BlockRemoval(block.index, "boilerplate.duplicate", "repeated_line"))
            seen.add(key)
        return Proposal(removals=tuple(removals))
