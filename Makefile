# The two commands of the README's quick start: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debug is on only for the local development server started by `make run`.
RUN_ENV := DJANGO_DEBUG=1

.PHONY: run test lint bench install install-dev install-bench lock css clean screenshots

# Installs come from the lock files in requirements/ (exact versions and hashes, made by `make lock`) through
# uv, which installs them about ten times faster than pip.
UV := $(BIN)/uv
UV_INSTALL := $(UV) pip install --quiet --python $(BIN)/python

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==0.13.9"

# Reinstall only when a lock file changes.
$(VENV)/.installed: requirements/main.txt | $(BIN)/python
	$(UV_INSTALL) --require-hashes -r requirements/main.txt
	$(UV_INSTALL) --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt $(VENV)/.installed
	$(UV_INSTALL) --require-hashes -r requirements/dev.txt
	touch $@

$(VENV)/.installed-bench: requirements/bench.txt $(VENV)/.installed
	$(UV_INSTALL) --require-hashes -r requirements/bench.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-bench: $(VENV)/.installed-bench

run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_content
	$(RUN_ENV) $(BIN)/python manage.py publish_release --first --note "The shipped content pack"
	$(RUN_ENV) $(BIN)/python manage.py ensure_local_admin
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# The whole suite, on both cores (pytest-xdist), on SQLite or on DATABASE_URL's database.
test: install-dev
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Re-pin every dependency after changing pyproject.toml (keeps the pins already chosen where they still fit).
lock: $(BIN)/python
	$(UV) pip compile --quiet pyproject.toml --python-version 3.11 --generate-hashes -o requirements/main.txt
	$(UV) pip compile --quiet pyproject.toml --python-version 3.11 --generate-hashes --group dev -o requirements/dev.txt
	$(UV) pip compile --quiet pyproject.toml --python-version 3.11 --generate-hashes --group bench -o requirements/bench.txt

# The load benchmark (README, "Benchmark"): gunicorn on PostgreSQL driven by locust; prints figures and targets.
bench: install-bench
	$(BIN)/python scripts/bench.py

# Rebuild the trimmed Bootstrap after using a Bootstrap class no template used before (needs Node's npx).
css: install
	$(BIN)/python scripts/build_bootstrap_subset.py

# Full-page PNGs of every public page at 390 and 1280 px in screenshots/, for a design review (Chromium at
# /usr/bin/chromium). SCREENSHOTS_ARGS="--base-url http://127.0.0.1:8000" photographs a running site instead.
screenshots: install-dev
	$(BIN)/python scripts/screenshots.py $(SCREENSHOTS_ARGS)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
