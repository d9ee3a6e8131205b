"""What every letter list and file answer of the API shares: paging headers, the PDF and
attachment types."""
from flask import url_for
from werkzeug.http import HTTP_STATUS_CODES

PDF = {"content_type": "application/pdf"}
# An attachment is a photo or a PDF, as its content says: ``@api.output(FileSchema, **LAMPIRAN)``
# plus ``@api.doc(responses=lampiran_responses(401, 403, 404))`` documents all three types.
LAMPIRAN = {"content_type": "image/jpeg", "description": "foto (JPEG atau PNG) atau PDF, menurut isinya"}
_BINER = {"schema": {"type": "string", "format": "binary"}}


def lampiran_responses(*galat):
    return {200: {"content": {"image/png": _BINER, "application/pdf": _BINER}},
            **{s: HTTP_STATUS_CODES[s] for s in galat}}


def header_halaman(hal, endpoint, **args):
    """X-Total-Count (and the page counts) and a ``Link: <next>; rel="next"`` while pages remain."""
    headers = {"X-Total-Count": str(hal.total), "X-Halaman": str(hal.halaman),
               "X-Jumlah-Halaman": str(hal.jumlah_halaman)}
    if hal.ada_sesudah:
        lanjut = url_for(endpoint, halaman=hal.halaman + 1, per_halaman=hal.per_halaman,
                         **{k: v for k, v in args.items() if v})
        headers["Link"] = f'<{lanjut}>; rel="next"'
    return headers
