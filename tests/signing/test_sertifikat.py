"""Uploading the Kepala Desa's PKCS#12: only a usable signing certificate is kept."""
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from sqlalchemy import select

from desaonline.signing import pki
from tests.signing.conftest import SANDI


def _tidak_tersimpan(a):
    r = a.kirim("get", "/api/v1/operator/tanda-tangan", a.op)
    assert r.status == 200 and r.json["sertifikat"] is None, r.body


def test_valid_certificate_is_stored_encrypted(alur, pki_uji, app):
    a = alur()
    r = a.unggah_sertifikat(pki_uji.p12, SANDI)
    assert r.status == 201, r.body
    assert r.json["subjek"] == "SITI AMINAH" and r.json["penerbit"] == "Desa Online Test CA"
    info = a.kirim("get", "/api/v1/operator/tanda-tangan", a.op).json
    assert info["metode"] == "sertifikat" and info["sertifikat"] == "SITI AMINAH"

    from desaonline.extensions import db
    from desaonline.signing.models import SertifikatDesa
    with app.app_context():
        row = db.session.scalar(select(SertifikatDesa).execution_options(tanpa_scope=True))
        # Neither the file nor its password is kept in clear.
        assert pki_uji.p12 not in row.p12_terenkripsi and SANDI.encode() not in row.sandi_terenkripsi
        assert row.desa_id == a.desa.id and row.aktif


@pytest.mark.parametrize("kasus, pesan", [
    ("rusak", "bukan sertifikat PKCS#12"),
    ("sandi_salah", "Kata sandi sertifikat salah"),
    ("kedaluwarsa", "kedaluwarsa"),
    ("belum_berlaku", "belum berlaku"),
    ("ec", "bukan RSA"),
    ("tanpa_key_usage", "penggunaan kunci"),
    ("bukan_untuk_ttd", "tidak boleh dipakai untuk tanda tangan"),
    ("tanpa_kunci", "tidak berisi kunci privat"),
])
def test_unusable_certificate_is_refused_with_a_clear_message(alur, pki_uji, kasus, pesan):
    from datetime import datetime, timedelta, timezone
    now = datetime.now(timezone.utc)
    sandi = SANDI
    if kasus == "rusak":
        berkas = b"bukan sertifikat" * 20
    elif kasus == "sandi_salah":
        berkas, sandi = pki_uji.p12, "salah"
    elif kasus == "kedaluwarsa":
        berkas = pki_uji.kedaluwarsa()
    elif kasus == "belum_berlaku":
        berkas = pki_uji.p12_lain(mulai=now + timedelta(days=3), sampai=now + timedelta(days=300))
    elif kasus == "ec":
        berkas = pki_uji.p12_lain(jenis_kunci="ec")
    elif kasus == "tanpa_key_usage":
        berkas = pki_uji.p12_lain(key_usage=False)
    elif kasus == "bukan_untuk_ttd":
        berkas = pki_uji.p12_lain(untuk_ttd=False)
    else:
        berkas = pkcs12.serialize_key_and_certificates(
            b"x", None, pki_uji.cert, [pki_uji.ca], serialization.BestAvailableEncryption(SANDI.encode()))
    a = alur()
    r = a.unggah_sertifikat(berkas, sandi)
    assert r.status == 422, r.body
    assert r.json["error"] == "sertifikat_ditolak"
    assert pesan in r.json["message"]
    _tidak_tersimpan(a)


def test_a_refused_upload_keeps_the_previous_certificate(alur, pki_uji):
    a = alur()
    assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
    assert a.unggah_sertifikat(pki_uji.kedaluwarsa(), SANDI).status == 422
    assert a.kirim("get", "/api/v1/operator/tanda-tangan", a.op).json["sertifikat"] == "SITI AMINAH"


def test_oversized_upload_is_413(alur):
    a = alur()
    r = a.unggah_sertifikat(b"0" * (600 * 1024), SANDI)
    assert r.status == 413
    assert r.json["error"] == "berkas_terlalu_besar"
    _tidak_tersimpan(a)


def test_upload_needs_the_operator_of_this_desa(alur, pki_uji, buat, host_client):
    a = alur()
    assert a.kirim("post", "/api/v1/operator/sertifikat", None, form={"password": SANDI},
                   berkas={"file": ("k.p12", pki_uji.p12)}).status == 401
    # An operator token of another desa is refused here.
    b = alur()
    r = a.kirim("post", "/api/v1/operator/sertifikat", b.op, form={"password": SANDI},
                berkas={"file": ("k.p12", pki_uji.p12)})
    assert r.status == 401
    _tidak_tersimpan(a)


def test_missing_fields_are_422(alur):
    a = alur()
    r = a.kirim("post", "/api/v1/operator/sertifikat", a.op, form={"password": "x"})
    assert r.status == 422 and r.json["error"] == "data_tidak_valid"


def test_signing_method_bsre_needs_a_nik(alur, bsre):
    a = alur()
    r = a.kirim("put", "/api/v1/operator/tanda-tangan", a.op, json={"metode": "bsre"})
    assert r.status == 422 and "NIK" in r.json["message"]
    r = a.kirim("put", "/api/v1/operator/tanda-tangan", a.op, json={"metode": "bsre", "bsre_nik": "3305050101010001"})
    assert r.status == 200 and r.json == {**r.json, "metode": "bsre", "bsre_nik": "3305050101010001"}


def test_certificate_page_upload(host_client, buat, pki_uji):
    desa = buat.desa()
    username, password = buat.operator(desa)
    klien = host_client(desa.host)
    r = klien.submit("/operator/masuk", {"username": username, "password": password})
    assert r.status_code == 302
    halaman = klien.get("/operator/sertifikat")
    assert halaman.status_code == 200
    teks = halaman.get_data(as_text=True)
    assert "Belum ada" in teks and 'for="berkas"' in teks and 'for="sandi"' in teks

    import io
    token = klien.csrf_token("/operator/sertifikat")
    salah = klien.post("/operator/sertifikat", data={"csrf_token": token, "sandi": "keliru",
                                                     "berkas": (io.BytesIO(pki_uji.p12), "kades.p12")},
                       content_type="multipart/form-data")
    assert salah.status_code == 422 and "Kata sandi sertifikat salah" in salah.get_data(as_text=True)
    ok = klien.post("/operator/sertifikat", data={"csrf_token": token, "sandi": SANDI,
                                                  "berkas": (io.BytesIO(pki_uji.p12), "kades.p12")},
                    content_type="multipart/form-data", follow_redirects=True)
    assert ok.status_code == 200
    teks = ok.get_data(as_text=True)
    assert "SITI AMINAH" in teks and "Desa Online Test CA" in teks


def test_certificate_page_needs_login(host_client, buat):
    desa = buat.desa()
    r = host_client(desa.host).get("/operator/sertifikat")
    assert r.status_code == 302 and "/operator/masuk" in r.headers["Location"]


def test_signing_and_verification_routes_are_in_the_openapi_document(host_client, buat):
    spec = host_client(buat.desa().host).get("/api/v1/openapi.json").get_json()
    paths = spec["paths"]
    for path, method in (("/api/v1/operator/sertifikat", "post"), ("/api/v1/operator/tanda-tangan", "get"),
                         ("/api/v1/operator/tanda-tangan", "put"), ("/api/v1/operator/surat/{surat_id}/ulangi", "post"),
                         ("/api/v1/verifikasi/{kode}", "get"), ("/api/v1/verifikasi/pdf", "post")):
        op = paths[path][method]
        assert op.get("requestBody") or op["responses"]["200"].get("content") or method == "get", (path, method)
        ok = next(str(s) for s in op["responses"] if str(s).startswith("2"))
        assert "content" in op["responses"][ok] or ok == "204", (path, method)
    body = paths["/api/v1/operator/sertifikat"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body
