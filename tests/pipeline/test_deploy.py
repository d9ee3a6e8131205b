"""The real thing: gunicorn + ``celery -A celery_app worker`` on the test database
(and Redis when TEST_REDIS_URL is set, else kombu's SQL broker)."""
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from tests.services import ROOT, Deployment, deployment_env
from tests.signing.alur import Alur, lewat_http
from tests.signing.conftest import SANDI
from tests.signing.validasi import sah

pytestmark = pytest.mark.deploy


def _hitung(app, surat_ids, status="selesai"):
    from desaonline.extensions import db
    from desaonline.surat.models import Surat
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Surat).where(
            Surat.id.in_(surat_ids), Surat.status == status).execution_options(tanpa_scope=True))


def _siapkan(deployment, buat, pki_uji, n, slug=None):
    """A desa, its certificate uploaded through the web, ``n`` submitted letters. ``slug``:
    a host of its own, when the test before may have left the default one in the web
    server's host map (a removed desa is forgotten within TENANT_CHECK_SECONDS, not at once)."""
    desa = buat.desa(slug)
    a = Alur(lewat_http(deployment, desa.host), buat, desa)
    assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
    _, token = a.warga(nama="BUDI SANTOSO")
    return a, token, [a.surat_diajukan(token, keperluan=f"Keperluan nomor {i}") for i in range(n)]


def test_letter_approved_through_the_api_is_signed_by_the_worker(app, deployment, buat, pki_uji):
    a, token, (sid,) = _siapkan(deployment, buat, pki_uji, 1)
    r = a.setujui(sid)
    assert r.json["status"] == "diproses"
    data = a.tunggu_status(sid, token, ("selesai", "gagal"), batas=90)
    assert data["status"] == "selesai", (data, (deployment.workdir / "worker0.log").read_text()[-3000:])
    pdf = a.pdf(sid, token)
    sah(pdf, pki_uji.ca)

    from tests.pipeline.bantu import baris
    s = baris(app, sid)
    halaman = requests.get(f"http://127.0.0.1:{deployment.port}/verifikasi/{s.kode_verifikasi}",
                           headers={"Host": a.desa.host}, timeout=10)
    assert halaman.status_code == 200 and s.nomor in halaman.text and s.pdf_sha256 in halaman.text


def _penandatangan(pdf, pki_uji):
    return sah(pdf, pki_uji.ca).signing_cert.subject.native["common_name"]


def test_a_certificate_uploaded_on_the_web_signs_the_workers_very_next_letter(app, deployment, buat, pki_uji):
    """The worker keeps a desa's signing settings between letters (desaonline/surat/konteks.py);
    a new certificate, uploaded through gunicorn, another process, signs its next letter."""
    a, token, (pertama, kedua) = _siapkan(deployment, buat, pki_uji, 2, slug="ganti-sertifikat")
    a.setujui(pertama)
    assert a.tunggu_status(pertama, token, ("selesai", "gagal"), batas=90)["status"] == "selesai"
    assert _penandatangan(a.pdf(pertama, token), pki_uji) == "SITI AMINAH"

    assert a.unggah_sertifikat(pki_uji.p12_lain(nama="BAMBANG WIJAYA"), SANDI).status == 201
    a.setujui(kedua)
    data = a.tunggu_status(kedua, token, ("selesai", "gagal"), batas=90)
    assert data["status"] == "selesai", (data, (deployment.workdir / "worker0.log").read_text()[-3000:])
    assert _penandatangan(a.pdf(kedua, token), pki_uji) == "BAMBANG WIJAYA"


class DeploymentBeat(Deployment):
    """A deployment whose workers can run the beat (the sweeper) and be killed outright."""

    def start_worker(self, concurrency=1, beat=False):
        log = open(self.workdir / f"worker{len(self.workers)}.log", "ab")
        args = [sys.executable, "-m", "celery", "-A", "celery_app", "worker", "--loglevel", "INFO",
                "--concurrency", str(concurrency), "--pool", "prefork", "-n", f"w{uuid.uuid4().hex[:6]}@%h"]
        if beat:
            args += ["--beat", "--schedule", str(self.workdir / f"beat-{len(self.workers)}")]
        proc = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.workers.append(proc)
        return proc

    def sigkill(self, proc):
        """SIGKILL the worker and its pool processes at once (a crash, no clean-up)."""
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


@pytest.fixture
def deployment_sigkill(app, database_url, redis_url, tmp_path, run_id):
    # Fast recovery for the test: Redis gives back a dead worker's message after
    # 5 s; the sweeper runs every 3 s and re-sends letters idle for 15 s.
    env = deployment_env(database_url=database_url, redis_url=redis_url, storage_dir=app.config["STORAGE_DIR"],
                         workdir=tmp_path, name=f"sigkill-{run_id}",
                         CELERY_VISIBILITY_TIMEOUT="5", SAPU_SURAT_DETIK="3", SURAT_MACET_DETIK="15")
    dep = DeploymentBeat(env, tmp_path)
    dep.start_web()
    yield dep
    dep.stop()


def test_sigkill_mid_batch_still_gives_every_letter_once(app, deployment_sigkill, buat, pki_uji):
    dep = deployment_sigkill
    a, token, ids = _siapkan(dep, buat, pki_uji, 20)
    mulai = time.monotonic()
    for sid in ids:  # approved while no worker runs: the messages wait in the broker
        a.setujui(sid)
    pertama = dep.start_worker(concurrency=1)
    while _hitung(app, ids) < 2:
        assert pertama.poll() is None, (dep.workdir / "worker0.log").read_text()[-3000:]
        assert time.monotonic() - mulai < 90, (dep.workdir / "worker0.log").read_text()[-3000:]
        time.sleep(0.02)
    dep.sigkill(pertama)
    saat_mati = _hitung(app, ids)
    assert saat_mati < 20, "the worker finished before it could be killed"

    kedua = dep.start_worker(concurrency=2, beat=True)
    while _hitung(app, ids) < 20:
        log = lambda: (dep.workdir / "worker1.log").read_text()[-4000:]  # noqa: E731
        assert kedua.poll() is None, log()
        assert _hitung(app, ids, "gagal") == 0, log()
        assert time.monotonic() - mulai < 120, (saat_mati, _hitung(app, ids), log())
        time.sleep(0.5)

    from desaonline.extensions import db
    from desaonline.surat.models import RiwayatSurat, Surat
    with app.app_context():
        surat = db.session.scalars(select(Surat).where(Surat.id.in_(ids)).execution_options(tanpa_scope=True)).all()
        selesai = db.session.scalar(select(func.count()).select_from(RiwayatSurat).where(
            RiwayatSurat.surat_id.in_(ids), RiwayatSurat.status == "selesai").execution_options(tanpa_scope=True))
    assert len({s.nomor for s in surat}) == 20 and all(s.status == "selesai" for s in surat)
    assert len({s.kode_verifikasi for s in surat}) == 20
    assert selesai == 20  # one "selesai" per letter: nothing signed twice
    akar = Path(app.config["STORAGE_DIR"])
    for s in surat:
        sah((akar / s.pdf_path).read_bytes(), pki_uji.ca)
