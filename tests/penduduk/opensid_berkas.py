"""OpenSID files for the tests, built from what OpenSID publishes, not from our code.

The column names are read from the header of OpenSID's own template
(``berkas/FormatImporExcel.xlsm``), the labels of every code from its "Kode Data"
sheet. The files are written the way OpenSID writes them:

- ``template``: the real template with rows filled in, as Excel saves it with the
  macro on: numbers for the codes, date cells for the dates, ``###`` left in place;
- ``ekspor_kode``: "Ekspor Penduduk": one sheet, every value a text cell, empty cells
  left out (openspout), dates ``YYYY-MM-DD``, empty RT/RW as ``-``;
- ``ekspor_huruf_csv``: "Ekspor Penduduk Huruf" opened in Excel and saved as CSV in an
  Indonesian locale: ``;`` between fields, labels instead of codes, dates as Excel
  shows them (``DD/MM/YYYY``), NIKs typed with a leading ``'``.
"""
import csv
import io
from datetime import date
from functools import cache
from pathlib import Path

from openpyxl import Workbook, load_workbook

BERKAS = Path(__file__).parent / "berkas"
TEMPLATE = BERKAS / "FormatImporExcel.xlsm"
CONTOH = BERKAS / "contoh_penduduk.xlsx"
KOLOM_TANGGAL = ("tanggallahir", "tanggal_akhir_paspor", "tanggalperkawinan", "tanggalperceraian")


@cache
def kolom():
    """The 43 column names of OpenSID's layout, from its template's header row."""
    lembar = load_workbook(TEMPLATE, read_only=True)["Data Penduduk"]
    judul = next(lembar.iter_rows(min_row=1, max_row=1, values_only=True))
    return tuple(k for k in judul if k)


@cache
def kode_data():
    """{column: {code: label}} from the template's "Kode Data" sheet (label, code pairs from row 4)."""
    lembar = load_workbook(TEMPLATE)["Kode Data"]
    hasil = {}
    for c, judul in enumerate(next(lembar.iter_rows(min_row=1, max_row=1, values_only=True)), start=1):
        if judul not in kolom():
            continue
        daftar = {}
        for r in range(4, lembar.max_row + 1):
            label, kode = lembar.cell(r, c).value, lembar.cell(r, c + 1).value
            if label is not None and kode is not None:
                daftar[int(kode)] = str(label)
        hasil[judul] = daftar
    return hasil


def _teks(nilai):
    if nilai is None or nilai == "":
        return None
    if isinstance(nilai, date):
        return nilai.isoformat()
    return str(nilai)


def template(warga):
    """The real template, its sample row replaced by ``warga`` (at most 11: rows 2..12, before ###)."""
    assert len(warga) <= 11, "the template has room for 11 rows before its ### marker"
    buku = load_workbook(TEMPLATE, keep_vba=True)
    lembar = buku["Data Penduduk"]
    for r in range(2, 13):
        for c in range(1, len(kolom()) + 1):
            lembar.cell(r, c).value = None
    for r, orang in enumerate(warga, start=2):
        for c, k in enumerate(kolom(), start=1):
            nilai = orang.get(k)
            if k in ("nik", "no_kk", "ayah_nik", "ibu_nik", "rt", "rw"):
                nilai = None if nilai is None else str(nilai)   # the template's text cells (format @)
            lembar.cell(r, c).value = nilai
    assert lembar["B13"].value == "###"
    isi = io.BytesIO()
    buku.save(isi)
    return isi.getvalue()


def ekspor_kode(warga, nama_lembar="Sheet1"):
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet(nama_lembar)
    lembar.append(list(kolom()))
    for orang in warga:
        baris = [_teks(orang.get(k)) for k in kolom()]
        for i, k in enumerate(kolom()):
            if k in ("rt", "rw") and baris[i] is None:
                baris[i] = "-"
        lembar.append(baris)
    isi = io.BytesIO()
    buku.save(isi)
    return isi.getvalue()


def ekspor_huruf_csv(warga, pemisah=";"):
    kode = kode_data()
    keluar = io.StringIO()
    tulis = csv.writer(keluar, delimiter=pemisah, lineterminator="\r\n")
    tulis.writerow(kolom())
    for orang in warga:
        baris = []
        for k in kolom():
            nilai = orang.get(k)
            if k in kode and nilai not in (None, ""):
                nilai = kode[k][int(nilai)]
            elif isinstance(nilai, date):
                nilai = nilai.strftime("%d/%m/%Y")
            elif k in ("nik", "no_kk") and nilai:
                nilai = f"'{nilai} "
            baris.append("" if nilai is None else nilai)
        tulis.writerow(baris)
    return keluar.getvalue().encode("utf-8")


# A family of Klirong as OpenSID holds it: codes as in its "Kode Data" sheet.
def _orang(**isi):
    dasar = {"alamat": "Jl. Klirong Raya", "dusun": "Krajan", "rw": "002", "rt": "001", "no_kk": "3305050101200001",
             "tempatlahir": "KEBUMEN", "agama_id": 1, "warganegara_id": 1, "status_dasar": 1,
             "pendidikan_sedang_id": 18}
    return dasar | isi


WARGA = [
    _orang(nama="SUGENG RIYADI", nik="3305051703850001", sex=1, tanggallahir=date(1985, 3, 17), kk_level=1,
           status_kawin=2, pendidikan_kk_id=5, pekerjaan_id=9, golongan_darah_id=4, nama_ayah="KARTO DIHARJO",
           nama_ibu="SAINEM", akta_perkawinan="0123/045/VI/2009", tanggalperkawinan=date(2009, 6, 12),
           ktp_el=2, status_rekam=3, suku="JAWA"),
    _orang(nama="SITI MARYAM", nik="3305055208880002", sex=2, tanggallahir=date(1988, 8, 12), kk_level=3,
           status_kawin=2, pendidikan_kk_id=4, pekerjaan_id=2, golongan_darah_id=1, nama_ayah="SLAMET",
           nama_ibu="PARTINAH", ayah_nik="3305051212600003", akta_perkawinan="0123/045/VI/2009",
           tanggalperkawinan=date(2009, 6, 12), hamil=2, cara_kb_id=3),
    _orang(nama="BAYU SAPUTRA", nik="3305051005120003", sex=1, tanggallahir=date(2012, 5, 10), kk_level=4,
           status_kawin=1, pendidikan_kk_id=2, pendidikan_sedang_id=6, pekerjaan_id=3, golongan_darah_id=13,
           nama_ayah="SUGENG RIYADI", ayah_nik="3305051703850001", nama_ibu="SITI MARYAM",
           ibu_nik="3305055208880002", akta_lahir="3305-LT-10052012-0001"),
    # ORANGTUA: OpenSID's spelling of SIAK's ORANG TUA; parents unknown ("-")
    _orang(nama="SRI RAHAYU", nik="3305055402500004", sex=2, tanggallahir=date(1950, 2, 14), kk_level=7,
           status_kawin=4, pendidikan_kk_id=1, pekerjaan_id=1, nama_ayah="-", nama_ibu="-", rw=None),
    # died: status_dasar 2 (MATI)
    _orang(nama="KARTO DIHARJO", nik="3305050101450005", sex=1, tanggallahir=date(1945, 1, 1), kk_level=11,
           status_kawin=2, pendidikan_kk_id=1, pekerjaan_id=9, status_dasar=2),
    # moved away: status_dasar 3 (PINDAH), a KK of her own
    _orang(nama="DWI LESTARI", nik="3305054101950006", no_kk="3305050101200002", sex=2,
           tanggallahir=date(1995, 1, 1), kk_level=1, status_kawin=1, pendidikan_kk_id=8, pekerjaan_id=65,
           status_dasar=3, alamat="Dukuh Karanggedang", dusun="Karanggedang", rt="003", rw="001"),
]
