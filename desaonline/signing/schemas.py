from apiflask import Schema
from apiflask.fields import DateTime, File, Integer, String
from apiflask.validators import Length, OneOf, Regexp


class SertifikatIn(Schema):
    file = File(required=True, metadata={"description": "PKCS#12 (.p12/.pfx) Kepala Desa"})
    password = String(required=True, validate=Length(0, 256), metadata={"description": "kata sandi PKCS#12"})


class SertifikatOut(Schema):
    id = Integer()
    subjek = String()
    penerbit = String()
    serial = String()
    sidik_sha256 = String()
    berlaku_mulai = DateTime()
    berlaku_sampai = DateTime()


class TandaTanganIn(Schema):
    metode = String(required=True, validate=OneOf(["sertifikat", "bsre"]),
                    metadata={"description": "sertifikat (PKCS#12 yang diunggah) | bsre (esign client kabupaten)"})
    bsre_nik = String(load_default=None, validate=Regexp(r"^\d{16}$"),
                      metadata={"description": "NIK Kepala Desa di BSrE (wajib untuk bsre)"})


class TandaTanganOut(Schema):
    metode = String()
    bsre_nik = String(allow_none=True)
    sertifikat = String(allow_none=True, metadata={"description": "subjek sertifikat aktif"})
    penerbit = String(allow_none=True)
    berlaku_mulai = DateTime(allow_none=True)
    berlaku_sampai = DateTime(allow_none=True)
    sidik_sha256 = String(allow_none=True, metadata={"description": "SHA-256 sertifikat (DER)"})
