"""The real deployment: gunicorn serves desa by host and a Celery worker comes up."""
import time

import pytest
import requests

pytestmark = pytest.mark.deploy


def test_gunicorn_serves_desa_and_portal_by_host(deployment, buat):
    buat.desa("klirong", kecamatan=buat.kecamatan("kec-klirong", "Klirong"), nama="Klirong")
    desa = requests.get(f"http://127.0.0.1:{deployment.port}/", headers={"Host": "klirong.kec-klirong.localhost"}, timeout=10)
    assert desa.status_code == 200 and "Desa Klirong" in desa.text
    unknown = requests.get(f"http://127.0.0.1:{deployment.port}/", headers={"Host": "lain.kec-x.localhost"}, timeout=10)
    assert unknown.status_code == 404 and "Desa tidak ditemukan" in unknown.text
    portal = requests.get(f"http://127.0.0.1:{deployment.port}/", headers={"Host": "desaonline.localhost"}, timeout=10)
    assert portal.status_code == 200 and "Kecamatan Klirong" in portal.text


def test_worker_process_starts_and_connects(deployment):
    log = deployment.workdir / "worker0.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if "ready." in log.read_text(errors="replace"):
            break
        assert deployment.workers[0].poll() is None, log.read_text()
        time.sleep(0.5)
    else:
        raise AssertionError(log.read_text())
