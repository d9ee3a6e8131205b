"""A synthetic kabupaten in PostgreSQL, loaded with COPY: what the scale benchmarks stand on.

Kebumen's size by default (``KEBUMEN``): 460 desa in 26 kecamatan, 1.4 million
residents in families (a KK of 2 to 6), 200,000 past letters with their history
(mostly ``selesai``, some rejected, cancelled, drafts, and a queue of submitted
ones), numbering that continues from them, one Kepala Desa, one secretary, one
operator and the letterhead settings per desa, and a login session for every tenth
resident. The schema comes from the migrations; every row goes in through
``COPY ... FROM STDIN`` with its id given, so nothing is looked up while loading.
Columns the loader does not name get the model's own default (the app's
``default=``), so a column another feature adds does not break the loader.

``muat(url, ukuran)`` loads an empty database and returns a ``Kabupaten``: the
figures of the load (rows and rows/s per table) and what a benchmark drives: the
desa's hosts, residents with a chosen PIN and an API token, operators' tokens.
``python -m bench.kabupaten URL`` loads one by hand (sizes from the environment).
"""
import hashlib
import json
import logging
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = "583920"          # the chosen PIN of every sampled resident
SANDI_OPERATOR = "sandi-operator-bench"
RAHASIA = "bench-skala-secret"   # SECRET_KEY of every process of a benchmark
KUNCI_SERTIFIKAT = RAHASIA + "-sertifikat"  # their CERT_ENCRYPTION_KEY: certificates decrypt everywhere


@dataclass(frozen=True)
class Ukuran:
    desa: int
    kecamatan: int
    penduduk: int
    surat: int

    @classmethod
    def dari_env(cls, awalan="BENCH_", bawaan=None):
        b = bawaan or KEBUMEN
        return cls(*(int(os.environ.get(f"{awalan}{k.upper()}", getattr(b, k))) for k in ("desa", "kecamatan",
                                                                                            "penduduk", "surat")))

    def kecil(self, penduduk):
        """A kabupaten of ``penduduk`` residents with desa of this one's size (fewer desa)."""
        desa = max(1, round(self.desa * penduduk / self.penduduk))
        return Ukuran(desa, max(1, round(self.kecamatan * desa / self.desa)), penduduk,
                      round(self.surat * penduduk / self.penduduk))

    def __str__(self):
        return (f"{self.desa:,} desa / {self.kecamatan:,} kecamatan, {self.penduduk:,} penduduk, "
                f"{self.surat:,} surat")


KEBUMEN = Ukuran(desa=460, kecamatan=26, penduduk=1_400_000, surat=200_000)


@dataclass
class DesaBench:
    id: int
    slug: str
    kecamatan_slug: str
    kode: str
    pejabat_id: int
    operator_id: int

    @property
    def host(self):
        return f"{self.slug}.{self.kecamatan_slug}.localhost"


@dataclass
class Warga:
    """A sampled resident: chosen PIN ``PIN``, an API token on its desa's host."""
    desa: DesaBench
    id: int
    nik: str
    token: str


@dataclass
class Kabupaten:
    url: str
    ukuran: Ukuran
    desa: list = field(default_factory=list)
    warga: list = field(default_factory=list)                 # [Warga]
    token_operator: dict = field(default_factory=dict)        # desa id -> token
    baris: dict = field(default_factory=dict)                 # table -> rows
    detik: dict = field(default_factory=dict)                 # table -> seconds
    awalan_nama: list = field(default_factory=list)           # name prefixes that find residents
    dinding: float = 0.0                                      # the whole load, making the rows included
    ukuran_disk: dict = field(default_factory=dict)           # table -> (table bytes, index bytes)

    @property
    def total_baris(self):
        return sum(self.baris.values())

    @property
    def total_detik(self):
        """The COPY statements' seconds (setval and VACUUM ANALYZE reported apart)."""
        return sum(self.detik[tabel] for tabel in self.baris)


# --- names and places, made of syllables (names have no digits) ----------------------------------
SUKU = ("SU", "GI", "YA", "NTO", "WATI", "RA", "HAR", "JO", "NO", "MI", "KAR", "TI", "DI", "MAN", "SRI", "WA",
        "NING", "SIH", "TRI", "AN", "DA", "LE", "STA", "RI")
DUSUN = ("KRAJAN", "SIDAREJA", "KARANGGEDANG", "SLARANG", "PANDANSARI", "KEDUNGWARU")
PEKERJAAN = ("PETANI/PEKEBUN", "MENGURUS RUMAH TANGGA", "PELAJAR/MAHASISWA", "WIRASWASTA", "BURUH HARIAN LEPAS",
             "KARYAWAN SWASTA", "BELUM/TIDAK BEKERJA", "PEDAGANG", "NELAYAN/PERIKANAN")
UKURAN_KK = (4, 3, 5, 2, 4, 6, 3, 4, 5, 3)   # 3.9 people a KK on average
JENIS_SURAT = ("surat_ket_pengantar", "surat_ket_usaha", "surat_ket_domisili", "surat_ket_tidak_mampu",
               "surat_ket_kelahiran", "surat_ket_kematian", "surat_ket_pindah", "surat_pengantar_skck")
# (status, share of past letters): most are done; a queue of submitted ones waits.
STATUS_LALU = (("selesai", 0.88), ("ditolak", 0.04), ("dibatalkan", 0.02), ("konsep", 0.03),
               ("diajukan", 0.02), ("gagal", 0.01))


def nama(i):
    bagian = []
    for _ in range(3):
        bagian.append(SUKU[i % len(SUKU)])
        i //= len(SUKU)
    return f"{''.join(bagian)} {SUKU[i % len(SUKU)]}{SUKU[(i // 7) % len(SUKU)]}"


# --- COPY with the model's defaults -------------------------------------------------------------
class Penyalin:
    """COPY rows into the tables of the app's metadata; missing columns get the model's default."""

    def __init__(self, conn, metadata, hasil):
        self.conn, self.metadata, self.hasil = conn, metadata, hasil

    def _bawaan(self, tabel, kolom):
        sisa, nilai = [], []
        for c in tabel.columns:
            if c.name in kolom:
                continue
            if c.default is not None and getattr(c.default, "is_scalar", False):
                v = c.default.arg
            elif c.default is not None and getattr(c.default, "is_callable", False):
                v = c.default.arg(None)
            elif c.server_default is not None or c.nullable:
                continue  # the database's own default, or NULL
            else:
                raise RuntimeError(f"{tabel.name}.{c.name}: no value and no default")
            if isinstance(v, dict | list):
                v = json.dumps(v)
            sisa.append(c.name)
            nilai.append(v)
        return sisa, tuple(nilai)

    def salin(self, nama_tabel, kolom, baris):
        tabel = self.metadata.tables[nama_tabel]
        sisa, bawaan = self._bawaan(tabel, set(kolom))
        n, mulai = 0, time.perf_counter()
        with self.conn.cursor() as cur:
            with cur.copy(f"COPY {nama_tabel} ({', '.join([*kolom, *sisa])}) FROM STDIN") as copy:
                for b in baris:
                    copy.write_row(b + bawaan)
                    n += 1
        self.hasil.baris[nama_tabel] = self.hasil.baris.get(nama_tabel, 0) + n
        self.hasil.detik[nama_tabel] = self.hasil.detik.get(nama_tabel, 0.0) + time.perf_counter() - mulai
        return n


def _token(seed, *bagian):
    return hashlib.blake2b("/".join(map(str, (seed, *bagian))).encode(), digest_size=24).hexdigest()


def _token_sesi(seed, jenis, akun_id):
    """A session token as the app issues them: led by the account's kind."""
    return f"{jenis}.{_token(seed, jenis, akun_id)}"


def _sha(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _desa_dan_kecamatan(ukuran):
    """(kecamatan rows, [(desa id, slug, kecamatan index, kode)])."""
    kecamatan = [(k + 1, 1, f"kec-{k + 1}", f"33.05.{k + 1:02d}", f"Kecamatan {nama(k * 31 + 7).split()[0]}")
                 for k in range(ukuran.kecamatan)]
    desa = []
    for n in range(ukuran.desa):
        k = n % ukuran.kecamatan
        desa.append((n + 1, f"desa-{n + 1}", k, f"33.05.{k + 1:02d}.{2001 + n // ukuran.kecamatan}"))
    return kecamatan, desa


def _bagi(total, jumlah, rng):
    """``total`` split over ``jumlah`` desa, each between half and one and a half of the mean."""
    bobot = [0.5 + rng.random() for _ in range(jumlah)]
    s = sum(bobot)
    bagian = [int(total * w / s) for w in bobot]
    bagian[0] += total - sum(bagian)
    return bagian


def muat(url, ukuran, sampel=200, seed=14):
    """Load a synthetic kabupaten of ``ukuran`` into the empty, migrated database ``url``."""
    import psycopg

    from desaonline import models  # noqa: F401  (the whole schema)
    from desaonline.auth.passwords import hash_secret
    from desaonline.extensions import db
    from desaonline.surat.demo import logo_png

    rng = random.Random(seed)
    hasil = Kabupaten(url=url, ukuran=ukuran)
    sekarang = datetime.now(timezone.utc).replace(tzinfo=None)
    tahun = sekarang.year
    pin_hash, sandi_hash = hash_secret(PIN), hash_secret(SANDI_OPERATOR)
    logo = logo_png()
    kecamatan, desa = _desa_dan_kecamatan(ukuran)
    per_desa = _bagi(ukuran.penduduk, ukuran.desa, rng)
    surat_per_desa = _bagi(ukuran.surat, ukuran.desa, rng)

    mulai_semua = time.perf_counter()
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        # The rows are consistent by construction: no per-row foreign-key triggers while
        # loading (a superuser's bulk-load switch; indexes are still maintained).
        conn.execute("SET session_replication_role = replica")
        salin = Penyalin(conn, db.metadata, hasil)
        salin.salin("kabupaten", ["id", "kode", "nama"], [(1, "33.05", "Kabupaten Kebumen")])
        salin.salin("kecamatan", ["id", "kabupaten_id", "slug", "kode", "nama"], kecamatan)
        salin.salin("desa", ["id", "kecamatan_id", "slug", "kode", "nama", "jenis", "wa_operator", "aktif"],
                    [(i, k + 1, slug, kode, f"Desa {nama(i * 13).split()[0].title()}", "desa",
                      f"62812{i:07d}", True) for i, slug, k, kode in desa])
        salin.salin("pengaturan_surat", ["id", "desa_id", "kop_kabupaten", "kop_kecamatan", "kop_desa", "kop_alamat",
                                         "logo", "tempat_surat"],
                    [(i, i, "PEMERINTAH KABUPATEN KEBUMEN", f"KECAMATAN {kecamatan[k][4].upper()}",
                      f"DESA {slug.upper()}", f"Jl. Raya {slug} No. 1, Kebumen 54381", logo, slug.title())
                     for i, slug, k, _ in desa])
        salin.salin("pejabat", ["id", "desa_id", "nama", "jabatan", "nip", "atas_nama", "kepala_desa", "aktif"],
                    [row for i, *_ in desa for row in (
                        (2 * i - 1, i, nama(i * 17).title(), "Kepala Desa", None, None, True, True),
                        (2 * i, i, nama(i * 19).title(), "Sekretaris Desa", None, "a.n.", False, True))])
        salin.salin("operator", ["id", "desa_id", "username", "password_hash", "nama", "aktif"],
                    [(i, i, "operator", sandi_hash, f"Operator {slug}", True) for i, slug, *_ in desa])
        for i, slug, k, kode in desa:
            hasil.desa.append(DesaBench(i, slug, f"kec-{k + 1}", kode, 2 * i - 1, i))

        # Families and residents, desa by desa (ids run on across the kabupaten).
        kk_id, p_id = 0, 0
        penghuni = {}   # desa id -> (first resident id, last resident id)
        warga_sampel = []

        def keluarga_dan_penduduk():
            nonlocal kk_id, p_id
            kk_rows, p_rows = [], []
            for (d, slug, k, kode), jumlah in zip(desa, per_desa):
                area = kode[:8].replace(".", "")
                awal, urut, kk_urut = p_id + 1, 0, 0
                while urut < jumlah:
                    besar = min(UKURAN_KK[kk_urut % len(UKURAN_KK)], jumlah - urut)
                    kk_id += 1
                    kk_urut += 1
                    kk_rows.append((kk_id, d, f"{area}{d % 100:02d}{kk_urut:08d}", f"JL. {DUSUN[kk_urut % 6]} {kk_urut % 90 + 1}",
                                    f"{kk_urut % 12 + 1:03d}", f"{kk_urut % 5 + 1:03d}", DUSUN[kk_urut % 6]))
                    for anggota in range(besar):
                        p_id += 1
                        urut += 1
                        kepala = anggota == 0
                        peran = ("KEPALA KELUARGA", "ISTRI", "ANAK", "ANAK", "ANAK", "ORANGTUA")[anggota]
                        lahir = date(1950 + (p_id * 7) % 55 if anggota < 2 else 1995 + (p_id * 3) % 28,
                                     p_id % 12 + 1, p_id % 28 + 1)
                        kelamin = "L" if anggota in (0, 2) else "P"
                        nik = f"{area}{lahir.day + (40 if kelamin == 'P' else 0):02d}{lahir.month:02d}" \
                              f"{lahir.year % 100:02d}{urut:04d}"[:16]
                        status = "MATI" if p_id % 97 == 0 else ("PINDAH" if p_id % 89 == 0 else "HIDUP")
                        p_rows.append((p_id, d, kk_id, nik, nama(p_id), "KEBUMEN", lahir, kelamin, "ISLAM",
                                       "KAWIN" if anggota < 2 else "BELUM KAWIN",
                                       PEKERJAAN[(p_id + anggota) % len(PEKERJAAN)], peran, status,
                                       None, True))
                        if len(p_rows) >= 50_000:
                            yield kk_rows, p_rows
                            kk_rows, p_rows = [], []
                penghuni[d] = (awal, p_id)
            yield kk_rows, p_rows

        kolom_p = ["id", "desa_id", "keluarga_id", "nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
                   "agama", "status_perkawinan", "pekerjaan", "hubungan_keluarga", "status_dasar", "pin_hash",
                   "wajib_ganti_pin"]
        for kk_rows, p_rows in keluarga_dan_penduduk():
            salin.salin("keluarga", ["id", "desa_id", "no_kk", "alamat", "rt", "rw", "dusun"], kk_rows)
            salin.salin("penduduk", kolom_p, p_rows)
        conn.commit()

        # ``sampel`` residents, spread over the desa in turn, get a chosen PIN and a token
        # (an UPDATE of a few hundred rows): the same number in a small kabupaten as in a large one.
        for n in range(sampel):
            d = hasil.desa[n % ukuran.desa]
            awal, akhir = penghuni[d.id]
            p = awal + (n // ukuran.desa * 7919 + (akhir - awal) // 3) % (akhir - awal + 1)
            if any(w.id == p for w in warga_sampel):
                continue
            token = _token_sesi(seed, "penduduk", p)
            row = conn.execute("UPDATE penduduk SET pin_hash = %s, wajib_ganti_pin = false, status_dasar = 'HIDUP' "
                               "WHERE id = %s RETURNING nik", (pin_hash, p)).fetchone()
            warga_sampel.append(Warga(d, p, row[0], token))
        hasil.warga = warga_sampel
        hasil.awalan_nama = sorted({nama(i)[:3] for i in range(0, 5000, 37)})

        # Past letters, their history, and the numbering that continues from them.
        def surat_dan_riwayat():
            s_id, r_id = 0, 0
            s_rows, r_rows, nomor = [], [], {}
            status_list = [s for s, bagian in STATUS_LALU for _ in range(int(bagian * 100))]
            sampel_per_desa = {}
            for w in warga_sampel:
                sampel_per_desa.setdefault(w.desa.id, []).append(w.id)
            for (d, slug, k, kode), jumlah in zip(desa, surat_per_desa):
                awal, akhir = penghuni[d]
                # Each sampled resident of a desa asked for ten of its letters, in a small
                # kabupaten too (more letters there if need be): both lists are as long.
                milik = sampel_per_desa.get(d, ())
                for j in range(max(jumlah, 10 * len(milik))):
                    s_id += 1
                    pemohon = milik[j // 10] if j < 10 * len(milik) else rng.randint(awal, akhir)
                    status = status_list[s_id % len(status_list)]
                    jenis = JENIS_SURAT[s_id % len(JENIS_SURAT)]
                    dibuat = sekarang - timedelta(days=rng.randint(1, 729), seconds=rng.randint(0, 86399))
                    diajukan = dibuat + timedelta(minutes=5) if status != "konsep" else None
                    bernomor = status in ("selesai", "gagal")
                    disetujui = diajukan + timedelta(hours=3) if bernomor else None
                    selesai = disetujui + timedelta(seconds=2) if status == "selesai" else None
                    if bernomor:
                        kunci = (d, jenis, dibuat.year)
                        nomor[kunci] = urut = nomor.get(kunci, 0) + 1
                        sha = _token(seed, "pdf", s_id)[:64].ljust(64, "0")
                        isi_nomor = (f"470/{urut:03d}/{kode}/{dibuat.month}/{dibuat.year}", jenis, dibuat.year, urut,
                                     dibuat.date(), "Kepala Desa", _token(seed, "kode", s_id)[:32],
                                     sha, f"{d}/{sha[:2]}/{sha}.pdf")
                    else:
                        isi_nomor = (None,) * 9
                    s_rows.append((s_id, d, jenis, pemohon, pemohon, "470", f"Keperluan {s_id}", None, "{}",
                                   2 * d - 1, status, "Berkas kurang" if status == "ditolak" else None,
                                   *isi_nomor, d if bernomor else None, dibuat, selesai or diajukan or dibuat,
                                   diajukan, disetujui, selesai))
                    langkah = [("konsep", dibuat, "penduduk")]
                    if diajukan:
                        langkah.append(("diajukan", diajukan, "penduduk"))
                    if status in ("ditolak", "dibatalkan"):
                        langkah.append((status, diajukan + timedelta(hours=1), "operator"))
                    if bernomor:
                        langkah.append(("diproses", disetujui, "operator"))
                        langkah.append((status, selesai or disetujui + timedelta(seconds=5), "sistem"))
                    for st, waktu, aktor in langkah:
                        r_id += 1
                        r_rows.append((r_id, d, s_id, waktu, st, aktor))
                    if len(s_rows) >= 20_000:
                        yield s_rows, r_rows, None
                        s_rows, r_rows = [], []
            yield s_rows, r_rows, nomor

        kolom_s = ["id", "desa_id", "jenis", "pemohon_id", "subjek_id", "klasifikasi", "keperluan", "keterangan",
                   "data", "pejabat_id", "status", "alasan_tolak", "nomor", "kunci_nomor", "tahun", "nomor_urut",
                   "tanggal_surat", "ttd_jabatan", "kode_verifikasi", "pdf_sha256", "pdf_path", "disetujui_oleh",
                   "dibuat", "diubah", "diajukan", "disetujui", "selesai"]
        nomor = {}
        for s_rows, r_rows, akhir in surat_dan_riwayat():
            salin.salin("surat", kolom_s, s_rows)
            salin.salin("riwayat_surat", ["id", "desa_id", "surat_id", "waktu", "status", "aktor"], r_rows)
            nomor = akhir or nomor
        salin.salin("nomor_urut", ["id", "desa_id", "kunci", "tahun", "terakhir"],
                    [(n + 1, d, jenis, th, terakhir) for n, ((d, jenis, th), terakhir) in enumerate(sorted(nomor.items()))])

        # Sessions: every tenth resident logged in once; the sampled residents and operators hold tokens.
        kedaluwarsa = sekarang + timedelta(days=30)

        def sesi():
            s = 0
            for d, (awal, akhir) in penghuni.items():
                for p in range(awal, akhir + 1, 10):
                    s += 1
                    yield (s, _sha(_token_sesi(seed, "penduduk", -p)), "penduduk", p, d, "api", sekarang - timedelta(days=p % 300),
                           kedaluwarsa, False)
            for w in warga_sampel:
                s += 1
                yield (s, _sha(w.token), "penduduk", w.id, w.desa.id, "api", sekarang, kedaluwarsa, False)
            for db_ in hasil.desa:
                s += 1
                token = _token_sesi(seed, "operator", db_.id)
                hasil.token_operator[db_.id] = token
                yield (s, _sha(token), "operator", db_.operator_id, db_.id, "api", sekarang, kedaluwarsa, False)
        salin.salin("sesi", ["id", "token_hash", "jenis", "akun_id", "desa_id", "saluran", "dibuat", "kedaluwarsa",
                             "dicabut"], sesi())
        mulai = time.perf_counter()
        for tabel in ("kabupaten", "kecamatan", "desa", "pengaturan_surat", "pejabat", "operator", "keluarga",
                      "penduduk", "surat", "riwayat_surat", "nomor_urut", "sesi"):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), (SELECT max(id) FROM {tabel}))")
        conn.commit()
        conn.autocommit = True
        # VACUUM too: tables just filled are what autovacuum visits next, and it would do so
        # in the middle of the measurements (a ceiling run at half speed).
        conn.execute("VACUUM (ANALYZE)")
        # And the pages the load dirtied written out now, not by a checkpoint during a measurement.
        conn.execute("CHECKPOINT")
        hasil.detik["(setval, VACUUM ANALYZE)"] = time.perf_counter() - mulai
        # What the data weighs on disk, for docs/scaling.md: table and index bytes per table.
        for tabel in hasil.baris:
            hasil.ukuran_disk[tabel] = conn.execute(
                "SELECT pg_relation_size(%s), pg_indexes_size(%s)", (tabel, tabel)).fetchone()
    hasil.dinding = time.perf_counter() - mulai_semua
    return hasil


def database_baru(basis):
    """A new, uniquely named PostgreSQL database on the server of ``basis``: (URL, drop())."""
    import psycopg
    admin = basis.replace("postgresql+psycopg://", "postgresql://")
    nama_db = f"desaonline_skala_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{nama_db}"')

    def hapus():
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{nama_db}" WITH (FORCE)')
    return admin.rsplit("/", 1)[0] + "/" + nama_db, hapus


def migrasi(url, workdir):
    """The schema from the migrations (as ``flask db upgrade`` builds it)."""
    from flask_migrate import upgrade

    from desaonline import create_app
    app = create_app("development", {
        "SQLALCHEMY_DATABASE_URI": url.replace("postgresql://", "postgresql+psycopg://"),
        "STORAGE_DIR": str(Path(workdir) / "storage"), "SECRET_KEY": RAHASIA, "CERT_ENCRYPTION_KEY": KUNCI_SERTIFIKAT,
        "BASE_DOMAIN": "localhost", "REDIS_URL": None, "RATELIMIT_STORAGE_URI": "memory://"})
    app.extensions["celery"].conf.broker_url = "memory://"
    logging.disable(logging.WARNING)
    try:
        with app.app_context():
            upgrade(directory=str(ROOT / "migrations"), revision="heads")
    finally:
        logging.disable(logging.NOTSET)
    return app


def laporan(kab):
    """Lines: rows and rows/s per table, and the whole load."""
    baris = []
    for tabel, n in kab.baris.items():
        detik = kab.detik[tabel]
        heap, indeks = kab.ukuran_disk.get(tabel, (0, 0))
        baris.append(f"  {tabel:18} {n:>10,} baris {detik:7.1f} s {n / max(detik, 1e-9):>10,.0f} baris/s"
                     f"   tabel {heap / 2**20:8.1f} MiB, indeks {indeks / 2**20:8.1f} MiB")
    baris.append(f"  {'(setval, VACUUM ANALYZE)':18} {'':>10}       {kab.detik['(setval, VACUUM ANALYZE)']:7.1f} s")
    baris.append(f"  {'COPY semua':18} {kab.total_baris:>10,} baris {kab.total_detik:7.1f} s "
                 f"{kab.total_baris / kab.total_detik:>10,.0f} baris/s")
    baris.append(f"  {'dengan membuat':18} {kab.total_baris:>10,} baris {kab.dinding:7.1f} s "
                 f"{kab.total_baris / kab.dinding:>10,.0f} baris/s (jam dinding, baris dibuat di Python)")
    return baris


if __name__ == "__main__":
    import tempfile
    target = sys.argv[1] if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory() as tmp:
        if target is None:
            target, _ = database_baru(os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
        migrasi(target, tmp)
        ukuran = Ukuran.dari_env()
        print(f"{target}: {ukuran}")
        print("\n".join(laporan(muat(target, ukuran))))
