"""Residents (penduduk) and their family cards (keluarga)."""
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship

from desaonline.auth.kunci import KunciAkun
from desaonline.auth.sessions import AkunMixin, register_akun
from desaonline.extensions import db
from desaonline.penduduk.opensid import sementara
from desaonline.penduduk.referensi import HIDUP
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

    @property
    def no_kk_sementara(self):
        """OpenSID's temporary KK number (it starts with 0; a real one never does)."""
        return sementara(self.no_kk)


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
    pendidikan: Mapped[str | None] = mapped_column(String(60))  # the highest finished, as on the KK
    pendidikan_sedang: Mapped[str | None] = mapped_column(String(60))
    kewarganegaraan: Mapped[str] = mapped_column(String(30), default="WNI")
    golongan_darah: Mapped[str | None] = mapped_column(String(10))
    no_hp: Mapped[str | None] = mapped_column(String(20))
    nik_ayah: Mapped[str | None] = mapped_column(String(16))
    nama_ayah: Mapped[str | None] = mapped_column(String(120))
    nik_ibu: Mapped[str | None] = mapped_column(String(16))
    nama_ibu: Mapped[str | None] = mapped_column(String(120))
    akta_lahir: Mapped[str | None] = mapped_column(String(40))
    akta_perkawinan: Mapped[str | None] = mapped_column(String(40))
    tanggal_perkawinan: Mapped[date | None]
    akta_perceraian: Mapped[str | None] = mapped_column(String(40))
    tanggal_perceraian: Mapped[date | None]
    # HIDUP, MATI, PINDAH, HILANG, PERGI or TIDAK VALID (referensi.STATUS_DASAR): the one
    # source of whether the resident is still one; ``aktif`` is read from it.
    status_dasar: Mapped[str] = mapped_column(String(12), default=HIDUP)
    # What OpenSID knew that desaonline does not use (disability, KB, KTP-el, insurance,
    # suku, coordinates...), kept so the export to OpenSID's layout gives it back. Loaded
    # only when read: every request loads its resident, none of them needs this.
    data_opensid: Mapped[dict | None] = mapped_column(JSON, deferred=True)
    # NULL while the PIN is still the birth date (YYYYMMDD): hashing 20,000 birth
    # dates at import would cost minutes and protect nothing.
    pin_hash: Mapped[str | None] = mapped_column(String(255))
    wajib_ganti_pin: Mapped[bool] = mapped_column(default=True)
    # Until when the first PIN (birth date or one-time) opens the account; NULL once
    # the resident chose a PIN (desaonline.mandiri.akun).
    pin_berlaku_sampai: Mapped[datetime | None]
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)
    diubah: Mapped[datetime] = mapped_column(default=sekarang, onupdate=sekarang)
    keluarga: Mapped[Keluarga | None] = relationship(back_populates="anggota")
    peran = "penduduk"

    @classmethod
    def muat_bersama(cls):
        # Biodata, family and letters all read the KK: one query with the resident, not two.
        return (joinedload(cls.keluarga),)

    @hybrid_property
    def aktif(self):
        """Only a living resident (status_dasar HIDUP) logs in and can be the subject of a letter."""
        return self.status_dasar == HIDUP

    @aktif.inplace.expression
    @classmethod
    def _aktif_sql(cls):
        return cls.status_dasar == HIDUP

    @property
    def nik_sementara(self):
        """OpenSID's temporary NIK, given to a resident who has none yet."""
        return sementara(self.nik)


register_akun("penduduk", Penduduk)
