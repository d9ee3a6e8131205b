"""Helpers for the admin pages: log in through the login form, give a desa some letters."""
import pytest
from sqlalchemy import select

from desaonline.auth.login import cek_sandi
from desaonline.extensions import db
from desaonline.operator.models import Operator
from tenants import desa_scope


def masuk(client, username, password, next_path=None):
    """Log in through /admin/masuk as a browser does; returns the response."""
    path = "/admin/masuk" + (f"?next={next_path}" if next_path else "")
    return client.submit(path, {"username": username, "password": password})


@pytest.fixture
def admin_kabupaten(buat, portal):
    username, password = buat.admin("kabupaten-admin")
    assert masuk(portal, username, password).status_code == 302
    return portal


@pytest.fixture
def surat_desa(app, buat):
    """Put ``jumlah`` letters with ``status`` into a desa (as residents and operators would have)."""
    def make(desa, status, jumlah=1):
        from desaonline.surat.models import Pejabat, Surat
        warga = buat.penduduk(desa)
        with app.app_context(), desa_scope(desa.id):
            pejabat = db.session.scalar(select(Pejabat)) or Pejabat(nama="Kepala Desa", jabatan="Kepala Desa",
                                                                    kepala_desa=True)
            db.session.add(pejabat)
            db.session.flush()
            for _ in range(jumlah):
                db.session.add(Surat(jenis="surat_ket_pengantar", pemohon_id=warga.id, subjek_id=warga.id,
                                     klasifikasi="470", keperluan="Uji", pejabat_id=pejabat.id, status=status))
            db.session.commit()
    return make


@pytest.fixture
def operator_bisa_masuk(app, host_client):
    """Whether an operator gets in with this password: through the operator login API
    when it is there, else through the same check that API uses."""
    def check(desa, username, password):
        if "operator_api.login" in app.view_functions:
            res = host_client(desa.host).post("/api/v1/operator/login",
                                              json={"username": username, "password": password})
            return res.status_code == 200
        with app.app_context(), desa_scope(desa.id):
            return cek_sandi(Operator, username, password) is not None
    return check


def operator_id(app, desa, username):
    with app.app_context(), desa_scope(desa.id):
        return db.session.scalar(select(Operator.id).where(Operator.username == username))
