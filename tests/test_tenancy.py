"""Every host finds its own desa, unknown hosts find nothing, and no desa sees another's rows."""
import pytest
from sqlalchemy import bindparam, func, insert, select, update

from desaonline.extensions import db
from desaonline.operator.models import Operator
from desaonline.signing import penanda
from tenants import berlingkup, desa_scope, tanpa_scope
from tenants.scoping import TanpaDesa, TenantViolation


def test_desa_home_page_is_found_by_host(buat, host_client):
    desa = buat.desa("klirong", kecamatan=buat.kecamatan("kec-klirong", "Klirong"), nama="Klirong")
    page = host_client("klirong.kec-klirong.localhost").get("/")
    assert page.status_code == 200
    assert "Desa Klirong" in page.get_data(as_text=True)
    assert "Layanan Mandiri" in page.get_data(as_text=True)
    assert desa.host == "klirong.kec-klirong.localhost"


def test_port_and_case_do_not_matter(buat, host_client):
    buat.desa("klirong", kecamatan=buat.kecamatan("kec-klirong", "Klirong"), nama="Klirong")
    assert host_client("KLIRONG.kec-klirong.localhost:5000").get("/").status_code == 200


def test_unknown_host_is_404_desa_tidak_ditemukan(buat, host_client):
    buat.desa("klirong")
    for host in ("nowhere.kec-x.localhost", "klirong.localhost", "example.com", "klirong.kec-1.localhost.evil.com"):
        page = host_client(host).get("/")
        assert page.status_code == 404
        assert "Desa tidak ditemukan" in page.get_data(as_text=True)
    api = host_client("nowhere.kec-x.localhost").get("/api/v1/mandiri/profil")
    assert api.status_code == 404
    assert api.get_json()["error"] == "desa_tidak_ditemukan"


def test_extra_host_name_serves_its_desa(app, buat, host_client):
    from tenants.models import DesaHost
    desa = buat.desa("sidomulyo", nama="Sidomulyo")
    with app.app_context():
        db.session.add(DesaHost(desa_id=desa.id, host="sidomulyo.id"))
        db.session.commit()
        app.extensions["desaonline.hostmap"].clear()
    page = host_client("sidomulyo.id").get("/")
    assert page.status_code == 200 and "Sidomulyo" in page.get_data(as_text=True)


def test_portal_lists_every_desa_by_kecamatan(buat, portal):
    kec = buat.kecamatan("kec-klirong", "Klirong")
    buat.desa("klirong", kecamatan=kec, nama="Klirong")
    buat.desa("jogosimo", kecamatan=kec, nama="Jogosimo")
    html = portal.get("/").get_data(as_text=True)
    assert "Kecamatan Klirong" in html
    assert "http://klirong.kec-klirong.localhost/" in html
    assert "http://jogosimo.kec-klirong.localhost/" in html


def test_desa_pages_are_not_on_the_portal_and_admin_not_on_a_desa(buat, portal, host_client):
    desa = buat.desa()
    assert portal.get("/api/v1/mandiri/profil").status_code == 404
    assert host_client(desa.host).post("/api/v1/admin/login", json={"username": "a", "password": "b"}).status_code == 404


def test_queries_are_scoped_to_the_current_desa(app, buat):
    a, b = buat.desa(), buat.desa()
    buat.operator(a, "op-a")
    buat.operator(b, "op-b")
    with app.app_context():
        with desa_scope(a.id):
            assert [o.username for o in db.session.scalars(select(Operator))] == ["op-a"]
            assert db.session.scalar(select(func.count()).select_from(Operator)) == 1
            other = db.session.scalar(select(Operator.id).execution_options(tanpa_scope=True)
                                      .where(Operator.username == "op-b"))
            assert db.session.get(Operator, other) is None  # by primary key too
        with desa_scope(b.id):
            assert [o.username for o in db.session.scalars(select(Operator))] == ["op-b"]


def test_a_row_of_another_desa_cannot_be_written(app, buat):
    a, b = buat.desa(), buat.desa()
    with app.app_context():
        with desa_scope(a.id):
            db.session.add(Operator(desa_id=b.id, username="x", password_hash="x"))
            try:
                db.session.flush()
                raise AssertionError("cross-desa write was accepted")
            except TenantViolation:
                db.session.rollback()
            op = Operator(username="y", password_hash="x")
            db.session.add(op)
            db.session.commit()
            assert op.desa_id == a.id


def test_host_lookup_needs_no_query_once_warm(app, buat, host_client):
    buat.desa("klirong")
    client = host_client(buat.desa().host)
    client.get("/")
    hostmap = app.extensions["desaonline.hostmap"]
    loads = hostmap.loads
    for _ in range(20):
        client.get("/")
    assert hostmap.loads == loads


def test_statements_built_once_are_scoped_too_and_refuse_to_run_without_a_desa(app, buat):
    a, b = buat.desa(), buat.desa()
    buat.operator(a, "op-a")
    buat.operator(b, "op-b")
    semua = berlingkup(select(Operator.username).order_by(Operator.username))
    ganti = berlingkup(update(Operator).values(nama=bindparam("n")).execution_options(synchronize_session=False))
    with app.app_context():
        with desa_scope(a.id):
            assert db.session.scalars(semua).all() == ["op-a"]
            assert db.session.execute(ganti, {"n": "Operator A"}).rowcount == 1  # op-b is not touched
            db.session.commit()
        with desa_scope(b.id):
            assert db.session.scalars(semua).all() == ["op-b"]
            assert db.session.scalar(select(Operator.nama)) is None
        with tanpa_scope(), pytest.raises(TanpaDesa):
            db.session.scalars(semua).all()


def test_orm_inserts_are_stamped_with_the_desa_and_refused_for_another(app, buat):
    a, b = buat.desa(), buat.desa()
    with app.app_context(), desa_scope(a.id):
        db.session.execute(insert(Operator), {"username": "baru", "password_hash": "x"})
        db.session.commit()
        assert db.session.scalar(select(Operator.desa_id).where(Operator.username == "baru")) == a.id
        with pytest.raises(TenantViolation):
            db.session.execute(insert(Operator), {"username": "lain", "password_hash": "x", "desa_id": b.id})
        db.session.rollback()


def test_signing_without_a_desa_fails_closed(app, buat):
    """Outside a desa's scope the signer refuses instead of taking some desa's certificate."""
    buat.desa()
    with app.app_context(), tanpa_scope(), pytest.raises(TanpaDesa):
        penanda.pilih_penanda()
