"""Accessibility of the resident's and the operator's pages: axe-core finds no serious
or critical problem (WCAG 2.1 A/AA: contrast, labels, landmarks, names of buttons and
links), on a phone and on a laptop; and the Menu works from the keyboard alone, with
JavaScript switched off.

The pages are served by the real deployment with ``flask demo``'s data.
"""
import re

import pytest
from playwright.sync_api import expect

from tests.browser import axe
from tests.browser.conftest import LAPTOP, TELEPON
from tests.browser.halaman import (DESA_HOST, PIN_BARU, buka_menu, ganti_pin, isi_surat_pengantar,
                                    masuk_operator, masuk_warga)

pytestmark = [pytest.mark.browser, pytest.mark.deploy]


class Pemeriksa:
    """Runs axe on each page it is shown and keeps what it found, to report all at once."""

    def __init__(self):
        self.temuan = {}
        self.diperiksa = []

    def __call__(self, page, nama):
        page.wait_for_load_state("load")
        self.diperiksa.append(nama)
        found = axe.serious_violations(page)
        if found:
            self.temuan[f"{nama} ({page.url})"] = found

    def laporan(self):
        return "\n".join(f"{nama}:\n{axe.describe(v)}" for nama, v in self.temuan.items())


@pytest.mark.parametrize("viewport", [TELEPON, LAPTOP], ids=["telepon", "laptop"])
def test_halaman_warga_dan_operator_tanpa_masalah_serius(demo, deployment, browser_context, viewport):
    url = lambda path="/": deployment.url(DESA_HOST, path)  # noqa: E731
    periksa = Pemeriksa()
    page = browser_context(viewport=viewport).new_page()

    page.goto(url("/"))
    periksa(page, "beranda desa")
    page.get_by_role("link", name="Layanan Mandiri", exact=True).click()
    periksa(page, "masuk")
    masuk_warga(page, demo["nik"], "00000000")  # a wrong PIN: the page with its error message
    expect(page.get_by_role("alert").first).to_be_visible()
    periksa(page, "masuk, PIN salah")
    masuk_warga(page, demo["nik"], demo["pin"], no_kk=demo["no_kk"])
    periksa(page, "ganti PIN")
    ganti_pin(page, demo["pin"], PIN_BARU)
    periksa(page, "beranda warga")
    page.get_by_role("button", name="Menu", exact=True).click()
    periksa(page, "beranda warga, menu terbuka")
    page.get_by_role("button", name="Menu", exact=True).click()  # closed again
    for tujuan in ("Biodata", "Keluarga", "Buat Surat"):
        buka_menu(page, tujuan)
        periksa(page, tujuan)
    page.get_by_role("link", name="Surat Keterangan Pengantar").first.click()
    page.get_by_role("button", name="Simpan", exact=True).click()  # sent empty: the messages beside the fields
    expect(page.get_by_role("alert").first).to_be_visible()
    periksa(page, "formulir surat dengan galat")
    buka_menu(page, "Buat Surat")
    isi_surat_pengantar(page, demo["anggota_nik"], "Mendaftar sekolah", "")
    periksa(page, "daftar permohonan")
    page.get_by_role("button", name="Ajukan", exact=True).first.click()
    periksa(page, "rincian permohonan")

    operator = browser_context(viewport=viewport).new_page()
    operator.goto(url("/operator/masuk"))
    periksa(operator, "operator masuk")
    masuk_operator(operator, *demo["operator"])
    periksa(operator, "operator beranda")
    buka_menu(operator, "Antrean Surat")
    periksa(operator, "antrean surat")
    operator.get_by_role("row").filter(has_text=demo["anggota_nama"].title()).get_by_role("link").first.click()
    expect(operator.get_by_role("button", name="Setujui", exact=True)).to_be_visible()
    periksa(operator, "periksa permohonan")

    assert len(periksa.diperiksa) == 16
    assert not periksa.temuan, "axe found serious accessibility problems:\n" + periksa.laporan()


def test_menu_dengan_keyboard_tanpa_javascript(demo, deployment, browser_context):
    """With JavaScript off: Tab reaches **Menu**, Enter opens it, Tab walks its links,
    Enter follows **Buat Surat**; the letter is then saved and submitted by plain forms."""
    page = browser_context(java_script_enabled=False).new_page()
    page.goto(deployment.url(DESA_HOST, "/mandiri/masuk"))
    masuk_warga(page, demo["nik"], demo["pin"], no_kk=demo["no_kk"])
    ganti_pin(page, demo["pin"], PIN_BARU)

    menu = page.get_by_role("button", name="Menu", exact=True)
    tekan_tab_sampai(page, menu)
    page.keyboard.press("Enter")
    buat_surat = page.get_by_role("banner").get_by_role("link", name="Buat Surat", exact=True)
    expect(buat_surat).to_be_visible()
    dilewati = tekan_tab_sampai(page, buat_surat)
    assert {"Beranda", "Biodata", "Keluarga"} <= set(dilewati), dilewati  # the links before it
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/mandiri/surat/buat$"))

    isi_surat_pengantar(page, demo["anggota_nik"], "Mendaftar sekolah", "")
    konsep = page.get_by_role("listitem").filter(has_text=demo["anggota_nama"].title()).first
    expect(konsep.get_by_text("konsep", exact=True)).to_be_visible()
    konsep.get_by_role("button", name="Ajukan", exact=True).click()
    expect(page.get_by_role("status").get_by_text("diajukan", exact=True)).to_be_visible()


def tekan_tab_sampai(page, target, paling_banyak=25):
    """Press Tab until ``target`` has the focus; returns the names focused on the way."""
    dilewati = []
    for _ in range(paling_banyak):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return dilewati
        dilewati.append(page.evaluate("() => (document.activeElement.innerText || '').trim()"))
    raise AssertionError(f"Tab never reached {target}; focus went through {dilewati}")
