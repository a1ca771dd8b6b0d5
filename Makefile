# The two commands: `make serve` (preview with a local form receiver) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve test test-tools build system-deps clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

## Preview the site on http://127.0.0.1:8000/ with the development form receiver.
serve: install
	$(BIN)/python tools/serve.py

## Run every test (unit, build and browser tests).
test: install test-tools
	$(BIN)/python -m pytest

## Test-only tools from package-lock.json: axe-core and vnu.jar (no install scripts, nothing downloaded at run time).
test-tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the browser tests' axe-core and vnu.jar (Debian: nodejs and npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## Build the site into site/ with --strict (for a public SITE_URL, refused while the booking endpoint is the dev receiver).
build: install
	$(BIN)/mkdocs build --strict

## Debian packages for the browser tests (needs root or sudo).
system-deps:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$(grep -v '^#' apt-packages.txt)

clean:
	rm -rf site .pytest_cache test-artifacts

.PHONY: check links

## Check every page (front matter, review dates, FAQ, claims policy, reading level, raw HTML, links) and
## the strict build; prints docs/FILE.md:LINE: problem — fix. See EDITING.md.
check: install
	$(BIN)/python tools/check.py

## Optional, needs the internet: test every external link in docs/ (never run in CI).
links: install
	$(BIN)/python tools/links.py

.PHONY: benchmark benchmark-tools

## Benchmark (not a test): Lighthouse, build times and live reload, ours beside plain mkdocs-material.
## Prints a table and writes test-artifacts/benchmark.json. Options: make benchmark ARGS="--quick".
benchmark: install benchmark-tools
	$(BIN)/python tools/benchmark.py $(ARGS)

## Lighthouse for the benchmark only, from tools/benchmark/package-lock.json (not installed by make test).
benchmark-tools: tools/benchmark/node_modules/.installed

tools/benchmark/node_modules/.installed: tools/benchmark/package.json tools/benchmark/package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for Lighthouse (Debian: nodejs and npm)"; exit 1; }
	cd tools/benchmark && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@
