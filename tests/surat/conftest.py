"""Fixtures for the letter tests: a desa with its operator and signatories, residents
logged in through the API, and small helpers that read like the steps of the guide."""
import pytest

PIN_BARU = "482915"


class Kantor:
    """One desa as its residents and operator meet it over HTTP."""

    _kk = 0

    def __init__(self, buat, host_client, desa):
        self.buat, self.desa = buat, desa
        self.desa_kode = _kode_desa(buat.app, desa.id)
        self.web = host_client(desa.host)
        self._host_client = host_client
        self.op_user, self.op_pass = buat.operator(desa)
        self.op = self.masuk_operator()
        self.kepala = self.tambah_pejabat(nama="Sugeng Riyadi", jabatan="Kepala Desa Klirong", kepala_desa=True)
        self.sekdes = self.tambah_pejabat(nama="Rina Marlina", jabatan="Sekretaris Desa", atas_nama="a.n.")

    def klien(self):
        """Another browser on the same desa."""
        return self._host_client(self.desa.host)

    # --- logins -------------------------------------------------------------------
    def masuk_operator(self, web=None):
        r = (web or self.web).post("/api/v1/operator/login", json={"username": self.op_user, "password": self.op_pass})
        assert r.status_code == 200, r.get_json()
        return r.get_json()["token"]

    def masuk_penduduk(self, p, web=None):
        """Log in with the birth-date PIN, change it, log in again: a ready token."""
        web = web or self.web
        r = web.post("/api/v1/mandiri/login", json={"nik": p.nik, "pin": p.pin, "no_kk": p.no_kk})
        assert r.status_code == 200, r.get_json()
        token = r.get_json()["token"]
        if r.get_json().get("wajib_ganti_pin"):
            r = web.api("post", "/api/v1/mandiri/ganti-pin", token, json={"pin_lama": p.pin, "pin_baru": PIN_BARU})
            assert r.status_code == 204, r.get_json()
            p.pin = PIN_BARU
            r = web.post("/api/v1/mandiri/login", json={"nik": p.nik, "pin": p.pin})
            assert r.status_code == 200, r.get_json()
            token = r.get_json()["token"]
        return token

    def penduduk(self, **kw):
        """A new resident in a KK of their own unless ``no_kk`` is given (no login)."""
        Kantor._kk += 1
        kw.setdefault("no_kk", f"3305{self.desa.id:04d}7{Kantor._kk:07d}")
        return self.buat.penduduk(self.desa, **kw)

    def warga(self, **kw):
        """A new resident (own KK unless ``no_kk`` given), logged in: ``.token``."""
        p = self.penduduk(**kw)
        p.token = self.masuk_penduduk(p)
        return p

    def browser_penduduk(self, p):
        """A browser where the resident has logged in on the page (PIN already changed)."""
        web = self.klien()
        r = web.submit("/mandiri/masuk", {"nik": p.nik, "pin": p.pin})
        assert r.status_code == 302, r.get_data(as_text=True)
        return web

    def browser_operator(self):
        web = self.klien()
        r = web.submit("/operator/masuk", {"username": self.op_user, "password": self.op_pass})
        assert r.status_code == 302, r.get_data(as_text=True)
        return web

    # --- operator -----------------------------------------------------------------
    def tambah_pejabat(self, **data):
        data.setdefault("nip", None)
        r = self.web.api("post", "/api/v1/operator/pejabat", self.op, json=data)
        assert r.status_code == 201, r.get_json()
        return r.get_json()["id"]

    def setujui(self, surat_id, token=None, **json):
        return self.web.api("post", f"/api/v1/operator/surat/{surat_id}/setujui", token or self.op, json=json)

    def tolak(self, surat_id, alasan, token=None):
        return self.web.api("post", f"/api/v1/operator/surat/{surat_id}/tolak", token or self.op,
                            json={"alasan": alasan})

    # --- resident -----------------------------------------------------------------
    def buat_surat(self, p, jenis="surat_ket_pengantar", **data):
        body = {"jenis": jenis, "nik": p.nik, "klasifikasi": "470", "keperluan": "Mengurus KTP-el",
                "keterangan": "", "penandatangan": self.kepala, **data}
        return self.web.api("post", "/api/v1/mandiri/surat", p.token, json=body)

    def konsep(self, p, **data):
        r = self.buat_surat(p, **data)
        assert r.status_code == 201, r.get_json()
        return r.get_json()["id"]

    def ajukan(self, p, surat_id):
        return self.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/ajukan", p.token)

    def diajukan(self, p, **data):
        surat_id = self.konsep(p, **data)
        r = self.ajukan(p, surat_id)
        assert r.status_code == 200, r.get_json()
        return surat_id

    def lihat(self, p, surat_id):
        return self.web.api("get", f"/api/v1/mandiri/surat/{surat_id}", p.token)


def _kode_desa(app, desa_id):
    from desaonline.extensions import db
    from tenants.models import Desa
    with app.app_context():
        return db.session.get(Desa, desa_id).kode


@pytest.fixture
def kantor(buat, host_client):
    kec = buat.kecamatan("kec-klirong", "Klirong")
    desa = buat.desa("klirong", kecamatan=kec, nama="Klirong")
    return Kantor(buat, host_client, desa)


@pytest.fixture
def kantor_lain(buat, host_client):
    """A second desa, to show nothing crosses over."""
    return Kantor(buat, host_client, buat.desa("jogosimo", nama="Jogosimo"))



from tests.signing.conftest import pki_uji  # noqa: E402,F401  (the tests' CA, shared with the signing tests)


@pytest.fixture
def kantor_bersertifikat(kantor, pki_uji):
    """The desa with the Kepala Desa's certificate uploaded: its letters can be signed."""
    import io

    from tests.signing.conftest import SANDI
    r = kantor.web.api("post", "/api/v1/operator/sertifikat", kantor.op,
                       data={"password": SANDI, "file": (io.BytesIO(pki_uji.p12), "kades.p12")},
                       content_type="multipart/form-data")
    assert r.status_code == 201, r.get_json()
    return kantor
