"""Operators and admins: ten wrong passwords lock the account in the database, like a
resident's PIN; the right password is refused until the lock ends (issue 10)."""
import pytest

from tests.conftest import HostClient


def _app_lain(app):
    """Another web process on the same database (its rate-limit memory is empty)."""
    from desaonline import create_app
    lain = create_app("testing", {"SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                                  "STORAGE_DIR": app.config["STORAGE_DIR"]})
    lain.extensions["celery"].conf.broker_url = "memory://"
    app.extensions["celery"].set_default()
    return lain


def _masuk(klien, path, username, password):
    return klien.post(path, json={"username": username, "password": password})


@pytest.fixture
def desa(buat):
    return buat.desa()


def test_ten_wrong_passwords_lock_an_operator_across_processes(app, buat, desa, host_client, portal):
    username, password = buat.operator(desa)
    situs = host_client(desa.host)
    for _ in range(10):
        assert _masuk(situs, "/api/v1/operator/login", username, "salah-sekali").status_code == 401
    kunci = _masuk(situs, "/api/v1/operator/login", username, password)
    assert kunci.status_code == 429 and kunci.get_json()["error"] == "akun_terkunci"
    assert 240 <= int(kunci.headers["Retry-After"]) <= 300
    lain = HostClient(_app_lain(app), desa.host)
    assert _masuk(lain, "/api/v1/operator/login", username, password).status_code == 429
    page = lain.submit("/operator/masuk", {"username": username, "password": password})
    assert page.status_code == 429 and "dikunci sementara" in page.get_data(as_text=True)

    # the admin's password reset unlocks it
    from desaonline.admin.layanan import cari_operator, reset_sandi_operator
    from desaonline.extensions import db
    from tenants.models import Desa
    with app.app_context():
        operator = cari_operator(db.session.get(Desa, desa.id), 1) or None
        from desaonline.operator.models import Operator
        from tenants import desa_scope
        with desa_scope(desa.id):
            operator = db.session.scalars(db.select(Operator)).one()
        reset_sandi_operator(operator, "sandi-baru-123")
    assert _masuk(situs, "/api/v1/operator/login", username, "sandi-baru-123").status_code == 200


def test_ten_wrong_passwords_lock_an_admin(app, buat, portal):
    username, password = buat.admin()
    for _ in range(10):
        assert _masuk(portal, "/api/v1/admin/login", username, "salah-sekali").status_code == 401
    assert _masuk(portal, "/api/v1/admin/login", username, password).status_code == 429
    lain = HostClient(_app_lain(app), "desaonline.localhost")
    assert _masuk(lain, "/api/v1/admin/login", username, password).status_code == 429


def test_an_unknown_username_is_locked_like_a_real_one(buat, desa, host_client):
    username, _ = buat.operator(desa)
    situs = host_client(desa.host)
    for nama in ("bukan-siapa-siapa", username):
        for _ in range(10):
            assert _masuk(situs, "/api/v1/operator/login", nama, "salah-sekali").status_code == 401
    asing = _masuk(situs, "/api/v1/operator/login", "bukan-siapa-siapa", "salah-sekali")
    nyata = _masuk(situs, "/api/v1/operator/login", username, "salah-sekali")
    assert asing.status_code == nyata.status_code == 429
    assert asing.get_json() == nyata.get_json()


def test_a_right_password_resets_the_count(buat, desa, host_client):
    username, password = buat.operator(desa)
    situs = host_client(desa.host)
    for _ in range(2):
        for _ in range(9):
            assert _masuk(situs, "/api/v1/operator/login", username, "salah-sekali").status_code == 401
        assert _masuk(situs, "/api/v1/operator/login", username, password).status_code == 200
