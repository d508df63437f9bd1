# Developer commands. `make run` starts the app on the seed article; `make test` runs
# every test. Both install what they need first (Debian packages, then a venv in .venv).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test benchmarks lint clean

run: $(VENV)/.installed-app
	scripts/install-system-deps.sh --window
	$(BIN)/article-lens $(FILE)

test: $(VENV)/.installed-test
	scripts/install-system-deps.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

benchmarks: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/first_window.py
	$(BIN)/python benchmarks/figures_accuracy.py

lint: $(VENV)/.installed-test
	$(BIN)/lint-imports

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-app

clean:
	rm -rf $(VENV) build *.egg-info
