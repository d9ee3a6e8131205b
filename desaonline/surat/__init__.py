"""Letters (desa host): catalogue, drafts, review, numbering, settings, the PDF and its issuing.

The feature's URL space, one blueprint per prefix:

- ``surat_mandiri``: the resident's letters, ``/mandiri/surat`` (API ``/api/v1/mandiri``:
  ``jenis-surat`` and ``surat``);
- ``surat_operator``: the operator's queue and review, ``/operator/surat`` (API
  ``/api/v1/operator``: ``surat`` and ``pejabat``);
- ``surat_pengaturan``: the desa's letter settings and signatories, ``/operator/pengaturan``.
"""
import importlib

from flask import Blueprint

from desaonline.blueprints import fitur
from tenants.guards import desa_host_only

mandiri_bp, api_mandiri = fitur("surat_mandiri", __name__, "/mandiri/surat", "/api/v1/mandiri", desa_host_only)
operator_bp, api_operator = fitur("surat_operator", __name__, "/operator/surat", "/api/v1/operator", desa_host_only)
pengaturan_bp = Blueprint("surat_pengaturan", __name__, url_prefix="/operator/pengaturan")
pengaturan_bp.before_request(desa_host_only)


_VIEWS = ("api.mandiri", "api.operator", "routes.mandiri", "routes.operator", "routes.pengaturan")


def blueprints():
    for nama in _VIEWS:  # importing the views puts their URL rules on the blueprints above
        importlib.import_module(f"{__name__}.{nama}")
    return [mandiri_bp, api_mandiri, operator_bp, api_operator, pengaturan_bp]
