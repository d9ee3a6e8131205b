"""Shapes of the resident register's API (docs/api.md)."""
from apiflask import Schema
from apiflask.fields import File, Integer, List, Nested, String
from apiflask.validators import Length, OneOf

from desaonline.penduduk.ekspor import FORMAT


class ImporIn(Schema):
    file = File(required=True, metadata={"description": "CSV atau XLSX dengan baris judul"})


class BarisDitolak(Schema):
    baris = Integer(metadata={"description": "nomor baris di berkas; baris judul = 1"})
    alasan = String()


class PinSekaliOut(Schema):
    nik = String()
    nama = String()
    no_kk = String(allow_none=True)
    pin = String(metadata={"description": "PIN sekali pakai, 6 angka; ditampilkan sekali ini saja"})


class HasilImporOut(Schema):
    dibuat = Integer()
    diperbarui = Integer()
    ditolak = List(Nested(BarisDitolak))
    pin_sekali = List(Nested(PinSekaliOut), metadata={
        "description": "PIN pertama penduduk baru, bila desa memilih PIN acak (kosong bila PIN pertama tanggal lahir)"})


class PinOut(Schema):
    pin = String(metadata={"description": "PIN sekali pakai, 6 angka"})


class ResetPinIn(Schema):
    nik = String(required=True, validate=Length(1, 32), metadata={"description": "NIK, 16 angka"})


class EksporIn(Schema):
    format = String(load_default="opensid", validate=OneOf(FORMAT), metadata={
        "description": "opensid: tata kolom template OpenSID (43 kolom, kode); desaonline: kolom impor desaonline"})
