"""What every letter list and PDF answer of the API shares: paging headers, the PDF type."""
from flask import url_for

PDF = {"content_type": "application/pdf"}


def header_halaman(hal, endpoint, **args):
    """X-Total-Count (and the page counts) and a ``Link: <next>; rel="next"`` while pages remain."""
    headers = {"X-Total-Count": str(hal.total), "X-Halaman": str(hal.halaman),
               "X-Jumlah-Halaman": str(hal.jumlah_halaman)}
    if hal.ada_sesudah:
        lanjut = url_for(endpoint, halaman=hal.halaman + 1, per_halaman=hal.per_halaman,
                         **{k: v for k, v in args.items() if v})
        headers["Link"] = f'<{lanjut}>; rel="next"'
    return headers
