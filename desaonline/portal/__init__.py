"""The public faces: the kabupaten portal's list of desa, and each desa's home page."""
from flask import Blueprint

bp = Blueprint("portal", __name__)


def blueprints():
    from desaonline.portal import routes  # noqa: F401
    return [bp]
