"""Kabupaten and kecamatan admins."""
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desaonline.auth.kunci import KunciAkun
from desaonline.auth.sessions import AkunMixin, register_akun
from desaonline.extensions import db
from desaonline.waktu import sekarang
from tenants.models import Kecamatan


class Admin(AkunMixin, KunciAkun, db.Model):
    __tablename__ = "admin"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    nama: Mapped[str | None] = mapped_column(String(120))
    # NULL: kabupaten admin (every desa); set: admin of that kecamatan only.
    kecamatan_id: Mapped[int | None] = mapped_column(ForeignKey("kecamatan.id", ondelete="CASCADE"), index=True)
    aktif: Mapped[bool] = mapped_column(default=True)
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)
    kecamatan: Mapped[Kecamatan | None] = relationship()

    @property
    def peran(self):
        return "kecamatan" if self.kecamatan_id else "kabupaten"


register_akun("admin", Admin)


# Living residents and those who chose their own PIN, per desa: kept by PostgreSQL
# triggers on ``penduduk`` (migration kabupaten_03_ringkasan_penduduk), so the
# kabupaten's dashboard reads 460 rows instead of counting 1.4 million. Not used on
# SQLite (no triggers there): the residents are counted directly.
ringkasan_penduduk = Table(
    "ringkasan_penduduk", db.metadata,
    Column("desa_id", ForeignKey("desa.id", ondelete="CASCADE"), primary_key=True),
    Column("hidup", Integer, nullable=False, server_default="0"),
    Column("mandiri", Integer, nullable=False, server_default="0"),
)
