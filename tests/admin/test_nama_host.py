"""Extra host names: names under BASE_DOMAIN belong to the kabupaten; a kecamatan admin
adds only a desa's own outside domain, through the API and the admin page alike."""
import pytest

from tests.admin.conftest import masuk


def _token(portal, username, password):
    return portal.post("/api/v1/admin/login", json={"username": username, "password": password}).get_json()["token"]


@pytest.fixture
def wilayah(buat):
    """Two kecamatan with a desa each, a camat of the first and the kabupaten admin."""
    petanahan, klirong = buat.kecamatan("kec-petanahan", "Petanahan"), buat.kecamatan("kec-klirong", "Klirong")
    return {
        "karangrejo": buat.desa("karangrejo", kecamatan=petanahan, nama="Karangrejo"),
        "jogosimo": buat.desa("jogosimo", kecamatan=klirong, nama="Jogosimo"),
        "camat": buat.admin("camat-klirong", kecamatan_slug="kec-klirong"),
        "kabupaten": buat.admin("kabupaten"),
    }


def _tambah(portal, token, desa, host):
    return portal.api("post", f"/api/v1/admin/desa/{desa.id}/host", token, json={"host": host})


def test_a_kecamatan_admin_adds_only_its_desa_s_own_outside_domain(wilayah, portal, host_client):
    token = _token(portal, *wilayah["camat"])
    desa = wilayah["jogosimo"]
    for host, status, kode in (
            ("login.karangrejo.kec-petanahan.localhost", 409, "host_dicadangkan"),  # another kecamatan's namespace
            ("karangrejo.kec-petanahan.localhost", 409, "host_dicadangkan"),
            ("www.localhost", 403, "host_milik_kabupaten"),
            ("jogosimo.localhost", 403, "host_milik_kabupaten"),
            ("desaonline.localhost", 409, "host_dicadangkan"),
            ("x.desaonline.localhost", 409, "host_dicadangkan"),
            ("https://jogosimo.desa.id/", 422, "host_tidak_valid")):
        res = _tambah(portal, token, desa, host)
        assert (res.status_code, res.get_json()["error"]) == (status, kode), host
        assert res.get_json()["message"] and res.get_json()["rincian"]["host"]
    assert "milik kabupaten" in _tambah(portal, token, desa, "www.localhost").get_json()["message"]
    assert host_client("www.localhost").get("/").status_code == 404
    assert "Desa Karangrejo" in host_client("karangrejo.kec-petanahan.localhost").get("/").get_data(as_text=True)

    res = _tambah(portal, token, wilayah["karangrejo"], "karangrejo.desa.id")  # not its kecamatan
    assert res.status_code == 403 and res.get_json()["error"] == "dilarang"

    res = _tambah(portal, token, desa, "Jogosimo.Desa.ID.")
    assert res.status_code == 201 and res.get_json() == {"host": "jogosimo.desa.id"}
    assert "Desa Jogosimo" in host_client("jogosimo.desa.id").get("/").get_data(as_text=True)
    res = portal.api("delete", f"/api/v1/admin/desa/{desa.id}/host/jogosimo.desa.id", token)
    assert res.status_code == 204
    assert host_client("jogosimo.desa.id").get("/").status_code == 404
    res = portal.api("delete", f"/api/v1/admin/desa/{desa.id}/host/jogosimo.desa.id", token)
    assert res.status_code == 404 and res.get_json()["error"] == "host_tidak_ditemukan"


def test_the_kabupaten_admin_may_give_a_name_under_its_domain_but_not_the_reserved_ones(wilayah, portal, host_client):
    token = _token(portal, *wilayah["kabupaten"])
    desa = wilayah["jogosimo"]
    for host in ("www.localhost", "desaonline.localhost", "kec-petanahan.localhost",
                 "login.karangrejo.kec-petanahan.localhost", "a.b.localhost"):
        res = _tambah(portal, token, desa, host)
        assert (res.status_code, res.get_json()["error"]) == (409, "host_dicadangkan"), host
    res = _tambah(portal, token, desa, "jogosimo.localhost")
    assert res.status_code == 201
    assert "Desa Jogosimo" in host_client("jogosimo.localhost").get("/").get_data(as_text=True)


def test_the_admin_page_refuses_with_the_same_message(wilayah, portal):
    assert masuk(portal, *wilayah["camat"]).status_code == 302
    page = f"/admin/desa/{wilayah['jogosimo'].id}"
    assert "milik kabupaten" in portal.get(page).get_data(as_text=True)
    res = portal.submit(page, {"host": "www.localhost"}, action=f"{page}/host")
    assert res.status_code == 403
    assert "Admin kecamatan hanya dapat menambahkan domain milik desa sendiri" in res.get_data(as_text=True)
    res = portal.submit(page, {"host": "login.karangrejo.kec-petanahan.localhost"}, action=f"{page}/host")
    assert res.status_code == 409 and "alamat desa" in res.get_data(as_text=True)
    assert portal.submit(page, {"host": "jogosimo.desa.id"}, action=f"{page}/host").status_code == 302
