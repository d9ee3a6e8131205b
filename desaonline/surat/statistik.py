"""Letter figures across many desa, for the kabupaten and kecamatan dashboards.

Every function takes ``syarat``: the WHERE clauses that pick the letters (which
desa, which period); the caller (``admin/dasbor.py``) decides what they are. The
queries are kabupaten-wide by nature (``tanpa_scope``) and read covering indexes
(migration kabupaten_02_statistik). Days are the desa's calendar (WIB, UTC+7 all
year), durations are seconds, and percentiles interpolate between neighbours as
PostgreSQL's ``percentile_cont`` does.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Date, Float, case, func, select, text, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from desaonline.extensions import db
from desaonline.surat.models import Surat
from desaonline.surat.status import DIAJUKAN, SELESAI
from desaonline.waktu import sebagai_utc
from tenants.models import Desa


class hari_wib(FunctionElement):
    """The WIB calendar day of a UTC timestamp column."""
    type = Date()
    inherit_cache = True


@compiles(hari_wib)
def _hari_sqlite(element, compiler, **kw):
    return "date(%s, '+7 hours')" % compiler.process(element.clauses, **kw)


@compiles(hari_wib, "postgresql")
def _hari_pg(element, compiler, **kw):
    return "CAST((%s + INTERVAL '7 hours') AS DATE)" % compiler.process(element.clauses, **kw)


class detik_antara(FunctionElement):
    """Seconds from the first timestamp to the second."""
    type = Float()
    inherit_cache = True


@compiles(detik_antara)
def _detik_sqlite(element, compiler, **kw):
    awal, akhir = list(element.clauses)
    return "((julianday(%s) - julianday(%s)) * 86400.0)" % (compiler.process(akhir, **kw), compiler.process(awal, **kw))


@compiles(detik_antara, "postgresql")
def _detik_pg(element, compiler, **kw):
    awal, akhir = list(element.clauses)
    # A float, not numeric: thousands of Decimals would cost more than the query.
    return "CAST(EXTRACT(EPOCH FROM (%s - %s)) AS DOUBLE PRECISION)" % (compiler.process(akhir, **kw),
                                                                       compiler.process(awal, **kw))


def _jalankan(stmt):
    # Core, not the ORM: these rows are plain values (no objects to track), and thousands of
    # them come back an order of magnitude faster. Kabupaten-wide on purpose: ``syarat`` says
    # which desa, decided by the admin's rights (admin/akses.py), never the tenancy listener.
    return db.session.connection().execute(stmt).all()


@dataclass
class Periode:
    """The period's requests summed every way the dashboard shows them."""
    status: dict = field(default_factory=dict)    # desa_id -> {status: n}
    jenis: dict = field(default_factory=dict)     # kode -> n
    hari: dict = field(default_factory=dict)      # WIB date of submission -> n
    # ("desa", id) | ("kecamatan", id) | ("jenis", kode) | "semua" -> (n signed, median s, p90 s)
    waktu: dict = field(default_factory=dict)


def periode(syarat):
    """The requests picked by ``syarat`` (their submission time in the period) summed per desa
    and status, per type, per day, and their time to a signed letter per desa, kecamatan,
    type and overall. PostgreSQL sums them itself (GROUPING SETS, ``percentile_cont``), so
    only a few hundred rows come back; elsewhere (SQLite) one pass in Python does the same."""
    if db.session.get_bind().dialect.name == "postgresql":
        return _periode_pg(syarat)
    return _periode_python(syarat)


def _periode_pg(syarat):
    hasil = Periode()
    hari = hari_wib(Surat.diajukan)
    for desa_id, status, jenis, h, g, n in _jalankan(
            select(Surat.desa_id, Surat.status, Surat.jenis, hari, func.grouping(Surat.desa_id, Surat.jenis, hari),
                   func.count()).where(*syarat)
            .group_by(func.grouping_sets(tuple_(Surat.desa_id, Surat.status), tuple_(Surat.jenis), tuple_(hari)))):
        if g == 0b011:          # desa and status
            hasil.status.setdefault(desa_id, {})[status] = n
        elif g == 0b101:        # type
            hasil.jenis[jenis] = n
        else:                   # day
            hasil.hari[tanggal(h)] = n
    detik = detik_antara(Surat.diajukan, Surat.selesai)
    for desa_id, kec_id, jenis, g, n, median, p90 in _jalankan(
            select(Surat.desa_id, Desa.kecamatan_id, Surat.jenis, func.grouping(Surat.desa_id, Desa.kecamatan_id, Surat.jenis),
                   func.count(), func.percentile_cont(0.5).within_group(detik), func.percentile_cont(0.9).within_group(detik))
            .join(Desa, Desa.id == Surat.desa_id).where(*syarat, Surat.status == SELESAI, Surat.selesai.is_not(None))
            .group_by(func.grouping_sets(tuple_(Surat.desa_id), tuple_(Desa.kecamatan_id), tuple_(Surat.jenis),
                                         text("()")))):
        kunci = {0b011: ("desa", desa_id), 0b101: ("kecamatan", kec_id), 0b110: ("jenis", jenis)}.get(g, "semua")
        hasil.waktu[kunci] = (n, median, p90)
    return hasil


def _periode_python(syarat):
    status, jenis, hari, waktu = Counter(), Counter(), Counter(), defaultdict(list)
    kecamatan = dict(_jalankan(select(Desa.id, Desa.kecamatan_id)))
    for desa_id, st, kode, h, detik in _jalankan(
            select(Surat.desa_id, Surat.status, Surat.jenis, hari_wib(Surat.diajukan),
                   case((Surat.status == SELESAI, detik_antara(Surat.diajukan, Surat.selesai)), else_=None))
            .where(*syarat)):
        status[desa_id, st] += 1
        jenis[kode] += 1
        hari[h] += 1
        if detik is not None:
            for kunci in (("desa", desa_id), ("kecamatan", kecamatan[desa_id]), ("jenis", kode), "semua"):
                waktu[kunci].append(detik)
    hasil = Periode(jenis=dict(jenis), hari={tanggal(h): n for h, n in hari.items()},
                    waktu={k: ringkas_waktu(v) for k, v in waktu.items()})
    for (desa_id, st), n in status.items():
        hasil.status.setdefault(desa_id, {})[st] = n
    return hasil


def per_hari(kolom, syarat):
    """{date: n} by the WIB day of ``kolom`` (e.g. ``Surat.selesai``)."""
    hari = hari_wib(kolom)
    return {tanggal(h): n for h, n in _jalankan(select(hari, func.count()).where(*syarat).group_by(hari))}


def tanggal(nilai):
    """A day as the database gave it (PostgreSQL: a date; SQLite: its text)."""
    return nilai if isinstance(nilai, date) else date.fromisoformat(str(nilai)[:10])


def persentil(terurut, p):
    """``percentile_cont(p)`` of a sorted list (None when empty)."""
    if not terurut:
        return None
    posisi = (len(terurut) - 1) * p
    bawah = int(posisi)
    atas = min(bawah + 1, len(terurut) - 1)
    return terurut[bawah] + (terurut[atas] - terurut[bawah]) * (posisi - bawah)


def ringkas_waktu(detik):
    """(n, median, p90) of a list of durations (sorted in place)."""
    detik.sort()
    return len(detik), persentil(detik, 0.5), persentil(detik, 0.9)


def menunggu_terlama(syarat, batas=10):
    """The requests waiting longest for the operator: [(id, desa_id, jenis, diajukan)]."""
    return [(i, d, j, sebagai_utc(t)) for i, d, j, t in _jalankan(
        select(Surat.id, Surat.desa_id, Surat.jenis, Surat.diajukan)
        .where(*syarat, Surat.status == DIAJUKAN, Surat.diajukan.is_not(None))
        .order_by(Surat.diajukan, Surat.id).limit(batas))]
