"""What every template can use: the current desa, URLs of other hosts, Indonesian dates."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import g, request

WIB = ZoneInfo("Asia/Jakarta")
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
STATUS_LABEL = {
    "konsep": "Konsep", "diajukan": "Diajukan", "ditolak": "Ditolak", "diproses": "Diproses",
    "selesai": "Selesai", "gagal": "Gagal", "dibatalkan": "Dibatalkan",
}


def tanggal(value, jam=False):
    """27 November 2026 (and 14.05 WIB when ``jam``)."""
    if value is None:
        return "-"
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=ZoneInfo("UTC"))
        value = value.astimezone(WIB)
        teks = f"{value.day} {BULAN[value.month - 1]} {value.year}"
        return f"{teks} {value:%H.%M} WIB" if jam else teks
    if isinstance(value, date):
        return f"{value.day} {BULAN[value.month - 1]} {value.year}"
    return str(value)


def host_url(host, path="/"):
    """An absolute URL on another host of this deployment, keeping scheme and port."""
    port = request.host.rsplit(":", 1)[1] if ":" in request.host and not request.host.endswith("]") else None
    netloc = f"{host}:{port}" if port else host
    return f"{request.scheme}://{netloc}{path}"


def init_app(app):
    app.jinja_env.filters["tanggal"] = tanggal
    app.jinja_env.globals["host_url"] = host_url
    app.jinja_env.globals["STATUS_LABEL"] = STATUS_LABEL

    @app.context_processor
    def _tenant():
        return {"desa": g.get("desa"), "portal": g.get("portal", False)}
