"""Every feature has a pages blueprint and an API blueprint, kept to the host it serves."""
from apiflask import APIBlueprint
from flask import Blueprint


def fitur(name, import_name, url_prefix, api_prefix, host_guard):
    """(pages blueprint, API blueprint ``<name>_api``), both behind ``host_guard``."""
    bp = Blueprint(name, import_name, url_prefix=url_prefix)
    api_bp = APIBlueprint(f"{name}_api", import_name, url_prefix=api_prefix, tag=name)
    bp.before_request(host_guard)
    api_bp.before_request(host_guard)
    return bp, api_bp
