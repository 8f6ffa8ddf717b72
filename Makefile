# Chronica — two commands: `make demo` (set up + build the examples) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///chronica.db

.PHONY: setup assets demo test bench clean

setup: $(VENV)/.installed assets

$(VENV)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,ask]'
	touch $@

# Front-end libraries come from the npm registry (pinned in package-lock.json) and are
# copied into the package's static folder; nothing is fetched at run time. Stamps make
# both steps incremental: they rerun only when the lock file or the copy script changes.
NPM_STAMP    := node_modules/.installed
VENDOR_STAMP := node_modules/.vendored

assets: $(VENDOR_STAMP)

$(NPM_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENDOR_STAMP): $(NPM_STAMP) scripts/vendor_assets.py $(VENV)/.installed
	$(BIN)/python scripts/vendor_assets.py
	touch $@

demo: setup
	$(BIN)/chronica build examples --db $(DB)
	$(BIN)/chronica conflicts --db $(DB)
	$(BIN)/chronica export --db $(DB) --format json --out chronica-export.json

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/reconcile.py

clean:
	rm -rf $(VENV) node_modules src/chronica/web/static/vendor chronica.db chronica-export.json
