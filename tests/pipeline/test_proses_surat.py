"""The signing task in this process: run it the way a worker does, on the test database.

The approval goes through the real API; the task then runs here (the deployment
tests run it in a real Celery worker).
"""
import threading
from pathlib import Path

import pytest

from desaonline.signing.bsre import Rahasia
from tests.pipeline.bantu import baris, mundurkan, pesan_antrean, riwayat
from tests.signing.conftest import SANDI
from tests.signing.validasi import sah
from workers.surat import BACKOFF


def _berkas(app, a):
    """The stored PDFs under this desa's folder (paths relative to STORAGE_DIR)."""
    akar = Path(app.config["STORAGE_DIR"])
    return {p.relative_to(akar).as_posix() for p in (akar / str(a.desa.id)).rglob("*.pdf")}


@pytest.fixture
def disetujui(alur, pki_uji):
    """A desa with a certificate and one approved letter: (alur, surat_id, resident token)."""
    def make(sertifikat=True, keperluan="Melamar pekerjaan <b>&</b>", n=1):
        a = alur()
        if sertifikat:
            assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
        _, token = a.warga(nama="BUDI SANTOSO")
        ids = []
        for _ in range(n):
            surat_id = a.surat_diajukan(token, keperluan=keperluan)
            a.setujui(surat_id)
            ids.append(surat_id)
        return a, (ids[0] if n == 1 else ids), token
    return make


def test_approved_letter_is_signed_stored_and_downloadable(app, disetujui, pki_uji, tugas):
    a, sid, token = disetujui()
    assert a.surat(sid, token)["status"] == "diproses"
    assert tugas.proses(sid, a.desa.id) == "selesai"

    data = a.surat(sid, token)
    assert data["status"] == "selesai"
    pdf = a.pdf(sid, token)
    sah(pdf, pki_uji.ca)
    s = baris(app, sid)
    import hashlib
    assert s.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    assert s.pdf_path == f"{a.desa.id}/{s.pdf_sha256[:2]}/{s.pdf_sha256}.pdf"
    assert (Path(app.config["STORAGE_DIR"]) / s.pdf_path).read_bytes() == pdf
    assert len(s.kode_verifikasi) >= 24
    assert riwayat(app, sid)[-1] == "selesai"
    # The operator downloads the same file.
    r = a.kirim("get", f"/api/v1/operator/surat/{sid}/pdf", a.op)
    assert r.status == 200 and r.body == pdf

    from pypdf import PdfReader
    import io
    teks = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert s.nomor in teks and "Melamar pekerjaan <b>&</b>" in teks and "BUDI SANTOSO" in teks


def test_running_the_task_again_changes_nothing(app, disetujui, tugas):
    a, sid, token = disetujui()
    assert tugas.proses(sid, a.desa.id) == "selesai"
    pertama = baris(app, sid)
    sebelum = _berkas(app, a)
    assert tugas.proses(sid, a.desa.id) is None
    kedua = baris(app, sid)
    assert (kedua.pdf_sha256, kedua.kode_verifikasi, kedua.percobaan) == \
           (pertama.pdf_sha256, pertama.kode_verifikasi, pertama.percobaan)
    assert riwayat(app, sid).count("selesai") == 1
    assert _berkas(app, a) == sebelum


def test_two_runs_at_once_give_one_letter(app, disetujui, tugas):
    a, sid, token = disetujui()
    sebelum = _berkas(app, a)
    hasil, galat = [], []
    mulai = threading.Barrier(2)

    def jalan():
        mulai.wait()
        try:
            hasil.append(tugas.proses(sid, a.desa.id))
        except Exception as err:  # noqa: BLE001
            galat.append(err)

    utas = [threading.Thread(target=jalan) for _ in range(2)]
    for t in utas:
        t.start()
    for t in utas:
        t.join(60)
    assert not galat, galat
    assert sorted(hasil, key=str) == [None, "selesai"]
    assert riwayat(app, sid).count("selesai") == 1
    assert _berkas(app, a) == sebelum | {baris(app, sid).pdf_path}


def test_letters_of_one_approval_only(app, disetujui, tugas):
    """A letter that is not ``diproses`` (a draft, a submitted one) is never signed."""
    a, sid, token = disetujui()
    lain = a.surat_diajukan(token)
    assert tugas.proses(lain, a.desa.id) is None
    assert baris(app, lain).status == "diajukan"
    # Nor a letter of another desa under this desa's id.
    b = type(a)(a.kirim, a.buat, a.buat.desa())
    assert tugas.proses(sid, b.desa.id) is None
    assert baris(app, sid).status == "diproses"


def test_without_certificate_it_fails_with_the_reason_and_the_operator_retries(app, disetujui, pki_uji, tugas):
    a, sid, token = disetujui(sertifikat=False)
    assert tugas.proses(sid, a.desa.id) == "gagal"
    rinci = a.kirim("get", f"/api/v1/operator/surat/{sid}", a.op).json
    assert rinci["status"] == "gagal" and "Sertifikat" in rinci["alasan_gagal"]
    assert a.surat(sid, token)["status"] == "gagal"

    assert a.kirim("post", f"/api/v1/operator/surat/{sid}/ulangi", a.op, json={}).status == 202
    assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
    assert a.surat(sid, token)["status"] == "diproses"
    assert tugas.proses(sid, a.desa.id) == "selesai"
    sah(a.pdf(sid, token), pki_uji.ca)
    assert riwayat(app, sid)[-3:] == ["gagal", "diproses", "selesai"]
    # Only a failed letter can be retried.
    r = a.kirim("post", f"/api/v1/operator/surat/{sid}/ulangi", a.op, json={})
    assert r.status == 409 and r.json["error"] == "status_tidak_sesuai"
    assert a.kirim("post", "/api/v1/operator/surat/999999/ulangi", a.op, json={}).status == 404


def test_retry_button_on_the_operator_page(app, disetujui, host_client, pki_uji, tugas):
    a, sid, token = disetujui(sertifikat=False)
    tugas.proses(sid, a.desa.id)
    klien = host_client(a.desa.host)
    klien.submit("/operator/masuk", {"username": "operator", "password": "rahasia-operator"})
    halaman = klien.get(f"/operator/surat/{sid}")
    assert halaman.status_code == 200
    teks = halaman.get_data(as_text=True)
    assert "Sertifikat tanda tangan Kepala Desa belum diunggah" in teks and "Ulangi" in teks
    r = klien.submit(f"/operator/surat/{sid}", {"kembali": f"/operator/surat/{sid}"},
                     action=f"/operator/surat/{sid}/ulangi", follow_redirects=True)
    assert r.status_code == 200 and "dikirim ulang" in r.get_data(as_text=True)
    assert baris(app, sid).status == "diproses"


def test_transient_failures_retry_with_backoff_then_gagal(app, alur, bsre, monkeypatch, tugas):
    from desaonline.signing import kunci
    a = alur()
    assert a.kirim("put", "/api/v1/operator/tanda-tangan", a.op,
                   json={"metode": "bsre", "bsre_nik": bsre.nik}).status == 200
    _, token = a.warga()
    sid = a.surat_diajukan(token)
    a.setujui(sid, passphrase=bsre.passphrase)
    bsre.mati = True
    with app.app_context():
        sandi = kunci.bungkus_rahasia(Rahasia(passphrase=bsre.passphrase))
    jeda = []
    retry = tugas.proses.retry
    monkeypatch.setattr(tugas.proses, "retry", lambda *x, **kw: jeda.append(kw["countdown"]) or retry(*x, **kw))
    # Executed eagerly, Celery runs each retry at once: 1 attempt + every retry.
    hasil = tugas.proses.apply(args=(sid, a.desa.id), kwargs={"sandi": sandi})
    assert hasil.result == "gagal"
    assert len(bsre.penandatanganan) == len(BACKOFF) + 1
    s = baris(app, sid)
    assert s.status == "gagal" and "503" in s.alasan_gagal and f"{len(BACKOFF) + 1} percobaan" in s.alasan_gagal
    assert riwayat(app, sid).count("gagal") == 1
    assert jeda == list(BACKOFF)
    assert all(detik < 600 for detik in BACKOFF)  # below the broker's visibility timeout


def test_bsre_letter_passphrase_travels_encrypted_and_is_never_stored(app, alur, bsre, pki_uji, tugas):
    from desaonline.extensions import db
    a = alur()
    a.kirim("put", "/api/v1/operator/tanda-tangan", a.op, json={"metode": "bsre", "bsre_nik": bsre.nik})
    _, token = a.warga()
    sid = a.surat_diajukan(token)
    pesan_antrean(app)  # empty the in-memory queue
    a.setujui(sid, passphrase=bsre.passphrase)
    pesan = [p for p in pesan_antrean(app) if p["headers"].get("task") == "workers.surat.proses_surat"]
    assert len(pesan) == 1
    assert bsre.passphrase not in pesan[0]["body"] and "sandi" in pesan[0]["body"]
    assert pesan[0]["headers"]["kwargsrepr"] == "{'sandi': '***'}"
    import json
    args, kwargs, _ = json.loads(pesan[0]["body"])
    assert args == [sid, a.desa.id]

    assert tugas.proses(sid, a.desa.id, **kwargs) == "selesai"
    sah(a.pdf(sid, token), pki_uji.ca)
    assert bsre.penandatanganan[-1]["passphrase"] == bsre.passphrase
    with app.app_context():
        for tabel in db.metadata.sorted_tables:
            for row in db.session.execute(tabel.select()):
                assert bsre.passphrase not in repr(tuple(row)), tabel.name


def test_bsre_letter_resent_without_passphrase_asks_for_it(app, alur, bsre, tugas):
    a = alur()
    a.kirim("put", "/api/v1/operator/tanda-tangan", a.op, json={"metode": "bsre", "bsre_nik": bsre.nik})
    _, token = a.warga()
    sid = a.surat_diajukan(token)
    a.setujui(sid, passphrase=bsre.passphrase)
    assert tugas.proses(sid, a.desa.id) == "gagal"  # e.g. re-sent by the sweeper
    assert "Passphrase" in baris(app, sid).alasan_gagal
    r = a.kirim("post", f"/api/v1/operator/surat/{sid}/ulangi", a.op, json={})
    assert r.status == 422 and r.json["error"] == "passphrase_wajib"
    assert a.kirim("post", f"/api/v1/operator/surat/{sid}/ulangi", a.op,
                   json={"passphrase": bsre.passphrase}).status == 202


def test_expired_passphrase_token_is_refused(app, alur, bsre, monkeypatch, tugas):
    from desaonline.signing import kunci
    a = alur()
    a.kirim("put", "/api/v1/operator/tanda-tangan", a.op, json={"metode": "bsre", "bsre_nik": bsre.nik})
    _, token = a.warga()
    sid = a.surat_diajukan(token)
    a.setujui(sid, passphrase=bsre.passphrase)
    with app.app_context():
        sandi = kunci.bungkus_rahasia(Rahasia(passphrase=bsre.passphrase))
    monkeypatch.setattr(kunci, "PASSPHRASE_TTL", -1)
    assert tugas.proses(sid, a.desa.id, sandi=sandi) == "gagal"
    assert "kedaluwarsa" in baris(app, sid).alasan_gagal
    assert bsre.penandatanganan == []


def test_sweeper_resends_only_letters_stuck_in_diproses(app, disetujui, tugas):
    a, (lama, baru), token = disetujui(n=2)
    pesan_antrean(app)
    mundurkan(app, lama, app.config["SURAT_MACET_DETIK"] + 5)
    assert tugas.sapu() == 1
    dikirim = [p for p in pesan_antrean(app) if p["headers"].get("task") == "workers.surat.proses_surat"]
    import json
    assert [json.loads(p["body"])[0] for p in dikirim] == [[lama, a.desa.id]]
    # Stamped: the next sweep waits another period.
    assert tugas.sapu() == 0
    assert tugas.proses(lama, a.desa.id) == "selesai"
