"""The admin JSON API on the portal host, and role scoping for kecamatan admins."""


def login(portal, username, password):
    res = portal.post("/api/v1/admin/login", json={"username": username, "password": password})
    assert res.status_code == 200, res.get_json()
    return res.get_json()["token"]


def test_kabupaten_admin_builds_kecamatan_desa_and_operator(buat, portal, host_client):
    token = login(portal, *buat.admin("kab"))
    res = portal.api("post", "/api/v1/admin/kecamatan", token, json={"slug": "kec-klirong", "nama": "Klirong", "kode": "33.05.05"})
    assert res.status_code == 201 and res.get_json()["slug"] == "kec-klirong"
    res = portal.api("post", "/api/v1/admin/desa", token, json={
        "kecamatan": "kec-klirong", "slug": "klirong", "nama": "Klirong", "kode": "33.05.05.2012",
        "wa_operator": "0812-2700-0101"})
    assert res.status_code == 201, res.get_json()
    body = res.get_json()
    assert body["host"] == "klirong.kec-klirong.localhost"
    res = portal.api("post", f"/api/v1/admin/desa/{body['id']}/operator", token,
                     json={"username": "operator", "password": "rahasia-123"})
    assert res.status_code == 201
    assert "Desa Klirong" in host_client("klirong.kec-klirong.localhost").get("/").get_data(as_text=True)


def test_errors_follow_the_contract(buat, portal):
    res = portal.post("/api/v1/admin/login", json={"username": "nobody", "password": "x"})
    assert res.status_code == 401
    assert set(res.get_json()) >= {"error", "message"}
    res = portal.post("/api/v1/admin/kecamatan", json={"slug": "x", "nama": "x", "kode": "33.01.01"})
    assert res.status_code == 401 and res.get_json()["error"]
    token = login(portal, *buat.admin())
    res = portal.api("post", "/api/v1/admin/kecamatan", token, json={"slug": "Bad Slug!", "nama": "X", "kode": "33.01.01"})
    assert res.status_code == 422 and res.get_json()["error"] == "slug_tidak_valid"
    res = portal.api("post", "/api/v1/admin/kecamatan", token, json={"nama": "X"})
    assert res.status_code == 422 and res.get_json()["error"] == "data_tidak_valid"
    portal.api("post", "/api/v1/admin/kecamatan", token, json={"slug": "kec-a", "nama": "A", "kode": "33.01.01"})
    res = portal.api("post", "/api/v1/admin/kecamatan", token, json={"slug": "kec-a", "nama": "A", "kode": "33.01.02"})
    assert res.status_code == 409


def test_kecamatan_admin_cannot_touch_another_kecamatan(buat, portal):
    mine, other = buat.kecamatan("kec-mine"), buat.kecamatan("kec-other")
    desa_mine, desa_other = buat.desa(kecamatan=mine), buat.desa(kecamatan=other)
    token = login(portal, *buat.admin("camat", kecamatan_slug="kec-mine"))

    res = portal.api("post", "/api/v1/admin/desa", token, json={
        "kecamatan": "kec-other", "slug": "baru", "nama": "Baru", "kode": other[2] + ".2999"})
    assert res.status_code == 403
    res = portal.api("post", f"/api/v1/admin/desa/{desa_other.id}/operator", token,
                     json={"username": "penyusup", "password": "rahasia-123"})
    assert res.status_code == 403
    res = portal.api("post", "/api/v1/admin/kecamatan", token, json={"slug": "kec-x", "nama": "X", "kode": "33.09.09"})
    assert res.status_code == 403

    res = portal.api("post", f"/api/v1/admin/desa/{desa_mine.id}/operator", token,
                     json={"username": "op2", "password": "rahasia-123"})
    assert res.status_code == 201
    stats = portal.api("get", "/api/v1/admin/statistik", token).get_json()
    assert [d["id"] for d in stats["desa"]] == [desa_mine.id]


def test_admin_token_is_refused_on_a_desa_host(buat, portal, host_client):
    desa = buat.desa()
    token = login(portal, *buat.admin())
    res = host_client(desa.host).api("get", "/api/v1/operator/surat", token)
    assert res.status_code in (401, 404)


def test_openapi_document_describes_the_contract(portal):
    spec = portal.get("/api/v1/openapi.json").get_json()
    for path in ("/api/v1/admin/login", "/api/v1/admin/desa", "/api/v1/admin/statistik"):
        assert path in spec["paths"]
