# analystkit — the two commands on a fresh machine:
#   make report   run the curated notebooks over data/articles into reports/ (HTML, offline)
#   make test     unit tests, then the notebooks under strict nbval
# Both create .venv and install the exact versions in requirements.lock first.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.analystkit-installed
ARTICLES ?= data/articles
REPORTS  ?= reports
# Notebooks compare outputs; a fixed hash seed keeps set/dict orders stable.
export PYTHONHASHSEED := 0
# The row cache lives in the checkout (git-ignored): tests and reports start from what
# this clone extracted, and the notebooks reuse the unit tests' extraction.
export ANALYSTKIT_CACHE ?= $(CURDIR)/.analystkit-cache

.PHONY: install report test test-fast test-unit test-notebooks notebooks evaluate bench lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

report: install
	$(BIN)/analystkit report $(ARTICLES) --out $(REPORTS)

test: install test-unit test-notebooks

# The quick lane for day-to-day work (under a minute): no corpus extraction, processes or browser.
test-fast: install
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not slow and not browser" tests

test-unit: install
	$(BIN)/python -m pytest -q -p no:cacheprovider tests

# Progress bars off: nbval compares outputs, and a bar is not one.
test-notebooks: install
	cd notebooks && ANALYSTKIT_PROGRESS=off ../$(BIN)/python -m pytest -q -p no:cacheprovider --nbval --nbval-current-env \
		--nbval-sanitize-with ../tests/nbval_sanitize.cfg *.ipynb

# Re-execute the notebooks in place (after a change to the kit), top to bottom, fresh kernel.
notebooks: install
	cd notebooks && for nb in [0-9][0-9]_*.ipynb; do \
		ANALYSTKIT_PROGRESS=off ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace "$$nb" || exit 1; done

evaluate: install
	$(BIN)/python -m analystkit.evaluate.foundation
	$(BIN)/python -m analystkit.evaluate.sourcing
	$(BIN)/python -m analystkit.evaluate.hedging
	$(BIN)/python -m analystkit.evaluate.actors
	$(BIN)/python -m analystkit.evaluate.integrity

# Speed, memory, scaling, jobs and cache over the White House 2022 corpus (see benchmarks/README.md).
bench: install
	$(BIN)/python benchmarks/bench.py --n 200

# Regenerate the lock from the current environment (after changing dependencies).
lock:
	$(BIN)/python -m pip freeze --all --exclude pip --exclude-editable --disable-pip-version-check | grep -v '^analystkit' > requirements.lock

clean:
	rm -rf $(REPORTS) .pytest_cache .analystkit-cache test-artifacts
