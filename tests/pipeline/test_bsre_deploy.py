"""BSrE through the real deployment: gunicorn and a Celery worker (PostgreSQL and Redis
in CI) signing against the stand-in esign client, the kabupaten's (API v1, from the
environment) and a desa's own (a v2-only deployment, set through the API)."""
from urllib.parse import urlsplit

import pytest

from tests.services import Deployment, deployment_env
from tests.signing.alur import Alur, lewat_http
from tests.signing.bsre_palsu import BsrePalsu
from tests.signing.validasi import sah

pytestmark = pytest.mark.deploy


@pytest.fixture(scope="module")
def esign(pki_uji):
    """The kabupaten's esign client (v1) and a desa's own (v2 only)."""
    kabupaten = BsrePalsu(pki_uji.ca_key, pki_uji.ca)
    desa = BsrePalsu(pki_uji.ca_key, pki_uji.ca, hanya_v2=True)
    yield kabupaten, desa
    kabupaten.stop()
    desa.stop()


@pytest.fixture
def dep(app, database_url, redis_url, tmp_path, run_id, esign, buat):
    """A desa, then gunicorn and a worker: started after the desa exists, so every web
    process knows its host from its first request (no waiting for a host map to expire)."""
    kabupaten, _ = esign
    desa = buat.desa()
    env = deployment_env(database_url=database_url, redis_url=redis_url, storage_dir=app.config["STORAGE_DIR"],
                         workdir=tmp_path, name=f"bsre-{run_id}", BSRE_URL=kabupaten.url,
                         BSRE_USERNAME=kabupaten.USER, BSRE_PASSWORD=kabupaten.PASSWORD, BSRE_VERSION="1",
                         BSRE_HOST_DESA="127.0.0.1")
    d = Deployment(env, tmp_path)
    d.start_web()
    d.start_worker()
    d.alur = Alur(lewat_http(d, desa.host), buat, desa)
    yield d
    d.stop()


def _log(dep):
    return "".join(p.read_text(errors="replace") for p in dep.workdir.glob("*.log"))


def _desa_bsre(dep, nik):
    a = dep.alur
    r = a.kirim("put", "/api/v1/operator/tanda-tangan", a.op, json={"metode": "bsre", "bsre_nik": nik})
    assert r.status == 200, r.body
    return a


def _selesai(a, dep, sid, token, esign_ca):
    data = a.tunggu_status(sid, token, ("selesai", "gagal"), batas=90)
    assert data["status"] == "selesai", (data, _log(dep)[-3000:])
    sah(a.pdf(sid, token), esign_ca)
    return data


def test_v1_kabupaten_esign_client_signs_a_letter_approved_through_the_api(dep, esign, pki_uji):
    kabupaten, _ = esign
    a = _desa_bsre(dep, kabupaten.nik)
    _, token = a.warga()
    sid = a.surat_diajukan(token)
    a.setujui(sid, passphrase=kabupaten.passphrase)
    data = _selesai(a, dep, sid, token, pki_uji.ca)
    dikirim = kabupaten.penandatanganan[-1]
    assert dikirim["api"] == "sign-v1" and dikirim["image"] == "false"
    tautan = urlsplit(dikirim["linkQR"])  # the letter's own verification page (scheme as the approval came)
    assert (tautan.hostname, tautan.path) == (a.desa.host, f"/verifikasi/{data['kode_verifikasi']}")
    assert all(dikirim[k].isdigit() for k in ("page", "xAxis", "yAxis", "width", "height"))
    assert kabupaten.passphrase not in _log(dep)


def test_v2_only_desa_esign_client_signs_letters_approved_together(dep, esign, pki_uji):
    kabupaten, milik_desa = esign
    a = dep.alur
    r = a.kirim("put", "/api/v1/operator/tanda-tangan/esign-client", a.op,
                json={"url": milik_desa.url, "versi": "2", "username": milik_desa.USER,
                      "password": milik_desa.PASSWORD})
    assert r.status == 200 and r.json["bsre_esign_client"] == "desa"
    assert a.kirim("put", "/api/v1/operator/tanda-tangan", a.op,
                   json={"metode": "bsre", "bsre_nik": milik_desa.nik}).status == 200
    _, token = a.warga()
    ids = [a.surat_diajukan(token, keperluan=f"Keperluan {i}") for i in range(3)]
    sebelum = len(kabupaten.permintaan)
    r = a.cek(a.kirim("post", "/api/v1/operator/surat/setujui", a.op,
                      json={"surat": ids, "passphrase": milik_desa.passphrase}), 202)
    assert [d["id"] for d in r.json["disetujui"]] == ids and r.json["ditolak"] == []
    assert len({d["nomor"] for d in r.json["disetujui"]}) == 3
    for sid in ids:
        _selesai(a, dep, sid, token, pki_uji.ca)
    (dikirim,) = milik_desa.penandatanganan
    assert dikirim["api"] == "sign-v2" and dikirim["jumlah_file"] == 3
    assert len(kabupaten.permintaan) == sebelum  # the kabupaten's esign client saw nothing of it
    assert milik_desa.passphrase not in _log(dep) and milik_desa.PASSWORD not in _log(dep)


def test_a_wrong_passphrase_ends_gagal_with_the_reason_the_operator_sees(dep, esign):
    kabupaten, _ = esign
    a = _desa_bsre(dep, kabupaten.nik)
    _, token = a.warga()
    ids = [a.surat_diajukan(token, keperluan=f"Keperluan {i}") for i in range(2)]
    sebelum = len(kabupaten.penandatanganan)
    a.cek(a.kirim("post", "/api/v1/operator/surat/setujui", a.op,
                  json={"surat": ids, "passphrase": "passphrase-keliru"}), 202)
    for sid in ids:
        assert a.tunggu_status(sid, token, ("selesai", "gagal"), batas=90)["status"] == "gagal"
        rinci = a.cek(a.kirim("get", f"/api/v1/operator/surat/{sid}", a.op), 200).json
        assert rinci["alasan_gagal"].startswith("Passphrase BSrE salah"), rinci
    # Sent once for the whole approval, and never retried: BSrE may lock a certificate.
    assert len(kabupaten.penandatanganan) == sebelum + 1
    assert "passphrase-keliru" not in _log(dep)
