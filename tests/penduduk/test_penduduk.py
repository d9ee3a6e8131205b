"""The operator's resident pages and the PIN reset."""
import re

import pytest

from tests.penduduk.conftest import baris, csv_bytes, unggah


@pytest.fixture
def sugeng(buat, desa):
    kepala = buat.penduduk(desa, nik="3305051703850001", no_kk="3305050101200001", nama="SUGENG RIYADI",
                           no_hp="081325110001")
    buat.penduduk(desa, nik="3305055208880002", no_kk=kepala.no_kk, nama="SITI MARYAM", tanggal_lahir="1988-08-12",
                  jenis_kelamin="P", hubungan_keluarga="ISTRI")
    return kepala


def _login(situs, nik, pin, no_kk=None):
    return situs.api("post", "/api/v1/mandiri/login", json={"nik": nik, "pin": pin, "no_kk": no_kk})


def test_reset_pin_api(situs, token, sugeng):
    # the resident had changed the PIN and then got locked out
    t = _login(situs, sugeng.nik, sugeng.pin, sugeng.no_kk).get_json()["token"]
    situs.api("post", "/api/v1/mandiri/ganti-pin", t, json={"pin_lama": sugeng.pin, "pin_baru": "246813"})
    for _ in range(5):
        _login(situs, sugeng.nik, "000000")
    assert _login(situs, sugeng.nik, "246813").status_code == 429

    resp = situs.api("post", f"/api/v1/operator/penduduk/{sugeng.nik}/reset-pin", token)
    assert resp.status_code == 200
    pin = resp.get_json()["pin"]
    assert re.fullmatch(r"\d{6}", pin) and pin not in ("123456", "111111", "170385", "850317")
    assert situs.api("get", "/api/v1/mandiri/profil", t).status_code == 401  # old sessions ended
    assert _login(situs, sugeng.nik, "246813").status_code == 401  # old PIN gone, lock lifted
    masuk = _login(situs, sugeng.nik, pin)
    assert masuk.status_code == 200 and masuk.get_json()["wajib_ganti_pin"] is True
    baru = masuk.get_json()["token"]
    assert situs.api("get", "/api/v1/mandiri/profil", baru).get_json()["error"] == "pin_change_required"
    assert situs.api("post", "/api/v1/mandiri/ganti-pin", baru, json={"pin_lama": pin, "pin_baru": "468135"}).status_code == 204


def test_reset_pin_unknown_nik_and_other_desa(buat, situs, host_client, token, sugeng):
    assert situs.api("post", "/api/v1/operator/penduduk/3305059999990001/reset-pin", token).status_code == 404
    lain = buat.desa()
    orang = buat.penduduk(lain, nik="3305051111110001")
    assert situs.api("post", f"/api/v1/operator/penduduk/{orang.nik}/reset-pin", token).status_code == 404
    assert situs.api("post", f"/api/v1/operator/penduduk/{sugeng.nik}/reset-pin").status_code == 401


def test_reset_pin_page_shows_the_pin_once_with_a_whatsapp_link(operator_web, sugeng):
    lihat = operator_web.get(f"/operator/penduduk/{sugeng.id}")
    assert lihat.status_code == 200 and "SITI MARYAM" in lihat.get_data(as_text=True)
    assert sugeng.nik not in lihat.request.url
    konfirmasi = operator_web.get(f"/operator/penduduk/{sugeng.id}/reset-pin")
    assert konfirmasi.status_code == 200 and "Ya, buat PIN baru" in konfirmasi.get_data(as_text=True)
    page = operator_web.submit(f"/operator/penduduk/{sugeng.id}/reset-pin", {"tanda": _tanda(konfirmasi)})
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    pin = re.search(r'aria-label="PIN baru">(\d{6})<', html).group(1)
    assert f"https://wa.me/6281325110001?text=" in html and pin in html.split("wa.me/")[1]
    assert _login(operator_web, sugeng.nik, pin).status_code == 200


def cari(web, q):
    """The search form (POST); the results page comes after the redirect, with no query in its URL."""
    kirim = web.submit("/operator/penduduk", {"q": q})
    assert kirim.status_code == 302 and kirim.headers["Location"].endswith("/operator/penduduk")
    return web.get("/operator/penduduk")


def _tanda(halaman):
    return re.search(r'name="tanda" type="hidden" value="([^"]+)"', halaman.get_data(as_text=True)).group(1)


def test_reset_pin_form_sent_twice_issues_one_pin(operator_web, sugeng):
    """Reloading the result (the browser sends the form again) issued a second PIN and
    silently invalidated the one already handed over."""
    konfirmasi = operator_web.get(f"/operator/penduduk/{sugeng.id}/reset-pin")
    data = {"tanda": _tanda(konfirmasi), "csrf_token": operator_web.csrf_token(f"/operator/penduduk/{sugeng.id}")}
    pertama = operator_web.post(f"/operator/penduduk/{sugeng.id}/reset-pin", data=data)
    pin = re.search(r'aria-label="PIN baru">(\d{6})<', pertama.get_data(as_text=True)).group(1)
    lagi = operator_web.post(f"/operator/penduduk/{sugeng.id}/reset-pin", data=data)  # the reload
    assert lagi.status_code == 409 and "tidak ada PIN kedua" in lagi.get_data(as_text=True)
    assert not re.search(r'aria-label="PIN baru"', lagi.get_data(as_text=True))
    assert _login(operator_web, sugeng.nik, pin).status_code == 200  # the PIN handed over still works
    # a GET of the action never issues a PIN either: it is the confirmation
    assert "Ya, buat PIN baru" in operator_web.get(f"/operator/penduduk/{sugeng.id}/reset-pin").get_data(as_text=True)
    assert _login(operator_web, sugeng.nik, pin).status_code == 200


def test_search_by_name_or_nik_prefix_with_pages(buat, desa, operator_web, token):
    lain = buat.desa()
    for i in range(3):  # another desa's residents never show up, nor in the count
        buat.penduduk(lain, nik=f"33050517038{i:05d}", nama=f"SUGENG LAIN {chr(65 + i)}")
    rows = [baris(f"33050517038{i:05d}", no_kk=f"33050501012{i:05d}", nama=f"SUGENG {chr(65 + i % 26)}{chr(65 + i // 26)}")
            for i in range(30)]
    rows += [baris("3305061703850001", no_kk="3305060101200001", nama="SITI AMINAH")]
    assert unggah(operator_web, token, csv_bytes(rows)).get_json()["dibuat"] == 31

    page = cari(operator_web, "sugeng")
    html = page.get_data(as_text=True)
    assert "30 penduduk" in html and "SITI AMINAH" not in html and len(re.findall(r'href="/operator/penduduk/\d+"', html)) == 25
    lanjut = re.search(r'href="(/operator/penduduk\?setelah=\d+)"', html).group(1)
    kedua = operator_web.get(lanjut).get_data(as_text=True)
    assert len(re.findall(r'href="/operator/penduduk/\d+"', kedua)) == 5
    assert not set(re.findall(r"NIK (\d{16})", html)) & set(re.findall(r"NIK (\d{16})", kedua))

    by_nik = cari(operator_web, "330506").get_data(as_text=True)
    assert "1 penduduk" in by_nik and "SITI AMINAH" in by_nik
    # OpenSID's temporary NIK (no NIK from Dukcapil yet) is marked in the list.
    buat.penduduk(desa, nik="0305061703850009", nama="SUGENG SEMENTARA")
    sementara = cari(operator_web, "sugeng sementara").get_data(as_text=True)
    assert "SUGENG SEMENTARA" in sementara and "NIK sementara" in sementara
    assert "0 penduduk" in cari(operator_web, "zz%").get_data(as_text=True)
    # a NIK in the query string (an old bookmark) is ignored, not searched
    assert "SITI AMINAH" not in operator_web.get("/operator/penduduk?q=330506").get_data(as_text=True)


def test_add_and_edit_use_the_import_rules(operator_web, sugeng):
    data = baris("3305054101150004", nama="Dwi Lestari", tanggal_lahir="2015-01-01", jenis_kelamin="P",
                 hubungan_keluarga="ANAK", no_kk=sugeng.no_kk)
    bad = operator_web.submit("/operator/penduduk/baru", dict(data, nik="123", tanggal_lahir="2015-02-30"))
    assert bad.status_code == 422
    html = bad.get_data(as_text=True)
    assert "NIK harus 16 angka" in html and "2015-02-30" in html
    dup = operator_web.submit("/operator/penduduk/baru", dict(data, nik=sugeng.nik))
    assert dup.status_code == 422 and "sudah terdaftar" in dup.get_data(as_text=True)

    ok = operator_web.submit("/operator/penduduk/baru", data)
    assert ok.status_code == 302
    halaman = re.fullmatch(r".*(/operator/penduduk/\d+)", ok.headers["Location"]).group(1)
    lihat = operator_web.get(halaman).get_data(as_text=True)
    assert "DWI LESTARI" in lihat and "SUGENG RIYADI" in lihat and "3305054101150004" in lihat  # same KK

    form = operator_web.get(f"{halaman}/ubah").get_data(as_text=True)
    assert 'value="2015-01-01"' in form and 'value="3305054101150004"' in form
    edit = operator_web.submit(f"{halaman}/ubah", dict(data, pekerjaan="PELAJAR"))
    assert edit.status_code == 302
    assert "PELAJAR" in operator_web.get(halaman).get_data(as_text=True)


def test_resident_pages_need_an_operator(situs, sugeng):
    for path in ("/operator/penduduk", f"/operator/penduduk/{sugeng.id}", "/operator/penduduk/impor"):
        resp = situs.get(path)
        assert resp.status_code == 302 and "/operator/masuk" in resp.headers["Location"]


def test_operator_logout_ends_the_session(operator_web):
    assert operator_web.get("/operator/").status_code == 200
    operator_web.submit("/operator/", {}, action="/operator/keluar")
    assert operator_web.get("/operator/").status_code == 302


def test_search_count_is_bounded(monkeypatch, buat, desa, operator_web):
    from desaonline.penduduk import layanan
    monkeypatch.setattr(layanan, "BATAS_HITUNG", 10)
    for i in range(12):
        buat.penduduk(desa, nik=f"33050517038{i:05d}", nama=f"SUGENG {chr(65 + i)}")
    html = cari(operator_web, "SUG").get_data(as_text=True)
    assert "Lebih dari 10 penduduk" in html and len(re.findall(r'href="/operator/penduduk/\d+"', html)) == 12


def test_the_form_offers_the_siak_lists_and_refuses_free_text(operator_web, sugeng):
    form = operator_web.get(f"/operator/penduduk/{sugeng.id}/ubah").get_data(as_text=True)
    pekerjaan = re.search(r'<select[^>]*name="pekerjaan".*?</select>', form, re.S).group(0)
    # "- pilih -", SIAK's 89, and the free text typed before the list was fixed, shown as such
    assert pekerjaan.count("<option") == 91 and '<option value="PETANI/PEKEBUN">' in pekerjaan
    assert '<option selected value="PETANI">PETANI (di luar daftar SIAK)</option>' in pekerjaan
    pendidikan = re.search(r'<select[^>]*name="pendidikan".*?</select>', form, re.S).group(0)
    assert '<option value="SLTA/SEDERAJAT">' in pendidikan and pendidikan.count("<option") == 11
    assert re.search(r'<select[^>]*name="pendidikan_sedang"', form)

    data = baris(sugeng.nik, no_kk=sugeng.no_kk, nama="SUGENG RIYADI", pekerjaan="JURAGAN",
                 pendidikan="SLTA / SEDERAJAT")
    bad = operator_web.submit(f"/operator/penduduk/{sugeng.id}/ubah", data)
    assert bad.status_code == 422 and "JURAGAN" in bad.get_data(as_text=True)
    ok = operator_web.submit(f"/operator/penduduk/{sugeng.id}/ubah", dict(
        data, pekerjaan="WIRASWASTA", nama_ayah="KARTO DIHARJO", nik_ayah="3305050101450005",
        akta_lahir="3305-LT-17031985-0001", golongan_darah="O"))
    assert ok.status_code == 302
    lihat = operator_web.get(f"/operator/penduduk/{sugeng.id}").get_data(as_text=True)
    for teks in ("WIRASWASTA", "SLTA/SEDERAJAT", "KARTO DIHARJO", "NIK 3305050101450005", "3305-LT-17031985-0001"):
        assert teks in lihat, teks


def test_the_operator_marking_a_resident_dead_ends_the_login(operator_web, sugeng):
    token = _login(operator_web, sugeng.nik, sugeng.pin, sugeng.no_kk).get_json()["token"]
    data = baris(sugeng.nik, no_kk=sugeng.no_kk, nama="SUGENG RIYADI", status_dasar="MATI")
    assert operator_web.submit(f"/operator/penduduk/{sugeng.id}/ubah", data).status_code == 302
    assert operator_web.api("get", "/api/v1/mandiri/profil", token).status_code == 401
    assert _login(operator_web, sugeng.nik, sugeng.pin, sugeng.no_kk).status_code == 401
    lihat = operator_web.get(f"/operator/penduduk/{sugeng.id}").get_data(as_text=True)
    assert "Berstatus MATI" in lihat and "Reset PIN" not in lihat
    daftar = operator_web.get("/operator/penduduk?q=SUGENG").get_data(as_text=True)
    assert "SUGENG RIYADI" in daftar and ">MATI</span>" in daftar        # still in the register, marked
