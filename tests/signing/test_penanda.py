"""The two signers: the local PKCS#12 one (endesive) and the BSrE esign client."""
import io
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from desaonline.signing import pades, sertifikat
from desaonline.signing.penanda import KeteranganTtd, LocalPkcs12Signer
from desaonline.surat.render import render
from tests.signing.conftest import SANDI
from tests.signing.dokumen_uji import dokumen
from tests.signing.validasi import sah

WAKTU = datetime(2026, 11, 27, 7, 5, 9, tzinfo=timezone.utc)


def _ket():
    return KeteranganTtd(nama="SITI AMINAH", jabatan="Kepala Desa Klirong", alasan="Surat Keterangan nomor 470/1",
                         lokasi="Desa Klirong, Kabupaten Kebumen", waktu=WAKTU)


def _widget(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    for nomor, halaman in enumerate(reader.pages):
        for annot in halaman.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/FT") == "/Sig":
                return nomor, [float(v) for v in a["/Rect"]], a["/V"].get_object()
    raise AssertionError("no signature widget")


@pytest.mark.parametrize("kertas, isi", [("A4", None), ("F4", ["Teks panjang sekali untuk surat ini. " * 40] * 5)])
def test_local_signer_pades_visible_box_on_the_signatory_block(pki_uji, kertas, isi):
    dok = dokumen(kertas=kertas, **({"isi": isi} if isi else {}))
    hasil = render(dok)
    signer = LocalPkcs12Signer(sertifikat.buka(pki_uji.p12, SANDI))
    pdf = signer.tandatangani(hasil.pdf, hasil.kotak_ttd, _ket())
    status = sah(pdf, pki_uji.ca)
    assert status.signing_cert.subject.native["common_name"] == "SITI AMINAH"
    halaman, kotak, v = _widget(pdf)
    assert halaman == hasil.kotak_ttd.halaman
    assert kotak == pytest.approx(list(hasil.kotak_ttd.kotak), abs=0.01)
    assert v["/M"] == "D:20261127140509+07'00'"
    assert v["/SubFilter"] == "/ETSI.CAdES.detached"
    assert pdf.startswith(hasil.pdf)  # an incremental update: the rendered letter is untouched


def test_signing_date_is_a_pdf_date_in_wib():
    assert pades.tanggal_pdf(WAKTU) == "D:20261127140509+07'00'"


def test_endesive_is_used_without_its_verifier():
    """``endesive.pdf``'s verifier (certvalidator -> oscrypto) is never imported."""
    import subprocess
    import sys
    kode = ("import sys; import desaonline.signing.pades; "
            "assert 'endesive.pdf.cms' in sys.modules; "
            "assert 'endesive.pdf.verify' not in sys.modules and 'oscrypto' not in sys.modules and "
            "'certvalidator' not in sys.modules, sorted(m for m in sys.modules if 'crypto' in m)")
    subprocess.run([sys.executable, "-c", kode], check=True)


def test_local_signer_refuses_an_ec_key(pki_uji):
    ec = sertifikat.buka(pki_uji.p12_lain(jenis_kunci="ec"), SANDI)
    with pytest.raises(ValueError, match="RSA"):
        pades.KunciTtd(ec.key, ec.cert, ec.chain)


def test_cms_template_gives_what_endesive_gives(pki_uji):
    """Filled template == endesive's own CMS for the same digest (RSA PKCS#1 v1.5 is deterministic)."""
    import hashlib
    kunci = pades.KunciTtd(pki_uji.key, pki_uji.cert, [pki_uji.ca])
    for isi in (b"satu", b"dua"):
        digest = hashlib.sha256(isi).digest()
        asli = pades._signer_endesive.sign(None, pki_uji.key, pki_uji.cert, [pki_uji.ca], "sha256", True, digest)
        assert kunci.cms(digest) == asli
