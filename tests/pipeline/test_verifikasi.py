"""Public verification: the QR code's page and API, and checking an uploaded PDF."""
import io

import pytest

from tests.pipeline.bantu import baris


@pytest.fixture
def selesai(alur, pki_uji, tugas):
    """A signed letter: (alur, surat_id, resident token, pdf bytes, row)."""
    from tests.signing.conftest import SANDI

    def make(app):
        a = alur()
        a.unggah_sertifikat(pki_uji.p12, SANDI)
        _, token = a.warga(nama="BUDI SANTOSO WIJAYA")
        sid = a.surat_diajukan(token)
        a.setujui(sid)
        assert tugas.proses(sid, a.desa.id) == "selesai"
        return a, sid, token, a.pdf(sid, token), baris(app, sid)
    return make


def test_qr_code_api_and_page(app, selesai, host_client):
    a, sid, token, pdf, s = selesai(app)
    umum = host_client(a.desa.host)  # nobody logged in
    r = umum.get(f"/api/v1/verifikasi/{s.kode_verifikasi}")
    assert r.status_code == 200
    data = r.get_json()
    import hashlib
    assert data["pdf_sha256"] == hashlib.sha256(pdf).hexdigest()
    assert data["nomor"] == s.nomor and data["jenis"] == "surat_ket_pengantar"
    assert data["jenis_nama"] == "Surat Keterangan Pengantar"
    assert data["nama"] == "BU*** SA*** WI***" and "BUDI" not in str(data)
    assert data["tanggal"] == s.tanggal_surat.isoformat() and a.desa.slug.replace("-", " ").title() in data["desa"]

    halaman = umum.get(f"/verifikasi/{s.kode_verifikasi}")
    teks = halaman.get_data(as_text=True)
    assert halaman.status_code == 200
    assert s.nomor in teks and "BU*** SA*** WI***" in teks and data["pdf_sha256"] in teks and "BUDI" not in teks


def test_unknown_code_and_other_desa_are_404(app, selesai, buat, host_client):
    a, sid, token, pdf, s = selesai(app)
    umum = host_client(a.desa.host)
    r = umum.get("/api/v1/verifikasi/tidak-ada-kode-ini")
    assert r.status_code == 404 and r.get_json()["error"] == "surat_tidak_ditemukan"
    assert umum.get("/verifikasi/tidak-ada-kode-ini").status_code == 404
    lain = host_client(buat.desa().host)
    assert lain.get(f"/api/v1/verifikasi/{s.kode_verifikasi}").status_code == 404
    assert lain.get(f"/verifikasi/{s.kode_verifikasi}").status_code == 404


def _periksa(klien, isi):
    r = klien.post("/api/v1/verifikasi/pdf", data={"file": (io.BytesIO(isi), "surat.pdf")},
                   content_type="multipart/form-data")
    assert r.status_code == 200, r.get_data(as_text=True)
    return r.get_json()


def test_uploaded_pdf_the_desa_issued(app, selesai, host_client):
    a, sid, token, pdf, s = selesai(app)
    hasil = _periksa(host_client(a.desa.host), pdf)
    assert hasil["asli"] and hasil["diterbitkan_desa"] and hasil["utuh"] and hasil["sah"]
    assert hasil["seluruh_dokumen"] and hasil["sertifikat_desa"]
    assert hasil["surat"]["nomor"] == s.nomor and hasil["penanda"] == "SITI AMINAH"


def test_uploaded_pdf_changed_after_signing(app, selesai, host_client):
    a, sid, token, pdf, s = selesai(app)
    klien = host_client(a.desa.host)
    # A byte of the letter itself changed: the signature no longer holds.
    i = pdf.index(b"/Producer")
    diubah = pdf[:i] + b"/Producer (palsu)" + pdf[i + len(b"/Producer (palsu)"):]
    hasil = _periksa(klien, diubah)
    assert not hasil["asli"] and not hasil["diterbitkan_desa"] and hasil["ada_ttd"] and not hasil["utuh"]
    # Something appended after signing: the signed part is intact, the file is not the one issued.
    hasil = _periksa(klien, pdf + b"\n%tambahan\n")
    assert not hasil["asli"] and not hasil["diterbitkan_desa"]


def test_uploaded_pdf_of_another_desa_or_not_a_pdf(app, selesai, host_client, buat):
    a, sid, token, pdf, s = selesai(app)
    hasil = _periksa(host_client(buat.desa().host), pdf)
    assert not hasil["asli"] and not hasil["diterbitkan_desa"] and hasil["utuh"] and hasil["sah"]
    assert not hasil["sertifikat_desa"]
    hasil = _periksa(host_client(a.desa.host), b"bukan pdf sama sekali")
    assert not hasil["pdf_terbaca"] and not hasil["asli"]


def test_verification_page_forms(app, selesai, host_client):
    a, sid, token, pdf, s = selesai(app)
    klien = host_client(a.desa.host)
    beranda = klien.get("/verifikasi/")
    teks = beranda.get_data(as_text=True)
    assert beranda.status_code == 200 and 'for="kode"' in teks and 'for="berkas"' in teks
    r = klien.submit("/verifikasi/", {"kode": s.kode_verifikasi})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/verifikasi/{s.kode_verifikasi}")
    token_csrf = klien.csrf_token("/verifikasi/")
    r = klien.post("/verifikasi/pdf", data={"csrf_token": token_csrf, "berkas": (io.BytesIO(pdf), "surat.pdf")},
                   content_type="multipart/form-data")
    teks = r.get_data(as_text=True)
    assert r.status_code == 200 and "tanda tangan elektroniknya utuh dan sah" in teks and s.nomor in teks
    r = klien.post("/verifikasi/pdf", data={"csrf_token": token_csrf,
                                            "berkas": (io.BytesIO(pdf + b"%x"), "surat.pdf")},
                   content_type="multipart/form-data")
    assert "bukan</strong> surat yang diterbitkan" in r.get_data(as_text=True)


def test_pdf_check_inside_a_running_event_loop(app, selesai, host_client):
    """pyHanko's sync validation uses asyncio.run(): it must not break under a running loop."""
    import asyncio
    a, sid, token, pdf, s = selesai(app)

    async def di_dalam_loop():
        return _periksa(host_client(a.desa.host), pdf)
    # A thread of its own: this test process may already run a loop (Playwright).
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, di_dalam_loop()).result()["asli"]


def test_pdf_checks_are_rate_limited_per_address(host_client, buat):
    klien = host_client(buat.desa().host)
    for _ in range(30):
        assert _periksa(klien, b"bukan pdf")["pdf_terbaca"] is False
    r = klien.post("/api/v1/verifikasi/pdf", data={"file": (io.BytesIO(b"x"), "surat.pdf")},
                   content_type="multipart/form-data")
    assert r.status_code == 429 and r.get_json()["error"] == "terlalu_banyak_percobaan"
