# Kansrijk — two commands: `make run` and `make test` (see README).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
KR     := $(BIN)/kansrijk
PORT   ?= 8000

# Production-safe settings are the default; these make a developer machine work.
DEV_ENV  := DEBUG=1 DEMO_MODE=1
# `check --deploy` runs against production settings.
PROD_ENV := DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-looking-secret-value-0123456789abcdef \
            ALLOWED_HOSTS=kansrijk.example.org \
            MFA_ENCRYPTION_KEYS=check-deploy-mfa-key-$$(date +%s)-another-long-random-looking-value \
            TAKEUP_ENCRYPTION_KEYS=check-deploy-takeup-key-$$(date +%s)-a-third-long-random-looking-value

.PHONY: run test install install-test static migrate reference demo serve lint typecheck imports migrations-check deploy-check \
        pytest chromium openapi messages clean

run: install static migrate reference demo serve

test: install-test chromium static lint typecheck imports migrations-check deploy-check pytest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

kansrijk/static/vendor/.built: node_modules/.package-lock.json scripts/build-static.mjs
	node scripts/build-static.mjs
	touch $@

static: kansrijk/static/vendor/.built

# `migrate` also creates the database cache table (`kansrijk_cache`): without REDIS_URL the
# login lockout counts there, shared by every worker process (ADR 0009).
migrate: install
	$(DEV_ENV) $(KR) migrate --no-input -v 0

# The national funds and their criteria: every install needs them, demo or not (ADR 0016).
reference: install
	$(DEV_ENV) $(KR) load-reference

demo: install
	$(DEV_ENV) $(KR) demo

serve: install
	@echo "Kansrijk draait op http://localhost:$(PORT) — stop met Ctrl+C."
	$(DEV_ENV) $(KR) runserver 0.0.0.0:$(PORT)

# Browser tests need Debian's chromium (Playwright's own browser download does not work offline).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-test
	$(DEV_ENV) $(BIN)/mypy kansrijk config

imports: install-test
	$(BIN)/lint-imports --no-cache

migrations-check: install-test
	$(DEV_ENV) $(KR) makemigrations --check --dry-run

deploy-check: install-test
	$(PROD_ENV) $(KR) check --deploy --fail-level WARNING

pytest: install-test static
	bash scripts/pytest.sh

openapi: install
	$(DEV_ENV) $(KR) spectacular --file docs/api/openapi.yaml --validate

messages: install
	cd kansrijk && $(DEV_ENV) ../$(KR) makemessages -l en --no-obsolete --ignore 'static/*' && $(DEV_ENV) ../$(KR) compilemessages -l en

clean:
	rm -rf $(VENV) node_modules kansrijk/static/vendor staticfiles kansrijk.sqlite3*
