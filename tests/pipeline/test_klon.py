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


WARGA_CSV = (
    "nik,no_kk,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,agama,status_perkawinan,pekerjaan,"
    "hubungan_keluarga,alamat,rt,rw,dusun\n"
    "3305051703850001,3305050101200001,SUGENG RIYADI,Kebumen,1985-03-17,L,ISLAM,KAWIN,PETANI,"
    "KEPALA KELUARGA,Jl. Melati 1,001,002,Krajan\n"
    "3305055208880002,3305050101200001,SITI MARYAM,Kebumen,1988-08-12,P,ISLAM,KAWIN,PEDAGANG,"
    "ISTRI,Jl. Melati 1,001,002,Krajan\n"
).encode()


def test_a_fresh_clone_deployed_as_the_readme_says_signs_a_letter_of_a_desa_made_through_the_api(
        klon, tmp_path, database_baru, redis_url, pki_uji):
    """fresh clone, ``flask db upgrade``, ``gunicorn -w 3``, a worker; then only the API:
    a desa is created and its operator logs in at once, residents are imported, a
    resident submits, the operator approves and the resident downloads the signed PDF."""
    from types import SimpleNamespace

    from tests.signing.alur import Alur, lewat_http
    from tests.signing.conftest import SANDI
    from tests.signing.validasi import sah
    nama = f"klon-{uuid.uuid4().hex[:8]}"
    # With Redis the server is shared by every run on this machine: the environment names
    # this deployment's queue and limiter keys, as docs/api.md says to.
    bersama = {"REDIS_URL": redis_url, "CELERY_QUEUE": nama, "RATELIMIT_KEY_PREFIX": nama} if redis_url else {}
    workdir = tmp_path / "log"
    workdir.mkdir()
    dep = Deployment(_lingkungan(database_baru("kabupaten"), BASE_DOMAIN="localhost", **bersama), workdir,
                     root=klon, web_workers=3)
    dep.flask("db", "upgrade")
    dep.flask("admin", "create", "--username", "admin", "--password", "rahasia-admin")
    try:
        dep.start_web()
        dep.start_worker()
        portal = lewat_http(dep, "desaonline.localhost")
        admin = portal("post", "/api/v1/admin/login", json={"username": "admin", "password": "rahasia-admin"})
        assert admin.status == 200, admin.body
        admin = admin.json["token"]
        assert portal("post", "/api/v1/admin/kecamatan", admin,
                      json={"slug": "kec-klirong", "nama": "Klirong", "kode": "33.05.05"}).status == 201
        desa = portal("post", "/api/v1/admin/desa", admin, json={
            "kecamatan": "kec-klirong", "slug": "sidomulyo", "nama": "Sidomulyo", "kode": "33.05.05.2001",
            "wa_operator": "081227000101"})
        assert desa.status == 201, desa.body
        assert portal("post", f"/api/v1/admin/desa/{desa.json['id']}/operator", admin,
                      json={"username": "operator", "password": "rahasia-operator"}).status == 201

        situs = lewat_http(dep, desa.json["host"])
        masuk = situs("post", "/api/v1/operator/login", json={"username": "operator", "password": "rahasia-operator"})
        assert masuk.status == 200, masuk.body  # at once, on whichever of the three workers takes it
        a = Alur(situs, None, SimpleNamespace(slug="sidomulyo"))
        a._op = masuk.json["token"]
        assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
        impor = situs("post", "/api/v1/operator/penduduk/impor", a.op, berkas={"file": ("warga.csv", WARGA_CSV)})
        assert impor.status == 200 and impor.json["dibuat"] == 2, impor.body

        warga = situs("post", "/api/v1/mandiri/login", json={
            "nik": "3305051703850001", "pin": "19850317", "no_kk": "3305050101200001"})
        assert warga.status == 200 and warga.json["wajib_ganti_pin"], warga.body
        token = warga.json["token"]
        assert situs("post", "/api/v1/mandiri/ganti-pin", token,
                     json={"pin_lama": "19850317", "pin_baru": "583920"}).status == 204
        surat_id = a.surat_diajukan(token, keperluan="Melamar pekerjaan")
        assert a.setujui(surat_id).json["status"] == "diproses"
        data = a.tunggu_status(surat_id, token, ("selesai", "gagal"), batas=120)
        assert data["status"] == "selesai", (data, (workdir / "worker0.log").read_text()[-3000:])
        sah(a.pdf(surat_id, token), pki_uji.ca)
    finally:
        dep.stop()


def test_gunicorn_as_the_readme_runs_it_imports_the_app_before_it_opens_the_port(klon, tmp_path, database_baru):
    """Otherwise the port opens first and each worker imports the app on its own: on a
    loaded machine the first requests wait for that, and time out. The master has the
    app's own native libraries (argon2's binding) mapped by the time the port answers."""
    workdir = tmp_path / "log"
    workdir.mkdir()
    dep = Deployment(_lingkungan(database_baru("satu")), workdir, root=klon, web_workers=1)
    dep.flask("db", "upgrade")
    try:
        dep.start_web()
        peta = open(f"/proc/{dep.web.pid}/maps").read()
        assert "_argon2_cffi_bindings" in peta
    finally:
        dep.stop()
