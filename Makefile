# Chronica — two commands: `make demo` (set up + build the examples) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///chronica.db

.PHONY: setup assets demo test bench clean

setup: $(VENV)/.installed assets

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Front-end libraries come from the npm registry (pinned in package-lock.json) and are
# copied into the package's static folder; nothing is fetched at run time.
assets: $(VENV)/.installed
	@if [ -f package-lock.json ]; then \
		npm ci --no-audit --no-fund --loglevel=error && \
		$(BIN)/python scripts/vendor_assets.py; \
	fi

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
