"""Debian's headless Chromium, driven by Playwright, for the browser tests.

Playwright never downloads a browser here: it launches ``/usr/bin/chromium``
(``CHROMIUM`` overrides the path). Without it the tests skip, and fail in CI.
Contexts are phone-sized (360x740) unless a test asks for a laptop.
"""
import os
from pathlib import Path

import pytest

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


@pytest.fixture
def browser_context(chromium):
    """``browser_context(viewport=LAPTOP)`` -> a new, separate browser (own cookies), closed after the test."""
    contexts = []

    def make(viewport=TELEPON, **kw):
        # Not is_mobile: the pages' viewport meta is device-width, so the layout is the
        # same, and Chromium's PDF viewer (Pratinjau) then fits the page to the width.
        ctx = chromium.new_context(viewport=viewport, locale="id-ID", timezone_id="Asia/Jakarta",
                                   accept_downloads=True, **kw)
        ctx.set_default_timeout(15_000)
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()


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
