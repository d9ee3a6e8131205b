"""Deployments started from a fresh clone with only the environment the README names:
no instance/ directory, no REDIS_URL (the embedded broker), and two deployments from
one checkout that must not share a queue."""
import os
import sqlite3
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import create_engine, text

from tests.services import (Deployment, create_postgres_database, drop_postgres_database, klon_segar,
                            wait_for_log)

pytestmark = pytest.mark.deploy


@pytest.fixture(scope="module")
def klon(tmp_path_factory):
    return klon_segar(tmp_path_factory.mktemp("klon") / "desaonline")


@pytest.fixture
def database_baru(database_url, tmp_path):
    """A database of its own per deployment, of the kind the run tests: a SQLite file in a
    directory nobody created yet, or a new PostgreSQL database."""
    dibuat = []

    def baru(nama):
        if database_url.startswith("sqlite"):
            return f"sqlite:///{tmp_path / nama / 'data' / 'desaonline.sqlite'}"
        url, db = create_postgres_database(os.environ["TEST_DATABASE_URL"])
        dibuat.append(db)
        return url
    yield baru
    for db in dibuat:
        drop_postgres_database(os.environ["TEST_DATABASE_URL"], db)


def _lingkungan(database_url, **extra):
    """Only what an operator of the kabupaten sets: no INSTANCE_DIR, no queue name, no Redis."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DESAONLINE_", "CELERY_", "TEST_", "BENCH_", "RATELIMIT_"))
           and k not in ("REDIS_URL", "DATABASE_URL", "SECRET_KEY", "STORAGE_DIR", "INSTANCE_DIR", "CI")}
    return {**env, "DATABASE_URL": database_url, "SECRET_KEY": uuid.uuid4().hex, **extra}


def _deployment(klon, tmp_path, nama, database_url):
    workdir = tmp_path / f"log-{nama}"
    workdir.mkdir()
    dep = Deployment(_lingkungan(database_url), workdir, root=klon)
    dep.flask("db", "upgrade")
    return dep


def _kirim_tugas(dep):
    """Send the sweeper task by name, as the web side sends tasks; its id."""
    hasil = subprocess.run(
        [sys.executable, "-c", "from celery_app import celery_app as c; "
         "print(c.send_task('workers.surat.sapu_surat_macet').id)"],
        cwd=dep.root, env=dep.env, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    return hasil.stdout.strip().splitlines()[-1]


def _pesan_menunggu(dep):
    """Messages waiting in a deployment's embedded broker (beside its database)."""
    url = dep.env["DATABASE_URL"]
    if url.startswith("sqlite"):
        broker = url.removeprefix("sqlite:///").replace("desaonline.sqlite", "desaonline-broker.sqlite")
        with sqlite3.connect(broker) as conn:
            return conn.execute("SELECT count(*) FROM kombu_message WHERE visible").fetchone()[0]
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM kombu_message WHERE visible")).scalar()
    finally:
        engine.dispose()


def test_the_worker_of_a_fresh_clone_starts_with_only_database_url_and_secret_key(
        klon, tmp_path, database_baru):
    assert not (klon / "instance").exists()
    dep = _deployment(klon, tmp_path, "satu", database_baru("satu"))
    try:
        worker = dep.start_worker()
        wait_for_log(dep.workdir / "worker0.log", "ready.", worker)
        tugas = _kirim_tugas(dep)
        wait_for_log(dep.workdir / "worker0.log", f"[{tugas}] succeeded", worker)
    finally:
        dep.stop()


def test_two_deployments_from_one_checkout_keep_their_own_queue(klon, tmp_path, database_baru):
    a = _deployment(klon, tmp_path, "a", database_baru("a"))
    b = _deployment(klon, tmp_path, "b", database_baru("b"))
    try:
        tugas_b = _kirim_tugas(b)  # first in line, were the queue shared
        assert _pesan_menunggu(b) == 1
        worker_a = a.start_worker()
        tugas_a = _kirim_tugas(a)
        log_a = wait_for_log(a.workdir / "worker0.log", f"[{tugas_a}] succeeded", worker_a)
        assert tugas_b not in log_a
        assert _pesan_menunggu(b) == 1 and _pesan_menunggu(a) == 0

        worker_b = b.start_worker()
        wait_for_log(b.workdir / "worker0.log", f"[{tugas_b}] succeeded", worker_b)
        assert tugas_a not in (b.workdir / "worker0.log").read_text()
    finally:
        a.stop()
        b.stop()
