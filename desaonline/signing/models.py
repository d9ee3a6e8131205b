"""The Kepala Desa's signing certificate, kept encrypted at rest."""
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desaonline.extensions import db
from desaonline.waktu import sekarang
from tenants.scoping import DesaScoped


class SertifikatDesa(DesaScoped, db.Model):
    __tablename__ = "sertifikat_desa"
    id: Mapped[int] = mapped_column(primary_key=True)
    pejabat_id: Mapped[int | None] = mapped_column(ForeignKey("pejabat.id"))
    # PKCS#12 and its password, both encrypted with CERT_ENCRYPTION_KEY (Fernet).
    p12_terenkripsi: Mapped[bytes] = mapped_column(LargeBinary)
    sandi_terenkripsi: Mapped[bytes] = mapped_column(LargeBinary)
    subjek: Mapped[str] = mapped_column(String(255))
    penerbit: Mapped[str] = mapped_column(String(255))
    serial: Mapped[str] = mapped_column(String(64))
    sidik_sha256: Mapped[str] = mapped_column(String(64))
    berlaku_mulai: Mapped[datetime]
    berlaku_sampai: Mapped[datetime]
    aktif: Mapped[bool] = mapped_column(default=True)
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)


class PengaturanTtd(DesaScoped, db.Model):
    """How a desa signs: with the uploaded certificate, or through a BSrE esign client
    (the Kepala Desa's NIK there; the passphrase is typed at approval).

    The esign client is the kabupaten's (``BSRE_*`` environment) unless the desa has
    its own: ``bsre_url`` with its API version and the application's username and
    password, encrypted like the certificate and never shown back."""
    __tablename__ = "pengaturan_ttd"
    __table_args__ = (UniqueConstraint("desa_id", name="uq_pengaturan_ttd_desa"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    metode: Mapped[str] = mapped_column(String(10), default="sertifikat")  # sertifikat | bsre
    bsre_nik: Mapped[str | None] = mapped_column(String(16))
    # The visible signature: a QR code to the letter's verification page, or the specimen
    # image; placed by coordinates of the signature box, or by a tag character in the letter.
    bsre_visual: Mapped[str] = mapped_column(String(10), default="qr", server_default="qr")  # qr | spesimen
    bsre_letak: Mapped[str] = mapped_column(String(10), default="koordinat", server_default="koordinat")
    bsre_spesimen: Mapped[bytes | None] = mapped_column(LargeBinary)  # PNG or JPEG
    bsre_url: Mapped[str | None] = mapped_column(String(255))          # the desa's own esign client
    bsre_versi: Mapped[str | None] = mapped_column(String(2))
    bsre_kredensial_terenkripsi: Mapped[bytes | None] = mapped_column(LargeBinary)  # {"username", "password"}
    diubah: Mapped[datetime] = mapped_column(default=sekarang, onupdate=sekarang)
