from apiflask import Schema
from apiflask.fields import Boolean, DateTime, Dict, File, Integer, List, Nested, String
from apiflask.validators import Length, Range

from desaonline.batas import BATAS_ID


class LoginIn(Schema):
    username = String(required=True, validate=Length(1, 64))
    password = String(required=True, validate=Length(1, 256))


class TokenOut(Schema):
    token = String()


class KecamatanIn(Schema):
    slug = String(required=True)
    nama = String(required=True, validate=Length(1, 120))
    kode = String(required=True)


class KecamatanOut(Schema):
    id = Integer()
    slug = String()


class DesaIn(Schema):
    kecamatan = String(required=True, metadata={"description": "slug kecamatan"})
    slug = String(required=True)
    nama = String(required=True, validate=Length(1, 120))
    kode = String(required=True, metadata={"description": "kode wilayah Kemendagri, mis. 33.05.05.2012"})
    wa_operator = String(load_default=None, metadata={"description": "nomor WhatsApp operator"})
    jenis = String(load_default="desa", metadata={"description": "desa | kelurahan"})


class DesaOut(Schema):
    id = Integer()
    host = String()


class OperatorIn(Schema):
    username = String(required=True)
    password = String(required=True)
    nama = String(load_default=None)


class OperatorOut(Schema):
    id = Integer()
    username = String()


class StatistikDesa(Schema):
    id = Integer()
    nama = String()
    kecamatan = String()
    host = String()
    total = Integer()
    status = Dict(keys=String(), values=Integer(), metadata={"description": "jumlah surat per status"})


class StatistikOut(Schema):
    desa = List(Nested(StatistikDesa))
    total = Dict(keys=String(), values=Integer())


class ImporDesaIn(Schema):
    file = File(required=True, metadata={"description": "CSV: kecamatan, slug, nama, kode, wa_operator"})


class DitolakOut(Schema):
    baris = Integer()
    alasan = String()


class DesaSingkatOut(Schema):
    id = Integer()
    slug = String()
    nama = String()
    host = String()


class HasilImporDesaOut(Schema):
    dibuat = Integer(metadata={"description": "jumlah desa baru"})
    sudah_ada = Integer(metadata={"description": "baris yang desanya sudah ada persis seperti itu (tidak diubah)"})
    ditolak = List(Nested(DitolakOut))
    desa = List(Nested(DesaSingkatOut), metadata={"description": "desa baru dengan alamatnya"})


class OperatorMassalIn(Schema):
    desa = List(Integer(validate=Range(1, BATAS_ID)), load_default=None,
                metadata={"description": "id desa; tanpa ini: setiap desa wilayah admin yang belum punya operator itu"})
    username = String(load_default="operator", validate=Length(1, 64))


class OperatorSekaliOut(Schema):
    desa_id = Integer()
    desa = String()
    host = String()
    username = String()
    password = String(metadata={"description": "kata sandi sekali pakai: ditampilkan sekali ini saja, wajib diganti saat masuk"})
    url_masuk = String()


class DilewatiOut(Schema):
    desa_id = Integer()
    alasan = String()


class OperatorMassalOut(Schema):
    dibuat = List(Nested(OperatorSekaliOut))
    dilewati = List(Nested(DilewatiOut))


class SertifikatKesiapanOut(Schema):
    metode = String(metadata={"description": "sertifikat | bsre"})
    berlaku = Boolean(metadata={"description": "desa dapat menandatangani hari ini"})
    berlaku_sampai = DateTime(allow_none=True, metadata={"description": "akhir masa berlaku sertifikat aktif terakhir"})
    segera_habis = Boolean(metadata={"description": "berakhir dalam 30 hari"})


class KesiapanOut(Schema):
    siap = Boolean()
    kurang = List(String(), metadata={"description": "sertifikat, penandatangan, kop_surat, penduduk"})
    sertifikat = Nested(SertifikatKesiapanOut)
    penandatangan = Integer(metadata={"description": "jumlah penandatangan aktif"})
    kop_surat = Boolean(metadata={"description": "operator sudah menyimpan kop surat"})
    penduduk = Integer(metadata={"description": "penduduk berstatus HIDUP"})
    mandiri_aktif = Integer(metadata={"description": "penduduk yang sudah mengaktifkan Layanan Mandiri (PIN sendiri)"})
    menunggu = Integer(metadata={"description": "permohonan diajukan yang belum disetujui atau ditolak"})
    menunggu_sejak = DateTime(allow_none=True, metadata={"description": "waktu pengajuan yang paling lama menunggu"})


class DesaDaftarOut(Schema):
    id = Integer()
    slug = String(metadata={"description": "nama di alamat web"})
    nama = String()
    jenis = String()
    kode = String()
    kecamatan = String(metadata={"description": "slug kecamatan"})
    kecamatan_nama = String()
    host = String()
    host_tambahan = List(String())
    aktif = Boolean()
    wa_operator = String(allow_none=True)
    alamat_kantor = String(allow_none=True)
    kesiapan = Nested(KesiapanOut)


class DesaSaringIn(Schema):
    kecamatan = String(load_default=None, validate=Length(max=63), metadata={"description": "slug kecamatan"})
    q = String(load_default=None, validate=Length(max=120), metadata={"description": "bagian nama desa atau kecamatan"})
    halaman = Integer(load_default=1, validate=Range(1, 100_000))
    per_halaman = Integer(load_default=100, validate=Range(1, BATAS_ID),
                          metadata={"description": "paling banyak 500; yang lebih besar dipotong"})


class DesaUbahIn(Schema):
    nama = String(validate=Length(1, 120))
    wa_operator = String(allow_none=True, validate=Length(max=20))
    alamat_kantor = String(allow_none=True, validate=Length(max=255))
    aktif = Boolean(metadata={"description": "false: data tetap, situs desa menolak semua login"})


class HostIn(Schema):
    host = String(required=True, validate=Length(1, 253))


class HostOut(Schema):
    host = String()


class OperatorDaftarOut(Schema):
    id = Integer()
    username = String()
    nama = String(allow_none=True)
    aktif = Boolean()
    wajib_ganti_sandi = Boolean(metadata={"description": "masih memakai kata sandi sekali pakai"})
    dibuat = DateTime()


class OperatorUbahIn(Schema):
    aktif = Boolean(required=True)


class ResetSandiIn(Schema):
    password = String(load_default=None, allow_none=True, validate=Length(max=256),
                      metadata={"description": "kosong: kata sandi sekali pakai dibuatkan (wajib diganti saat masuk)"})


class ResetSandiOut(Schema):
    password = String(allow_none=True, metadata={"description": "kata sandi sekali pakai, hanya bila dibuatkan"})
