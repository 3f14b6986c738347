"""Unresolved template tokens and generation leftovers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from newsclean._patterns import compile_pattern, finditer
from newsclean.pipeline import BlockRemoval, Draft, Flag, Proposal, Stage
from newsclean.registry import register_filter

TOKEN_RE = compile_pattern(r"\{[A-Z][A-Z0-9_]{1,60}\}|\{\{\s*\w{1,60}\s*\}\}")


@register_filter
@dataclass(frozen=True, slots=True, kw_only=True)
class FlagTemplates:
    """Flag unresolved placeholders everywhere; remove lines that are nothing but one."""

    name: ClassVar[str] = "flag_templates"
    stage: ClassVar[Stage] = Stage.STRIP
    remove_lines: bool = True

    def apply(self, draft: Draft, /) -> Proposal:
        flags = []
        removals = []
        for block in draft.blocks:
            found = list(finditer(TOKEN_RE, block.text, timeout=draft.regex_timeout))
            for m in found:
                start = block.span[0] + m.start()
                flags.append(
                    Flag(
                        "template.token",
                        (start, block.span[0] + m.end()),
                        f"unresolved template placeholder {m.group()!r}",
                        {"token": m.group()},
                    )
                )
            only = found and "".join(m.group() for m in found).strip() == block.text.strip()
            if only and self.remove_lines and not draft.is_removed(block.index):
                removals.append(BlockRemoval(block.index, "template.token_line", "token_only_line"))
        return Proposal(removals=tuple(removals), flags=tuple(flags))
