"""Kabupaten and kecamatan admins: desa, operators, statistics (portal host)."""
from apiflask import APIBlueprint
from flask import Blueprint

from tenants.guards import portal_host_only

bp = Blueprint("admin", __name__, url_prefix="/admin")
api_bp = APIBlueprint("admin_api", __name__, url_prefix="/api/v1/admin", tag="admin")
bp.before_request(portal_host_only)
api_bp.before_request(portal_host_only)


def blueprints():
    from desaonline.admin import api, routes  # noqa: F401
    return [bp, api_bp]
