"""Host changes on the real gunicorn with several worker processes: what one process
changes, every other one serves from the next request on (no waiting in between)."""
import pytest
import requests

pytestmark = pytest.mark.deploy


def _kirim(deployment, method, host, path, token=None, **kw):
    headers = {"Host": host, "Connection": "close"}  # a new connection each time: any worker may take it
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.request(method, f"http://127.0.0.1:{deployment.port}{path}", headers=headers, timeout=30, **kw)


def test_a_desa_created_through_the_api_is_served_by_every_worker_at_once(deployment, buat):
    portal = "desaonline.localhost"
    for _ in range(12):  # every worker has a warm host map before the desa exists
        assert _kirim(deployment, "GET", "belum-ada.kec-x.localhost", "/").status_code == 404
    username, password = buat.admin()
    token = _kirim(deployment, "POST", portal, "/api/v1/admin/login",
                   json={"username": username, "password": password}).json()["token"]
    assert _kirim(deployment, "POST", portal, "/api/v1/admin/kecamatan", token,
                  json={"slug": "kec-baru", "nama": "Baru", "kode": "33.05.31"}).status_code == 201
    res = _kirim(deployment, "POST", portal, "/api/v1/admin/desa", token, json={
        "kecamatan": "kec-baru", "slug": "baru", "nama": "Baru", "kode": "33.05.31.2001",
        "wa_operator": "081227000131"})
    assert res.status_code == 201, res.text
    desa_id, host = res.json()["id"], res.json()["host"]

    assert [_kirim(deployment, "GET", host, "/").status_code for _ in range(12)] == [200] * 12
    assert _kirim(deployment, "POST", portal, f"/api/v1/admin/desa/{desa_id}/operator", token,
                  json={"username": "operator", "password": "rahasia-123"}).status_code == 201
    tokens = [_kirim(deployment, "POST", host, "/api/v1/operator/login",
                     json={"username": "operator", "password": "rahasia-123"}) for _ in range(6)]
    assert [t.status_code for t in tokens] == [200] * 6

    from desaonline.admin.layanan import ubah_desa
    from desaonline.extensions import db
    from tenants.models import Desa
    with buat.app.app_context():
        d = db.session.get(Desa, desa_id)
        ubah_desa(d, d.nama, d.wa_operator, d.alamat_kantor, aktif=False)
    # at once, on every worker: no session of the desa works and nobody logs in
    for t in tokens:
        assert _kirim(deployment, "GET", host, "/api/v1/operator/surat", t.json()["token"]).status_code in (401, 403)
    for _ in range(6):
        masuk = _kirim(deployment, "POST", host, "/api/v1/operator/login",
                       json={"username": "operator", "password": "rahasia-123"})
        assert masuk.status_code == 403 and masuk.json()["error"] == "desa_tidak_aktif"
