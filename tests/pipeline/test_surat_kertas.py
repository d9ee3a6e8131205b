"""A signed letter survives paper: its verification code is printed beside the QR
code with the address to type it into, the QR link opens on the server that issued
it (the development port included), and the PDF is dated when it was signed."""
import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from desaonline.surat import kode_verifikasi
from tests.pipeline.bantu import baris
from tests.signing.alur import Alur, lewat_klien
from tests.signing.conftest import SANDI


def teks_pdf(pdf):
    return " ".join("\n".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def terbit(app, buat, host_client, pki_uji, tugas):
    """Sign one letter approved through a client on ``host`` (a port may be part of it)."""
    def make(port=None):
        desa = buat.desa()
        a = Alur(lewat_klien(host_client(f"{desa.host}:{port}" if port else desa.host)), buat, desa)
        assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
        _, token = a.warga(nama="BUDI SANTOSO")
        sid = a.surat_diajukan(token)
        a.setujui(sid)
        assert tugas.proses(sid, desa.id) == "selesai"
        return a, sid, a.pdf(sid, token), baris(app, sid)
    return make


def test_the_code_is_printed_and_the_link_keeps_the_development_port(app, terbit, host_client):
    a, sid, pdf, s = terbit(port=5000)
    assert s.alamat_publik == f"http://{a.desa.host}:5000"
    tampil = kode_verifikasi.tampil(s.kode_verifikasi)
    assert len(s.kode_verifikasi) == 25 and tampil.count("-") == 4
    teks = teks_pdf(pdf)
    assert f"Kode verifikasi: {tampil}" in teks
    assert f"Scan kode QR atau buka http://{a.desa.host}:5000/verifikasi lalu ketik kode di atas." in teks

    # Someone typing it from a photocopy: lower case, spaces for dashes, O for 0, I for 1.
    ketik = tampil.lower().replace("-", " ").replace("0", "o").replace("1", "i")
    umum = host_client(a.desa.host)
    r = umum.get(f"/api/v1/verifikasi/{ketik}")
    assert r.status_code == 200 and r.get_json()["nomor"] == s.nomor
    r = umum.submit("/verifikasi/", {"kode": ketik})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/verifikasi/{s.kode_verifikasi}")


def test_public_scheme_and_port_come_from_the_configuration(app, terbit):
    lama = app.config.get("PUBLIC_SCHEME"), app.config.get("PUBLIC_PORT")
    app.config.update(PUBLIC_SCHEME="https", PUBLIC_PORT=None)
    try:
        a, sid, pdf, s = terbit(port=8080)
        assert s.alamat_publik == f"https://{a.desa.host}"
        assert f"buka https://{a.desa.host}/verifikasi lalu" in teks_pdf(pdf)
        app.config.update(PUBLIC_SCHEME="https", PUBLIC_PORT="8443")
        a, sid, pdf, s = terbit()
        assert s.alamat_publik == f"https://{a.desa.host}:8443"
    finally:
        app.config.update(PUBLIC_SCHEME=lama[0], PUBLIC_PORT=lama[1])


def test_the_signed_pdf_is_dated_at_signing(app, terbit):
    a, sid, pdf, s = terbit()
    dibuat = PdfReader(io.BytesIO(pdf)).metadata.creation_date
    assert dibuat.year != 2000
    assert abs(dibuat - s.selesai) < timedelta(seconds=1)
    assert dibuat.utcoffset() == timedelta(hours=7)
