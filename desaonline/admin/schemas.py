from apiflask import Schema
from apiflask.fields import Dict, File, Integer, List, Nested, String
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
