# The two commands of the README's quick start: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debug is on only for the local development server started by `make run`.
RUN_ENV := DJANGO_DEBUG=1

.PHONY: run test bench install install-dev install-bench css clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"

# Reinstall only when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e . --group dev
	touch $@

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e . --group bench
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-bench: $(VENV)/.installed-bench

run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_content
	$(RUN_ENV) $(BIN)/python manage.py ensure_local_admin
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The load benchmark (README, "Benchmark"): gunicorn on PostgreSQL driven by locust; prints figures and targets.
bench: install-bench
	$(BIN)/python scripts/bench.py

# Rebuild the trimmed Bootstrap after using a Bootstrap class no template used before (needs Node's npx).
css: install
	$(BIN)/python scripts/build_bootstrap_subset.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
