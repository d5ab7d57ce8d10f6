# make book : create .venv, install, build the site into _build/html
# make test : create .venv, install, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,book]"
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . --path-output . --warningiserror --keep-going
	@echo "The site is built: open $(CURDIR)/_build/html/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/grade_speed.py
	$(BIN)/python bench/heldout_agreement.py

clean:
	rm -rf _build $(VENV) dist build
