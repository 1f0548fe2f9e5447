# Stance Atlas — the two commands:
#   make run    set up (first time) and open the app on the seed set
#   make test   set up (first time) and run lint (ruff, mypy, vulture) + the whole test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean setup native

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,native]"
	touch $(STAMP)

setup: $(STAMP)

# the engine compiled with mypyc (skipped when up to date; plain Python if no compiler or the build fails)
native: $(STAMP)
	@$(PY) tools/build_native.py

run: native
	$(PY) main.py $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy model gui
	$(PY) -m vulture

# the tests require the compiled engine: a failed build fails, and so does the compiled-vs-plain test
test: lint
	@$(PY) tools/build_native.py --strict
	@STANCE_ATLAS_NATIVE=required $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo 'no tests were collected: failing'; exit 1; fi; exit $$rc

bench: native
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build
	rm -f model/*.so model/engine/*.so model/_native.json stance_atlas_native__mypyc*.so
