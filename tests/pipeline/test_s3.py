"""Signed letters in S3-compatible object storage (STORAGE_URL=s3://bucket/prefix) on a
real local S3 server (moto): signed by the task or a worker, downloaded from the web."""
import hashlib
from pathlib import Path

import pytest

from desaonline.penyimpanan import S3
from tests.pipeline.bantu import baris
from tests.services import Deployment, deployment_env
from tests.signing.alur import Alur, lewat_http
from tests.signing.conftest import SANDI
from tests.signing.validasi import sah

PREFIX = "kebumen/surat"


def _berkas_di(akar):
    akar = Path(akar)
    return sorted(p for p in akar.rglob("*") if p.is_file()) if akar.exists() else []


@pytest.fixture
def bucket(app, s3_lokal):
    """The test app keeps its files in a new bucket for this test."""
    nama = s3_lokal.bucket_baru()
    lama = app.extensions["desaonline.penyimpanan"]
    app.extensions["desaonline.penyimpanan"] = S3(nama, PREFIX, endpoint_url=s3_lokal.endpoint, region="us-east-1",
                                                  access_key=s3_lokal.KUNCI, secret_key=s3_lokal.RAHASIA)
    yield nama
    app.extensions["desaonline.penyimpanan"] = lama


def test_a_letter_signed_with_storage_url_is_kept_in_the_bucket_and_downloaded_from_it(
        app, alur, pki_uji, tugas, bucket, s3_lokal):
    a = alur()
    assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
    _, token = a.warga(nama="BUDI SANTOSO")
    sid = a.surat_diajukan(token)
    a.setujui(sid)
    sebelum = _berkas_di(app.config["STORAGE_DIR"])
    assert tugas.proses(sid, a.desa.id) == "selesai"

    s = baris(app, sid)
    assert s3_lokal.isi(bucket) == {f"{PREFIX}/{a.desa.id}/{s.pdf_sha256[:2]}/{s.pdf_sha256}.pdf"}
    assert _berkas_di(app.config["STORAGE_DIR"]) == sebelum  # nothing went to the local disk
    pdf = a.pdf(sid, token)
    assert hashlib.sha256(pdf).hexdigest() == s.pdf_sha256
    sah(pdf, pki_uji.ca)

    # The download is conditional on the letter's SHA-256 and answers byte ranges, as from disk.
    r = a.kirim("get", f"/api/v1/mandiri/surat/{sid}/pdf", token)
    assert r.headers["ETag"] == f'"{s.pdf_sha256}"' and int(r.headers["Content-Length"]) == len(pdf)


def test_the_bucket_download_answers_if_none_match_and_range(app, alur, pki_uji, tugas, bucket, host_client):
    a = alur()
    assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
    _, token = a.warga()
    sid = a.surat_diajukan(token)
    a.setujui(sid)
    tugas.proses(sid, a.desa.id)
    s = baris(app, sid)
    situs = host_client(a.desa.host)
    utuh = situs.api("get", f"/api/v1/mandiri/surat/{sid}/pdf", token)
    assert utuh.status_code == 200
    sama = situs.api("get", f"/api/v1/mandiri/surat/{sid}/pdf", token, headers={"If-None-Match": f'"{s.pdf_sha256}"'})
    assert sama.status_code == 304 and sama.data == b""
    potong = situs.api("get", f"/api/v1/mandiri/surat/{sid}/pdf", token, headers={"Range": "bytes=0-99"})
    assert potong.status_code == 206 and potong.data == utuh.data[:100]
    assert potong.headers["Content-Range"] == f"bytes 0-99/{len(utuh.data)}"


@pytest.mark.deploy
def test_web_and_worker_on_different_machines_share_only_database_broker_and_bucket(
        app, database_url, redis_url, tmp_path, run_id, s3_lokal, buat, pki_uji):
    """Two machines: the web process and the worker each have their own disk (their own
    STORAGE_DIR and instance folder); the letter the worker signs is downloaded from
    the web. Without Redis the embedded broker lives beside the database (a file next
    to the SQLite one): on PostgreSQL + Redis they share no file at all."""
    bucket = s3_lokal.bucket_baru()
    bersama = s3_lokal.env(bucket, PREFIX)
    mesin = {}
    for nama in ("web", "worker"):
        (tmp_path / nama).mkdir()
        mesin[nama] = deployment_env(database_url=database_url, redis_url=redis_url,
                                     storage_dir=tmp_path / nama / "storage", workdir=tmp_path / nama,
                                     name=f"s3-{run_id}", **bersama)
    dep = Deployment(mesin["web"], tmp_path / "web")
    try:
        dep.start_web()
        dep.start_worker(env=mesin["worker"])
        desa = buat.desa()
        a = Alur(lewat_http(dep, desa.host), buat, desa)
        assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
        _, token = a.warga(nama="BUDI SANTOSO")
        sid = a.surat_diajukan(token)
        a.setujui(sid)
        data = a.tunggu_status(sid, token, ("selesai", "gagal"), batas=90)
        assert data["status"] == "selesai", (data, (tmp_path / "web" / "worker0.log").read_text()[-3000:])
        pdf = a.pdf(sid, token)
    finally:
        dep.stop()
    s = baris(app, sid)
    assert hashlib.sha256(pdf).hexdigest() == s.pdf_sha256
    sah(pdf, pki_uji.ca)
    assert s3_lokal.isi(bucket) == {f"{PREFIX}/{s.pdf_path}"}
    for nama in ("web", "worker"):
        assert _berkas_di(tmp_path / nama / "storage") == [], nama
