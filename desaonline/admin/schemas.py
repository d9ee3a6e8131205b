from apiflask import Schema
from apiflask.fields import Dict, Integer, List, Nested, String
from apiflask.validators import Length


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
