"""The people and offices a headline names, and whether the body speaks of them.

A headline names a known person by title and name ("Kanzler Merz", "Prezydent Duda"), by full
name ("Élisabeth Borne") or by a surname alone ("Macron meets Biden"), or names an office without
a person ("IMF chief warns …"). A body that never mentions such a person (in any of their known
spellings, inflected or not) or office, while it names other known people, belongs to another
story: ``headline.mismatch``. Real headlines name the people their body names, so this is
checked only when both sides name someone the knowledge base knows.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsclean._patterns import compile_pattern, finditer
from newsclean.filters.facts.kb import KB, fold, name_key
from newsclean.filters.facts.mentions import (
    ORG_ROLES,
    TITLE_WORDS,
    Gazetteer,
    Mention,
    find_mentions,
    gazetteer,
)
from newsclean.lang import all_entries

#: roles whose holders a headline names by surname alone (others by title or full name)
TOP_ROLES = frozenset(
    [
        "head_of_state",
        "head_of_government",
        "head_of_state_and_government",
        "intl_org_head",
        "central_bank_governor",
    ]
)
#: a surname alone must be this long to count in a headline
MIN_SURNAME = 4
CAPWORD_RE = compile_pattern(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]+(?:['’\-]\p{L}+)*")
WORD_RE = re.compile(r"\w+")


@functools.cache
def _common_words() -> frozenset[str]:
    """Words a capitalised headline word may be rather than a surname: the stop words, the
    headline stop words, month and weekday names of every language pack (folded)."""
    out: set[str] = set()
    for name in ("stopwords.txt", "headline-stopwords.txt", "months.txt", "weekdays.txt"):
        out |= {fold(e.text) for e in all_entries(name)}
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Named:
    """A person the headline names: as written, and who it may be."""

    written: str
    persons: frozenset[str]
    titled: bool


def _stems(kb: KB, named: Named) -> set[str]:
    """The surnames the body may write the person with (any known spelling), cut before an
    inflectional ending ("Duda" is found in "Dudy", "Zełenskim" in "Zełenski")."""
    surnames = {name_key(named.written).split()[-1]} if named.written else set()
    for person in named.persons:
        for form in kb.forms.get(person, ()):
            surnames.add(form.split()[-1])
    out = set()
    for s in surnames:
        s = s.replace("'", "")
        if len(s) >= 3:
            out.add(s[:-1] if len(s) >= 5 else s[: max(3, len(s) - 1)])
    return out


def _present(stems: Iterable[str], body: str) -> bool:
    """Whether a word of the folded ``body`` starts with one of the stems."""
    for stem in stems:
        i = body.find(stem)
        while i >= 0:
            if i == 0 or not body[i - 1].isalnum():
                return True
            i = body.find(stem, i + 1)
    return False


def headline_people(kb: KB, gaz: Gazetteer, headline: str, timeout: float | None) -> list[Named]:
    """The known people a headline names (titled mentions, full names, surnames alone)."""
    out: list[Named] = []
    taken: list[tuple[int, int]] = []
    for m in find_mentions(kb, gaz, headline, timeout=timeout):
        out.append(Named(m.name, m.persons, True))
        taken.append(m.span)
    words = [(w.group(), w.start()) for w in finditer(CAPWORD_RE, headline, timeout=timeout)]
    common = _common_words()
    i = 0
    while i < len(words):
        word, start = words[i]
        if any(a <= start < b for a, b in taken) or word.isupper():
            i += 1
            continue
        # the longest run of adjacent capitalised words that is a known full name
        run = 1
        while (
            i + run < len(words)
            and headline[words[i + run - 1][1] + len(words[i + run - 1][0]) : words[i + run][1]]
            == " "
        ):
            run += 1
        found = False
        for n in range(min(run, 4), 1, -1):
            name = " ".join(w for w, _ in words[i : i + n])
            persons = kb.persons_named(name)
            if persons:
                out.append(Named(name, frozenset(persons), False))
                i += n
                found = True
                break
        if found:
            continue
        key = name_key(word)
        # a surname alone stands alone: a capitalised neighbour makes it part of another name
        # or a phrase ("Green Deal", "App Store", "Will Smith")
        alone = run == 1 and not (
            i > 0 and headline[words[i - 1][1] + len(words[i - 1][0]) : start] == " "
        )
        if alone and len(key) >= MIN_SURNAME and key not in common and fold(word) not in common:
            persons = {
                p
                for p in kb.surnames.get(key, ())
                if any(t.role in TOP_ROLES for t in kb.by_person.get(p, ()))
            }
            if persons:
                out.append(Named(word, frozenset(persons), False))
        i += 1
    return out


@dataclass(frozen=True, slots=True)
class BodyPeople:
    """The known people the body names: by title, by full name, and by surname (loosely)."""

    mentions: tuple[Mention, ...]
    named: frozenset[str]  # people named by a titled mention or a full name
    loose: frozenset[str]  # also every known holder whose surname is a capitalised body word


def body_people(kb: KB, gaz: Gazetteer, lines: list[str], timeout: float | None) -> BodyPeople:
    mentions: list[Mention] = []
    named: set[str] = set()
    loose: set[str] = set()
    for line in lines:
        for m in find_mentions(kb, gaz, line, timeout=timeout):
            mentions.append(m)
            named |= m.persons
        words = [(w.group(), w.start()) for w in finditer(CAPWORD_RE, line, timeout=timeout)]
        for (a, sa), (b, sb) in itertools.pairwise(words):
            if line[sa + len(a) : sb] == " ":
                found = kb.persons_named(f"{a} {b}")
                if len(found) == 1:
                    named |= found
        for w, _ in words:
            loose |= kb.surnames.get(name_key(w), set())
        if len(mentions) >= 200:
            break
    return BodyPeople(tuple(mentions), frozenset(named), frozenset(loose | named))


def present_anywhere(kb: KB, named: Named, body_folded: str) -> bool:
    """Whether the body has a word that may be the person's surname (cheap, before the body's
    names are read)."""
    return _present(_stems(kb, named), body_folded)


def office_absent_words(title: str, body_folded: str) -> bool:
    """Whether the words naming an office's organisation are all absent from the body."""
    words = office_words(title)
    return bool(words) and not _present(words, body_folded)


def missing_people(kb: KB, named: list[Named], body_folded: str, body: BodyPeople) -> list[Named]:
    """The headline's people the body never mentions, in any spelling."""
    out = []
    for n in named:
        if n.persons & body.named:
            continue
        if _present(_stems(kb, n), body_folded):
            continue
        out.append(n)
    return out


@functools.lru_cache(maxsize=8)
def _office_pattern(kb: KB) -> re.Pattern[str] | None:
    """The specific titles of international organisations and central banks ("IMF chief", "ECB
    President"), folded, as one pattern."""
    gaz = gazetteer(kb)
    keys = sorted(gaz.specific, key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")


def headline_offices(kb: KB, gaz: Gazetteer, headline: str) -> list[tuple[str, frozenset[str]]]:
    """The offices of international organisations and central banks the headline names by
    title: ``(title as folded, position ids)``."""
    pattern = _office_pattern(kb)
    if pattern is None:
        return []
    folded = fold(headline).replace("-", " ").replace("‐", " ")
    out = []
    for m in pattern.finditer(folded):
        pids = frozenset(
            p
            for p in gaz.specific.get(m.group(), frozenset())
            if kb.by_position[p][0].role in ORG_ROLES
        )
        if pids:
            out.append((m.group(), pids))
    return out


def office_words(title: str) -> list[str]:
    """The words of an organisation's title that name the body ("imf" in "imf chief")."""
    return [w for w in WORD_RE.findall(title) if w not in TITLE_WORDS and len(w) >= 2]


def missing_office(
    kb: KB, title: str, pids: frozenset[str], body_folded: str, body: BodyPeople
) -> bool:
    """Whether the body never speaks of the office: none of its people ever held it, none of its
    titled mentions is of it, and the words naming its organisation are absent."""
    if any(m.positions & pids for m in body.mentions):
        return False
    if kb.holders(pids) & body.loose:
        return False
    words = office_words(title)
    if not words:
        return False
    return not _present(words, body_folded)


def fold_body(lines: list[str]) -> str:
    return fold("\n".join(lines)).replace("-", " ")


__all__ = [
    "BodyPeople",
    "Named",
    "body_people",
    "fold_body",
    "headline_offices",
    "headline_people",
    "missing_office",
    "missing_people",
    "office_absent_words",
    "present_anywhere",
]
