"""Layanan Mandiri: resident login with NIK + PIN, biodata, family (desa host)."""
from apiflask import APIBlueprint
from flask import Blueprint

from tenants.guards import desa_host_only

bp = Blueprint("mandiri", __name__, url_prefix="/mandiri")
api_bp = APIBlueprint("mandiri_api", __name__, url_prefix="/api/v1/mandiri", tag="mandiri")
bp.before_request(desa_host_only)
api_bp.before_request(desa_host_only)


def blueprints():
    from desaonline.mandiri import api, routes  # noqa: F401
    return [bp, api_bp]
