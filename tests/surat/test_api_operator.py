"""The operator's letter API: the queue, review, approval with numbering, rejection, signatories."""
from datetime import datetime
from zoneinfo import ZoneInfo

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def hari_ini():
    return datetime.now(ZoneInfo("Asia/Jakarta")).date()


def test_queue_newest_first_filtered_and_paginated(kantor):
    p = kantor.warga()
    konsep = kantor.konsep(p)
    pengantar = [kantor.diajukan(p) for _ in range(3)]
    usaha = kantor.diajukan(p, jenis="surat_ket_usaha", nama_usaha="Warung", jenis_usaha="Kelontong",
                            alamat_usaha="Dusun Krajan")
    r = kantor.web.api("get", "/api/v1/operator/surat?status=diajukan", kantor.op)
    assert r.status_code == 200
    ids = [s["id"] for s in r.get_json()]
    assert ids == [usaha, *reversed(pengantar)]
    assert konsep not in ids, "a resident's draft is not the operator's business"
    assert r.get_json()[0]["pemohon"]["nik"] == p.nik and r.get_json()[0]["status"] == "diajukan"

    r = kantor.web.api("get", "/api/v1/operator/surat?status=diajukan&jenis=surat_ket_usaha", kantor.op)
    assert [s["id"] for s in r.get_json()] == [usaha]

    r = kantor.web.api("get", "/api/v1/operator/surat?status=diajukan&per_halaman=2", kantor.op)
    assert [s["id"] for s in r.get_json()] == [usaha, pengantar[2]]
    assert r.headers["X-Total-Count"] == "4" and 'rel="next"' in r.headers["Link"]
    r = kantor.web.api("get", "/api/v1/operator/surat?status=diajukan&per_halaman=2&halaman=2", kantor.op)
    assert [s["id"] for s in r.get_json()] == [pengantar[1], pengantar[0]]
    assert "Link" not in r.headers

    kantor.setujui(pengantar[0])
    r = kantor.web.api("get", "/api/v1/operator/surat?status=diproses", kantor.op)
    assert [s["id"] for s in r.get_json()] == [pengantar[0]]
    r = kantor.web.api("get", "/api/v1/operator/surat", kantor.op)
    assert len(r.get_json()) == 4 and konsep not in [s["id"] for s in r.get_json()]

    r = kantor.web.api("get", "/api/v1/operator/surat?status=konsep", kantor.op)
    assert r.status_code == 422


def test_queue_needs_an_operator(kantor):
    p = kantor.warga()
    assert kantor.web.api("get", "/api/v1/operator/surat").status_code == 401
    assert kantor.web.api("get", "/api/v1/operator/surat", p.token).status_code == 403


def test_operator_sees_the_residents_data_and_the_preview(kantor):
    kepala = kantor.warga(nama="Slamet Widodo", no_kk="3305050202020002")
    istri = kantor.penduduk(nama="Sri Wahyuni", no_kk="3305050202020002", hubungan_keluarga="ISTRI",
                            jenis_kelamin="P")
    surat_id = kantor.diajukan(kepala, nik=istri.nik)
    r = kantor.web.api("get", f"/api/v1/operator/surat/{surat_id}", kantor.op)
    assert r.status_code == 200
    body = r.get_json()
    assert body["subjek"]["nama"] == "Sri Wahyuni" and body["subjek"]["no_kk"] == "3305050202020002"
    assert body["subjek"]["hubungan_keluarga"] == "ISTRI"
    assert body["pemohon"]["nama"] == "Slamet Widodo"
    pdf = kantor.web.api("get", f"/api/v1/operator/surat/{surat_id}/pratinjau", kantor.op)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    pdf = kantor.web.api("get", f"/api/v1/operator/surat/{surat_id}/pdf", kantor.op)
    assert pdf.status_code == 409


def test_approval_numbers_the_letter_and_copies_the_signatory(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p, penandatangan=kantor.sekdes)
    r = kantor.setujui(surat_id)
    assert r.status_code == 202
    hari = hari_ini()
    nomor = f"470/001/{kantor.desa_kode}/{ROMAWI[hari.month - 1]}/{hari.year}"
    assert r.get_json() == {"id": surat_id, "status": "diproses", "nomor": nomor}

    detail = kantor.lihat(p, surat_id).get_json()
    assert detail["status"] == "diproses" and detail["nomor"] == nomor
    assert detail["tanggal_surat"] == hari.isoformat()
    assert detail["penandatangan"] == {"id": kantor.sekdes, "nama": "Rina Marlina", "jabatan": "Sekretaris Desa",
                                       "atas_nama": "a.n."}
    assert [h["status"] for h in detail["riwayat"]] == ["konsep", "diajukan", "diproses"]
    assert detail["riwayat"][-1]["aktor"] == "operator" and nomor in detail["riwayat"][-1]["catatan"]

    # A later change of official does not rewrite an approved letter.
    web = kantor.browser_operator()
    r = web.submit(f"/operator/pengaturan/pejabat/{kantor.sekdes}", {"nama": "Pejabat Baru", "jabatan": "Sekretaris Desa",
                                                          "nip": "", "atas_nama": "a.n.", "aktif": "y"})
    assert r.status_code == 302
    assert kantor.lihat(p, surat_id).get_json()["penandatangan"]["nama"] == "Rina Marlina"


def test_state_machine_cannot_be_skipped(kantor):
    p = kantor.warga()
    konsep = kantor.konsep(p)
    r = kantor.setujui(konsep)
    assert r.status_code == 409 and r.get_json()["error"] == "status_tidak_sesuai"
    assert kantor.tolak(konsep, "Tidak lengkap").status_code == 409
    assert kantor.lihat(p, konsep).get_json()["status"] == "konsep"

    surat_id = kantor.diajukan(p)
    assert kantor.setujui(surat_id).status_code == 202
    again = kantor.setujui(surat_id)
    assert again.status_code == 409 and "diproses" in again.get_json()["message"]
    assert kantor.tolak(surat_id, "Terlambat").status_code == 409

    ditolak = kantor.diajukan(p)
    assert kantor.tolak(ditolak, "Data tidak sesuai KK").status_code == 200
    assert kantor.setujui(ditolak).status_code == 409
    assert kantor.ajukan(p, ditolak).status_code == 409
    assert kantor.setujui(999999).status_code == 404


def test_rejection_needs_a_reason(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    r = kantor.tolak(surat_id, "  ")
    assert r.status_code == 422 and r.get_json()["error"] == "alasan_wajib"
    assert kantor.web.api("post", f"/api/v1/operator/surat/{surat_id}/tolak", kantor.op, json={}).status_code == 422
    assert kantor.lihat(p, surat_id).get_json()["status"] == "diajukan"


def test_pejabat_list_and_create(kantor):
    r = kantor.web.api("get", "/api/v1/operator/pejabat", kantor.op)
    assert r.status_code == 200
    assert [(x["nama"], x["jabatan"]) for x in r.get_json()] == [
        ("Sugeng Riyadi", "Kepala Desa Klirong"), ("Rina Marlina", "Sekretaris Desa")]
    assert {"id", "nama", "jabatan"} <= set(r.get_json()[0])
    r = kantor.web.api("post", "/api/v1/operator/pejabat", kantor.op,
                       json={"nama": "Joko", "jabatan": "Kasi Pelayanan", "nip": "19800101 200501 1 001",
                             "atas_nama": "u.b."})
    assert r.status_code == 201 and isinstance(r.get_json()["id"], int)
    r = kantor.web.api("post", "/api/v1/operator/pejabat", kantor.op, json={"nama": "", "jabatan": "x", "nip": "abc"})
    assert r.status_code == 422 and set(r.get_json()["rincian"]) == {"nama", "nip"}
    assert len(kantor.web.api("get", "/api/v1/operator/pejabat", kantor.op).get_json()) == 3


def test_pejabat_of_another_desa_cannot_sign(kantor, kantor_lain):
    p = kantor.warga()
    r = kantor.buat_surat(p, penandatangan=kantor_lain.kepala)
    assert r.status_code == 422 and "penandatangan" in r.get_json()["rincian"]
    assert kantor.web.api("get", "/api/v1/operator/pejabat", kantor_lain.op).status_code == 401


def test_openapi_documents_every_letter_endpoint(kantor):
    spec = kantor.web.get("/api/v1/openapi.json").get_json()
    paths = spec["paths"]
    for path, method in (("/api/v1/mandiri/jenis-surat", "get"), ("/api/v1/mandiri/surat", "post"),
                         ("/api/v1/mandiri/surat", "get"), ("/api/v1/mandiri/surat/{surat_id}", "get"),
                         ("/api/v1/mandiri/surat/{surat_id}", "patch"), ("/api/v1/mandiri/surat/{surat_id}", "delete"),
                         ("/api/v1/mandiri/surat/{surat_id}/pratinjau", "get"),
                         ("/api/v1/mandiri/surat/{surat_id}/ajukan", "post"),
                         ("/api/v1/mandiri/surat/{surat_id}/batalkan", "post"),
                         ("/api/v1/mandiri/surat/{surat_id}/pdf", "get"),
                         ("/api/v1/operator/surat", "get"), ("/api/v1/operator/surat/{surat_id}", "get"),
                         ("/api/v1/operator/surat/{surat_id}/pratinjau", "get"),
                         ("/api/v1/operator/surat/{surat_id}/pdf", "get"),
                         ("/api/v1/operator/surat/{surat_id}/setujui", "post"),
                         ("/api/v1/operator/surat/{surat_id}/tolak", "post"),
                         ("/api/v1/operator/pejabat", "get"), ("/api/v1/operator/pejabat", "post")):
        assert method in paths.get(path, {}), (method, path)
    body = paths["/api/v1/mandiri/surat"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "$ref" in body
    assert "application/pdf" in paths["/api/v1/mandiri/surat/{surat_id}/pratinjau"]["get"]["responses"]["200"]["content"]
