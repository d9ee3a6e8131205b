"""Security headers on every response, in one place.

- ``Content-Security-Policy``: scripts, styles, images and connections only from the
  site itself; no inline script, no style attribute, no ``eval``; no site may frame
  ours (``frame-ancestors 'none'``), except that a PDF may be shown inside our own
  pages (the operator's preview in an ``<object>``). JavaScript lives in static files.
- ``X-Content-Type-Options: nosniff``: an uploaded file is never run as a script.
- ``Referrer-Policy: same-origin``: addresses of our pages stay ours.
- ``Strict-Transport-Security`` in production (``HSTS_SECONDS``), never on plain HTTP
  development.
- ``Cache-Control: no-store`` on every page and API answer: they carry biodata, KKs,
  letters and tokens, and a shared computer at the village hall must not keep them.
  A view that chose its own caching keeps it (a signed PDF is ``private, no-cache``, so
  it is revalidated by its ETag); static files keep Flask's caching.
"""
from flask import current_app, request

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
CSP_PDF = "frame-ancestors 'self'"


def _tajuk(response):
    h = response.headers
    h["X-Content-Type-Options"] = "nosniff"
    h["Referrer-Policy"] = "same-origin"
    if response.mimetype == "application/pdf":
        h.setdefault("Content-Security-Policy", CSP_PDF)
        h.setdefault("X-Frame-Options", "SAMEORIGIN")
    else:
        h.setdefault("Content-Security-Policy", CSP)
        h.setdefault("X-Frame-Options", "DENY")
    hsts = current_app.config["HSTS_SECONDS"]
    if hsts:
        h.setdefault("Strict-Transport-Security", f"max-age={hsts}")
    if "Cache-Control" not in h and not request.path.startswith("/static/"):
        h["Cache-Control"] = "no-store"
    return response


def init_app(app):
    app.after_request(_tajuk)
