"""Every resident of the desa as an XLSX file, so no desa is locked in.

``opensid``: OpenSID's layout (its template's 43 columns, the codes as text, empty
RT/RW as ``-``, a "Kode Data" sheet with every code list as in its template), which
OpenSID imports and desaonline imports back unchanged; what OpenSID knew that
desaonline does not use comes back from ``data_opensid``. ``desaonline``: the
contract's columns and every optional one. Every resident is in it, the dead and
those who moved included (their ``status_dasar`` says so), as OpenSID's own export
without a filter has them. Every cell is text, so Excel never rounds a NIK.
"""
import io

from openpyxl import Workbook
from sqlalchemy import select

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.penduduk import opensid
from desaonline.penduduk.models import Keluarga, Penduduk
from desaonline.penduduk.validasi import KOLOM_KELUARGA, SEMUA_KOLOM
from desaonline.waktu import hari_ini

FORMAT = ("opensid", "desaonline")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PRIBADI = tuple(k for k in SEMUA_KOLOM if k not in KOLOM_KELUARGA and k != "no_kk")


def _register():
    """The residents with their KK ({field: value}), in KK order as OpenSID's export sorts
    them. Two plain reads joined here: no join plan to go wrong on fresh statistics."""
    kosong = dict.fromkeys(("no_kk",) + KOLOM_KELUARGA)
    keluarga = {r.id: dict(zip(kosong, r[1:])) for r in db.session.execute(
        select(Keluarga.id, Keluarga.no_kk, *[getattr(Keluarga, k) for k in KOLOM_KELUARGA]))}
    baris = [r._asdict() | keluarga.get(r.keluarga_id, kosong) for r in db.session.execute(
        select(Penduduk.id, Penduduk.keluarga_id, Penduduk.data_opensid, *[getattr(Penduduk, k) for k in _PRIBADI]))]
    baris.sort(key=lambda r: (r["no_kk"] or "", r["id"]))
    return baris


def _teks(nilai):
    if nilai is None or nilai == "":
        return None
    return nilai.isoformat() if hasattr(nilai, "isoformat") else str(nilai)


def _baris_opensid(r):
    lain = r["data_opensid"] or {}
    baris = []
    for kolom in opensid.KOLOM:
        field = opensid.KE_FIELD.get(kolom)
        nilai = r[field] if field else lain.get(kolom)
        daftar = opensid.BERKODE.get(kolom)
        if daftar is not None and field is not None:
            nilai = daftar.kode(nilai)
        if nilai is None and kolom in ("rt", "rw"):
            nilai = "-"   # OpenSID's "no RT/RW"
        baris.append(_teks(nilai))
    return baris


def _lembar_kode(buku):
    """OpenSID's "Kode Data": each list as label and code columns, from row 4, its name in row 1."""
    lembar = buku.create_sheet(opensid.LEMBAR_KODE)
    daftar = [(kolom, list((label or d.label).items())) for kolom, d, label in opensid.KODE_DATA]
    lembar.append([x for kolom, _isi in daftar for x in (kolom, "kode")])
    lembar.append([])
    lembar.append([])
    for i in range(max(len(isi) for _k, isi in daftar)):
        lembar.append([x for _k, isi in daftar for x in ((isi[i][1], str(isi[i][0])) if i < len(isi) else (None, None))])


def ekspor(format):
    """(file name, XLSX bytes) of every resident in ``format`` (``opensid`` or ``desaonline``)."""
    if format not in FORMAT:
        raise Penolakan(422, "format_tidak_dikenal", "Format ekspor: opensid atau desaonline.",
                        {"format": "Pilih opensid atau desaonline."})
    buku = Workbook(write_only=True)
    if format == "opensid":
        lembar = buku.create_sheet(opensid.NAMA_LEMBAR)
        lembar.append(list(opensid.KOLOM))
        for r in _register():
            lembar.append(_baris_opensid(r))
        _lembar_kode(buku)
        nama = f"penduduk_{hari_ini():%d_%m_%Y}.xlsx"   # the name OpenSID gives its export
    else:
        lembar = buku.create_sheet("Penduduk")
        lembar.append(list(SEMUA_KOLOM))
        for r in _register():
            lembar.append([_teks(r[k]) for k in SEMUA_KOLOM])
        nama = f"penduduk_desaonline_{hari_ini():%Y-%m-%d}.xlsx"
    isi = io.BytesIO()
    buku.save(isi)
    return nama, isi.getvalue()
