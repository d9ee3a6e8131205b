"""Operators for many desa at once: one-time passwords shown once, replaced at the first login."""
import re

from tests.admin.conftest import masuk
from tests.test_admin_api import login


def _tiga_desa(buat):
    kec = buat.kecamatan("kec-klirong", "Klirong")
    lain = buat.kecamatan("kec-petanahan", "Petanahan")
    return [buat.desa("klirong", kecamatan=kec), buat.desa("jogosimo", kecamatan=kec),
            buat.desa("karangrejo", kecamatan=lain)]


def test_api_gives_each_desa_an_operator_with_a_password_that_must_be_changed(buat, portal, host_client):
    klirong, jogosimo, karangrejo = _tiga_desa(buat)
    buat.operator(jogosimo, "operator", "sandi-lama-jogosimo")
    token = login(portal, *buat.admin("kab"))
    res = portal.api("post", "/api/v1/admin/operator/massal", token, json={})
    assert res.status_code == 201, res.get_json()
    body = res.get_json()
    dibuat = {b["desa_id"]: b for b in body["dibuat"]}
    assert set(dibuat) == {klirong.id, karangrejo.id}
    assert body["dilewati"] == [{"desa_id": jogosimo.id, "alasan": "Sudah ada operator 'operator'."}]
    satu = dibuat[klirong.id]
    assert satu["url_masuk"] == "http://klirong.kec-klirong.localhost/operator/masuk"
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", satu["password"])
    assert dibuat[klirong.id]["password"] != dibuat[karangrejo.id]["password"]

    desa = host_client(klirong.host)
    op = desa.post("/api/v1/operator/login", json={"username": "operator", "password": satu["password"]}).get_json()["token"]
    res = desa.api("get", "/api/v1/operator/surat", op)
    assert res.status_code == 403 and res.get_json()["error"] == "sandi_wajib_diganti"
    res = desa.api("post", "/api/v1/operator/ganti-sandi", op, json={"sandi_lama": "salah", "sandi_baru": "rahasia-sendiri-1"})
    assert res.status_code == 422 and res.get_json()["error"] == "sandi_lama_salah"
    res = desa.api("post", "/api/v1/operator/ganti-sandi", op, json={"sandi_lama": satu["password"], "sandi_baru": "pendek"})
    assert res.status_code == 422 and "10 karakter" in res.get_json()["message"]
    res = desa.api("post", "/api/v1/operator/ganti-sandi", op,
                   json={"sandi_lama": satu["password"], "sandi_baru": "rahasia-sendiri-1"})
    assert res.status_code == 204
    assert desa.api("get", "/api/v1/operator/surat", op).status_code == 200
    assert desa.post("/api/v1/operator/login", json={"username": "operator", "password": satu["password"]}).status_code == 401

    again = portal.api("post", "/api/v1/admin/operator/massal", token, json={}).get_json()
    assert again["dibuat"] == [] and len(again["dilewati"]) == 3


def test_a_camat_gets_operators_only_for_its_own_desa(buat, portal):
    klirong, jogosimo, karangrejo = _tiga_desa(buat)
    token = login(portal, *buat.admin("camat", kecamatan_slug="kec-klirong"))
    res = portal.api("post", "/api/v1/admin/operator/massal", token, json={"desa": [karangrejo.id]})
    assert res.status_code == 404
    body = portal.api("post", "/api/v1/admin/operator/massal", token, json={}).get_json()
    assert {b["desa_id"] for b in body["dibuat"]} == {klirong.id, jogosimo.id}


def test_page_shows_the_passwords_once_and_the_operator_must_change_it_at_login(buat, admin_kabupaten, host_client):
    klirong, jogosimo, karangrejo = _tiga_desa(buat)
    halaman = admin_kabupaten.get("/admin/operator/massal").get_data(as_text=True)
    assert halaman.count('name="desa"') == 3
    res = admin_kabupaten.submit("/admin/operator/massal", {"username": "operator", "desa": [klirong.id, karangrejo.id]})
    assert res.status_code == 200 and res.headers["Cache-Control"] == "no-store"
    html = res.get_data(as_text=True)
    baris = re.search(rf'<tr data-desa="{klirong.id}">(.*?)</tr>', html, re.S).group(1)
    sandi = re.search(r'<code class="sandi">([^<]+)</code>', baris).group(1)
    assert "http://klirong.kec-klirong.localhost/operator/masuk" in baris
    assert "https://wa.me/62" in baris
    assert f'data-desa="{jogosimo.id}"' not in html
    # sent again (a reload): nothing new, no password shown again
    html = admin_kabupaten.submit("/admin/operator/massal", {"username": "operator", "desa": [klirong.id]}).get_data(as_text=True)
    assert 'class="sandi"' not in html and "Sudah ada operator" in html

    operator = host_client(klirong.host)
    res = operator.submit("/operator/masuk", {"username": "operator", "password": sandi})
    assert res.status_code == 302
    res = operator.get("/operator/")
    assert res.status_code == 302 and res.headers["Location"].endswith("/operator/ganti-sandi")
    assert operator.get("/operator/surat").headers["Location"].endswith("/operator/ganti-sandi")
    page = operator.get("/operator/ganti-sandi").get_data(as_text=True)
    assert "kata sandi sekali pakai" in page
    res = operator.submit("/operator/ganti-sandi", {"sandi_lama": sandi, "sandi_baru": "sandi-saya-sendiri",
                                                     "ulangi_sandi": "sandi-saya-sendiri"})
    assert res.status_code == 302
    assert operator.get("/operator/").status_code == 200


def test_reset_with_no_password_given_makes_a_one_time_one(buat, admin_kabupaten, host_client, operator_bisa_masuk):
    klirong = _tiga_desa(buat)[0]
    buat.operator(klirong, "operator", "sandi-lama-klirong")
    from tests.admin.conftest import operator_id
    op = operator_id(admin_kabupaten.client.application, klirong, "operator")
    page = f"/admin/desa/{klirong.id}/operator/{op}"
    res = admin_kabupaten.submit(page, {"password_baru": ""}, action=f"{page}/sandi")
    assert res.status_code == 200 and res.headers["Cache-Control"] == "no-store"
    sandi = re.search(r'<code class="sandi">([^<]+)</code>', res.get_data(as_text=True)).group(1)
    assert not operator_bisa_masuk(klirong, "operator", "sandi-lama-klirong")
    desa = host_client(klirong.host)
    token = desa.post("/api/v1/operator/login", json={"username": "operator", "password": sandi}).get_json()["token"]
    assert desa.api("get", "/api/v1/operator/surat", token).get_json()["error"] == "sandi_wajib_diganti"
