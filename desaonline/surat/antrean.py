"""The operator's queue and the resident's list: filtered, newest first, paginated.

With a status filter the queue reads the ``(desa_id, status, dibuat)`` index in
order and stops after one page; residents (pemohon and subjek) and the total come
in the same query, so a page of 20 letters is one query, never 1 + 20. Each shape of
filter has its statement built once per process (``_pernyataan``): building a select
costs more than running it. A page is plain values (``SuratRingkas``), the columns a
list shows: no ORM object is built for a letter or a resident on it.
"""
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import aliased

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.penduduk.models import Penduduk
from desaonline.surat import katalog
from desaonline.surat.models import Surat
from desaonline.surat.status import DIKIRIM
from tenants.scoping import berlingkup

PER_HALAMAN = 20
PER_HALAMAN_MAKS = 100
# Far beyond any desa's letters; keeps OFFSET within the database's integers.
HALAMAN_MAKS = 100_000


@dataclass
class Halaman:
    isi: list
    total: int
    halaman: int
    per_halaman: int

    @property
    def jumlah_halaman(self):
        return max(1, -(-self.total // self.per_halaman))

    @property
    def ada_sebelum(self):
        return self.halaman > 1

    @property
    def ada_sesudah(self):
        return self.halaman < self.jumlah_halaman


def _angka(nilai, bawaan, atas=None):
    try:
        angka = int(nilai)
    except (TypeError, ValueError):
        return bawaan
    angka = max(1, angka)
    return min(angka, atas) if atas else angka


# The filters a list can have, each on a bound parameter of the same name.
_SYARAT = {
    "status": Surat.status == bindparam("status"),
    "dikirim": Surat.status.in_(DIKIRIM),
    "jenis": Surat.jenis == bindparam("jenis"),
    "pemohon_id": Surat.pemohon_id == bindparam("pemohon_id"),
}


@dataclass(frozen=True, slots=True)
class Orang:
    nik: str
    nama: str


@dataclass(frozen=True, slots=True)
class SuratRingkas:
    """A letter as a list shows it (``tampil.ringkas``, the lists' pages)."""
    id: int
    jenis: str
    status: str
    nomor: str | None
    keperluan: str
    dibuat: datetime
    diajukan: datetime | None
    pemohon_id: int
    subjek_id: int
    pemohon: Orang | None
    subjek: Orang | None


_PEMOHON, _SUBJEK = aliased(Penduduk, name="pemohon"), aliased(Penduduk, name="subjek")


@lru_cache(maxsize=None)
def _pernyataan(saringan):
    """The page query for one set of filters (names in ``_SYARAT``), with the desa's
    criteria in it (for the letters and both residents)."""
    return berlingkup(
        select(Surat.id, Surat.jenis, Surat.status, Surat.nomor, Surat.keperluan, Surat.dibuat, Surat.diajukan,
               Surat.pemohon_id, Surat.subjek_id, _PEMOHON.nik, _PEMOHON.nama, _SUBJEK.nik, _SUBJEK.nama,
               func.count().over().label("total"))
        .outerjoin(_PEMOHON, _PEMOHON.id == Surat.pemohon_id).outerjoin(_SUBJEK, _SUBJEK.id == Surat.subjek_id)
        .where(*(_SYARAT[n] for n in saringan))
        .order_by(Surat.dibuat.desc(), Surat.id.desc())
        .limit(bindparam("batas")).offset(bindparam("lewati")))


def _ringkas(b):
    *surat, p_nik, p_nama, s_nik, s_nama, _ = b
    return SuratRingkas(*surat, pemohon=Orang(p_nik, p_nama) if p_nik is not None else None,
                        subjek=Orang(s_nik, s_nama) if s_nik is not None else None)


def _halaman(saringan, halaman, per_halaman):
    """One page and the total in one query (``count(*) OVER ()``); a page past the end
    has no row to carry the total, and only then is it counted on its own.
    ``saringan``: {filter name: value} (``_SYARAT``; None for a filter with no value)."""
    halaman = _angka(halaman, 1, HALAMAN_MAKS)
    per_halaman = _angka(per_halaman, PER_HALAMAN, PER_HALAMAN_MAKS)
    nilai = {k: v for k, v in saringan.items() if v is not None}
    baris = db.session.execute(_pernyataan(tuple(sorted(saringan))),
                               {**nilai, "batas": per_halaman, "lewati": (halaman - 1) * per_halaman}).all()
    if baris:
        total = baris[0].total
    elif halaman == 1:
        total = 0
    else:
        total = db.session.scalar(select(func.count(Surat.id)).where(*(_SYARAT[n] for n in saringan)), nilai)
    return Halaman([_ringkas(b) for b in baris], total, halaman, per_halaman)


def periksa_saringan(status=None, jenis=None):
    """(status, jenis) from the query string, or Penolakan naming what is wrong."""
    status = (status or "").strip() or None
    jenis = (jenis or "").strip() or None
    if status is not None and status not in DIKIRIM:
        raise Penolakan(422, "status_tidak_dikenal", "Status tidak dikenal; pilih salah satu dari "
                         + ", ".join(DIKIRIM) + ".")
    if jenis is not None and katalog.jenis(jenis) is None:
        raise Penolakan(422, "jenis_tidak_dikenal", f"Jenis surat '{jenis}' tidak dikenal.")
    return status, jenis


def antrean_operator(status=None, jenis=None, halaman=1, per_halaman=PER_HALAMAN):
    status, jenis = periksa_saringan(status, jenis)
    saringan = {"status": status} if status else {"dikirim": None}
    if jenis:
        saringan["jenis"] = jenis
    return _halaman(saringan, halaman, per_halaman)


def surat_penduduk(penduduk, halaman=1, per_halaman=PER_HALAMAN):
    """The resident's own requests (made by them, for them or for a family member)."""
    return _halaman({"pemohon_id": penduduk.id}, halaman, per_halaman)


def hitung_per_status(penduduk):
    """{status: count} of the resident's requests (the dashboard's summary)."""
    rows = db.session.execute(select(Surat.status, func.count()).where(Surat.pemohon_id == penduduk.id)
                              .group_by(Surat.status))
    return dict(rows.all())


def hitung_status_desa(status):
    """{status: count} over the whole desa for the given statuses (index-only on PostgreSQL)."""
    rows = db.session.execute(select(Surat.status, func.count()).where(Surat.status.in_(status))
                              .group_by(Surat.status))
    return dict(rows.all())
