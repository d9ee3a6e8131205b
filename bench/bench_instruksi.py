"""Instructions per request and per letter (callgrind), each beside its ceiling: figures a busy machine does not move.

On a shared or throttled machine CPU seconds wander by a third from one second to the
next (the same pure-Python loop took 19 to 35 ms in one minute here), so a ratio of
two timings taken a minute apart says little. Valgrind's callgrind counts the
instructions a process executes instead: the same code on the same data gives the
same count whatever else runs. This benchmark runs itself under callgrind with
counting off, and counts only the measured stretches (``callgrind_control``):

- web: ``BENCH_PERMINTAAN`` requests (default 100) to each endpoint of the scale
  benchmark, sent straight to the WSGI app of a production configuration on
  PostgreSQL, and the same to ``bench/polos.py``'s bare endpoint (instructions of
  the web process only; PostgreSQL's own are not counted, nor gunicorn's parsing,
  which both add to every request alike);
- pipeline: ``BENCH_SURAT`` letters (default 20) approved through the operator API and
  signed by a real ``celery worker --pool solo`` (itself under callgrind, counting
  from the first of them to the last), then the bare ReportLab render + endesive sign
  loop over the same letters in this process.

A synthetic kabupaten of ``BENCH_PENDUDUK`` residents (default 5,000) in ``BENCH_DESA``
desa (4), loaded with ``bench/kabupaten.py``. Needs valgrind (``make bench`` installs
it), PostgreSQL and Redis.
"""
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERMINTAAN = int(os.environ.get("BENCH_PERMINTAAN", "100"))
SURAT = int(os.environ.get("BENCH_SURAT", "20"))
_KELUARAN = "BENCH_INSTRUKSI_KELUARAN"   # set in the run under callgrind: where its counts go


def main():
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind tidak ada: make bench memasangnya (paket Debian valgrind)")
    with tempfile.TemporaryDirectory(prefix="bench-instruksi-") as tmp:
        env = {**os.environ, _KELUARAN: tmp}
        subprocess.run(_di_callgrind(tmp, [sys.executable, "-c", "from bench.bench_instruksi import dalam; dalam()"]),
                       cwd=ROOT, env=env, check=True)


def _di_callgrind(tmp, perintah):
    return ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/cg.%p", *perintah]


class Penghitung:
    """Counts of named stretches of a process running under callgrind."""

    def __init__(self, tmp, pid=None):
        self.tmp, self.pid = tmp, str(pid or os.getpid())

    def _kendali(self, *args):
        subprocess.run(["callgrind_control", *args, self.pid], capture_output=True, check=True)

    def mulai(self):
        self._kendali("-z")
        self._kendali("-i", "on")

    def selesai(self, nama):
        self._kendali("-i", "off")
        self._kendali("-d", nama)
        return self.baca(nama)

    def baca(self, nama):
        for berkas in Path(self.tmp).glob(f"cg.{self.pid}.*"):
            teks = berkas.read_text(errors="replace")
            if f"\ndesc: Trigger: dump {nama}\n" in teks:
                return int(teks.split("\ntotals:")[1].split()[0])
        raise RuntimeError(f"tidak ada hitungan {nama} di {self.tmp}")

    def hitung(self, nama, langkah):
        self.mulai()
        langkah()
        return self.selesai(nama)


def dalam():
    """The run under callgrind (counting off until a stretch is measured)."""
    from bench import kabupaten as kab_mod
    from bench.bench_skala import _url_pg
    tmp = os.environ[_KELUARAN]
    hitung = Penghitung(tmp)
    ukuran = kab_mod.Ukuran(desa=int(os.environ.get("BENCH_DESA", "4")), kecamatan=2,
                            penduduk=int(os.environ.get("BENCH_PENDUDUK", "5000")), surat=1000)
    url, hapus = kab_mod.database_baru(_url_pg().replace("postgresql+psycopg://", "postgresql://"))
    try:
        kerja = Path(tmp) / "kerja"
        kerja.mkdir()
        app_data = kab_mod.migrasi(url, kerja)
        kab = kab_mod.muat(url, ukuran)
        print(f"{ukuran} dimuat", flush=True)
        _web(hitung, url, kab, kerja)
        _surat(hitung, app_data, url, kab, kerja, tmp)
    finally:
        hapus()


def _app_web(url, kab, kerja, **lain):
    from bench import kabupaten as kab_mod
    from desaonline import create_app
    return create_app("production", {
        "SQLALCHEMY_DATABASE_URI": url.replace("postgresql://", "postgresql+psycopg://"),
        "SECRET_KEY": kab_mod.RAHASIA, "CERT_ENCRYPTION_KEY": kab_mod.KUNCI_SERTIFIKAT,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
        "RATELIMIT_STORAGE_URI": "memory://", "BASE_DOMAIN": "localhost",
        "STORAGE_DIR": str(kerja / "storage"), "SESSION_COOKIE_SECURE": False, **lain})


def _kirim_semua(app, permintaan):
    """A function sending each request in turn to the WSGI app; every answer must be 2xx."""
    from bench.bench_permintaan import _environ
    contoh = [_environ(b) for b in permintaan]
    isi = [e["wsgi.input"].read() for e in contoh]

    def langkah(jumlah):
        for n in range(jumlah):
            environ = dict(contoh[n % len(contoh)], **{"wsgi.input": io.BytesIO(isi[n % len(contoh)])})
            status = []
            b"".join(app(environ, lambda s, h, *a: status.append(s)))
            if not status[0].startswith("2"):
                raise RuntimeError(f"{permintaan[n % len(permintaan)].split(chr(9))[:2]} -> {status[0]}")
    return langkah


def _web(hitung, url, kab, kerja):
    import gc

    from bench.bench_skala import ENDPOINT, permintaan_polos
    app = _app_web(url, kab, kerja)
    os.environ["DATABASE_URL"] = url   # bench/polos.py reads it at its first request
    from bench import polos
    sasaran = [("polos", "GET /polos/penduduk/<id> (bench/polos.py)", polos.app, permintaan_polos(kab))]
    sasaran += [(nama, jalur, app, buat(kab)) for nama, jalur, buat in ENDPOINT]
    print(f"\n--- web: instruksi per permintaan, {PERMINTAAN} permintaan per endpoint, dalam proses "
          f"(make bench BENCH=instruksi)")
    print(f"{'':20}{'kIr/permintaan':>16}{'rasio':>8}")
    dasar = None
    for nama, jalur, aplikasi, permintaan in sasaran:
        langkah = _kirim_semua(aplikasi, permintaan)
        langkah(100)   # warm-up: statements compiled, caches filled
        gc.collect()
        gc.freeze()    # as gunicorn.conf.py does after the fork
        kir = hitung.hitung(f"web-{nama.replace(' ', '-')}", lambda: langkah(PERMINTAAN)) / PERMINTAAN / 1000
        dasar = dasar or kir
        print(f"{nama:20}{kir:16,.0f}{dasar / kir:7.2f}x   {jalur}", flush=True)
    print("(rasio: polos / endpoint; target laju >= 0.5x polos)")


def _surat(hitung, app_data, url, kab, kerja, tmp):
    """``app_data``: the app that built the schema (the benchmark's own writes go through it)."""
    import psycopg

    from bench.bench_skala import _env, _siapkan_surat
    from bench.bench_surat import _dokumen, _loop
    ids = _siapkan_surat(app_data, kab, SURAT + 6)
    env = _env(url, kerja, f"instruksi-{uuid.uuid4().hex[:6]}")
    web = _app_web(url, kab, kerja, CELERY_QUEUE=env["CELERY_QUEUE"], STORAGE_DIR=env["STORAGE_DIR"])
    klien = web.test_client()
    w = kab.warga[0]

    def setujui(sid):
        r = klien.post(f"/api/v1/operator/surat/{sid}/setujui", json={},
                       headers={"Host": w.desa.host, "Authorization": f"Bearer {kab.token_operator[w.desa.id]}"})
        assert r.status_code == 202, r.get_data(as_text=True)

    conn = psycopg.connect(url, autocommit=True)

    def tunggu(xs, proc, log):
        batas = time.monotonic() + 600
        while conn.execute("SELECT count(*) FROM surat WHERE id = ANY(%s) AND status = 'selesai'",
                           (xs,)).fetchone()[0] < len(xs):
            if proc.poll() is not None or time.monotonic() > batas:
                raise RuntimeError("worker berhenti/terlalu lama: " + log.read_text()[-3000:])
            time.sleep(0.2)

    log = kerja / "worker.log"
    proc = subprocess.Popen(_di_callgrind(tmp, [sys.executable, "-m", "celery", "-A", "celery_app", "worker",
                                                "--pool", "solo", "--loglevel", "WARNING",
                                                "-n", f"instruksi{uuid.uuid4().hex[:6]}@%h"]),
                            cwd=ROOT, env=env, stdout=open(log, "ab"), stderr=subprocess.STDOUT)
    try:
        for sid in ids[:6]:   # warm-up: imports, the key, the letterhead
            setujui(sid)
        tunggu(ids[:6], proc, log)
        ukur = ids[6:]
        worker = Penghitung(tmp, proc.pid)
        worker.mulai()
        for sid in ukur:
            setujui(sid)
        tunggu(ukur, proc, log)
        kir_worker = worker.selesai("worker") / len(ukur) / 1000
    finally:
        proc.terminate()
        proc.wait(120)
        conn.close()
    signer, dokumen = _dokumen(app_data, w.desa.id, ukur)
    _loop(signer, dokumen[:3])   # warm-up
    kir_loop = hitung.hitung("loop", lambda: _loop(signer, dokumen)) / len(ukur) / 1000
    print(f"\n--- surat: instruksi per surat, {len(ukur)} surat (make bench BENCH=instruksi)")
    print(f"loop polos render + tanda tangan      : {kir_loop:10,.0f} kIr/surat")
    print(f"celery worker --pool solo (Redis, PG) : {kir_worker:10,.0f} kIr/surat -> {kir_loop / kir_worker:.0%} dari loop")
    print("(target: pipeline >= 80% dari loop)")
