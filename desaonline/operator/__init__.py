"""The desa operator: login, residents, PIN resets, settings (desa host)."""
from desaonline.blueprints import fitur
from tenants.guards import desa_host_only

bp, api_bp = fitur("operator", __name__, "/operator", "/api/v1/operator", desa_host_only)


def blueprints():
    from desaonline.operator import api, penduduk, routes  # noqa: F401
    return [bp, api_bp]
