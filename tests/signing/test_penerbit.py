"""The line under the signature says who really issued the certificate: decided by
the chain, against the BSrE roots the deployment is configured with, never by a name."""
import io

import pytest
from pypdf import PdfReader

from desaonline.signing import penerbit, pki
from desaonline.signing.demo import NAMA_CA
from tests.pipeline.bantu import baris

BALAI = "Balai Besar Sertifikasi Elektronik"


def teks_pdf(pdf):
    return " ".join("\n".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def akar(app, tmp_path):
    """Configure ``TTE_AKAR_BSRE`` with the given certificates for one test."""
    lama = app.config.get("TTE_AKAR_BSRE")

    def atur(*sertifikat):
        berkas = tmp_path / f"bsre-{len(list(tmp_path.iterdir()))}.pem"
        berkas.write_bytes(b"".join(pki.ke_pem(c) for c in sertifikat))
        app.config["TTE_AKAR_BSRE"] = str(berkas)
    yield atur
    app.config["TTE_AKAR_BSRE"] = lama


def test_the_demo_ca_is_never_presented_as_bsre(ctx, akar):
    ca_key, ca = pki.buat_ca(NAMA_CA)
    _, cert = pki.terbitkan(ca_key, ca, "SITI AMINAH")
    for _ in range(2):   # without BSrE roots configured, and with (another CA's) roots configured
        catatan = penerbit.catatan_tte(cert, [ca])
        assert "diterbitkan oleh Desa Online Demo CA (bukan BSrE)." in catatan
        assert BALAI not in catatan and "BSSN" not in catatan
        akar(pki.buat_ca("Root CA Indonesia DS G1")[1])


def test_a_name_is_not_a_chain(ctx, akar):
    bsre_key, bsre = pki.buat_ca("Balai Sertifikasi Elektronik (BSrE) BSSN")
    akar(bsre)
    # A CA that only calls itself BSrE, with BSrE's exact name but its own key.
    palsu_key, palsu = pki.buat_ca("Balai Sertifikasi Elektronik (BSrE) BSSN")
    _, cert = pki.terbitkan(palsu_key, palsu, "KADES PALSU")
    assert penerbit.catatan_tte(cert, [palsu]) != penerbit.BSRE
    assert penerbit.catatan_tte(cert, [palsu, bsre]) != penerbit.BSRE
    # The real one's certificate, with or without the root in its PKCS#12.
    _, asli = pki.terbitkan(bsre_key, bsre, "SITI AMINAH")
    assert penerbit.catatan_tte(asli, [bsre]) == penerbit.BSRE
    assert penerbit.catatan_tte(asli, []) == penerbit.BSRE
    assert "Balai Besar Sertifikasi Elektronik (BSrE), BSSN" in penerbit.BSRE


def test_through_an_intermediate(ctx, akar):
    root_key, root = pki.buat_ca("Root CA Indonesia")
    akar(root)
    # An intermediate signed by the root (built by hand: pki only makes roots and leaves).
    from datetime import datetime, timedelta, timezone

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    antara_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    nama = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "OSD BSrE Intermediate")])
    now = datetime.now(timezone.utc)
    antara = (x509.CertificateBuilder().subject_name(nama).issuer_name(root.subject)
              .public_key(antara_key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
              .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
              .sign(root_key, hashes.SHA256()))
    _, cert = pki.terbitkan(antara_key, antara, "SITI AMINAH")
    assert penerbit.catatan_tte(cert, [antara]) == penerbit.BSRE
    assert penerbit.catatan_tte(cert, []) != penerbit.BSRE   # the chain is broken without the intermediate


def test_a_letter_signed_with_the_demo_certificate_says_so(app, alur, tmp_path, monkeypatch, tugas, akar):
    from desaonline.extensions import db
    from desaonline.signing import demo
    from tenants import desa_scope
    from tenants.models import Desa
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    akar(pki.buat_ca("Root CA Indonesia DS G1")[1])   # a deployment that does know BSrE's roots
    a = alur()
    a.pejabat()
    with app.app_context(), desa_scope(a.desa.id):
        demo.seed_demo(db.session.get(Desa, a.desa.id))
        db.session.commit()
    _, token = a.warga()
    sid = a.surat_diajukan(token)
    a.setujui(sid)
    assert tugas.proses(sid, a.desa.id) == "selesai"
    teks = teks_pdf(a.pdf(sid, token))
    assert ("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang "
            "diterbitkan oleh Desa Online Demo CA (bukan BSrE).") in teks
    assert BALAI not in teks and "BSSN" not in teks
    assert baris(app, sid).status == "selesai"
