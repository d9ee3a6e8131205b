"""The Kepala Desa's signing certificate and the signers (local PKCS#12, BSrE)."""
from apiflask import APIBlueprint
from flask import Blueprint

from tenants.guards import desa_host_only

bp = Blueprint("signing", __name__, url_prefix="/operator")
api_bp = APIBlueprint("signing_api", __name__, url_prefix="/api/v1/operator", tag="signing")
bp.before_request(desa_host_only)
api_bp.before_request(desa_host_only)


def blueprints():
    from desaonline.signing import api, routes  # noqa: F401
    return [bp, api_bp]
