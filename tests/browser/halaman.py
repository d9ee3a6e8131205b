"""The guide's steps as page actions, in the guide's words (accessible names only).

Shared by the journey and the accessibility tests. ``sebelum`` callbacks run just
before a form is sent (the journey takes its screenshots there).
"""
import re

from playwright.sync_api import expect

DESA_HOST = "klirong.kec-klirong.localhost"
PIN_BARU = "482915"


def _lalu(sebelum):
    if sebelum:
        sebelum()


def masuk_warga(page, nik, pin, sebelum=None, no_kk=None):
    """Login page: **NIK**, **PIN**, **Masuk**. With the birth-date PIN the page then asks
    for the **Nomor KK** (the PIN stays filled in) and **Masuk** again."""
    page.get_by_label("NIK", exact=True).fill(nik)
    page.get_by_label("PIN", exact=True).fill(pin)
    _lalu(sebelum)
    page.get_by_role("button", name="Masuk", exact=True).click()
    if no_kk:
        expect(page.get_by_text("isi juga Nomor KK")).to_be_visible()
        page.get_by_label("Nomor KK", exact=True).fill(no_kk)
        page.get_by_role("button", name="Masuk", exact=True).click()


def ganti_pin(page, lama, baru=PIN_BARU, sebelum=None):
    """The forced first change: **PIN Lama**, **PIN Baru**, **Ulangi PIN Baru**, **Simpan**."""
    expect(page.get_by_label("PIN Lama", exact=True)).to_be_visible()
    page.get_by_label("PIN Lama", exact=True).fill(lama)
    page.get_by_label("PIN Baru", exact=True).fill(baru)
    page.get_by_label("Ulangi PIN Baru", exact=True).fill(baru)
    _lalu(sebelum)
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_role("button", name="Menu", exact=True)).to_be_visible()


def buka_menu(page, tujuan, sebelum=None):
    """Open the top-right **Menu** and follow one of its links."""
    page.get_by_role("button", name="Menu", exact=True).click()
    link = page.get_by_role("banner").get_by_role("link", name=tujuan, exact=True)  # the menu sits in the top bar
    expect(link).to_be_visible()
    _lalu(sebelum)
    link.click()


def isi_surat_pengantar(page, nik, keperluan, keterangan, sebelum=None):
    """Buat Surat -> "Surat Keterangan Pengantar": the form (**NIK**, **Kode Klasifikasi**,
    **Keperluan**, **Keterangan**, **Penandatangan**: the Kepala Desa); **Simpan**."""
    page.get_by_role("link", name="Surat Keterangan Pengantar").first.click()
    # NIK: a choice of the KK members, each shown with the name and the full NIK
    page.get_by_role("radiogroup", name="NIK").get_by_role("radio", name=re.compile(nik)).check()
    page.get_by_label("Kode Klasifikasi", exact=True).fill("470")
    page.get_by_label("Keperluan", exact=True).fill(keperluan)
    page.get_by_label("Keterangan", exact=True).fill(keterangan)
    penandatangan = page.get_by_label("Penandatangan", exact=True)
    kepala = penandatangan.locator("option").filter(has_text=re.compile(r"^\s*Kepala Desa")).first
    penandatangan.select_option(kepala.get_attribute("value"))
    _lalu(sebelum)
    page.get_by_role("button", name="Simpan", exact=True).click()


def masuk_operator(page, username, password, sebelum=None):
    """Operator login at /operator/masuk: **Nama Pengguna**, **Kata Sandi**, **Masuk**."""
    page.get_by_label("Nama Pengguna", exact=True).fill(username)
    page.get_by_label("Kata Sandi", exact=True).fill(password)
    _lalu(sebelum)
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.get_by_role("button", name="Menu", exact=True)).to_be_visible()
