"""A resident of Desa Klirong logs in on a phone-sized Chromium: birth-date PIN, forced
PIN change, biodata and family, against the real gunicorn of the ``deployment`` fixture."""
import pytest
from playwright.sync_api import expect

from tests.browser import axe

pytestmark = [pytest.mark.browser, pytest.mark.deploy]

HOST = "klirong.kec-klirong.localhost"


@pytest.fixture
def klirong(buat):
    desa = buat.desa("klirong", kecamatan=buat.kecamatan("kec-klirong", "Klirong"), nama="Klirong",
                     wa="081227000101")
    kepala = buat.penduduk(desa, nik="3305051703850001", no_kk="3305050101200001", nama="SUGENG RIYADI",
                           tanggal_lahir="1985-03-17")
    buat.penduduk(desa, nik="3305055208880002", no_kk=kepala.no_kk, nama="SITI MARYAM",
                  tanggal_lahir="1988-08-12", jenis_kelamin="P", hubungan_keluarga="ISTRI")
    return kepala


def _tanpa_pelanggaran(page):
    serius = axe.serious_violations(page)
    assert not serius, [(v["id"], v["help"]) for v in serius]


def test_resident_logs_in_changes_pin_sees_biodata_and_family(deployment, klirong, phone):
    page = phone
    assert page.viewport_size == {"width": 360, "height": 740}
    assert page.goto(deployment.url(HOST, "/")).status == 200
    page.get_by_role("link", name="Layanan Mandiri", exact=True).click()

    page.get_by_label("NIK", exact=True).fill(klirong.nik)
    page.get_by_label("PIN", exact=True).fill("19850317")
    _tanpa_pelanggaran(page)
    page.get_by_role("button", name="Masuk", exact=True).click()
    # the birth-date PIN needs the KK number too: asked beside the PIN, which stays filled in
    expect(page.get_by_text("isi juga Nomor KK")).to_be_visible()
    assert page.get_by_label("PIN", exact=True).input_value() == "19850317"
    _tanpa_pelanggaran(page)
    page.get_by_label("Nomor KK", exact=True).fill(klirong.no_kk)
    page.get_by_role("button", name="Masuk", exact=True).click()

    # forced to change the birth-date PIN first; a trivial PIN is refused with a reason
    expect(page.get_by_role("heading", name="Ganti PIN")).to_be_visible()
    page.get_by_label("PIN Lama", exact=True).fill("19850317")
    page.get_by_label("PIN Baru", exact=True).fill("123456")
    page.get_by_label("Ulangi PIN Baru", exact=True).fill("123456")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_text("terlalu mudah ditebak")).to_be_visible()
    _tanpa_pelanggaran(page)
    page.get_by_label("PIN Lama", exact=True).fill("19850317")
    page.get_by_label("PIN Baru", exact=True).fill("482915")
    page.get_by_label("Ulangi PIN Baru", exact=True).fill("482915")
    page.get_by_role("button", name="Simpan", exact=True).click()

    # the guide's step 5: the new PIN saved, the full personal data appears, with the NIK
    expect(page.get_by_role("heading", name="Biodata")).to_be_visible()
    expect(page.get_by_text(klirong.nik, exact=True)).to_be_visible()
    expect(page.get_by_text("PIN berhasil diganti")).to_be_visible()
    _tanpa_pelanggaran(page)

    # the dashboard: greeting, the operator's WhatsApp, the Menu in the top-right corner
    page.get_by_role("button", name="Menu", exact=True).click()
    page.get_by_role("banner").get_by_role("link", name="Beranda", exact=True).click()
    expect(page.get_by_role("heading", name="Selamat datang, Sugeng Riyadi")).to_be_visible()
    wa = page.get_by_role("link", name="Chat WhatsApp Operator")
    assert wa.get_attribute("href") == "https://wa.me/6281227000101"
    menu = page.get_by_role("button", name="Menu", exact=True)
    kotak = menu.bounding_box()
    assert kotak["x"] + kotak["width"] > 300 and kotak["y"] < 80  # top-right on a 360 px screen
    _tanpa_pelanggaran(page)

    menu.click()
    page.get_by_role("banner").get_by_role("link", name="Biodata", exact=True).click()
    expect(page.get_by_text(klirong.nik, exact=True)).to_be_visible()
    expect(page.get_by_text("17 Maret 1985")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
    _tanpa_pelanggaran(page)

    page.get_by_role("button", name="Menu", exact=True).click()
    page.get_by_role("banner").get_by_role("link", name="Keluarga", exact=True).click()
    expect(page.get_by_role("heading", name="Keluarga", exact=True)).to_be_visible()
    anggota = page.get_by_role("listitem").filter(has_text="SITI MARYAM")
    expect(anggota.get_by_text("ISTRI")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="SUGENG RIYADI").get_by_text("KEPALA KELUARGA")).to_be_visible()
    _tanpa_pelanggaran(page)

    # Keluar ends the session: the biodata page sends back to the login
    page.get_by_role("button", name="Menu", exact=True).click()
    page.get_by_role("banner").get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("button", name="Masuk", exact=True)).to_be_visible()
    page.goto(deployment.url(HOST, "/mandiri/biodata"))
    expect(page.get_by_label("NIK", exact=True)).to_be_visible()
