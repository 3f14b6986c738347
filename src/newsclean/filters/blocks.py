"""Structural boilerplate rules: link-like runs, context between chrome, and a block classifier.

These rules look at a line's shape and its neighbours rather than at known phrases:

``strip_link_lists``
    runs of short, link-like lines (menus, tag lists, related-article lists);
``strip_context``
    a short line sandwiched between chrome is chrome (in the spirit of jusText); between body
    paragraphs it stays;
``classify_blocks``
    (``page`` preset) tells body from chrome by block features: length, sentence punctuation,
    stop-word density in the text's language, link-likeness and position, then revises short and
    borderline blocks by their neighbours, as jusText does (Pomikálek 2011).
"""

from __future__ import annotations

import functools
import itertools
import string
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from newsclean._patterns import DEFAULT_TIMEOUT, is_plain
from newsclean._patterns import words as text_words
from newsclean.draft import Block, BlockRemoval, Draft, Proposal, Stage
from newsclean.errors import PatternDataError
from newsclean.filters._shared import looks_like_headline
from newsclean.filters.boilerplate import CATALOGUE_CODES, catalogue, rule_kind
from newsclean.lang import entries, languages_with

#: a sentence end, allowing closing quotes and brackets after it
SENTENCE_END = frozenset(".!?…。！？")
CLOSERS = "\"'”’»)]*"
#: list bullets that content lists keep (an extractor writes "- item")
BULLETS = ("- ", "• ", "* ", "– ", "· ")
#: lines longer than this are never link-like, and never short
MAX_SHORT_CHARS = 200
#: removals that are weak evidence of chrome around them (a repeated line, the headline)
WEAK_REASONS = frozenset({"boilerplate.duplicate", "structure.title", "structure.empty"})
#: removals that head or belong to a list of links
LIST_REASONS = frozenset(
    {
        "boilerplate.navigation",
        "boilerplate.nav_title",
        "boilerplate.related",
        "boilerplate.teaser",
        "boilerplate.link_list",
        "boilerplate.share",
        "boilerplate.footer",
        "boilerplate.site_repeated",
        "boilerplate.chrome",
    }
)


#: removals that head a list of links ("Related articles", "Read also"): evidence for a run of
#: link-like lines in extracted text, where a lone menu word may be a section heading
LIST_HEADING_REASONS = frozenset(
    {"boilerplate.related", "boilerplate.teaser", "boilerplate.nav_title", "boilerplate.link_list"}
)


#: ... when the heading is a line of its own (not a label such as "Category: Books")
LIST_HEADING_RULES = frozenset(
    {"catalogue", "catalogue_fuzzy", "after_teaser_label", "after_nav_label", "link_like_run"}
)


def blank_in_original(draft: Draft, index: int) -> bool:
    """Lines the structural rules leave alone: no letter or digit (a lone "…" or "*": nothing
    to say either way, and removing it would make cleaning depend on what was cleaned before), or
    only whitespace before normalization (NEL turned into "…")."""
    text = draft.blocks[index].text
    plain = draft.plain
    if (
        len(text) <= MAX_SHORT_CHARS
        # most lines start with a letter: settled without a scan
        and (plain or not text[:1].isalnum())
        and not any(c.isalnum() for c in text)
    ):
        return True
    if not plain and not draft.offsets.regions:
        return False  # nothing was replaced: the original line is this non-blank one
    start, end = draft.original_span(draft.blocks[index].span)
    return not draft.original[start:end].strip()


def chrome_at(draft: Draft, index: int, reasons: frozenset[str] | None = None) -> bool:
    """Whether block ``index`` was removed as chrome (by one of ``reasons``, if given)."""
    removal = draft.removal_of(index)
    if removal is None or removal.reason in WEAK_REASONS:
        return False
    return reasons is None or removal.reason in reasons


Cls = Literal["good", "neargood", "short", "bad"]


@functools.lru_cache(maxsize=16)
def stopwords(lang: str) -> frozenset[str]:
    """The stop words of ``lang`` (``data/lang/<lang>/stopwords.txt``), case folded."""
    if lang not in stopword_languages():
        msg = f"no stop-word list for {lang!r}; available: {', '.join(stopword_languages())}"
        raise PatternDataError(msg)
    return frozenset(e.text.casefold() for e in entries(lang, "stopwords.txt"))


def stopword_languages() -> tuple[str, ...]:
    """The languages whose pack has stop words."""
    return languages_with("stopwords.txt")


def line_words(text: str, timeout: float | None = DEFAULT_TIMEOUT) -> list[str]:
    return text_words(text, timeout=timeout)


def folded_line_words(text: str, timeout: float | None = DEFAULT_TIMEOUT) -> list[str]:
    """The words of :func:`line_words`, case-folded."""
    if not is_plain() and text.isascii():
        # ASCII folding only lowers letters: the words stay where they were
        return text_words(text.lower(), timeout=timeout)
    return list(map(str.casefold, text_words(text, timeout=timeout)))


def guess_language(
    blocks: Sequence[Block],
    timeout: float | None = DEFAULT_TIMEOUT,
    words_of: Callable[[str], list[str]] | None = None,
) -> str | None:
    """The bundled language whose stop words cover most words of the text's longer lines.

    ``None`` when no list covers at least a tenth of those words (another language). ``words_of``
    finds the case-folded words of a line (default :func:`folded_line_words`), for a caller that
    keeps them.

    >>> from newsclean.pipeline import split_blocks
    >>> guess_language(split_blocks("Der Hund und die Katze sind nicht im Haus, sagte er."))
    'de'
    """
    find = words_of or functools.partial(folded_line_words, timeout=timeout)
    counts: Counter[str] = Counter()
    seen = 0
    for block in blocks:
        if len(block.text) < 15:  # too short to hold 8 words
            continue
        words = find(block.text[:2000])
        if len(words) < 8:
            continue
        counts.update(words)
        seen += len(words)
        if seen > 3000:
            break
    if not seen:
        # all lines are short: count each distinct line once, times how often it occurs
        for line, times in Counter(block.text[:2000] for block in blocks).items():
            for w in find(line):
                counts[w] += times
        seen = sum(counts.values())
    best, best_hits = None, 0
    for lang in stopword_languages():
        stops = stopwords(lang)
        hits = sum(counts[w] for w in stops & counts.keys())
        if hits > best_hits:
            best, best_hits = lang, hits
    return best if best_hits >= 3 and best_hits >= 0.1 * seen else None


def draft_language(draft: Draft) -> str | None:
    """The draft's language, given or guessed, when it has stop words; ``None`` when none fits."""
    lang = (draft.lang or "").split("-")[0].casefold()
    if lang not in stopword_languages():
        guessed: str | None = draft.cached(
            "guessed_language",
            lambda: guess_language(
                draft.blocks, draft.regex_timeout, functools.partial(draft_folded_words, draft)
            ),
        )
        return guessed
    return lang


def draft_stopwords(draft: Draft) -> frozenset[str] | None:
    """The stop words of the draft's language (given or guessed); ``None`` when none fits."""
    lang = draft_language(draft)
    return None if lang is None else stopwords(lang)


@dataclass(frozen=True, slots=True)
class Features:
    """What the structural rules know about one line."""

    chars: int
    words: int
    stop_density: float  # -1.0 when the language has no stop-word list
    sentence_end: bool
    bullet: bool
    separators: int  # |, •, · between items on one line
    label: bool  # ends with a colon: introduces what follows
    letters: float  # share of letters among the non-space characters

    @property
    def link_like(self) -> bool:
        """Short, no sentence end: the shape of a menu item, tag or linked headline."""
        return (
            self.chars <= 120
            and 1 <= self.words <= 14
            and not self.sentence_end
            and not self.label
            and self.stop_density < 0.34
            and self.letters >= 0.5
        )


def features(
    text: str,
    stops: frozenset[str] | None,
    timeout: float | None = DEFAULT_TIMEOUT,
    folded: list[str] | None = None,
) -> Features:
    """The features of a line; ``folded``, when given, are the case-folded words of its first
    5000 stripped characters."""
    stripped = text.strip()
    if folded is None:
        folded = folded_line_words(stripped[:5000], timeout)
    n, chars = len(folded), len(stripped)
    # positional, in field order: this runs for nearly every line of a page
    return Features(
        chars,  # chars
        n if chars <= 5000 else max(n, chars // 6),  # words
        -1.0 if stops is None or not n else sum(map(stops.__contains__, folded)) / n,  # density
        stripped.rstrip(CLOSERS)[-1:] in SENTENCE_END,  # sentence_end ("" is not in it)
        stripped.startswith(BULLETS),  # bullet
        stripped.count("|") + stripped.count("•") + stripped.count("·"),  # separators
        stripped.endswith(":"),  # label
        letter_share(stripped[:500]),  # letters
    )


def draft_folded_words(draft: Draft, text: str) -> list[str]:
    """The case-folded words of a line of the draft, found once per document: the language
    guess and the features share them."""
    # the memo of Draft.cached, read directly: this runs for nearly every line
    key = ("folded_words", text)
    found: list[str] | None = draft.memo.get(key)
    if found is None:
        found = draft.memo[key] = folded_line_words(text, draft.regex_timeout)
    return found


def block_features(draft: Draft, index: int, stops: frozenset[str] | None) -> Features:
    """The features of block ``index``, computed once per document and line text (``stops`` is
    the draft's)."""
    text = draft.blocks[index].text
    key = ("features", text)
    found: Features | None = draft.memo.get(key)
    if found is None:
        # a line that short has the same words as its first 5000 stripped characters
        folded = draft_folded_words(draft, text) if len(text) <= 5000 and not draft.plain else None
        found = draft.memo[key] = features(text, stops, draft.regex_timeout, folded)
    return found


_DROP_ASCII_LETTERS = str.maketrans("", "", string.ascii_letters)


def letter_share(text: str) -> float:
    chars = "".join(text.split())  # str.split drops exactly what str.isspace calls space
    if not chars:
        return 0.0
    # the ASCII letters are exactly the ASCII characters str.isalpha accepts
    if not is_plain() and chars.isascii():
        return (len(chars) - len(chars.translate(_DROP_ASCII_LETTERS))) / len(chars)
    return sum(map(str.isalpha, chars)) / len(chars)


def is_prose(f: Features) -> bool:
    """Running text: a sentence of several words, or a long line of mostly running words."""
    if f.words >= 40 or (f.words >= 15 and f.stop_density >= 0.25):
        return True
    if f.stop_density >= 0:
        return f.words >= 8 and f.sentence_end and f.stop_density >= 0.2
    return f.words >= 10 and f.sentence_end


# ---------------------------------------------------------------------------------------------
# link-like runs


@dataclass(frozen=True, slots=True, kw_only=True)
class StripLinkLists:
    """Remove runs of short link-like lines: menus, tag lists, related-article lists.

    With ``where="chrome"`` (``extracted`` preset) a run is removed only when it touches or holds
    a removed list heading ("Related articles", "Read also") and the titles under it; ``"edges"`` also
    takes runs at the start or end of the text; with ``"anywhere"`` (``page``) any run of
    ``min_run`` lines goes. Bulleted lines count only with ``bullets=True``: an extractor writes
    content lists ("- 200 g flour") with bullets. With ``keep_inside``, a run with a paragraph of
    running text on both sides (past removed lines that are not list chrome and at most
    ``window`` short lines) is a list inside the article and stays.
    """

    name: ClassVar[str] = "strip_link_lists"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = ("boilerplate.link_list",)
    min_run: int = 3
    where: Literal["chrome", "edges", "anywhere"] = "chrome"
    bullets: bool = False
    keep_inside: bool = True
    window: int = 2

    def apply(self, draft: Draft, /) -> Proposal:
        stops = draft_stopwords(draft)
        blocks = draft.blocks
        n = len(blocks)
        like = [False] * n
        for b in blocks:
            if draft.is_removed(b.index) or len(b.text) > MAX_SHORT_CHARS:
                continue
            if blank_in_original(draft, b.index):
                continue
            f = block_features(draft, b.index, stops)
            like[b.index] = f.link_like and (self.bullets or not f.bullet) and f.separators < 2
        removals: list[BlockRemoval] = []
        i = 0
        while i < n:
            if not like[i]:
                i += 1
                continue
            j = i
            while j < n and (like[j] or draft.is_removed(j)):
                j += 1
            run = [k for k in range(i, j) if like[k]]
            if (
                len(run) >= self.min_run
                and self._placed(draft, i, j)
                and not self._inside_body(draft, stops, i, j)
            ):
                removals += [BlockRemoval(k, "boilerplate.link_list", "link_like_run") for k in run]
            i = j
        return Proposal(removals=tuple(removals))

    def _inside_body(
        self, draft: Draft, stops: frozenset[str] | None, start: int, end: int
    ) -> bool:
        """Prose right before and right after the run: a list inside the article."""
        if not self.keep_inside:
            return False

        def prose_at(indices: range) -> bool:
            # the nearest kept line that is not itself short, past at most `window` short ones
            short = 0
            for k in indices:
                if draft.is_removed(k):
                    if chrome_at(draft, k, LIST_REASONS):
                        return False
                    continue
                f = block_features(draft, k, stops)
                if is_prose(f):
                    return True
                short += 1
                if short > self.window:
                    return False
            return False

        return prose_at(range(start - 1, -1, -1)) and prose_at(range(end, len(draft.blocks)))

    def _placed(self, draft: Draft, start: int, end: int) -> bool:
        if self.where == "anywhere":
            return True
        if self.where == "chrome":

            def evidence(k: int) -> bool:
                removal = draft.removal_of(k)
                return (
                    removal is not None
                    and removal.reason in LIST_HEADING_REASONS
                    and rule_kind(removal.rule) in LIST_HEADING_RULES
                )
        else:

            def evidence(k: int) -> bool:
                return chrome_at(draft, k, LIST_REASONS)

        touches_removed = (start > 0 and evidence(start - 1)) or (
            end < len(draft.blocks) and evidence(end)
        )
        inner_removed = any(evidence(k) for k in range(start, end))
        if touches_removed or inner_removed:
            return True
        if self.where == "chrome":
            return False
        kept_before = any(not draft.is_removed(k) for k in range(start))
        kept_after = any(not draft.is_removed(k) for k in range(end, len(draft.blocks)))
        return not kept_before or not kept_after


# ---------------------------------------------------------------------------------------------
# context


@dataclass(frozen=True, slots=True, kw_only=True)
class StripContext:
    """Remove short lines whose nearest longer neighbours on both sides are chrome.

    A neighbour is chrome when an earlier filter removed it; the start and end of the text count
    as chrome only with ``edges=True``. Short lines between body paragraphs always stay.
    """

    name: ClassVar[str] = "strip_context"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = ("boilerplate.context",)
    max_words: int = 12
    edges: bool = True

    def apply(self, draft: Draft, /) -> Proposal:
        stops = draft_stopwords(draft)
        blocks = draft.blocks
        short: list[bool] = []
        for b in blocks:
            if draft.is_removed(b.index) or len(b.text) > MAX_SHORT_CHARS:
                short.append(False)
                continue
            f = block_features(draft, b.index, stops)
            short.append(
                f.words <= self.max_words
                and not (f.sentence_end and f.words >= 6)
                and (self.edges or not (f.bullet or f.label or f.separators >= 2))
            )
        removals = []
        n = len(blocks)
        for i in range(n):
            if not short[i] or self._heading(draft, stops, i) or blank_in_original(draft, i):
                continue
            if self._side(draft, short, range(i - 1, -1, -1)) and self._side(
                draft, short, range(i + 1, n)
            ):
                removals.append(BlockRemoval(i, "boilerplate.context", "between_chrome"))
        has_kept_long = any(not short[i] and not draft.is_removed(i) for i in range(n))
        if not has_kept_long:
            return Proposal()
        return Proposal(removals=tuple(removals))

    def _heading(self, draft: Draft, stops: frozenset[str] | None, i: int) -> bool:
        """A headline-like line whose next kept line is prose: a heading, not chrome."""
        # a short line (only those get here) has its words counted in its features
        n_words = block_features(draft, i, stops).words
        if not looks_like_headline(
            draft.blocks[i].text.strip(), n_words=n_words, timeout=draft.regex_timeout
        ):
            return False
        for k in range(i + 1, len(draft.blocks)):
            if not draft.is_removed(k):
                return is_prose(block_features(draft, k, stops))
        return False

    def _side(self, draft: Draft, short: list[bool], indices: range) -> bool:
        for k in indices:
            if chrome_at(draft, k):
                return True
            if draft.is_removed(k):
                continue
            if not short[k]:
                return False
        return self.edges


# ---------------------------------------------------------------------------------------------
# the block classifier (page preset)


#: quotation marks a quoted line starts or ends with
QUOTES_OPEN = '"“„«‘‚‹'
QUOTES_CLOSE = '"”“»’‘›'


def is_quoted(text: str) -> bool:
    """A line of quoted speech: it opens or closes with a quotation mark, or quotes after a colon
    ('…said in a statement: "…"')."""
    t = text.strip()
    if len(t) < 20:
        return False
    return (
        t[0] in QUOTES_OPEN
        or t.rstrip(".!?,")[-1:] in QUOTES_CLOSE
        or any(f": {q}" in t for q in QUOTES_OPEN)
    )


def item_number(text: str) -> int | None:
    """The number of a numbered list item ("1. …", "2) …", up to two digits), else ``None``."""
    t = text.lstrip()
    digits = len(t) - len(t.lstrip(string.digits))
    if 1 <= digits <= 2 and t[digits : digits + 2] in (". ", ") "):
        return int(t[:digits])
    return None


def numbered(texts: Sequence[str]) -> list[bool]:
    """Which lines are items of a numbered list: numbered, next to the item before or after them
    ("2. Februar 2020" alone is a date, not a list)."""
    numbers = [item_number(t) for t in texts]
    out = []
    for k, m in enumerate(numbers):
        prev = numbers[k - 1] if k else None
        nxt = numbers[k + 1] if k + 1 < len(numbers) else None
        out.append(m is not None and ((prev is not None and prev + 1 == m) or nxt == m + 1))
    return out


#: how many lines the classifier looks past for the paragraphs around a list inside the article
INSIDE_REACH = 40
#: removed lines passed between a sub-heading and the paragraphs around it
SUBHEADING_REACH = 4
#: removals that stand inside an article's run of paragraphs: a sub-heading is read past them
INLINE_REASONS = frozenset(
    {
        "boilerplate.ad",
        "boilerplate.teaser",
        "boilerplate.related",
        "boilerplate.credit",
        "boilerplate.duplicate",
        "boilerplate.share",
    }
)

#: signs that only program code writes inside a line, and the ends of code lines
CODE_SIGNS = ("()", " = ", "==", "!=", "=>", "->", "::", "+=", "&&", "||", "{}", "[]", "</", "/>")
CODE_ENDS = ("{", "}", "(", "[", ");", "};", "):")


def is_code(text: str) -> bool:
    """A line of program code: a sign only code writes ("x = f()", "a == b", "</div>") or a code
    line's end ("{", ");", "):", a ";" after brackets), not a sentence's end, and fewer letters
    than running text has."""
    t = text.strip()
    if not 2 <= len(t) <= MAX_SHORT_CHARS or t[-1] in SENTENCE_END:
        return False
    if not (
        t.endswith(CODE_ENDS)
        or any(sign in t for sign in CODE_SIGNS)
        or (t.endswith(";") and any(c in t for c in "()[]="))
        # a call: "print(x)", the bracket right after a name
        or (t.endswith(")") and t.find("(") > 0 and not t[t.find("(") - 1].isspace())
    ):
        return False
    return letter_share(t) < 0.9


def initial_class(f: Features, length_low: int, length_high: int) -> Cls:
    """jusText's context-free class, with sentence punctuation standing in for missing lists."""
    if f.chars < length_low:
        # a whole short sentence reads like body; its neighbours decide (jusText's near-good)
        if f.sentence_end and f.words >= 4 and f.letters >= 0.6:
            return "neargood"
        return "short"
    if f.stop_density < 0:  # no stop-word list for this language
        if f.sentence_end and f.words >= 10:
            return "good" if f.chars >= length_high else "neargood"
        return "bad" if f.separators >= 2 or not f.sentence_end else "neargood"
    if f.stop_density >= 0.32 or (f.sentence_end and f.words >= 12 and f.stop_density >= 0.22):
        return "good" if f.chars >= length_high else "neargood"
    if f.stop_density >= 0.22 or (f.sentence_end and f.words >= 10):
        return "neargood"
    return "bad"


def revise(classes: list[Cls], fixed_bad: list[bool]) -> list[Cls]:
    """jusText's context revision: short and near-good blocks take the class of their context."""
    n = len(classes)

    def neighbour(i: int, step: int, skip: frozenset[str], cls: list[Cls]) -> str:
        j = i + step
        while 0 <= j < n:
            if fixed_bad[j]:
                return "bad"
            if cls[j] not in skip:
                return cls[j]
            j += step
        return "bad"

    out = list(classes)
    skip_short_near = frozenset({"short", "neargood"})
    for i, c in enumerate(classes):
        if c != "short" or fixed_bad[i]:
            continue
        prev = neighbour(i, -1, skip_short_near, classes)
        nxt = neighbour(i, 1, skip_short_near, classes)
        if prev == nxt:
            out[i] = "good" if prev == "good" else "bad"
        else:
            near = (
                neighbour(i, -1, frozenset({"short"}), classes) == "neargood"
                or neighbour(i, 1, frozenset({"short"}), classes) == "neargood"
            )
            out[i] = "good" if near else "bad"
    final = list(out)
    skip_near = frozenset({"neargood", "short"})
    for i, c in enumerate(out):
        if c != "neargood" or fixed_bad[i]:
            continue
        prev = neighbour(i, -1, skip_near, out)
        nxt = neighbour(i, 1, skip_near, out)
        final[i] = "bad" if prev == "bad" and nxt == "bad" else "good"
    return final


#: a paragraph this long ends the chrome cluster at the end of a page even with a cue word in it
LONG_PARAGRAPH = 500

#: removals that end an article: what follows them is rarely body
BARRIER_REASONS = frozenset(
    {
        "boilerplate.comments",
        "boilerplate.related",
        "boilerplate.subscribe",
        "boilerplate.footer",
        "boilerplate.nav_title",
    }
)


#: removals under a picture: the line above them is its caption
CREDIT_REASONS = frozenset({"boilerplate.credit"})


def block_score(block: Block, cls: Cls, fixed: bool) -> float:
    """Good lines add their length, near-good half of it; bad lines subtract their length, short
    lines a little, removed chrome a lot (as much as a long bad line: a rule matched it)."""
    n = float(len(block.text))
    if fixed:
        return -100.0
    if cls == "good":
        return n
    if cls == "neargood":
        return n / 2
    if cls == "short":
        return -25.0
    return -n


def body_regions(
    blocks: Sequence[Block],
    classes: list[Cls],
    fixed: list[bool],
    share: float,
    barriers: list[bool] | None = None,
    barrier_share: float = 0.1,
    bridge: int = 0,
    lead_reach: int = 0,
    prose: Sequence[bool] = (),
    credit: Sequence[bool] = (),
) -> list[tuple[int, int]]:
    """Runs of blocks where body text outweighs chrome (maximum-sum segments).

    A segment ends where its running sum falls to zero or at a barrier (a removed heading that
    usually ends an article). The heaviest segment is the article; the others are kept when they
    reach ``share`` of its weight, or ``barrier_share`` after a barrier. What follows
    a segment's heaviest point is scanned again for segments of its own: these are kept only when
    at most ``bridge`` lines that no filter removed separate them from a kept segment (the
    article, cut in two by a caption).

    The article's lead is not after a barrier when it only follows the menu's: a segment that ends
    at most ``lead_reach`` lines above the heaviest, with no barrier between them, of two lines or
    more, none of them short, one of them ``prose``, and not over a ``credit`` line (a caption),
    needs ``share`` only.
    """
    n = len(blocks)
    barriers = barriers or [False] * n
    scores = [block_score(b, classes[i], fixed[i]) for i, b in enumerate(blocks)]
    # (weight, first, last, opened by a barrier, found in what followed another segment)
    segments: list[tuple[float, int, int, bool, bool]] = []
    # (start, stop, after a barrier, a re-scanned tail): a stack, not recursion
    ranges = [(0, n, False, False)]
    while ranges:
        lo, hi, opened, tail = ranges.pop()
        total, start, best_end, best_total = 0.0, lo, -1, 0.0
        for i in range(lo, hi + 1):
            ends = i == hi or barriers[i] or total + scores[i] <= 0
            if not ends:
                total += scores[i]
                if total > best_total:
                    best_total, best_end = total, i
                continue
            if best_total > 0:
                segments.append((best_total, start, best_end, opened, tail))
                if bridge and i - best_end > 1:
                    ranges.append((best_end + 1, i, opened, True))
            opened = opened or (i < hi and barriers[i])
            total, start, best_end, best_total = 0.0, i + 1, -1, 0.0
    if not segments:
        return []
    segments.sort(key=lambda seg: seg[1])
    heaviest = max(segments, key=lambda seg: seg[0])
    top, top_first = heaviest[0], heaviest[1]
    # barriers up to each index: whether one stands between a segment and the heaviest
    seen = list(itertools.accumulate(barriers, initial=0))

    def beyond_barrier(first: int, last: int, after_barrier: bool) -> bool:
        # the article's lead, just above it with no barrier between, is not read past the
        # barriers of the menu above both
        near = 0 < top_first - last <= lead_reach and len(credit) > last + 1
        lead = (
            near
            and seen[top_first] == seen[last + 1]
            and any(prose[first : last + 1])
            and "short" not in classes[first : last + 1]
            and not credit[last + 1]
            and last > first
        )
        return after_barrier and not lead

    chosen = [
        not tail and w >= (barrier_share if beyond_barrier(a, b, after) else share) * top
        for w, a, b, after, tail in segments
    ]
    linked = [
        len(gap) <= bridge and not any(fixed[g] or barriers[g] for g in gap)
        for gap in (range(a[2] + 1, b[1]) for a, b in itertools.pairwise(segments))
    ]
    # a chosen segment takes its linked neighbours along: one sweep each way reaches them all
    for k in range(len(linked)):
        chosen[k + 1] = chosen[k + 1] or (chosen[k] and linked[k])
    for k in reversed(range(len(linked))):
        chosen[k] = chosen[k] or (chosen[k + 1] and linked[k])
    return [(a, b) for (_, a, b, _, _), keep in zip(segments, chosen, strict=True) if keep]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassifyBlocks:
    """Tell article body from page chrome by block features and context (``page`` preset).

    Every line gets a context-free class from its length and stop-word density (sentence
    punctuation where the language has no list): good, near-good, short or bad. Lines removed by
    earlier filters are bad. Short and near-good lines then take the class of their neighbours, the
    start and end of the page counting as bad, so chrome clusters at both ends go. A headline-like
    line shortly before a good paragraph is kept as a heading. The article region keeps the list
    items and paragraphs right after its last line, and with ``lead_lines`` (0: off) that many
    lead paragraphs above it, past up to ``lead_gap`` removed or short lines. Bad lines are
    removed with ``boilerplate.chrome``.
    """

    name: ClassVar[str] = "classify_blocks"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = ("boilerplate.chrome",)
    length_low: int = 70
    length_high: int = 200
    heading_distance: int = 200
    region: bool = True
    region_share: float = 0.03
    region_bridge: int = 1
    region_lead_reach: int = 6
    lead_gap: int = 3
    lead_lines: int = 0
    inside_window: int = 2

    def apply(self, draft: Draft, /) -> Proposal:
        stops = draft_stopwords(draft)
        blocks = draft.blocks
        if not blocks:
            return Proposal()
        feats = [block_features(draft, b.index, stops) for b in blocks]
        fixed = [draft.is_removed(b.index) for b in blocks]
        classes: list[Cls] = [
            "bad" if fixed[i] else initial_class(f, self.length_low, self.length_high)
            for i, f in enumerate(feats)
        ]
        if not any(c == "good" for c in classes):
            # no paragraph is long enough to anchor the body: let near-good ones do it
            classes = ["good" if c == "neargood" else c for c in classes]
        final = revise(classes, fixed)
        edges: set[int] = set()
        if self.region:
            inside = [False] * len(blocks)
            barriers = [chrome_at(draft, k, BARRIER_REASONS) for k in range(len(blocks))]
            for first, last in body_regions(
                blocks,
                classes,
                fixed,
                self.region_share,
                barriers,
                bridge=self.region_bridge,
                lead_reach=self.region_lead_reach,
                prose=[is_prose(f) for f in feats],
                credit=[
                    *(chrome_at(draft, k, CREDIT_REASONS) for k in range(len(blocks))),
                    False,
                ],
            ):
                for k in range(first, last + 1):
                    inside[k] = True
                edges |= self._region_edges(feats, classes, fixed, barriers, first, last)
            final = [
                ("good" if classes[i] == "neargood" else c)
                if inside[i]
                else ("bad" if classes[i] != "short" else c)
                for i, c in enumerate(final)
            ]
        kept_inside = self._inside_article(draft, feats, classes, final, fixed)
        removals = []
        for i, b in enumerate(blocks):
            if fixed[i] or final[i] == "good" or blank_in_original(draft, i):
                continue
            if i in kept_inside or i in edges:
                continue
            if classes[i] == "short" and self._subheading(draft, feats, classes, final, fixed, i):
                continue
            if (
                classes[i] in ("short", "neargood")
                and self._heading(draft, final, fixed, i)
                and looks_like_headline(
                    b.text.strip(),
                    n_words=feats[i].words if len(b.text) <= 5000 else None,
                    timeout=draft.regex_timeout,
                )
            ):
                continue
            removals.append(BlockRemoval(i, "boilerplate.chrome", f"classifier_{classes[i]}"))
        return Proposal(removals=tuple(removals))

    def _region_edges(
        self,
        feats: list[Features],
        classes: list[Cls],
        fixed: list[bool],
        barriers: list[bool],
        first: int,
        last: int,
    ) -> set[int]:
        """Lines at the edges of an article region that belong to it: the lead paragraph above
        it, past a few removed or short lines (a caption, a share bar), and the list items or
        paragraphs right after its last line (a list that ends the article)."""
        keep: set[int] = set()
        k, gap, leads = first - 1, 0, 0
        while k >= 0 and gap <= self.lead_gap and leads < self.lead_lines:
            if barriers[k]:
                break
            if fixed[k] or classes[k] == "short":
                gap += 1
            elif classes[k] in ("good", "neargood") and feats[k].sentence_end:
                keep.add(k)
                gap, leads = 0, leads + 1
            else:
                break
            k -= 1
        k = last + 1
        while k < len(feats) and not fixed[k]:
            f = feats[k]
            if not (f.bullet or (classes[k] in ("good", "neargood") and is_prose(f))):
                break
            keep.add(k)
            k += 1
        return keep

    def _inside_article(
        self,
        draft: Draft,
        feats: list[Features],
        classes: list[Cls],
        final: list[Cls],
        fixed: list[bool],
    ) -> set[int]:
        """Lines kept though their features say chrome, because of where they stand.

        A run of list items, quoted lines or code lines that stands inside the article is part of
        it (tour dates, a hotel's amenities, a quoted statement, a program's lines): an article
        paragraph before it and one after it, past at most ``inside_window`` short lines
        (a heading, a label) or removed lines that are not list or end-of-article chrome. A prose
        sentence whose later copies were all removed as repeats keeps its first copy when the
        classifier removed that one: one copy always stays.
        """
        blocks = draft.blocks
        n = len(blocks)
        keep: set[int] = set()
        in_list = numbered([b.text for b in blocks])
        member = [
            not fixed[k]
            and (
                feats[k].bullet
                or in_list[k]
                or is_quoted(blocks[k].text)
                or is_code(blocks[k].text)
            )
            for k in range(n)
        ]
        stop_reasons = LIST_REASONS | BARRIER_REASONS

        def heading_like(k: int) -> bool:
            # not a teaser: "» Title", "READ ALSO | Title"
            return feats[k].separators == 0 and blocks[k].text.lstrip()[:1].isalnum()

        def anchor(indices: range, prose: bool) -> list[int]:
            """The article paragraph the run stands next to, seen from it along ``indices``, and
            the short lines passed on the way (headings, labels); empty when there is none."""
            passed: list[int] = []
            # removed lines and other runs are passed, but not for ever: a page of repeats and
            # list items must not make this quadratic
            for k in itertools.islice(indices, INSIDE_REACH):
                if fixed[k]:
                    if chrome_at(draft, k, stop_reasons):
                        return []
                    continue
                if member[k]:
                    continue
                if final[k] == "good" or (prose and is_prose(feats[k])):
                    return [*passed, k]
                if classes[k] not in ("short", "neargood") or feats[k].words > 12:
                    return []
                passed.append(k)
                if len(passed) > self.inside_window:
                    return []
            return []

        i = 0
        while i < n:
            if not member[i]:
                i += 1
                continue
            # a short line between two members belongs to the run (a code line without signs)
            j = i + 1
            while j < n and (
                member[j]
                or (j + 1 < n and member[j + 1] and not fixed[j] and classes[j] == "short")
            ):
                j += 1
            before = anchor(range(i - 1, -1, -1), False)
            after = anchor(range(j, n), True) if before else []
            if after:
                keep.update(k for k in range(i, j) if final[k] != "good")
                # the headings and labels around it ("The authorities advise:") belong to the
                # article, and it goes on after the list: the paragraph that follows stays too
                keep.update(k for k in (*before[:-1], *after[:-1]) if heading_like(k))
                keep.add(after[-1])
            i = j
        first_copy: dict[str, int] = {}
        repeated: set[str] = set()
        for b in blocks:
            if not is_prose(feats[b.index]):
                continue
            key = " ".join(b.text.split()).casefold()
            if key not in first_copy:
                first_copy[key] = b.index
                continue
            removal = draft.removal_of(b.index)
            if removal is None or removal.reason != "boilerplate.duplicate":
                continue
            prev = next((k for k in range(b.index - 1, -1, -1) if not fixed[k]), None)
            nxt = next((k for k in range(b.index + 1, n) if not fixed[k]), None)
            if (
                prev is not None
                and final[prev] == "good"
                and nxt is not None
                and final[nxt] == "good"
            ):
                # the repeat stands between article paragraphs
                keep.add(first_copy[key])
            repeated.add(key)

        # ... or the first copy stands inside the article: from the body's first good paragraph
        # to its last (a teaser repeated above the headline and in a box below stays out)
        def body_paragraph(k: int) -> bool:
            return final[k] == "good" and classes[k] == "good"

        first = next((k for k in range(n) if body_paragraph(k)), None)
        last = next((k for k in reversed(range(n)) if body_paragraph(k)), None)
        for key in repeated:
            k = first_copy[key]
            if (
                first is not None
                and last is not None
                and first < k < last
                and not fixed[k]
                and final[k] != "good"
            ):
                keep.add(k)
        return keep

    def _subheading(
        self,
        draft: Draft,
        feats: list[Features],
        classes: list[Cls],
        final: list[Cls],
        fixed: list[bool],
        i: int,
    ) -> bool:
        """A heading of two words or more inside the article: no sentence end, no label colon, no
        separators, a capital first; right after it the long paragraph it heads (a teaser box has
        short ones), and before it an article paragraph, past a few lines removed as ads,
        teasers, credits, share bars or repeats ("Read also: ..." between a paragraph and the
        heading of the next; an author box's label stops it)."""
        f = feats[i]
        text = draft.blocks[i].text.strip()
        if not (2 <= f.words <= 12 and not f.sentence_end and not f.label and not f.bullet):
            return False
        if f.separators or f.letters < 0.6 or not text[:1].isupper():
            return False

        # the paragraph it heads comes right after it, and it is a long one
        k = i + 1
        if k >= len(draft.blocks) or fixed[k] or final[k] != "good" or classes[k] != "good":
            return False
        for k in itertools.islice(range(i - 1, -1, -1), SUBHEADING_REACH):
            if fixed[k]:
                removal = draft.removal_of(k)
                if removal is None or removal.reason not in INLINE_REASONS:
                    return False
                continue
            return final[k] == "good" and (classes[k] == "good" or is_prose(feats[k]))
        return False

    def _heading(self, draft: Draft, final: list[Cls], fixed: list[bool], i: int) -> bool:
        """A good block follows within ``heading_distance`` characters, before any heading that
        ends an article ("Comments"): what follows that is not what the line heads, and a later
        filter may take it, leaving the line alone (and removed when cleaned again)."""
        blocks = draft.blocks
        distance = 0
        for j in range(i + 1, len(blocks)):
            if final[j] == "good" and not fixed[j]:
                return True
            if fixed[j] and chrome_at(draft, j, BARRIER_REASONS):
                return False
            if not fixed[j]:
                distance += len(blocks[j].text)
            if distance > self.heading_distance:
                return False
        return False


# ---------------------------------------------------------------------------------------------
# position: chrome clusters at the start and end


@dataclass(frozen=True, slots=True, kw_only=True)
class StripEdges:
    """Remove the chrome cluster after the last body paragraph (and, with ``head``, before the
    first).

    The cluster is the lines after the last paragraph of running text. It goes only with
    evidence: a line in it (or right before it) already removed as chrome, or a cue word of the
    catalogue ("newsletter", "Kommentare") in one of its lines. Bulleted lines and table rows stay
    unless ``lists=True``: articles end with source lists and tables too. A prose line with a cue
    joins the cluster when it borders chrome, unless it is a paragraph of ``LONG_PARAGRAPH``
    characters or more that is not a cookie notice. With ``sections``, a comments
    heading ("Comments", "Kommentare") in the last ``tail_share`` of the text takes everything
    after it.
    """

    name: ClassVar[str] = "strip_edges"
    stage: ClassVar[Stage] = Stage.STRIP
    codes: ClassVar[tuple[str, ...]] = (*CATALOGUE_CODES, "boilerplate.context")
    languages: tuple[str, ...] = ()
    head: bool = False
    lists: bool = False
    sections: bool = True
    tail_share: float = 0.4
    min_bare_run: int = 0
    cluster: bool = True

    def apply(self, draft: Draft, /) -> Proposal:
        table = catalogue(tuple(self.languages))
        stops = draft_stopwords(draft)
        removals = self._after_heading(draft)
        taken = {r.index for r in removals}
        order = [i for i in range(len(draft.blocks)) if i not in taken]
        ends = [reversed(order), iter(order)] if self.head else [reversed(order)]
        for indices in ends:
            cluster: list[tuple[int, str | None, Features]] = []
            evidence = False
            body = False
            for i in indices:
                if draft.is_removed(i):
                    evidence = evidence or chrome_at(draft, i)
                    continue
                text = draft.blocks[i].text
                f = block_features(draft, i, stops)
                cue = table.cue(text, timeout=draft.regex_timeout)
                sentence = f.sentence_end and f.words >= 5
                # a long paragraph is the article's even with a cue word in it ("keeping
                # devices up to date"); a cookie notice is long too
                swept = cue is not None and evidence
                if swept and f.chars >= LONG_PARAGRAPH and cue != "boilerplate.cookie":
                    swept = False
                if (is_prose(f) or sentence) and not swept:
                    body = True
                    break
                cluster.append((i, cue, f))
                evidence = evidence or cue is not None
            bare = [c for c in cluster if not (c[2].bullet or c[2].separators >= 2)]
            if not self.cluster or not body or not (evidence or 0 < self.min_bare_run <= len(bare)):
                continue
            for i, cue, f in cluster:
                if not self.lists and (f.bullet or f.separators >= 2):
                    continue
                if blank_in_original(draft, i):
                    continue
                reason = cue or "boilerplate.context"
                removals.append(BlockRemoval(i, reason, "edge_cluster"))
        return Proposal(removals=tuple(sorted(removals, key=lambda r: r.index)))

    def _after_heading(self, draft: Draft) -> list[BlockRemoval]:
        """Everything after a comments heading in the last part of the text is the comments."""
        if not self.sections:
            return []
        blocks = draft.blocks
        total = sum(len(b.text) for b in blocks) or 1
        seen = 0
        for b in blocks:
            seen += len(b.text)
            removal = draft.removal_of(b.index)
            if (
                removal is not None
                and removal.reason == "boilerplate.comments"
                and rule_kind(removal.rule) == "catalogue"
                and seen >= total * (1 - self.tail_share)
            ):
                return [
                    BlockRemoval(k, "boilerplate.comments", "after_comments_heading")
                    for k in range(b.index + 1, len(blocks))
                    if not draft.is_removed(k) and not blank_in_original(draft, k)
                ]
        return []
