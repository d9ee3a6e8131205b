"""Kabupaten and kecamatan admins: desa, operators, statistics (portal host)."""
from desaonline.blueprints import fitur
from tenants.guards import portal_host_only

bp, api_bp = fitur("admin", __name__, "/admin", "/api/v1/admin", portal_host_only)


def blueprints():
    from desaonline.admin import api, routes  # noqa: F401
    return [bp, api_bp]
