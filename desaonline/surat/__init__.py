"""Letters: catalogue, drafts, preview, submission, review and numbering (desa host)."""
from desaonline.blueprints import fitur
from tenants.guards import desa_host_only

bp, api_bp = fitur("surat", __name__, None, "/api/v1", desa_host_only)


def blueprints():
    from desaonline.surat import api, routes_mandiri, routes_operator  # noqa: F401
    return [bp, api_bp]
