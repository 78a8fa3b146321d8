# The documented way in. Every target installs what it needs on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: check pages site serve offline test lint snapshots new-source bench bench-5000 clean

# pip checks every file it fetches against requirements.txt's hashes. The package itself is
# built without build isolation, which would fetch setuptools unchecked: the setuptools it is
# built with comes from requirements.txt too. A checkout installed before a module moved keeps
# the old entry points in its egg-info, which Python reads first when run from this folder.
# An editable install leaves the package uncompiled, where pip compiles what it installs;
# compiling it here spares each command (and each test's subprocess) compiling it again.
$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	rm -rf summit_briefings.egg-info
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
		--editable .
	$(BIN)/python -m compileall -q summit_briefings
	touch $@

check: $(READY)  ## validate data/ and verify every quote
	$(BIN)/summit-briefings check

pages: $(READY)  ## write the generated Markdown (plus docs/) to build/docs
	$(BIN)/summit-briefings pages

site: $(READY)  ## strict MkDocs build, swapped into site/ only if it succeeds
	$(BIN)/python scripts/site.py

serve: $(READY)  ## live preview on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --livereload --dirty

new-source: $(READY)  ## make new-source FILE=article.txt [URL=… PUBLISHED=… PUBLISHER=… ID=…]
	@test -n "$(FILE)" || { echo "usage: make new-source FILE=path/to/article.txt [URL=https://… PUBLISHED=YYYY-MM-DD PUBLISHER='…' ID=…]" >&2; exit 1; }
	$(BIN)/summit-briefings new-source "$(FILE)" --url "$(URL)" --published "$(PUBLISHED)" --publisher "$(PUBLISHER)" $(if $(ID),--id "$(ID)")

lint: $(READY)
	$(BIN)/ruff check .

test: $(READY)  ## every test, browser tests included
	$(BIN)/ruff check .
	bash scripts/browser_deps.sh
	$(BIN)/python -m pytest

offline: $(READY)  ## strict build for reading from file:// (no server), into site-offline/
	$(BIN)/python scripts/site.py site-offline --config mkdocs-offline.yml

bench: $(READY)  ## benchmark at 5, 100 and 1000 summits; writes BENCHMARKS.md and bench.json
	$(BIN)/python scripts/bench.py

bench-5000: $(READY)  ## one run at 5000 summits, added to bench.json and BENCHMARKS.md
	$(BIN)/python scripts/bench.py --sizes 5000 --repeat 1

snapshots: $(READY)  ## rewrite the golden Markdown snapshots; review the diff
	UPDATE_GOLDENS=1 $(BIN)/python -m pytest tests/test_golden.py

clean:
	rm -rf site site-offline build .pytest_cache
