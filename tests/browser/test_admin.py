"""The admin pages in a real browser on a phone-sized screen (360 px), served by gunicorn:
the menu in the top-right corner, every screen readable without sideways scrolling and
free of serious accessibility problems (axe-core)."""
import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_serious

pytestmark = [pytest.mark.browser, pytest.mark.deploy]

PORTAL = "desaonline.localhost"


def tidak_melebar(page):
    lebar = page.evaluate("() => document.documentElement.scrollWidth")
    assert lebar <= page.viewport_size["width"], f"{page.url} is {lebar}px wide"


def test_admin_pages_on_a_phone(deployment, buat, phone, screenshot_dir):
    kec = buat.kecamatan("kec-klirong", "Klirong")
    desa = buat.desa("klirong", kecamatan=kec, nama="Klirong")
    buat.operator(desa, "operator", "rahasia-operator")
    username, password = buat.admin("admin-kebumen")

    phone.goto(deployment.url(PORTAL, "/admin/"))
    expect(phone.get_by_role("heading", name="Masuk Admin")).to_be_visible()
    assert_no_serious(phone)
    phone.get_by_label("Nama Pengguna").fill(username)
    phone.get_by_label("Kata Sandi").fill(password)
    phone.get_by_role("button", name="Masuk", exact=True).click()
    expect(phone.get_by_role("heading", name="Dasbor Kabupaten Kebumen")).to_be_visible()

    pages = {"Dasbor": "/admin/", "Daftar Desa": "/admin/desa", "Tambah Desa": "/admin/desa/baru",
             "Kecamatan": "/admin/kecamatan"}
    for label, path in pages.items():
        phone.get_by_role("banner").get_by_text("Menu", exact=True).click()
        phone.get_by_role("banner").get_by_role("link", name=label).click()
        expect(phone).to_have_url(deployment.url(PORTAL, path))
        tidak_melebar(phone)
        assert_no_serious(phone)
        phone.screenshot(path=str(screenshot_dir / f"admin-{path.strip('/').replace('/', '-')}.png"), full_page=True)

    for path in (f"/admin/desa/{desa.id}", f"/admin/desa/{desa.id}/operator"):
        phone.goto(deployment.url(PORTAL, path))
        tidak_melebar(phone)
        assert_no_serious(phone)
    phone.get_by_role("link", name="operator", exact=True).click()
    expect(phone.get_by_role("button", name="Reset Kata Sandi")).to_be_visible()
    assert_no_serious(phone)

    phone.get_by_role("banner").get_by_text("Menu", exact=True).click()
    phone.screenshot(path=str(screenshot_dir / "admin-menu.png"))
    phone.get_by_role("banner").get_by_role("button", name="Keluar").click()
    expect(phone.get_by_role("heading", name="Masuk Admin")).to_be_visible()
