"""The OpenAPI document (``/api/v1/openapi.json``) as clients should read it.

- Every error is documented with the shape the API really answers,
  ``{error, message, rincian?}`` (``errors.json_galat``), not APIFlask's default.
- Path ids carry the bounds ``desaonline.batas`` enforces.
- ``servers`` names the host that asked: one document serves the portal and 460
  desa, and a client of Klirong must be sent to Klirong, not to whichever host
  happened to ask first (APIFlask caches the document after the first request).
"""
from apiflask import Schema
from apiflask.fields import Dict, String
from flask import jsonify, request

from desaonline.batas import BATAS_ID


class GalatOut(Schema):
    error = String(required=True, metadata={"description": "kode galat, mis. login_gagal, data_tidak_valid"})
    message = String(required=True, metadata={"description": "pesan untuk orang, Bahasa Indonesia"})
    rincian = Dict(keys=String(), values=String(),
                   metadata={"description": "isian -> pesan (pada 422 dan penolakan yang menyebut isiannya)"})


def _batas_path(spec):
    for operasi in spec.get("paths", {}).values():
        for op in operasi.values():
            for p in op.get("parameters", []):
                if p.get("in") == "path" and p.get("schema", {}).get("type") == "integer":
                    p["schema"].update({"minimum": 1, "maximum": BATAS_ID})
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
    app.spec_processor(_batas_path)
    app.view_functions["openapi.spec"] = _dokumen
