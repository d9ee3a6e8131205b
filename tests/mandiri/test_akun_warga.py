"""What a careful desa chooses for its residents' accounts (issue 10): first PINs that
expire unless the operator extends them, random one-time PINs instead of the birth
date, the log of first logins and PIN changes, and "terakhir masuk"."""
import io
import re
from datetime import timedelta

import pytest

from tests.mandiri.conftest import login
from tests.penduduk.conftest import baris, csv_bytes, unggah


@pytest.fixture
def operator(buat, desa, host_client):
    """A browser with the operator logged in on the pages, and the operator's API token."""
    username, password = buat.operator(desa)
    web = host_client(desa.host)
    assert web.submit("/operator/masuk", {"username": username, "password": password}).status_code == 302
    web.token = web.post("/api/v1/operator/login", json={"username": username, "password": password}).get_json()["token"]
    return web


def _lewat(app, warga, **lama):
    """As if ``lama`` had passed since the resident's first PIN was handed out."""
    from desaonline.extensions import db
    from desaonline.penduduk.models import Penduduk
    from desaonline.waktu import sekarang
    from tenants import desa_scope
    with app.app_context(), desa_scope(warga.desa.id):
        p = db.session.get(Penduduk, warga.id)
        p.pin_berlaku_sampai = (p.pin_berlaku_sampai or sekarang() + timedelta(days=30)) - timedelta(**lama)
        db.session.commit()


def test_a_first_pin_expires_and_the_operator_extends_it(app, situs, warga, operator):
    _lewat(app, warga, days=31)
    resp = login(situs, warga.nik, warga.pin, warga.no_kk)
    assert resp.status_code == 403 and resp.get_json()["error"] == "pin_kedaluwarsa"
    assert "WhatsApp 0812-2700-0101" in resp.get_json()["message"]
    lihat = operator.get(f"/operator/penduduk/{warga.id}").get_data(as_text=True)
    assert "sudah tidak berlaku" in lihat and "Perpanjang PIN Pertama" in lihat

    assert operator.submit(f"/operator/penduduk/{warga.id}", {},
                           action=f"/operator/penduduk/{warga.id}/perpanjang-pin").status_code == 302
    assert login(situs, warga.nik, warga.pin, warga.no_kk).status_code == 200
    assert "berlaku sampai" in operator.get(f"/operator/penduduk/{warga.id}").get_data(as_text=True)


def test_an_imported_first_pin_is_valid_for_the_desas_days(situs, operator):
    assert operator.submit("/operator/penduduk/akun", {"pin_awal": "tanggal_lahir", "masa_berlaku_hari": "7"}
                           ).status_code == 302
    assert unggah(situs, operator.token, csv_bytes([baris("3305051703850001")])).get_json()["dibuat"] == 1
    from desaonline.mandiri.akun import status_pin  # noqa: F401  (the page shows the date)
    page = operator.submit("/operator/penduduk", {"q": "3305051703850001"})
    html = operator.get(page.headers["Location"]).get_data(as_text=True)
    penduduk_id = re.search(r'href="/operator/penduduk/(\d+)"', html).group(1)
    lihat = operator.get(f"/operator/penduduk/{penduduk_id}").get_data(as_text=True)
    from desaonline.waktu import sekarang, tanggal_indonesia
    assert f"berlaku sampai {tanggal_indonesia(sekarang() + timedelta(days=7))}" in lihat
    bad = operator.submit("/operator/penduduk/akun", {"pin_awal": "tanggal_lahir", "masa_berlaku_hari": "0"})
    assert bad.status_code == 422 and "1 sampai 365" in bad.get_data(as_text=True)


def test_the_operator_sees_first_logins_and_pin_changes_with_time_and_address(situs, warga, operator):
    token = login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["token"]
    assert situs.api("post", "/api/v1/mandiri/ganti-pin", token,
                     json={"pin_lama": warga.pin, "pin_baru": "246813"}).status_code == 204
    html = operator.get("/operator/penduduk/akun").get_data(as_text=True)
    baris_log = re.findall(r"<tr><td>([^<]+)</td><td><a [^>]*>SUGENG RIYADI</a></td><td>([^<]+)</td><td>([^<]+)</td></tr>", html)
    assert [b[1] for b in baris_log] == ["PIN diganti warga", "Masuk pertama kali (PIN pertama)"]
    assert all("WIB" in b[0] and b[2] == "127.0.0.1" for b in baris_log)
    assert "PIN diganti warga" in operator.get(f"/operator/penduduk/{warga.id}").get_data(as_text=True)


def test_terakhir_masuk_for_the_resident_and_the_operator(situs, warga, host_client, desa, operator):
    lihat = operator.get(f"/operator/penduduk/{warga.id}").get_data(as_text=True)
    assert "Belum pernah" in lihat
    token = login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["token"]
    situs.api("post", "/api/v1/mandiri/ganti-pin", token, json={"pin_lama": warga.pin, "pin_baru": "246813"})
    assert situs.api("get", "/api/v1/mandiri/profil", token).get_json()["terakhir_masuk"] is None  # the first
    web = host_client(desa.host)
    assert web.submit("/mandiri/masuk", {"nik": warga.nik, "pin": "246813"}).status_code == 302
    beranda = web.get("/mandiri/").get_data(as_text=True)
    assert "Terakhir masuk sebelum ini:" in beranda and "dari alamat 127.0.0.1" in beranda
    baru = login(situs, warga.nik, "246813").get_json()["token"]
    assert situs.api("get", "/api/v1/mandiri/profil", baru).get_json()["terakhir_masuk"]
    # The login before this token's: the first token had none, whatever came after it.
    assert situs.api("get", "/api/v1/mandiri/profil", token).get_json()["terakhir_masuk"] is None
    lihat = operator.get(f"/operator/penduduk/{warga.id}").get_data(as_text=True)
    assert re.search(r"<dt>Terakhir masuk</dt><dd>[^<]+WIB dari 127\.0\.0\.1</dd>", lihat)


def _pilih_pin_acak(operator):
    atur = operator.submit("/operator/penduduk/akun", {"pin_awal": "acak", "masa_berlaku_hari": "30"})
    assert atur.status_code == 302


def test_one_time_pins_at_import_printed_once_per_kk(situs, operator):
    _pilih_pin_acak(operator)
    rows = [baris("3305051703850001"),
            baris("3305055208880002", nama="SITI MARYAM", tanggal_lahir="1988-08-12", jenis_kelamin="P",
                  hubungan_keluarga="ISTRI", no_hp="081325110001"),
            baris("3305051005120003", no_kk="3305050101200002", nama="BAYU SAPUTRA", tanggal_lahir="2012-05-10")]
    page = operator.submit("/operator/penduduk/impor", {"berkas": (io.BytesIO(csv_bytes(rows)), "penduduk.csv")},
                           content_type="multipart/form-data")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert html.count('class="lembar-kk"') == 2 and "KK 3305050101200001" in html and "KK 3305050101200002" in html
    pins = dict(re.findall(r"<td>(\d{16})</td><td class=\"pin-cetak\">(\d{6})</td>", html))
    assert set(pins) == {"3305051703850001", "3305055208880002", "3305051005120003"}
    assert "PIN Baru" in html and "Ulangi PIN Baru" in html  # the guide's words on the sheet
    # the birth date no longer opens these accounts; the one-time PIN does, without the KK number
    assert login(situs, "3305051703850001", "19850317", "3305050101200001").status_code == 401
    masuk = login(situs, "3305051703850001", pins["3305051703850001"])
    assert masuk.status_code == 200 and masuk.get_json()["wajib_ganti_pin"] is True
    # shown once: the same file again creates no one and prints no PIN
    lagi = operator.submit("/operator/penduduk/impor", {"berkas": (io.BytesIO(csv_bytes(rows)), "penduduk.csv")},
                           content_type="multipart/form-data").get_data(as_text=True)
    assert "lembar-kk" not in html.split("lembar-kk", 1)[0] and "lembar-kk" not in lagi


def test_one_time_pins_through_the_api(situs, operator):
    _pilih_pin_acak(operator)
    body = unggah(situs, operator.token, csv_bytes([baris("3305051703850001")])).get_json()
    assert body["dibuat"] == 1
    [satu] = body["pin_sekali"]
    assert satu["nik"] == "3305051703850001" and satu["no_kk"] == "3305050101200001" and re.fullmatch(r"\d{6}", satu["pin"])
    assert login(situs, satu["nik"], satu["pin"]).status_code == 200


def test_switching_to_one_time_pins_for_residents_who_never_logged_in(situs, warga, operator):
    _pilih_pin_acak(operator)
    page = operator.submit("/operator/penduduk/akun", {}, action="/operator/penduduk/akun/pin-acak")
    html = page.get_data(as_text=True)
    pins = dict(re.findall(r"<td>(\d{16})</td><td class=\"pin-cetak\">(\d{6})</td>", html))
    assert len(pins) == 3 and warga.nik in pins
    assert login(situs, warga.nik, warga.pin, warga.no_kk).status_code == 401
    assert login(situs, warga.nik, pins[warga.nik]).status_code == 200
    again = operator.submit("/operator/penduduk/akun", {}, action="/operator/penduduk/akun/pin-acak")
    assert again.status_code == 302  # nobody left on the birth-date PIN: no second batch


def test_a_one_time_pin_is_checked_at_full_cost_too(app, situs, warga, operator):
    """Timing must not tell which accounts still have a one-time PIN: every check burns a full one."""
    from desaonline.auth import passwords
    calls = []
    asli = passwords.burn_time
    passwords.burn_time = lambda s: (calls.append(s), asli(s))[1]
    try:
        pin = situs.api("post", "/api/v1/operator/penduduk/reset-pin", operator.token,
                        json={"nik": warga.nik}).get_json()["pin"]
        assert login(situs, warga.nik, pin).status_code == 200
    finally:
        passwords.burn_time = asli
    assert calls


def test_profile_and_family_read_the_resident_once(app, situs, warga):
    """The token's session, its desa and the resident with the KK come in one statement:
    the profile (last login included) reads nothing more, the family one statement more."""
    from tests.surat.test_antrean_besar import hitung_query
    token = login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["token"]
    situs.api("post", "/api/v1/mandiri/ganti-pin", token, json={"pin_lama": warga.pin, "pin_baru": "246813"})
    for path, sesudahnya in (("/api/v1/mandiri/profil", 0), ("/api/v1/mandiri/keluarga", 1)):
        with hitung_query(app) as q:
            r = situs.api("get", path, token)
        assert r.status_code == 200, r.get_data(as_text=True)
        baca = [s for s in q if "penduduk" in s or "sesi" in s]   # the host map's own check may come too
        assert len(baca) == 1 + sesudahnya and "FROM sesi" in baca[0] and "penduduk" in baca[0], baca
    assert [a["nama"] for a in r.get_json()] == ["SUGENG RIYADI", "SITI MARYAM", "BAYU SAPUTRA"]
