"""Place words: country and organisation names, short forms and demonyms, by jurisdiction code
(``data/lang/<xx>/places.txt``).

Used to tell a jurisdiction-specific title ("French Foreign Minister") from its generic core
("Foreign Minister"), and to resolve a generic title through a nearby place ("Prime Minister of
India", "Britain's Prime Minister").
"""

from __future__ import annotations

from newsclean.lang import all_entries


def _places() -> dict[str, tuple[str, ...]]:
    """Jurisdiction code -> its place words, from the packs' ``places.txt`` (``name<TAB>code``),
    in file order."""
    out: dict[str, list[str]] = {}
    for entry in all_entries("places.txt"):
        out.setdefault(entry.tag, []).append(entry.text)
    return {code: tuple(words) for code, words in out.items()}


PLACES: dict[str, tuple[str, ...]] = _places()


def place_codes() -> dict[str, set[str]]:
    """Place word -> jurisdiction codes (a word such as "AU" may name two)."""
    out: dict[str, set[str]] = {}
    for code, words in PLACES.items():
        for word in words:
            out.setdefault(word, set()).add(code)
            if word.startswith("the "):
                out.setdefault(word[4:], set()).add(code)
    return out


PLACE_CODES = place_codes()
