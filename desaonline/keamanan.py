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

And the JSON API (``/api/``) takes no cookie: it is authenticated by bearer tokens
only, and CSRF-exempt because of that, so its requests get no cookie session at
all (``SesiCookie``): a browser's cookie riding along an API call means nothing,
and no API answer sets one.
"""
from flask import current_app, request
from flask.sessions import SecureCookieSessionInterface

from desaonline.blueprints import API


class SesiCookie(SecureCookieSessionInterface):
    """Flask's signed-cookie session for pages; none for the API."""

    def open_session(self, app, request):
        if request.path.startswith(API):
            return self.make_null_session(app)
        return super().open_session(app, request)

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
    ada = {nama.lower() for nama, _ in h.items()}  # one pass: each lookup in Headers is another
    # A view's own X-Content-Type-Options or Referrer-Policy is overridden, the rest kept.
    for nama, nilai in (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin")):
        if nama.lower() in ada:
            h[nama] = nilai
        else:
            h.add(nama, nilai)
    pdf = (response.content_type or "").startswith("application/pdf")
    tambahan = [("Content-Security-Policy", CSP_PDF if pdf else CSP),
                ("X-Frame-Options", "SAMEORIGIN" if pdf else "DENY")]
    hsts = current_app.config["HSTS_SECONDS"]
    if hsts:
        tambahan.append(("Strict-Transport-Security", f"max-age={hsts}"))
    if not request.path.startswith("/static/"):
        tambahan.append(("Cache-Control", "no-store"))
    for nama, nilai in tambahan:
        if nama.lower() not in ada:
            h.add(nama, nilai)
    return response


def init_app(app):
    app.session_interface = SesiCookie()
    app.after_request(_tajuk)
