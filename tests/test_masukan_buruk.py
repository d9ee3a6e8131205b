"""Bad input from outside answers 4xx with the error shape, never 500 (issue 10).

Each case here broke the service once: deeply nested JSON (RecursionError), numbers
too big for the database's INTEGER (OverflowError on PostgreSQL), and the resident
import's file reading (see tests/penduduk/test_impor_berkas.py).
"""
import pytest

DALAM = "[" * 3000  # 3 KB of nesting: deeper than Python's recursion limit
BESAR = str(10 ** 30)


@pytest.fixture
def desa(buat):
    return buat.desa()


@pytest.fixture
def situs(host_client, desa):
    return host_client(desa.host)


@pytest.fixture
def token_operator(buat, desa, situs):
    username, password = buat.operator(desa)
    return situs.post("/api/v1/operator/login", json={"username": username, "password": password}).get_json()["token"]


@pytest.fixture
def token_warga(buat, desa, situs):
    p = buat.penduduk(desa)
    token = situs.post("/api/v1/mandiri/login", json={"nik": p.nik, "pin": p.pin, "no_kk": p.no_kk}).get_json()["token"]
    assert situs.api("post", "/api/v1/mandiri/ganti-pin", token,
                     json={"pin_lama": p.pin, "pin_baru": "482915"}).status_code == 204
    return token


def _galat(resp, status):
    assert resp.status_code == status, (resp.status_code, resp.get_data(as_text=True)[:300])
    body = resp.get_json()
    assert set(body) <= {"error", "message", "rincian"} and body["error"] and body["message"]
    return body


@pytest.mark.parametrize("host, path", [("desa", "/api/v1/mandiri/login"), ("desa", "/api/v1/operator/login"),
                                        ("portal", "/api/v1/admin/login")])
def test_deeply_nested_json_is_refused_with_400(situs, portal, host, path):
    klien = situs if host == "desa" else portal
    body = _galat(klien.post(path, data=DALAM, content_type="application/json"), 400)
    assert body["error"] == "permintaan_tidak_valid"
    # a plain broken JSON gets the same answer
    broken = _galat(klien.post(path, data="{nik", content_type="application/json"), 400)
    assert broken == body


@pytest.mark.parametrize("path", ["/api/v1/mandiri/surat/" + BESAR, "/api/v1/mandiri/surat/" + BESAR + "/pdf"])
def test_huge_ids_in_resident_paths_are_404(situs, token_warga, path):
    _galat(situs.api("get", path, token_warga), 404)


def test_huge_ids_in_operator_paths_are_404(situs, token_operator):
    _galat(situs.api("get", "/api/v1/operator/surat/" + BESAR, token_operator), 404)
    _galat(situs.api("post", f"/api/v1/operator/surat/{BESAR}/tolak", token_operator, json={"alasan": "x"}), 404)


def test_huge_ids_in_admin_paths_are_404(buat, portal):
    username, password = buat.admin()
    token = portal.post("/api/v1/admin/login", json={"username": username, "password": password}).get_json()["token"]
    _galat(portal.api("post", f"/api/v1/admin/desa/{BESAR}/operator", token,
                      json={"username": "operator", "password": "rahasia-operator"}), 404)


@pytest.mark.parametrize("query", [f"halaman={BESAR}", f"per_halaman={BESAR}", "halaman=0", "per_halaman=0",
                                   "halaman=-1", f"halaman={2 ** 31}"])
def test_page_numbers_out_of_range_are_422(situs, token_operator, token_warga, query):
    for path, token in (("/api/v1/operator/surat", token_operator), ("/api/v1/mandiri/surat", token_warga)):
        body = _galat(situs.api("get", f"{path}?{query}", token), 422)
        assert set(body["rincian"]) & {"halaman", "per_halaman"}


def test_a_page_size_over_100_is_cut_to_100(situs, token_warga):
    resp = situs.api("get", "/api/v1/mandiri/surat?per_halaman=101", token_warga)
    assert resp.status_code == 200 and resp.headers["X-Total-Count"] == "0"


def test_huge_signatory_id_in_a_body_is_422(situs, token_warga):
    resp = situs.api("post", "/api/v1/mandiri/surat", token_warga,
                     json={"jenis": "surat_ket_pengantar", "keperluan": "Uji", "penandatangan": 10 ** 30})
    assert _galat(resp, 422)["rincian"].keys() == {"penandatangan"}


def test_huge_ids_on_pages_are_404_and_a_huge_cursor_is_ignored(buat, desa, situs):
    username, password = buat.operator(desa, "operator-web")
    assert situs.submit("/operator/masuk", {"username": username, "password": password}).status_code == 302
    assert situs.get("/operator/penduduk/" + BESAR).status_code == 404
    assert situs.get("/operator/surat/" + BESAR).status_code == 404
    assert situs.get("/operator/penduduk?setelah=" + BESAR).status_code == 200
