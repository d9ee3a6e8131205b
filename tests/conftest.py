"""Fixtures: one app from the factory on a fresh database per test run.

``TEST_DATABASE_URL`` picks the database (default: a new SQLite file); a PostgreSQL
URL gets a new, uniquely named database that is dropped afterwards. ``TEST_REDIS_URL``
makes the deployment tests use Redis as broker and limiter storage.
"""
import os
import re
import uuid

import pytest
from sqlalchemy import delete, text

from tests.services import (ROOT, Deployment, check_redis, create_postgres_database, deployment_env,
                            drop_postgres_database)

os.environ.setdefault("DESAONLINE_CONFIG", "testing")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    if not base.startswith("postgres"):
        yield base
        return
    url, name = create_postgres_database(base)
    yield url.replace("postgresql://", "postgresql+psycopg://")
    drop_postgres_database(base, name)


@pytest.fixture(scope="session")
def redis_url():
    url = os.environ.get("TEST_REDIS_URL")
    if url:
        check_redis(url)
    return url


@pytest.fixture(scope="session")
def run_id():
    return uuid.uuid4().hex[:8]


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory, run_id):
    from flask_migrate import upgrade

    from desaonline import create_app
    storage = tmp_path_factory.mktemp("storage")
    app = create_app("testing", {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "STORAGE_DIR": str(storage),
        "BASE_DOMAIN": "localhost",
        "RATELIMIT_KEY_PREFIX": f"test-{run_id}",
        "BSRE_HOST_DESA": frozenset({"127.0.0.1"}),  # the stand-in esign clients listen there
    })
    # In-process tests send tasks to an in-memory broker that nobody consumes, so an
    # approved letter stays "diproses"; the pipeline is tested with a real worker
    # (the ``deployment`` fixture) or by calling the task directly.
    app.extensions["celery"].conf.broker_url = "memory://"
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="heads")  # the schema comes from the migrations
    yield app


@pytest.fixture(autouse=True)
def _clean_database(request):
    """Each test starts from empty tables (only when it used the app)."""
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    from desaonline.extensions import db, limiter
    with app.app_context():
        db.session.rollback()
        if db.engine.dialect.name == "postgresql":
            # The audit log refuses DELETE (a trigger); the suite, as superuser, steps past
            # it for that table alone (other triggers, e.g. the host map's counter, must fire).
            db.session.execute(text("SET LOCAL session_replication_role = replica"))
            db.session.execute(delete(db.metadata.tables["catatan_audit"]))
            db.session.execute(text("SET LOCAL session_replication_role = origin"))
        for table in reversed(db.metadata.sorted_tables):
            if table.name != "tenant_versi":  # the host map's change counter only ever grows
                db.session.execute(delete(table))
        db.session.commit()
        app.extensions["desaonline.hostmap"].clear()
        limiter.reset()


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


@pytest.fixture
def client(app):
    return app.test_client()


class HostClient:
    """A test client bound to one host, as a browser on that desa's site would be."""

    def __init__(self, app, host):
        self.client = app.test_client()
        self.host = host

    def _kw(self, kw):
        kw.setdefault("base_url", f"http://{self.host}")
        return kw

    def get(self, path, **kw):
        return self.client.get(path, **self._kw(kw))

    def post(self, path, **kw):
        return self.client.post(path, **self._kw(kw))

    def put(self, path, **kw):
        return self.client.put(path, **self._kw(kw))

    def patch(self, path, **kw):
        return self.client.patch(path, **self._kw(kw))

    def delete(self, path, **kw):
        return self.client.delete(path, **self._kw(kw))

    def csrf_token(self, path):
        page = self.get(path)
        found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True))
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def submit(self, page_path, data, action=None, **kw):
        """Fill and send the form on ``page_path`` the way a browser does (CSRF included)."""
        data = dict(data, csrf_token=self.csrf_token(page_path))
        return self.post(action or page_path, data=data, **kw)

    def api(self, method, path, token=None, **kw):
        headers = kw.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return getattr(self, method)(path, headers=headers, **kw)


@pytest.fixture
def host_client(app):
    return lambda host: HostClient(app, host)


@pytest.fixture
def portal(app):
    return HostClient(app, "desaonline.localhost")


class Factory:
    """Makes the rows tests need, committed, through the same services the app uses."""

    def __init__(self, app):
        self.app = app
        self._n = 0

    def _next(self):
        self._n += 1
        return self._n

    def kecamatan(self, slug=None, nama=None):
        from desaonline.admin.layanan import buat_kecamatan
        n = self._next()
        with self.app.app_context():
            kec = buat_kecamatan(slug or f"kec-{n}", nama or f"Kecamatan {n}", f"33.{n:02d}.{n:02d}")
            return kec.id, kec.slug, kec.kode

    def kecamatan_kode(self, slug, nama, kode):
        """A kecamatan with a real Kemendagri code (for files that name real codes)."""
        from desaonline.admin.layanan import buat_kecamatan
        with self.app.app_context():
            kec = buat_kecamatan(slug, nama, kode)
            return kec.id, kec.slug, kec.kode

    def desa(self, slug=None, kecamatan=None, nama=None, wa="081234567890"):
        """Returns a DesaRef (id, slug, host) for a new desa, in a new kecamatan unless given."""
        from desaonline.admin.layanan import buat_desa
        kecamatan = kecamatan or self.kecamatan()
        n = self._next()
        slug = slug or f"desa-{n}"
        with self.app.app_context():
            desa = buat_desa(kecamatan[1], slug, nama or slug.replace("-", " ").title(),
                             f"{kecamatan[2]}.{2000 + n}", wa)
            return DesaRef(desa.id, desa.slug, desa.host("localhost"), kecamatan)

    def operator(self, desa, username="operator", password="rahasia-operator"):
        from desaonline.admin.layanan import buat_operator
        from tenants.models import Desa
        from desaonline.extensions import db
        with self.app.app_context():
            buat_operator(db.session.get(Desa, desa.id), username, password)
        return username, password

    def admin(self, username=None, password="rahasia-admin", kecamatan_slug=None):
        from desaonline.admin.layanan import buat_admin
        username = username or f"admin{self._next()}"
        with self.app.app_context():
            buat_admin(username, password, kecamatan_slug)
        return username, password


    def penduduk(self, desa, nik=None, no_kk=None, nama=None, tanggal_lahir="1985-03-17",
                 jenis_kelamin="L", hubungan_keluarga="KEPALA KELUARGA", **extra):
        """A resident (and the KK, created when new); the PIN is still the birth date."""
        from datetime import date

        from sqlalchemy import select

        from desaonline.extensions import db
        from desaonline.penduduk.models import Keluarga, Penduduk
        from tenants import desa_scope
        n = self._next()
        nik = nik or f"3305{desa.id:04d}{n:08d}"[:16]
        no_kk = no_kk or f"33{desa.id:04d}{n:09d}9"
        with self.app.app_context(), desa_scope(desa.id):
            kk = db.session.scalar(select(Keluarga).where(Keluarga.no_kk == no_kk))
            if kk is None:
                kk = Keluarga(no_kk=no_kk, alamat="Jl. Melati 1", rt="001", rw="002", dusun="Krajan")
                db.session.add(kk)
            p = Penduduk(nik=nik, nama=nama or f"Warga {n}", keluarga=kk, tempat_lahir="Kebumen",
                         tanggal_lahir=date.fromisoformat(tanggal_lahir), jenis_kelamin=jenis_kelamin,
                         agama="ISLAM", status_perkawinan="KAWIN", pekerjaan="PETANI",
                         hubungan_keluarga=hubungan_keluarga, **extra)
            db.session.add(p)
            db.session.commit()
            return PendudukRef(p.id, p.nik, no_kk, tanggal_lahir.replace("-", ""), desa)


class PendudukRef:
    def __init__(self, id, nik, no_kk, pin, desa):
        self.id, self.nik, self.no_kk, self.pin, self.desa = id, nik, no_kk, pin, desa


class DesaRef:
    def __init__(self, id, slug, host, kecamatan):
        self.id, self.slug, self.host, self.kecamatan = id, slug, host, kecamatan

    def __repr__(self):
        return f"<DesaRef {self.host}>"


class Tugas:
    """The worker's tasks as the test app's Celery has them (its app context, its
    database), whatever other app a test may have created since."""

    def __init__(self, app):
        import workers.surat  # noqa: F401  (the worker registers its tasks on import, as celery_app does)
        self._tasks = app.extensions["celery"].tasks

    @property
    def proses(self):
        return self._tasks["workers.surat.proses_surat"]

    @property
    def proses_banyak(self):
        return self._tasks["workers.surat.proses_surat_banyak"]

    @property
    def sapu(self):
        return self._tasks["workers.surat.sapu_surat_macet"]


@pytest.fixture
def tugas(app):
    return Tugas(app)


@pytest.fixture
def buat(app):
    return Factory(app)


@pytest.fixture(scope="session")
def deployment(database_url, redis_url, tmp_path_factory, run_id, app):
    """gunicorn + a Celery worker on the test database (and Redis when TEST_REDIS_URL is set)."""
    workdir = tmp_path_factory.mktemp("deploy")
    # The SECRET_KEY matters: `flask demo` run in this environment encrypts certificates the worker opens.
    env = deployment_env(database_url=database_url, redis_url=redis_url, storage_dir=app.config["STORAGE_DIR"],
                         workdir=workdir, name=f"deploy-{run_id}")
    dep = Deployment(env, workdir)
    dep.start_web()
    dep.start_worker()
    yield dep
    dep.stop()


@pytest.fixture(scope="session")
def s3_lokal(tmp_path_factory):
    """A local S3-compatible server (moto) for this test run."""
    from tests.services import S3Lokal
    server = S3Lokal(tmp_path_factory.mktemp("s3")).start()
    yield server
    server.stop()


class Jam:
    """A clock the test moves by hand (the host map's), so no test waits for time to pass."""

    def __init__(self):
        self.sekarang = 1000.0

    def __call__(self):
        return self.sekarang

    def maju(self, detik):
        self.sekarang += detik


@pytest.fixture
def jam(app):
    """The app's host map on a hand-moved clock for the duration of one test."""
    from tenants.resolver import HostMap
    asli = app.extensions["desaonline.hostmap"]
    j = Jam()
    app.extensions["desaonline.hostmap"] = HostMap(clock=j)
    yield j
    app.extensions["desaonline.hostmap"] = asli
