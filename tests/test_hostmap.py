"""Host changes reach every process: a desa created through the API is served by the next
request, a deactivated desa or a removed host name stops within a second (the contract
allows two), and logins and sessions of a deactivated desa end at once.

"Another process" is a second app on the same database with its own host map; both
maps run on the test's hand-moved clock, so no test waits for time to pass.
"""
import pytest
from sqlalchemy import text

from desaonline.extensions import db
from tests.admin.test_resolver import resolver_sql, sql_log
from tests.conftest import HostClient


@pytest.fixture
def proses_lain(app, jam):
    """A client factory for another web process on the same database."""
    from desaonline import create_app
    from tenants.resolver import HostMap
    lain = create_app("testing", {k: app.config[k] for k in (
        "SQLALCHEMY_DATABASE_URI", "STORAGE_DIR", "BASE_DOMAIN", "RATELIMIT_KEY_PREFIX")})
    lain.extensions["celery"].conf.broker_url = "memory://"
    lain.extensions["desaonline.hostmap"] = HostMap(clock=jam)
    yield lambda host: HostClient(lain, host)
    with lain.app_context():
        db.engine.dispose()


def _sekali_lagi(app, jam):
    """Move the clock by one check interval: every process reads the change signal again."""
    jam.maju(app.config["TENANT_CHECK_SECONDS"])


def _token_admin(portal, buat):
    username, password = buat.admin()
    return portal.post("/api/v1/admin/login", json={"username": username, "password": password}).get_json()["token"]


def test_a_desa_created_through_the_api_is_served_by_the_next_request_of_another_process(
        buat, portal, proses_lain):
    assert proses_lain("lain.kec-x.localhost").get("/").status_code == 404  # its map is warm
    token = _token_admin(portal, buat)
    assert portal.api("post", "/api/v1/admin/kecamatan", token,
                      json={"slug": "kec-klirong", "nama": "Klirong", "kode": "33.05.05"}).status_code == 201
    res = portal.api("post", "/api/v1/admin/desa", token, json={
        "kecamatan": "kec-klirong", "slug": "klirong", "nama": "Klirong", "kode": "33.05.05.2012",
        "wa_operator": "081227000101"})
    assert res.status_code == 201
    desa_id, host = res.get_json()["id"], res.get_json()["host"]
    assert portal.api("post", f"/api/v1/admin/desa/{desa_id}/operator", token,
                      json={"username": "operator", "password": "rahasia-123"}).status_code == 201

    situs = proses_lain(host)  # no time has passed on the other process's clock
    assert "Desa Klirong" in situs.get("/").get_data(as_text=True)
    masuk = situs.post("/api/v1/operator/login", json={"username": "operator", "password": "rahasia-123"})
    assert masuk.status_code == 200 and masuk.get_json()["token"]


def test_a_deactivated_desa_refuses_logins_and_sessions_at_once_and_shows_a_notice(
        app, buat, proses_lain, jam):
    from desaonline.admin.layanan import ubah_desa
    from tenants.models import Desa
    desa = buat.desa("jogosimo", nama="Jogosimo")
    buat.operator(desa, "operator", "rahasia-123")
    situs = proses_lain(desa.host)
    token = situs.post("/api/v1/operator/login", json={"username": "operator", "password": "rahasia-123"}).get_json()["token"]
    assert situs.api("get", "/api/v1/operator/surat", token).status_code == 200

    with app.app_context():  # this process deactivates; the other one has not checked yet
        d = db.session.get(Desa, desa.id)
        ubah_desa(d, d.nama, d.wa_operator, d.alamat_kantor, aktif=False)

    assert situs.api("get", "/api/v1/operator/surat", token).status_code == 401
    masuk = situs.post("/api/v1/operator/login", json={"username": "operator", "password": "rahasia-123"})
    assert masuk.status_code == 403 and masuk.get_json()["error"] == "desa_tidak_aktif"

    _sekali_lagi(app, jam)
    halaman = situs.get("/")
    assert halaman.status_code == 403 and "Layanan desa sedang tidak aktif" in halaman.get_data(as_text=True)
    assert "Desa Jogosimo" in halaman.get_data(as_text=True)
    for path in ("/mandiri/masuk", "/operator/masuk"):
        assert situs.get(path).status_code == 403
    api = situs.api("get", "/api/v1/operator/surat", token)
    assert api.status_code == 403 and api.get_json()["error"] == "desa_tidak_aktif"
    # letters it already signed can still be checked (their QR codes are printed)
    assert situs.get("/verifikasi/").status_code == 200

    with app.app_context():
        d = db.session.get(Desa, desa.id)
        ubah_desa(d, d.nama, d.wa_operator, d.alamat_kantor, aktif=True)
    _sekali_lagi(app, jam)
    assert situs.get("/").status_code == 200
    assert situs.api("get", "/api/v1/operator/surat", token).status_code == 401  # that session ended for good


def test_a_removed_host_name_stops_within_a_second_on_another_process(app, buat, proses_lain, jam):
    from desaonline.admin.layanan import hapus_host, tambah_host
    from tenants.models import Desa
    desa = buat.desa("sidomulyo", nama="Sidomulyo")
    assert proses_lain("sidomulyo.desa.id").get("/").status_code == 404
    jam.maju(app.config["TENANT_MISS_SECONDS"])  # that miss is forgotten
    with app.app_context():
        tambah_host(db.session.get(Desa, desa.id), "sidomulyo.desa.id")
    assert proses_lain("sidomulyo.desa.id").get("/").status_code == 200

    with app.app_context():
        d = db.session.get(Desa, desa.id)
        hapus_host(d, d.host_tambahan[0].id)
    _sekali_lagi(app, jam)
    assert proses_lain("sidomulyo.desa.id").get("/").status_code == 404
    assert proses_lain(desa.host).get("/").status_code == 200


def test_changes_made_with_plain_sql_raise_the_signal_too(app, buat, proses_lain, jam):
    """Triggers in the database raise the signal, whoever changes the rows (psql, a bulk
    script). A migration that rebuilds one of these tables without its triggers fails here."""
    kec = buat.kecamatan("kec-lama", "Lama")
    desa = buat.desa("jati", kecamatan=kec, nama="Jati")
    assert proses_lain(desa.host).get("/").status_code == 200

    def sql(statement, **params):
        with app.app_context():
            db.session.execute(text(statement), params)
            db.session.commit()

    sql("UPDATE kecamatan SET slug = 'kec-baru' WHERE id = :id", id=kec[0])
    _sekali_lagi(app, jam)
    assert proses_lain(desa.host).get("/").status_code == 404
    assert proses_lain("jati.kec-baru.localhost").get("/").status_code == 200

    sql("INSERT INTO desa_host (desa_id, host) VALUES (:id, 'jati.desa.id')", id=desa.id)
    assert proses_lain("jati.desa.id").get("/").status_code == 200  # a miss asks the signal at once

    sql("UPDATE kabupaten SET nama = 'Kabupaten Contoh'")
    _sekali_lagi(app, jam)
    assert "Kabupaten Contoh" in proses_lain("jati.desa.id").get("/").get_data(as_text=True)

    sql("UPDATE desa SET aktif = :tidak WHERE id = :id", tidak=False, id=desa.id)
    _sekali_lagi(app, jam)
    assert proses_lain("jati.desa.id").get("/").status_code == 403

    sql("DELETE FROM desa_host")
    _sekali_lagi(app, jam)
    assert proses_lain("jati.desa.id").get("/").status_code == 404


def test_an_unknown_host_asks_the_database_once_a_second_however_often_it_is_asked_for(
        app, buat, host_client, jam):
    site = host_client(buat.desa().host)
    assert site.get("/").status_code == 200
    with sql_log(app) as sql:
        for _ in range(30):
            assert host_client("tidak-ada.kec-x.localhost").get("/").status_code == 404
    assert len(resolver_sql(sql)) == 1
    jam.maju(app.config["TENANT_MISS_SECONDS"])
    with sql_log(app) as sql:
        for _ in range(30):
            assert host_client("tidak-ada.kec-x.localhost").get("/").status_code == 404
    assert len(resolver_sql(sql)) == 1
