"""Importing residents from CSV, XLSX or XLSM, for the page and the API.

Two layouts, told apart by the header row: desaonline's own (CONTRACT.md) and
OpenSID's (its template ``FormatImporExcel.xlsm``, its sample, both its exports;
``opensid.py``), with codes or labels. This module reads the file and writes the
result; ``baris.py`` recognises the layout and checks every row. The good ones are
written in one transaction and every bad one is reported with its line and the
reason. Importing the same file again, or the same residents in the other layout,
changes nothing. 100,000 rows take seconds: the desa's residents and KKs are read
once, and new and changed rows are written in bulk (no query per row; the first PIN
is the birth date, or one-time PINs hashed in bulk: ``mandiri.pin_awal``). A
resident the file marks MATI, PINDAH,
HILANG or PERGI stays in the register, inactive, and their sessions end.
"""
import csv
import io
import json
import logging
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import JSON, insert, select, update

from desaonline.auth import sessions
from desaonline.extensions import db
from desaonline.mandiri import pin_awal
from desaonline.penduduk import opensid
from desaonline.penduduk.baris import (KOLOM_PENDUDUK, Register, berkas_tidak_valid as _berkas_tidak_valid,
                                       keluarga_dari, periksa_semua)
from desaonline.penduduk.models import Keluarga, Penduduk
from desaonline.penduduk.referensi import HIDUP
from tenants.scoping import current_desa_id, desa_wajib

log = logging.getLogger(__name__)

BATAS_BARIS = 50_000
# A register has a few dozen columns (OpenSID's files under a hundred); thousands
# of them are an attack on the parser, refused before any row is read.
BATAS_KOLOM = 300
# What an XLSX may hold once unzipped: 50,000 rows of a register take about 40 MB.
# Checked on the zip's directory before the workbook is opened (zipfile never inflates
# a member past its declared size), so a zip bomb costs no memory.
BATAS_XLSX_TERBUKA = 150 * 1024 * 1024
BATAS_ISI_ZIP = 500


@dataclass
class HasilImpor:
    dibuat: int = 0
    diperbarui: int = 0
    ditolak: list = field(default_factory=list)
    # For the operator's page: the layout read, accounts closed, temporary NIKs given.
    format: str = ""
    dinonaktifkan: int = 0
    nik_sementara: int = 0
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


def _lembar_data(nama_lembar):
    """The sheet with the residents: OpenSID's "Data Penduduk", else the first one that
    is not OpenSID's code lists ("Kode Data")."""
    if opensid.NAMA_LEMBAR in nama_lembar:
        return opensid.NAMA_LEMBAR
    return next((n for n in nama_lembar if n != opensid.LEMBAR_KODE), nama_lembar[0] if nama_lembar else None)


def _baris_xlsx(data):
    from python_calamine import CalamineError, CalamineWorkbook
    _periksa_zip(data)
    try:
        buku = CalamineWorkbook.from_filelike(io.BytesIO(data))
        lembar = buku.get_sheet_by_name(_lembar_data(buku.sheet_names))
        awal = lembar.start or (0, 0)
        isi = lembar.iter_rows()
    except (CalamineError, TypeError, ValueError) as err:
        raise _berkas_tidak_valid(_XLSX_RUSAK) from err
    # calamine gives the rows from the sheet's first, but the columns from the first used
    # one: pad them, so a row's cells sit under the header's and lines are the sheet's.
    kiri = [""] * awal[1]
    for sel in isi:
        yield kiri + sel if kiri else sel


def baca_baris(nama_berkas, data):
    """The rows of the uploaded file (CSV or XLSX, told apart by content)."""
    if not data:
        raise _berkas_tidak_valid("Berkas kosong.")
    if data[:4] == b"PK\x03\x04":
        return _baris_xlsx(data)
    if (nama_berkas or "").lower().endswith((".xls", ".xlsx", ".ods")) or b"\x00" in data[:2048]:
        raise _berkas_tidak_valid("Format berkas tidak dikenal. Unggah CSV, XLSX atau XLSM.")
    return _baris_csv(data)


def _aman(baris_baris):
    """CSV parse errors (a NUL byte, an endless quoted field) as a clear message."""
    try:
        yield from baris_baris
    except csv.Error as err:
        raise _berkas_tidak_valid(f"Berkas CSV rusak: {err}.") from err


def baca_berkas(nama_berkas, data):
    """The rows of an uploaded CSV/XLSX, every reading problem a ``Penolakan`` (also for
    other lists imported the same way, e.g. the kode klasifikasi)."""
    return _aman(baca_baris(nama_berkas, data))


# Writing

def _sisip(model, rows):
    """Insert many rows of ``model`` (each carrying its desa_id) in the open transaction.

    PostgreSQL gets them through COPY, some twenty times faster than one INSERT per
    row; SQLite through the driver's executemany with each column's own conversion
    (SQLAlchemy's per-row parameter handling costs more than the insert itself).
    Column defaults are filled in here, since neither runs SQLAlchemy's Python-side ones.
    """
    tabel = model.__table__
    kolom = [c for c in tabel.columns if not c.primary_key]
    for c in kolom:
        if c.default is not None and c.name not in rows[0]:
            bawaan = c.default.arg
            for row in rows:
                row[c.name] = bawaan(None) if callable(bawaan) else bawaan
    koneksi = db.session.connection()
    nama = ", ".join(koneksi.dialect.identifier_preparer.quote(c.name) for c in kolom)
    if koneksi.dialect.name == "sqlite":
        ubah = [(c.name, c.type.bind_processor(koneksi.dialect)) for c in kolom]
        nilai = [tuple(f(row.get(k)) if f else row.get(k) for k, f in ubah) for row in rows]
        koneksi.exec_driver_sql(f"INSERT INTO {tabel.name} ({nama}) VALUES ({', '.join('?' * len(kolom))})", nilai)
        return
    if koneksi.dialect.name != "postgresql":
        koneksi.execute(insert(tabel), rows)
        return
    json_kolom = {c.name for c in kolom if isinstance(c.type, JSON)}
    with koneksi.connection.dbapi_connection.cursor() as cur:
        with cur.copy(f"COPY {tabel.name} ({nama}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([json.dumps(row.get(c.name)) if c.name in json_kolom and row.get(c.name) is not None
                                else row.get(c.name) for c in kolom])


def _tulis_keluarga(keluarga, register):
    """Create new KKs, update changed ones; returns (id by no_kk, ids of changed KKs)."""
    desa_id = current_desa_id()
    ada = register.keluarga
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


def _tulis_penduduk(penduduk, kk_ids, kk_berubah, register, tata, hasil):
    desa_id = current_desa_id()
    kolom = KOLOM_PENDUDUK + (("data_opensid",) if tata.opensid else ())
    sekarang = datetime.now(timezone.utc)
    baru, berubah, padam = [], [], []
    for nik, data in penduduk.items():
        nilai = {k: data[k] for k in kolom}
        nilai["keluarga_id"] = kk_ids[data["no_kk"]]
        lama = register.penduduk.get(nik)
        if lama is None:
            baru.append({"desa_id": desa_id, **nilai})
        elif any(lama[k] != v for k, v in nilai.items()):
            berubah.append({"id": lama["id"], "diubah": sekarang, **nilai})
            if lama["status_dasar"] == HIDUP and nilai["status_dasar"] != HIDUP:
                padam.append(lama["id"])
        elif lama["keluarga_id"] in kk_berubah:
            hasil.diperbarui += 1  # the KK's address changed: this resident's data did too
    if baru:
        hasil.pin_sekali = pin_awal.isi(baru)  # the first PIN of each, as the desa chose
        _sisip(Penduduk, baru)
    if berubah:
        db.session.execute(update(Penduduk), berubah)
    if padam:
        # No longer alive or here: the account is closed (``aktif`` follows status_dasar)
        # and every session of it ends now.
        sessions.revoke_all_ids(Penduduk, padam)
    hasil.dibuat += len(baru)
    hasil.diperbarui += len(berubah)
    hasil.dinonaktifkan += len(padam)


def impor_penduduk(nama_berkas, data):
    """Import a file into the current desa; returns HasilImpor. One transaction."""
    desa_wajib()
    hasil = HasilImpor()
    register = Register.baca()
    penduduk, tata = periksa_semua(baca_berkas(nama_berkas, data), hasil, register, BATAS_BARIS, BATAS_KOLOM)
    try:
        kk_ids, kk_berubah = _tulis_keluarga(keluarga_dari(penduduk, tata), register)
        _tulis_penduduk(penduduk, kk_ids, kk_berubah, register, tata, hasil)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    if hasil.dibuat >= 1000:
        _perbarui_statistik()
    return hasil


def _perbarui_statistik():
    """After a bulk insert PostgreSQL still believes the tables are nearly empty (until
    autovacuum gets to them) and plans joins as such; tell it now. Best effort."""
    koneksi = db.session.connection()
    if koneksi.dialect.name != "postgresql":
        return
    try:
        koneksi.exec_driver_sql(f"ANALYZE {Keluarga.__tablename__}, {Penduduk.__tablename__}")
        db.session.commit()
    except Exception:   # noqa: BLE001 - statistics are an optimisation, the import has committed
        log.warning("ANALYZE setelah impor gagal", exc_info=True)
        db.session.rollback()
