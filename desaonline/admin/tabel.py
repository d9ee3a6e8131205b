"""Tables that sort by a query parameter (``?urut_desa=-menunggu``): no JavaScript needed,
a sorted view is a link anyone can bookmark, and the same rows give the CSV.

A table is rows of plain values (dicts) and its columns; the page shows each value
through the column's ``tampil`` and the CSV writes the value itself.
"""
import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable

from flask import request, url_for

from desaonline.waktu import tanggal_indonesia


def lama(nilai):
    """A duration for people: '3 hari 4 jam', '2 jam 5 menit', '40 menit'."""
    if nilai is None:
        return "-"
    detik = int(nilai.total_seconds() if isinstance(nilai, timedelta) else nilai)
    hari, sisa = divmod(detik, 86400)
    jam, sisa = divmod(sisa, 3600)
    menit = sisa // 60
    if hari:
        return f"{hari} hari {jam} jam" if jam else f"{hari} hari"
    if jam:
        return f"{jam} jam {menit} menit" if menit else f"{jam} jam"
    return f"{menit} menit"


def _biasa(nilai):
    if nilai is None:
        return "-"
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, (datetime, date)):
        return tanggal_indonesia(nilai)
    return nilai


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    angka: bool = False              # right-aligned; the first click sorts largest first
    tampil: Callable = _biasa        # value -> what the page shows
    tautan: Callable = None          # row -> URL for the cell (drill-down), or None


def _kunci_urut(nilai):
    # None sorts last either way; text without regard to case.
    if isinstance(nilai, str):
        return (0, nilai.lower())
    if isinstance(nilai, timedelta):
        return (0, nilai.total_seconds())
    return (0, nilai) if nilai is not None else (1, 0)


class Tabel:
    def __init__(self, nama, kolom, baris, bawaan, args=None):
        """``nama`` names the query parameter (``urut_<nama>``); ``bawaan`` the default sort,
        e.g. ``"-menunggu"``; an unknown column in the URL falls back to it."""
        self.nama, self.kolom = nama, list(kolom)
        self.param = f"urut_{nama}"
        kunci = {k.kunci for k in self.kolom}
        diminta = (args if args is not None else request.args).get(self.param, bawaan)
        if diminta.lstrip("-") not in kunci:
            diminta = bawaan
        self.urut, self.turun = diminta.lstrip("-"), diminta.startswith("-")
        ada = [b for b in baris if b.get(self.urut) is not None]
        kosong = [b for b in baris if b.get(self.urut) is None]
        self.baris = sorted(ada, key=lambda b: _kunci_urut(b[self.urut]), reverse=self.turun) + kosong

    def tautan_urut(self, kolom):
        """The URL that sorts by ``kolom`` (the other direction when it sorts so already)."""
        if kolom.kunci == self.urut:
            nilai = kolom.kunci if self.turun else f"-{kolom.kunci}"
        else:
            nilai = f"-{kolom.kunci}" if kolom.angka else kolom.kunci
        args = request.args.to_dict()
        args[self.param] = nilai
        return url_for(request.endpoint, **(request.view_args or {}), **args) + f"#tabel-{self.nama}"

    def tautan_csv(self):
        """This page's URL answering this table as CSV (same filters, same order)."""
        args = request.args.to_dict()
        args.update(format="csv", tabel=self.nama)
        return url_for(request.endpoint, **(request.view_args or {}), **args)

    def aria_sort(self, kolom):
        if kolom.kunci != self.urut:
            return None
        return "descending" if self.turun else "ascending"

    def sel(self, batas=None):
        """The rows as the page shows them: (row id, [(key, CSV value, shown text, link, numeric)]),
        built here once (a Jinja call per cell costs more than the whole query)."""
        hasil = []
        for b in self.baris[:batas]:
            hasil.append((b.get("id"), [(k.kunci, nilai_csv(b.get(k.kunci)), k.tampil(b.get(k.kunci)),
                                         k.tautan(b) if k.tautan else None, k.angka) for k in self.kolom]))
        return hasil

    def sisa(self, batas):
        return max(0, len(self.baris) - batas) if batas else 0

    def csv(self):
        keluaran = io.StringIO()
        tulis = csv.writer(keluaran)
        tulis.writerow([k.kunci for k in self.kolom])
        for b in self.baris:
            tulis.writerow([nilai_csv(b.get(k.kunci)) for k in self.kolom])
        return keluaran.getvalue()


def nilai_csv(nilai):
    if nilai is None:
        return ""
    if isinstance(nilai, timedelta):
        return round(nilai.total_seconds())
    if isinstance(nilai, datetime):
        return nilai.isoformat()
    if isinstance(nilai, bool):
        return "1" if nilai else "0"
    if isinstance(nilai, (list, tuple)):
        return " ".join(map(str, nilai))
    return nilai
