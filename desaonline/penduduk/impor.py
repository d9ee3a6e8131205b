"""Importing residents from CSV or XLSX (CONTRACT.md's format), for the page and the API.

Every row is checked; the good ones are written in one transaction and every bad
one is reported with its line (the header is line 1) and the reason. Importing the
same file again changes nothing. 20,000 rows take a few seconds: the desa's
residents and KKs are read once, and new and changed rows are written in bulk
(no query per row; the first PIN is the birth date, or one-time PINs hashed in bulk:
``mandiri.pin_awal``).
"""
import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import insert, select, update

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.mandiri import pin_awal
from desaonline.penduduk.models import Keluarga, Penduduk
from desaonline.penduduk.validasi import KOLOM, KOLOM_KELUARGA, KOLOM_TAMBAHAN, periksa
from tenants.scoping import current_desa_id, desa_wajib

BATAS_BARIS = 50_000
# A register has a few dozen columns (OpenSID's files under a hundred); thousands
# of them are an attack on the parser, refused before any row is read.
BATAS_KOLOM = 300
# What an XLSX may hold once unzipped: 50,000 rows of a register take about 40 MB.
# Checked on the zip's directory before openpyxl opens it (zipfile never inflates
# a member past its declared size), so a zip bomb costs no memory.
BATAS_XLSX_TERBUKA = 150 * 1024 * 1024
BATAS_ISI_ZIP = 500
KOLOM_PENDUDUK = tuple(k for k in KOLOM + KOLOM_TAMBAHAN if k not in KOLOM_KELUARGA and k != "no_kk")


def _berkas_tidak_valid(pesan):
    """The file as a whole cannot be imported (format, header); nothing was written."""
    return Penolakan(422, "berkas_tidak_valid", pesan, {"file": pesan})


@dataclass
class HasilImpor:
    dibuat: int = 0
    diperbarui: int = 0
    ditolak: list = field(default_factory=list)
    pin_sekali: list = field(default_factory=list)  # one-time PINs of new residents (shown once)

    def tolak(self, baris, alasan):
        self.ditolak.append({"baris": baris, "alasan": alasan})

    def as_dict(self):
        return {"dibuat": self.dibuat, "diperbarui": self.diperbarui, "ditolak": self.ditolak}


# Reading the file

def _baris_csv(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _berkas_tidak_valid("Berkas CSV bukan teks UTF-8 (atau Windows-1252). Simpan ulang dari "
                                  "spreadsheet sebagai \"CSV UTF-8\".")
    pertama = text.split("\n", 1)[0]
    # Excel in an Indonesian locale saves CSV with ";".
    pemisah = max((",", ";", "\t"), key=pertama.count)
    return csv.reader(io.StringIO(text, newline=""), delimiter=pemisah)


_XLSX_RUSAK = "Berkas XLSX tidak dapat dibaca. Simpan ulang sebagai .xlsx atau .csv."


def _periksa_zip(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            isi = arsip.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise _berkas_tidak_valid(_XLSX_RUSAK) from err
    if len(isi) > BATAS_ISI_ZIP or sum(i.file_size for i in isi) > BATAS_XLSX_TERBUKA:
        raise _berkas_tidak_valid(f"Berkas XLSX terlalu besar setelah dibuka (lebih dari "
                                  f"{BATAS_XLSX_TERBUKA // 1024 // 1024} MB). Bagi menjadi beberapa berkas.")


def _baris_xlsx(data):
    from openpyxl import load_workbook
    _periksa_zip(data)
    try:
        buku = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise _berkas_tidak_valid(_XLSX_RUSAK) from err
    try:
        yield from buku.worksheets[0].iter_rows(values_only=True)
    finally:
        buku.close()


def baca_baris(nama_berkas, data):
    """The rows of the uploaded file (CSV or XLSX, told apart by content)."""
    if not data:
        raise _berkas_tidak_valid("Berkas kosong.")
    if data[:4] == b"PK\x03\x04":
        return _baris_xlsx(data)
    if (nama_berkas or "").lower().endswith((".xls", ".xlsx", ".ods")) or b"\x00" in data[:2048]:
        raise _berkas_tidak_valid("Format berkas tidak dikenal. Unggah CSV atau XLSX.")
    return _baris_csv(data)


def _aman(baris_baris):
    """CSV parse errors (a NUL byte, an endless quoted field) as a clear message."""
    try:
        yield from baris_baris
    except csv.Error as err:
        raise _berkas_tidak_valid(f"Berkas CSV rusak: {err}.") from err


def _nama_kolom(sel):
    return "_".join(str(sel or "").strip().lower().split())


def _sebut(nama, paling_banyak=10):
    """Names for a message: the first few, then how many more."""
    nama = list(dict.fromkeys(nama))
    teks = ", ".join(nama[:paling_banyak])
    return teks + (f" dan {len(nama) - paling_banyak} lainnya" if len(nama) > paling_banyak else "")


def _peta_kolom(header):
    header = list(header)
    if len(header) > BATAS_KOLOM:
        raise _berkas_tidak_valid(f"Baris judul (baris 1) punya terlalu banyak kolom (lebih dari {BATAS_KOLOM}). "
                               "Kolom yang benar: " + ", ".join(KOLOM) + ".")
    nama = [_nama_kolom(s) for s in header]
    hitung = Counter(nama)
    kurang = [k for k in KOLOM if k not in hitung]
    asing = [n for n in nama if n and n not in KOLOM + KOLOM_TAMBAHAN]
    ganda = sorted(n for n, jumlah in hitung.items() if n and jumlah > 1)
    masalah = []
    if kurang:
        masalah.append("kolom wajib tidak ada: " + ", ".join(kurang))
    if asing:
        masalah.append("kolom tidak dikenal: " + _sebut(asing))
    if ganda:
        masalah.append("kolom ganda: " + _sebut(ganda))
    if masalah:
        raise _berkas_tidak_valid("Baris judul (baris 1) salah: " + "; ".join(masalah)
                               + ". Kolom yang benar: " + ", ".join(KOLOM) + ".")
    return {n: i for i, n in enumerate(nama) if n}


# Checking the rows

def _periksa_semua(baris_baris, hasil):
    """Valid records by NIK and the KK data by no_kk (first row of a KK wins)."""
    header = next(baris_baris, None)
    if header is None:
        raise _berkas_tidak_valid("Berkas kosong.")
    peta = _peta_kolom(header)
    penduduk, keluarga, baris_nik, kepala = {}, {}, {}, {}
    for nomor, sel in enumerate(baris_baris, start=2):
        if nomor > BATAS_BARIS + 1:
            raise _berkas_tidak_valid(f"Berkas terlalu panjang: paling banyak {BATAS_BARIS} baris sekali impor.")
        sel = list(sel or ())
        if not any(s not in (None, "") and str(s).strip() for s in sel):
            continue  # empty line
        data = {k: (sel[i] if i < len(sel) else None) for k, i in peta.items()}
        bersih, galat = periksa(data)
        alasan = list(galat.values())
        if not galat:
            if bersih["nik"] in baris_nik:
                alasan.append(f"NIK {bersih['nik']} sudah ada di baris {baris_nik[bersih['nik']]}.")
            elif bersih["hubungan_keluarga"] == "KEPALA KELUARGA" and bersih["no_kk"] in kepala:
                alasan.append(f"KK {bersih['no_kk']} sudah punya kepala keluarga di baris {kepala[bersih['no_kk']]}.")
        if alasan:
            hasil.tolak(nomor, " ".join(alasan))
            continue
        baris_nik[bersih["nik"]] = nomor
        if bersih["hubungan_keluarga"] == "KEPALA KELUARGA":
            kepala[bersih["no_kk"]] = nomor
        penduduk[bersih["nik"]] = bersih
        keluarga.setdefault(bersih["no_kk"], {k: bersih[k] for k in KOLOM_KELUARGA})
    return penduduk, keluarga


# Writing

def _sisip(model, rows):
    """Insert many rows of ``model`` (each carrying its desa_id) in the open transaction.

    PostgreSQL gets them through COPY, some twenty times faster than one INSERT per
    row; other databases through executemany. Column defaults are filled in here,
    since COPY does not run SQLAlchemy's Python-side defaults.
    """
    tabel = model.__table__
    kolom = [c for c in tabel.columns if not c.primary_key]
    for c in kolom:
        if c.default is not None and c.name not in rows[0]:
            bawaan = c.default.arg
            for row in rows:
                row[c.name] = bawaan(None) if callable(bawaan) else bawaan
    koneksi = db.session.connection()
    if koneksi.dialect.name != "postgresql":
        koneksi.execute(insert(tabel), rows)
        return
    nama = ", ".join(koneksi.dialect.identifier_preparer.quote(c.name) for c in kolom)
    with koneksi.connection.dbapi_connection.cursor() as cur:
        with cur.copy(f"COPY {tabel.name} ({nama}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row.get(c.name) for c in kolom])


def _tulis_keluarga(keluarga):
    """Create new KKs, update changed ones; returns (id by no_kk, ids of changed KKs)."""
    desa_id = current_desa_id()
    ada = {row.no_kk: row for row in db.session.execute(
        select(Keluarga.id, Keluarga.no_kk, *[getattr(Keluarga, k) for k in KOLOM_KELUARGA]))}
    baru = [{"desa_id": desa_id, "no_kk": no_kk, **nilai} for no_kk, nilai in keluarga.items() if no_kk not in ada]
    berubah = [{"id": ada[no_kk].id, **nilai} for no_kk, nilai in keluarga.items()
               if no_kk in ada and any(getattr(ada[no_kk], k) != v for k, v in nilai.items())]
    if baru:
        _sisip(Keluarga, baru)
    if berubah:
        db.session.execute(update(Keluarga), berubah)
    ids = {no_kk: row.id for no_kk, row in ada.items()}
    if baru:  # one query for the new KKs' ids
        ids.update(db.session.execute(select(Keluarga.no_kk, Keluarga.id)).all())
    return ids, {r["id"] for r in berubah}


def _tulis_penduduk(penduduk, kk_ids, kk_berubah, hasil):
    desa_id = current_desa_id()
    kolom = [getattr(Penduduk, k) for k in KOLOM_PENDUDUK]
    ada = {row.nik: row for row in db.session.execute(
        select(Penduduk.id, Penduduk.keluarga_id, Penduduk.aktif, *kolom))}
    sekarang = datetime.now(timezone.utc)
    baru, berubah = [], []
    for nik, data in penduduk.items():
        nilai = {k: data[k] for k in KOLOM_PENDUDUK}
        nilai["keluarga_id"] = kk_ids[data["no_kk"]]
        lama = ada.get(nik)
        if lama is None:
            baru.append({"desa_id": desa_id, "aktif": True, **nilai})
            continue
        if (not lama.aktif or any(getattr(lama, k) != v for k, v in nilai.items())):
            berubah.append({"id": lama.id, "aktif": True, "diubah": sekarang, **nilai})
        elif lama.keluarga_id in kk_berubah:
            hasil.diperbarui += 1  # the KK's address changed: this resident's data did too
    if baru:
        hasil.pin_sekali = pin_awal.isi(baru)  # the first PIN of each, as the desa chose
        _sisip(Penduduk, baru)
    if berubah:
        db.session.execute(update(Penduduk), berubah)
    hasil.dibuat += len(baru)
    hasil.diperbarui += len(berubah)


def impor_penduduk(nama_berkas, data):
    """Import a CSV/XLSX file into the current desa; returns HasilImpor. One transaction."""
    desa_wajib()
    hasil = HasilImpor()
    penduduk, keluarga = _periksa_semua(_aman(baca_baris(nama_berkas, data)), hasil)
    try:
        kk_ids, kk_berubah = _tulis_keluarga(keluarga)
        _tulis_penduduk(penduduk, kk_ids, kk_berubah, hasil)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return hasil
