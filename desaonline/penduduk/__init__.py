"""The desa's register of residents (penduduk) and family cards (keluarga): the
operator's search, forms, import and PIN resets (desa host, ``/operator/penduduk``)."""
from desaonline.blueprints import fitur
from tenants.guards import desa_host_only

bp, api_bp = fitur("penduduk", __name__, "/operator/penduduk", "/api/v1/operator/penduduk", desa_host_only)


def blueprints():
    from desaonline.penduduk import api, routes  # noqa: F401
    return [bp, api_bp]
