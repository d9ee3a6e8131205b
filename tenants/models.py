"""The kabupaten, its kecamatan and desa."""
from datetime import datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desaonline.extensions import db
from desaonline.waktu import sekarang


class Kabupaten(db.Model):
    __tablename__ = "kabupaten"
    id: Mapped[int] = mapped_column(primary_key=True)
    kode: Mapped[str] = mapped_column(String(13), unique=True)
    nama: Mapped[str] = mapped_column(String(120))
    kecamatan: Mapped[list["Kecamatan"]] = relationship(back_populates="kabupaten", order_by="Kecamatan.nama")


class Kecamatan(db.Model):
    __tablename__ = "kecamatan"
    id: Mapped[int] = mapped_column(primary_key=True)
    kabupaten_id: Mapped[int] = mapped_column(ForeignKey("kabupaten.id"), index=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    kode: Mapped[str] = mapped_column(String(13), unique=True)
    nama: Mapped[str] = mapped_column(String(120))
    kabupaten: Mapped[Kabupaten] = relationship(back_populates="kecamatan")
    desa: Mapped[list["Desa"]] = relationship(back_populates="kecamatan", order_by="Desa.nama")


class Desa(db.Model):
    __tablename__ = "desa"
    __table_args__ = (UniqueConstraint("kecamatan_id", "slug", name="uq_desa_kecamatan_slug"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kecamatan_id: Mapped[int] = mapped_column(ForeignKey("kecamatan.id"), index=True)
    slug: Mapped[str] = mapped_column(String(63))
    # Kemendagri area code, e.g. 33.05.10.2001
    kode: Mapped[str] = mapped_column(String(13), unique=True)
    nama: Mapped[str] = mapped_column(String(120))
    jenis: Mapped[str] = mapped_column(String(10), default="desa")  # desa | kelurahan
    wa_operator: Mapped[str | None] = mapped_column(String(20))
    alamat_kantor: Mapped[str | None] = mapped_column(String(255))
    telepon: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(120))
    kode_pos: Mapped[str | None] = mapped_column(String(5))
    aktif: Mapped[bool] = mapped_column(default=True)
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)
    kecamatan: Mapped[Kecamatan] = relationship(back_populates="desa")
    host_tambahan: Mapped[list["DesaHost"]] = relationship(back_populates="desa", cascade="all, delete-orphan")

    def host(self, base_domain):
        return desa_host(self.slug, self.kecamatan.slug, base_domain)


def desa_host(slug, kecamatan_slug, base_domain):
    """A desa's own address: {desa}.{kecamatan}.{BASE_DOMAIN}."""
    return f"{slug}.{kecamatan_slug}.{base_domain}"


class DesaHost(db.Model):
    """An extra host name of a desa (its own custom domain)."""
    __tablename__ = "desa_host"
    id: Mapped[int] = mapped_column(primary_key=True)
    desa_id: Mapped[int] = mapped_column(ForeignKey("desa.id", ondelete="CASCADE"), index=True)
    host: Mapped[str] = mapped_column(String(253), unique=True)
    desa: Mapped[Desa] = relationship(back_populates="host_tambahan")


# The change signal of the host map (tenants/resolver.py): one row whose ``versi``
# database triggers raise in the same transaction as any change to kabupaten,
# kecamatan, desa or desa_host, however it is made (ORM, Core, psql). Every web
# process reads it cheaply and reloads its map when it moved.
tenant_versi = Table(
    "tenant_versi", db.metadata,
    Column("id", Integer, primary_key=True),
    Column("versi", BigInteger, nullable=False),
)

# Each desa's own change signal: raised by triggers, in the same transaction, on every
# change to the settings a letter is made from (the letterhead ``pengaturan_surat``,
# how the desa signs ``pengaturan_ttd``, its certificates ``sertifikat_desa``). With
# ``tenant_versi`` (the desa's name, kecamatan, kabupaten) it tells a worker that what it
# keeps of a desa is still current (``desaonline.surat.konteks``). A desa whose settings
# never changed has no row.
desa_versi = Table(
    "desa_versi", db.metadata,
    Column("desa_id", Integer, primary_key=True, autoincrement=False),
    Column("versi", BigInteger, nullable=False),
)
