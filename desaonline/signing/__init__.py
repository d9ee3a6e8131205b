"""The Kepala Desa's signing certificate and the signers (local PKCS#12, BSrE).

Pages at ``/operator/sertifikat``; API ``/api/v1/operator/sertifikat`` and ``.../tanda-tangan``."""
from desaonline.blueprints import fitur
from tenants.guards import desa_host_only

bp, api_bp = fitur("signing", __name__, "/operator/sertifikat", "/api/v1/operator", desa_host_only)


def blueprints():
    from desaonline.signing import api, routes  # noqa: F401
    return [bp, api_bp]
