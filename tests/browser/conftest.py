"""Debian's headless Chromium, driven by Playwright, for the browser tests.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium``
(``CHROMIUM`` overrides the path). Without it the tests skip, and fail in CI.
Contexts are phone-sized (360x740) unless a test asks for a laptop.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.services import ROOT, service_missing

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
TELEPON = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run."""
    if not Path(CHROMIUM).exists():
        service_missing(f"Chromium ({CHROMIUM}; install Debian's 'chromium' package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        service_missing("Playwright (pip install -r requirements-dev.txt)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


# Every page of every browser test reports what its Content-Security-Policy refused
# (the event, and Chromium's console line); a test that met a refusal fails.
LAPOR_CSP = """document.addEventListener("securitypolicyviolation", (e) => {
  (window.__pelanggaranCsp = window.__pelanggaranCsp || []).push(e.violatedDirective + " " + e.blockedURI);
});"""


def pelanggaran_csp(page):
    """What the page's CSP refused since it was loaded (``securitypolicyviolation``)."""
    return page.evaluate("() => window.__pelanggaranCsp || []")


@pytest.fixture
def browser_context(chromium):
    """``browser_context(viewport=LAPTOP)`` -> a new, separate browser (own cookies), closed after the test.

    The test fails if any page of it had something refused by the Content-Security-Policy."""
    contexts, csp = [], []

    def make(viewport=TELEPON, **kw):
        # Not is_mobile: the pages' viewport meta is device-width, so the layout is the
        # same, and Chromium's PDF viewer (Pratinjau) then fits the page to the width.
        ctx = chromium.new_context(viewport=viewport, locale="id-ID", timezone_id="Asia/Jakarta",
                                   accept_downloads=True, **kw)
        ctx.set_default_timeout(15_000)
        ctx.add_init_script(LAPOR_CSP)
        ctx.on("console", lambda pesan: csp.append(f"{pesan.page.url if pesan.page else ''}: {pesan.text}")
               if "Content Security Policy" in pesan.text else None)
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()
    assert not csp, csp


@pytest.fixture
def phone(browser_context):
    """A page in a fresh phone-sized browser."""
    return browser_context().new_page()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory):
    """Where the tests save their screenshots: ``SCREENSHOTS`` (e.g. docs/screenshots) or a temp folder."""
    target = os.environ.get("SCREENSHOTS")
    path = (ROOT / target) if target and not os.path.isabs(target) else Path(target) if target else \
        tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def demo(app, deployment):
    """``flask --app wsgi demo`` run as the README says, in the deployment's environment
    (its SECRET_KEY encrypts the demo certificate the worker must open). Returns the
    Klirong resident with a family, one family member and the operator's login."""
    from desaonline.extensions import db
    from desaonline.penduduk.models import Penduduk
    from tenants import desa_scope
    from tenants.models import Desa
    hasil = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "demo"], cwd=ROOT,
                           env=deployment.env, capture_output=True, text=True, timeout=300)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    operator = re.search(r"Desa Klirong: \S+\s+operator: (\S+) / (\S+)", hasil.stdout)
    assert operator, hasil.stdout
    with app.app_context():
        desa = db.session.scalar(select(Desa).where(Desa.slug == "klirong"))
        with desa_scope(desa.id):
            besar = (select(Penduduk.keluarga_id).group_by(Penduduk.keluarga_id)
                     .having(func.count() > 1).scalar_subquery())
            warga = db.session.scalar(select(Penduduk).where(
                Penduduk.keluarga_id.in_(besar), Penduduk.hubungan_keluarga == "KEPALA KELUARGA",
                Penduduk.pin_hash.is_(None)).order_by(Penduduk.id))
            anggota = db.session.scalar(select(Penduduk).where(
                Penduduk.keluarga_id == warga.keluarga_id, Penduduk.id != warga.id).order_by(Penduduk.id))
            data = {"nik": warga.nik, "pin": f"{warga.tanggal_lahir:%Y%m%d}", "no_kk": warga.keluarga.no_kk,
                    "nama": warga.nama,
                    "anggota_nik": anggota.nik, "anggota_nama": anggota.nama}
    # the login the demo printed works
    assert f"NIK {data['nik']} / PIN {data['pin']} (tanggal lahir) / Nomor KK {data['no_kk']}" in hasil.stdout
    data["operator"] = operator.groups()
    ca = re.search(r"\((\S+ca\.pem)\)", hasil.stdout)  # the demo CA the Kepala Desa's certificate comes from
    assert ca, hasil.stdout
    data["ca_pem"] = open(ca.group(1), "rb").read()
    return data
