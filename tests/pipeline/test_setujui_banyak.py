"""Approving several letters at once: one passphrase, one task, one BSrE request on v2;
each letter its own number; a letter that cannot be approved holds back no other."""
import json

import pytest

from tests.pipeline.bantu import baris, pesan_antrean
from tests.signing.conftest import SANDI
from tests.signing.validasi import sah

PROSES, PROSES_BANYAK = "workers.surat.proses_surat", "workers.surat.proses_surat_banyak"


def _tugas(app):
    return [(p["headers"]["task"], p) for p in pesan_antrean(app)]


def _setujui_banyak(a, ids, status=202, **json_):
    return a.cek(a.kirim("post", "/api/v1/operator/surat/setujui", a.op, json={"surat": ids, **json_}), status)


def _desa_bsre(alur, palsu, n=3):
    a = alur()
    assert a.kirim("put", "/api/v1/operator/tanda-tangan", a.op,
                   json={"metode": "bsre", "bsre_nik": palsu.nik}).status == 200
    _, token = a.warga()
    return a, token, [a.surat_diajukan(token, keperluan=f"Keperluan {i}") for i in range(n)]


def test_with_the_desa_certificate_each_letter_goes_alone_to_the_workers(app, alur, pki_uji, tugas):
    a = alur()
    assert a.unggah_sertifikat(pki_uji.p12, SANDI).status == 201
    _, token = a.warga()
    ids = [a.surat_diajukan(token) for _ in range(3)]
    pesan_antrean(app)
    r = _setujui_banyak(a, ids)
    assert [d["id"] for d in r.json["disetujui"]] == ids and len({d["nomor"] for d in r.json["disetujui"]}) == 3
    dikirim = _tugas(app)
    assert [t for t, _ in dikirim] == [PROSES] * 3  # workers sign them side by side
    for sid in ids:
        assert tugas.proses(sid, a.desa.id) == "selesai"
        sah(a.pdf(sid, token), pki_uji.ca)


@pytest.mark.parametrize("versi", ["1", "2"])
def test_one_passphrase_one_task_signs_them_all(app, alur, bsre, bsre_v2, pki_uji, tugas, versi):
    palsu = bsre if versi == "1" else bsre_v2
    app.config.update(BSRE_URL=palsu.url, BSRE_VERSION=versi)
    a, token, ids = _desa_bsre(alur, palsu)
    pesan_antrean(app)
    _setujui_banyak(a, ids, passphrase=palsu.passphrase)
    ((nama, pesan),) = _tugas(app)
    assert nama == PROSES_BANYAK and pesan["headers"]["kwargsrepr"] == "{'sandi': '***'}"
    assert palsu.passphrase not in pesan["body"]
    args, kwargs, _ = json.loads(pesan["body"])
    assert args == [ids, a.desa.id]
    assert tugas.proses_banyak(*args, **kwargs) == {sid: "selesai" for sid in ids}
    for sid in ids:
        sah(a.pdf(sid, token), pki_uji.ca)
    permintaan = palsu.penandatanganan
    assert len(permintaan) == (3 if versi == "1" else 1)
    assert {p["passphrase"] for p in permintaan} == {palsu.passphrase}


def test_a_wrong_passphrase_fails_the_whole_batch_after_one_request(app, alur, bsre, tugas):
    a, _, ids = _desa_bsre(alur, bsre)
    pesan_antrean(app)
    _setujui_banyak(a, ids, passphrase="keliru")
    ((_, pesan),) = _tugas(app)
    args, kwargs, _ = json.loads(pesan["body"])
    assert tugas.proses_banyak(*args, **kwargs) == {sid: "gagal" for sid in ids}
    assert len(bsre.penandatanganan) == 1
    for sid in ids:
        assert baris(app, sid).alasan_gagal.startswith("Passphrase BSrE salah")


def test_a_letter_that_cannot_be_approved_holds_back_no_other(app, alur, bsre):
    a, token, ids = _desa_bsre(alur, bsre)
    a.kirim("post", f"/api/v1/operator/surat/{ids[1]}/tolak", a.op, json={"alasan": "Berkas kurang lengkap"})
    r = _setujui_banyak(a, [*ids, 2_000_000], passphrase=bsre.passphrase)
    assert [d["id"] for d in r.json["disetujui"]] == [ids[0], ids[2]]
    assert {d["id"]: d["error"] for d in r.json["ditolak"]} == {ids[1]: "status_tidak_sesuai",
                                                                2_000_000: "surat_tidak_ditemukan"}
    r = _setujui_banyak(a, [ids[1]], status=409, passphrase=bsre.passphrase)
    assert r.json["error"] == "status_tidak_sesuai" and str(ids[1]) in r.json["rincian"]


def test_the_batch_needs_the_passphrase_and_has_a_limit(app, alur, bsre):
    a, _, ids = _desa_bsre(alur, bsre, n=1)
    r = _setujui_banyak(a, ids, status=422)
    assert r.json["error"] == "passphrase_wajib"
    r = _setujui_banyak(a, list(range(1, 22)), status=422, passphrase="x")
    assert r.json["error"] == "jumlah_surat_tidak_valid"
    assert baris(app, ids[0]).status == "diajukan"


def test_the_queue_page_approves_the_ticked_letters_with_one_passphrase(app, host_client, buat, bsre, tugas):
    desa = buat.desa()
    username, password = buat.operator(desa)
    from tests.signing.alur import Alur, lewat_klien
    a = Alur(lewat_klien(host_client(desa.host)), buat, desa)
    a._op = a.cek(a.kirim("post", "/api/v1/operator/login", json={"username": username, "password": password}),
                  200).json["token"]
    assert a.kirim("put", "/api/v1/operator/tanda-tangan", a.op,
                   json={"metode": "bsre", "bsre_nik": bsre.nik}).status == 200
    _, token = a.warga()
    ids = [a.surat_diajukan(token, keperluan=f"Keperluan {i}") for i in range(3)]
    klien = host_client(desa.host)
    klien.submit("/operator/masuk", {"username": username, "password": password})
    teks = klien.get("/operator/surat").get_data(as_text=True)
    assert all(f'id="pilih-{sid}"' in teks for sid in ids) and "Passphrase BSrE Kepala Desa" in teks
    pesan_antrean(app)
    token_csrf = klien.csrf_token("/operator/surat")
    r = klien.post("/operator/surat/setujui", data={"csrf_token": token_csrf, "surat": [str(ids[0]), str(ids[2])],
                                                    "passphrase": bsre.passphrase}, follow_redirects=True)
    teks = r.get_data(as_text=True)
    assert r.status_code == 200 and "2 surat disetujui dengan nomor" in teks
    assert [baris(app, sid).status for sid in ids] == ["diproses", "diajukan", "diproses"]
    ((nama, pesan),) = _tugas(app)
    assert nama == PROSES_BANYAK and bsre.passphrase not in pesan["body"]


def test_a_retried_batch_still_hides_its_passphrase_token(app, alur, bsre, tugas):
    """A retry is a new broker message: its log line shows *** as the first did."""
    a, _, ids = _desa_bsre(alur, bsre, n=2)
    pesan_antrean(app)
    _setujui_banyak(a, ids, passphrase=bsre.passphrase)
    ((_, pesan),) = _tugas(app)
    args, kwargs, _ = json.loads(pesan["body"])
    bsre.mati = True
    task = tugas.proses_banyak
    task.push_request(args=args, kwargs=kwargs, retries=0, called_directly=False, is_eager=False,
                      delivery_info={"routing_key": app.extensions["celery"].conf.task_default_queue,
                                     "exchange": ""})
    try:
        from celery.exceptions import Retry
        with app.app_context(), pytest.raises(Retry):
            task.run(*args, **kwargs)
    finally:
        task.pop_request()
    ((nama, ulang),) = _tugas(app)
    assert nama == PROSES_BANYAK and ulang["headers"]["kwargsrepr"] == "{'sandi': '***'}"
    assert json.loads(ulang["body"])[1] == kwargs  # the same encrypted token, for the same approval


def test_with_api_v2_the_kepala_desa_asks_for_a_totp_and_it_signs_the_ticked_letters(app, host_client, buat,
                                                                                     bsre_v2, pki_uji, tugas):
    desa = buat.desa()
    from tests.signing.alur import Alur, lewat_klien
    a = Alur(lewat_klien(host_client(desa.host)), buat, desa)  # makes the operator and logs it in
    assert a.kirim("put", "/api/v1/operator/tanda-tangan", a.op,
                   json={"metode": "bsre", "bsre_nik": bsre_v2.nik}).status == 200
    _, token = a.warga()
    ids = [a.surat_diajukan(token, keperluan=f"Keperluan {i}") for i in range(2)]
    klien = host_client(desa.host)
    klien.submit("/operator/masuk", {"username": "operator", "password": "rahasia-operator"})
    teks = klien.get("/operator/surat").get_data(as_text=True)
    assert "Kirim kode TOTP ke email Kepala Desa" in teks and "Kode TOTP dari email BSrE" in teks
    r = klien.submit("/operator/surat", {"jumlah": "2", "kembali": "/operator/surat"}, action="/operator/sertifikat/totp",
                     follow_redirects=True)
    assert "Kode TOTP dikirim BSrE ke email Kepala Desa" in r.get_data(as_text=True)
    assert bsre_v2.permintaan[-1] == {"api": "totp-v2", "nik": bsre_v2.nik, "data": 2}
    kode, _ = bsre_v2.totp[bsre_v2.nik]  # what the Kepala Desa reads in the email
    pesan_antrean(app)
    r = klien.post("/operator/surat/setujui", data={"csrf_token": klien.csrf_token("/operator/surat"),
                                                    "surat": [str(i) for i in ids], "totp": kode},
                   follow_redirects=True)
    assert "2 surat disetujui" in r.get_data(as_text=True)
    ((_, pesan),) = _tugas(app)
    assert kode not in pesan["body"]
    args, kwargs, _ = json.loads(pesan["body"])
    assert tugas.proses_banyak(*args, **kwargs) == {sid: "selesai" for sid in ids}
    (dikirim,) = bsre_v2.penandatanganan
    assert dikirim["totp"] == kode and dikirim["jumlah_file"] == 2 and "passphrase" not in dikirim
    for sid in ids:
        sah(a.pdf(sid, token), pki_uji.ca)
