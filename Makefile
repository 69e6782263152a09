# The front door: `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
CORPUS ?= ../shared/seeds
DB     ?= marsad.db
# JSON field mappings OURS=THEIRS, e.g. FIELDS="text=content crawled=date_extracted"
FIELDS ?=

.PHONY: run test test-kill lint typecheck install install-dev clean bench eval

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/marsad run $(CORPUS) --db $(DB) $(foreach field,$(FIELDS),--field $(field))

LINTED := src tests $(wildcard bench scripts)

lint: install-dev
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

typecheck: install-dev
	$(BIN)/mypy

test: install-dev lint typecheck
	./scripts/install-browser.sh
	$(BIN)/pytest

# The full crash test: 20 SIGKILLs at random points of a 2,000-article ingest (CI runs 3
# on 1,000 articles). MARSAD_KILL_SEED=N draws other points.
test-kill: install-dev
	MARSAD_KILL_POINTS=20 MARSAD_KILL_ARTICLES=2000 $(BIN)/pytest -v -s tests/test_kill_ingest.py

GOLD  ?= ../shared/gold
SAUDI ?= ../shared/data/saudinewsnet-sample/articles.jsonl

eval: install
	$(BIN)/marsad eval --gold $(GOLD)/seeds.json --docs ../shared/seeds
	$(BIN)/marsad eval --gold $(GOLD)/saudinewsnet-dev.json --docs $(SAUDI)
	$(BIN)/marsad eval --gold $(GOLD)/suez-timeline.json --docs $(SAUDI)

bench: install
	$(BIN)/marsad bench ../shared/data/saudinewsnet-sample/articles.jsonl

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
