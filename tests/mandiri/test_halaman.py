"""The resident's pages, as a browser uses them (forms with their CSRF token)."""
import re


def _masuk(situs, nik, pin, no_kk=""):
    return situs.submit("/mandiri/masuk", {"nik": nik, "pin": pin, "no_kk": no_kk})


def test_page_flow_login_forced_pin_change_biodata_family_logout(situs, warga):
    form = situs.get("/mandiri/masuk").get_data(as_text=True)
    assert ">NIK</label>" in form and ">PIN</label>" in form and ">Masuk</button>" in form

    resp = _masuk(situs, warga.nik, warga.pin, warga.no_kk)
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/mandiri/ganti-pin")
    # nothing else opens before the PIN is changed
    for path in ("/mandiri/", "/mandiri/biodata", "/mandiri/keluarga"):
        blocked = situs.get(path)
        assert blocked.status_code == 302 and blocked.headers["Location"].endswith("/mandiri/ganti-pin")

    page = situs.get("/mandiri/ganti-pin").get_data(as_text=True)
    for label in (">PIN Lama</label>", ">PIN Baru</label>", ">Ulangi PIN Baru</label>", ">Simpan</button>"):
        assert label in page
    mismatch = situs.submit("/mandiri/ganti-pin", {"pin_lama": warga.pin, "pin_baru": "246813", "ulangi_pin": "246814"})
    assert mismatch.status_code == 422 and "tidak sama" in mismatch.get_data(as_text=True)
    done = situs.submit("/mandiri/ganti-pin", {"pin_lama": warga.pin, "pin_baru": "246813", "ulangi_pin": "246813"})
    # the guide's step 5: after the new PIN "the full personal data appears", with the NIK
    assert done.status_code == 302 and done.headers["Location"].endswith("/mandiri/biodata")
    sesudah = situs.get(done.headers["Location"]).get_data(as_text=True)
    assert "PIN berhasil diganti" in sesudah and "<dt>NIK</dt><dd>" + warga.nik in sesudah
    assert "SUGENG RIYADI" in sesudah and 'href="/mandiri/keluarga"' in sesudah

    beranda = situs.get("/mandiri/").get_data(as_text=True)
    assert "Sugeng Riyadi" in beranda and "https://wa.me/6281227000101" in beranda
    assert 'role="button"' in beranda and "Menu</summary>" in beranda and 'href="/mandiri/surat/buat"' in beranda
    biodata = situs.get("/mandiri/biodata").get_data(as_text=True)
    assert warga.nik in biodata and "SUGENG RIYADI" in biodata and "17 Maret 1985" in biodata
    keluarga = situs.get("/mandiri/keluarga").get_data(as_text=True)
    assert "SITI MARYAM" in keluarga and "ISTRI" in keluarga and "BAYU SAPUTRA" in keluarga

    out = situs.submit("/mandiri/", {}, action="/mandiri/keluar")
    assert out.status_code == 302
    assert situs.get("/mandiri/biodata").status_code == 302  # the session ended


def test_operator_page_login(buat, desa, situs):
    username, password = buat.operator(desa)
    form = situs.get("/operator/masuk").get_data(as_text=True)
    assert ">Nama Pengguna</label>" in form and ">Kata Sandi</label>" in form
    bad = situs.submit("/operator/masuk", {"username": username, "password": "keliru-sekali"})
    assert bad.status_code == 401
    ok = situs.submit("/operator/masuk", {"username": username, "password": password})
    assert ok.status_code == 302
    home = situs.get("/operator/").get_data(as_text=True)
    assert 'href="/operator/penduduk"' in home and 'href="/operator/surat"' in home
