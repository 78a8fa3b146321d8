# The documented way in. Every target installs what it needs on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed

.PHONY: check site serve test lint snapshots clean

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

check: $(READY)  ## validate data/ and verify every quote
	$(BIN)/python scripts/build.py --check

lint: $(READY)
	$(BIN)/ruff check .

test: $(READY)  ## every test, browser tests included
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

clean:
	rm -rf site build .pytest_cache
