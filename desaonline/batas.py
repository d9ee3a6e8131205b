"""Bounds on what comes from outside, checked before any view or query sees it.

- Numbers: every id in a URL, a query string or a body fits the database's INTEGER
  (a bigger one made PostgreSQL raise OverflowError, a 500). ``<int:...>`` in every
  route is ``BilanganUrl`` (registered as the app's ``int``), so a path with a huge
  id simply matches no route (404); schema fields use ``Id``/``Bilangan``.
- JSON: a body nested deeper than Python's recursion limit made the parser raise
  RecursionError (a 500); every JSON body of the API is checked once here and a bad
  one is a 400 ``permintaan_tidak_valid``.
"""
import json

from apiflask.fields import Integer
from apiflask.validators import Range
from flask import request
from werkzeug.routing import IntegerConverter

from desaonline.blueprints import permintaan_api
from desaonline.errors import Penolakan

# PostgreSQL's INTEGER, the type of every id column.
BATAS_ID = 2 ** 31 - 1


class BilanganUrl(IntegerConverter):
    """``<int:...>`` that matches only 1..BATAS_ID (ids start at 1)."""

    def __init__(self, map, fixed_digits=0, min=1, max=BATAS_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def id_dari(teks):
    """A query-string id as an int, or None when it is missing or cannot be an id."""
    try:
        nilai = int(teks)
    except (TypeError, ValueError):
        return None
    return nilai if 1 <= nilai <= BATAS_ID else None


def Bilangan(minimum, maksimum, **kwargs):
    """An integer field that refuses (422) anything outside ``minimum..maksimum``."""
    pesan = f"Harus bilangan bulat {minimum} sampai {maksimum}."
    return Integer(validate=Range(minimum, maksimum, error=pesan), **kwargs)


def Id(**kwargs):
    """An id in a request body (e.g. a signatory)."""
    return Bilangan(1, BATAS_ID, **kwargs)


JSON_TIDAK_VALID = "Isi permintaan bukan JSON yang benar (atau bersarang terlalu dalam)."


def _periksa_json():
    if not permintaan_api() or not request.is_json:
        return
    data = request.get_data(cache=True)
    if not data.strip():
        return  # no body: the schema says what is missing
    try:
        json.loads(data)
    except (ValueError, RecursionError) as err:  # UnicodeDecodeError is a ValueError
        raise Penolakan(400, "permintaan_tidak_valid", JSON_TIDAK_VALID) from err


def init_app(app):
    """Before any blueprint adds its routes: ``int`` is bounded from the first rule on."""
    app.url_map.converters["int"] = BilanganUrl
    app.before_request(_periksa_json)
