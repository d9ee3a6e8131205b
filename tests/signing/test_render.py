"""The ReportLab renderer: what a reader of the PDF sees."""
import io

import pytest
from pypdf import PdfReader

from desaonline.surat.render import KERTAS, render, render_pdf
from tests.signing.dokumen_uji import JAHAT, dokumen

MM = 72 / 25.4


def _teks(pdf):
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _rata(teks):
    return " ".join(teks.split())


def test_user_text_appears_literally_never_as_markup():
    teks = _rata(_teks(render_pdf(dokumen())))
    assert JAHAT in teks
    assert "Keperluan: <i>melamar</i> & bekerja" in teks
    assert "SITI <AMINAH>" in teks


def test_letterhead_title_number_and_signatory():
    teks = _rata(_teks(render_pdf(dokumen())))
    for bagian in ("PEMERINTAH KABUPATEN KEBUMEN", "KECAMATAN KLIRONG", "DESA KLIRONG", "Jl. Raya Klirong No. 1",
                   "SURAT KETERANGAN PENGANTAR", "Nomor : 470/001/33.05.05.2012/XI/2026", "Klirong, 27 November 2026",
                   "a.n. Kepala Desa Klirong", "Sekretaris Desa", "NIP. 197001012000012001",
                   "Dokumen ini telah ditandatangani secara elektronik."):
        assert bagian in teks, bagian


@pytest.mark.parametrize("kertas", ["A4", "F4"])
def test_paper_size(kertas):
    halaman = PdfReader(io.BytesIO(render_pdf(dokumen(kertas=kertas)))).pages[0]
    lebar, tinggi = float(halaman.mediabox.width), float(halaman.mediabox.height)
    assert (round(lebar / MM), round(tinggi / MM)) == {"A4": (210, 297), "F4": (215, 330)}[kertas]
    assert (lebar, tinggi) == pytest.approx(KERTAS[kertas])


def test_same_letter_same_bytes():
    assert render_pdf(dokumen()) == render_pdf(dokumen())
    assert render_pdf(dokumen()) != render_pdf(dokumen(nomor="470/002/33.05.05.2012/XI/2026"))


def test_long_text_flows_to_a_second_page_with_the_signature_block_whole():
    panjang = ["Kalimat keterangan yang panjang sekali untuk mengisi halaman surat ini. " * 12] * 6
    hasil = render(dokumen(isi=panjang))
    pdf = PdfReader(io.BytesIO(hasil.pdf))
    assert len(pdf.pages) >= 2
    terakhir = _rata(pdf.pages[hasil.kotak_ttd.halaman].extract_text())
    # Place, date, jabatan, name and NIP all on the page of the signature box.
    for bagian in ("Klirong, 27 November 2026", "Sekretaris Desa", "SITI <AMINAH>", "NIP. 197001012000012001"):
        assert bagian in terakhir
    assert hasil.kotak_ttd.halaman == len(pdf.pages) - 1


def test_signature_box_is_on_the_page_inside_the_margins():
    hasil = render(dokumen())
    k = hasil.kotak_ttd
    lebar, tinggi = KERTAS["A4"]
    assert k.halaman == 0
    assert 20 * MM <= k.x1 < k.x2 <= lebar - 15 * MM
    assert 20 * MM <= k.y1 < k.y2 <= tinggi - 20 * MM
    assert k.x2 - k.x1 > 50 * MM and k.y2 - k.y1 > 15 * MM


def test_draft_is_marked_konsep_without_number_or_qr():
    pdf = render_pdf(dokumen(konsep=True, nomor=None))
    teks = _rata(_teks(pdf))
    assert "KONSEP" in teks
    assert "470/001" not in teks
    assert "ditandatangani secara elektronik" not in teks
    assert "KONSEP" not in _rata(_teks(render_pdf(dokumen())))


def test_qr_code_encodes_the_verification_url():
    """The QR modules equal a reference encoder's for the same data, version and mask."""
    import qrcode
    from qrcode.util import MODE_8BIT_BYTE, QRData

    from desaonline.surat.render import _qr
    url = dokumen().url_verifikasi
    ours = _qr(url).qr
    ours.version = ours.calculate_version()
    ours.makeImpl(False, type(_qr(url)).MASK)
    ref = qrcode.QRCode(version=ours.version, error_correction=qrcode.constants.ERROR_CORRECT_M,
                        mask_pattern=type(_qr(url)).MASK, border=0)
    ref.add_data(QRData(url.encode(), mode=MODE_8BIT_BYTE))
    ref.make(fit=False)
    assert [list(map(bool, r)) for r in ours.modules] == ref.get_matrix()


def _gambar(pdf):
    """(width, height) of every image drawn on the first page."""
    xobjek = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"].get("/XObject") or {}
    return [(x["/Width"], x["/Height"]) for x in (v.get_object() for v in xobjek.values())
            if x["/Subtype"] == "/Image"]


def test_logo_is_drawn_and_a_broken_logo_does_not_stop_the_letter():
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (120, 140), (10, 120, 60)).save(buf, "PNG")
    dengan_logo = render_pdf(dokumen(kop=dokumen().kop.__class__(**{**dokumen().kop.__dict__, "logo_png": buf.getvalue()})))
    assert _gambar(dengan_logo) == [(120, 140)]
    assert _gambar(render_pdf(dokumen())) == []   # no logo, no image (the QR code is drawn as paths)
    rusak = render_pdf(dokumen(kop=dokumen().kop.__class__(**{**dokumen().kop.__dict__, "logo_png": b"bukan png"})))
    assert "DESA KLIRONG" in _teks(rusak) and _gambar(rusak) == []


def test_verification_code_is_printed_beside_the_qr():
    teks = _rata(_teks(render_pdf(dokumen(kode_verifikasi="K7QM2-X9DAB-3HJKP-RSTVW-XYZ01"))))
    assert "Kode verifikasi: K7QM2-X9DAB-3HJKP-RSTVW-XYZ01" in teks
    assert "Scan kode QR atau buka https://klirong.kec-klirong.localhost/verifikasi lalu ketik kode di atas." in teks
    konsep = _rata(_teks(render_pdf(dokumen(konsep=True, nomor=None, kode_verifikasi="K7QM2-X9DAB"))))
    assert "Kode verifikasi" not in konsep


def test_a_two_page_letter_repeats_its_number_and_counts_its_pages():
    hasil = render(dokumen(isi=["Kalimat keterangan yang panjang sekali untuk mengisi halaman surat ini. " * 12] * 4))
    pdf = PdfReader(io.BytesIO(hasil.pdf))
    assert len(pdf.pages) == 2
    pertama, kedua = (_rata(h.extract_text()) for h in pdf.pages)
    assert "Halaman 1 dari 2" in pertama and "Halaman 2 dari 2" not in pertama
    assert "SURAT KETERANGAN PENGANTAR Nomor 470/001/33.05.05.2012/XI/2026" in kedua
    assert "Halaman 2 dari 2" in kedua
    satu = _rata(_teks(render_pdf(dokumen())))
    assert "Halaman" not in satu


@pytest.mark.parametrize("kalimat", range(0, 60, 3))
def test_the_signature_block_never_stands_without_the_closing_text(kalimat):
    isi = ["Kalimat keterangan yang cukup panjang untuk surat ini, dengan rinciannya. " * 3] * kalimat
    hasil = render(dokumen(isi=isi))
    pdf = PdfReader(io.BytesIO(hasil.pdf))
    halaman_ttd = _rata(pdf.pages[hasil.kotak_ttd.halaman].extract_text())
    assert "Demikian surat keterangan ini dibuat" in halaman_ttd
    assert "Klirong, 27 November 2026" in halaman_ttd and "SITI <AMINAH>" in halaman_ttd


def test_the_pdf_is_dated_when_the_letter_was_signed():
    from datetime import datetime, timedelta, timezone
    waktu = datetime(2026, 11, 27, 7, 5, 9, tzinfo=timezone.utc)
    info = PdfReader(io.BytesIO(render_pdf(dokumen(waktu=waktu)))).metadata
    assert info.creation_date == waktu.astimezone(timezone(timedelta(hours=7)))
    assert info["/CreationDate"] == "D:20261127140509+07'00'"
    # Without a time: the letter's date in WIB, never ReportLab's invariant 2000-01-01.
    tanpa = PdfReader(io.BytesIO(render_pdf(dokumen()))).metadata
    assert tanpa["/CreationDate"] == "D:20261127000000+07'00'"
    assert render_pdf(dokumen(waktu=waktu)) == render_pdf(dokumen(waktu=waktu))
