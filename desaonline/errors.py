"""One way to refuse: ``Penolakan``, translated once for the API and once for pages.

Services raise ``Penolakan(status, kode, pesan, rincian)`` when the input is bad or
the state does not allow a step; nothing has been changed when it is raised. Under
``/api/`` it becomes the contract's ``{"error", "message", "rincian"?}`` with its
status; on a page, a view that shows a form puts ``rincian`` next to the fields
(``tampilkan_di_form``), and anything a view lets through is flashed on the page the
user came from. Every other HTTP error gets the same treatment here.
"""
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from desaonline.blueprints import permintaan_api

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
_LAIN = ("error", "Terjadi kesalahan.")

DESA_TIDAK_DITEMUKAN = "desa_tidak_ditemukan"
DESA_TIDAK_AKTIF = "desa_tidak_aktif"
FORMULIR_KEDALUWARSA = "Sesi formulir kedaluwarsa; muat ulang halaman lalu coba lagi."


class Penolakan(Exception):
    """A refusal: ``status`` (HTTP), ``kode`` (the API's ``error``), ``pesan`` (for people),
    ``rincian`` (field -> message) and ``headers`` (e.g. Retry-After)."""

    def __init__(self, status, kode=None, pesan=None, rincian=None, headers=None):
        default_kode, default_pesan = PESAN.get(status, _LAIN)
        super().__init__(pesan or default_pesan)
        self.status, self.kode, self.pesan = status, kode or default_kode, pesan or default_pesan
        self.rincian = dict(rincian or {})
        self.headers = dict(headers or {})

    @classmethod
    def data(cls, rincian, kode="data_tidak_valid"):
        """422 naming every bad field; the message is all of them in one sentence."""
        return cls(422, kode, " ".join(rincian.values()), rincian)


class GagalProses(Exception):
    """Background work (rendering, signing a letter) failed; the message is for the operator.

    ``sementara``: trying again later may help (a service down), so the worker retries."""

    def __init__(self, pesan, sementara=False):
        super().__init__(pesan)
        self.sementara = sementara


def desa_nonaktif():
    """A desa the kabupaten deactivated: its data stays, nobody logs in."""
    return Penolakan(403, DESA_TIDAK_AKTIF, "Layanan desa ini sedang dinonaktifkan oleh kabupaten. "
                     "Data desa tetap tersimpan; hubungi kantor desa atau kecamatan.")


def tidak_ditemukan(kode="tidak_ditemukan", pesan="Data tidak ditemukan."):
    return Penolakan(404, kode, pesan)


def json_galat(status, kode, pesan, rincian=None, **extra):
    """The API's error body (the one shape every JSON error has)."""
    body = {"error": kode, "message": pesan, **extra}
    if rincian:
        body["rincian"] = rincian
    return body


def tampilkan_di_form(form, err, nama_isian=None):
    """Put a refusal's field messages next to their fields; flash what no field took.

    ``nama_isian`` maps a service's field name to the form's where they differ."""
    for nama, pesan in err.rincian.items():
        nama = (nama_isian or {}).get(nama, nama)
        if nama in form:
            tempat = form[nama]
            if hasattr(tempat, "form"):   # a group of fields (a person): the message goes on its first
                tempat = next(iter(tempat.form))
            tempat.errors = [*(tempat.errors or []), pesan]
        else:
            flash(pesan, "galat")
    if not err.rincian:
        flash(err.pesan, "galat")


def _kembali():
    """The page the user came from, if it is on this host (never an open redirect)."""
    asal = urlsplit(request.referrer or "")
    if asal.netloc == request.host and asal.path.startswith("/") and asal.path != request.path:
        return asal.path + (f"?{asal.query}" if asal.query else "")
    return None


_TEMPLATE = {DESA_TIDAK_DITEMUKAN: "errors/desa_tidak_ditemukan.html", DESA_TIDAK_AKTIF: "errors/desa_tidak_aktif.html"}


def _halaman(status, kode, pesan, headers=()):
    template = _TEMPLATE.get(kode, "errors/error.html")
    return render_template(template, status=status, message=pesan), status, list(headers)


def _tangani_penolakan(err):
    if permintaan_api():
        return json_galat(err.status, err.kode, err.pesan, err.rincian), err.status, err.headers
    kembali = _kembali()
    if err.status != 404 and request.method == "POST" and kembali:
        flash(err.pesan, "galat")
        return redirect(kembali)
    return _halaman(err.status, err.kode, err.pesan, err.headers.items())


def _tangani_csrf(err):
    # Flask-WTF checks every POST of a page before the view runs: one message for all.
    if permintaan_api():
        return json_galat(400, "csrf", FORMULIR_KEDALUWARSA), 400
    kembali = _kembali()
    if kembali:
        flash(FORMULIR_KEDALUWARSA, "galat")
        return redirect(kembali)
    return _halaman(400, "csrf", FORMULIR_KEDALUWARSA)


def _tangani_http(exc):
    status = exc.code or 500
    kode, pesan = PESAN.get(status, _LAIN)
    if exc.description == DESA_TIDAK_DITEMUKAN:
        kode, pesan = DESA_TIDAK_DITEMUKAN, "Desa tidak ditemukan."
    headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
    if permintaan_api():
        return json_galat(status, kode, pesan), status, headers
    return _halaman(status, kode, pesan, headers)


# marshmallow's messages for the schema checks APIFlask runs, in Bahasa Indonesia.
_MARSHMALLOW = {
    "Missing data for required field.": "Wajib diisi.",
    "Unknown field.": "Isian tidak dikenal.",
    "Field may not be null.": "Tidak boleh kosong.",
    "Not a valid string.": "Harus berupa teks.",
    "Not a valid integer.": "Harus berupa bilangan bulat.",
    "Not a valid number.": "Harus berupa angka.",
    "Not a valid boolean.": "Harus true atau false.",
    "Not a valid date.": "Tanggal tidak valid (TTTT-BB-HH).",
    "Not a valid list.": "Harus berupa daftar.",
    "Invalid input type.": "Jenis isian tidak valid.",
    "Invalid value.": "Nilai tidak valid.",
    "Not a valid mapping type.": "Harus berupa objek JSON.",
}


# marshmallow's messages that carry values: their English start, and ours.
_MARSHMALLOW_AWALAN = (("Must be one of: ", "Harus salah satu dari: "),
                       ("Length must be between ", "Panjang harus antara "),
                       ("Shorter than minimum length ", "Terlalu pendek; paling sedikit "),
                       ("Longer than maximum length ", "Terlalu panjang; paling banyak "),
                       ("Must be greater than or equal to ", "Paling kecil "),
                       ("Must be less than or equal to ", "Paling besar "))


def _terjemah(teks):
    if teks in _MARSHMALLOW:
        return _MARSHMALLOW[teks]
    for awal, ganti in _MARSHMALLOW_AWALAN:
        if teks.startswith(awal):
            return ganti + teks[len(awal):].replace(" and ", " dan ")
    return teks


def _rincian_validasi(detail):
    """APIFlask's ``{"json": {"nik": ["Missing data..."]}}`` as ``{"nik": "Wajib diisi."}``."""
    rincian = {}
    for lokasi in (detail or {}).values():
        if not isinstance(lokasi, dict):
            continue
        for nama, pesan in lokasi.items():
            teks = pesan[0] if isinstance(pesan, list) and pesan and isinstance(pesan[0], str) else str(pesan)
            rincian[str(nama)] = _terjemah(teks)
    return rincian


def process_api_error(err):
    """APIFlask's error processor (schema validation, authentication)."""
    default_kode, default_pesan = PESAN.get(err.status_code, _LAIN)
    extra = dict(err.extra_data or {})
    kode = extra.pop("error", None) or default_kode
    pesan = err.message
    if not pesan or pesan == HTTP_STATUS_CODES.get(err.status_code):
        pesan = default_pesan
    rincian = _rincian_validasi(err.detail)
    if rincian and pesan in (default_pesan, "Validation error"):
        pesan = "Data tidak valid: " + "; ".join(f"{k}: {v}" for k, v in rincian.items())
    return json_galat(err.status_code, kode, pesan, rincian, **extra), err.status_code, err.headers


def init_app(app):
    app.error_processor(process_api_error)
    app.register_error_handler(Penolakan, _tangani_penolakan)
    app.register_error_handler(CSRFError, _tangani_csrf)
    app.register_error_handler(HTTPException, _tangani_http)


