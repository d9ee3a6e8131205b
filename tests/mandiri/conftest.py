"""A desa with a resident and a family, as the resident tests need them."""
import pytest


@pytest.fixture
def desa(buat):
    return buat.desa("klirong", kecamatan=buat.kecamatan("kec-klirong", "Klirong"), nama="Klirong",
                     wa="081227000101")


@pytest.fixture
def warga(buat, desa):
    """Head of a KK (born 17 March 1985) with a wife and a child."""
    kepala = buat.penduduk(desa, nik="3305051703850001", no_kk="3305050101200001", nama="SUGENG RIYADI",
                           tanggal_lahir="1985-03-17")
    buat.penduduk(desa, nik="3305055208880002", no_kk=kepala.no_kk, nama="SITI MARYAM",
                  tanggal_lahir="1988-08-12", jenis_kelamin="P", hubungan_keluarga="ISTRI")
    buat.penduduk(desa, nik="3305051005120003", no_kk=kepala.no_kk, nama="BAYU SAPUTRA",
                  tanggal_lahir="2012-05-10", hubungan_keluarga="ANAK")
    return kepala


@pytest.fixture
def situs(host_client, desa):
    return host_client(desa.host)


def login(situs, nik, pin, no_kk=None):
    body = {"nik": nik, "pin": pin} | ({"no_kk": no_kk} if no_kk else {})
    return situs.api("post", "/api/v1/mandiri/login", json=body)


@pytest.fixture
def token_baru(situs, warga):
    """A token of the resident after the forced PIN change (new PIN 246813)."""
    token = login(situs, warga.nik, warga.pin, warga.no_kk).get_json()["token"]
    resp = situs.api("post", "/api/v1/mandiri/ganti-pin", token, json={"pin_lama": warga.pin, "pin_baru": "246813"})
    assert resp.status_code == 204, resp.get_json()
    return token
