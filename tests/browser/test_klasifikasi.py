"""On a phone, the Kode Klasifikasi field suggests codes from the desa's list as the resident
types (a datalist filled from the server), against the real gunicorn of ``deployment``."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_mandiri_login import HOST, _tanpa_pelanggaran, klirong  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.deploy]
CSV = Path(__file__).parent.parent / "surat" / "berkas" / "klasifikasi_surat.csv"


def test_typing_in_kode_klasifikasi_suggests_from_opensids_list(app, deployment, klirong, phone):  # noqa: F811
    from desaonline.surat import klasifikasi
    from tenants import desa_scope
    with app.app_context(), desa_scope(klirong.desa.id):
        assert klasifikasi.impor("klasifikasi_surat.csv", CSV.read_bytes()).dibuat > 2000
    page = phone
    page.goto(deployment.url(HOST, "/mandiri/masuk"))
    page.get_by_label("NIK", exact=True).fill(klirong.nik)
    page.get_by_label("PIN", exact=True).fill("19850317")
    page.get_by_label("Nomor KK", exact=True).fill(klirong.no_kk)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.get_by_label("PIN Lama", exact=True).fill("19850317")
    page.get_by_label("PIN Baru", exact=True).fill("482915")
    page.get_by_label("Ulangi PIN Baru", exact=True).fill("482915")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_role("button", name="Menu", exact=True)).to_be_visible()

    page.goto(deployment.url(HOST, "/mandiri/surat/buat/surat_ket_kelahiran"))
    kode = page.get_by_label("Kode Klasifikasi", exact=True)
    expect(kode).to_have_value("472.11")                          # the catalogue's default, OpenSID's code
    pilihan = page.locator("#daftar-klasifikasi option")
    assert "472.11" in pilihan.evaluate_all("os => os.map(o => o.value)")
    assert "471.14" not in pilihan.evaluate_all("os => os.map(o => o.value)")   # not in the 472 group
    kode.fill("kartu keluarga")                                    # a word of the name, not the code
    expect(page.locator('#daftar-klasifikasi option[value="471.14"]')).to_have_count(1)   # asked from the server
    assert pilihan.count() <= 20                                   # a few at a time, never the 2,330
    kode.fill("472.12")
    _tanpa_pelanggaran(page)
