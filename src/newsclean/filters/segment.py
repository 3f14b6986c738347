"""The headline: find it, move it from the body into the title, and check it against a given one.

Runs as the last strip-stage filter, so it sees the first line that survived boilerplate removal.
A line is taken as the headline only when the line after it reads like prose; once the headline is
gone the body starts with prose, so cleaning the body again finds no headline (idempotence).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rapidfuzz import fuzz, utils

from newsclean.draft import EMPTY, Block, BlockRemoval, Draft, Flag, Proposal, Stage
from newsclean.filters._shared import looks_like_headline, looks_like_prose


def same_headline(a: str, b: str) -> bool:
    return fuzz.ratio(a, b, processor=utils.default_process) >= 90


@dataclass(frozen=True, slots=True, kw_only=True)
class DetectTitle:
    """Move the headline line out of the body and into ``title``."""

    name: ClassVar[str] = "detect_title"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = ("structure.title", "headline.conflict")
    max_words: int = 30

    def apply(self, draft: Draft, /) -> Proposal:
        kept = draft.kept()
        if len(kept) < 2:
            return EMPTY
        first, after = kept[0], kept[1]
        line = first.text.strip()
        if draft.title_given and draft.title is not None:
            if same_headline(line, draft.title):
                return Proposal(
                    removals=(BlockRemoval(first.index, "structure.title", "same_as_given"),)
                )
            if self._is_headline(first, after, draft.regex_timeout):
                flag = Flag(
                    "headline.conflict",
                    first.span,
                    f"the given title {draft.title!r} differs from the text's headline {line!r}",
                    {"given": draft.title, "in_text": line},
                )
                return Proposal(
                    removals=(BlockRemoval(first.index, "structure.title", "headline_line"),),
                    flags=(flag,),
                )
            return EMPTY
        if self._is_headline(first, after, draft.regex_timeout):
            return Proposal(
                removals=(BlockRemoval(first.index, "structure.title", "headline_line"),),
                title=line,
            )
        return EMPTY

    def _is_headline(self, first: Block, after: Block, timeout: float | None) -> bool:
        # the line after must read as prose and not as a headline itself: otherwise, once the
        # first line is gone, cleaning the body again would take that line as the headline
        return (
            looks_like_headline(first.text.strip(), max_words=self.max_words, timeout=timeout)
            and looks_like_prose(after.text, timeout=timeout)
            and not looks_like_headline(
                after.text.strip(), max_words=self.max_words, timeout=timeout
            )
        )
