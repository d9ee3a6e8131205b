"""The desa's own certificate with the kabupaten's timestamp authority: PAdES B-LTA
(RFC 3161 signature timestamp, validation data in the DSS, a document timestamp),
checked by pyHanko and pdfsig against a local TSA stand-in."""
import io
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta, timezone

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pypdf import PdfReader

from desaonline.errors import GagalProses
from desaonline.signing import pades, pki, sertifikat
from desaonline.signing.penanda import KeteranganTtd, LocalPkcs12Signer
from desaonline.surat.render import render
from desaonline.verifikasi.layanan import tanpa_event_loop
from tests.signing.conftest import SANDI
from tests.signing.dokumen_uji import dokumen
from tests.signing.tsa_palsu import TsaPalsu


def _asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


@pytest.fixture
def tsa(pki_uji):
    palsu = TsaPalsu(pki_uji.ca_key, pki_uji.ca)
    yield palsu
    palsu.stop()


def _kades(pki_uji, tsa):
    """A Kepala Desa's PKCS#12 whose certificate names the CA's CRL, as real ones do."""
    key, cert = pki.terbitkan(pki_uji.ca_key, pki_uji.ca, "SITI AMINAH", crl_url=tsa.crl_url)
    return sertifikat.buka(pki.ke_pkcs12(key, cert, [pki_uji.ca], SANDI), SANDI), cert


def _ket():
    return KeteranganTtd(nama="SITI AMINAH", jabatan="Kepala Desa Klirong", alasan="Surat Keterangan nomor 470/1",
                         lokasi="Desa Klirong, Kabupaten Kebumen", waktu=datetime.now(timezone.utc))


def test_a_letter_signed_with_a_tsa_carries_what_checks_it_after_the_certificate_expires(pki_uji, tsa):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import DocumentSecurityStore, validate_pdf_signature, validate_pdf_timestamp
    from pyhanko_certvalidator import ValidationContext

    isi, cert = _kades(pki_uji, tsa)
    hasil = render(dokumen())
    signer = LocalPkcs12Signer(isi, tsa=pades.Tsa(tsa.url))
    pdf = signer.tandatangani(hasil.pdf, hasil.kotak_ttd, _ket())
    assert pdf.startswith(hasil.pdf) and tsa.permintaan >= 2  # the signature's timestamp, the document's

    reader = PdfFileReader(io.BytesIO(pdf))
    ttd, cap_waktu = reader.embedded_signatures
    assert ttd.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert cap_waktu.sig_object["/SubFilter"] == "/ETSI.RFC3161"  # B-LTA: the DSS is sealed
    dss = DocumentSecurityStore.read_dss(reader)
    assert len(dss.crls) >= 1
    semua = {c.sha256 for c in dss.load_certs()}
    assert {_asn1(cert).sha256, _asn1(pki_uji.ca).sha256, _asn1(tsa.cert).sha256} <= semua

    # Today, as any reader checks it.
    akar = [_asn1(pki_uji.ca)]
    status = tanpa_event_loop(validate_pdf_signature, ttd, ValidationContext(trust_roots=akar))
    assert status.bottom_line, status.pretty_print_details()
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    waktu_ttd = status.timestamp_validity.timestamp

    # Later: the CA and the TSA are gone, nothing can be fetched, revocation must be
    # proven; the letter is checked at the time its timestamp proves, from the DSS alone.
    tsa.stop()
    konteks = dss.as_validation_context({"trust_roots": akar, "allow_fetching": False,
                                         "revocation_mode": "hard-fail", "moment": waktu_ttd,
                                         "retroactive_revinfo": True})
    status = tanpa_event_loop(validate_pdf_signature, PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0],
                              konteks)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.revocation_details is None or not status.revocation_details.revoked
    doc_ts = tanpa_event_loop(validate_pdf_timestamp, PdfFileReader(io.BytesIO(pdf)).embedded_signatures[1],
                              dss.as_validation_context({"trust_roots": akar, "allow_fetching": False}))
    assert doc_ts.valid and doc_ts.trusted and doc_ts.intact

    # poppler agrees on the signature (its exit code says nothing: its text does); it
    # cannot check RFC 3161 document timestamps itself and only lists them.
    assert shutil.which("pdfsig"), "pdfsig (poppler-utils) is required: make system-deps"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        keluar = subprocess.run(["pdfsig", f.name], capture_output=True, text=True, timeout=60).stdout
    pertama, kedua = keluar.split("Signature #2:")
    assert "Signature Field Name: TTE" in pertama and "Signature is Valid" in pertama
    assert "ETSI.CAdES.detached" in pertama and "SHA-256" in pertama
    assert "Desa Online Test TSA" in kedua

    # The visible box is where the renderer said.
    for nomor, halaman in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        for annot in halaman.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/T") == "TTE":
                assert nomor == hasil.kotak_ttd.halaman
                assert [float(v) for v in a["/Rect"]] == pytest.approx(list(hasil.kotak_ttd.kotak), abs=0.01)


def test_without_a_tsa_the_letter_stays_pades_b_b(pki_uji):
    isi = sertifikat.buka(pki_uji.p12, SANDI)
    pdf = LocalPkcs12Signer(isi).tandatangani(render(dokumen()).pdf, render(dokumen()).kotak_ttd, _ket())
    from pyhanko.pdf_utils.reader import PdfFileReader
    assert len(PdfFileReader(io.BytesIO(pdf)).embedded_signatures) == 1 and b"/DSS" not in pdf


def test_an_unreachable_tsa_is_retried(pki_uji):
    isi = sertifikat.buka(pki_uji.p12, SANDI)
    signer = LocalPkcs12Signer(isi, tsa=pades.Tsa("http://127.0.0.1:9/tsa", timeout=2))
    hasil = render(dokumen())
    with pytest.raises(GagalProses, match="penanda waktu") as err:
        signer.tandatangani(hasil.pdf, hasil.kotak_ttd, _ket())
    assert err.value.sementara


def test_a_tsa_signed_letter_through_the_worker(app, alur, pki_uji, tsa, tugas):
    """TSA_URL set: the worker signs B-LTA; the public verification still knows the letter."""
    key, cert = pki.terbitkan(pki_uji.ca_key, pki_uji.ca, "SITI AMINAH", crl_url=tsa.crl_url)
    lama = app.config.get("TSA_URL")
    app.config["TSA_URL"] = tsa.url
    try:
        a = alur()
        assert a.unggah_sertifikat(pki.ke_pkcs12(key, cert, [pki_uji.ca], SANDI), SANDI).status == 201
        _, token = a.warga()
        sid = a.surat_diajukan(token)
        a.setujui(sid)
        assert tugas.proses(sid, a.desa.id) == "selesai"
        pdf = a.pdf(sid, token)
        assert b"/ETSI.RFC3161" in pdf and b"/DSS" in pdf
        kode = a.surat(sid, token)["kode_verifikasi"]
        r = a.kirim("get", f"/api/v1/verifikasi/{kode}")
        import hashlib
        assert r.status == 200 and r.json["pdf_sha256"] == hashlib.sha256(pdf).hexdigest()
        # Anyone uploading it is told it is the desa's letter, intact (the timestamp and DSS after
        # the signature are what PAdES allows).
        r = a.kirim("post", "/api/v1/verifikasi/pdf", berkas={"file": ("surat.pdf", pdf)})
        assert r.status == 200 and r.json["asli"] is True and r.json["seluruh_dokumen"] is True, r.json
        r = a.kirim("post", "/api/v1/verifikasi/pdf", berkas={"file": ("surat.pdf", pdf + b"\n%\n")})
        assert r.json["diterbitkan_desa"] is False and r.json["asli"] is False  # not the file the desa issued
    finally:
        app.config["TSA_URL"] = lama


def test_an_expiring_certificate_is_still_checked_at_signing_time(pki_uji, tsa):
    """A certificate that expires tomorrow: a validator a year on, with the timestamp's
    time and the embedded data, still finds the signature valid."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import DocumentSecurityStore, validate_pdf_signature
    now = datetime.now(timezone.utc)
    key, cert = pki.terbitkan(pki_uji.ca_key, pki_uji.ca, "SITI AMINAH", crl_url=tsa.crl_url,
                              sampai=now + timedelta(days=1))
    isi = sertifikat.buka(pki.ke_pkcs12(key, cert, [pki_uji.ca], SANDI), SANDI)
    hasil = render(dokumen())
    pdf = LocalPkcs12Signer(isi, tsa=pades.Tsa(tsa.url)).tandatangani(hasil.pdf, hasil.kotak_ttd, _ket())
    tsa.stop()
    reader = PdfFileReader(io.BytesIO(pdf))
    dss = DocumentSecurityStore.read_dss(reader)
    akar = [_asn1(pki_uji.ca)]
    ttd = reader.embedded_signatures[0]
    # Checked as of a year later, ignoring the timestamp: the certificate has expired.
    setahun = dss.as_validation_context({"trust_roots": akar, "allow_fetching": False,
                                         "moment": now + timedelta(days=365), "revocation_mode": "soft-fail"})
    assert not tanpa_event_loop(validate_pdf_signature, ttd, setahun).bottom_line
    # With the time its timestamp proves, from the embedded data only: valid.
    status = tanpa_event_loop(validate_pdf_signature, ttd, dss.as_validation_context({"trust_roots": akar}))
    konteks = dss.as_validation_context({"trust_roots": akar, "allow_fetching": False,
                                         "revocation_mode": "hard-fail", "retroactive_revinfo": True,
                                         "moment": status.timestamp_validity.timestamp})
    assert tanpa_event_loop(validate_pdf_signature, PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0],
                            konteks).bottom_line


def test_signing_with_a_tsa_works_where_an_asyncio_loop_runs(pki_uji, tsa):
    """pyHanko's synchronous API runs asyncio.run(): in a thread whose loop is running
    (an async server, a browser session in the test process) it must still sign."""
    import asyncio
    isi, _ = _kades(pki_uji, tsa)
    hasil = render(dokumen())

    async def di_dalam_loop():
        return LocalPkcs12Signer(isi, tsa=pades.Tsa(tsa.url)).tandatangani(hasil.pdf, hasil.kotak_ttd, _ket())

    # A thread of its own for the loop: the test process may run one in this thread already.
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:
        assert b"/ETSI.RFC3161" in pool.submit(asyncio.run, di_dalam_loop()).result()
