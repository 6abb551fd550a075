# The two commands a newcomer types: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/regional-bank.toml

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/policy-tui $(EXAMPLE)

test: $(STAMP)
	$(BIN)/python -m pytest

# The model and the exporters are held to --strict; tui/ is type-checked by mypy's default
# rules, as Textual's own annotations are looser than ours.
lint: $(STAMP)
	$(BIN)/ruff check policy_model exporters tui tests benchmarks
	$(BIN)/mypy --strict
	$(BIN)/mypy tui

bench: $(STAMP)
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
