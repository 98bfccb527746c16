# critmin: the two commands the README promises, and what they need.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Runtime install (what a user gets).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

# Developer install: runtime + test, lint and type-check tools.
$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

## demo: set up, build the store from the embedded data and run the main job (a brief).
demo: $(VENV)/.installed
	$(BIN)/critmin data build
	$(BIN)/critmin brief examples/kazakhstan-rare-earth-enterprises.md --out out/kazakhstan

## test: set up with dev extras, lint, type-check and run the whole test suite.
test: $(VENV)/.dev
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests $(wildcard bench)

typecheck: $(VENV)/.dev
	$(BIN)/mypy

unit: $(VENV)/.dev
	$(BIN)/python -m pytest -x -q

bench: $(VENV)/.dev
	$(BIN)/python -m pytest bench --benchmark-only -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
