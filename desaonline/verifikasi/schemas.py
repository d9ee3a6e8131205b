from apiflask.fields import Boolean, Date, DateTime, File, Nested, String

from desaonline.skema import Schema


class SuratTerbitOut(Schema):
    kode = String()
    nomor = String()
    jenis = String(metadata={"description": "kode jenis surat"})
    jenis_nama = String()
    tanggal = Date()
    desa = String()
    nama = String(metadata={"description": "nama yang disamarkan, mis. BU*** SA***"})
    pdf_sha256 = String()


class SuratCocokOut(SuratTerbitOut):
    """The issued letter whose SHA-256 matches the uploaded file."""


class PeriksaPdfIn(Schema):
    file = File(required=True, metadata={"description": "PDF surat yang akan diperiksa"})


class PeriksaPdfOut(Schema):
    sha256 = String()
    asli = Boolean(metadata={"description": "berkas ini persis surat yang diterbitkan desa dan tanda tangannya utuh"})
    diterbitkan_desa = Boolean(metadata={"description": "SHA-256 berkas cocok dengan surat desa ini"})
    surat = Nested(SuratCocokOut, allow_none=True)
    pdf_terbaca = Boolean()
    ada_ttd = Boolean()
    utuh = Boolean()
    sah = Boolean()
    seluruh_dokumen = Boolean()
    sertifikat_desa = Boolean()
    penanda = String(allow_none=True)
    waktu_ttd = DateTime(allow_none=True)
