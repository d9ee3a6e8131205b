"""The residents' printed guide, step by step, in a real browser on a phone-sized screen.

A real gunicorn and a real Celery worker (the ``deployment`` fixture: PostgreSQL and
Redis when TEST_DATABASE_URL/TEST_REDIS_URL are set) serve the demo data of
``flask demo``. The resident walks the guide on Desa Klirong's own host at 360x740
using only the words of the guide (accessible names), the operator approves in
another browser, and the signed PDF the resident downloads is checked with pyHanko.
Every step leaves a screenshot (``SCREENSHOTS=docs/screenshots`` keeps them).
"""
import io
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LAPTOP
from tests.browser.halaman import (DESA_HOST, PIN_BARU, buka_menu, ganti_pin, isi_surat_pengantar,
                                    masuk_operator, masuk_warga)

pytestmark = [pytest.mark.browser, pytest.mark.deploy]

# Sign, store, poll: generous for a cold worker on a 2-core CI machine.
TUNGGU_SELESAI_MS = 120_000


class Langkah:
    """Numbered screenshots of the journey: 01-beranda-desa-laptop.png, 02-beranda-desa.png..."""

    def __init__(self, folder):
        self.folder, self.n = folder, 0

    def __call__(self, page, nama, full_page=True):
        self.n += 1
        if full_page:  # from the top, or the sticky top bar lands mid-picture
            page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(self.folder / f"{self.n:02d}-{nama}.png"), full_page=full_page)


def test_warga_mengurus_surat_dari_telepon(demo, deployment, browser_context, screenshot_dir):
    foto = Langkah(screenshot_dir)
    url = lambda path="/": deployment.url(DESA_HOST, path)  # noqa: E731
    warga = browser_context().new_page()

    # The desa's home page: "Layanan Mandiri" at the bottom on a phone, on the right on a laptop.
    laptop = browser_context(viewport=LAPTOP).new_page()
    laptop.goto(url("/"))
    kartu = laptop.get_by_role("region", name="Layanan Mandiri").bounding_box()
    judul = laptop.get_by_role("heading", level=1).bounding_box()
    assert kartu["x"] > judul["x"] + judul["width"] / 2 and kartu["y"] < LAPTOP["height"] / 2
    foto(laptop, "beranda-desa-laptop")
    warga.goto(url("/"))
    kartu = warga.get_by_role("region", name="Layanan Mandiri").bounding_box()
    lain = [r.bounding_box() for r in warga.get_by_role("main").locator("section").all()]
    assert kartu["y"] == max(b["y"] for b in lain)  # the last thing on the page
    foto(warga, "beranda-desa")
    warga.get_by_role("link", name="Layanan Mandiri", exact=True).click()

    # Log in with NIK and the birth-date PIN; the first login must change the PIN.
    masuk_warga(warga, demo["nik"], demo["pin"], sebelum=lambda: foto(warga, "masuk"), no_kk=demo["no_kk"])
    ganti_pin(warga, demo["pin"], PIN_BARU, sebelum=lambda: foto(warga, "ganti-pin"))

    # The guide's step 5: once the new PIN is saved the biodata appears, with the NIK.
    expect(warga.get_by_role("heading", name="Biodata")).to_be_visible()
    expect(warga.get_by_text(demo["nik"], exact=True).first).to_be_visible()
    foto(warga, "biodata")
    buka_menu(warga, "Beranda")
    foto(warga, "beranda-warga")

    # The family card.
    buka_menu(warga, "Keluarga")
    expect(warga.get_by_role("heading", name="Keluarga", exact=True)).to_be_visible()
    expect(warga.get_by_text(demo["anggota_nama"]).first).to_be_visible()
    foto(warga, "keluarga")

    # Menu -> Buat Surat -> Surat Keterangan Pengantar, for a family member.
    buka_menu(warga, "Buat Surat", sebelum=lambda: foto(warga, "menu"))
    foto(warga, "buat-surat")
    keperluan = "Melamar pekerjaan di pabrik & toko <Sentosa>"
    isi_surat_pengantar(warga, demo["anggota_nik"], keperluan, "Surat pengantar untuk istri saya.",
                        sebelum=lambda: (periksa_formulir(warga, demo, keperluan), foto(warga, "isi-surat")))

    # The draft: status "konsep", its title not hidden under the sticky top bar.
    konsep = warga.get_by_role("listitem").filter(has_text=demo["anggota_nama"].title()).first
    expect(konsep.get_by_text("konsep", exact=True)).to_be_visible()
    assert re.search(r"/mandiri/surat#surat-\d+$", warga.url)
    judul = konsep.get_by_role("heading").bounding_box()
    bilah = warga.get_by_role("banner").bounding_box()
    assert judul["y"] >= bilah["y"] + bilah["height"], (judul, bilah)
    foto(warga, "konsep")

    # A photo of the KK from the phone's camera, attached to the draft.
    konsep.get_by_role("link", name=re.compile(r"^Lampiran")).click()
    warga.get_by_label("Dokumen", exact=True).select_option(label="Kartu Keluarga (KK)")
    warga.get_by_label("Ambil Foto").set_input_files(
        {"name": "IMG_20261127_0915.jpg", "mimeType": "image/jpeg", "buffer": foto_kk()})
    warga.get_by_role("button", name="Lampirkan").click()
    expect(warga.get_by_text("IMG_20261127_0915.jpg dilampirkan.")).to_be_visible()
    gambar = warga.get_by_role("img", name="Kartu Keluarga (KK): IMG_20261127_0915.jpg")
    expect(gambar).to_be_visible()
    assert lebar_gambar(warga, gambar) == 1200  # upright, 1600 px on its long side
    foto(warga, "lampiran")
    warga.get_by_role("link", name=re.compile("Semua permohonan")).click()

    # Pratinjau (the eye and the word) gives the PDF, then Ajukan.
    pratinjau = konsep.get_by_role("link", name="Pratinjau", exact=True)
    expect(pratinjau.locator("svg")).to_have_count(1)  # the eye icon beside the word
    jenis, isi = ambil(warga, pratinjau.get_attribute("href"))
    assert jenis.startswith("application/pdf")
    teks_konsep = teks_pdf(isi)
    assert "KONSEP" in teks_konsep and demo["anggota_nama"].upper() in teks_konsep.upper()
    pratinjau.click()  # Chromium shows the draft in its PDF viewer
    warga.wait_for_url(re.compile(r"/pratinjau$"))
    warga.wait_for_timeout(1500)  # the viewer paints after the load event
    foto(warga, "pratinjau", full_page=False)
    warga.go_back()
    konsep.get_by_role("button", name="Ajukan", exact=True).click()
    status = warga.get_by_role("status").filter(has_text=re.compile(r"diajukan|diproses|selesai"))
    expect(status.get_by_text("diajukan", exact=True)).to_be_visible()
    foto(warga, "diajukan")
    halaman_surat = warga.url

    # The operator, in another browser, approves it from the queue.
    operator = browser_context(viewport=LAPTOP).new_page()  # the operator works at the office PC
    operator.goto(url("/operator/masuk"))
    masuk_operator(operator, *demo["operator"], sebelum=lambda: foto(operator, "operator-masuk"))
    buka_menu(operator, "Antrean Surat")
    baris = operator.get_by_role("row").filter(has_text=demo["anggota_nama"].title())
    expect(baris).to_have_count(1)
    foto(operator, "operator-antrean")
    expect(operator.get_by_role("columnheader", name="Diajukan")).to_be_visible()   # when it was submitted
    expect(baris.locator("time")).to_have_count(1)
    baris.get_by_role("link", name="Surat Keterangan Pengantar").click()
    expect(operator.get_by_role("button", name="Tolak", exact=True)).to_be_visible()
    # the resident's photo, as a thumbnail that opens the picture
    lampiran = operator.get_by_role("region", name="Lampiran")
    gambar = lampiran.get_by_role("img", name="Kartu Keluarga (KK): IMG_20261127_0915.jpg")
    expect(gambar).to_be_visible()
    assert lebar_gambar(operator, gambar) == 1200
    jenis, isi = ambil(operator, lampiran.get_by_role("link").first.get_attribute("href"))
    assert jenis == "image/jpeg" and isi[:3] == b"\xff\xd8\xff"
    operator.wait_for_timeout(2000)  # let the embedded PDF preview paint
    foto(operator, "operator-periksa")
    operator.get_by_role("button", name="Setujui", exact=True).click()
    expect(operator.get_by_text(re.compile(r"diproses|selesai")).first).to_be_visible()
    halaman_operator = operator.url

    # The resident's page follows the letter by itself (no reload here) until it is signed.
    assert warga.url == halaman_surat
    expect(warga.get_by_role("status").get_by_text("selesai", exact=True)).to_be_visible(timeout=TUNGGU_SELESAI_MS)
    unduh = warga.get_by_role("link", name=re.compile("Unduh"))
    expect(unduh).to_be_visible()
    foto(warga, "selesai")
    # ...and so does the operator's review page, without a reload
    assert operator.url == halaman_operator
    expect(operator.get_by_role("status").get_by_text("selesai", exact=True)).to_be_visible(timeout=TUNGGU_SELESAI_MS)
    expect(operator.get_by_role("link", name=re.compile("Unduh Surat"))).to_be_visible()
    with warga.expect_download() as unduhan:
        unduh.click()
    pdf = open(unduhan.value.path(), "rb").read()

    periksa_tanda_tangan(pdf, demo["ca_pem"])
    assert demo["anggota_nama"].upper() in teks_pdf(pdf).upper()


def periksa_formulir(page, demo, keperluan):
    """The letter form on a 360 px phone: every NIK choice shows the name and the whole NIK
    inside the screen, and Keperluan says how many characters are left."""
    pilihan = page.get_by_role("radiogroup", name="NIK").get_by_role("radio")
    assert pilihan.count() >= 2
    for i in range(pilihan.count()):
        label = page.locator(f"label[for='{pilihan.nth(i).get_attribute('id')}']")
        nik = pilihan.nth(i).get_attribute("value")
        assert nik in label.inner_text() and len(nik) == 16
        kotak = label.bounding_box()
        assert kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= 360, kotak
        # nothing of it is cut off: the label holds its text, the NIK's line ends on the screen
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
        teks = label.locator(".nik").bounding_box()
        assert teks["x"] + teks["width"] <= 360, teks
    expect(page.get_by_text(demo["anggota_nama"].title()).first).to_be_visible()
    expect(page.get_by_text(f"Tersisa {500 - len(keperluan)} karakter.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def lebar_gambar(page, gambar):
    """The picture's own width once the browser has it (a lazy thumbnail loads when in view)."""
    gambar.scroll_into_view_if_needed()
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=gambar.element_handle())
    return gambar.evaluate("i => i.naturalWidth")


def foto_kk():
    """What a phone camera gives: a 4000x3000 JPEG lying on its side (EXIF orientation 6)."""
    from PIL import Image, ImageDraw
    gambar = Image.new("RGB", (4000, 3000), (235, 235, 225))
    gambar_teks = ImageDraw.Draw(gambar)
    gambar_teks.rectangle((200, 200, 3800, 600), fill=(40, 90, 160))
    gambar_teks.text((300, 1000), "KARTU KELUARGA", fill=(0, 0, 0))
    exif = gambar.getexif()
    exif[0x0112] = 6
    keluar = io.BytesIO()
    gambar.save(keluar, "JPEG", quality=85, exif=exif)
    return keluar.getvalue()


def ambil(page, path):
    """GET ``path`` with the page's own session, as the browser would: (content type, bytes)."""
    import base64
    hasil = page.evaluate("""async (path) => {
        const r = await fetch(path, {credentials: "same-origin"});
        const b = new Uint8Array(await r.arrayBuffer());
        let s = ""; for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
        return {status: r.status, jenis: r.headers.get("content-type") || "", isi: btoa(s)};
    }""", path)
    assert hasil["status"] == 200, hasil["status"]
    return hasil["jenis"], base64.b64decode(hasil["isi"])


def pem_ke_asn1(pem):
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509
    return asn1_x509.Certificate.load(asn1_pem.unarmor(pem)[2])


def teks_pdf(data):
    from pypdf import PdfReader
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def periksa_tanda_tangan(pdf, ca_pem):
    """pyHanko: one signature, intact, valid, trusted against the demo CA, covering the
    whole file; and poppler's pdfsig agrees (the signing tests' helper)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from tests.signing.validasi import pdfsig_sah

    reader = PdfFileReader(io.BytesIO(pdf))
    assert len(reader.embedded_signatures) == 1
    ttd = reader.embedded_signatures[0]
    akar = [pem_ke_asn1(ca_pem)]
    # pyHanko runs its own asyncio loop; Playwright's sync API already runs one in this thread.
    with ThreadPoolExecutor(1) as pool:
        status = pool.submit(validate_pdf_signature, ttd,
                             ValidationContext(trust_roots=akar, allow_fetching=False)).result()
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE, status.coverage
    pdfsig_sah(pdf)
