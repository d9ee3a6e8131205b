"""Every feature has a pages blueprint and an API blueprint, kept to the host it serves."""
from apiflask import APIBlueprint
from flask import Blueprint, request

# Where every API blueprint's URLs begin (and no page's): the API takes bearer tokens,
# no cookie, and answers errors in JSON.
API = "/api/"


def permintaan_api():
    """Is the request being served one of the API's?"""
    return request.path.startswith(API)


def fitur(name, import_name, url_prefix, api_prefix, host_guard):
    """(pages blueprint, API blueprint ``<name>_api``), both behind ``host_guard``."""
    if not api_prefix.startswith(API) or url_prefix.startswith(API):
        raise ValueError(f"{name}: API URLs begin with {API}, page URLs do not")
    bp = Blueprint(name, import_name, url_prefix=url_prefix)
    api_bp = APIBlueprint(f"{name}_api", import_name, url_prefix=api_prefix, tag=name)
    bp.before_request(host_guard)
    api_bp.before_request(host_guard)
    return bp, api_bp
