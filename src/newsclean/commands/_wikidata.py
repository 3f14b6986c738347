"""Wikidata entity JSON (one entity a line, as in the dumps) as Query A result rows.

Each ``position held`` (P39) statement of a person becomes one row shaped like a binding of the
query in ``docs/facts.md``, so both inputs go through one conversion. Labels of offices and
countries come from entities in the same file when present (a dump slice holds them), else from
the bundled knowledge base by Wikidata id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsclean.errors import ConfigError

#: the languages whose labels and aliases are kept (the catalogue's eight)
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")
#: the label a row is named by: English first, then the multilingual label, then the others
LABEL_ORDER = ("en", "mul", *LANGUAGES[1:])
FOREIGN_MINISTER = "Q7330070"
DEFENCE_MINISTER = "Q2518691"
CENTRAL_BANK_GOVERNOR = "Q107363151"
HUMAN = "Q5"


def parse_entity_lines(text: str, label: str) -> dict[str, Mapping[str, Any]]:
    """Entities by id from JSON Lines, or from a dump's ``[`` ... ``,`` ... ``]`` layout."""
    entities: dict[str, Mapping[str, Any]] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip().rstrip(",")
        if not line or line in ("[", "]"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            msg = f"{label}:{lineno}: not a Wikidata entity line ({exc.msg})"
            raise ConfigError(msg) from exc
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            msg = f"{label}:{lineno}: not a Wikidata entity (no 'id')"
            raise ConfigError(msg)
        entities[data["id"]] = data
    return entities


def _claims(entity: Mapping[str, Any], prop: str) -> list[Mapping[str, Any]]:
    claims = entity.get("claims")
    if not isinstance(claims, Mapping):
        return []
    values = claims.get(prop)
    return [c for c in values if isinstance(c, Mapping)] if isinstance(values, list) else []


def _snak_value(snak: Any) -> Any:
    if not isinstance(snak, Mapping) or snak.get("snaktype", "value") != "value":
        return None
    datavalue = snak.get("datavalue")
    return datavalue.get("value") if isinstance(datavalue, Mapping) else None


def _item(snak: Any) -> str:
    value = _snak_value(snak)
    if isinstance(value, Mapping) and isinstance(value.get("id"), str):
        return str(value["id"])
    return ""


def _items(entity: Mapping[str, Any], prop: str) -> list[str]:
    """Target ids of an entity's non-deprecated statements of ``prop``."""
    return [
        target
        for c in _claims(entity, prop)
        if c.get("rank") != "deprecated" and (target := _item(c.get("mainsnak")))
    ]


def _string(entity: Mapping[str, Any], prop: str) -> str:
    for c in _claims(entity, prop):
        value = _snak_value(c.get("mainsnak"))
        if isinstance(value, str) and c.get("rank") != "deprecated":
            return value
    return ""


def _qualifier(statement: Mapping[str, Any], prop: str) -> Any:
    qualifiers = statement.get("qualifiers")
    if not isinstance(qualifiers, Mapping):
        return None
    snaks = qualifiers.get(prop)
    if not isinstance(snaks, list):
        return None
    return next((v for s in snaks if (v := _snak_value(s)) is not None), None)


def _time(statement: Mapping[str, Any], prop: str) -> tuple[str, str]:
    value = _qualifier(statement, prop)
    if not isinstance(value, Mapping) or not isinstance(value.get("time"), str):
        return "", ""
    return str(value["time"]), str(value.get("precision", ""))


def label_of(entity: Mapping[str, Any] | None) -> str:
    """The entity's label: English, multilingual, the other seven languages, then any."""
    if entity is None:
        return ""
    labels = entity.get("labels")
    if not isinstance(labels, Mapping):
        return ""
    for lang in LABEL_ORDER:
        value = labels.get(lang)
        if isinstance(value, Mapping) and str(value.get("value", "")).strip():
            return str(value["value"]).strip()
    for value in labels.values():
        if isinstance(value, Mapping) and str(value.get("value", "")).strip():
            return str(value["value"]).strip()
    return ""


def names_of(entity: Mapping[str, Any] | None) -> list[str]:
    """Labels and aliases in the eight languages, each once, in language order."""
    if entity is None:
        return []
    out: list[str] = []
    labels = entity.get("labels")
    aliases = entity.get("aliases")
    for lang in LANGUAGES:
        forms: list[Any] = []
        if isinstance(labels, Mapping):
            forms.append(labels.get(lang))
        if isinstance(aliases, Mapping) and isinstance(aliases.get(lang), list):
            forms.extend(aliases[lang])
        for form in forms:
            if isinstance(form, Mapping):
                value = str(form.get("value", "")).strip()
                if value and value not in out:
                    out.append(value)
    return out


def _roles(entities: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Office id -> role, from the states in the file (P1906, P1313) and office classes (P279)."""
    roles: dict[str, str] = {}
    for entity in entities.values():
        for pos in _items(entity, "P1906"):
            roles.setdefault(pos, "head_of_state")
        for pos in _items(entity, "P1313"):
            roles.setdefault(pos, "head_of_government")
        classes = set(_items(entity, "P279"))
        if FOREIGN_MINISTER in classes:
            roles.setdefault(str(entity["id"]), "foreign_minister")
        elif DEFENCE_MINISTER in classes:
            roles.setdefault(str(entity["id"]), "defence_minister")
        elif CENTRAL_BANK_GOVERNOR in classes:
            roles.setdefault(str(entity["id"]), "central_bank_governor")
    return roles


def entity_rows(entities: Mapping[str, Mapping[str, Any]]) -> Iterator[dict[str, str]]:
    """One Query A row per P39 statement of every person in ``entities``."""
    roles = _roles(entities)
    for pid, person in entities.items():
        statements = _claims(person, "P39")
        if not statements:
            continue
        if HUMAN not in _items(person, "P31") and _items(person, "P31"):
            continue  # an office or a state that happens to carry P39
        plabel = label_of(person)
        aliases = [n for n in names_of(person) if n != plabel]
        for st in statements:
            position = _item(st.get("mainsnak"))
            if not position:
                continue
            office = entities.get(position)
            jurisdiction = next(iter(_items(office, "P1001")), "") if office else ""
            state = entities.get(jurisdiction)
            start, start_p = _time(st, "P580")
            end, end_p = _time(st, "P582")
            nature = _qualifier(st, "P5102")
            nature_id = nature.get("id", "") if isinstance(nature, Mapping) else ""
            office_names = names_of(office)
            yield {
                "statement": str(st.get("id", "")),
                "rank": str(st.get("rank", "normal")),
                "person": pid,
                "personLabel": plabel,
                "personAliases": "|".join(aliases),
                "position": position,
                "positionLabel": label_of(office),
                "positionAliases": "|".join(n for n in office_names if n != label_of(office)),
                "role": roles.get(position, ""),
                "jurisdiction": jurisdiction,
                "jurisdictionLabel": label_of(state),
                "jurisdictionCode": _string(state, "P297") if state else "",
                "start": start,
                "startPrecision": start_p,
                "end": end,
                "endPrecision": end_p,
                "natureLabel": label_of(entities.get(str(nature_id))),
            }


def read_entities(text: str, label: str) -> list[dict[str, str]]:
    return list(entity_rows(parse_entity_lines(text, label)))


def is_sparql_result(text: str) -> bool:
    """A whole-file JSON object with ``results`` (SPARQL JSON), not one entity per line."""
    head = text.lstrip()
    if not head.startswith("{"):
        return False
    try:
        data = json.loads(head)
    except json.JSONDecodeError:
        return False  # several objects: entity lines
    return isinstance(data, dict) and "results" in data


def unique(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in out:
            out.append(v)
    return out
