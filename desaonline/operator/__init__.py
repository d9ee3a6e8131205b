"""The desa operator: login, residents, PIN resets, settings (desa host)."""
from apiflask import APIBlueprint
from flask import Blueprint

from tenants.guards import desa_host_only

bp = Blueprint("operator", __name__, url_prefix="/operator")
api_bp = APIBlueprint("operator_api", __name__, url_prefix="/api/v1/operator", tag="operator")
bp.before_request(desa_host_only)
api_bp.before_request(desa_host_only)


def blueprints():
    from desaonline.operator import api, penduduk, routes  # noqa: F401
    return [bp, api_bp]
