"""The kabupaten IT team's week in a real browser, served by gunicorn: desa created from a
CSV on the portal, one of them opened at once on its own address, and the dashboard on a
phone and on a laptop (its screenshots are the README's)."""
import random
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_serious
from tests.browser.conftest import LAPTOP

pytestmark = [pytest.mark.browser, pytest.mark.deploy]

PORTAL = "desaonline.localhost"
CSV = """kecamatan,slug,nama,kode,wa_operator
kec-klirong,klirong,Klirong,33.05.05.2012,081227000101
kec-klirong,jogosimo,Jogosimo,33.05.05.2001,081227000102
kec-klirong,tanjungsari,Tanjungsari,33.05.05.2005,
kec-petanahan,karangrejo,Karangrejo,33.05.04.2003,081227000201
kec-petanahan,tegalretno,Tegalretno,33.05.04.2007,
kec-kebumen,panjer,Panjer,33.05.12.1004,081227000302
kec-kebumen,Bukan Slug,Salah,33.05.12.2001,
"""


def _masuk(page, deployment, username, password):
    page.goto(deployment.url(PORTAL, "/admin/masuk"))
    page.get_by_label("Nama Pengguna").fill(username)
    page.get_by_label("Kata Sandi").fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()


def _surat_sebulan(app, buat, desa_ids):
    """A month of requests in these desa, as residents and operators would have left them."""
    from sqlalchemy import select

    from desaonline.extensions import db
    from desaonline.surat.models import Pejabat, Surat
    from desaonline.waktu import sekarang
    from tenants import desa_scope
    rnd = random.Random(13)
    jenis = ("surat_ket_pengantar", "surat_ket_usaha", "surat_ket_domisili", "surat_ket_penduduk")
    for n, desa_id in enumerate(desa_ids):
        ref = type("D", (), {"id": desa_id})
        warga = buat.penduduk(ref)
        with app.app_context(), desa_scope(desa_id):
            pejabat = db.session.scalar(select(Pejabat)) or Pejabat(nama="Kepala Desa", jabatan="Kepala Desa",
                                                                    kepala_desa=True)
            db.session.add(pejabat)
            db.session.flush()
            for _ in range(8 + 6 * n):
                aju = sekarang() - timedelta(days=rnd.uniform(0, 29))
                status = rnd.choice(["selesai"] * 5 + ["diajukan", "ditolak"])
                selesai = aju + timedelta(hours=rnd.expovariate(1 / (3 + 8 * n))) if status == "selesai" else None
                db.session.add(Surat(jenis=rnd.choice(jenis), pemohon_id=warga.id, subjek_id=warga.id,
                                     klasifikasi="470", keperluan="Uji", pejabat_id=pejabat.id, status=status,
                                     dibuat=aju, diajukan=aju, selesai=min(selesai, sekarang()) if selesai else None))
            db.session.commit()


def test_desa_from_a_csv_on_the_portal_then_the_dashboard(app, deployment, buat, browser_context, tmp_path,
                                                          screenshot_dir):
    for slug, nama, kode in (("kec-klirong", "Klirong", "33.05.05"), ("kec-petanahan", "Petanahan", "33.05.04"),
                             ("kec-kebumen", "Kebumen", "33.05.12")):
        buat.kecamatan_kode(slug, nama, kode)
    username, password = buat.admin("admin-kebumen")
    berkas = tmp_path / "desa.csv"
    berkas.write_text(CSV)

    laptop = browser_context(viewport=LAPTOP).new_page()
    _masuk(laptop, deployment, username, password)
    expect(laptop.get_by_role("banner")).to_contain_text("Kabupaten Kebumen")
    laptop.goto(deployment.url(PORTAL, "/admin/desa/impor"))
    assert_no_serious(laptop)
    laptop.get_by_label("Berkas CSV").set_input_files(str(berkas))
    laptop.get_by_role("button", name="Impor", exact=True).click()
    hasil = laptop.get_by_role("status")
    expect(hasil).to_contain_text("6 desa baru")
    expect(hasil).to_contain_text("1 baris")
    expect(laptop.get_by_role("cell", name="8", exact=True)).to_be_visible()   # the bad row, by its line
    assert_no_serious(laptop)

    # the new desa's own address opens at once, on whichever web worker answers
    laptop.get_by_role("link", name="karangrejo.kec-petanahan.localhost").click()
    expect(laptop.get_by_role("heading", name="Selamat datang di situs Desa Karangrejo")).to_be_visible()
    expect(laptop.get_by_role("link", name="Layanan Mandiri", exact=True)).to_be_visible()

    from sqlalchemy import select

    from desaonline.extensions import db
    from tenants.models import Desa
    with app.app_context():
        ids = db.session.scalars(select(Desa.id).order_by(Desa.id)).all()
    _surat_sebulan(app, buat, ids)

    laptop.goto(deployment.url(PORTAL, "/admin/"))
    expect(laptop.get_by_role("heading", name="Dasbor Kabupaten Kebumen")).to_be_visible()
    assert_no_serious(laptop)
    laptop.screenshot(path=str(screenshot_dir / "dasbor-kabupaten-laptop.png"), full_page=True)
    # sorting a table is a link (no script): the slowest kecamatan first
    laptop.get_by_role("link", name="Median waktu").first.click()
    expect(laptop).to_have_url(deployment.url(PORTAL, "/admin/?urut_wilayah=-median_detik#tabel-wilayah"))
    # drill down to a kecamatan, then to a desa
    laptop.locator("#tabel-wilayah").get_by_role("link", name="Kecamatan Klirong").click()
    expect(laptop.get_by_role("heading", name="Dasbor Kecamatan Klirong")).to_be_visible()
    laptop.locator("#tabel-wilayah").get_by_role("link", name="Desa Jogosimo").click()
    expect(laptop.get_by_role("heading", name="Dasbor Desa Jogosimo")).to_be_visible()

    phone = browser_context().new_page()
    _masuk(phone, deployment, username, password)
    expect(phone.get_by_role("heading", name="Dasbor Kabupaten Kebumen")).to_be_visible()
    lebar = phone.evaluate("() => document.documentElement.scrollWidth")
    assert lebar <= 360, f"the dashboard is {lebar}px wide on a phone"
    assert_no_serious(phone)
    phone.screenshot(path=str(screenshot_dir / "dasbor-kabupaten-telepon.png"), full_page=True)
