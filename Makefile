# desaonline: `make run` (everything on the embedded default) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
export FLASK_APP := wsgi

.PHONY: install system-deps migrate demo run web worker test test-postgres bench screenshots clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Debian packages the tests use: Chromium (browser tests) and poppler's pdfsig.
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdfsig >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils fonts-dejavu-core >/dev/null; \
	fi

migrate: install
	$(BIN)/flask db upgrade

demo: migrate
	PORT=$(PORT) $(BIN)/flask demo

# Web server and a Celery worker (with its beat for the sweeper) on SQLite and
# kombu's SQLAlchemy broker: no server to install. Ctrl-C stops both.
run: demo
	@echo "Portal:      http://desaonline.localhost:$(PORT)/"
	@echo "Desa Klirong: http://klirong.kec-klirong.localhost:$(PORT)/"
	@$(BIN)/celery -A celery_app worker --beat --loglevel INFO --concurrency 2 & \
	 WORKER=$$!; trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	 $(BIN)/flask run --host 127.0.0.1 --port $(PORT)

test: install system-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m bench

# Refresh docs/screenshots/ from the browser journey (real gunicorn, worker, Chromium).
screenshots: install system-deps
	SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/browser/test_journey.py -q

clean:
	rm -rf $(VENV) instance .pytest_cache
