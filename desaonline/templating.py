"""What every template can use: the current desa, URLs of other hosts, Indonesian dates."""
from flask import g, request

from desaonline.surat.status import LABEL as STATUS_LABEL
from desaonline.whatsapp import wa_link
from desaonline.waktu import tanggal_indonesia


def host_url(host, path="/"):
    """An absolute URL on another host of this deployment, keeping scheme and port."""
    port = request.host.rsplit(":", 1)[1] if ":" in request.host and not request.host.endswith("]") else None
    netloc = f"{host}:{port}" if port else host
    return f"{request.scheme}://{netloc}{path}"


def init_app(app):
    app.jinja_env.filters["tanggal"] = tanggal_indonesia
    app.jinja_env.globals["host_url"] = host_url
    app.jinja_env.globals["STATUS_LABEL"] = STATUS_LABEL
    app.jinja_env.globals["wa_link"] = wa_link

    @app.context_processor
    def _tenant():
        return {"desa": g.get("desa"), "portal": g.get("portal", False)}
