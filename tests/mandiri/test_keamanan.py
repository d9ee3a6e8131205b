"""Guessing PINs: lockout, the same answer for unknown NIKs, other desa, the per-address limit."""
import pytest

from tests.mandiri.conftest import login


def _tanpa_detail_waktu(resp):
    return resp.status_code, resp.get_json()


def test_unknown_nik_and_wrong_pin_get_the_same_answer(situs, warga):
    salah_pin = login(situs, warga.nik, "19850318", warga.no_kk)
    salah_kk = login(situs, warga.nik, warga.pin, "3305050101209999")
    nik_asing = login(situs, "3305059999990001", "19850318", warga.no_kk)
    nik_rusak = login(situs, "bukan-nik", "19850318", warga.no_kk)
    assert salah_pin.status_code == salah_kk.status_code == nik_asing.status_code == nik_rusak.status_code == 401
    assert salah_pin.get_json() == salah_kk.get_json() == nik_asing.get_json() == nik_rusak.get_json() == {
        "error": "login_gagal", "message": "NIK atau PIN salah."}
    # without the KK number an eight-digit PIN is answered from its shape alone: the
    # same 422 whether the NIK exists, the birth date is right, or neither
    tanpa_kk = [login(situs, nik, pin) for nik, pin in (
        (warga.nik, warga.pin), (warga.nik, "19850318"), ("3305059999990001", "19850318"))]
    assert {r.status_code for r in tanpa_kk} == {422}
    assert tanpa_kk[0].get_json() == tanpa_kk[1].get_json() == tanpa_kk[2].get_json()
    assert tanpa_kk[0].get_json()["error"] == "no_kk_diperlukan"


def test_five_wrong_pins_lock_the_account_even_for_the_right_pin(app, situs, warga, host_client, desa):
    for _ in range(5):
        assert login(situs, warga.nik, "000000").status_code == 401
    locked = login(situs, warga.nik, warga.pin, warga.no_kk)
    assert locked.status_code == 429
    assert locked.get_json()["error"] == "akun_terkunci"
    assert 240 <= int(locked.headers["Retry-After"]) <= 300
    # the lock is in the database: another app on the same database (another web
    # worker, a restart: its rate-limit memory is empty) refuses the right PIN too
    from desaonline import create_app
    from tests.conftest import HostClient
    restart = create_app("testing", {"SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                                     "STORAGE_DIR": app.config["STORAGE_DIR"]})
    restart.extensions["celery"].conf.broker_url = "memory://"
    app.extensions["celery"].set_default()  # the session's app stays Celery's default
    again = HostClient(restart, desa.host)
    assert login(again, warga.nik, warga.pin, warga.no_kk).status_code == 429
    benar = {"nik": warga.nik, "pin": warga.pin, "no_kk": warga.no_kk}
    page = again.submit("/mandiri/masuk", benar)
    assert page.status_code == 429 and "dikunci sementara" in page.get_data(as_text=True)
    assert host_client(desa.host).submit("/mandiri/masuk", benar).status_code == 429


def test_lock_grows_and_a_success_resets_the_count(app, situs, warga):
    from datetime import datetime, timedelta, timezone

    from desaonline.extensions import db
    from desaonline.penduduk.models import Penduduk
    from tenants import desa_scope

    def buka_kunci():  # as if the lock time had passed
        with app.app_context(), desa_scope(warga.desa.id):
            p = db.session.get(Penduduk, warga.id)
            p.terkunci_sampai = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(seconds=1)
            db.session.commit()

    for _ in range(5):
        login(situs, warga.nik, "000000")
    buka_kunci()
    for _ in range(5):
        assert login(situs, warga.nik, "000000").status_code == 401
    second = login(situs, warga.nik, warga.pin, warga.no_kk)
    assert second.status_code == 429 and int(second.headers["Retry-After"]) > 300  # 15 minutes now
    buka_kunci()
    # four wrong, one right: the count starts again
    for _ in range(4):
        login(situs, warga.nik, "000000")
    assert login(situs, warga.nik, warga.pin, warga.no_kk).status_code == 200
    for _ in range(4):
        assert login(situs, warga.nik, "000000").status_code == 401
    assert login(situs, warga.nik, warga.pin, warga.no_kk).status_code == 200


def test_an_unknown_nik_is_locked_like_a_real_one(situs, warga):
    for _ in range(5):
        assert login(situs, "3305059999990001", "000000").status_code == 401
    asing, nyata = login(situs, "3305059999990001", "000000"), None
    for _ in range(5):
        login(situs, warga.nik, "000000")
    nyata = login(situs, warga.nik, "000000")
    assert asing.status_code == nyata.status_code == 429
    assert asing.get_json() == nyata.get_json()


def test_resident_of_one_desa_cannot_log_in_on_another(buat, host_client, situs, warga, desa):
    lain = buat.desa("jogosimo", kecamatan=desa.kecamatan, nama="Jogosimo")
    di_lain = host_client(lain.host)
    assert login(di_lain, warga.nik, warga.pin, warga.no_kk).status_code == 401
    token = login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["token"]
    refused = di_lain.api("post", "/api/v1/mandiri/ganti-pin", token, json={"pin_lama": warga.pin, "pin_baru": "246813"})
    assert refused.status_code == 401
    assert di_lain.api("get", "/api/v1/mandiri/profil", token).status_code == 401
    # the same NIK may live in both desa as two records, each with its own PIN
    buat.penduduk(lain, nik=warga.nik, no_kk="3305050101200099", nama="SUGENG RIYADI", tanggal_lahir="1985-03-18")
    assert login(di_lain, warga.nik, "19850318", "3305050101200099").status_code == 200
    assert login(di_lain, warga.nik, warga.pin, warga.no_kk).status_code == 401


def test_operator_token_is_not_a_resident_token(buat, situs, desa, warga):
    username, password = buat.operator(desa)
    token = situs.api("post", "/api/v1/operator/login", json={"username": username, "password": password}).get_json()["token"]
    assert situs.api("get", "/api/v1/mandiri/profil", token).status_code in (401, 403)


def test_many_residents_behind_one_address_are_not_throttled(buat, desa, situs):
    """A village hall's shared connection: 70 successful logins in a minute all pass."""
    warga = [buat.penduduk(desa, nik=f"33050517038{i:05d}", tanggal_lahir="1985-03-17") for i in range(70)]
    for orang in warga:
        assert login(situs, orang.nik, orang.pin, orang.no_kk).status_code == 200


def test_failed_attempts_from_one_address_are_limited(situs, warga):
    """60 wrong PINs a minute from one address, over many NIKs, then 429 for that address."""
    for i in range(60):
        assert login(situs, f"33050588{i:08d}", "000000").status_code in (401, 429)
    resp = login(situs, "3305057777770001", "000000")
    assert resp.status_code == 429 and "Retry-After" in resp.headers


def test_logout_ends_the_api_token(situs, token_baru):
    assert situs.api("post", "/api/v1/mandiri/keluar", token_baru).status_code == 204
    assert situs.api("get", "/api/v1/mandiri/profil", token_baru).status_code == 401


def test_pin_change_ends_other_sessions_but_not_this_one(situs, warga):
    lain = login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["token"]
    ini = login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["token"]
    resp = situs.api("post", "/api/v1/mandiri/ganti-pin", ini, json={"pin_lama": warga.pin, "pin_baru": "246813"})
    assert resp.status_code == 204
    assert situs.api("get", "/api/v1/mandiri/profil", ini).status_code == 200
    assert situs.api("get", "/api/v1/mandiri/profil", lain).status_code == 401


@pytest.mark.parametrize("pin_baru, pesan", [
    ("12345", "6 angka"), ("12a456", "6 angka"), ("1234567", "6 angka"),
    ("19850317", "6 angka"),
    ("170385", "tanggal lahir"), ("850317", "tanggal lahir"), ("031785", "tanggal lahir"),
    ("198503", "tanggal lahir"), ("032019", None), ("171985", "tanggal lahir"), ("031985", "tanggal lahir"),
    ("123456", "mudah ditebak"), ("654321", "mudah ditebak"), ("111111", "mudah ditebak"),
    ("121212", "mudah ditebak"), ("123123", "mudah ditebak"), ("112233", "mudah ditebak"),
    ("890123", "mudah ditebak"), ("000000", "mudah ditebak"),
    ("850001", "NIK"),
])
def test_new_pin_rules(situs, warga, pin_baru, pesan):
    token = login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["token"]
    resp = situs.api("post", "/api/v1/mandiri/ganti-pin", token, json={"pin_lama": warga.pin, "pin_baru": pin_baru})
    if pesan is None:
        assert resp.status_code == 204
        return
    assert resp.status_code == 422
    assert resp.get_json()["error"] == "pin_ditolak" and pesan in resp.get_json()["message"]
    # nothing changed: the birth date still works and the change is still required
    assert login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["wajib_ganti_pin"] is True


def test_new_pin_must_differ_and_old_pin_must_be_right(situs, token_baru, warga):
    same = situs.api("post", "/api/v1/mandiri/ganti-pin", token_baru, json={"pin_lama": "246813", "pin_baru": "246813"})
    assert same.status_code == 422 and "berbeda" in same.get_json()["message"]
    wrong = situs.api("post", "/api/v1/mandiri/ganti-pin", token_baru, json={"pin_lama": "999999", "pin_baru": "468135"})
    assert wrong.status_code == 422 and wrong.get_json()["error"] == "pin_lama_salah"


def _waktu_berlalu(app, model, akun_id, desa_id, **lama):
    """As if ``lama`` (timedelta kwargs) had passed for the account's lock: every time shifts back."""
    from datetime import timedelta

    from desaonline.extensions import db
    from tenants import desa_scope
    geser = timedelta(**lama)
    with app.app_context(), desa_scope(desa_id):
        akun = db.session.get(model, akun_id)
        for kolom in ("terkunci_sampai", "tenang_sejak"):
            if getattr(akun, kolom, None) is not None:
                setattr(akun, kolom, getattr(akun, kolom) - geser)
        db.session.commit()


def test_five_tries_a_day_never_keep_the_account_locked(app, situs, warga):
    """A lock that never decayed let five tries a day keep a NIK locked for good."""
    from desaonline.penduduk.models import Penduduk
    for hari in range(7):
        for _ in range(5):
            assert login(situs, warga.nik, "000000").status_code == 401
        kunci = login(situs, warga.nik, warga.pin, no_kk=warga.no_kk)
        assert kunci.status_code == 429 and int(kunci.headers["Retry-After"]) <= 300, (hari, kunci.headers)
        _waktu_berlalu(app, Penduduk, warga.id, warga.desa.id, hours=24)
    # between the attacker's tries the owner gets in
    assert login(situs, warga.nik, warga.pin, no_kk=warga.no_kk).status_code == 200


def test_the_escalation_steps_back_after_a_quiet_period(app, situs, warga):
    from desaonline.penduduk.models import Penduduk
    for _ in range(3):  # three locks in a row: 5, 15 and 60 minutes
        for _ in range(5):
            login(situs, warga.nik, "000000")
        _waktu_berlalu(app, Penduduk, warga.id, warga.desa.id, minutes=61)
    _waktu_berlalu(app, Penduduk, warga.id, warga.desa.id, hours=6)  # quiet since the last lock ended
    for _ in range(5):
        login(situs, warga.nik, "000000")
    kunci = login(situs, warga.nik, "000000")
    assert 900 < int(kunci.headers["Retry-After"]) <= 3600  # one step back: 60 minutes, not 240


def test_wrong_pins_spread_over_days_do_not_add_up(app, situs, warga):
    from desaonline.penduduk.models import Penduduk
    for i in range(5):  # one typo every seven hours: never five "in a row"
        if i:
            _waktu_berlalu(app, Penduduk, warga.id, warga.desa.id, hours=7)
        assert login(situs, warga.nik, "000000").status_code == 401
    assert login(situs, warga.nik, warga.pin, no_kk=warga.no_kk).status_code == 200


def test_a_locked_resident_is_told_whom_to_ask(situs, warga):
    for _ in range(5):
        login(situs, warga.nik, "000000")
    pesan = login(situs, warga.nik, "000000").get_json()["message"]
    assert "WhatsApp 0812-2700-0101" in pesan
    page = situs.submit("/mandiri/masuk", {"nik": warga.nik, "pin": "000000"})
    html = page.get_data(as_text=True)
    assert page.status_code == 429 and "0812-2700-0101" in html and "https://wa.me/6281227000101" in html
