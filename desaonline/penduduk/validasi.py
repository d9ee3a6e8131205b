"""Checking one resident's data: the same rules for the import and the operator's form.

``periksa(data)`` takes raw values (text from a form or a CSV, cells from an XLSX)
and returns the cleaned record and the errors per field, in Bahasa Indonesia.
Text is stored in capitals, as on a KTP and a KK, so a name search needs no
case folding and can use the ``(desa_id, nama)`` index. The listed fields hold the
SIAK label of ``referensi``; a code or another spelling of it is accepted and stored
as that label. ``-`` means "none", as in OpenSID, and is stored as empty.
Cleaning is idempotent: a cleaned record checked again comes out the same, which is
what makes an exported file import back without changes.
"""
import re
from datetime import date, datetime, timedelta

from desaonline.penduduk import referensi as ref

# The contract's import columns, in order, and the optional extra ones.
KOLOM = ("nik", "no_kk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "agama",
         "status_perkawinan", "pekerjaan", "hubungan_keluarga", "alamat", "rt", "rw", "dusun")
KOLOM_TAMBAHAN = ("pendidikan", "kewarganegaraan", "golongan_darah", "no_hp", "pendidikan_sedang",
                  "nik_ayah", "nama_ayah", "nik_ibu", "nama_ibu", "akta_lahir", "akta_perkawinan",
                  "tanggal_perkawinan", "akta_perceraian", "tanggal_perceraian", "status_dasar")
SEMUA_KOLOM = KOLOM + KOLOM_TAMBAHAN
# Which fields belong to the KK rather than to the person.
KOLOM_KELUARGA = ("alamat", "rt", "rw", "dusun")
KOLOM_TANGGAL = ("tanggal_lahir", "tanggal_perkawinan", "tanggal_perceraian")
_KOLOM_TEKS = tuple(k for k in SEMUA_KOLOM if k not in KOLOM_TANGGAL)

# Fields holding a reference list's label, with the words for their messages.
DAFTAR = {
    "jenis_kelamin": ref.KELAMIN, "agama": ref.AGAMA, "status_perkawinan": ref.STATUS_PERKAWINAN,
    "pekerjaan": ref.PEKERJAAN, "hubungan_keluarga": ref.HUBUNGAN, "pendidikan": ref.PENDIDIKAN,
    "pendidikan_sedang": ref.PENDIDIKAN_SEDANG, "kewarganegaraan": ref.KEWARGANEGARAAN,
    "golongan_darah": ref.GOLONGAN_DARAH, "status_dasar": ref.STATUS_DASAR,
}
LABEL = {"nik": "NIK", "no_kk": "Nomor KK", "nama": "Nama", "tempat_lahir": "Tempat lahir",
         "tanggal_lahir": "Tanggal lahir", "jenis_kelamin": "Jenis kelamin", "agama": "Agama",
         "status_perkawinan": "Status perkawinan", "pekerjaan": "Pekerjaan", "hubungan_keluarga": "Hubungan keluarga",
         "pendidikan": "Pendidikan", "pendidikan_sedang": "Pendidikan yang sedang ditempuh",
         "kewarganegaraan": "Kewarganegaraan", "golongan_darah": "Golongan darah", "status_dasar": "Status dasar",
         "nik_ayah": "NIK ayah", "nama_ayah": "Nama ayah", "nik_ibu": "NIK ibu", "nama_ibu": "Nama ibu",
         "akta_lahir": "Nomor akta lahir", "akta_perkawinan": "Nomor akta perkawinan",
         "tanggal_perkawinan": "Tanggal perkawinan", "akta_perceraian": "Nomor akta perceraian",
         "tanggal_perceraian": "Tanggal perceraian", "no_hp": "Nomor HP", "alamat": "Alamat", "dusun": "Dusun"}
_HURUF_BESAR = ("nama", "tempat_lahir", "dusun", "nama_ayah", "nama_ibu", "akta_lahir", "akta_perkawinan",
                "akta_perceraian")
_WAJIB = ("jenis_kelamin", "hubungan_keluarga")
_TULIS_DAFTAR = {"hubungan_keluarga": "KEPALA KELUARGA, ISTRI, ANAK", "jenis_kelamin": "L atau P"}

_BUKAN_ANGKA = re.compile(r"\D")
_RT_RW = re.compile(r"^\d{1,3}$")
_NAMA_ANEH = re.compile(r"[\d<>{}\[\]@#$%^*=_|~]")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_EXCEL_NOL = date(1899, 12, 30)
# Longest text each column holds (the database's limits).
_PANJANG = {"nama": 120, "tempat_lahir": 100, "alamat": 255, "dusun": 100, "nama_ayah": 120, "nama_ibu": 120,
            "akta_lahir": 40, "akta_perkawinan": 40, "akta_perceraian": 40}


def teks(nilai):
    """A cell or form value as clean text: numbers without '.0', spaces collapsed, Excel's
    leading ``'`` (text marker) dropped, ``-`` (OpenSID's "none") as empty."""
    if type(nilai) is str:
        s = nilai.strip()
        if "  " in s or not s.isprintable():   # tabs, newlines, other spaces: rarely, so only then
            s = " ".join(s.split())
    elif nilai is None:
        return ""
    elif isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    elif isinstance(nilai, (datetime, date)):
        return nilai.strftime("%Y-%m-%d")
    else:
        s = " ".join(str(nilai).split())
    if s.startswith("'"):
        s = s[1:].lstrip()
    return "" if s == "-" else s


def nomor(nilai):
    """NIK or KK as its digits only: apostrophes, spaces and hidden characters go."""
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    return _BUKAN_ANGKA.sub("", "" if nilai is None else str(nilai))


def tanggal(nilai):
    """(date or None, problem or None): a date cell, an Excel day number, or text as
    ``YYYY-MM-DD``, ``DD-MM-YYYY`` or ``DD/MM/YYYY`` (day first, as in Indonesia)."""
    if isinstance(nilai, datetime):
        return nilai.date(), None
    if isinstance(nilai, date):
        return nilai, None
    if isinstance(nilai, (int, float)) and not isinstance(nilai, bool):
        if 1 <= nilai < 2958466:
            return _EXCEL_NOL + timedelta(days=int(nilai)), None
        return None, f"'{nilai}' bukan tanggal"
    s = teks(nilai)
    if not s:
        return None, None
    cocok = _YMD.match(s)
    if cocok:
        t, b, h = cocok.groups()
    else:
        cocok = _DMY.match(s)
        if not cocok:
            return None, f"'{s}' bukan tanggal"
        h, b, t = cocok.groups()
    try:
        return date(int(t), int(b), int(h)), None
    except ValueError:
        return None, f"'{s}' bukan tanggal yang ada"


def _tanggal(bersih, data, k, galat, wajib=False):
    hasil, masalah = tanggal(data.get(k))
    if masalah:
        galat[k] = f"{LABEL[k]} {masalah}; tulis TTTT-BB-HH (misalnya 1985-03-17) atau HH-BB-TTTT."
    elif hasil is None and wajib:
        galat[k] = f"{LABEL[k]} wajib diisi (TTTT-BB-HH)."
    elif hasil is not None and (hasil > date.today() or hasil.year < 1900):
        galat[k] = f"{LABEL[k]} {hasil.isoformat()} tidak masuk akal."
        hasil = None
    bersih[k] = hasil


def _nomor_hp(s, galat):
    digits = re.sub(r"[\s\-().]", "", s)
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit() or not 9 <= len(digits) <= 15:
        galat["no_hp"] = "Nomor HP tidak valid, contoh 081234567890."
        return None
    return "0" + digits[2:] if digits.startswith("62") else digits


def _daftar(bersih, k, galat):
    s = bersih[k]
    if not s:
        if k in _WAJIB:
            galat[k] = f"{LABEL[k]} wajib diisi ({_TULIS_DAFTAR[k]})."
        return
    label = DAFTAR[k].baku(s)
    if label is None:
        contoh = _TULIS_DAFTAR.get(k, ", ".join(DAFTAR[k].pilihan[:3]) + ", ...")
        galat[k] = (f"{LABEL[k]} '{s}' tidak dikenal; tulis nama dalam daftar SIAK "
                    f"(misalnya {contoh}) atau kodenya.")
    bersih[k] = label


def periksa(data, tanpa_nik=False):
    """(record, errors): ``record`` holds every column cleaned; ``errors`` maps a field to a message.

    ``tanpa_nik``: a NIK of ``0`` means "no NIK yet" (OpenSID's files) and comes back as
    ``"0"``; the importer gives such a resident a temporary NIK.
    """
    galat = {}
    bersih = {k: teks(data.get(k)) for k in _KOLOM_TEKS}
    for k in _HURUF_BESAR:
        bersih[k] = bersih[k].upper()
    if bersih["dusun"]:
        dusun = bersih["dusun"].replace("_", " ")
        bersih["dusun"] = dusun[6:].strip() if dusun.startswith("DUSUN ") else dusun

    for k in ("nik", "no_kk"):
        angka = nomor(data.get(k))
        if k == "nik" and tanpa_nik and angka and not angka.strip("0"):
            bersih[k] = "0"
            continue
        bersih[k] = angka
        if len(angka) != 16:
            galat[k] = f"{LABEL[k]} harus 16 angka" + (f" ('{angka}')." if angka else ", wajib diisi.")
    for k in ("nik_ayah", "nik_ibu"):
        angka = nomor(data.get(k))
        bersih[k] = angka if angka.strip("0") else ""
        if bersih[k] and len(angka) != 16:
            galat[k] = f"{LABEL[k]} harus 16 angka atau kosong ('{angka}')."

    if not bersih["nama"]:
        galat["nama"] = "Nama wajib diisi."
    for k in ("nama", "nama_ayah", "nama_ibu"):
        if bersih[k] and (not re.search(r"[A-Z]", bersih[k]) or _NAMA_ANEH.search(bersih[k])):
            galat[k] = f"{LABEL[k]} '{bersih[k]}' berisi tanda yang tidak lazim untuk nama."
    _tanggal(bersih, data, "tanggal_lahir", galat, wajib=True)
    _tanggal(bersih, data, "tanggal_perkawinan", galat)
    _tanggal(bersih, data, "tanggal_perceraian", galat)

    for k in DAFTAR:
        _daftar(bersih, k, galat)
    bersih["kewarganegaraan"] = bersih["kewarganegaraan"] or "WNI"

    for k in ("rt", "rw"):
        if bersih[k]:
            if _RT_RW.match(bersih[k]):
                bersih[k] = f"{int(bersih[k]):03d}"
            else:
                galat[k] = f"{k.upper()} harus angka, paling banyak 3 angka (atau - bila tidak ada)."
    if bersih["no_hp"]:
        bersih["no_hp"] = _nomor_hp(bersih["no_hp"], galat)
    for k, maks in _PANJANG.items():
        if bersih[k] and len(bersih[k]) > maks:
            galat[k] = f"{LABEL[k]} paling banyak {maks} karakter."
    # Empty optional text is stored as NULL, as a form left blank would be.
    for k in bersih:
        if bersih[k] == "":
            bersih[k] = None
    return bersih, galat
