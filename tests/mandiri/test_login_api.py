"""The resident's login, first PIN change and data, through the JSON API."""
from tests.mandiri.conftest import login


def test_first_login_with_birth_date_forces_a_pin_change(situs, warga):
    resp = login(situs, warga.nik, "19850317", warga.no_kk)
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["wajib_ganti_pin"] is True and body["token"]
    for path in ("/api/v1/mandiri/profil", "/api/v1/mandiri/keluarga", "/api/v1/mandiri/kontak"):
        blocked = situs.api("get", path, body["token"])
        assert blocked.status_code == 403, path
        assert blocked.get_json()["error"] == "pin_change_required"


def test_pin_change_opens_the_account(situs, warga, token_baru):
    profil = situs.api("get", "/api/v1/mandiri/profil", token_baru)
    assert profil.status_code == 200
    data = profil.get_json()
    assert data["nik"] == warga.nik and data["nama"] == "SUGENG RIYADI" and data["no_kk"] == warga.no_kk
    assert data["tanggal_lahir"] == "1985-03-17" and data["wajib_ganti_pin"] is False
    keluarga = situs.api("get", "/api/v1/mandiri/keluarga", token_baru).get_json()
    assert [(a["nama"], a["hubungan_keluarga"]) for a in keluarga] == [
        ("SUGENG RIYADI", "KEPALA KELUARGA"), ("SITI MARYAM", "ISTRI"), ("BAYU SAPUTRA", "ANAK")]
    kontak = situs.api("get", "/api/v1/mandiri/kontak", token_baru).get_json()
    assert kontak == {"wa_operator": "6281227000101", "wa_link": "https://wa.me/6281227000101"}
    # the birth date no longer opens the account, the new PIN does
    assert login(situs, warga.nik, warga.pin, warga.no_kk).status_code == 401
    again = login(situs, warga.nik, "246813")
    assert again.status_code == 200 and again.get_json()["wajib_ganti_pin"] is False


def test_operator_login_api(buat, desa, situs):
    username, password = buat.operator(desa)
    ok = situs.api("post", "/api/v1/operator/login", json={"username": username, "password": password})
    assert ok.status_code == 200 and ok.get_json()["token"]
    bad = situs.api("post", "/api/v1/operator/login", json={"username": username, "password": "salah-sekali"})
    assert bad.status_code == 401 and bad.get_json()["error"] == "login_gagal"


def test_the_kk_lists_a_member_who_died_last_and_marks_a_temporary_nik(
        buat, desa, situs, warga, token_baru):
    # The older child died: by KK order (the head, the wife, children by birth) she would come first of them.
    buat.penduduk(desa, nik="3305054703100004", no_kk=warga.no_kk, nama="RINI ASTUTI", tanggal_lahir="2010-03-07",
                  jenis_kelamin="P", hubungan_keluarga="ANAK", status_dasar="MATI")
    buat.penduduk(desa, nik="0305051005200005", no_kk=warga.no_kk, nama="DEWI LESTARI", tanggal_lahir="2020-05-10",
                  jenis_kelamin="P", hubungan_keluarga="ANAK")
    keluarga = situs.api("get", "/api/v1/mandiri/keluarga", token_baru).get_json()
    assert [(a["nama"], a["status_dasar"]) for a in keluarga] == [
        ("SUGENG RIYADI", "HIDUP"), ("SITI MARYAM", "HIDUP"), ("BAYU SAPUTRA", "HIDUP"), ("DEWI LESTARI", "HIDUP"),
        ("RINI ASTUTI", "MATI")]
    assert situs.submit("/mandiri/masuk", {"nik": warga.nik, "pin": "246813"}).status_code == 302
    halaman = situs.get("/mandiri/keluarga").get_data(as_text=True)
    assert "RINI ASTUTI" in halaman and "MATI" in halaman and "NIK sementara" in halaman
