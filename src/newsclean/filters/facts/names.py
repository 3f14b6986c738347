"""Person names: exact lookup, near misses inside small candidate sets, and spelling variants.

A near miss is looked for only among the holders of the office a title names (a few dozen
people at most): the surname must match (or nearly, Jaro-Winkler >= 0.95), the given names must be
close (Jaro-Winkler >= 0.85 or at most two edits) and the whole name must not be a known form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from newsclean.filters.facts.kb import KB, name_key

#: jurisdictions whose leaders' names reach English text through transliteration
TRANSLITERATED = frozenset(
    [
        "RU",
        "UA",
        "BY",
        "CN",
        "KR",
        "KP",
        "JP",
        "SA",
        "IR",
        "IQ",
        "SY",
        "EG",
        "AE",
        "QA",
        "IL",
        "IN",
        "GR",
        "BG",
        "RS",
        "MK",
        "ME",
        "GE",
        "AM",
        "AZ",
        "KZ",
        "TW",
        "TH",
    ]
)


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


def near_miss(kb: KB, name: str, candidates: Iterable[str]) -> NameMatch | None:
    """The one candidate whose name ``name`` nearly is, or None.

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
        if not _close(tokens, form.split()):
            continue
        if best is None or score > best.score:
            best = NameMatch(person, kb.display[person], form, float(score), False)
    if best is not None:
        # two different people this close: not a safe suggestion
        rivals = {
            choices[keys[i]][0]
            for f, s, i in hits
            if s >= best.score - 0.01 and _close(tokens, f.split())
        }
        if len(rivals) > 1:
            return None
    return best


def _close(query: list[str], form: list[str]) -> bool:
    """Surname equal or nearly; given names close; same number of words."""
    if len(query) != len(form):
        return False
    qs, fs = query[-1], form[-1]
    if qs != fs and (JaroWinkler.normalized_similarity(qs, fs) < 0.95 or qs[0] != fs[0]):
        return False
    for q, f in zip(query[:-1], form[:-1], strict=False):
        if len(q) == 1 or len(f) == 1:
            if q[0] != f[0]:
                return False
            continue
        if JaroWinkler.normalized_similarity(q, f) < 0.85 and Levenshtein.distance(q, f) > 2:
            return False
        if q[0] != f[0]:
            return False
    return True


def transliterated(kb: KB, person: str) -> bool:
    """Whether the person's name usually reaches English through transliteration."""
    return any(t.jurisdiction_code in TRANSLITERATED for t in kb.by_person.get(person, ()))


def similar_word(word: str, target: str) -> bool:
    """A capitalised word that is probably a misspelling of surname ``target``.

    >>> similar_word("Stoltenburg", "Stoltenberg"), similar_word("Putina", "Putin")
    (True, False)
    """
    a, b = name_key(word), name_key(target)
    if a == b or len(a) < 5 or len(b) < 5 or a[0] != b[0]:
        return False
    if a.startswith(b) or b.startswith(a):
        return False  # an inflected form ("Trumps", "Putina") or a cut one
    if abs(len(a) - len(b)) > 1:
        return False
    return Levenshtein.distance(a, b, score_cutoff=2) <= min(2, len(b) // 5) and (
        JaroWinkler.normalized_similarity(a, b) >= 0.9
    )
