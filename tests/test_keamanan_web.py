"""Security headers on every response (desaonline/keamanan.py), and templates the CSP
can serve: no inline script, no event handler attribute, no style attribute."""
import re
from pathlib import Path

import pytest

from tests.signing.conftest import alur  # noqa: F401  (the letter flow through the API)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _umum(res):
    csp = res.headers["Content-Security-Policy"]
    assert res.headers["X-Content-Type-Options"] == "nosniff"
    assert res.headers["Referrer-Policy"] == "same-origin"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    return csp


def test_pages_api_answers_and_errors_carry_the_headers_and_are_not_stored(buat, portal, host_client):
    desa = buat.desa()
    situs = host_client(desa.host)
    for res in (portal.get("/"), portal.get("/admin/masuk"), situs.get("/"), situs.get("/mandiri/masuk"),
                situs.get("/api/v1/mandiri/profil"), situs.post("/api/v1/mandiri/login", json={}),
                host_client("tidak-ada.kec-x.localhost").get("/"), situs.get("/api/v1/openapi.json")):
        csp = _umum(res)
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
        assert res.headers["X-Frame-Options"] == "DENY"
        assert res.headers["Cache-Control"] == "no-store", res.request.path
        assert "Strict-Transport-Security" not in res.headers  # plain HTTP in development


def test_static_files_keep_their_caching(portal):
    res = portal.get("/static/css/app.css")
    _umum(res)
    assert res.headers.get("Cache-Control") != "no-store"


def test_a_pdf_may_be_framed_by_our_own_pages_only(app, alur):  # noqa: F811
    a = alur()
    _, token = a.warga()
    surat = a.kirim("post", "/api/v1/mandiri/surat", token, json={
        "jenis": "surat_ket_pengantar", "keperluan": "Melamar pekerjaan", "penandatangan": a.pejabat()})
    res = a.kirim("get", f"/api/v1/mandiri/surat/{surat.json['id']}/pratinjau", token)
    assert res.status == 200 and res.headers["Content-Type"] == "application/pdf"
    assert res.headers["Content-Security-Policy"] == "frame-ancestors 'self'"
    assert res.headers["X-Frame-Options"] == "SAMEORIGIN" and res.headers["Cache-Control"] == "no-store"


def test_production_sends_hsts(app):
    from desaonline import create_app
    prod = create_app("production", {
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "STORAGE_DIR": app.config["STORAGE_DIR"],
        "SECRET_KEY": "x" * 48, "CERT_ENCRYPTION_KEY": "y" * 48, "REDIS_URL": "redis://127.0.0.1:6379/15",
        "RATELIMIT_STORAGE_URI": "memory://"})
    res = prod.test_client().get("/", base_url="https://desaonline.localhost")
    assert res.headers["Strict-Transport-Security"] == "max-age=31536000"


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_templates_hold_nothing_the_csp_refuses(template):
    html = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>: put it in desaonline/static/js"
    assert not re.search(r"\son[a-z]+\s*=", html), "event handler attribute: add the listener in a static file"
    assert not re.search(r"\bstyle\s*=", html), "style attribute: use a class in app.css"
    assert "<style" not in html, "<style> block: use app.css"
    assert "javascript:" not in html
