"""Errors: JSON ``{"error", "message"}`` under /api, friendly HTML pages elsewhere."""
from apiflask import HTTPError
from flask import render_template, request
from werkzeug.exceptions import HTTPException

# Default code and Bahasa Indonesia message per status.
PESAN = {
    400: ("permintaan_tidak_valid", "Permintaan tidak valid."),
    401: ("tidak_terautentikasi", "Silakan masuk terlebih dahulu."),
    403: ("dilarang", "Anda tidak berhak melakukan ini."),
    404: ("tidak_ditemukan", "Data tidak ditemukan."),
    405: ("metode_tidak_diizinkan", "Metode tidak diizinkan."),
    409: ("konflik", "Data bertentangan dengan keadaan saat ini."),
    413: ("berkas_terlalu_besar", "Berkas terlalu besar."),
    415: ("jenis_tidak_didukung", "Jenis data tidak didukung."),
    422: ("data_tidak_valid", "Data tidak valid."),
    429: ("terlalu_banyak_percobaan", "Terlalu banyak percobaan. Coba lagi nanti."),
    500: ("kesalahan_server", "Terjadi kesalahan pada server."),
}

DESA_TIDAK_DITEMUKAN = "desa_tidak_ditemukan"


def api_error(status, error=None, message=None, headers=None, **extra):
    """Raise a contract-shaped API error, e.g. ``api_error(403, "pin_change_required", "...")``."""
    default_code, default_message = PESAN.get(status, ("error", "Terjadi kesalahan."))
    raise HTTPError(status, message=message or default_message, headers=headers,
                    extra_data={"error": error or default_code, **extra})


def _is_api():
    return request.path.startswith("/api/")


def _json_body(status, error, message, detail=None):
    body = {"error": error, "message": message}
    if detail:
        body["detail"] = detail
    return body


def process_api_error(err):
    """APIFlask's error processor: validation, auth and ``api_error`` errors."""
    default_code, default_message = PESAN.get(err.status_code, ("error", "Terjadi kesalahan."))
    extra = dict(err.extra_data or {})
    code = extra.pop("error", None) or default_code
    message = err.message
    if not message or message == _english(err.status_code):
        message = default_message
    body = _json_body(err.status_code, code, message, err.detail)
    body.update(extra)
    return body, err.status_code, err.headers


def _english(status):
    from werkzeug.http import HTTP_STATUS_CODES
    return HTTP_STATUS_CODES.get(status)


def handle_http_exception(exc):
    status = exc.code or 500
    code, message = PESAN.get(status, ("error", "Terjadi kesalahan."))
    if exc.description == DESA_TIDAK_DITEMUKAN:
        code, message = DESA_TIDAK_DITEMUKAN, "Desa tidak ditemukan."
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    if _is_api():
        return _json_body(status, code, message), status, headers
    template = "errors/desa_tidak_ditemukan.html" if code == DESA_TIDAK_DITEMUKAN else "errors/error.html"
    return render_template(template, status=status, message=message), status, headers


def init_app(app):
    app.error_processor(process_api_error)
    app.register_error_handler(HTTPException, handle_http_exception)
