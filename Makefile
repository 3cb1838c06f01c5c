# Two commands do everything on a fresh machine:
#   make run   - set up .venv, ingest corpus/ into outputs/agendas.duckdb, print a summary
#   make test  - set up .venv and run the test suite (with the accuracy floor check)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB := outputs/agendas.duckdb

.PHONY: setup run test test-fast eval lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/agendas ingest corpus/ --db $(DB)
	$(BIN)/agendas stats --db $(DB)

test: setup
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

lint: setup
	$(BIN)/ruff format --check pipeline extractors tests benchmarks
	$(BIN)/ruff check pipeline extractors tests benchmarks

clean:
	rm -rf $(VENV) $(DB) outputs/*.duckdb.wal
