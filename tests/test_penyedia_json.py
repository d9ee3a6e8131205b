"""The app's JSON answers (desaonline/penyedia_json.py, orjson) are the document Flask's own
provider writes: same keys in the same order, same dates and numbers, the same bytes but
for non-ASCII text, which is written as UTF-8 rather than escaped."""
import dataclasses
import datetime
import decimal
import json
import uuid

import pytest
from flask.json.provider import DefaultJSONProvider
from markupsafe import Markup

from desaonline.penyedia_json import PenyediaJson


@dataclasses.dataclass
class Titik:
    x: int
    label: str


CONTOH = {
    "z": 1, "a": [datetime.datetime(2026, 12, 4, 1, 2, 3), datetime.date(2026, 1, 2)],
    "harga": decimal.Decimal("1.50"), "id": uuid.UUID(int=5), "titik": Titik(1, "Kelurahan Panjer"),
    "html": Markup("<b>"), "kosong": None, "angka": {2: "dua", 1: "satu"}, "nama": "SITI ÑAIMAH",
    "bersarang": [{"b": True, "a": 1.5}, [], {}], "besar": 2 ** 62,
}


def test_the_same_document_as_flask_writes(app):
    with app.app_context():
        assert isinstance(app.json, PenyediaJson)
        kita = app.json.response(CONTOH)
        flask = DefaultJSONProvider(app).response(CONTOH)
    assert kita.mimetype == flask.mimetype == "application/json"
    assert json.loads(kita.get_data()) == json.loads(flask.get_data())
    # Byte for byte, once Flask's \u escapes are written as the characters they stand for.
    sebagai_utf8 = json.dumps(json.loads(flask.get_data()), ensure_ascii=False, sort_keys=True,
                              separators=(",", ":")) + "\n"
    assert kita.get_data(as_text=True) == sebagai_utf8


def test_what_json_cannot_hold_is_refused_as_flask_refuses_it(app):
    with app.app_context(), pytest.raises(TypeError):
        app.json.response({"berkas": {1, 2}})


def test_an_integer_beyond_64_bits_is_written_as_json_writes_it(app):
    with app.app_context():
        assert app.json.response({"id": 10 ** 30}).get_data() == b'{"id":1000000000000000000000000000000}\n'
        assert app.json.dumps([10 ** 30]) == "[1000000000000000000000000000000]"


def test_debug_answers_stay_indented(app):
    with app.app_context():
        app.debug = True
        try:
            teks = app.json.response({"b": 1, "a": 2}).get_data(as_text=True)
        finally:
            app.debug = False
    assert teks == '{\n  "a": 2,\n  "b": 1\n}\n'


def test_an_api_error_comes_through_it(portal):
    r = portal.get("/api/v1/tidak-ada")
    assert r.status_code == 404 and r.mimetype == "application/json"
    assert r.get_data(as_text=True).startswith('{"error":')   # sorted, compact, as before
