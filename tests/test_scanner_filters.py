"""The questions the fact check and the phrase catalogue ask of the document scan.

- the compiled automaton and its pure-Python twin give the same lines for every source the
  filters name, on the development pages, the examples and generated text;
- each answer is a superset: a block the scan leaves out holds nothing the filter looks for
  (a title word of the knowledge base where ``trigger_spans`` finds one; an agency's sign-off;
  a gate word of the catalogue among the line's words), and the catalogue decides every line
  the same with the scan's answers and without them;
- one scan per document, shared by the filters that ask.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import scanner
from newsclean._patterns import plain_path
from newsclean._patterns import words as text_words
from newsclean.draft import Draft
from newsclean.filters import boilerplate as bp
from newsclean.filters.facts import filters as ff
from newsclean.filters.facts.kb import load_kb
from newsclean.filters.facts.mentions import gazetteer, trigger_spans
from newsclean.filters.facts.scan import lowered
from newsclean.filters.templates import gates
from newsclean.filters.templates.data import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "boilerplate-dev.jsonl"
GAZ = gazetteer(load_kb(()))
KIND = ff.title_kind(())

needs_compiled = pytest.mark.skipif(
    not scanner.compiled_available(), reason="ahocorasick-rs missing"
)


def _ask_all() -> None:
    ff.ask_for_titles(())
    bp.ask_for_words(())
    gates.ask_for_voice(LANGUAGES)


def _draft(text: str) -> Draft:
    _ask_all()
    return Draft.of(text, plain=False)


def _shared_texts() -> list[str]:
    if not SHARED.exists():
        return []
    rows = [json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines()]
    return [row[f] for row in rows[::6] for f in ("extracted_text", "page_text") if row.get(f)]


def _example_texts() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "examples").rglob("*.jsonl")):
        for row in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(row) if row.strip() else None
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                out.append(item["text"])
    return out


def _title_blocks(draft: Draft) -> set[int]:
    """The blocks where ``trigger_spans`` finds a title word, each block read on its own."""
    return {b.index for b in draft.blocks if trigger_spans(GAZ, b.text)}


TABLE = bp.catalogue(())
ANYWHERE = TABLE.gate_words()[1]


def _check_catalogue(draft: Draft, scan: scanner.DocumentScan) -> None:
    """Every line holding what a gate reads is named, and the catalogue decides each line the
    same with the scan's answers as without them."""
    for block in draft.blocks:
        text = block.text
        kinds = scan.kinds_of(block.index)
        held = bp.line_words(kinds, bp.words_kind(()))
        if len(text) <= bp.AGENCY_LINE_CHARS and bp.is_agency_line(text):
            assert held.agency, text
        folded = text.casefold()
        spelled = bp.spelled_line(text, folded=folded)
        if spelled == folded and not ANYWHERE.isdisjoint(text_words(spelled)):
            assert held.words, text
        with plain_path(False):
            assert TABLE.match(text, held=held) == TABLE.match(text), text


def _check_titles(text: str) -> None:
    draft = _draft(text)
    scan = scanner.document_scan(draft)
    found = scan.lines(KIND)
    if len(lowered(text)) == len(text):  # else the check reads the whole runs
        assert _title_blocks(draft) <= found
    _check_catalogue(draft, scan)
    # the compiled automaton and its twin name the same lines
    shared = scanner.shared_scanner()
    folded = scanner.document_fold(draft)
    assert (
        shared.scan(text, folded=folded, plain=True).by_line
        == shared.scan(text, folded=folded, plain=False).by_line
    )


def test_scan_answers_on_the_examples() -> None:
    texts = _example_texts()
    assert texts
    for text in texts:
        _check_titles(text)


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")
def test_scan_answers_on_development_pages() -> None:
    hits = 0
    for text in _shared_texts():
        _check_titles(text)
        hits += len(_title_blocks(Draft.of(text)))
    assert hits > 50


_TITLES = sorted(GAZ.triggers)
_CHROME = sorted(ANYWHERE | bp.agencies())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_TITLES),
            st.sampled_from(_TITLES).map(str.upper),
            st.sampled_from(_TITLES).map(str.title),
            st.sampled_from(_CHROME),
            st.sampled_from(_CHROME).map(str.upper),
            st.sampled_from(["(", ")", "/", ", ", ".", "-", "'", "©", "aB", "Share"]),
            st.text(max_size=5),
            st.sampled_from([" ", "\n", "2", "_", "ß", "ẞ", "ſ", "Σ", "K", "\u0307"]),
        ),
        max_size=25,
    )
)
def test_scan_answers_on_generated_text(parts: list[str]) -> None:
    _check_titles("".join(parts))


def test_a_text_whose_lower_case_is_longer_is_read_whole() -> None:
    draft = _draft("İSTANBUL\nThe President spoke.")
    runs = [(0, len(draft.text))]
    assert ff._title_word_spans(draft, (), runs) == runs


def test_one_scan_per_document() -> None:
    draft = _draft("The President spoke.\nLet me know if you need anything else.")
    first = scanner.document_scan(draft)
    assert scanner.document_scan(draft) is first
    assert gates.lines_that_may_speak(gates.Lines(draft), LANGUAGES) <= set(first.by_line)
    assert scanner.document_scan(draft) is first
    assert KIND in first.kinds_of(0)


def test_agency_and_gate_words_are_named() -> None:
    draft = _draft("dpa/lno\nShare this on Facebook\n(AFP)\nnothing here")
    scan = scanner.document_scan(draft)
    assert bp.line_words(scan.kinds_of(0), bp.words_kind(())).agency
    assert bp.line_words(scan.kinds_of(2), bp.words_kind(())).agency
    assert bp.line_words(scan.kinds_of(3), bp.words_kind(())) == bp.NO_WORDS


def test_a_lone_surrogate_is_scanned_by_the_twin() -> None:
    # the compiled library takes UTF-8 only: such a text goes to str.find, with the same answer
    draft = _draft("\ud800 dpa/AFP\nThe president \udfff spoke")
    scan = scanner.document_scan(draft)
    assert bp.line_words(scan.kinds_of(0), bp.words_kind(())).agency
    assert KIND in scan.kinds_of(1)
