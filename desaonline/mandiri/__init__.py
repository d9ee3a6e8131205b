"""Layanan Mandiri: resident login with NIK + PIN, biodata, family (desa host)."""
from desaonline.blueprints import fitur
from tenants.guards import desa_host_only

bp, api_bp = fitur("mandiri", __name__, "/mandiri", "/api/v1/mandiri", desa_host_only)


def blueprints():
    from desaonline.mandiri import api, routes  # noqa: F401
    return [bp, api_bp]
