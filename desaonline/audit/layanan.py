"""Reading the audit log, within what an admin may see: the kabupaten admin every record,
a camat those of its kecamatan's desa and its own."""
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, or_, select

from desaonline.admin.dasbor import awal_hari_utc, baca_tanggal
from desaonline.audit.models import CatatanAudit
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.surat.antrean import Halaman
from tenants.models import Kecamatan

PER_HALAMAN, PER_HALAMAN_MAKS = 50, 200
PERAN = ("kabupaten", "kecamatan", "operator")


@dataclass
class Saringan:
    dari: object = None
    sampai: object = None
    kecamatan: str | None = None
    desa: int | None = None
    aktor: str | None = None
    peran: str | None = None
    aksi: str | None = None

    def sebagai_args(self):
        return {k: str(v) for k, v in vars(self).items() if v not in (None, "")}


def _syarat(admin, s):
    c = CatatanAudit
    syarat = []
    if admin.kecamatan_id is not None:
        syarat.append(or_(c.kecamatan_id == admin.kecamatan_id,
                          (c.aktor_jenis == "admin") & (c.aktor_id == admin.id)))
    if s.kecamatan:
        kec = db.session.scalar(select(Kecamatan.id).where(Kecamatan.slug == s.kecamatan))
        if kec is None:
            raise Penolakan(404, "kecamatan_tidak_ditemukan", "Kecamatan tidak ditemukan.")
        syarat.append(c.kecamatan_id == kec)
    if s.desa:
        syarat.append(c.desa_id == s.desa)
    if s.aktor:
        syarat.append(c.aktor_nama.icontains(s.aktor.strip()[:64], autoescape=True))
    if s.peran:
        if s.peran not in PERAN:
            raise Penolakan(422, "peran_tidak_dikenal", "Peran: " + ", ".join(PERAN) + ".", {"peran": "Tidak dikenal."})
        syarat.append(c.peran == s.peran)
    if s.aksi:
        syarat.append(or_(c.aksi == s.aksi, c.uraian.icontains(s.aksi.strip()[:80], autoescape=True)))
    dari, sampai = baca_tanggal(s.dari, "dari"), baca_tanggal(s.sampai, "sampai")
    if dari:
        syarat.append(c.waktu >= awal_hari_utc(dari))
    if sampai:
        syarat.append(c.waktu < awal_hari_utc(sampai + timedelta(days=1)))
    return syarat


def cari(admin, saringan, halaman=1, per_halaman=PER_HALAMAN):
    """One page of records, newest first, and how many there are."""
    halaman = max(1, min(int(halaman or 1), 100_000))
    per_halaman = max(1, min(int(per_halaman or PER_HALAMAN), PER_HALAMAN_MAKS))
    syarat = _syarat(admin, saringan)
    total = db.session.scalar(select(func.count()).select_from(CatatanAudit).where(*syarat))
    isi = db.session.scalars(select(CatatanAudit).where(*syarat).order_by(CatatanAudit.id.desc())
                             .limit(per_halaman).offset((halaman - 1) * per_halaman)).all()
    return Halaman(isi, total, halaman, per_halaman)
