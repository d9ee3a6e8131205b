"""The OpenAPI document (``/api/v1/openapi.json``) as clients should read it.

- Every error is documented with the shape the API really answers,
  ``{error, message, rincian?}`` (``errors.json_galat``), not APIFlask's default.
- Path ids carry the bounds ``desaonline.batas`` enforces, and every operation lists
  the answers any operation can give (another host's endpoint, another role's token,
  a body that is not JSON).
- ``servers`` names the host that asked: one document serves the portal and 460
  desa, and a client of Klirong must be sent to Klirong, not to whichever host
  happened to ask first (APIFlask caches the document after the first request).
"""
from apiflask.fields import Dict, String
from flask import jsonify, request

from desaonline.batas import BATAS_ID
from desaonline.skema import Schema


class GalatOut(Schema):
    error = String(required=True, metadata={"description": "kode galat, mis. login_gagal, data_tidak_valid"})
    message = String(required=True, metadata={"description": "pesan untuk orang, Bahasa Indonesia"})
    rincian = Dict(keys=String(), values=String(),
                   metadata={"description": "isian -> pesan (pada 422 dan penolakan yang menyebut isiannya)"})


# Answers any operation can give, whatever its own documentation lists: a host that
# is not this operation's (a desa endpoint on the portal, an unknown host), a token
# of another role, a body that is not JSON.
_GALAT = {"application/json": {"schema": {"$ref": "#/components/schemas/GalatOut"}}}
_SELALU = {"404": "Host ini bukan desa (atau bukan portal) untuk endpoint ini, atau data tidak ditemukan"}
_BERTOKEN = {"401": "Token tidak ada, tidak berlaku, atau milik host lain",
             "403": "Token milik peran lain (mis. operator di endpoint penduduk)"}
_BERBADAN = {"400": "Badan permintaan bukan JSON yang benar (permintaan_tidak_valid)",
             "422": "Data tidak valid; `rincian` menyebut isiannya"}


def _lengkapi(spec):
    for operasi in spec.get("paths", {}).values():
        for op in operasi.values():
            for p in op.get("parameters", []):
                if p.get("in") == "path" and p.get("schema", {}).get("type") == "integer":
                    p["schema"].update({"minimum": 1, "maximum": BATAS_ID})
            tambah = dict(_SELALU)
            if op.get("security"):
                tambah.update(_BERTOKEN)
            if "application/json" in op.get("requestBody", {}).get("content", {}):
                tambah.update(_BERBADAN)
            for status, uraian in tambah.items():
                op["responses"].setdefault(status, {"description": uraian, "content": _GALAT})
    return spec


def _dokumen():
    from flask import current_app
    spec = dict(current_app._get_spec("json"))
    spec["servers"] = [{"url": request.host_url.rstrip("/"), "description": "host yang meminta dokumen ini"}]
    resp = jsonify(spec)
    resp.mimetype = current_app.config["JSON_SPEC_MIMETYPE"]
    return resp


def init_app(app):
    app.config.update(HTTP_ERROR_SCHEMA=GalatOut, VALIDATION_ERROR_SCHEMA=GalatOut)
    app.spec_processor(_lengkapi)
    app.view_functions["openapi.spec"] = _dokumen
