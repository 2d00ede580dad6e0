# communique: the commands a user and CI run. Everything installs into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test eval eval-sample bench lint clean

# setup.py compiles communique/quotes.py: a change to it reinstalls (and recompiles)
$(STAMP): pyproject.toml setup.py communique/quotes.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# the dependencies first: compiling the attribution finder reads spaCy's types
	COMMUNIQUE_PURE=1 $(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@$(BIN)/python -c 'from communique import quotes as q; print("communique.quotes:", \
		"Python source" if q.__file__.endswith(".py") else "compiled")'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/communique analyze examples/talks_article.txt --published 2025-06-14 --outlet example-news.org --format text

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python -m eval.run

eval-sample: install
	$(BIN)/python -m eval.run --sample

# Pipeline speed against spaCy, then the corpus store (ingest, linking, queries; issue 7).
# The first run builds the synthetic stores under bench/cache/; BENCH_ARGS=--quick for small sizes.
bench: install
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.corpus $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check communique eval bench tests setup.py
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
	rm -f communique/*.so
