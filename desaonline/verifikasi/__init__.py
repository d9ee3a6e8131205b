"""Public verification of a signed letter through its QR code."""
from apiflask import APIBlueprint
from flask import Blueprint

from tenants.guards import desa_host_only

bp = Blueprint("verifikasi", __name__, url_prefix="/verifikasi")
api_bp = APIBlueprint("verifikasi_api", __name__, url_prefix="/api/v1/verifikasi", tag="verifikasi")
bp.before_request(desa_host_only)
api_bp.before_request(desa_host_only)


def blueprints():
    from desaonline.verifikasi import api, routes  # noqa: F401
    return [bp, api_bp]
