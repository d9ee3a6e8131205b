"""Every schema of the API dumps exactly as marshmallow would (desaonline.skema)."""
import datetime as dt
import decimal
from types import SimpleNamespace

import pytest
from marshmallow import fields

from desaonline.skema import Schema

WAKTU = dt.datetime(2026, 12, 4, 1, 2, 3, tzinfo=dt.timezone.utc)


def _semua_skema(kelas=Schema):
    for anak in kelas.__subclasses__():
        yield anak
        yield from _semua_skema(anak)


def _nilai(field, dalam, n):
    """A value the field can serialise; ``n`` varies what is missing or None."""
    if isinstance(field, fields.Nested):
        skema = field.schema
        buat = lambda k: _objek(skema, dalam + 1, n + k)  # noqa: E731
        return [buat(0), buat(1)] if field.many else buat(0)
    if isinstance(field, fields.List):
        return [_nilai(field.inner, dalam, n), _nilai(field.inner, dalam, n + 1)]
    for jenis, nilai in ((fields.Boolean, True), (fields.Integer, 7 + n), (fields.Float, 1.5),
                         (fields.Decimal, decimal.Decimal("2.5")), (fields.DateTime, WAKTU),
                         (fields.Date, WAKTU.date()), (fields.Time, WAKTU.time()), (fields.Mapping, {"a": n}),
                         (fields.Raw, {"mentah": n})):
        if isinstance(field, jenis):
            return nilai
    return f"teks {n}"


def _objek(skema, dalam, n):
    """An object (or a dict, by turns) with every field of ``skema``: one left out, one None."""
    isi = {}
    for i, (nama, field) in enumerate(skema.dump_fields.items()):
        kunci = field.attribute or nama
        if dalam > 2 or i == n % max(len(skema.dump_fields), 1):
            continue   # missing: marshmallow leaves it out (or gives its dump_default)
        isi[kunci] = None if i == (n + 1) % max(len(skema.dump_fields), 1) else _nilai(field, dalam, n)
    return isi if n % 2 else SimpleNamespace(**isi)


def _marshmallow_saja(monkeypatch):
    monkeypatch.setattr(Schema, "_rencana", lambda self: None)


@pytest.mark.parametrize("n", range(4))
def test_every_schema_dumps_as_marshmallow_does(app, monkeypatch, n):
    semua = sorted(set(_semua_skema()), key=lambda k: f"{k.__module__}.{k.__qualname__}")
    assert len(semua) > 40   # every feature's schemas, imported by the app factory
    diperiksa = 0
    for kelas in semua:
        skema = kelas()
        if not skema.dump_fields:
            continue
        data = [_objek(skema, 0, n + k) for k in range(3)]
        cepat = (skema.dump(data[0]), skema.dump(data, many=True), kelas(many=True).dump(data))
        with monkeypatch.context() as m:
            _marshmallow_saja(m)
            lambat = (skema.dump(data[0]), skema.dump(data, many=True), kelas(many=True).dump(data))
        assert cepat == lambat, kelas
        diperiksa += 1
    assert diperiksa > 40


def test_a_schema_with_a_hook_or_a_dotted_attribute_dumps_through_marshmallow():
    from marshmallow import post_dump

    class DenganHook(Schema):
        nama = fields.String()

        @post_dump
        def besar(self, data, **kwargs):
            return {k: v.upper() for k, v in data.items()}

    class Bertitik(Schema):
        kota = fields.String(attribute="alamat.kota")

    assert DenganHook()._rencana() is None and DenganHook().dump({"nama": "sri"}) == {"nama": "SRI"}
    assert Bertitik()._rencana() is None
    assert Bertitik().dump({"alamat": {"kota": "Kebumen"}}) == {"kota": "Kebumen"}


def test_keys_attributes_defaults_and_methods_as_marshmallow(monkeypatch):
    class Orang(Schema):
        nama = fields.String(data_key="namaLengkap")
        lahir = fields.Date(attribute="tanggal_lahir")
        jumlah = fields.Integer(dump_default=lambda: 3)
        catatan = fields.String(dump_default="-")
        sapa = fields.Method("_sapa")
        tetap = fields.Constant("ya")

        def _sapa(self, obj):
            return f"Halo {obj['nama'] if isinstance(obj, dict) else obj.nama}"

    data = [{"nama": "Sri", "tanggal_lahir": dt.date(1990, 1, 2), "catatan": None},
            SimpleNamespace(nama="Budi", tanggal_lahir=dt.date(1985, 3, 17), jumlah=9)]
    cepat = Orang(many=True).dump(data)
    assert cepat[0] == {"namaLengkap": "Sri", "lahir": "1990-01-02", "jumlah": 3, "catatan": None,
                        "sapa": "Halo Sri", "tetap": "ya"}
    with monkeypatch.context() as m:
        _marshmallow_saja(m)
        assert Orang(many=True).dump(data) == cepat
