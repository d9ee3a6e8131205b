"""The operator's queue and the resident's list: filtered, newest first, paginated.

With a status filter the queue reads the ``(desa_id, status, dibuat)`` index in
order and stops after one page; residents (pemohon and subjek) and the total come
in the same query, so a page of 20 letters is one query, never 1 + 20.
"""
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.surat import katalog
from desaonline.surat.models import Surat
from desaonline.surat.status import DIKIRIM

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


def _halaman(syarat, halaman, per_halaman):
    """One page and the total in one query (``count(*) OVER ()``); a page past the end
    has no row to carry the total, and only then is it counted on its own."""
    halaman = _angka(halaman, 1, HALAMAN_MAKS)
    per_halaman = _angka(per_halaman, PER_HALAMAN, PER_HALAMAN_MAKS)
    baris = db.session.execute(
        select(Surat, func.count().over().label("total")).where(*syarat)
        .options(joinedload(Surat.pemohon), joinedload(Surat.subjek))
        .order_by(Surat.dibuat.desc(), Surat.id.desc())
        .limit(per_halaman).offset((halaman - 1) * per_halaman)).all()
    if baris:
        total = baris[0].total
    else:
        total = 0 if halaman == 1 else db.session.scalar(select(func.count(Surat.id)).where(*syarat))
    return Halaman([b.Surat for b in baris], total, halaman, per_halaman)


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
    syarat = [Surat.status == status if status else Surat.status.in_(DIKIRIM)]
    if jenis:
        syarat.append(Surat.jenis == jenis)
    return _halaman(syarat, halaman, per_halaman)


def surat_penduduk(penduduk, halaman=1, per_halaman=PER_HALAMAN):
    """The resident's own requests (made by them, for them or for a family member)."""
    return _halaman([Surat.pemohon_id == penduduk.id], halaman, per_halaman)


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
