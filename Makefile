# make book : create .venv, install, build the site into _build/html
# make test : create .venv, install, build the site, run the whole test suite
# make lab  : open the course notebooks in JupyterLab (live practice boxes)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: book test bench clean browser-deps pg-deps lab exercises demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,book,course]"
	touch $(STAMP)

# The notebook cache is keyed on the notebooks alone: their output also depends on the
# package (widgets, rubrics, lexicons), so a change there clears the cache and makes
# Sphinx read every page again.
PACKAGE_FILES := $(shell find src/carecourse -type f \( -name '*.py' -o -name '*.yaml' -o -name '*.html' -o -name '*.css' -o -name '*.mjs' -o -name '*.js' -o -name '*.json' -o -name '*.txt' \))
_build/.package-stamp: $(PACKAGE_FILES)
	rm -rf _build/.jupyter_cache _build/.doctrees
	mkdir -p _build && touch $@

book: $(STAMP) _build/.package-stamp
	$(BIN)/jupyter-book build . --path-output . --warningiserror --keep-going
	@echo "The site is built: open $(CURDIR)/_build/html/index.html"

# Test files run side by side (one file's tests stay together in one worker, so a module's
# released course or browser is made once): about half the wall time of a serial run.
# The 20 slowest steps are listed at the end, to keep CI well under its 30 minutes.
test: book browser-deps node-deps pg-deps
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadfile --durations=20

# Debian's Chromium and CJK fonts for the browser tests (never a downloaded browser build).
browser-deps:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# Debian's PostgreSQL server for the tests' private gradebook server (tests/postgres.py finds
# initdb and pg_ctl on PATH or in /usr/lib/postgresql/<version>/bin, where Debian puts them).
pg-deps:
	@if command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	fi

# Node and npm (Debian's, only where `node` is missing), then the npm packages of
# package-lock.json (axe-core, for the browser tests' accessibility audit); npm ci runs
# again only when package-lock.json is newer than what it installed.
.PHONY: node-deps
node-deps: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json package.json
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	else \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	npm ci --no-audit --no-fund
	@touch $@

# The labs get a venv of their own with the [lab] extra alone (JupyterLab, ipywidgets):
# none of the site's, the tests' or the trainer's tools, so no nbgrader menus for learners.
LAB_VENV  := .venv-lab
LAB_STAMP := $(LAB_VENV)/.installed
$(LAB_STAMP): pyproject.toml
	$(PYTHON) -m venv $(LAB_VENV)
	$(LAB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LAB_VENV)/bin/pip install --quiet -e ".[lab]"
	touch $(LAB_STAMP)

lab: $(LAB_STAMP)
	$(LAB_VENV)/bin/jupyter lab book/m4-lab.ipynb

# What learners get to run the labs on their own computers: the package's wheel, the lab
# notebooks and a Makefile of their own (autograder/learner-kit/), never this checkout, which
# holds the exercises' keys and solutions and the corpus's test part.
KIT ?= _build/carecourse-lab
.PHONY: learner-kit
learner-kit: $(STAMP)
	rm -rf $(KIT) build && mkdir -p $(KIT)/book
	$(BIN)/python -m pip wheel --quiet --no-deps -w $(KIT) .
	cp book/m*-lab.ipynb $(KIT)/book/
	cp autograder/learner-kit/Makefile autograder/learner-kit/README.md $(KIT)/
	cd $(dir $(KIT)) && rm -f $(notdir $(KIT)).zip && zip -qr $(notdir $(KIT)).zip $(notdir $(KIT))
	@echo "The learner kit: $(KIT).zip"

# The nbgrader source notebooks in exercises/ are written from the assignment files.
exercises: $(STAMP)
	$(BIN)/python -c "from carecourse.assignments.notebook import write_all; write_all('exercises')"

# A sample cohort of 30 learners through the whole trainer workflow (see README).
demo: $(STAMP)
	rm -rf _build/demo-course
	$(BIN)/carecourse demo _build/demo-course

bench: book browser-deps node-deps
	$(BIN)/python bench/grade_speed.py
	$(BIN)/python bench/heldout_agreement.py
	$(BIN)/python bench/validity.py
	$(BIN)/python bench/web_engine.py
	$(BIN)/python bench/web_page.py
	$(BIN)/python bench/edition_build.py

clean:
	rm -rf _build $(VENV) $(LAB_VENV) dist build
