"""Letters: catalogue, drafts, preview, submission, review and numbering (desa host)."""
from apiflask import APIBlueprint
from flask import Blueprint

from tenants.guards import desa_host_only

bp = Blueprint("surat", __name__, url_prefix=None)
api_bp = APIBlueprint("surat_api", __name__, url_prefix="/api/v1", tag="surat")
bp.before_request(desa_host_only)
api_bp.before_request(desa_host_only)


def blueprints():
    from desaonline.surat import api, routes_mandiri, routes_operator  # noqa: F401
    return [bp, api_bp]
