"""Bad input to the real deployment (gunicorn workers on the test database, PostgreSQL in
CI): each answers 4xx the way it once broke with a 500, and a zip bomb costs a web
worker no memory (issue 10: it once pushed one from 232 to 832 MB)."""
from pathlib import Path

import pytest
import requests

from tests.penduduk.test_impor_berkas import _bom_zip

pytestmark = pytest.mark.deploy


def _puncak_rss_mb(pid):
    """A process's peak resident memory (VmHWM), in MB."""
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmHWM:"):
            return int(baris.split()[1]) / 1024
    raise AssertionError(f"no VmHWM for {pid}")


def _pekerja_web(deployment):
    pid = deployment.web.pid
    anak = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    assert anak, "gunicorn has no workers"
    return [int(p) for p in anak]


def test_bad_input_to_gunicorn_is_4xx_and_a_zip_bomb_costs_no_memory(deployment, buat):
    desa = buat.desa()
    username, password = buat.operator(desa)
    sesi = requests.Session()
    sesi.headers["Host"] = desa.host

    def url(path):
        return deployment.url("127.0.0.1", path)

    dalam = sesi.post(url("/api/v1/mandiri/login"), data="[" * 3000, headers={"Content-Type": "application/json"},
                      timeout=30)
    assert dalam.status_code == 400 and dalam.json()["error"] == "permintaan_tidak_valid"
    token = sesi.post(url("/api/v1/operator/login"), json={"username": username, "password": password},
                      timeout=30).json()["token"]
    sesi.headers["Authorization"] = f"Bearer {token}"
    assert sesi.get(url(f"/api/v1/operator/surat/{10 ** 30}"), timeout=30).status_code == 404
    halaman = sesi.get(url(f"/api/v1/operator/surat?halaman={10 ** 30}"), timeout=30)
    assert halaman.status_code == 422 and "halaman" in halaman.json()["rincian"]

    sebelum = {pid: _puncak_rss_mb(pid) for pid in _pekerja_web(deployment)}
    bom = _bom_zip()
    for _ in range(len(sebelum) * 2):  # reach every worker
        r = sesi.post(url("/api/v1/operator/penduduk/impor"), files={"file": ("penduduk.xlsx", bom)}, timeout=60)
        assert r.status_code == 422 and "terlalu besar" in r.json()["message"], r.text[:300]
    naik = {pid: _puncak_rss_mb(pid) - mb for pid, mb in sebelum.items()}
    assert max(naik.values()) < 50, naik  # MB; openpyxl opening it took ~600
