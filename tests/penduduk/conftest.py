"""A desa with its operator, logged in through the API and through the pages."""
import io

import pytest

from desaonline.penduduk.validasi import KOLOM


@pytest.fixture
def desa(buat):
    return buat.desa("klirong", kecamatan=buat.kecamatan("kec-klirong", "Klirong"), nama="Klirong")


@pytest.fixture
def situs(host_client, desa):
    return host_client(desa.host)


@pytest.fixture
def token(buat, desa, situs):
    username, password = buat.operator(desa)
    resp = situs.api("post", "/api/v1/operator/login", json={"username": username, "password": password})
    return resp.get_json()["token"]


@pytest.fixture
def operator_web(buat, desa, situs):
    """The test client, logged in on the operator's pages."""
    username, password = buat.operator(desa, "operator-web")
    assert situs.submit("/operator/masuk", {"username": username, "password": password}).status_code == 302
    return situs


def baris(nik, no_kk="3305050101200001", nama="SUGENG RIYADI", tanggal_lahir="1985-03-17", jenis_kelamin="L",
          hubungan_keluarga="KEPALA KELUARGA", **lain):
    data = {"nik": nik, "no_kk": no_kk, "nama": nama, "tempat_lahir": "KEBUMEN", "tanggal_lahir": tanggal_lahir,
            "jenis_kelamin": jenis_kelamin, "agama": "ISLAM", "status_perkawinan": "KAWIN", "pekerjaan": "PETANI",
            "hubungan_keluarga": hubungan_keluarga, "alamat": "Jl. Klirong Raya", "rt": "001", "rw": "002",
            "dusun": "KRAJAN"}
    data.update(lain)
    return data


def csv_bytes(rows, header=KOLOM, sep=","):
    lines = [sep.join(header)] + [sep.join(str(r.get(k, "")) for k in header) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


def unggah(situs, token, data, filename="penduduk.csv"):
    return situs.api("post", "/api/v1/operator/penduduk/impor", token,
                     data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data")
