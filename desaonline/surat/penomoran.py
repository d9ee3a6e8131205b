"""Letter numbers: the desa's number format, and the next number of a sequence.

A number is given at approval only, inside the approval's transaction, so it is
gap-free (a rolled-back approval gives its number back) and unique: the sequence
row is incremented with ``UPDATE ... SET terakhir = terakhir + 1 RETURNING``, which
makes concurrent approvals queue on that one row (PostgreSQL row lock, SQLite's
single writer) instead of reading the same "last number".
"""
import re
import string
from datetime import date

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite

from desaonline.extensions import db
from desaonline.errors import Penolakan
from desaonline.surat.models import NomorUrut

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
FORMAT_BAWAAN = "{klasifikasi}/{nomor:03}/{kode_desa}/{bulan_romawi}/{tahun}"

# Placeholder -> what it stands for (shown on the settings page).
PLACEHOLDER = {
    "nomor": "nomor urut; {nomor:03} menulis 001",
    "klasifikasi": "kode klasifikasi surat, mis. 470",
    "kode": "kode jenis surat, mis. surat_ket_pengantar",
    "kode_desa": "kode wilayah desa (Kemendagri), mis. 33.05.05.2012",
    "bulan_romawi": "bulan dalam angka Romawi, mis. XI",
    "bulan": "bulan dalam angka; {bulan:02} menulis 03",
    "tahun": "tahun, mis. 2026",
}
_ANGKA = {"nomor", "bulan"}
_SPEC_ANGKA = re.compile(r"^0?[1-9]$")
PANJANG_MAKS = 120


def periksa_format(fmt, penomoran="per_jenis"):
    """The format if it is usable; Penolakan (with a message saying why) if not."""
    fmt = (fmt or "").strip()

    def salah(pesan):
        raise Penolakan(422, "format_nomor_tidak_valid", pesan, {"format_nomor": pesan})

    if not fmt:
        salah("Format nomor wajib diisi.")
    if len(fmt) > PANJANG_MAKS:
        salah(f"Format nomor paling panjang {PANJANG_MAKS} karakter.")
    try:
        bagian = list(string.Formatter().parse(fmt))
    except ValueError:
        salah("Kurung kurawal { } pada format nomor tidak berpasangan.")
    nama = set()
    for _teks, field, spec, konversi in bagian:
        if field is None:
            continue
        if field not in PLACEHOLDER:
            salah(f"Isian {{{field}}} tidak dikenal. Yang dapat dipakai: "
                  + ", ".join(f"{{{p}}}" for p in PLACEHOLDER) + ".")
        if konversi or (spec and (field not in _ANGKA or not _SPEC_ANGKA.match(spec))):
            salah(f"Penulisan {{{field}{'!' + konversi if konversi else ''}{':' + spec if spec else ''}}} "
                  "tidak didukung; untuk angka gunakan mis. {nomor:03}.")
        nama.add(field)
    if "nomor" not in nama:
        salah("Format nomor harus memuat {nomor}.")
    if penomoran == "per_jenis" and not nama & {"kode", "klasifikasi"}:
        salah("Dengan penomoran per jenis surat, format harus memuat {klasifikasi} atau {kode} "
              "agar nomor surat jenis lain tidak sama.")
    contoh = format_nomor(fmt, nomor=99999, klasifikasi="474.10", kode="surat_ket_kepemilikan_kendaraan",
                          kode_desa="33.05.05.2012", tanggal=date(2026, 12, 31))
    if len(contoh) > PANJANG_MAKS:
        salah(f"Nomor yang dihasilkan bisa lebih dari {PANJANG_MAKS} karakter.")
    return fmt


def format_nomor(fmt, *, nomor, klasifikasi, kode, kode_desa, tanggal):
    return fmt.format(nomor=nomor, klasifikasi=klasifikasi, kode=kode, kode_desa=kode_desa,
                      bulan_romawi=ROMAWI[tanggal.month - 1], bulan=tanggal.month, tahun=tanggal.year)


def contoh_nomor(fmt, kode_desa, klasifikasi="470", kode="surat_ket_pengantar", tanggal=None):
    """What the format gives for letter number 7 (the settings page shows it)."""
    return format_nomor(fmt, nomor=7, klasifikasi=klasifikasi, kode=kode, kode_desa=kode_desa,
                        tanggal=tanggal or date.today())


def _insert(dialect):
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def nomor_berikutnya(desa_id, kunci, tahun):
    """The next number of the sequence (desa, kunci, tahun), inside the caller's transaction."""
    dialect = db.session.get_bind().dialect.name
    baru = (_insert(dialect)(NomorUrut)
            .values(desa_id=desa_id, kunci=kunci, tahun=tahun, terakhir=0)
            .on_conflict_do_nothing(index_elements=["desa_id", "kunci", "tahun"]))
    db.session.execute(baru)
    return db.session.execute(
        update(NomorUrut)
        .where(NomorUrut.desa_id == desa_id, NomorUrut.kunci == kunci, NomorUrut.tahun == tahun)
        .values(terakhir=NomorUrut.terakhir + 1)
        .returning(NomorUrut.terakhir)
        .execution_options(synchronize_session=False)
    ).scalar_one()
