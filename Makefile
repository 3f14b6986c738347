# Two commands do everything: `make demo` and `make test`. Each sets up its own virtual environment.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
LINT_PATHS := $(wildcard src tests examples benchmarks fuzz)

.PHONY: demo test lint typecheck unit unit-plain plain-check eval bench fuzz clean-venv docs browser spark

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

## demo: set up, then clean the bundled example corpus and print the records and a summary
demo: $(VENV)/.installed
	$(BIN)/python examples/demo.py

## test: set up with the dev tools, then ruff, the import layers (lint-imports), mypy (strict on
## src/) and pytest; the property tests run a second time on the plain path (NEWSCLEAN_PLAIN=1:
## every gate and fast path off)
test: $(VENV)/.installed lint typecheck unit unit-plain

lint: $(VENV)/.installed
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed
	$(BIN)/mypy

# the tests run in one worker per core (pytest-xdist): every test stands alone
unit: $(VENV)/.installed
	$(BIN)/pytest -q -n auto

unit-plain: $(VENV)/.installed
	NEWSCLEAN_PLAIN=1 $(BIN)/pytest -q tests/test_properties.py

## plain-check: plain and fast records compared on every development page in both presets
## (`make test` compares one page in eight; skips when ../shared is absent)
plain-check: $(VENV)/.installed
	NEWSCLEAN_PLAIN_FULL=1 $(BIN)/pytest -q tests/test_plain.py -k development_pages

## spark: the Spark recipe of docs/scale.md for real on local[2] (installs the spark extra; needs Java)
spark: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[spark]"
	$(BIN)/pytest -q -m spark tests/test_spark.py tests/test_docs_snippets.py

## eval: score both presets on ../shared/data/boilerplate-dev.jsonl (skips when ../shared is absent)
eval: $(VENV)/.installed
	$(BIN)/python benchmarks/eval_boilerplate.py --shared $(SHARED)

## bench: throughput, memory and scaling against named baselines in the same run
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench.py --shared $(SHARED)

## fuzz: long fuzzing runs (a short smoke run is part of `make test`), full-size hostile inputs and faults
## and long property runs
fuzz: $(VENV)/.installed
	$(BIN)/python fuzz/run.py --seconds 600
	NEWSCLEAN_SLOW=1 NEWSCLEAN_HYPOTHESIS_PROFILE=long $(BIN)/pytest -q tests/test_hostile.py tests/test_faults.py tests/test_properties.py

## docs: regenerate docs/codes.md from the code catalogue
docs: $(VENV)/.installed
	$(BIN)/python -c "from newsclean.pipeline import codes_markdown; print(codes_markdown(), end='')" > docs/codes.md

## browser: install Debian's chromium (as root) for the HTML report's browser test
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }

clean-venv:
	rm -rf $(VENV)
