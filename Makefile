# Run `make help` for the list of targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
ADDR ?= 127.0.0.1:8000
PROD_CHECK_ENV := DJANGO_SETTINGS_MODULE=learning_network.settings.production \
	SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-value-for-the-deploy-check-only \
	ALLOWED_HOSTS=learning-network.example DATABASE_URL=postgres://postgres@127.0.0.1:5432/x

.PHONY: help run install test check lint format assets serve-production clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Install everything into .venv

run: install ## Install, migrate, seed demo content and run the site on http://127.0.0.1:8000 (SQLite)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(ADDR)

test: install ## Run the whole test suite (PostgreSQL, and chromium for browser tests)
	./scripts/ensure-test-services.sh
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest $(PYTEST_ARGS)

check: install ## Django checks, missing migrations, the production deploy check and collectstatic
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(PROD_CHECK_ENV) $(PY) manage.py check --deploy --fail-level WARNING
	root=$$(mktemp -d) && trap 'rm -rf "$$root"' EXIT && \
		$(PROD_CHECK_ENV) STATIC_ROOT=$$root $(PY) manage.py collectstatic --noinput --verbosity 0

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## ruff fix and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

assets: ## Rebuild GOV.UK Frontend into learning_network/static/govuk (needs npm)
	cd frontend && npm ci && npm run build

serve-production: install ## Collect static files and serve with gunicorn (set the production variables first)
	DJANGO_SETTINGS_MODULE=learning_network.settings.production $(PY) manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=learning_network.settings.production $(VENV)/bin/gunicorn learning_network.wsgi --bind $(ADDR) --workers 3 --access-logfile -

clean: ## Remove the virtualenv, SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles media-test
