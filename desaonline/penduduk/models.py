"""Residents (penduduk) and their family cards (keluarga)."""
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desaonline.auth.kunci import KunciAkun
from desaonline.auth.sessions import AkunMixin, register_akun
from desaonline.extensions import db
from desaonline.waktu import sekarang
from tenants.scoping import DesaScoped


class Keluarga(DesaScoped, db.Model):
    """A family card (Kartu Keluarga)."""
    __tablename__ = "keluarga"
    __table_args__ = (UniqueConstraint("desa_id", "no_kk", name="uq_keluarga_desa_no_kk"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    no_kk: Mapped[str] = mapped_column(String(16))
    alamat: Mapped[str | None] = mapped_column(String(255))
    rt: Mapped[str | None] = mapped_column(String(3))
    rw: Mapped[str | None] = mapped_column(String(3))
    dusun: Mapped[str | None] = mapped_column(String(100))
    anggota: Mapped[list["Penduduk"]] = relationship(back_populates="keluarga", order_by="Penduduk.id")


class Penduduk(AkunMixin, KunciAkun, DesaScoped, db.Model):
    """A resident of one desa; the same person in another desa is another record."""
    __tablename__ = "penduduk"
    __table_args__ = (
        UniqueConstraint("desa_id", "nik", name="uq_penduduk_desa_nik"),
        Index("ix_penduduk_desa_nama", "desa_id", "nama"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    nik: Mapped[str] = mapped_column(String(16))
    keluarga_id: Mapped[int | None] = mapped_column(ForeignKey("keluarga.id"), index=True)
    nama: Mapped[str] = mapped_column(String(120))
    tempat_lahir: Mapped[str | None] = mapped_column(String(100))
    tanggal_lahir: Mapped[date]
    jenis_kelamin: Mapped[str] = mapped_column(String(1))  # L | P
    agama: Mapped[str | None] = mapped_column(String(30))
    status_perkawinan: Mapped[str | None] = mapped_column(String(30))
    pekerjaan: Mapped[str | None] = mapped_column(String(100))
    hubungan_keluarga: Mapped[str | None] = mapped_column(String(30))
    pendidikan: Mapped[str | None] = mapped_column(String(60))
    kewarganegaraan: Mapped[str] = mapped_column(String(10), default="WNI")
    golongan_darah: Mapped[str | None] = mapped_column(String(3))
    no_hp: Mapped[str | None] = mapped_column(String(20))
    # NULL while the PIN is still the birth date (YYYYMMDD): hashing 20,000 birth
    # dates at import would cost minutes and protect nothing.
    pin_hash: Mapped[str | None] = mapped_column(String(255))
    wajib_ganti_pin: Mapped[bool] = mapped_column(default=True)
    # Until when the first PIN (birth date or one-time) opens the account; NULL once
    # the resident chose a PIN (desaonline.mandiri.akun).
    pin_berlaku_sampai: Mapped[datetime | None]
    aktif: Mapped[bool] = mapped_column(default=True)
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)
    diubah: Mapped[datetime] = mapped_column(default=sekarang, onupdate=sekarang)
    keluarga: Mapped[Keluarga | None] = relationship(back_populates="anggota")
    peran = "penduduk"


register_akun("penduduk", Penduduk)
