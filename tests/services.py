"""The real services the deployment tests use: PostgreSQL, Redis, a web server, a worker.

Outside CI a missing service skips the tests that need it; in CI (CI=true) it fails
them, so a green CI really ran against PostgreSQL and Redis.
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"


def service_missing(what):
    if IN_CI:
        pytest.fail(f"{what} is required in CI but is not available", pytrace=False)
    pytest.skip(f"{what} not available")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"port {port} did not open")


def wait_for_log(path, text, proc, timeout=120):
    """Until ``text`` appears in a process's log (a worker saying it is ready, or that it
    ran a task: work that happens in another process); fails at once if the process died."""
    deadline = time.monotonic() + timeout
    while True:
        log = path.read_text(errors="replace") if path.exists() else ""
        if text in log:
            return log
        if proc.poll() is not None:
            raise AssertionError(f"process exited with {proc.returncode}:\n{log[-3000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} not in {path.name} after {timeout} s:\n{log[-3000:]}")
        time.sleep(0.2)


def create_postgres_database(base_url):
    """A fresh, uniquely named database on the server of ``base_url``; returns its URL."""
    import psycopg
    name = f"desaonline_test_{uuid.uuid4().hex[:10]}"
    admin_url = base_url.replace("postgresql+psycopg://", "postgresql://")
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as err:
        service_missing(f"PostgreSQL ({err})")
    return admin_url.rsplit("/", 1)[0] + "/" + name, name


def drop_postgres_database(base_url, name):
    import psycopg
    admin_url = base_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def check_redis(url):
    import redis
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.exceptions.RedisError as err:
        service_missing(f"Redis ({err})")


def deployment_env(*, database_url, redis_url, storage_dir, workdir, name, **extra):
    """The environment of a test deployment's processes, as an operator would set it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESAONLINE_", "CELERY_"))}
    env.pop("REDIS_URL", None)
    env.update({
        "DESAONLINE_CONFIG": "development",
        "DATABASE_URL": database_url,
        "BASE_DOMAIN": "localhost",
        "SECRET_KEY": f"{name}-secret",
        "STORAGE_DIR": str(storage_dir),
        "INSTANCE_DIR": str(workdir),
        "CELERY_QUEUE": f"desaonline-{name}",
        "RATELIMIT_KEY_PREFIX": name,
        **({"REDIS_URL": redis_url} if redis_url else {}),
        **extra,
    })
    return env


def klon_segar(tujuan):
    """A fresh clone of this repository in ``tujuan``, as a kabupaten's server gets it: HEAD
    plus the working tree's uncommitted changes and new files (a run before a commit tests
    what would be committed), and nothing else: no instance/, no .venv, nothing ignored."""
    def git(*args, cwd=ROOT, **kw):
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, **kw).stdout
    head = git("rev-parse", "HEAD").decode().strip()
    git("clone", "--quiet", "--no-checkout", "--no-hardlinks", str(ROOT), str(tujuan))
    git("checkout", "--quiet", "--detach", head, cwd=tujuan)
    perubahan = git("diff", "HEAD", "--binary")
    if perubahan.strip():
        git("apply", "--whitespace=nowarn", cwd=tujuan, input=perubahan)
    for nama in git("ls-files", "--others", "--exclude-standard", "-z").decode().split("\0"):
        if nama:
            (tujuan / nama).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / nama, tujuan / nama)
    return tujuan


class Deployment:
    """A real web server (gunicorn) and a real Celery worker on the test database.

    ``root``: the checkout the processes run from (a fresh clone, or this one)."""

    def __init__(self, env, workdir, root=ROOT, web_workers=2):
        self.env, self.workdir, self.root, self.web_workers = env, workdir, root, web_workers
        self.port = free_port()
        self.web = None
        self.workers = []

    @property
    def base_domain(self):
        return self.env["BASE_DOMAIN"]

    def url(self, host, path="/"):
        return f"http://{host}:{self.port}{path}"

    def start_web(self):
        log = open(self.workdir / "web.log", "ab")
        self.web = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app", "-b", f"127.0.0.1:{self.port}",
             "--workers", str(self.web_workers), "--threads", "4", "--timeout", "120"],
            cwd=self.root, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        wait_for_port(self.port, self.web)

    def start_worker(self, concurrency=1, env=None):
        """A worker; ``env`` gives it an environment of its own (another machine's)."""
        log = open(self.workdir / f"worker{len(self.workers)}.log", "ab")
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "celery_app", "worker", "--loglevel", "INFO",
             "--concurrency", str(concurrency), "--pool", "prefork", "-n", f"w{uuid.uuid4().hex[:6]}@%h"],
            cwd=self.root, env=env or self.env, stdout=log, stderr=subprocess.STDOUT)
        self.workers.append(proc)
        return proc

    def flask(self, *args):
        """``flask --app wsgi ...`` in this deployment's checkout and environment; its output."""
        hasil = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *args], cwd=self.root, env=self.env,
                               capture_output=True, text=True, timeout=300)
        assert hasil.returncode == 0, hasil.stdout + hasil.stderr
        return hasil.stdout

    def stop(self):
        for proc in [self.web, *self.workers]:
            if proc is not None and proc.poll() is None:
                proc.terminate()
        for proc in [self.web, *self.workers]:
            if proc is not None:
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()


class S3Lokal:
    """moto's S3-compatible server (``moto_server``) on a free port of 127.0.0.1: the
    bucket the object-storage tests and deployments use, spoken to by boto3 as any
    S3 (MinIO, Ceph, a cloud) would be."""

    KUNCI, RAHASIA = "desaonline-test", "desaonline-test-secret"

    def __init__(self, workdir):
        self.workdir = workdir
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self):
        try:
            import moto.server  # noqa: F401
        except ImportError:
            service_missing("moto[server] (requirements-dev.txt)")
        log = open(self.workdir / "moto.log", "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                                     cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT)
        wait_for_port(self.port, self.proc)
        return self

    def klien(self):
        import boto3
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id=self.KUNCI, aws_secret_access_key=self.RAHASIA)

    def bucket_baru(self):
        nama = f"desaonline-{uuid.uuid4().hex[:10]}"
        self.klien().create_bucket(Bucket=nama)
        return nama

    def isi(self, bucket):
        """Every key in the bucket."""
        halaman = self.klien().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return {o["Key"] for h in halaman for o in h.get("Contents", [])}

    def env(self, bucket, prefix):
        """The environment a deployment's processes get to keep their files in ``bucket``."""
        return {"STORAGE_URL": f"s3://{bucket}/{prefix}", "S3_ENDPOINT_URL": self.endpoint,
                "AWS_ACCESS_KEY_ID": self.KUNCI, "AWS_SECRET_ACCESS_KEY": self.RAHASIA}

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
