# Parley: `make run` serves the app, `make test` runs every suite. Both set up what they need first.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTEST := $(VENV)/bin/pytest
WEB_SOURCES := $(shell find web/src web/artifact-runtime web/public web/index.html web/vite.config.ts web/vite.runtime.config.ts web/tsconfig*.json -type f 2>/dev/null)

.PHONY: run test lint dev web models models-test sandbox chromium bench api-types check-api-types clean help

help:
	@echo "make run    set up if needed, then serve http://127.0.0.1:8000 (SQLite, embedded model)"
	@echo "make test   set up what the tests need, then run every suite"
	@echo "make lint   ruff, ruff format --check, mypy --strict, import-linter, web lint + types"
	@echo "make dev    API with reload on :8000 and Vite's dev server on :5173"
	@echo "make bench  run the benchmarks in bench/"

# --- Python environment -------------------------------------------------------------------------
$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Parley needs Python 3.11 or newer; found $$($(PYTHON) --version)"; exit 1; }
	@test -x $(PY) || { echo "Creating $(VENV)…"; $(PYTHON) -m venv $(VENV); }
	@echo "Installing Python packages…"
	@$(PIP) install --quiet --upgrade pip
	@$(PIP) install --quiet -e ".[dev]"
	@touch $@

models: $(VENV)/.installed
	@scripts/install-models.sh

models-test: $(VENV)/.installed
	@scripts/install-models.sh --test

# The sandbox's own Python (numpy, pandas, matplotlib), apart from the server's .venv
sandbox:
	@PYTHON=$(PYTHON) scripts/install-sandbox.sh

# --- Web client ---------------------------------------------------------------------------------
web/node_modules/.installed: web/package.json web/package-lock.json
	@echo "Installing web packages (npm ci)…"
	@cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

parley/static/index.html: web/node_modules/.installed $(WEB_SOURCES)
	@echo "Building the web client…"
	@cd web && npm run --silent build

web:
	@if [ -f web/package.json ]; then $(MAKE) --no-print-directory parley/static/index.html; fi

api-types: $(VENV)/.installed web/node_modules/.installed
	@$(PY) -m parley openapi > web/openapi.json
	@cd web && npm run --silent gen:api

check-api-types: $(VENV)/.installed web/node_modules/.installed
	@if [ -f web/package.json ]; then \
		$(PY) -m parley openapi > /tmp/parley-openapi.json && \
		cmp -s /tmp/parley-openapi.json web/openapi.json || \
		{ echo "web/openapi.json is stale: run 'make api-types' and commit the result"; exit 1; }; \
		cd web && npm run --silent gen:api -- --check; \
	fi

# --- Browser for end-to-end tests (Debian's Chromium; never a downloaded one) --------------------
chromium:
	@command -v chromium >/dev/null || { echo "Installing Chromium from Debian…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# --- The two commands ---------------------------------------------------------------------------
run: $(VENV)/.installed models sandbox web
	@$(PY) -m parley serve

test: $(VENV)/.installed models-test sandbox web chromium lint
	@$(PYTEST) -q -p no:cacheprovider tests --ignore=tests/e2e
	@# Playwright's sync API keeps an event loop running in its process: the browser suite runs alone
	@$(PYTEST) -q -p no:cacheprovider tests/e2e
	@if [ -f web/package.json ]; then cd web && npm run --silent test; fi

lint: $(VENV)/.installed
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy
	@$(VENV)/bin/lint-imports
	@$(MAKE) --no-print-directory check-api-types
	@if [ -f web/package.json ]; then $(MAKE) --no-print-directory web/node_modules/.installed && \
		cd web && npm run --silent lint && npm run --silent typecheck; fi

dev: $(VENV)/.installed models
	@$(PY) -m parley migrate
	@trap 'kill 0' EXIT; \
		$(VENV)/bin/uvicorn --factory parley.app:create_app --reload --port 8000 & \
		( cd web && npm run dev ); wait

bench: $(VENV)/.installed web chromium
	@$(PY) bench/concurrency.py
	@$(PY) bench/transport.py
	@$(PY) bench/web_budget.py

clean:
	rm -rf $(VENV) web/node_modules parley/static
