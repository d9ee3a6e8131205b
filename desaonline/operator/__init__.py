"""The desa operator: login and dashboard (desa host); residents are in ``penduduk``, letters in ``surat``."""
from desaonline.blueprints import fitur
from tenants.guards import desa_host_only

bp, api_bp = fitur("operator", __name__, "/operator", "/api/v1/operator", desa_host_only)


def blueprints():
    from desaonline.operator import api, routes  # noqa: F401
    return [bp, api_bp]
