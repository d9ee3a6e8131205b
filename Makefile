# desaonline: `make run` (everything on the embedded default) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 5000
export FLASK_APP := wsgi

.PHONY: install system-deps migrate demo run web worker test test-postgres bench bench-deps screenshots clean

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

# Benchmarks (bench/): all, or one with BENCH=skala. The scale benchmark needs PostgreSQL,
# Redis and wrk, the instruction counts valgrind: started / installed here as .ci/run and
# system-deps do.
BENCH ?=
BENCH_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/postgres
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/0
export BENCH_DATABASE_URL BENCH_REDIS_URL
bench: install bench-deps
	$(BIN)/python -m bench $(BENCH)

bench-deps:
	@if ! command -v wrk >/dev/null || ! command -v valgrind >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk valgrind >/dev/null; \
	fi
	@pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || \
	  pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start || true
	@redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || \
	  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true

# Refresh docs/screenshots/ from the browser journey (real gunicorn, worker, Chromium).
screenshots: install system-deps
	SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/browser/test_journey.py tests/browser/test_kabupaten.py -q

clean:
	rm -rf $(VENV) instance .pytest_cache
