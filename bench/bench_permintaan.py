"""CPU per request: the scale benchmark's endpoints called in-process, beside the bare endpoint.

The same requests as ``bench_skala``'s web part (a resident's token on their desa's
host, an operator's on theirs), sent straight to the WSGI app of a production
configuration on PostgreSQL: no network, no gunicorn, no wrk, so what is left is
what the app itself spends, in CPU microseconds per request (``time.process_time``),
and the same for ``bench/polos.py``'s bare endpoint reading the same resident row.
CPU time barely moves when the machine is busy, so this is the figure to compare
before and after a change to the request path; ``bench_skala`` gives the rates over
HTTP. ``BENCH_PERMINTAAN`` requests per endpoint (default 2000, after 200 to warm
up); the kabupaten: ``BENCH_PENDUDUK`` (default 50,000) in ``BENCH_DESA`` desa (20).
"""
import io
import os
import tempfile
import time
from pathlib import Path

from bench import kabupaten as kab_mod
from bench.bench_skala import ENDPOINT, _url_pg, permintaan_polos

JUMLAH = int(os.environ.get("BENCH_PERMINTAAN", "2000"))
PEMANASAN = 200


def _environ(baris):
    """A WSGI environ from one line of the wrk request file (method, path, host, token, body)."""
    from werkzeug.test import EnvironBuilder
    metode, path, host, token, isi = baris.split("\t")
    path, _, query = path.partition("?")
    headers = {"Host": host, **({"Authorization": f"Bearer {token}"} if token else {})}
    return EnvironBuilder(method=metode, path=path, query_string=query, headers=headers,
                          data=isi or None, content_type="application/json" if isi else None).get_environ()


def _ukur(app, permintaan):
    """CPU microseconds per request over the requests in turn; every answer must be 2xx."""
    contoh = [_environ(b) for b in permintaan]
    isi = [e["wsgi.input"].read() for e in contoh]

    def kirim(n):
        environ = dict(contoh[n % len(contoh)], **{"wsgi.input": io.BytesIO(isi[n % len(contoh)])})
        status = []
        b"".join(app(environ, lambda s, h, *a: status.append(s)))
        if not status[0].startswith("2"):
            raise RuntimeError(f"{permintaan[n % len(permintaan)].split(chr(9))[:2]} -> {status[0]}")

    for n in range(PEMANASAN):
        kirim(n)
    mulai = time.process_time()
    for n in range(JUMLAH):
        kirim(n)
    return (time.process_time() - mulai) / JUMLAH * 1e6


def main():
    ukuran = kab_mod.Ukuran(desa=int(os.environ.get("BENCH_DESA", "20")), kecamatan=2,
                            penduduk=int(os.environ.get("BENCH_PENDUDUK", "50000")),
                            surat=int(os.environ.get("BENCH_SURAT", "5000")))
    url, hapus = kab_mod.database_baru(_url_pg().replace("postgresql+psycopg://", "postgresql://"))
    lama = os.environ.get("DATABASE_URL")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-permintaan-") as tmp:
            kab_mod.migrasi(url, Path(tmp))
            kab = kab_mod.muat(url, ukuran)
            print(f"{ukuran} dimuat; {JUMLAH} permintaan per endpoint, dalam proses (tanpa jaringan)")
            from desaonline import create_app
            app = create_app("production", {
                "SQLALCHEMY_DATABASE_URI": url.replace("postgresql://", "postgresql+psycopg://"),
                "SECRET_KEY": kab_mod.RAHASIA, "CERT_ENCRYPTION_KEY": kab_mod.KUNCI_SERTIFIKAT,
                "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
                "RATELIMIT_STORAGE_URI": "memory://", "BASE_DOMAIN": "localhost",
                "STORAGE_DIR": str(Path(tmp) / "storage"), "SESSION_COOKIE_SECURE": False})
            os.environ["DATABASE_URL"] = url   # bench/polos.py reads it at its first request
            from bench import polos
            dasar = _ukur(polos.app, permintaan_polos(kab))
            print(f"{'':20}{'us CPU/permintaan':>18}{'rasio':>8}")
            print(f"{'polos':20}{dasar:18.0f}{1:7.2f}x   GET /polos/penduduk/<id> (bench/polos.py)")
            for nama, jalur, buat in ENDPOINT:
                us = _ukur(app, buat(kab))
                print(f"{nama:20}{us:18.0f}{dasar / us:7.2f}x   {jalur}")
            print("(rasio: polos / endpoint, bagian dari laju polos yang dicapai satu inti)")
    finally:
        if lama is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = lama
        hapus()
