"""A filter of your own: remove a site's sign-off line and flag prices without a currency.

Run with ``python examples/custom_filter.py``; the test suite runs it too.

A filter is a small frozen dataclass with a ``name``, a ``stage`` and ``apply(draft)``, which
returns a :class:`~newsclean.Proposal`. It declares the codes it uses in ``codes``; the pipeline
registers them, in every process it is sent to. ``pipeline.add(filter)`` puts it after the last
filter of its stage, keeping the pipeline's budget and timeout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import regex

import newsclean
from newsclean import Draft, Flag, Proposal, Stage, register_filter
from newsclean.pipeline import BlockRemoval


@register_filter  # optional: lets a TOML file name it ([[filter]] name = "strip_signoff")
@dataclass(frozen=True)
class StripSignoff:
    """Remove lines that start with one of the site's sign-off phrases."""

    name: ClassVar[str] = "strip_signoff"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[tuple[str, str, str, str], ...]] = (
        ("acme.signoff", "removal", "info", "the Acme Times sign-off line"),
    )

    phrases: tuple[str, ...] = ("reporting by", "editing by")

    def apply(self, draft: Draft) -> Proposal:
        removals = tuple(
            BlockRemoval(block.index, "acme.signoff", rule="phrase")
            for block in draft.blocks
            if block.text.strip().lower().startswith(self.phrases)
        )
        return Proposal(removals=removals)


# a plain figure followed by "million" with no currency: literal, no backtracking
BARE_AMOUNT = regex.compile(r"(?<![$€£\w])\d+(?:\.\d+)? million\b")


@dataclass(frozen=True)
class FlagBareAmounts:
    """Flag amounts such as "12 million" that name no currency (the text stays as it is)."""

    name: ClassVar[str] = "flag_bare_amounts"
    stage: ClassVar[Stage] = Stage.FLAG
    codes: ClassVar[tuple[tuple[str, str, str, str], ...]] = (
        ("acme.bare_amount", "finding", "warning", "an amount with no currency"),
    )

    def apply(self, draft: Draft) -> Proposal:
        flags = []
        for block in draft.kept():
            for m in BARE_AMOUNT.finditer(block.text, timeout=draft.regex_timeout):
                start = block.span[0] + m.start()
                span = (start, start + len(m.group()))
                flags.append(Flag("acme.bare_amount", span, f"{m.group()!r} names no currency"))
        return Proposal(flags=tuple(flags))


TEXT = """Harbour Bridge Reopens After Repairs

The bridge reopened on Friday after repairs that cost 12 million, the city said.
Traffic was back to normal by the evening.

Editing by John Doe; graphics by Ann Lee"""


def main() -> None:
    pipeline = newsclean.default_pipeline() + StripSignoff() + FlagBareAmounts()
    article = pipeline(TEXT, id="acme-1")
    print(article.title)
    print(article.text)
    for r in article.removals:
        print(f"removed [{r.reason}] {r.text!r}")
    for f in article.findings:
        print(f"finding [{f.code}] {f.message}")
    assert [r.reason for r in article.removals] == ["structure.title", "acme.signoff"]
    assert [f.code for f in article.findings] == ["acme.bare_amount"]


if __name__ == "__main__":
    main()
