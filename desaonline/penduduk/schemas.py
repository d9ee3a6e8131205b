"""Shapes of the resident register's API (docs/api.md)."""
from apiflask import Schema
from apiflask.fields import File, Integer, List, Nested, String


class ImporIn(Schema):
    file = File(required=True, metadata={"description": "CSV atau XLSX dengan baris judul"})


class BarisDitolak(Schema):
    baris = Integer(metadata={"description": "nomor baris di berkas; baris judul = 1"})
    alasan = String()


class HasilImporOut(Schema):
    dibuat = Integer()
    diperbarui = Integer()
    ditolak = List(Nested(BarisDitolak))


class PinOut(Schema):
    pin = String(metadata={"description": "PIN sekali pakai, 6 angka"})
