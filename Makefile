# Two commands on a fresh Linux machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run demo test lint translations bench clean

$(STAMP): pyproject.toml setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# exit status 2: no display, already said in one line by main.py
run: $(STAMP)
	@$(PY) main.py $(ARGS) || [ $$? -eq 2 ]

demo: $(STAMP)
	@$(PY) main.py --demo $(ARGS) || [ $$? -eq 2 ]

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

LINTED := console tests main.py bench tools

lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

translations: $(STAMP)
	$(PY) tools/translations.py update
	$(PY) tools/translations.py check

clean:
	rm -rf $(VENV) .pytest_cache
