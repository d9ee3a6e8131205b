from apiflask.fields import Boolean, DateTime, File, Integer, String
from apiflask.validators import Length, OneOf, Regexp

from desaonline.skema import Schema


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
                    metadata={"description": "sertifikat (PKCS#12 yang diunggah) | bsre (esign client BSrE); "
                                             "beralih ke bsre hanya bila status sertifikat Kepala Desa di BSrE "
                                             "ISSUE"})
    bsre_nik = String(load_default=None, validate=Regexp(r"^\d{16}$"),
                      metadata={"description": "NIK Kepala Desa di BSrE (wajib untuk bsre)"})
    bsre_visual = String(load_default=None, validate=OneOf(["qr", "spesimen"]),
                         metadata={"description": "tanda tangan tampak: qr (kode QR ke halaman verifikasi surat, "
                                                  "bawaan) | spesimen (gambar spesimen yang diunggah)"})
    bsre_letak = String(load_default=None, validate=OneOf(["koordinat", "tag"]),
                        metadata={"description": "koordinat (kotak tanda tangan, bawaan) | tag (karakter `^` di "
                                                 "kotak tanda tangan, tag_koordinat)"})


class TandaTanganOut(Schema):
    metode = String()
    bsre_nik = String(allow_none=True)
    bsre_visual = String(metadata={"example": "qr"})
    bsre_letak = String(metadata={"example": "koordinat"})
    bsre_spesimen = Boolean(metadata={"description": "gambar spesimen sudah diunggah"})
    bsre_esign_client = String(allow_none=True, metadata={"description": "kabupaten | desa | null (belum diatur)"})
    bsre_url_desa = String(allow_none=True, metadata={"description": "alamat esign client milik desa"})
    bsre_versi = String(allow_none=True, metadata={"description": "versi API esign client: 1 | 2"})
    sertifikat = String(allow_none=True, metadata={"description": "subjek sertifikat aktif"})
    penerbit = String(allow_none=True)
    berlaku_mulai = DateTime(allow_none=True)
    berlaku_sampai = DateTime(allow_none=True)
    sidik_sha256 = String(allow_none=True, metadata={"description": "SHA-256 sertifikat (DER)"})


class StatusBsreOut(Schema):
    status = String(metadata={"example": "ISSUE", "description": "ISSUE, EXPIRED, RENEW, WAITING_FOR_VERIFICATION, "
                                                                   "NEW, NO_CERTIFICATE, NOT_REGISTERED, SUSPEND, "
                                                                   "REVOKE"})
    pesan = String()
    bisa_menandatangani = Boolean()


class AkunBsreIn(Schema):
    url = String(required=True, validate=Length(1, 255), metadata={"example": "https://esign.desa.go.id"})
    versi = String(required=True, validate=OneOf(["1", "2"]))
    username = String(required=True, validate=Length(1, 255), load_only=True)
    password = String(load_default=None, validate=Length(0, 255), load_only=True,
                      metadata={"description": "kosong: tetap memakai kata sandi yang tersimpan"})


class SpesimenIn(Schema):
    file = File(required=True, metadata={"description": "gambar spesimen tanda tangan (PNG atau JPEG, ≤ 512 KB)"})


class TotpIn(Schema):
    jumlah = Integer(load_default=1, metadata={"description": "jumlah surat yang akan ditandatangani dengan kode ini"})


class PesanOut(Schema):
    message = String()
