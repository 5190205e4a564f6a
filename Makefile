# Two commands for a new user: `make run` and `make test`. Each sets up .venv by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint setup clean messages system-graphviz editor-language-server system-chromium

run: $(STAMP)
	$(BIN)/pohon validate data/dinsos_mamuju.yaml
	$(BIN)/pohon render data/dinsos_mamuju.yaml --out build/ --format svg,png

# The whole suite, slow tests too, in a process per core (pytest-xdist); a plain
# `.venv/bin/pytest` runs in one process, as a debugger or `-s` needs.
test: $(STAMP) lint system-graphviz editor-language-server system-chromium
	$(BIN)/pytest -q -n auto --dist loadfile

# The tests of `--engine dot` need a system Graphviz. Install Debian's where we can (root
# with apt-get, as in CI); elsewhere those tests skip with a reason. Never fails the target.
system-graphviz:
	@command -v dot >/dev/null 2>&1 || \
		{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		  apt-get update -qq && \
		  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends graphviz >/dev/null; } || \
		echo "no system Graphviz (dot): the --engine dot tests will be skipped"

# tests/test_browser.py opens the rendered site in Debian's headless Chromium (driven by
# Playwright, whose own browser download is never used). Installed with apt where we can
# (root, as in CI); elsewhere that test skips with the reason. Never fails the target.
system-chromium:
	@[ -x /usr/bin/chromium ] || \
		{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		  apt-get update -qq && \
		  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; } || \
		echo "no Chromium (/usr/bin/chromium): the browser test will be skipped"

# The editor-schema tests ask the YAML language server itself (what VS Code's YAML extension
# runs) about docs/pohon.schema.json. Installed with npm where npm exists; elsewhere those
# tests skip with a reason. Never fails the target.
YLS := $(VENV)/yaml-language-server
editor-language-server: $(STAMP)
	@[ -d $(YLS)/node_modules/yaml-language-server ] || \
		{ command -v npm >/dev/null 2>&1 && npm install --silent --no-save --no-audit --no-fund \
		  --prefix $(YLS) yaml-language-server@1.25.0 vscode-languageserver-textdocument@1.0.16 \
		  vscode-uri@3.2.0 >/dev/null; } || \
		echo "no npm: the YAML language server tests will be skipped"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

setup: $(STAMP)

# The message catalogues (docs/architecture.md, "A new message"): extract every `_()`,
# `N_()`, `ngettext()` and `NP_()` (a report word, its key as context) of src/pohon, merge them into each language's .po (a new message
# comes in with an empty msgstr to fill in, a changed one marked fuzzy with its old
# translation to check), drop the messages no longer in the code, and compile the .mo that
# pohon reads. tests/test_messages.py fails until every message is translated and compiled.
LOCALE := src/pohon/core/locale
messages: $(STAMP)
	@mkdir -p build
	$(BIN)/pybabel -q extract -F babel.cfg -k NP_:1c,2 --sort-by-file --add-location=file \
		--no-wrap --project=pohon --copyright-holder="pohon" -o build/pohon.pot .
	$(BIN)/pybabel -q update -i build/pohon.pot -d $(LOCALE) -D pohon \
		-l id --init-missing --no-wrap --ignore-obsolete --previous
	$(BIN)/pybabel -q compile -d $(LOCALE) -D pohon --statistics

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "pohon needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
