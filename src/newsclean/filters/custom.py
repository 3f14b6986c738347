"""Filters built from user-supplied patterns, which are checked before they run on any text.

User patterns are untrusted in a different way from scraped text: a pattern with nested quantifiers
(``(a+)+``) can take exponential time on a line made to trip it. So each pattern is limited in
length, rejected when its shape is one of the well-known catastrophic ones, compiled once with the
``regex`` module, and run under the pipeline's regex timeout, which bounds the whole filter, not
each line: a document cannot multiply it by its number of lines.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import ClassVar

import regex

from newsclean import codes
from newsclean.codes import Kind
from newsclean.draft import BlockRemoval, Draft, Proposal, Stage
from newsclean.errors import ConfigError

#: longest user pattern accepted, in characters
MAX_PATTERN_CHARS = 300
#: most user patterns one filter accepts
MAX_PATTERNS = 200


def nested_quantifier(pattern: str) -> str | None:
    """The first group that repeats something already repeated (``(a+)+``, ``(\\w*\\s?)*``), or None.

    Such groups backtrack exponentially on a near-miss. Atomic groups ``(?>...)`` and possessive
    quantifiers (``)++``) do not backtrack and are allowed.

    >>> nested_quantifier(r"^(\\w+\\s?)*$")
    '(\\\\w+\\\\s?)*'
    >>> nested_quantifier(r"^read (more|on)[.:]?$") is None
    True
    >>> nested_quantifier(r"(?>a+)+") is None
    True
    """
    # open groups: (start index, atomic); and whether each holds an unbounded repeat
    stack: list[tuple[int, bool]] = []
    holds_repeat: list[bool] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a character class: skip to its end
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "(":
            atomic = pattern.startswith("(?>", i)
            stack.append((i, atomic))
            holds_repeat.append(False)
            i += 1
            continue
        if ch == ")" and stack:
            start, atomic = stack.pop()
            holds = holds_repeat.pop()
            j = i + 1
            quant, j = _quantifier(pattern, j)
            possessive = j < n and pattern[j] == "+"
            if holds and _many(quant) and not atomic and not possessive:
                return pattern[start:j]
            if stack and (holds or quant == _UNBOUNDED) and not atomic:
                holds_repeat[-1] = True
            i = j
            continue
        quant, j = _quantifier(pattern, i)
        if quant == _UNBOUNDED and stack:
            holds_repeat[-1] = True
        i = j if j > i else i + 1
    return None


_UNBOUNDED = -1  # the upper bound of *, + and {n,}


def _many(quant: int | None) -> bool:
    """Whether a quantifier may repeat its atom many times (unbounded, or more than 10)."""
    return quant is not None and (quant == _UNBOUNDED or quant > 10)


def _quantifier(pattern: str, i: int) -> tuple[int | None, int]:
    """The upper bound of the quantifier at ``pattern[i:]`` (None: none) and the index after it."""
    if i >= len(pattern):
        return None, i
    ch = pattern[i]
    if ch in "*+":
        return _UNBOUNDED, i + 1
    if ch == "?":
        return 1, i + 1
    if ch == "{":
        m = regex.match(r"\{(\d*)(,?)(\d*)\}", pattern[i:])
        if m and (m.group(1) or m.group(3)):
            if m.group(2) and not m.group(3):
                return _UNBOUNDED, i + m.end()
            return int(m.group(3) or m.group(1)), i + m.end()
    return None, i


def compile_user_pattern(pattern: str, *, ignore_case: bool = True) -> regex.Pattern[str]:
    """Check and compile one user pattern; every problem is a :class:`ConfigError`.

    >>> compile_user_pattern(r"^follow us on \\w+$").pattern
    '^follow us on \\\\w+$'
    """
    if not isinstance(pattern, str) or not pattern:
        msg = f"a pattern must be a non-empty string, not {pattern!r}"
        raise ConfigError(msg)
    if len(pattern) > MAX_PATTERN_CHARS:
        msg = (
            f"pattern of {len(pattern)} characters; at most {MAX_PATTERN_CHARS}: {pattern[:60]!r}…"
        )
        raise ConfigError(msg)
    nested = nested_quantifier(pattern)
    if nested is not None:
        msg = (
            f"pattern {pattern!r} repeats a repeated group {nested!r}, which can take exponential "
            "time; use an atomic group (?>...) or a possessive quantifier (++, *+) instead"
        )
        raise ConfigError(msg)
    try:
        return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        msg = f"pattern {pattern!r} does not compile: {exc}"
        raise ConfigError(msg) from None


@dataclass(frozen=True, slots=True, kw_only=True)
class StripLinesMatching:
    """Remove lines that one of the user's patterns matches (``search``), for ``reason``.

    ``reason`` is a removal code from the catalogue. ``rule`` of each removal is the pattern that
    matched. All patterns together may spend the pipeline's ``regex_timeout`` on one document;
    past it the filter's proposals are dropped with a ``pipeline.regex_timeout`` finding.
    """

    name: ClassVar[str] = "strip_lines_matching"
    stage: ClassVar[Stage] = Stage.STRIP
    patterns: tuple[str, ...] = ()
    reason: str = "boilerplate.chrome"
    ignore_case: bool = True

    def __post_init__(self) -> None:
        patterns = self.patterns
        if isinstance(patterns, str) or not all(isinstance(p, str) for p in patterns):
            msg = f"patterns must be a list of strings, not {patterns!r}"
            raise ConfigError(msg)
        if len(patterns) > MAX_PATTERNS:
            msg = f"{len(patterns)} patterns; at most {MAX_PATTERNS}"
            raise ConfigError(msg)
        object.__setattr__(self, "patterns", tuple(patterns))
        code = codes.get(self.reason)
        if code.kind is not Kind.REMOVAL:
            removal = sorted(c.slug for c in codes.CODES.values() if c.kind is Kind.REMOVAL)
            msg = (
                f"reason {self.reason!r} is not a removal code; removal codes: {', '.join(removal)}"
            )
            raise ConfigError(msg)
        for p in self.patterns:
            compile_user_pattern(p, ignore_case=self.ignore_case)

    @property
    def codes(self) -> tuple[str, ...]:
        """The one code this filter uses: its ``reason``."""
        return (self.reason,)

    def _compiled(self) -> list[regex.Pattern[str]]:
        return [_compile_cached(p, self.ignore_case) for p in self.patterns]

    def apply(self, draft: Draft, /) -> Proposal:
        compiled = self._compiled()
        if not compiled:
            return Proposal()
        limit = draft.regex_timeout
        deadline = None if limit is None else time.perf_counter() + limit
        removals = []
        for block in draft.kept():
            for pattern in compiled:
                timeout = None
                if deadline is not None:
                    timeout = deadline - time.perf_counter()
                    if timeout <= 0:
                        msg = "user patterns ran out of time"
                        raise TimeoutError(msg)
                if pattern.search(block.text, timeout=timeout):
                    removals.append(BlockRemoval(block.index, self.reason, pattern.pattern))
                    break
        return Proposal(removals=tuple(removals))


_CACHE: dict[tuple[str, bool], regex.Pattern[str]] = {}


def _compile_cached(pattern: str, ignore_case: bool) -> regex.Pattern[str]:
    key = (pattern, ignore_case)
    compiled = _CACHE.get(key)
    if compiled is None:
        if len(_CACHE) > 4096:
            _CACHE.clear()
        compiled = _CACHE[key] = compile_user_pattern(pattern, ignore_case=ignore_case)
    return compiled
