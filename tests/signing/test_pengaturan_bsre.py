"""The operator sets up BSrE: the Kepala Desa's status decides the switch, the desa may
bring its own esign client (credentials never shown back), a specimen image."""
import io

from sqlalchemy import select

from desaonline.signing.gambar import qr_png
from desaonline.signing.models import PengaturanTtd
from tests.signing.bsre_palsu import BsrePalsu


def _pakai_bsre(a, nik, **lain):
    return a.kirim("put", "/api/v1/operator/tanda-tangan", a.op, json={"metode": "bsre", "bsre_nik": nik, **lain})


def test_switching_to_bsre_asks_for_the_kepala_desa_status_first(alur, bsre):
    a = alur()
    for status in ("EXPIRED", "SUSPEND", "REVOKE"):
        bsre.pengguna[bsre.nik]["status"] = status
        r = _pakai_bsre(a, bsre.nik)
        assert r.status == 422 and r.json["error"] == f"bsre_status_{status.lower()}", r.body
        assert "bsre_nik" in r.json["rincian"]
    r = _pakai_bsre(a, "3305059999999999")
    assert r.status == 422 and r.json["error"] == "bsre_status_not_registered"
    assert "belum terdaftar di BSrE" in r.json["message"]
    bsre.mati = True
    r = _pakai_bsre(a, bsre.nik)
    assert r.status == 503 and r.json["error"] == "bsre_tidak_tersedia" and "bermasalah" in r.json["message"]
    assert a.kirim("get", "/api/v1/operator/tanda-tangan", a.op).json["metode"] == "sertifikat"  # nothing changed

    bsre.mati = False
    bsre.pengguna[bsre.nik]["status"] = "ISSUE"
    r = _pakai_bsre(a, bsre.nik)
    assert r.status == 200 and r.json["metode"] == "bsre" and r.json["bsre_esign_client"] == "kabupaten"
    r = a.kirim("get", "/api/v1/operator/tanda-tangan/status", a.op)
    assert r.status == 200 and r.json == {"status": "ISSUE", "bisa_menandatangani": True,
                                          "pesan": "Sertifikat elektronik Kepala Desa aktif: surat dapat "
                                                   "ditandatangani lewat BSrE."}


def test_messages_per_status_are_for_people(alur, bsre):
    a = alur()
    bsre.pengguna[bsre.nik]["status"] = "EXPIRED"
    assert "Masa berlaku sertifikat elektronik Kepala Desa sudah habis" in _pakai_bsre(a, bsre.nik).json["message"]


def test_without_any_esign_client_bsre_cannot_be_chosen(alur):
    a = alur()
    r = _pakai_bsre(a, "3305050101010001")
    assert r.status == 422 and r.json["error"] == "bsre_belum_diatur"


def test_a_desa_brings_its_own_esign_client_and_its_secrets_stay_hidden(alur, bsre, pki_uji, app):
    milik_desa = BsrePalsu(pki_uji.ca_key, pki_uji.ca, hanya_v2=True)
    try:
        a = alur()
        r = a.kirim("put", "/api/v1/operator/tanda-tangan/esign-client", a.op,
                    json={"url": "ftp://esign", "versi": "3", "username": ""})
        assert r.status == 422 and set(r.json["rincian"]) == {"versi", "username"}
        r = a.kirim("put", "/api/v1/operator/tanda-tangan/esign-client", a.op,
                    json={"url": "ftp://esign", "versi": "2", "username": "esign"})
        assert r.status == 422 and set(r.json["rincian"]) == {"url", "password"}
        # Workers send letters and passphrases there: only hosts the kabupaten listed.
        r = a.kirim("put", "/api/v1/operator/tanda-tangan/esign-client", a.op,
                    json={"url": "http://169.254.169.254/latest", "versi": "2", "username": "esign",
                          "password": "x"})
        assert r.status == 422 and "BSRE_HOST_DESA" in r.json["rincian"]["url"]
        assert a.kirim("get", "/api/v1/operator/tanda-tangan", a.op).json["bsre_url_desa"] is None
        r = a.kirim("put", "/api/v1/operator/tanda-tangan/esign-client", a.op,
                    json={"url": milik_desa.url, "versi": "2", "username": milik_desa.USER,
                          "password": milik_desa.PASSWORD})
        assert r.status == 200 and r.json["bsre_esign_client"] == "desa" and r.json["bsre_versi"] == "2"
        assert milik_desa.PASSWORD not in str(r.body) and "username" not in r.json
        # The status is asked of the desa's esign client, not the kabupaten's.
        assert _pakai_bsre(a, milik_desa.nik).status == 200
        assert [p["api"] for p in milik_desa.permintaan] == ["status-v2"] and bsre.permintaan == []
        # An empty password keeps the stored one.
        r = a.kirim("put", "/api/v1/operator/tanda-tangan/esign-client", a.op,
                    json={"url": milik_desa.url, "versi": "2", "username": milik_desa.USER, "password": ""})
        assert r.status == 200
        assert a.kirim("get", "/api/v1/operator/tanda-tangan/status", a.op).json["status"] == "ISSUE"
        from desaonline.extensions import db
        with app.app_context():
            baris = db.session.scalar(select(PengaturanTtd).execution_options(tanpa_scope=True)
                                      .where(PengaturanTtd.desa_id == a.desa.id))
            assert milik_desa.PASSWORD.encode() not in baris.bsre_kredensial_terenkripsi
            assert milik_desa.USER.encode() not in baris.bsre_kredensial_terenkripsi
        r = a.kirim("delete", "/api/v1/operator/tanda-tangan/esign-client", a.op)
        assert r.status == 200 and r.json["bsre_esign_client"] == "kabupaten" and r.json["bsre_url_desa"] is None
    finally:
        milik_desa.stop()


def test_specimen_upload_is_checked_by_content(alur):
    a = alur()

    def unggah(isi, nama="ttd.png"):
        return a.kirim("post", "/api/v1/operator/tanda-tangan/spesimen", a.op, berkas={"file": (nama, isi)})

    r = a.kirim("put", "/api/v1/operator/tanda-tangan", a.op, json={"metode": "sertifikat", "bsre_visual": "spesimen"})
    assert r.status == 422 and r.json["error"] == "spesimen_belum_ada"
    assert unggah(b"GIF89a bukan png").status == 422
    assert unggah(b"\x89PNG\r\n\x1a\n rusak").json["error"] == "spesimen_ditolak"
    r = unggah(qr_png("spesimen"))
    assert r.status == 201 and r.json["bsre_spesimen"] is True
    r = a.kirim("put", "/api/v1/operator/tanda-tangan", a.op,
                json={"metode": "sertifikat", "bsre_visual": "spesimen", "bsre_letak": "tag"})
    assert r.status == 200 and (r.json["bsre_visual"], r.json["bsre_letak"]) == ("spesimen", "tag")


def test_the_signing_page_shows_the_status_at_bsre(host_client, buat, bsre):
    desa = buat.desa()
    username, password = buat.operator(desa)
    klien = host_client(desa.host)
    klien.submit("/operator/masuk", {"username": username, "password": password})
    bsre.pengguna[bsre.nik]["status"] = "SUSPEND"
    r = klien.submit("/operator/sertifikat", {"metode": "bsre", "bsre_nik": bsre.nik, "bsre_visual": "qr",
                                              "bsre_letak": "koordinat"}, action="/operator/sertifikat/metode")
    assert r.status_code == 422 and "ditangguhkan (suspend)" in r.get_data(as_text=True)
    bsre.pengguna[bsre.nik]["status"] = "ISSUE"
    r = klien.submit("/operator/sertifikat", {"metode": "bsre", "bsre_nik": bsre.nik, "bsre_visual": "qr",
                                              "bsre_letak": "koordinat"}, action="/operator/sertifikat/metode",
                     follow_redirects=True)
    teks = r.get_data(as_text=True)
    assert r.status_code == 200 and "Status di BSrE: ISSUE" in teks and "Milik kabupaten" in teks
    bsre.pengguna[bsre.nik]["status"] = "EXPIRED"  # later, at BSrE
    teks = klien.get("/operator/sertifikat").get_data(as_text=True)
    assert "Status di BSrE: EXPIRED" in teks and "sudah habis" in teks
    bsre.mati = True
    teks = klien.get("/operator/sertifikat").get_data(as_text=True)
    assert "Layanan BSrE sedang bermasalah" in teks
