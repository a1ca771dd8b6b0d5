# The two commands: `make serve` (preview with a local form receiver) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve test test-quick test-system test-tools build system-deps clean preview-shots

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

## Run every test (unit, build and browser tests), after setting up what they need: the Debian packages
## (test-system), the virtualenv (install) and the npm test tools (test-tools). Options: make test ARGS="-x".
## It lists the 20 slowest tests at the end (pytest --durations=20), to keep the whole run well under 10 minutes.
test: test-system install test-tools
	$(BIN)/python -m pytest --durations=20 $(ARGS) || { s=$$?; [ $$s != 5 ] || echo "pytest ran no tests (exit code 5): a failure, not a pass"; exit $$s; }

## The quick run: every test but the browser tests (pytest -m "not browser"); needs no Chromium, Java or npm.
test-quick: install
	$(BIN)/python -m pytest -m "not browser" $(ARGS)

## What the browser tests need from the system: apt-packages.txt (Chromium, fonts, Java for vnu.jar) and npm for
## test-tools. When all is there it only looks (a few milliseconds, no apt-get); otherwise it installs the missing
## packages with `make system-deps` as root or with passwordless sudo, or stops with the command to run.
## CHROMIUM_PATH, when set, must name the browser to use (the browser tests use it too).
test-system:
	@check() { \
	  missing=; \
	  for pkg in $$(grep -v '^#' apt-packages.txt) npm; do \
	    case $$pkg in \
	      chromium) \
	        if [ -n "$${CHROMIUM_PATH:-}" ]; then \
	          [ -f "$$CHROMIUM_PATH" ] && [ -x "$$CHROMIUM_PATH" ] && continue; \
	          echo "CHROMIUM_PATH=$$CHROMIUM_PATH is not an executable file: point it at Chromium or Chrome, or unset it to use Debian's chromium"; \
	          exit 1; \
	        fi; \
	        for c in /usr/bin/chromium /usr/bin/chromium-browser $$(command -v chromium google-chrome); do \
	          [ -f "$$c" ] && [ -x "$$c" ] && continue 2; \
	        done ;; \
	      default-jre-headless) command -v java >/dev/null && continue ;; \
	      npm) command -v npm >/dev/null && continue ;; \
	      *) [ "$$(dpkg-query -W -f='$${db:Status-Status}' $$pkg 2>/dev/null)" = installed ] && continue ;; \
	    esac; \
	    missing="$$missing $$pkg"; \
	  done; \
	}; \
	check; \
	[ -z "$$missing" ] && exit 0; \
	echo "The browser tests need these Debian packages, not installed:$$missing"; \
	if command -v apt-get >/dev/null && { [ "$$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then \
	  echo "Installing them: make system-deps PACKAGES=\"$${missing# }\""; \
	  $(MAKE) --no-print-directory system-deps PACKAGES="$${missing# }" || exit 1; \
	  $(if $(findstring n,$(firstword -$(MAKEFLAGS))),exit 0;) \
	  check; \
	  [ -z "$$missing" ] || { echo "Still missing after make system-deps:$$missing"; exit 1; }; \
	else \
	  echo "Install them, then run make test again:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing"; \
	  command -v apt-get >/dev/null || echo "(Not Debian: install Chromium, Java and npm yourself; CHROMIUM_PATH names the browser.)"; \
	  exit 1; \
	fi

## Test-only tools from package-lock.json: axe-core and vnu.jar (no install scripts, nothing downloaded at run time).
test-tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json | test-system
	@command -v npm >/dev/null || { echo "npm is needed for the browser tests' axe-core and vnu.jar (Debian: nodejs and npm)"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## Build the site into site/ with --strict (for a public SITE_URL, refused while the booking endpoint is the dev receiver).
build: install
	$(BIN)/mkdocs build --strict

## Screenshots at phone and desktop width of the pages changed since BASE (a git ref; default: every page) into
## preview/ (phone/, desktop/, summary.md, and the built site in preview/site). The pull-request workflow uses it.
preview-shots: test-system install
	rm -rf preview/site
	$(BIN)/mkdocs build -q -d preview/site
	$(BIN)/python tools/preview_shots.py --site preview/site --out preview $(if $(BASE),--base $(BASE))

## Debian packages for the browser tests (needs root or sudo): those in apt-packages.txt, or PACKAGES="...".
PACKAGES ?= $(shell grep -v '^\#' apt-packages.txt)
system-deps:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PACKAGES)

clean:
	rm -rf site preview .pytest_cache test-artifacts

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

.PHONY: translations

## The status of every translated page: page × language, current / outdated / missing / orphan, with what
## changed in the English page (EDITING.md, "Translations"). STRICT=1: fail unless all are current.
## RECORD=docs/ar/faq.md: after updating a translation, record the English version it now matches.
translations: install
	$(BIN)/python tools/translations.py $(if $(RECORD),--record $(RECORD)) $(if $(STRICT),--strict)
