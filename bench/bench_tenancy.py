"""Tenancy: host -> desa lookups and desa home page requests, 3 desa vs 460, cold vs warm.

Each size gets its own temporary SQLite database built by the migrations. "Cold"
clears the host map before every lookup or request (the first request of a process,
or the one after a desa was changed); "warm" is every other request. The issue asks
that a warm lookup cost no query and that 460 desa work as well as 3: the 460/3
column should stay near 1.00x for warm lookups and requests.

``BENCH_SECONDS`` (default 1.0) is how long each measurement runs.
"""
import logging
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import event, insert

SIZES = ((3, 1), (460, 26))  # (desa, kecamatan): a small test kabupaten, and Kebumen's real size
SECONDS = float(os.environ.get("BENCH_SECONDS", "1.0"))


def _app(workdir):
    from flask_migrate import upgrade

    from desaonline import create_app
    app = create_app("development", {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.sqlite'}",
        "STORAGE_DIR": str(workdir / "storage"),
        "SECRET_KEY": "bench",
        "BASE_DOMAIN": "localhost",
        "REDIS_URL": None,
        "RATELIMIT_STORAGE_URI": "memory://",
        "TENANT_CACHE_SECONDS": 3600.0,  # warm stays warm for the whole run
    })
    app.extensions["celery"].conf.broker_url = "memory://"
    logging.disable(logging.INFO)  # alembic's "Running upgrade" lines
    try:
        with app.app_context():
            upgrade(directory=str(Path(__file__).resolve().parent.parent / "migrations"), revision="heads")
    finally:
        logging.disable(logging.NOTSET)
    return app


def _isi(app, jumlah_desa, jumlah_kecamatan):
    """Kecamatan and desa rows (every tenth desa with its own extra domain); returns the desa hosts."""
    from desaonline.admin.services import kabupaten_utama
    from desaonline.extensions import db
    from tenants.models import Desa, DesaHost, Kecamatan
    with app.app_context():
        kab_id = kabupaten_utama().id
        db.session.execute(insert(Kecamatan), [
            {"kabupaten_id": kab_id, "slug": f"kec-{k}", "kode": f"33.05.{k + 1:02d}", "nama": f"Kecamatan {k}"}
            for k in range(jumlah_kecamatan)])
        kec_id = dict(db.session.query(Kecamatan.slug, Kecamatan.id))
        db.session.execute(insert(Desa), [
            {"kecamatan_id": kec_id[f"kec-{n % jumlah_kecamatan}"], "slug": f"desa-{n}",
             "kode": f"33.05.{n % jumlah_kecamatan + 1:02d}.{2001 + n}", "nama": f"Desa {n}", "jenis": "desa",
             "aktif": True}
            for n in range(jumlah_desa)])
        desa_id = dict(db.session.query(Desa.slug, Desa.id))
        db.session.execute(insert(DesaHost), [
            {"desa_id": desa_id[f"desa-{n}"], "host": f"desa-{n}.desa.id"} for n in range(0, jumlah_desa, 10)])
        db.session.commit()
    return [f"desa-{n}.kec-{n % jumlah_kecamatan}.localhost" for n in range(jumlah_desa)]


def _rate(step):
    """(calls of ``step`` per second, number of calls), run for ``SECONDS``."""
    n, start = 0, time.perf_counter()
    deadline = start + SECONDS
    while True:
        for _ in range(20):
            step(n)
            n += 1
        now = time.perf_counter()
        if now >= deadline:
            return n / (now - start), n


class _SqlTeller:
    def __init__(self, engine):
        self.engine, self.n = engine, 0

    def _count(self, *args):
        self.n += 1

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._count)


def ukur(jumlah_desa, jumlah_kecamatan):
    """The four rates for one kabupaten size, and the SQL a warm request sent."""
    from desaonline.extensions import db
    from tenants.resolver import resolve
    with tempfile.TemporaryDirectory(prefix="bench-tenancy-") as tmp:
        app = _app(Path(tmp))
        hosts = _isi(app, jumlah_desa, jumlah_kecamatan)
        hostmap = app.extensions["desaonline.hostmap"]
        client = app.test_client()

        def lookup(n):
            assert resolve(hosts[n % len(hosts)]) is not None

        def lookup_cold(n):
            hostmap.clear()
            lookup(n)

        def request(n):
            res = client.get("/", base_url=f"http://{hosts[n % len(hosts)]}")
            assert res.status_code == 200, res.status_code

        def request_cold(n):
            hostmap.clear()
            request(n)

        hasil = {}
        with app.app_context():
            with db.engine.connect():  # open the pool before timing
                pass
            hasil["lookup cold"], _ = _rate(lookup_cold)
            lookup(0)
            loads = hostmap.loads
            with _SqlTeller(db.engine) as sql:
                hasil["lookup warm"], _ = _rate(lookup)
            assert hostmap.loads == loads and sql.n == 0, "a warm lookup went to the database"
            engine = db.engine
        hasil["request cold"], _ = _rate(request_cold)
        request(0)
        loads = hostmap.loads
        with _SqlTeller(engine) as sql:
            hasil["request warm"], jumlah = _rate(request)
        assert hostmap.loads == loads, "a warm request reloaded the host map"
        hasil["sql per warm request"] = sql.n / jumlah
        engine.dispose()
        return hasil


def _fmt(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def main():
    (small, small_kec), (large, large_kec) = SIZES
    a, b = ukur(small, small_kec), ukur(large, large_kec)
    kolom = (f"{small} desa", f"{large} desa", f"{large}/{small}")
    print(f"{'':24}{kolom[0]:>14}{kolom[1]:>14}{kolom[2]:>10}")
    for key, label in (("lookup warm", "warm lookup/s"), ("lookup cold", "cold lookup/s"),
                       ("request warm", "warm request/s"), ("request cold", "cold request/s")):
        print(f"{label:24}{_fmt(a[key]):>14}{_fmt(b[key]):>14}{b[key] / a[key]:>9.2f}x")
    for key, label in (("lookup", "warm/cold lookup"), ("request", "warm/cold request")):
        print(f"{label:24}{a[key + ' warm'] / a[key + ' cold']:>13.1f}x{b[key + ' warm'] / b[key + ' cold']:>13.1f}x")
    print(f"{'SQL per warm request':24}{a['sql per warm request']:>14.2f}{b['sql per warm request']:>14.2f}"
          "   (the home page's own; the resolver sends none)")
    print()
    print(f"{large} desa / {small} desa warm lookup: {b['lookup warm'] / a['lookup warm']:.2f}x")
    print(f"{large} desa / {small} desa warm request: {b['request warm'] / a['request warm']:.2f}x")


if __name__ == "__main__":
    main()
