"""Letters (surat), their history, numbering, signatories and per-desa settings."""
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desaonline.extensions import db
from desaonline.penduduk.models import Penduduk
from desaonline.waktu import sekarang
from tenants.scoping import DesaScoped

class PengaturanSurat(DesaScoped, db.Model):
    """A desa's letter settings: letterhead, paper, numbering."""
    __tablename__ = "pengaturan_surat"
    __table_args__ = (UniqueConstraint("desa_id", name="uq_pengaturan_surat_desa"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kop_kabupaten: Mapped[str] = mapped_column(String(120), default="")
    kop_kecamatan: Mapped[str] = mapped_column(String(120), default="")
    kop_desa: Mapped[str] = mapped_column(String(120), default="")
    kop_alamat: Mapped[str] = mapped_column(String(255), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    tempat_surat: Mapped[str] = mapped_column(String(60), default="")  # "Klirong, 27 November 2026"
    ukuran_kertas: Mapped[str] = mapped_column(String(2), default="A4")  # A4 | F4
    margin_atas_mm: Mapped[int] = mapped_column(default=20)
    margin_bawah_mm: Mapped[int] = mapped_column(default=20)
    margin_kiri_mm: Mapped[int] = mapped_column(default=25)
    margin_kanan_mm: Mapped[int] = mapped_column(default=20)
    format_nomor: Mapped[str] = mapped_column(
        String(120), default="{klasifikasi}/{nomor:03}/{kode_desa}/{bulan_romawi}/{tahun}")
    penomoran: Mapped[str] = mapped_column(String(10), default="per_jenis")  # per_jenis | desa
    wa_operator_lain: Mapped[str | None] = mapped_column(String(120))  # more numbers, comma separated
    jam_layanan: Mapped[str | None] = mapped_column(String(120))


class JenisSuratDesa(DesaScoped, db.Model):
    """Which catalogue letter types a desa offers, with its own overrides."""
    __tablename__ = "jenis_surat_desa"
    __table_args__ = (UniqueConstraint("desa_id", "kode", name="uq_jenis_surat_desa_kode"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kode: Mapped[str] = mapped_column(String(40))
    aktif: Mapped[bool] = mapped_column(default=True)
    klasifikasi: Mapped[str | None] = mapped_column(String(20))
    # The documents (surat/syarat.py codes) the desa asks for; None: the type's default.
    syarat: Mapped[list | None] = mapped_column(JSON(none_as_null=True))
    # Served only at the office, not requested in Layanan Mandiri (e.g. a birth with its witnesses).
    hanya_kantor: Mapped[bool] = mapped_column(default=False)
    # The signatory letters of this type get unless the resident or the operator picks another.
    pejabat_id: Mapped[int | None] = mapped_column(ForeignKey("pejabat.id", ondelete="SET NULL"))


class KlasifikasiSurat(DesaScoped, db.Model):
    """One code of the desa's letter classification (Tata Naskah Dinas), imported from
    OpenSID's list: what the letter form offers as Kode Klasifikasi."""
    __tablename__ = "klasifikasi_surat"
    __table_args__ = (UniqueConstraint("desa_id", "kode", name="uq_klasifikasi_surat_desa_kode"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kode: Mapped[str] = mapped_column(String(20))   # text: "000", "045.1" keep their zeros
    nama: Mapped[str] = mapped_column(String(255), default="")
    uraian: Mapped[str | None] = mapped_column(Text)


class Pejabat(DesaScoped, db.Model):
    """A signatory: the Kepala Desa, or an official signing a.n./u.b. the Kepala Desa."""
    __tablename__ = "pejabat"
    id: Mapped[int] = mapped_column(primary_key=True)
    nama: Mapped[str] = mapped_column(String(120))
    jabatan: Mapped[str] = mapped_column(String(120))
    nip: Mapped[str | None] = mapped_column(String(30))
    atas_nama: Mapped[str | None] = mapped_column(String(4))  # None | "a.n." | "u.b."
    kepala_desa: Mapped[bool] = mapped_column(default=False)
    aktif: Mapped[bool] = mapped_column(default=True)


class NomorUrut(DesaScoped, db.Model):
    """The last number given per desa, sequence key and year (incremented atomically)."""
    __tablename__ = "nomor_urut"
    __table_args__ = (UniqueConstraint("desa_id", "kunci", "tahun", name="uq_nomor_urut_kunci_tahun"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kunci: Mapped[str] = mapped_column(String(40))  # letter type code, or "*" for one desa sequence
    tahun: Mapped[int]
    terakhir: Mapped[int] = mapped_column(default=0)


class Surat(DesaScoped, db.Model):
    __tablename__ = "surat"
    __table_args__ = (
        # The database itself refuses a duplicate number.
        UniqueConstraint("desa_id", "kunci_nomor", "tahun", "nomor_urut", name="uq_surat_nomor"),
        Index("ix_surat_desa_status_dibuat", "desa_id", "status", "dibuat"),
        # What the kabupaten's dashboard reads (admin/dasbor.py), each index covering its query.
        Index("ix_surat_diajukan_statistik", "diajukan", "desa_id", "status", "jenis", "selesai"),
        Index("ix_surat_selesai_statistik", "selesai", "desa_id", "status"),
        Index("ix_surat_status_diajukan", "status", "diajukan", "desa_id", "jenis"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    jenis: Mapped[str] = mapped_column(String(40), index=True)
    pemohon_id: Mapped[int] = mapped_column(ForeignKey("penduduk.id"), index=True)
    subjek_id: Mapped[int] = mapped_column(ForeignKey("penduduk.id"))
    klasifikasi: Mapped[str] = mapped_column(String(20))
    keperluan: Mapped[str] = mapped_column(Text)
    keterangan: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSON, default=dict)  # the letter type's own fields
    pejabat_id: Mapped[int] = mapped_column(ForeignKey("pejabat.id"))
    status: Mapped[str] = mapped_column(String(12))  # the vocabulary and its steps: surat/status.py
    alasan_tolak: Mapped[str | None] = mapped_column(Text)
    # A rejection that asks for documents (surat/syarat.py codes; [] = named in the reason):
    # the resident may answer with them (status.LENGKAPI). None: nothing asked.
    lengkapi: Mapped[list | None] = mapped_column(JSON(none_as_null=True))
    # Set at approval, never at submission.
    nomor: Mapped[str | None] = mapped_column(String(120))
    kunci_nomor: Mapped[str | None] = mapped_column(String(40))
    tahun: Mapped[int | None]
    nomor_urut: Mapped[int | None]
    tanggal_surat: Mapped[date | None]
    # The signatory as it was at approval (a later change of official does not rewrite letters).
    ttd_nama: Mapped[str | None] = mapped_column(String(120))
    ttd_jabatan: Mapped[str | None] = mapped_column(String(120))
    ttd_nip: Mapped[str | None] = mapped_column(String(30))
    ttd_atas_nama: Mapped[str | None] = mapped_column(String(4))
    disetujui_oleh: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    # Where the QR code and the printed link point: "https://klirong.kec-klirong.kebumenkab.go.id"
    # (set at approval: PUBLIC_SCHEME/PUBLIC_PORT, else the scheme and port the approval came on).
    alamat_publik: Mapped[str | None] = mapped_column(String(255))
    # Filled by the worker.
    kode_verifikasi: Mapped[str | None] = mapped_column(String(40), unique=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    pdf_path: Mapped[str | None] = mapped_column(String(255))
    alasan_gagal: Mapped[str | None] = mapped_column(Text)
    percobaan: Mapped[int] = mapped_column(default=0)
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)
    diubah: Mapped[datetime] = mapped_column(default=sekarang, onupdate=sekarang)
    diajukan: Mapped[datetime | None]
    disetujui: Mapped[datetime | None]
    selesai: Mapped[datetime | None]

    pemohon: Mapped[Penduduk] = relationship(foreign_keys=[pemohon_id])
    subjek: Mapped[Penduduk] = relationship(foreign_keys=[subjek_id])
    pejabat: Mapped[Pejabat] = relationship()
    riwayat: Mapped[list["RiwayatSurat"]] = relationship(
        back_populates="surat", order_by="RiwayatSurat.id", cascade="all, delete-orphan")


class RiwayatSurat(DesaScoped, db.Model):
    """Who did what to a request, and when."""
    __tablename__ = "riwayat_surat"
    id: Mapped[int] = mapped_column(primary_key=True)
    surat_id: Mapped[int] = mapped_column(ForeignKey("surat.id", ondelete="CASCADE"), index=True)
    waktu: Mapped[datetime] = mapped_column(default=sekarang)
    status: Mapped[str] = mapped_column(String(12))
    aktor: Mapped[str] = mapped_column(String(10))  # penduduk | operator | sistem
    aktor_nama: Mapped[str | None] = mapped_column(String(120))
    catatan: Mapped[str | None] = mapped_column(Text)
    surat: Mapped[Surat] = relationship(back_populates="riwayat")


class LampiranSurat(DesaScoped, db.Model):
    """A photo or PDF the resident attached to a request, kept with the letter (surat/arsip.py).

    Only the resident who asked and the desa's operators see it (surat/lampiran.py)."""
    __tablename__ = "lampiran_surat"
    id: Mapped[int] = mapped_column(primary_key=True)
    surat_id: Mapped[int] = mapped_column(ForeignKey("surat.id", ondelete="CASCADE"), index=True)
    syarat: Mapped[str | None] = mapped_column(String(40))   # which requirement it answers (syarat.DOKUMEN)
    nama_asli: Mapped[str] = mapped_column(String(120))      # the file's name on the phone, for display
    jenis_isi: Mapped[str] = mapped_column(String(40))       # image/jpeg | image/png | application/pdf
    ukuran: Mapped[int]
    lebar: Mapped[int | None]
    tinggi: Mapped[int | None]
    halaman: Mapped[int | None]                              # pages of a PDF
    sha256: Mapped[str] = mapped_column(String(64))
    kunci: Mapped[str] = mapped_column(String(255))          # its key in the archive
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)


class JenisSuratKabupaten(db.Model):
    """A letter type the kabupaten publishes (its fields and text) to every desa or to one
    kecamatan (surat/kabupaten.py). A desa's own choices for it (served or not, office only,
    kode klasifikasi, signatory, documents) are its ``JenisSuratDesa`` row, which a new
    version leaves alone. Never deleted: letters of the type keep their text."""
    __tablename__ = "jenis_surat_kabupaten"
    id: Mapped[int] = mapped_column(primary_key=True)
    kode: Mapped[str] = mapped_column(String(40), unique=True)
    nama: Mapped[str] = mapped_column(String(120))
    klasifikasi: Mapped[str] = mapped_column(String(20))
    uraian: Mapped[str] = mapped_column(String(255), default="")
    isian: Mapped[list] = mapped_column(JSON, default=list)     # [{nama, label, jenis, wajib, pilihan?, petunjuk?}]
    isi: Mapped[list] = mapped_column(JSON, default=list)       # paragraphs, str.format templates
    # NULL: every desa of the kabupaten; set: the desa of that kecamatan only.
    kecamatan_id: Mapped[int | None] = mapped_column(ForeignKey("kecamatan.id"), index=True)
    aktif: Mapped[bool] = mapped_column(default=True)           # False: withdrawn (no new requests)
    versi: Mapped[int] = mapped_column(default=1)
    diterbitkan: Mapped[datetime] = mapped_column(default=sekarang)
    diubah: Mapped[datetime] = mapped_column(default=sekarang, onupdate=sekarang)
    admin_id: Mapped[int | None] = mapped_column(ForeignKey("admin.id", ondelete="SET NULL"))
