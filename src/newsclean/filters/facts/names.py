"""Person names: exact lookup, near misses inside small candidate sets, and spelling variants.

A near miss is looked for only among the holders of the office a title names (a few dozen
people at most): the surname must match (or nearly, Jaro-Winkler >= 0.95), the given names must be
close (Jaro-Winkler >= 0.85 or at most two edits) and the whole name must not be a known form.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from newsclean._patterns import phrase_lines
from newsclean.errors import PatternDataError
from newsclean.filters.facts import lexicon as lex
from newsclean.filters.facts.kb import KB, fold, name_key
from newsclean.lang import languages_with, section

#: the pack file whose ``[particle]`` section holds the name particles
RECORD_FILE = "record.txt"
#: a surname this long (in letters) may differ by one edit when the given names are the same
LONG_SURNAME = 5
#: how alike given names must be when nothing but the name says who is meant
STRICT_GIVEN = 0.88
#: the same without a title: what follows the given name, and the whole name, must have at least
#: this many letters
BARE_SURNAME = 6
BARE_LETTERS = 12


@dataclass(frozen=True, slots=True)
class NameMatch:
    person: str  # person key
    display: str  # canonical name
    form: str  # the KB form it matched (name key)
    score: float  # 1.0 for an exact match
    exact: bool


def exact(kb: KB, name: str, candidates: set[str] | None = None) -> set[str]:
    """Person keys whose name or alias is ``name`` (restricted to ``candidates`` if given)."""
    found = kb.persons_named(name)
    if candidates is not None:
        found &= candidates
    return found


def by_surname(kb: KB, surname: str, candidates: set[str]) -> set[str]:
    """Candidates whose surname (last word of a name form) is ``surname``."""
    key = name_key(surname)
    return set(kb.surnames.get(key, ())) & candidates


def near_miss(
    kb: KB, name: str, candidates: Iterable[str], *, strict: bool = False
) -> NameMatch | None:
    """The one candidate whose name ``name`` nearly is, or None.

    ``strict``: given names must be alike as strings too (Jaro-Winkler >= 0.88), not merely
    within two edits: without a title, "Jim Biden" is Joe Biden's brother, not a misspelling.

    >>> from newsclean.filters.facts.kb import load_kb
    >>> kb = load_kb()
    >>> m = near_miss(kb, "Anthony Blinken", kb.holders(["us.secretary_of_state"]))
    >>> m.display, round(m.score, 3)
    ('Antony Blinken', 0.984)
    """
    query = name_key(name)
    tokens = query.split()
    if len(tokens) < 2 or len(query) < 6:
        return None
    choices: dict[str, tuple[str, str]] = {}
    # sorted, so ties between equally close forms break the same way in every process
    for person in sorted(candidates):
        for form in sorted(kb.forms.get(person, ())):
            if " " in form:
                choices[f"{person}\x00{form}"] = (person, form)
    if not choices:
        return None
    keys = list(choices)
    forms = [choices[k][1] for k in keys]
    hits = process.extract(
        query,
        forms,
        scorer=JaroWinkler.normalized_similarity,
        processor=None,
        score_cutoff=0.9,
        limit=5,
    )
    best: NameMatch | None = None
    for form, score, index in hits:
        person, _ = choices[keys[index]]
        if form == query:
            return NameMatch(person, kb.display[person], form, 1.0, True)
        if not _close(tokens, form.split(), strict=strict):
            continue
        if best is None or score > best.score:
            best = NameMatch(person, kb.display[person], form, float(score), False)
    if best is not None:
        # two different people this close: not a safe suggestion
        rivals = {
            choices[keys[i]][0]
            for f, s, i in hits
            if s >= best.score - 0.01 and _close(tokens, f.split(), strict=strict)
        }
        if len(rivals) > 1:
            return None
    return best


def _close(query: list[str], form: list[str], *, strict: bool = False) -> bool:
    """Surname equal or nearly; given names close; same number of words."""
    if len(query) != len(form):
        return False
    qs, fs = query[-1], form[-1]
    if qs != fs and inflected(qs, fs):
        return False  # an inflected form ("Hillary Clintons", "Putina")
    far = JaroWinkler.normalized_similarity(qs, fs) < 0.95 or qs[0] != fs[0]
    # one typing slip in a long surname is allowed when the given names are the same
    if qs != fs and far and not (query[:-1] == form[:-1] and one_slip(qs, fs)):
        return False
    for q, f in zip(query[:-1], form[:-1], strict=False):
        if len(q) == 1 or len(f) == 1:
            if q[0] != f[0]:
                return False
            continue
        similarity = JaroWinkler.normalized_similarity(q, f)
        if similarity < 0.85 and Levenshtein.distance(q, f) > 2:
            return False
        if q[0] != f[0] or (strict and similarity < STRICT_GIVEN):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Transliteration:
    """One script's romanisation table (``data/translit/<script>.txt``)."""

    script: str
    jurisdictions: frozenset[str]
    replace: dict[str, str]
    pattern: re.Pattern[str]  # the replaced sequences, longest first: literals only

    def skeleton(self, name: str) -> str:
        """What is left of a name once the script's romanisation choices are undone.

        >>> table = transliterations()["cyrillic"]
        >>> table.skeleton("Volodymyr Zelenskyy") == table.skeleton("Wolodymyr Selenskyj")
        True
        """
        text = "".join(c for c in fold(name) if c.isalpha())
        text = self.pattern.sub(lambda m: self.replace[m.group()], text)
        return re.sub(r"(.)\1+", r"\1", text)


@functools.cache
def transliterations() -> dict[str, Transliteration]:
    """Every bundled table, by script name."""
    out = {}
    folder = resources.files("newsclean").joinpath("data").joinpath("translit")
    for name in sorted(p.name for p in folder.iterdir() if p.is_file()):
        if not name.endswith(".txt"):
            continue
        relative = f"translit/{name}"
        section = None
        codes: set[str] = set()
        replace: dict[str, str] = {}
        for lineno, line in phrase_lines(relative):
            if line in ("[jurisdictions]", "[replace]"):
                section = line
            elif section == "[jurisdictions]":
                codes.update(line.split())
            elif section == "[replace]" and "\t" in line:
                src, dst = line.split("\t")
                replace[fold(src.strip())] = "" if dst.strip() == "-" else fold(dst.strip())
            else:
                msg = f"data/{relative}:{lineno}: expected [jurisdictions] codes or from<TAB>to"
                raise PatternDataError(msg)
        keys = sorted(replace, key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, keys))) if keys else re.compile(r"(?!)")
        out[name[:-4]] = Transliteration(name[:-4], frozenset(codes), replace, pattern)
    return out


def transliterated(kb: KB, person: str, written: str) -> bool:
    """Whether ``written`` is another romanisation of one of the person's names (not a typo):
    the person holds an office where a script with a table is written, and both spellings
    reduce to the same skeleton.

    >>> from newsclean.filters.facts.kb import load_kb
    >>> kb = load_kb()
    >>> lavrov = next(iter(kb.persons_named("Sergei Lavrov")))
    >>> transliterated(kb, lavrov, "Sergej Lavrov"), transliterated(kb, lavrov, "Sergei Lavorv")
    (True, False)
    """
    codes = {t.jurisdiction_code for t in kb.by_person.get(person, ())}
    forms = kb.forms.get(person, set())
    for table in transliterations().values():
        if not codes & table.jurisdictions:
            continue
        target = table.skeleton(written)
        if any(table.skeleton(form) == target for form in forms):
            return True
    return False


def similar_word(word: str, target: str) -> bool:
    """A capitalised word that is probably a misspelling of surname ``target``.

    >>> similar_word("Stoltenburg", "Stoltenberg"), similar_word("Putina", "Putin")
    (True, False)
    >>> similar_word("Klingbiel", "Klingbeil"), similar_word("Klingbel", "Klingbeil")
    (True, True)
    """
    a, b = name_key(word), name_key(target)
    if a == b or len(a) < 5 or len(b) < 5 or a[0] != b[0]:
        return False
    if inflected(a, b):
        return False  # an inflected form ("Trumps", "Putina")
    if abs(len(a) - len(b)) > 1:
        return False
    # two neighbouring letters swapped ("Klingbiel") count as one slip, like one wrong letter
    return OSA.distance(a, b, score_cutoff=2) <= min(2, len(b) // 5) and (
        JaroWinkler.normalized_similarity(a, b) >= 0.9
    )


#: what languages add to a surname when they inflect it (folded; ``[inflections]`` of the packs'
#: ``facts.txt``): a genitive "s", a German "n" or "-ens", the Polish case endings ("Putina",
#: "Tuska", "Ruttem", "Merkelowi", "Sikorskiego"); a longer addition is never one slip anyway
INFLECTIONS = frozenset(fold(w) for w in lex.words("inflections"))


def inflected(written: str, surname: str) -> bool:
    """Whether ``written`` (folded) is ``surname`` with an inflectional ending, or the surname cut
    short by more than one letter. A surname with one letter more that no language adds
    ("Rutter"), or one letter short ("Powel", "Lagard"), is a slip, not a form.

    >>> inflected("putina", "putin"), inflected("clintons", "clinton"), inflected("rutter", "rutte")
    (True, True, False)
    >>> inflected("powel", "powell"), inflected("lagar", "lagarde")
    (False, True)
    """
    if written == surname:
        return False
    if written.startswith(surname):
        return written[len(surname) :] in INFLECTIONS or len(written) - len(surname) > 1
    if surname.startswith(written):
        return len(surname) - len(written) > 1
    return False


def one_slip(written: str, surname: str, *, min_len: int = LONG_SURNAME) -> bool:
    """One edit (a transposition counts as one) in a name of at least ``min_len`` letters
    (``LONG_SURNAME`` for surnames), with the same first letter; an inflected form is no slip.

    >>> one_slip("layen", "leyen"), one_slip("macorn", "macron"), one_slip("trumps", "trump")
    (True, True, False)
    >>> one_slip("rutter", "rutte"), one_slip("powel", "powell")
    (True, True)
    """
    if len(surname) < min_len or written[:1] != surname[:1] or written == surname:
        return False
    if inflected(written, surname):
        return False
    return OSA.distance(written, surname, score_cutoff=1) <= 1


# -- full names without a title ---------------------------------------------------------------

#: lower-case words inside a name ("Ursula von der Leyen", "Lula da Silva"): the ``[particle]``
#: section of the packs' ``record.txt``, but for a word tagged ``joiner``, which also stands
#: between two names ("Sánchez y Feijóo")
PARTICLES = frozenset(
    e.text.casefold()
    for lang in languages_with(RECORD_FILE)
    for e in section(lang, RECORD_FILE, "particle")
    if e.tag != "joiner"
)
#: a name is read up to this many words
MAX_NAME_WORDS = 5
#: characters after a given name in which the rest of the name is read
NAME_REACH = 100
TRAILING = ',.;:!?)]}"”’»…'
TOKEN_RE = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class GivenNames:
    """The knowledge base's given names: what a full name without a title starts with."""

    words: frozenset[str]  # capitalised as written and folded: for the whole-word literal scan
    names: frozenset[str]  # folded given names
    by_given: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # given -> (person, name key)


@functools.lru_cache(maxsize=8)
def given_names(kb: KB) -> GivenNames:
    by_given: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    written: set[str] = set()
    for person, forms in kb.forms.items():
        for form in forms:
            words = tuple(form.split())
            if len(words) >= 2 and len(words[0]) >= 2:
                by_given.setdefault(words[0], set()).add((person, words))
    for t in kb.tenures:
        for name in (t.person, *t.person_aliases):
            first = name.split()[0] if name.split() else ""
            if len(first) >= 2 and first.isalpha() and first[0].isupper():
                written.add(first[0] + first[1:].lower())
    written |= {g.capitalize() for g in by_given if g.isalpha()}
    return GivenNames(
        frozenset(written),
        frozenset(by_given),
        {g: tuple(sorted(v)) for g, v in by_given.items()},
    )


def read_name(text: str, start: int) -> list[tuple[str, int]]:
    """The capitalised words (with name particles) from ``start``, each with its offset: a
    name as news writes it, read on one line up to the first punctuation."""
    out: list[tuple[str, int]] = []
    segment = text[start : start + NAME_REACH].split("\n", 1)[0]
    pending: list[tuple[str, int]] = []
    last_end = 0
    for m in TOKEN_RE.finditer(segment):
        if out and segment[last_end : m.start()] != " ":
            break  # two spaces, a tab: not one name
        raw = m.group()
        word = raw.rstrip(TRAILING)
        for suffix in ("'s", "’s"):
            word = word.removesuffix(suffix)
        while word and not word[-1].isalpha():
            word = word[:-1]  # a footnote mark, a dash: the name ends there
        ended = word != raw
        if word.lower() in PARTICLES and out and not ended:
            pending.append((word, start + m.start()))
            last_end = m.end()
            continue
        if not (word[:1].isupper() and any(c.islower() for c in word[1:])):
            break
        out.extend(pending)
        pending = []
        out.append((word, start + m.start()))
        last_end = m.end()
        if ended or len(out) >= MAX_NAME_WORDS:
            break
    return out


@dataclass(frozen=True, slots=True)
class BareName:
    """A full name of a known office holder written without a title."""

    span: tuple[int, int]
    name: str
    match: NameMatch


def bare_name(kb: KB, words: list[tuple[str, int]], referenced: set[str]) -> BareName | None:
    """The person a run of capitalised words names: a known form exactly, else a near miss of
    someone the text names elsewhere, else a slip in a long surname with the same given names
    (the only such holder, and the written surname no holder's)."""
    index = given_names(kb)
    if len(words) < 2 or name_key(words[0][0]).split()[:1] == []:
        return None

    def span(n: int) -> tuple[int, int]:
        return words[0][1], words[n - 1][1] + len(words[n - 1][0])

    top = min(len(words), 4)
    for n in range(top, 1, -1):
        name = " ".join(w for w, _ in words[:n])
        found = kb.persons_named(name)
        if len(found) == 1:
            (person,) = found
            return BareName(span(n), name, NameMatch(person, kb.display[person], "", 1.0, True))
        if found:
            return None  # a name several people share
    # a near miss must be the whole name: "Jean Carlos Sánchez" is someone else than "Juan Carlos"
    for n in range(min(len(words), 4), len(words) - 1, -1):
        name = " ".join(w for w, _ in words[:n])
        key = name_key(name).split()
        if len(key) < 2 or key[0] not in index.names:
            continue
        near = near_miss(kb, name, referenced, strict=True) if referenced else None
        if near is not None:
            return BareName(span(n), name, near)
        if key[-1] in kb.surnames or " ".join(key) in kb.names:
            continue
        # without a title nothing narrows the people it may be: only long names, where another
        # real person one slip away is unlikely ("James Barker" is not "James Baker")
        if len("".join(key[1:])) < BARE_SURNAME or sum(map(len, key)) < BARE_LETTERS:
            continue
        hits = {
            (person, form)
            for person, form in index.by_given.get(key[0], ())
            if len(form) == len(key) and list(form[:-1]) == key[:-1] and one_slip(key[-1], form[-1])
        }
        if len({p for p, _ in hits}) == 1:
            person, form = min(hits)
            score = float(JaroWinkler.normalized_similarity(" ".join(key), " ".join(form)))
            return BareName(
                span(n), name, NameMatch(person, kb.display[person], " ".join(form), score, False)
            )
    return None
