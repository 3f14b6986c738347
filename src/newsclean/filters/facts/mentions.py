"""Title + person mentions in the forms news uses, resolved against the knowledge base.

Forms: "[modifier] [PLACE's] TITLE [of PLACE] NAME", "NAME, [the] [modifier] TITLE [of PLACE]",
with the modifiers, articles and prepositions of the language packs (``facts.txt``: former, ex-,
then-, current, acting, late, -elect, designate, ...) and their name particles (the
``[particle]`` section of ``record.txt``). The title part matches in any case; names must be
capitalised.
A title that names a jurisdiction ("U.S. Secretary of State") points to its office; a generic one
("Secretary of State", "Prime Minister") is resolved only through the person's own offices or a
place next to it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsclean._patterns import Match, Pattern, compile_pattern, match
from newsclean.errors import PatternDataError
from newsclean.filters.facts import lexicon as lex
from newsclean.filters.facts import names as nm
from newsclean.filters.facts.kb import KB, fold, name_key
from newsclean.filters.facts.lexicon import nationality_adjectives, native_places
from newsclean.filters.facts.places import PLACE_CODES, PLACES
from newsclean.filters.facts.scan import REACH, find_words, scan_starts
from newsclean.lang import all_entries, tagged

#: a generic title core must contain one of these words to count as a title at all
TITLE_WORDS = frozenset(t.casefold() for t in tagged("titles.txt", "core"))
#: a title right after one of these words is part of a longer office ("Deputy Prime Minister")
BLOCK_BEFORE = frozenset(t.casefold() for t in tagged("titles.txt", "before"))
#: offices of international organisations and central banks: their aliases name the body
#: ("ECB", "Fed", "Bank of England") rather than a place
ORG_ROLES = frozenset(["intl_org_head", "intl_org_deputy", "central_bank_governor"])
#: title words looked at per block: bounds the work on hostile or list-like text
MAX_ANCHORS = 300
#: modifier -> what it says of the title (former, current, elect, acting, late, then), folded:
#: the ``[modifiers]``, ``[modifier_prefixes]``, ``[modifier_bare]`` and ``[modifier_after]`` of
#: the packs' ``facts.txt``
MODIFIERS: dict[str, str] = {
    **lex.meanings("modifiers"),
    **lex.meanings("modifier_prefixes"),
    **lex.meanings("modifier_bare"),
    **lex.meanings("modifier_after"),
}
#: the articles that may stand before a modifier or a title (``[title_articles]``), folded
TITLE_ARTICLES = frozenset(fold(w) for w in lex.words("title_articles"))

_WORD = r"\p{Lu}[\p{L}\p{M}]*\p{Ll}[\p{L}\p{M}]*(?:['’\-][\p{L}\p{M}]+)*"
_INIT = r"\p{Lu}\.(?:\s?\p{Lu}\.)*"
_PART = r"(?:\L<particles>)"
NAME = rf"(?:{_INIT}\s?)?{_WORD}(?:[ \t](?:{_INIT}|{_WORD}|(?:{_PART}[ \t]){{1,2}}{_WORD})){{0,4}}"
#: a modifier before the title: a word after an optional article ("the former"), a prefix and a
#: hyphen ("ex-", "then-"), or a prefix apart from the title or glued to it ("ex presidente",
#: "expresidente")
_MOD = (
    r"(?P<mod>(?i:(?:\L<modarticles>\s+)?\L<modifiers>\s+|\L<modprefixes>[-‐–]\s*|\L<modbare>\s+"
    r"|\L<modbare>(?=\p{Ll})))?"
)
_PLACE = r"(?:(?P<place>\L<places>)(?:['’]s\s+|[-‐]|\s+))?"
_TITLE = r"(?P<title>(?i:\L<titles>))"
#: a place after the title: with a preposition of the catalogue languages ("of", "de", "du",
#: "della", "von", …, an elided "de l'" / "dell'"), or in the genitive without one ("prezydent
#: Francji")
_OF = (
    r"(?:(?:\s+(?i:"
    + lex.spaced(lex.words("place_prepositions"))
    + r")\s+|\s+(?i:"
    + lex.spaced(w.rstrip("'’") for w in lex.words("place_elided"))
    + r")['’]\s*)(?P<ofplace>\L<ofplaces>)(?![\p{L}\p{M}])"
    r"|[ \t]+(?P<genplace>\L<genitives>)(?![\p{L}\p{M}]))?"
)
#: a modifier after the title: joined by a hyphen ("-elect") or apart ("designate")
_POST = r"(?P<post>(?i:[-‐–]\L<posthyphen>|\s+\L<postapart>))?"
#: a nationality adjective after the title (Romance word order: "le président français"); in
#: lower case, as those languages write it, so a name is never taken for one
_ADJ = r"(?:[ \t]+(?P<adj>\L<adjectives>)(?![\p{L}\p{M}\-]))?"

TITLE_FIRST = rf"(?<![\p{{L}}\p{{N}}.-]){_MOD}{_PLACE}{_TITLE}{_OF}{_ADJ}{_POST},?[ \t]+(?P<name>{NAME})(?![\p{{L}}])"
NAME_FIRST = (
    rf"(?<![\p{{L}}])(?P<name>{NAME}),\s+(?:(?i:\L<modarticles>)\s+)?{_MOD}{_PLACE}{_TITLE}{_OF}{_POST}"
    r"(?![\p{L}])(?![ \t]+\p{Lu}\p{Ll})"
)

#: the named lists of the words of the mention patterns
WORD_LISTS: dict[str, list[str]] = {
    "particles": sorted(nm.PARTICLES) or ["\x00"],
    "modarticles": lex.listed("title_articles"),
    "modifiers": lex.listed("modifiers"),
    "modprefixes": lex.listed("modifier_prefixes"),
    "modbare": lex.listed("modifier_bare"),
    "posthyphen": sorted(w[1:] for w in lex.words("modifier_after") if w.startswith("-"))
    or ["\x00"],
    "postapart": sorted(w for w in lex.words("modifier_after") if not w.startswith("-"))
    or ["\x00"],
}
#: the outline of a name and its comma, as in NAME_FIRST: words that begin with a capital or are
#: name particles, separated by spaces. Every name-first mention begins with this outline, and
#: trying it first is cheap where the name pattern itself backtracks at length before failing.
NAME_OUTLINE = compile_pattern(
    rf"(?:(?:\p{{Lu}}|{_PART}(?=[ \t]))[\p{{L}}\p{{M}}'’.\-]*\s+)*\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]*,",
    particles=WORD_LISTS["particles"],
)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Title surface forms of one knowledge base, compiled once."""

    specific: dict[str, frozenset[str]]  # folded alias -> position ids
    generic: dict[str, frozenset[str]]  # folded generic title -> position ids
    title_first: Pattern
    name_first: Pattern
    triggers: tuple[str, ...]  # lowercase words one of which every title contains
    starters: frozenset[str]  # lowercase first words of modifiers, places and titles
    placed: frozenset[str] = frozenset()  # generic titles that count only with a place

    def positions(self, title: str) -> tuple[frozenset[str], bool]:
        """The offices a title surface names, and whether it is generic."""
        key = _title_key(title)
        if key in self.generic:
            return self.generic[key], True
        return self.specific.get(key, frozenset()), False


def _title_key(title: str) -> str:
    return fold(title).replace("-", " ").replace("‐", " ")


def _core(alias: str, places: list[str]) -> str | None:
    """The alias without its jurisdiction words, or None if it has none."""
    text = alias.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    stripped = False
    for place in places:
        for prefix in (f"{place}'s ", f"{place}’s ", f"{place} "):
            if text.startswith(prefix):
                text, stripped = text[len(prefix) :], True
                break
        for suffix in (f" of {place}", f" of the {place}", f" ({place})", f" for {place}"):
            if text.endswith(suffix):
                text, stripped = text[: -len(suffix)], True
                break
    if not stripped or not text:
        return None
    return text


def _has_title_word(title: str) -> bool:
    return any(w in TITLE_WORDS for w in _title_key(title).split())


#: the kinds of office a generic title of a language pack may name (``title<TAB>kind``)
TITLE_KINDS = (
    "president",
    "head_of_government",
    "chancellor",
    "foreign_minister",
    "defence_minister",
    "finance_minister",
    "interior_minister",
    "secretary_general",
)
#: kinds of generic title that also name offices below the state (a German "Ministerpräsident"
#: heads a Land as well as Italy's government): such a title counts only with a place beside it
#: ("der italienische Ministerpräsident"), never through the person alone
PLACED_KINDS = {"placed_head_of_government": "head_of_government"}


def _generic_titles() -> dict[str, tuple[str, ...]]:
    """The generic titles of the language packs (``titles.txt``), by the kind of office."""
    known = {*TITLE_KINDS, *PLACED_KINDS, "core", "before"}
    for entry in all_entries("titles.txt"):
        if entry.tag not in known:
            msg = f"{entry.where}: unknown kind {entry.tag!r}; kinds: {', '.join(sorted(known))}"
            raise PatternDataError(msg)
    return {kind: tagged("titles.txt", kind) for kind in (*TITLE_KINDS, *PLACED_KINDS)}


#: generic titles by the kind of office they name
FOREIGN_TITLES: dict[str, tuple[str, ...]] = _generic_titles()


def _kind_matches(kind: str, label: str, role: str) -> bool:
    """Whether an office (label, role) is of a kind named by a foreign generic title."""
    low = label.casefold()
    if kind == "president":
        return low.startswith("president")
    if kind == "head_of_government":
        return role == "head_of_government"
    if kind == "chancellor":
        return "chancellor" in low
    if kind in ("foreign_minister", "defence_minister", "finance_minister", "interior_minister"):
        return role == kind
    return "secretary" in low and "general" in low and "deputy" not in low


@functools.lru_cache(maxsize=8)
def gazetteer(kb: KB) -> Gazetteer:
    """Build (once per knowledge base) the title lookup and the two mention patterns."""
    specific: dict[str, set[str]] = {}
    generic: dict[str, set[str]] = {}
    surfaces: dict[str, set[str]] = {}
    organisations: list[tuple[str, str]] = []
    for pid, rows in kb.by_position.items():
        first = rows[0]
        code = first.jurisdiction_code
        places = sorted(
            {*PLACES.get(code, ()), first.jurisdiction, code} - {""}, key=len, reverse=True
        )
        aliases = {a for row in rows for a in (row.position, *row.position_aliases)}
        generic_aliases = {a for row in rows for a in row.position_aliases_generic}
        for alias in sorted(aliases):
            core = _core(alias, places)
            if core and _has_title_word(core):
                generic.setdefault(_title_key(core), set()).add(pid)
                surfaces.setdefault(_title_key(core), set()).add(core)
            if not core and first.role in ORG_ROLES:
                organisations.append((alias, pid))  # decided once every generic title is known
                surfaces.setdefault(_title_key(alias), set()).add(alias)
                continue
            # an alias that names no place ("Bundespräsident", "POTUS") may be another
            # country's title too: it is resolved through the person, like a generic one
            target = specific if core else generic
            target.setdefault(_title_key(alias), set()).add(pid)
            surfaces.setdefault(_title_key(alias), set()).add(alias)
        for alias in sorted(generic_aliases):
            generic.setdefault(_title_key(alias), set()).add(pid)
            surfaces.setdefault(_title_key(alias), set()).add(alias)
    # an organisation's or central bank's alias that is more than a generic title ("ECB
    # President", "Fed Chair", "Bank of England Governor") names that office and no other
    for alias, pid in organisations:
        key = _title_key(alias)
        plain = key in generic or set(key.split()) <= TITLE_WORDS | {"of", "the"}
        target = generic if plain else specific
        target.setdefault(key, set()).add(pid)
    placed: set[str] = set()
    for kind, words in FOREIGN_TITLES.items():
        pids = {
            pid
            for pid, rows in kb.by_position.items()
            if _kind_matches(PLACED_KINDS.get(kind, kind), rows[0].position, rows[0].role)
        }
        for word in words:
            if pids and _title_key(word) not in specific:
                generic.setdefault(_title_key(word), set()).update(pids)
                surfaces.setdefault(_title_key(word), set()).add(word)
                if kind in PLACED_KINDS:
                    placed.add(_title_key(word))
    for key in generic:
        specific.pop(key, None)
    titles: set[str] = set()
    triggers: set[str] = set()
    for key, forms in surfaces.items():
        if key not in specific and key not in generic:
            continue
        for surface in forms:
            titles.update((surface, surface.replace("-", " ")))
            if "ecretary " in surface:  # "Secretary General" is also "Secretary-General"
                titles.add(surface.replace("ecretary ", "ecretary-"))
            parts = surface.lower().replace(".", " ").replace("-", " ").split()
            titled = [w for w in parts if fold(w) in TITLE_WORDS]
            triggers.update(titled or sorted(parts, key=len)[-1:])
    places_list = sorted(PLACE_CODES)
    of_places = sorted(set(PLACE_CODES) | set(native_places()))
    genitives = sorted(native_places("places_genitive")) or ["\x00"]
    title_first = compile_pattern(
        r"\G" + TITLE_FIRST,
        0,
        titles=sorted(titles),
        places=sorted(set(places_list) | set(native_places())),
        ofplaces=of_places,
        genitives=genitives,
        adjectives=sorted(nationality_adjectives()),
        **WORD_LISTS,
    )
    name_first = compile_pattern(
        r"\G" + NAME_FIRST,
        0,
        titles=sorted(titles),
        places=places_list,
        ofplaces=of_places,
        genitives=genitives,
        **WORD_LISTS,
    )
    # a trigger that is another trigger's prefix is redundant
    long_enough = sorted(w for w in triggers if len(w) >= 4)
    trigger_words = tuple(
        w for w in long_enough if not any(w.startswith(v) and w != v for v in long_enough)
    )
    # a prefix written together with the title ("expresidente", "exministra": ``[modifier_bare]``)
    bare = sorted(fold(w) for w in lex.words("modifier_bare"))
    trigger_words += tuple(f"{b}{w}" for b in bare for w in trigger_words if w.isalpha())
    starters = {first_word(t) for t in titles} | {first_word(p) for p in places_list}
    starters |= {f"{b}{first_word(t)}" for b in bare for t in titles if first_word(t).isalpha()}
    starters |= {first_word(p) for p in native_places()}
    starters |= set(MODIFIERS) | TITLE_ARTICLES
    return Gazetteer(
        {k: frozenset(v) for k, v in specific.items()},
        {k: frozenset(v) for k, v in generic.items()},
        title_first,
        name_first,
        trigger_words,
        frozenset(starters),
        frozenset(placed),
    )


def first_word(text: str) -> str:
    """The lowercase leading run of letters and digits: what a match can start with.

    >>> first_word("U.S. Secretary of State"), first_word("ex-President")
    ('u', 'ex')
    """
    out = []
    for c in text.lower():
        if not c.isalnum():
            break
        out.append(c)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Mention:
    """One title + person mention, resolved to a person and offices."""

    span: tuple[int, int]  # the whole mention
    name_span: tuple[int, int]
    text: str
    name: str  # the name as written (possessive dropped)
    title: str
    modifier: str | None  # former, current, elect, acting, late, then; None: plain
    person: str  # person key
    display: str
    positions: frozenset[str]  # offices the title may mean (after resolution)
    held: frozenset[str]  # those of them the person held
    generic: bool
    match: nm.NameMatch | None  # how the name was matched (None: several people share it)
    persons: frozenset[str]  # every person the name may be (shared names)


def _modifier(m_mod: str | None, m_post: str | None) -> str | None:
    if m_post:
        return MODIFIERS.get(fold(m_post).strip(" -‐–\t\n"))
    if not m_mod:
        return None
    word = fold(m_mod).strip(" -‐–\t\n")
    article, _, rest = word.partition(" ")
    if rest and article in TITLE_ARTICLES:
        word = rest.strip(" -‐–\t\n")
    return MODIFIERS.get(word)


def _strip_possessive(name: str) -> str:
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def trigger_spans(
    gaz: Gazetteer, text: str, within: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Where a title word starts a word of ``text``, sorted.

    Found once over a whole document, the spans inside one line are the ones
    :func:`find_mentions` would find in that line alone (no title word spans a line break).
    ``within``: only these spans are scanned (see :func:`find_words`).
    """
    return find_words(gaz.triggers, text, within)


def find_mentions(
    kb: KB,
    gaz: Gazetteer,
    text: str,
    *,
    offset: int = 0,
    timeout: float | None = 1.0,
    anchors: list[tuple[int, int]] | None = None,
) -> Iterator[Mention]:
    """Resolved mentions in one block of text (spans shifted by ``offset``).

    ``anchors``: the :func:`trigger_spans` of ``text``, when already known.
    """
    if anchors is None:
        anchors = trigger_spans(gaz, text)
    anchors = anchors[:MAX_ANCHORS]
    if not anchors:
        return
    taken: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()

    def title_start(pos: int) -> bool:
        return _starts_title(gaz.starters, _word_at(text, pos))

    last_comma = text.rfind(",")

    def name_start(pos: int) -> bool:
        if not text[pos].isupper() or pos >= last_comma:
            return False
        outline = match(NAME_OUTLINE, text, pos=pos, endpos=pos + REACH, timeout=timeout)
        if outline is None:
            return False
        # after the comma and its spaces comes what a title-first mention starts with
        after = outline.end()
        while after < len(text) and text[after].isspace():
            after += 1
        return after > outline.end() and title_start(after)

    for m, at in scan_starts(
        gaz.title_first, anchors, text, before=70, timeout=timeout, accept=title_start
    ):
        ts, te = m.span("title")
        taken.append((ts + at, te + at))
        mention = _resolve(kb, gaz, m.string, m, offset + at)
        if mention is not None and mention.span not in seen:
            seen.add(mention.span)
            yield mention
    for m, at in scan_starts(
        gaz.name_first, anchors, text, before=130, timeout=timeout, accept=name_start
    ):
        ts, te = m.span("title")
        ts, te = ts + at, te + at
        if any(ts < b and a < te for a, b in taken):
            continue
        mention = _resolve(kb, gaz, m.string, m, offset + at)
        if mention is not None and mention.span not in seen:
            seen.add(mention.span)
            yield mention


@functools.lru_cache(maxsize=8192)
def _starts_title(starters: frozenset[str], word: str) -> bool:
    """Whether a title-first mention may start with ``word`` (lowercase): remembered, as the
    same words come up at many positions and folding one costs more than the look-up."""
    return word in starters or fold(word) in starters


def _word_at(text: str, pos: int) -> str:
    end = pos
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[pos:end].lower()


def _blocked(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start].rstrip(" \t-")
    if not before:
        return False
    last = before.split()[-1] if before.split() else ""
    return fold(last).strip(",.;:()") in BLOCK_BEFORE


def _resolve(kb: KB, gaz: Gazetteer, text: str, m: Match, offset: int) -> Mention | None:
    if _blocked(text, m.start("mod") if m.group("mod") else m.start("title")) and not m.group(
        "place"
    ):
        return None
    title = m.group("title")
    positions, generic = gaz.positions(title)
    if not positions:
        return None
    place_codes: set[str] = set()
    groups = m.groupdict()
    for group in ("place", "ofplace", "genplace"):
        word = groups.get(group)
        if word:
            place_codes |= PLACE_CODES.get(word, set()) | native_places().get(word, frozenset())
            place_codes |= native_places("places_genitive").get(word, frozenset())
    adjective = groups.get("adj")
    if adjective:
        place_codes |= nationality_adjectives().get(adjective, frozenset())
    if place_codes:
        narrowed = frozenset(p for p in positions if kb.position_jurisdiction.get(p) in place_codes)
        if narrowed:
            positions, generic = narrowed, False
        elif generic:
            return None  # a place we know but an office of it we do not
    elif generic and _title_key(title) in gaz.placed:
        return None  # a title that names offices below the state too, with no place
    raw_name = _strip_possessive(m.group("name"))
    name_start = m.start("name") + offset
    modifier = _modifier(m.group("mod"), m.group("post"))
    words = raw_name.split()
    # the longest leading run of words that is a known name; then near misses among holders
    persons: set[str] = set()
    used = raw_name
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        found = nm.exact(kb, candidate)
        if n == 1:
            found = (found & kb.holders(positions)) | nm.by_surname(
                kb, candidate, kb.holders(positions)
            )
        if found:
            persons, used = found, candidate
            break
    match: nm.NameMatch | None = None
    if not persons:
        holders = kb.holders(positions)
        if len(holders) > 400:
            return None
        for n in range(min(len(words), 4), 1, -1):
            candidate = " ".join(words[:n])
            match = nm.near_miss(kb, candidate, holders)
            if match is not None:
                persons, used = {match.person}, candidate
                break
        if match is None:
            return None
    held_by = {p: frozenset(t.position_id for t in kb.rows(p, positions)) for p in persons}
    holding = {p for p, h in held_by.items() if h}
    if generic:
        if holding:
            persons = holding
        else:
            # resolve the generic title through the person's own jurisdictions
            codes = {t.jurisdiction_code for p in persons for t in kb.by_person.get(p, ())}
            local = frozenset(p for p in positions if kb.position_jurisdiction.get(p) in codes)
            if len(local) != 1 or len(persons) != 1:
                return None
            positions = local
    elif holding:
        persons = holding
    person = sorted(persons)[0]
    held = frozenset(p for q in persons for p in held_by[q])
    if match is None and len(persons) == 1:
        match = nm.NameMatch(person, kb.display[person], name_key(used), 1.0, True)
    name_end = name_start + len(used)
    start = m.start() + offset
    end = max(m.end("title"), m.end("post") if m.group("post") else 0) + offset
    end = max(end, name_end)
    return Mention(
        span=(start, end),
        name_span=(name_start, name_end),
        text=text[start - offset : end - offset],
        name=used,
        title=title,
        modifier=modifier,
        person=person,
        display=kb.display[person],
        positions=positions if not generic else frozenset(held or positions),
        held=held,
        generic=generic,
        match=match,
        persons=frozenset(persons),
    )
