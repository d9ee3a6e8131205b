"""Checking one resident's data: the same rules for the import and the operator's form.

``periksa(data)`` takes raw values (text from a form or a CSV, cells from an XLSX)
and returns the cleaned record and the errors per field, in Bahasa Indonesia.
Text is stored in capitals, as on a KTP and a KK, so a name search needs no
case folding and can use the ``(desa_id, nama)`` index.
"""
import re
from datetime import date, datetime

from desaonline.penduduk.referensi import HUBUNGAN_KELUARGA

# The contract's import columns, in order, and the optional extra ones.
KOLOM = ("nik", "no_kk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "agama",
         "status_perkawinan", "pekerjaan", "hubungan_keluarga", "alamat", "rt", "rw", "dusun")
KOLOM_TAMBAHAN = ("pendidikan", "kewarganegaraan", "golongan_darah", "no_hp")
# Which fields belong to the KK rather than to the person.
KOLOM_KELUARGA = ("alamat", "rt", "rw", "dusun")

_ENAM_BELAS = re.compile(r"^\d{16}$")
_TANGGAL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RT_RW = re.compile(r"^\d{1,3}$")
_GOLONGAN_DARAH = {"A", "B", "AB", "O", "A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"}
_JENIS_KELAMIN = {"L": "L", "P": "P", "LAKI-LAKI": "L", "LAKI LAKI": "L", "PEREMPUAN": "P"}
_HUBUNGAN = {h: h for h in HUBUNGAN_KELUARGA} | {"KEPALA": "KEPALA KELUARGA", "KK": "KEPALA KELUARGA"}
# Longest text each column holds (the database's limits).
_PANJANG = {"nama": 120, "tempat_lahir": 100, "agama": 30, "status_perkawinan": 30, "pekerjaan": 100,
            "alamat": 255, "dusun": 100, "pendidikan": 60}


def teks(nilai):
    """A cell or form value as clean text: numbers without '.0', spaces collapsed."""
    if type(nilai) is str:
        return " ".join(nilai.split())
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    if isinstance(nilai, (datetime, date)):
        return nilai.strftime("%Y-%m-%d")
    return " ".join(str(nilai).split())


def _tanggal(nilai, galat):
    if isinstance(nilai, datetime):
        nilai = nilai.date()
    if isinstance(nilai, date):
        hasil = nilai
    else:
        s = teks(nilai)
        if not s:
            galat["tanggal_lahir"] = "Tanggal lahir wajib diisi (TTTT-BB-HH)."
            return None
        try:
            if not _TANGGAL.match(s):
                raise ValueError
            hasil = date.fromisoformat(s)
        except ValueError:
            galat["tanggal_lahir"] = f"Tanggal lahir '{s}' tidak valid; tulis TTTT-BB-HH, misalnya 1985-03-17."
            return None
    if hasil > date.today() or hasil.year < 1900:
        galat["tanggal_lahir"] = f"Tanggal lahir {hasil.isoformat()} tidak masuk akal."
        return None
    return hasil


def _nomor_hp(s, galat):
    digits = re.sub(r"[\s\-().]", "", s)
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit() or not 9 <= len(digits) <= 15:
        galat["no_hp"] = "Nomor HP tidak valid, contoh 081234567890."
        return None
    return "0" + digits[2:] if digits.startswith("62") else digits


def periksa(data):
    """(record, errors): ``record`` holds every column cleaned; ``errors`` maps a field to a message."""
    galat = {}
    bersih = {k: teks(data.get(k)) for k in KOLOM + KOLOM_TAMBAHAN if k != "tanggal_lahir"}
    for k in ("nama", "tempat_lahir", "agama", "status_perkawinan", "pekerjaan", "hubungan_keluarga",
              "dusun", "pendidikan", "kewarganegaraan", "golongan_darah", "jenis_kelamin"):
        bersih[k] = bersih[k].upper()

    for k, label in (("nik", "NIK"), ("no_kk", "Nomor KK")):
        if not _ENAM_BELAS.match(bersih[k]):
            galat[k] = f"{label} harus 16 angka" + (f" ('{bersih[k]}')." if bersih[k] else ", wajib diisi.")
    if not bersih["nama"]:
        galat["nama"] = "Nama wajib diisi."
    elif not re.search(r"[A-Z]", bersih["nama"]) or re.search(r"[\d<>{}\[\]@#$%^*=_|~]", bersih["nama"]):
        galat["nama"] = f"Nama '{bersih['nama']}' berisi tanda yang tidak lazim untuk nama."
    bersih["tanggal_lahir"] = _tanggal(data.get("tanggal_lahir"), galat)

    jk = _JENIS_KELAMIN.get(bersih["jenis_kelamin"])
    if jk is None:
        galat["jenis_kelamin"] = "Jenis kelamin harus L atau P."
    bersih["jenis_kelamin"] = jk

    hubungan = _HUBUNGAN.get(bersih["hubungan_keluarga"])
    if hubungan is None:
        galat["hubungan_keluarga"] = (f"Hubungan keluarga '{bersih['hubungan_keluarga']}' tidak dikenal; pilih salah satu: "
                                      + ", ".join(HUBUNGAN_KELUARGA) + "." if bersih["hubungan_keluarga"]
                                      else "Hubungan keluarga wajib diisi (misalnya KEPALA KELUARGA, ISTRI, ANAK).")
    bersih["hubungan_keluarga"] = hubungan

    for k in ("rt", "rw"):
        if bersih[k]:
            if _RT_RW.match(bersih[k]):
                bersih[k] = f"{int(bersih[k]):03d}"
            else:
                galat[k] = f"{k.upper()} harus angka, paling banyak 3 angka."
    if bersih["golongan_darah"] in ("", "-", "TIDAK TAHU"):
        bersih["golongan_darah"] = ""
    elif bersih["golongan_darah"] not in _GOLONGAN_DARAH:
        galat["golongan_darah"] = "Golongan darah: A, B, AB atau O (boleh dengan + atau -)."
    bersih["kewarganegaraan"] = bersih["kewarganegaraan"] or "WNI"
    if bersih["kewarganegaraan"] not in ("WNI", "WNA"):
        galat["kewarganegaraan"] = "Kewarganegaraan: WNI atau WNA."
    if bersih["no_hp"]:
        bersih["no_hp"] = _nomor_hp(bersih["no_hp"], galat)
    for k, maks in _PANJANG.items():
        if bersih[k] and len(bersih[k]) > maks:
            galat[k] = f"Kolom {k} paling banyak {maks} karakter."
    # Empty optional text is stored as NULL, as a form left blank would be.
    for k in bersih:
        if bersih[k] == "":
            bersih[k] = None
    return bersih, galat
