"""Public verification of a signed letter through its QR code."""
from desaonline.blueprints import fitur
from tenants.guards import desa_host_only

bp, api_bp = fitur("verifikasi", __name__, "/verifikasi", "/api/v1/verifikasi", desa_host_only)


def blueprints():
    from desaonline.verifikasi import api, routes  # noqa: F401
    return [bp, api_bp]
