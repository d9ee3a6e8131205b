"""Whether each desa can issue letters, and what waits there: for the kabupaten's lists.

A desa is ready when it can sign (a valid certificate, or BSrE with the Kepala
Desa's NIK), has a signatory, has saved its letterhead and has residents. The
figures for many desa come from one grouped query per table (no query per desa),
kabupaten-wide by nature, so they run without a desa's scope.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, func, insert, select

from desaonline.admin.models import ringkasan_penduduk
from desaonline.extensions import db
from desaonline.penduduk.models import Penduduk
from desaonline.penduduk.referensi import HIDUP
from desaonline.signing.models import PengaturanTtd, SertifikatDesa
from desaonline.surat.models import Pejabat, PengaturanSurat, Surat
from desaonline.surat.status import DIAJUKAN
from desaonline.waktu import sebagai_utc, sekarang

SEGERA_HABIS = timedelta(days=30)

# What is missing, in the words the pages and the API use (the API gives the keys).
KURANG = {
    "sertifikat": "Sertifikat TTE",
    "penandatangan": "Penandatangan",
    "kop_surat": "Kop surat",
    "penduduk": "Data penduduk",
}


@dataclass
class Kesiapan:
    metode_ttd: str = "sertifikat"
    sertifikat_sampai: datetime | None = None   # the latest expiry of an active certificate
    penandatangan: int = 0
    kop_surat: bool = False
    penduduk: int = 0                          # living residents (status_dasar HIDUP)
    mandiri: int = 0                           # of them, who activated Layanan Mandiri (own PIN)
    menunggu: int = 0                          # requests submitted, not yet approved or rejected
    menunggu_sejak: datetime | None = None     # the oldest of them
    bsre_nik: bool = False

    @property
    def sertifikat_berlaku(self):
        if self.metode_ttd == "bsre":
            return self.bsre_nik
        return self.sertifikat_sampai is not None and self.sertifikat_sampai > sekarang()

    @property
    def sertifikat_segera_habis(self):
        """A certificate still valid that ends within 30 days (BSrE has none to renew here)."""
        return (self.metode_ttd != "bsre" and self.sertifikat_berlaku
                and self.sertifikat_sampai - sekarang() <= SEGERA_HABIS)

    @property
    def kurang(self):
        """The keys of what is missing, in the order of ``KURANG``."""
        ada = {"sertifikat": self.sertifikat_berlaku, "penandatangan": self.penandatangan > 0,
               "kop_surat": self.kop_surat, "penduduk": self.penduduk > 0}
        return [k for k in KURANG if not ada[k]]

    @property
    def siap(self):
        return not self.kurang

    def lama_menunggu(self, pada=None):
        """How long the oldest waiting request has waited, or None."""
        if self.menunggu_sejak is None:
            return None
        return (pada or sekarang()) - self.menunggu_sejak

    def as_dict(self):
        return {
            "siap": self.siap, "kurang": self.kurang,
            "sertifikat": {"metode": self.metode_ttd, "berlaku": self.sertifikat_berlaku,
                           "berlaku_sampai": self.sertifikat_sampai, "segera_habis": self.sertifikat_segera_habis},
            "penandatangan": self.penandatangan, "kop_surat": self.kop_surat,
            "penduduk": self.penduduk, "mandiri_aktif": self.mandiri,
            "menunggu": self.menunggu, "menunggu_sejak": self.menunggu_sejak,
        }


def _grup(stmt):
    return db.session.execute(stmt.execution_options(tanpa_scope=True)).all()


def kesiapan(desa_ids, wilayah=None):
    """{desa_id: Kesiapan} for the given desa. ``wilayah``, when given, is what picks those
    desa in SQL (a subquery of their ids, or ``SEMUA`` for every desa): hundreds of bound ids
    cost PostgreSQL more to plan than the query itself."""
    hasil = {i: Kesiapan() for i in desa_ids}
    if not desa_ids:
        return hasil

    def dalam(kolom):
        if wilayah is SEMUA:
            return []
        return [kolom.in_(wilayah if wilayah is not None else desa_ids)]

    def ada(baris):
        return [b for b in baris if b[0] in hasil]

    for desa_id, sampai in ada(_grup(
            select(SertifikatDesa.desa_id, func.max(SertifikatDesa.berlaku_sampai))
            .where(*dalam(SertifikatDesa.desa_id), SertifikatDesa.aktif.is_(True))
            .group_by(SertifikatDesa.desa_id))):
        hasil[desa_id].sertifikat_sampai = sebagai_utc(sampai)
    for desa_id, metode, nik in ada(_grup(
            select(PengaturanTtd.desa_id, PengaturanTtd.metode, PengaturanTtd.bsre_nik)
            .where(*dalam(PengaturanTtd.desa_id)))):
        hasil[desa_id].metode_ttd, hasil[desa_id].bsre_nik = metode, bool(nik)
    for desa_id, jumlah in ada(_grup(
            select(Pejabat.desa_id, func.count()).where(*dalam(Pejabat.desa_id), Pejabat.aktif.is_(True))
            .group_by(Pejabat.desa_id))):
        hasil[desa_id].penandatangan = jumlah
    for (desa_id,) in ada(_grup(select(PengaturanSurat.desa_id).where(*dalam(PengaturanSurat.desa_id)))):
        hasil[desa_id].kop_surat = True
    for desa_id, jumlah, mandiri in ada(_grup(_penduduk(dalam))):
        hasil[desa_id].penduduk, hasil[desa_id].mandiri = jumlah, mandiri
    for desa_id, jumlah, sejak in ada(_grup(
            select(Surat.desa_id, func.count(), func.min(Surat.diajukan))
            .where(*dalam(Surat.desa_id), Surat.status == DIAJUKAN).group_by(Surat.desa_id))):
        hasil[desa_id].menunggu, hasil[desa_id].menunggu_sejak = jumlah, sebagai_utc(sejak)
    return hasil


SEMUA = object()   # ``kesiapan(..., wilayah=SEMUA)``: every desa of the kabupaten


def _penduduk(dalam):
    """(desa_id, living residents, of them with their own PIN): PostgreSQL's triggers keep
    them per desa (``ringkasan_penduduk``); elsewhere they are counted."""
    if db.session.get_bind().dialect.name == "postgresql":
        r = ringkasan_penduduk.c
        return select(r.desa_id, r.hidup, r.mandiri).where(*dalam(r.desa_id))
    return (select(Penduduk.desa_id, func.count(),
                   func.coalesce(func.sum(case((Penduduk.wajib_ganti_pin.is_(False), 1), else_=0)), 0))
            .where(*dalam(Penduduk.desa_id), Penduduk.aktif).group_by(Penduduk.desa_id))


def hitung_ulang_penduduk():
    """Count the residents of every desa again into ``ringkasan_penduduk`` (PostgreSQL), after
    rows were written with triggers off (a bulk load with ``session_replication_role``)."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    hidup = func.count().filter(Penduduk.status_dasar == HIDUP)
    mandiri = func.count().filter(Penduduk.status_dasar == HIDUP, Penduduk.wajib_ganti_pin.is_(False))
    db.session.execute(delete(ringkasan_penduduk))
    db.session.execute(insert(ringkasan_penduduk).from_select(
        ["desa_id", "hidup", "mandiri"],
        select(Penduduk.desa_id, hidup, mandiri).group_by(Penduduk.desa_id).execution_options(tanpa_scope=True)))
    db.session.commit()


def baris(desa, siap, base_domain, pada=None):
    """One desa's readiness as plain values (a row of the pages' tables and their CSV),
    named as the dashboard's desa rows (``admin/dasbor.py``) are."""
    lama = siap.lama_menunggu(pada)
    return {
        "id": desa.id, "nama": f"{desa.jenis.capitalize()} {desa.nama}", "kecamatan_nama": desa.kecamatan.nama,
        "host": desa.host(base_domain), "aktif": desa.aktif, "siap": siap.siap, "kurang": siap.kurang,
        "sertifikat_berlaku_sampai": siap.sertifikat_sampai if siap.metode_ttd != "bsre" else None,
        "sertifikat_segera_habis": siap.sertifikat_segera_habis,
        "penduduk": siap.penduduk, "mandiri_aktif": siap.mandiri, "menunggu": siap.menunggu,
        "menunggu_sejak": siap.menunggu_sejak, "menunggu_detik": round(lama.total_seconds()) if lama else None,
    }
