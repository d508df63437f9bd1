# Developer commands. `make run` starts the app on the seed article; `make test` runs
# every test. Both install what they need first (Debian packages, then a venv in .venv).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test benchmarks lint clean bundle bundle-smoke install-user uninstall-user startup

run: $(VENV)/.installed-app
	scripts/install-system-deps.sh --window
	$(BIN)/article-lens $(FILE)

test: $(VENV)/.installed-test
	scripts/install-system-deps.sh --desktop
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

benchmarks: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/first_window.py
	$(BIN)/python benchmarks/figures_accuracy.py

lint: $(VENV)/.installed-test
	$(BIN)/lint-imports
	$(BIN)/ruff check .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-app

# -- the installed app (see README "Install") ------------------------------------------------
install-user:
	packaging/linux/install.sh

uninstall-user:
	packaging/linux/uninstall.sh

# A one-folder bundle in dist/article-lens/, built by PyInstaller from a venv where the app is
# installed from a clean copy of the sources (not editable), so that the bundle holds exactly
# what an install holds.
BUNDLE_VENV ?= build/bundle-venv

bundle:
	scripts/install-system-deps.sh --window
	test -x $(BUNDLE_VENV)/bin/python || $(PYTHON) -m venv $(BUNDLE_VENV)
	rm -rf build/bundle-src && mkdir -p build/bundle-src
	tar --exclude=__pycache__ -cf - pyproject.toml README.md desktop resources seeds \
	  | tar -xf - -C build/bundle-src
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade "./build/bundle-src[bundle]"
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/article-lens.spec

bundle-smoke: bundle
	packaging/smoke_bundle.sh dist/article-lens

# Start-up times of the installed app, the bundle and a bare PySide6 window.
startup: $(VENV)/.installed-app
	$(BIN)/python benchmarks/startup.py

clean:
	rm -rf $(VENV) build dist *.egg-info
