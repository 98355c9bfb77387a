# Two commands do all the set-up on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install report test eval lab bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src >/dev/null  # pip compiles site-packages only; the source is installed editable
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m compileall -q src >/dev/null
	$(BIN)/analysis report data/articles/iscr-2024.txt --out reports

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python tools/eval_sets.py

$(VENV)/.lab-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,lab]'
	touch $@

lab: $(VENV)/.lab-installed
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python -m compileall -q src >/dev/null
	for b in benchmarks/bench_*.py; do $(BIN)/python "$$b" || exit 1; done

clean:
	rm -rf $(VENV) reports/*.html
