"""A kabupaten at scale: PostgreSQL + Redis, gunicorn and real workers, each figure beside its ceiling.

First a synthetic Kebumen (``bench/kabupaten.py``: 460 desa in 26 kecamatan, 1.4
million residents in families, 200,000 past letters) and a small kabupaten of
10,000 residents with desa of the same size are loaded with COPY (rows/s). Then,
in one run, side by side:

- web: the resident API (``profil``, ``keluarga``, the letter list), the operator's
  queue and the resident search, under wrk at 16 and 64 connections (req/s) and at
  2 (p50/p95), each run next to the same run on a bare Flask JSON endpoint that
  reads the same resident row (``bench/polos.py``) in the same gunicorn set-up; and
  next to the same endpoint on the small kabupaten (the p95 ratio says whether the
  cost grows with the data);
- login: resident logins/s and p50/p95 beside a bare endpoint doing only the
  argon2id check a login must do;
- import: 100,000 rows of OpenSID's export into a new desa of the big kabupaten,
  beside the same into the small one and beside only reading the file;
- pipeline: approval to signed letter (p50/p95, one letter at a time) and letters/s
  with 1 and 2 worker processes (real ``celery worker`` on Redis, letters approved
  through the web; ``BENCH_PIPELINE`` letters, counted after the first
  ``BENCH_PIPELINE_PEMANASAN``), beside the bare render + sign loop in 1 and 2 processes.

wrk runs each measurement for ``BENCH_DETIK`` seconds (default 8) and at most
``BENCH_MAKS_PERMINTAAN`` requests per thread, against 127.0.0.1 only. The sizes:
``BENCH_DESA``, ``BENCH_KECAMATAN``, ``BENCH_PENDUDUK``, ``BENCH_SURAT`` (default
Kebumen) and ``BENCH_PENDUDUK_KECIL`` (10,000); ``BENCH_BAGIAN`` picks parts
(``web,login,impor,surat``); ``BENCH_GUNICORN`` the gunicorn options (default
``--workers 2 --threads 4``). ``BENCH_DATABASE_URL`` (or ``TEST_DATABASE_URL``)
names the PostgreSQL server, ``BENCH_REDIS_URL`` (or ``TEST_REDIS_URL``) Redis.
A quick run: ``BENCH_PENDUDUK=50000 BENCH_DESA=20 BENCH_KECAMATAN=2 BENCH_SURAT=5000
BENCH_DETIK=3 make bench BENCH=skala``.
"""
import json
import multiprocessing
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench import kabupaten as kab_mod

ROOT = Path(__file__).resolve().parent.parent
DETIK = float(os.environ.get("BENCH_DETIK", "8"))
MAKS = int(os.environ.get("BENCH_MAKS_PERMINTAAN", "200000"))
BAGIAN = [b for b in os.environ.get("BENCH_BAGIAN", "web,login,impor,surat").split(",") if b]
GUNICORN = os.environ.get("BENCH_GUNICORN", "--workers 2 --threads 4").split()
KECIL = int(os.environ.get("BENCH_PENDUDUK_KECIL", "10000"))
BARIS_IMPOR = int(os.environ.get("BENCH_IMPOR_BARIS", "100000"))
SURAT_LAJU = int(os.environ.get("BENCH_PIPELINE", "120"))
# Letters a new worker signs before the rate is counted, as the loop has its warm-up:
# a worker runs for days, its first letters (first statements, the key opened) are not its pace.
PEMANASAN = int(os.environ.get("BENCH_PIPELINE_PEMANASAN", "20"))
SURAT_LATENSI = int(os.environ.get("BENCH_PIPELINE_LATENSI", "20"))
POOL = os.environ.get("BENCH_POOL", "prefork")
RAHASIA = kab_mod.RAHASIA
PERINTAH = "make bench BENCH=skala"


def _url_pg():
    return (os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
            or "postgresql://postgres@127.0.0.1:5432/postgres")


def _url_redis():
    return os.environ.get("BENCH_REDIS_URL") or os.environ.get("TEST_REDIS_URL") or "redis://127.0.0.1:6379/0"


def _port_bebas():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu_port(port, proc, log, batas=60):
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if proc.poll() is not None:
            raise RuntimeError(f"proses berhenti: {Path(log).read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"port {port} tidak terbuka")


def _env(url, workdir, nama):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DESAONLINE_", "CELERY_", "BENCH_", "WRK_"))}
    env.update({"DESAONLINE_CONFIG": "production", "SESSION_COOKIE_SECURE": "0", "DATABASE_URL": url,
                "REDIS_URL": _url_redis(), "BASE_DOMAIN": "localhost", "SECRET_KEY": RAHASIA,
                "CERT_ENCRYPTION_KEY": kab_mod.KUNCI_SERTIFIKAT,
                "STORAGE_DIR": str(workdir / "storage"), "INSTANCE_DIR": str(workdir),
                "CELERY_QUEUE": f"bench-skala-{nama}", "RATELIMIT_KEY_PREFIX": f"bench-skala-{nama}"})
    return env


class Proses:
    """A subprocess of the benchmark (gunicorn or a Celery worker), its log in the work folder."""

    def __init__(self, args, env, log):
        self.log = log
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=open(log, "ab"), stderr=subprocess.STDOUT)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Web(Proses):
    def __init__(self, aplikasi, env, log):
        self.port = _port_bebas()
        super().__init__([sys.executable, "-m", "gunicorn", aplikasi, "-b", f"127.0.0.1:{self.port}", *GUNICORN,
                          "--timeout", "120"], env, log)
        _tunggu_port(self.port, self.proc, log)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"


# --- wrk ---------------------------------------------------------------------------------------
class Hasil:
    def __init__(self, data, klien):
        self.klien = klien
        self.permintaan = data["requests"]
        self.detik = data["duration_us"] / 1e6
        self.gagal = data["errors"] + data["status_errors"]
        self.p50, self.p95, self.p99 = data["p50_us"] / 1000, data["p95_us"] / 1000, data["p99_us"] / 1000

    @property
    def rps(self):
        return self.permintaan / self.detik


def wrk(server, permintaan, klien, workdir, detik=None):
    """One wrk run of ``permintaan`` (lines: method, path, host, token, body) at ``klien`` connections.

    At 2 clients (the latency runs) every request comes on a new connection: a kept-alive
    connection stays with the gunicorn worker that accepted it, and two on the same worker
    share its GIL, so by the luck of two accepts a run's p50 doubled or halved. New
    connections spread over the workers request by request, as many phones do."""
    berkas = workdir / f"wrk-{uuid.uuid4().hex[:6]}.tsv"
    berkas.write_text("\n".join(permintaan) + "\n")
    env = {**os.environ, "WRK_PERMINTAAN": str(berkas), "WRK_MAKS": str(MAKS),
           "WRK_TUTUP": "1" if klien <= 2 else "0"}
    perintah = ["wrk", "-t", str(min(2, klien)), "-c", str(klien), "-d", f"{detik or DETIK:g}s", "--timeout", "10s",
                "-s", str(ROOT / "bench" / "wrk.lua"), server.url + "/"]
    keluar = subprocess.run(perintah, env=env, capture_output=True, text=True, timeout=(detik or DETIK) + 60)
    berkas.unlink()
    baris = [b for b in keluar.stdout.splitlines() if b.startswith("{")]
    if keluar.returncode or not baris:
        raise RuntimeError(f"wrk gagal: {keluar.stdout[-2000:]} {keluar.stderr[-2000:]}")
    return Hasil(json.loads(baris[-1]), klien)


def _periksa(server, permintaan):
    """Send the first requests once with ``requests``: every one must answer 2xx (a figure of
    401s would be worthless)."""
    import requests
    for b in permintaan[:3]:
        metode, path, host, token, *isi = b.split("\t")
        headers = {"Host": host, **({"Authorization": f"Bearer {token}"} if token else {})}
        data = isi[0] if isi and isi[0] else None
        if data:
            headers["Content-Type"] = "application/json"
        r = requests.request(metode, server.url + path, headers=headers, data=data, timeout=30)
        if not 200 <= r.status_code < 300:
            raise RuntimeError(f"{metode} {path} ({host}) -> {r.status_code}: {r.text[:300]}")


# --- what each endpoint sends ------------------------------------------------------------------
def permintaan_warga(kab, path):
    return [f"GET\t{path}\t{w.desa.host}\t{w.token}\t" for w in kab.warga]


def permintaan_antrean(kab):
    return [f"GET\t/api/v1/operator/surat?status=diajukan\t{w.desa.host}\t{kab.token_operator[w.desa.id]}\t"
            for w in kab.warga]


def permintaan_cari(kab):
    return [f"POST\t/api/v1/operator/penduduk/cari\t{w.desa.host}\t{kab.token_operator[w.desa.id]}\t"
            + json.dumps({"q": kab.awalan_nama[n % len(kab.awalan_nama)]}) for n, w in enumerate(kab.warga)]


def permintaan_polos(kab):
    return [f"GET\t/polos/penduduk/{w.id}\t127.0.0.1\t\t" for w in kab.warga]


def permintaan_login(kab):
    return [f"POST\t/api/v1/mandiri/login\t{w.desa.host}\t\t" + json.dumps({"nik": w.nik, "pin": kab_mod.PIN})
            for w in kab.warga]


def permintaan_argon2():
    return [f"POST\t/polos/argon2\t127.0.0.1\t\t" + json.dumps({"pin": kab_mod.PIN})]


ENDPOINT = (
    ("profil", "GET /api/v1/mandiri/profil", lambda k: permintaan_warga(k, "/api/v1/mandiri/profil")),
    ("keluarga", "GET /api/v1/mandiri/keluarga", lambda k: permintaan_warga(k, "/api/v1/mandiri/keluarga")),
    ("surat warga", "GET /api/v1/mandiri/surat", lambda k: permintaan_warga(k, "/api/v1/mandiri/surat")),
    ("antrean operator", "GET /api/v1/operator/surat?status=diajukan", permintaan_antrean),
    ("cari penduduk", "POST /api/v1/operator/penduduk/cari", permintaan_cari),
)


class Laporan:
    """The lines printed as they come; each part under its title and the command that runs it."""

    def cetak(self, teks=""):
        print(teks, flush=True)

    def judul(self, teks, perintah):
        self.cetak(f"\n--- {teks}\n    ({perintah})")


# --- web ---------------------------------------------------------------------------------------
def bagian_web(lap, besar, kecil, web_besar, web_kecil, polos, workdir):
    lap.judul(f"API warga dan operator, {besar.ukuran.penduduk:,} vs {kecil.ukuran.penduduk:,} penduduk; "
              f"gunicorn {' '.join(GUNICORN)}; wrk {DETIK:g} s per run", f"BENCH_BAGIAN=web {PERINTAH}")
    pol = permintaan_polos(besar)
    _periksa(polos, pol)
    lap.cetak(f"{'':22}{'req/s c16':>10}{'polos':>8}{'rasio':>7}{'req/s c64':>11}{'polos':>8}{'rasio':>7}"
              f"{'p50 c2':>8}{'p95 c2':>8}{'polos p95':>10}{'kecil p95':>10}{'besar/kecil':>12}")
    for nama, jalur, buat in ENDPOINT:
        minta_b, minta_k = buat(besar), buat(kecil)
        _periksa(web_besar, minta_b)
        _periksa(web_kecil, minta_k)
        wrk(web_besar, minta_b, 16, workdir, detik=2)   # warm-up: connections, caches, the host map
        wrk(web_kecil, minta_k, 16, workdir, detik=2)
        r = {}
        for c in (16, 64, 2):
            r[("polos", c)] = wrk(polos, pol, c, workdir)
            r[("besar", c)] = wrk(web_besar, minta_b, c, workdir)
            if c != 2:
                # The ceiling again after the endpoint, the better of the two counting: a
                # passing hiccup of the machine must not lower the ceiling the ratio divides by.
                r[("polos", c)] = max(r[("polos", c)], wrk(polos, pol, c, workdir), key=lambda h: h.rps)
        # Big and small at 2 clients in the order big, small, small, big, each p95 the mean
        # of its two runs: a drift of the machine during the four weighs on both alike.
        r[("kecil", 2)] = wrk(web_kecil, minta_k, 2, workdir)
        r[("kecil", 2, 2)] = wrk(web_kecil, minta_k, 2, workdir)
        r[("besar", 2, 2)] = wrk(web_besar, minta_b, 2, workdir)
        gagal = sum(h.gagal for h in r.values())
        b16, p16, b64, p64 = r[("besar", 16)], r[("polos", 16)], r[("besar", 64)], r[("polos", 64)]
        b2, p2 = r[("besar", 2)], r[("polos", 2)]
        b2_p95 = (b2.p95 + r[("besar", 2, 2)].p95) / 2
        k2_p95 = (r[("kecil", 2)].p95 + r[("kecil", 2, 2)].p95) / 2
        lap.cetak(f"{nama:22}{b16.rps:10,.0f}{p16.rps:8,.0f}{b16.rps / p16.rps:6.2f}x{b64.rps:11,.0f}{p64.rps:8,.0f}"
                  f"{b64.rps / p64.rps:6.2f}x{b2.p50:7.1f}m{b2_p95:7.1f}m{p2.p95:9.1f}m{k2_p95:9.1f}m"
                  f"{b2_p95 / k2_p95:11.2f}x" + (f"  GALAT: {gagal} permintaan gagal" if gagal else ""))
    lap.cetak("(m = ms; polos: bench/polos.py membaca baris penduduk yang sama, gunicorn yang sama; "
              "kecil: kabupaten kecil, endpoint yang sama)")
    lap.cetak("target: >= 0.50x polos req/s; p95 c2 < 20 ms dan <= 1.2x kabupaten kecil")


# --- login -------------------------------------------------------------------------------------
def bagian_login(lap, besar, web_besar, polos, workdir):
    from desaonline.auth.passwords import _hasher
    lap.judul("Masuk warga (NIK + PIN, argon2id)", f"BENCH_BAGIAN=login {PERINTAH}")
    minta, argon = permintaan_login(besar), permintaan_argon2()
    _periksa(web_besar, minta)
    _periksa(polos, argon)
    r = {}
    for c in (16, 2):
        r[("polos", c)] = wrk(polos, argon, c, workdir)
        r[("login", c)] = wrk(web_besar, minta, c, workdir)
    l16, p16, l2, p2 = r[("login", 16)], r[("polos", 16)], r[("login", 2)], r[("polos", 2)]
    gagal = sum(h.gagal for h in r.values())
    lap.cetak(f"argon2id: memory {_hasher.memory_cost} KiB, time_cost {_hasher.time_cost}, "
              f"parallelism {_hasher.parallelism}")
    lap.cetak(f"login c16: {l16.rps:6.1f}/s   argon2 polos c16: {p16.rps:6.1f}/s   rasio {l16.rps / p16.rps:.2f}x"
              + (f"  GALAT: {gagal} gagal" if gagal else ""))
    lap.cetak(f"login c2 : p50 {l2.p50:.0f} ms, p95 {l2.p95:.0f} ms   argon2 polos c2: p50 {p2.p50:.0f} ms, "
              f"p95 {p2.p95:.0f} ms")


# --- import ------------------------------------------------------------------------------------
def bagian_impor(lap, besar, kecil, workdir):
    from bench import bench_impor
    from desaonline.penduduk import impor
    lap.judul(f"Impor penduduk: {BARIS_IMPOR:,} baris ekspor OpenSID (XLSX) ke desa baru",
              f"BENCH_BAGIAN=impor {PERINTAH}")
    impor.BATAS_BARIS = max(impor.BATAS_BARIS, BARIS_IMPOR)   # the web caps an upload at 50,000 rows
    xlsx = bench_impor.berkas_xlsx(BARIS_IMPOR)
    baca, _ = bench_impor._baca(xlsx)
    hasil = {}
    for nama, kab, n in (("besar", besar, 98), ("kecil", kecil, 99)):
        app = kab_mod.migrasi(kab.url, workdir)   # the schema is there: only an app on that database
        desa_id = bench_impor._desa(app, n)
        waktu, h = bench_impor._impor(app, desa_id, "penduduk.xlsx", xlsx)
        assert h.dibuat == BARIS_IMPOR and not h.ditolak, (h.dibuat, h.ditolak[:3])
        hasil[nama] = waktu
        with app.app_context():
            from desaonline.extensions import db
            db.engine.dispose()
    b, k = hasil["besar"], hasil["kecil"]
    lap.cetak(f"ke kabupaten besar: {BARIS_IMPOR / b.dinding:8,.0f} baris/s ({b.dinding:.1f} s, "
              f"{BARIS_IMPOR / b.cpu:,.0f} baris/detik-CPU)")
    lap.cetak(f"ke kabupaten kecil: {BARIS_IMPOR / k.dinding:8,.0f} baris/s ({k.dinding:.1f} s)   besar/kecil "
              f"{k.dinding / b.dinding:.2f}x")
    lap.cetak(f"membaca XLSX saja : {BARIS_IMPOR / baca.dinding:8,.0f} baris/s   impor/baca {baca.dinding / b.dinding:.2f}x")
    lap.cetak("target: >= 5,000 baris/s")


# --- pipeline ----------------------------------------------------------------------------------
def _siapkan_surat(app, kab, jumlah):
    """A desa of the big kabupaten with a certificate and ``jumlah`` submitted letters."""
    from desaonline.extensions import db
    from desaonline.signing import pki, sertifikat
    from desaonline.surat.models import Surat
    from desaonline.waktu import sekarang
    from tenants import desa_scope
    warga = kab.warga[0]
    with app.app_context(), desa_scope(warga.desa.id):
        if sertifikat.aktif() is None:
            ca_key, ca = pki.buat_ca("Bench CA")
            key, cert = pki.terbitkan(ca_key, ca, "Kepala Desa Bench")
            sertifikat.simpan(pki.ke_pkcs12(key, cert, [ca], "sandi"), "sandi")
        surat = [Surat(jenis="surat_ket_pengantar", pemohon_id=warga.id, subjek_id=warga.id, klasifikasi="470",
                       keperluan=f"Melamar pekerjaan ke-{n}", keterangan="Untuk dipergunakan semestinya", data={},
                       pejabat_id=warga.desa.pejabat_id, status="diajukan", diajukan=sekarang())
                 for n in range(jumlah)]
        db.session.add_all(surat)
        db.session.commit()
        return [s.id for s in surat]


def _setujui(web, kab, surat_id):
    import requests
    w = kab.warga[0]
    r = requests.post(f"{web.url}/api/v1/operator/surat/{surat_id}/setujui", json={},
                      headers={"Host": w.desa.host, "Authorization": f"Bearer {kab.token_operator[w.desa.id]}"},
                      timeout=30)
    assert r.status_code == 202, (r.status_code, r.text[:300])


def _status(conn, ids):
    return conn.execute("SELECT id, status, selesai FROM surat WHERE id = ANY(%s)", (ids,)).fetchall()


class Worker:
    """``proses`` worker processes: one ``--pool prefork`` worker with that many pool
    processes, or with ``BENCH_POOL=solo`` that many solo workers (each signs in the
    process that reads the broker)."""

    def __init__(self, kab, workdir, proses, nama):
        env = _env(kab.url, workdir, "besar")
        def args(n, c):
            return [sys.executable, "-m", "celery", "-A", "celery_app", "worker", "--concurrency", str(c),
                    "--pool", POOL, "--loglevel", "WARNING", "-n", f"{nama}{n}{uuid.uuid4().hex[:6]}@%h"]
        jumlah, c = (proses, 1) if POOL == "solo" else (1, proses)
        self.semua = [Proses(args(n, c), env, workdir / f"worker-{nama}-{n}.log") for n in range(jumlah)]

    @property
    def log(self):
        return "\n".join(Path(p.log).read_text()[-3000:] for p in self.semua)

    def mati(self):
        return any(p.proc.poll() is not None for p in self.semua)

    def cpu(self):
        from bench.bench_surat import _cpu_proses
        return sum(_cpu_proses(p.proc.pid) for p in self.semua)

    def stop(self):
        for p in self.semua:
            p.stop()


def _latensi(web, kab, workdir, proses, ids, conn):
    """Approval to signed letter, one letter at a time, with ``proses`` worker processes running."""
    w = Worker(kab, workdir, proses, f"lat{proses}")
    try:
        # The first letter also waits for the worker to come up: not counted.
        waktu = []
        for n, sid in enumerate(ids):
            mulai = time.perf_counter()
            _setujui(web, kab, sid)
            batas = mulai + 120
            while _status(conn, [sid])[0][1] != "selesai":
                if time.perf_counter() > batas or w.mati():
                    raise RuntimeError("surat tidak selesai: " + w.log)
                time.sleep(0.002)
            if n:
                waktu.append((time.perf_counter() - mulai) * 1000)
    finally:
        w.stop()
    waktu.sort()
    return waktu[len(waktu) // 2], waktu[min(len(waktu) - 1, int(len(waktu) * 0.95))]


def _laju(web, kab, workdir, proses, ids, conn):
    """Letters/s of ``proses`` worker processes draining letters approved beforehand, once
    warm: from the ``PEMANASAN``-th signed letter to the last (at most half of them)."""
    panas = max(1, min(PEMANASAN, len(ids) // 2))
    for sid in ids:
        _setujui(web, kab, sid)
    w = Worker(kab, workdir, proses, f"laju{proses}")
    cpu = None
    try:
        batas = time.monotonic() + 120 + 2 * len(ids)
        while True:
            baris = _status(conn, ids)
            n = sum(b[1] == "selesai" for b in baris)
            if n >= panas and cpu is None:
                cpu = (n, w.cpu())
            if n == len(ids):
                cpu = (n - cpu[0], w.cpu() - cpu[1])
                break
            if any(b[1] == "gagal" for b in baris) or time.monotonic() > batas or w.mati():
                raise RuntimeError("surat gagal/terlalu lama: " + w.log)
            time.sleep(0.05)
    finally:
        w.stop()
    selesai = sorted(b[2] for b in baris)
    return ((len(selesai) - panas) / (selesai[-1] - selesai[panas - 1]).total_seconds(),
            1000 * cpu[1] / max(cpu[0], 1))


def _loop_anak(args):
    """The bare render + sign loop in a pool process (forked: documents and signer inherited)."""
    jumlah, = args
    from bench.bench_surat import _loop
    return _loop(_LOOP["signer"], _LOOP["dokumen"][:jumlah]).detik


_LOOP = {}


def _loop_polos(app, kab, ids, proses):
    """Letters/s of the bare render + sign loop in ``proses`` processes at once."""
    from bench.bench_surat import _dokumen, _loop
    if "dokumen" not in _LOOP:
        signer, dokumen = _dokumen(app, kab.warga[0].desa.id, ids)
        _LOOP.update(signer=signer, dokumen=dokumen)
        _loop(signer, dokumen[:3])   # warm-up
    n = len(_LOOP["dokumen"])
    if proses == 1:
        return n / _loop(_LOOP["signer"], _LOOP["dokumen"]).detik
    with multiprocessing.get_context("fork").Pool(proses) as pool:
        mulai = time.perf_counter()
        pool.map(_loop_anak, [(n,)] * proses)
        return proses * n / (time.perf_counter() - mulai)


def bagian_surat(lap, besar, web_besar, workdir):
    import psycopg
    lap.judul(f"Surat: disetujui lewat web -> ditandatangani worker (celery --pool {POOL}, Redis, PostgreSQL)",
              f"BENCH_BAGIAN=surat {PERINTAH}")
    app = kab_mod.migrasi(besar.url, workdir)
    from workers.surat import siapkan_proses
    ids = _siapkan_surat(app, besar, 2 * SURAT_LATENSI + 2 * SURAT_LAJU + 1)
    siapkan_proses()
    conn = psycopg.connect(besar.url, autocommit=True)
    hasil = {}
    try:
        awal = 1
        for proses in (1, 2):
            lat = ids[awal:awal + SURAT_LATENSI]
            laju = ids[awal + SURAT_LATENSI:awal + SURAT_LATENSI + SURAT_LAJU]
            awal += SURAT_LATENSI + SURAT_LAJU
            p50, p95 = _latensi(web_besar, besar, workdir, proses, lat, conn)
            per_detik, cpu_surat = _laju(web_besar, besar, workdir, proses, laju, conn)
            polos = _loop_polos(app, besar, ids[:SURAT_LAJU], proses)
            hasil[proses] = (p50, p95, per_detik, polos)
            lap.cetak(f"{proses} proses worker: disetujui->selesai p50 {p50:4.0f} ms, p95 {p95:4.0f} ms; "
                      f"{per_detik:5.1f} surat/s vs loop polos {polos:5.1f}/s -> {per_detik / polos:.0%}; "
                      f"{cpu_surat:.0f} ms CPU worker per surat")
    finally:
        conn.close()
    lap.cetak("target: pipeline >= 80% dari loop polos")


# --- the run -----------------------------------------------------------------------------------
def _versi(url):
    import psycopg
    import redis
    with psycopg.connect(url) as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]
        buffers = conn.execute("SHOW shared_buffers").fetchone()[0]
    info = redis.Redis.from_url(_url_redis()).info("server")
    wrk_v = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[1]
    import gunicorn
    import celery
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    return (f"{os.cpu_count()} inti ({platform.processor() or platform.machine()}), RAM {ram:.0f} GiB, "
            f"PostgreSQL {pg} (shared_buffers {buffers}), Redis {info['redis_version']}, "
            f"Python {platform.python_version()}, gunicorn {gunicorn.__version__}, celery {celery.__version__}, "
            f"wrk {wrk_v}")


def _muat(lap, basis, ukuran, workdir, nama):
    url, hapus = kab_mod.database_baru(basis)
    kab_mod.migrasi(url, workdir)
    mulai = time.perf_counter()
    kab = kab_mod.muat(url, ukuran)
    lap.cetak(f"{nama}: {ukuran} dimuat dalam {time.perf_counter() - mulai:.0f} s")
    for b in kab_mod.laporan(kab):
        lap.cetak(b)
    return kab, hapus


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk tidak ada: `make bench` memasangnya (paket Debian wrk)")
    basis = _url_pg().replace("postgresql+psycopg://", "postgresql://")
    lap = Laporan()
    besar_ukuran = kab_mod.Ukuran.dari_env()
    kecil_ukuran = besar_ukuran.kecil(KECIL)
    mesin = _versi(basis)
    lap.cetak(f"mesin: {mesin}; beban rata-rata {os.getloadavg()[0]:.1f}")
    bersih = []
    server = []
    with tempfile.TemporaryDirectory(prefix="bench-skala-") as tmp:
        workdir = Path(tmp)
        try:
            lap.judul("Memuat kabupaten sintetis dengan COPY", f"{PERINTAH} (selalu dimuat dulu)")
            besar, hapus = _muat(lap, basis, besar_ukuran, workdir, "besar")
            bersih.append(hapus)
            kecil, hapus = _muat(lap, basis, kecil_ukuran, workdir, "kecil")
            bersih.append(hapus)
            (workdir / "b").mkdir()
            (workdir / "k").mkdir()
            web_besar = Web("wsgi:app", _env(besar.url, workdir / "b", "besar"), workdir / "web-besar.log")
            server.append(web_besar)
            web_kecil = Web("wsgi:app", _env(kecil.url, workdir / "k", "kecil"), workdir / "web-kecil.log")
            server.append(web_kecil)
            polos = Web("bench.polos:app", _env(besar.url, workdir / "b", "polos"), workdir / "polos.log")
            server.append(polos)
            if "web" in BAGIAN:
                bagian_web(lap, besar, kecil, web_besar, web_kecil, polos, workdir)
            if "login" in BAGIAN:
                bagian_login(lap, besar, web_besar, polos, workdir)
            if "surat" in BAGIAN:
                bagian_surat(lap, besar, web_besar, workdir)
            for s in server:
                s.stop()
            server.clear()
            if "impor" in BAGIAN:
                bagian_impor(lap, besar, kecil, workdir)
        finally:
            for s in server:
                s.stop()
            for hapus in bersih:
                hapus()
    lap.cetak(f"\nbeban rata-rata di akhir: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
