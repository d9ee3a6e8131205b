"""Every signed letter is checked twice: pyHanko (intact, valid, trusted against the
test CA, covering the whole file) and poppler's pdfsig (whose exit code says nothing:
its text does)."""
import io
import shutil
import subprocess
import tempfile

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization

from desaonline.verifikasi.layanan import tanpa_event_loop


def _asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def pyhanko_sah(pdf, ca_cert):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(pdf))
    assert len(reader.embedded_signatures) == 1
    ttd = reader.embedded_signatures[0]
    assert ttd.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    status = tanpa_event_loop(validate_pdf_signature, ttd, ValidationContext(trust_roots=[_asn1(ca_cert)]))
    assert status.intact, status.pretty_print_details()
    assert status.valid, status.pretty_print_details()
    assert status.trusted, status.pretty_print_details()
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.bottom_line
    assert status.md_algorithm == "sha256"
    return status


def pdfsig_sah(pdf):
    assert shutil.which("pdfsig"), "pdfsig (poppler-utils) is required: make system-deps"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        hasil = subprocess.run(["pdfsig", f.name], capture_output=True, text=True, timeout=60)
    keluar = hasil.stdout + hasil.stderr
    assert "Signature is Valid" in keluar, keluar
    assert "Total document signed" in keluar, keluar
    assert "ETSI.CAdES.detached" in keluar, keluar
    assert "SHA-256" in keluar, keluar
    return keluar


def sah(pdf, ca_cert):
    pdfsig_sah(pdf)
    return pyhanko_sah(pdf, ca_cert)
