# Two set-up commands: `make demo` and `make test`. Both build .venv from the package registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= demo/detente.db

.PHONY: demo test venv bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	mkdir -p demo
	rm -f $(DB) demo/report.html
	$(BIN)/detente analyze examples/corpus --db sqlite:///$(DB) --report demo/report.html || test -s demo/report.html
	@echo "(examples/corpus/bad/ holds deliberately broken files: the errors above are expected)"
	@echo "Report: $(CURDIR)/demo/report.html   (store: $(CURDIR)/$(DB))"

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) demo .pytest_cache
