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
    """Put ``jumlah`` letters with ``status`` into a desa (as residents and operators would have),
    made at ``dibuat``, submitted at ``diajukan`` and signed at ``selesai`` when given."""
    def make(desa, status, jumlah=1, jenis="surat_ket_pengantar", dibuat=None, diajukan=None, selesai=None):
        from desaonline.surat.models import Pejabat, Surat
        warga = buat.penduduk(desa)
        with app.app_context(), desa_scope(desa.id):
            pejabat = db.session.scalar(select(Pejabat)) or Pejabat(nama="Kepala Desa", jabatan="Kepala Desa",
                                                                    kepala_desa=True)
            db.session.add(pejabat)
            db.session.flush()
            for _ in range(jumlah):
                waktu = {k: v for k, v in (("dibuat", dibuat), ("diajukan", diajukan), ("selesai", selesai)) if v}
                db.session.add(Surat(jenis=jenis, pemohon_id=warga.id, subjek_id=warga.id, klasifikasi="470",
                                     keperluan="Uji", pejabat_id=pejabat.id, status=status, **waktu))
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


@pytest.fixture
def siapkan(app, buat):
    """Make a desa ready as its operator would: a certificate (valid ``hari`` more days),
    a signatory, a saved letterhead, ``penduduk`` residents of whom ``mandiri`` chose their PIN."""
    from datetime import timedelta

    from desaonline.penduduk.models import Penduduk
    from desaonline.signing.models import SertifikatDesa
    from desaonline.surat.models import Pejabat, PengaturanSurat
    from desaonline.waktu import sekarang

    def make(desa, hari=365, pejabat=True, kop=True, penduduk=2, mandiri=1):
        warga = [buat.penduduk(desa) for _ in range(penduduk)]
        with app.app_context(), desa_scope(desa.id):
            if hari is not None:
                db.session.add(SertifikatDesa(
                    p12_terenkripsi=b"-", sandi_terenkripsi=b"-", subjek="CN=Kepala Desa", penerbit="CN=Uji",
                    serial="1", sidik_sha256="0" * 64, berlaku_mulai=sekarang() - timedelta(days=30),
                    berlaku_sampai=sekarang() + timedelta(days=hari)))
            if pejabat:
                db.session.add(Pejabat(nama="Kepala Desa", jabatan="Kepala Desa", kepala_desa=True))
            if kop:
                db.session.add(PengaturanSurat(kop_kabupaten="PEMERINTAH KABUPATEN KEBUMEN", kop_kecamatan="KEC",
                                               kop_desa="DESA", tempat_surat="Desa"))
            for w in warga[:mandiri]:
                db.session.get(Penduduk, w.id).wajib_ganti_pin = False
            db.session.commit()
        return warga
    return make
