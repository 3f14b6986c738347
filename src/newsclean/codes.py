"""The one catalogue of codes that newsclean attaches to edits, removals and findings.

A code is a stable dotted slug: its family before the dot, the specific case after it. Codes are
never renamed and never reused; when a meaning changes, a new code is added. ``docs/codes.md`` is
generated from this module (``make docs``) and a test keeps the two
in step.
"""

from __future__ import annotations

import enum
import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from newsclean._suggest import nearest
from newsclean.errors import ConfigError


class Severity(enum.IntEnum):
    """How bad a finding is, ordered like ``logging`` levels."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | int | Severity) -> Severity:
        """Read a severity from its name (any case) or number.

        >>> Severity.parse("warning")
        <Severity.WARNING: 20>
        """
        if isinstance(value, Severity):
            return value
        if isinstance(value, int):
            return cls(value)
        try:
            return cls[value.strip().upper()]
        except KeyError:
            names = ", ".join(s.name.lower() for s in cls)
            msg = f"unknown severity {value!r}; expected one of: {names}"
            raise ConfigError(msg) from None


class Kind(enum.Enum):
    """What a code labels."""

    EDIT = "edit"  # a normalization change inside the text
    REMOVAL = "removal"  # a block taken out of the article body
    FINDING = "finding"  # a problem reported, text left as it is


@dataclass(frozen=True, slots=True)
class Code:
    """One entry of the catalogue."""

    slug: str
    kind: Kind
    severity: Severity
    summary: str

    @property
    def family(self) -> str:
        return self.slug.split(".", 1)[0]


_E, _R, _F = Kind.EDIT, Kind.REMOVAL, Kind.FINDING
_I, _W, _X = Severity.INFO, Severity.WARNING, Severity.ERROR

# fmt: off
_ENTRIES: tuple[tuple[str, Kind, Severity, str], ...] = (
    # normalization edits
    ("normalize.encoding", _E, _I, "mojibake or another encoding error repaired by ftfy"),
    ("normalize.html_entity", _E, _I, "HTML entity such as &amp; decoded"),
    ("normalize.control", _E, _I, "control or terminal-escape character removed"),
    ("normalize.invisible", _E, _I, "invisible character (zero-width, BOM, bidi mark) removed"),
    ("normalize.soft_hyphen", _E, _I, "soft hyphen removed"),
    ("normalize.whitespace", _E, _I, "unusual spaces unified, line ends trimmed, blank runs collapsed"),
    ("normalize.line_break", _E, _I, "CR, CRLF or Unicode line separator turned into a newline"),
    ("normalize.unicode_form", _E, _I, "text put in Unicode NFC form"),
    # structure
    ("structure.title", _R, _I, "the headline line, moved from the body into the title field"),
    ("structure.empty", _R, _I, "a line with nothing left to say (only punctuation or symbols)"),
    ("structure.subtitle", _R, _I, "the standfirst under the headline, moved into the subtitle field"),
    ("structure.byline", _R, _I, "a byline or agency credit, read into the authors and agency fields"),
    ("structure.date", _R, _I, "a date line of the article's head, read into published or updated"),
    ("structure.section", _R, _I, "a breadcrumb or kicker above the headline, read into section"),
    # boilerplate removals
    ("boilerplate.navigation", _R, _I, "navigation: previous/next article, breadcrumbs, back to top, menus"),
    ("boilerplate.nav_title", _R, _I, "the title of another article introduced by a navigation label"),
    ("boilerplate.summary_widget", _R, _I, "summary or reading-time widget (\"No time to read? Get a summary\")"),
    ("boilerplate.share", _R, _I, "share, social-media or follow-us prompt"),
    ("boilerplate.subscribe", _R, _I, "newsletter, subscription or paywall prompt"),
    ("boilerplate.cookie", _R, _I, "cookie, consent or privacy banner"),
    ("boilerplate.ad", _R, _I, "advertisement label or sponsored-content marker"),
    ("boilerplate.related", _R, _I, "related, recommended or most-read list and its heading"),
    ("boilerplate.comments", _R, _I, "comment-section chrome"),
    ("boilerplate.credit", _R, _I, "credit-only line (photo, image or video credit)"),
    ("boilerplate.author_box", _R, _I, "author box or byline chrome"),
    ("boilerplate.footer", _R, _I, "copyright, legal or site footer"),
    ("boilerplate.teaser", _R, _I, "read-more or continue-reading teaser"),
    ("boilerplate.link_list", _R, _I, "run of short link-like lines (menu, tag list, related list)"),
    ("boilerplate.context", _R, _I, "short line surrounded by boilerplate"),
    ("boilerplate.chrome", _R, _I, "page chrome: a block the classifier tells from body (page preset), or a line a user pattern matched"),
    ("boilerplate.duplicate", _R, _I, "a line repeated within one document"),
    ("boilerplate.site_repeated", _R, _I, "a line the site repeats on many of its pages (learned profile)"),
    # template tokens and generation leftovers
    ("template.token", _F, _X, "unresolved template placeholder ({NAME}, {{ x }}, ${x}, %(x)s, [INSERT …])"),
    ("template.empty_value", _F, _X, "leaked empty value where a value belongs (undefined, null, NaN, [object Object])"),
    ("template.filler", _F, _X, "filler standing in for content (lorem ipsum, TBD, TODO)"),
    ("template.leftover", _F, _X, "leftover of a text-generation step (\"Here is the rewritten article:\")"),
    ("template.token_line", _R, _I, "a line that is nothing but an unresolved placeholder"),
    ("template.leftover_line", _R, _I, "a line that is nothing but a generation leftover"),
    ("template.filler_line", _R, _I, "a line that is nothing but filler (lorem ipsum, TODO, TBD)"),
    # factual consistency
    ("title.never_held", _F, _W, "the person never held the office the text gives them"),
    ("title.not_incumbent", _F, _W, "the person did not hold the office at the article's date"),
    ("title.former_but_incumbent", _F, _W, "called former, but held the office at the article's date"),
    ("title.anachronism", _F, _W, "the date windows implied by the office claims do not intersect"),
    (
        "title.unverifiable",
        _F,
        _I,
        "the claim lies after the knowledge base's as_of date, or before the rows it has",
    ),
    ("name.variant", _F, _W, "a near miss of a known person's name"),
    ("name.inconsistent", _F, _W, "the same person spelt two ways in one document"),
    ("date.weekday_mismatch", _F, _W, "the weekday does not match the date"),
    ("date.invalid", _F, _W, "a date that does not exist (31 November)"),
    ("headline.mismatch", _F, _W, "the headline's key entities and terms are mostly absent from the body"),
    ("headline.leak", _F, _W, "another article's title leaked into the record"),
    ("headline.conflict", _F, _I, "the given title and the text's headline line disagree"),
    # the pipeline itself
    ("pipeline.regex_timeout", _F, _W, "a pattern ran out of time on this text; that filter's proposals were dropped"),
    ("pipeline.budget_exceeded", _F, _W, "the document exceeded its time budget and was passed through"),
)
# fmt: on

CODES: dict[str, Code] = {
    slug: Code(slug, kind, sev, summary) for slug, kind, sev, summary in _ENTRIES
}
#: the codes newsclean itself defines (the others were registered by users' filters)
BUILTIN = frozenset(CODES)


#: a code: lower-case family, a dot, lower-case words (``acme.promo_line``)
SLUG = regex.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")


def register_code(
    slug: str,
    kind: Kind | str,
    severity: Severity | str | int = Severity.INFO,
    summary: str = "",
) -> Code:
    """Add a code to the catalogue, for a filter of your own; the same definition twice is fine.

    Filters usually declare theirs in a ``codes`` class attribute, which :class:`Pipeline`
    registers when it is built (also in each worker process).

    >>> register_code("example.promo", "removal", summary="the site's promo line").kind
    <Kind.REMOVAL: 'removal'>
    """
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        msg = f"code {slug!r} is not a dotted lower-case slug such as 'acme.promo_line'"
        raise ConfigError(msg)
    try:
        kind = Kind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in Kind)
        msg = f"code {slug!r}: kind {kind!r} is not one of {kinds}"
        raise ConfigError(msg) from None
    code = Code(slug, kind, Severity.parse(severity), summary)
    known = CODES.get(slug)
    if known is not None and known != code:
        msg = (
            f"code {slug!r} is already catalogued ({known.kind.value}, {known.severity}: "
            f"{known.summary!r}); codes are never reused"
        )
        raise ConfigError(msg)
    CODES[slug] = code
    return code


def as_code(entry: Code | tuple[str, ...] | str) -> Code:
    """A filter's ``codes`` entry as a :class:`Code`: a Code, ``(slug, kind[, severity[, summary]])``."""
    if isinstance(entry, Code):
        return register_code(entry.slug, entry.kind, entry.severity, entry.summary)
    if isinstance(entry, tuple) and 2 <= len(entry) <= 4:
        return register_code(*entry)
    msg = f"a code declaration is a Code or (slug, kind, severity, summary), not {entry!r}"
    raise ConfigError(msg)


def matching(pattern: str, kind: Kind | None = Kind.FINDING) -> list[str]:
    """The catalogued codes ``pattern`` (a code or a shell pattern such as ``template.*``) matches.

    A pattern that matches none is a mistake (a typo would pass every check), so it is an error
    that names the nearest codes.

    >>> matching("date.*")
    ['date.weekday_mismatch', 'date.invalid']
    """
    slugs = [c.slug for c in CODES.values() if kind is None or c.kind is kind]
    found = [s for s in slugs if fnmatch.fnmatchcase(s, pattern)]
    if found:
        return found
    stem = pattern.rstrip("*?.[]")
    families = sorted({s.split(".", 1)[0] + ".*" for s in slugs})
    near = nearest(stem, [*families, *slugs], limit=3)
    what = f"{kind.value} " if kind is not None else ""
    hint = f"; nearest: {', '.join(near)}" if near else f"; families: {', '.join(families)}"
    msg = f"{pattern!r} matches no {what}code{hint}"
    raise ConfigError(msg)


def get(slug: str) -> Code:
    """Look a code up by slug, with a helpful error.

    >>> get("template.token").severity
    <Severity.ERROR: 30>
    """
    try:
        return CODES[slug]
    except KeyError:
        family = slug.split(".", 1)[0]
        near = sorted(s for s in CODES if s.startswith(family + "."))
        hint = f" Codes in {family!r}: {', '.join(near)}" if near else ""
        if not near:
            close = nearest(slug, CODES, limit=3)
            hint = f" Nearest: {', '.join(close)}." if close else ""
        msg = (
            f"unknown code {slug!r}.{hint} A filter of your own declares its codes "
            "(a 'codes' class attribute) or calls newsclean.register_code()"
        )
        raise ConfigError(msg) from None


def markdown_table(raised_by: Mapping[str, Sequence[str]] | None = None) -> str:
    """The catalogue as a Markdown table, with who raises each code when ``raised_by`` (code ->
    names) is given (``docs/codes.md`` is ``newsclean.pipeline.codes_markdown()``)."""
    lines = [
        "# Codes",
        "",
        "Generated from `src/newsclean/codes.py` by `make docs`. Codes are never",
        "renamed or reused.",
        "",
    ]
    if raised_by is None:
        lines += ["| code | kind | default severity | meaning |", "|---|---|---|---|"]
    else:
        lines += [
            '"raised by" lists the filters that declare the code in their `codes` (and the',
            "pipeline itself); `strip_lines_matching` uses the removal code it is configured with.",
            "",
            "| code | kind | default severity | meaning | raised by |",
            "|---|---|---|---|---|",
        ]
    for code in CODES.values():
        if code.slug not in BUILTIN:
            continue
        summary = code.summary.replace("|", "\\|")
        row = f"| `{code.slug}` | {code.kind.value} | {code.severity} | {summary} |"
        if raised_by is not None:
            names = ", ".join(f"`{name}`" for name in raised_by.get(code.slug, ())) or "—"
            row += f" {names} |"
        lines.append(row)
    return "\n".join(lines) + "\n"
