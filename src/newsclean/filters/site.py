"""Lines a site repeats on many of its pages, from a learned profile (``newsclean learn``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from newsclean.corpus.profile import Profile, line_signature, load_profile
from newsclean.draft import EMPTY, BlockRemoval, Draft, Proposal, Stage
from newsclean.record import site_of


@dataclass(frozen=True, slots=True, kw_only=True)
class StripSiteRepeated:
    """Remove lines that the draft's site repeats across its documents.

    ``profile`` is a :class:`~newsclean.corpus.Profile` or the path of one saved by
    ``newsclean learn`` (read once per process); without one the filter does nothing. The site is
    the record's ``site``, else the host of its ``url``.
    """

    name: ClassVar[str] = "strip_site_repeated"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = ("boilerplate.site_repeated",)
    profile: str | Profile | None = None
    max_line_chars: int = 300

    def _profile(self) -> Profile:
        assert self.profile is not None
        return self.profile if isinstance(self.profile, Profile) else load_profile(self.profile)

    def prepare(self) -> None:
        """Read the profile: one that cannot be read is a configuration error before the first
        document, not a reject of every document."""
        if self.profile is not None:
            self._profile()

    def apply(self, draft: Draft, /) -> Proposal:
        if self.profile is None:
            return EMPTY
        profile = self._profile()
        lines = profile.lines_for(site_of(draft.site, draft.url))
        if not lines:
            return EMPTY
        removals = []
        for block in draft.kept():
            text = block.text.strip()
            if (
                len(text) <= self.max_line_chars
                and line_signature(text, draft.regex_timeout) in lines
            ):
                removals.append(
                    BlockRemoval(block.index, "boilerplate.site_repeated", "site_profile")
                )
        return Proposal(removals=tuple(removals))
