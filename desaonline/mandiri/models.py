"""A desa's choices for its residents' accounts, and what happened to the accounts."""
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desaonline.extensions import db
from desaonline.penduduk.models import Penduduk
from desaonline.waktu import sekarang
from tenants.scoping import DesaScoped

TANGGAL_LAHIR, ACAK = "tanggal_lahir", "acak"
PIN_AWAL = {
    TANGGAL_LAHIR: "Tanggal lahir (TTTTBBHH), masuk pertama kali juga dengan Nomor KK",
    ACAK: "PIN acak sekali pakai, dicetak atau dikirim operator",
}
MASA_BERLAKU_BAWAAN = 30


class PengaturanAkun(DesaScoped, db.Model):
    """How a new resident gets a first PIN and how long it stays valid (one row per desa)."""
    __tablename__ = "pengaturan_akun"
    __table_args__ = (UniqueConstraint("desa_id", name="uq_pengaturan_akun_desa"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pin_awal: Mapped[str] = mapped_column(String(15), default=TANGGAL_LAHIR)
    # Days a first PIN (birth date or one-time) opens the account after import or reset.
    masa_berlaku_hari: Mapped[int] = mapped_column(default=MASA_BERLAKU_BAWAAN)
    diubah: Mapped[datetime] = mapped_column(default=sekarang, onupdate=sekarang)


# What the operator's list shows, in the words it shows them.
JENIS_RIWAYAT = {
    "masuk_pertama": "Masuk pertama kali (PIN pertama)",
    "ganti_pin": "PIN diganti warga",
    "reset_pin": "PIN baru dari operator",
    "perpanjang_pin": "Masa berlaku PIN pertama diperpanjang",
    "terkunci": "Akun terkunci karena PIN salah",
}


class RiwayatAkun(DesaScoped, db.Model):
    """One event of a resident's account: first login, PIN change, reset, extension, lock."""
    __tablename__ = "riwayat_akun"
    __table_args__ = (Index("ix_riwayat_akun_desa_id_id", "desa_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    penduduk_id: Mapped[int] = mapped_column(ForeignKey("penduduk.id", ondelete="CASCADE"), index=True)
    jenis: Mapped[str] = mapped_column(String(20))
    waktu: Mapped[datetime] = mapped_column(default=sekarang)
    alamat: Mapped[str | None] = mapped_column(String(45))  # the client's address
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id", ondelete="SET NULL"))
    penduduk: Mapped[Penduduk] = relationship()

    @property
    def uraian(self):
        return JENIS_RIWAYAT.get(self.jenis, self.jenis)
