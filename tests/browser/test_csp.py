"""The Content-Security-Policy holds on the main pages in a real Chromium: every page
sends it, and nothing on them (inline script, style attribute, handler) is refused.
Every other browser test fails on a refusal too (``browser_context``)."""
import pytest

from tests.browser.conftest import LAPOR_CSP, pelanggaran_csp
from tests.browser.test_mandiri_login import HOST, klirong  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.deploy]
PORTAL = "desaonline.localhost"
HALAMAN = [(PORTAL, "/"), (PORTAL, "/admin/masuk"), (HOST, "/"), (HOST, "/mandiri/masuk"),
           (HOST, "/operator/masuk"), (HOST, "/verifikasi/")]


def test_the_main_pages_send_the_policy_and_break_none_of_it(deployment, klirong, phone):  # noqa: F811
    for host, path in HALAMAN:
        res = phone.goto(deployment.url(host, path))
        assert res.status == 200, (host, path)
        csp = res.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert res.headers["x-content-type-options"] == "nosniff"
        assert res.headers["cache-control"] == "no-store"
        assert pelanggaran_csp(phone) == [], (host, path)


def test_the_check_sees_a_refusal_when_there_is_one(deployment, klirong, chromium):  # noqa: F811
    ctx = chromium.new_context()  # not browser_context: this refusal is on purpose
    try:
        ctx.add_init_script(LAPOR_CSP)
        page = ctx.new_page()
        page.goto(deployment.url(HOST, "/"))
        page.evaluate("() => document.body.setAttribute('style', 'color: red')")
        assert any(p.startswith("style-src") for p in pelanggaran_csp(page))
    finally:
        ctx.close()
