"""Language packs: one folder per language, one loader, shortcuts built from the same data."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import regex

from newsclean._patterns import search
from newsclean.errors import PatternDataError
from newsclean.filters.boilerplate import BYLINE, byline_rule
from newsclean.lang import LANG_PATH_ENV, entries, languages, parse_lines, tagged

BUNDLED = resources.files("newsclean").joinpath("data").joinpath("lang")


def test_the_languages_are_the_folders() -> None:
    folders = sorted(p.name for p in BUNDLED.iterdir() if p.is_dir())
    assert languages() == tuple(folders)
    assert {"en", "de", "fr", "es", "it", "nl", "pl", "pt"} <= set(folders)


def test_every_pack_file_says_where_its_entries_came_from() -> None:
    for pack in BUNDLED.iterdir():
        for file in pack.iterdir():
            head = file.read_text(encoding="utf-8").splitlines()[:4]
            assert head[0].startswith("#"), file.name
            assert "for this project" in " ".join(head).casefold(), f"{pack.name}/{file.name}"


def test_an_entry_knows_its_file_and_line() -> None:
    first = entries("en", "months.txt")[0]
    assert (first.text, first.tag) == ("january", "1")
    assert first.where == f"lang/en/months.txt:{first.line}"
    assert (
        Path(str(BUNDLED.joinpath("en").joinpath("months.txt")))
        .read_text(encoding="utf-8")
        .splitlines()[first.line - 1]
        .startswith("january")
    )


def test_a_line_with_two_tabs_is_an_error_naming_the_line() -> None:
    with pytest.raises(PatternDataError, match=r"lang/xx/months\.txt:2: at most one tab"):
        list(parse_lines("# header\njan\t1\tx\n", "lang/xx/months.txt"))


def test_a_byline_word_added_to_the_data_reaches_the_pattern_and_its_shortcut() -> None:
    line = "Av Anna Svensson"
    starts, joiners = tagged("bylines.txt", "start"), tagged("bylines.txt", "joiner")
    assert search(BYLINE.pattern, line) is None
    assert not BYLINE.may_match(line)
    with_sv = byline_rule([*starts, "av"], joiners)
    assert search(with_sv.pattern, line) is not None
    assert with_sv.may_match(line)
    # one-letter words too: the shortcut then asks for the space the pattern needs
    with_one = byline_rule([*starts, "a"], joiners)
    assert with_one.may_match("A Anna Svensson")
    assert search(with_one.pattern, "A Anna Svensson") is not None


SWEDISH_PACK = {
    "boilerplate.txt": """\
        # Swedish test entries, written for this project.
        dela artikeln\tshare
        läs mer:\tteaser
        """,
    "bylines.txt": """\
        # Swedish byline words, written for this project.
        av\tstart
        och\tjoiner
        skriven av\tlabel
        """,
    "leftovers.txt": """\
        # Swedish leftovers, written for this project.
        här är den (omskrivna|nya) artikeln\tstart
        """,
    "months.txt": """\
        # Swedish months, written for this project.
        augusti\t8
        """,
    "weekdays.txt": """\
        # Swedish weekdays, written for this project.
        torsdag\t4
        fredag\t5
        """,
    "stopwords.txt": """\
        # Swedish stop words, written for this project.
        och
        att
        det
        som
        är
        på
        för
        med
        inte
        till
        har
        vi
        """,
    "navigation.txt": """\
        # Swedish navigation labels, written for this project.
        läs också
        """,
    "titles.txt": """\
        # Swedish titles, written for this project.
        utrikesminister\tforeign_minister
        """,
}

#: run in a new process: the packs are read when the filters are first built
PROBE = """
import json
import newsclean
from newsclean.filters import blocks, boilerplate, templates
from newsclean.filters.facts import dates, headline, mentions
from newsclean.filters.facts.kb import load_kb
from newsclean.pipeline import split_blocks

text = open(0).read()
article = newsclean.clean({"text": text, "published": "2024-08-02"})
gaz = mentions.gazetteer(load_kb())
print(json.dumps({
    "languages": list(newsclean.lang.languages()),
    "removals": [[r.text, r.reason, r.rule] for r in article.removals],
    "findings": [[f.code, f.evidence.get("lang")] for f in article.findings],
    "dates": [[d.month, d.day, d.weekday] for d in dates.find_dates(text)],
    "guessed": blocks.guess_language(split_blocks(text)),
    "nav": headline.is_nav_label("Läs också"),
    "title": sorted(gaz.positions("utrikesminister")[0]),
    "leftover_languages": list(templates.leftover_languages()),
}))
"""

SWEDISH_TEXT = """\
Av Anna Svensson och Erik Berg
Dela artikeln
Här är den omskrivna artikeln:
Regeringen har beslutat att det inte blir någon ny skatt på bensin i år, och det är något som \
många har väntat på.
Beslutet togs på torsdag 2 augusti 2024 efter ett långt möte med partierna för att komma överens.
Läs mer: Så blir budgeten för nästa år
"""


def probe(lang_path: Path | None) -> dict[str, Any]:
    """What the filters make of the Swedish text in a new process, with ``lang_path``."""
    env = {k: v for k, v in os.environ.items() if k != LANG_PATH_ENV}
    if lang_path is not None:
        env[LANG_PATH_ENV] = str(lang_path)
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        input=SWEDISH_TEXT,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    out: dict[str, Any] = json.loads(done.stdout)
    return out


def test_a_language_pack_from_another_folder_reaches_every_filter(tmp_path: Path) -> None:
    pack = tmp_path / "sv"
    pack.mkdir()
    for name, text in SWEDISH_PACK.items():
        (pack / name).write_text(textwrap.dedent(text), encoding="utf-8")
    out = probe(tmp_path)
    assert "sv" in out["languages"]
    removed = {text: (reason, rule) for text, reason, rule in out["removals"]}
    # the byline words and the catalogue of the pack
    assert removed["Av Anna Svensson och Erik Berg"] == ("boilerplate.author_box", "byline")
    assert removed["Dela artikeln"][0] == "boilerplate.share"
    assert removed["Läs mer: Så blir budgeten för nästa år"][0] == "boilerplate.teaser"
    # its leftovers, its months and weekdays (2 August 2024 was a Friday)
    assert ["template.leftover", "sv"] in out["findings"]
    assert "date.weekday_mismatch" in {code for code, _ in out["findings"]}
    assert [8, 2, 3] in out["dates"]
    # its stop words, navigation labels and titles
    assert out["guessed"] == "sv"
    assert out["nav"] is True
    assert "se.foreign_minister" in out["title"]
    assert "sv" in out["leftover_languages"]


def test_without_the_pack_the_swedish_text_is_left_alone() -> None:
    out = probe(None)
    assert "sv" not in out["languages"]
    assert out["removals"] == []
    assert out["findings"] == []
    assert out["dates"] == []
    assert out["guessed"] is None
    assert out["nav"] is False


def test_a_folder_of_a_bundled_language_adds_its_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "en").mkdir()
    extra = tmp_path / "en" / "navigation.txt"
    extra.write_text("# test entries, written for this project\nkeep reading\n", encoding="utf-8")
    bundled = entries("en", "navigation.txt")
    monkeypatch.setenv(LANG_PATH_ENV, str(tmp_path))
    assert languages() == tuple(sorted(p.name for p in BUNDLED.iterdir() if p.is_dir()))
    added = entries("en", "navigation.txt")
    assert added[: len(bundled)] == bundled
    assert (added[-1].text, added[-1].where) == ("keep reading", f"{extra}:2")


def test_a_missing_pack_folder_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LANG_PATH_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(PatternDataError, match="is not a folder"):
        languages()


#: the fact checks' modules: their words are read from the packs
FACTS_CODE = Path(str(resources.files("newsclean").joinpath("filters").joinpath("facts")))
#: a lower-case word (letters only: no underscore, digit or space, so no identifier or code)
LOWER_WORD = regex.compile(r"\p{Ll}+")
#: three or more lower-case words as alternatives of a pattern ("former|current|late"), not
#: after a backslash (``\s|\d``) or inside a longer word
ALTERNATION = regex.compile(r"(?<![\p{L}\\])\p{Ll}+(?:\|\p{Ll}+){2,}(?![\p{L}])")
#: a tuple or list this long of lower-case words is a word list, not a few names the code uses
LONG_SEQUENCE = 8


def _words_in(node: ast.AST) -> list[str] | None:
    """The strings of a literal set, list or tuple when every element is a lower-case word."""
    if not isinstance(node, ast.Set | ast.List | ast.Tuple):
        return None
    values = [e.value if isinstance(e, ast.Constant) else None for e in node.elts]
    if values and all(isinstance(v, str) and LOWER_WORD.fullmatch(v) for v in values):
        return [str(v) for v in values]
    return None


def word_lists(source: str) -> list[str]:
    """The word lists of a module's source: regex alternations of three or more lower-case words
    in its strings (docstrings aside), sets of three or more lower-case words, dictionaries from
    them to strings, and long tuples or lists of them, each as ``line: what``."""
    tree = ast.parse(source)
    docstrings = {
        id(body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and (body := node.body)
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings and (m := ALTERNATION.search(node.value)):
                found.append(f"{line}: alternation {m.group()!r}")
        elif isinstance(node, ast.Set) and (words := _words_in(node)) and len(words) >= 3:
            found.append(f"{line}: set {words[:3]}")
        elif isinstance(node, ast.Dict):
            # words to strings ("former": "former"); a record's fields have values of the code
            pairs = [
                (k.value, v.value)
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)
            ]
            if len(pairs) >= 3 and all(
                isinstance(k, str) and LOWER_WORD.fullmatch(k) and isinstance(v, str)
                for k, v in pairs
            ):
                found.append(f"{line}: dict {[k for k, _ in pairs][:3]}")
        elif isinstance(node, ast.Call) and node.args:
            # frozenset([...]), set((...)), dict.fromkeys([...], value)
            name = ast.unparse(node.func)
            words = _words_in(node.args[0])
            if name in ("frozenset", "set", "dict.fromkeys") and words and len(words) >= 3:
                found.append(f"{line}: {name} {words[:3]}")
        elif isinstance(node, ast.List | ast.Tuple):
            words = _words_in(node)
            if words and len(words) >= LONG_SEQUENCE:
                found.append(f"{line}: sequence {words[:3]}")
    return found


def test_the_fact_checks_hold_no_word_list_of_a_language() -> None:
    modules = sorted(FACTS_CODE.glob("*.py"))
    assert len(modules) >= 10
    held = {m.name: lists for m in modules if (lists := word_lists(m.read_text(encoding="utf-8")))}
    assert held == {}, "word lists belong in the language packs (data/lang/<xx>/)"


#: every filter's module, and the words of the structural leftover rules
FILTERS_CODE = FACTS_CODE.parent
VOICE_CODE = FILTERS_CODE.parent / "voice.py"
#: what the check finds in them that is no word list of a human language, by module: the
#: keywords of programming languages that start a line of code ("def", "else", "var"), PHP's
#: notices ("Undefined variable"), ICU's message keywords ("plural", "select"), the language codes
#: the slot words are read in, and the names the code gives its own kinds (merge-tag specs, the
#: roles of the placeholder file, where a journalist's mark stands)
NOT_A_LANGUAGE = {
    "filters/templates/data.py": {"set ['noun', 'insert', 'prefix']"},
    "filters/templates/gates.py": {
        "alternation 'def|class|import|from|return|var|let|const|function|public|private|static"
        "|if|for|while'"
    },
    "filters/templates/rules.py": {
        "sequence ['en', 'de', 'fr']",
        "alternation 'else|catch|while'",
        "alternation 'var|let|const'",
        "alternation 'public|private|static'",
        "alternation 'if|for|while'",
    },
    "filters/shapes.py": {
        "set ['word', 'merge', 'strict']",
        "set ['alien', 'preposition', 'foreign']",
        "alternation 'variable|index|offset|array'",
        "alternation 'plural|selectordinal|select'",
        "set ['count', 'amount', 'range']",
    },
}


def test_the_filters_and_the_voice_rules_hold_no_word_list_of_a_language() -> None:
    modules = [*sorted(FILTERS_CODE.rglob("*.py")), VOICE_CODE]
    assert len(modules) >= 25
    held: dict[str, list[str]] = {}
    for module in modules:
        name = module.relative_to(VOICE_CODE.parent).as_posix()
        allowed = NOT_A_LANGUAGE.get(name, set())
        found = [
            where
            for where in word_lists(module.read_text(encoding="utf-8"))
            if where.split(": ", 1)[1] not in allowed
        ]
        if found:
            held[name] = found
    assert held == {}, "word lists belong in the language packs (data/lang/<xx>/)"


@pytest.mark.parametrize(
    "source",
    [
        'WORDS = r"(?:the|dem|den)\\s+"',
        'WORDS = rf"{DAY}(?:st|nd|rd|th)?"',
        'WORDS = frozenset(["mr", "mrs", "dr"])',
        'WORDS = {"former": "former", "late": "late", "then": "then"}',
        'WORDS = {**dict.fromkeys(["ancien", "antiguo", "antigo"], "former")}',
        'WORDS = ("s", "n", "a", "e", "i", "o", "u", "y")',
    ],
)
def test_a_word_list_in_code_is_found(source: str) -> None:
    assert word_lists(source)


@pytest.mark.parametrize(
    "source",
    [
        'PATTERN = r"\\s|\\d|\\w"',
        'KINDS = ("president", "head_of_government", "chancellor", "foreign_minister")',
        'EVIDENCE = {"written": m.name, "person": m.display, "spans": spans}',
        'ROLES = frozenset(["head_of_state", "intl_org_head", "central_bank_governor"])',
        'PRECISIONS = ("day", "month", "year")',
        'def f(m):\n    """One of "former|current|late"."""\n    return m in ("former", "late")',
    ],
)
def test_code_is_no_word_list(source: str) -> None:
    assert word_lists(source) == []


def test_the_voice_words_of_a_pack_folder_are_read_when_it_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsclean.voice import tokens as voice_tokens
    from newsclean.voice import voice_table

    tokens = voice_tokens("Quibbleword")
    assert not voice_table(("en",)).has("text_nouns", tokens)  # read before the folder is named
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "voice.txt").write_text(
        "# test entries, written for this project\n[text_nouns]\nquibbleword\n", encoding="utf-8"
    )
    monkeypatch.setenv(LANG_PATH_ENV, str(tmp_path))
    assert voice_table(("en",)).has("text_nouns", tokens)
