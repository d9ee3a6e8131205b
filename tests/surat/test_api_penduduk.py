"""The resident's letter API: types, drafts, preview, submission, cancellation."""
import io

from pypdf import PdfReader


def teks_pdf(isi):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(isi)).pages)


def test_jenis_surat_lists_at_least_23_types_with_their_fields(kantor):
    p = kantor.warga()
    r = kantor.web.api("get", "/api/v1/mandiri/jenis-surat", p.token)
    assert r.status_code == 200
    jenis = {j["kode"]: j for j in r.get_json()}
    assert len(jenis) >= 23
    assert jenis["surat_ket_pengantar"]["nama"] == "Surat Keterangan Pengantar"
    usaha = {f["nama"]: f for f in jenis["surat_ket_usaha"]["fields"]}
    assert usaha["nama_usaha"]["label"] == "Nama Usaha" and usaha["nama_usaha"]["wajib"] is True
    for nama in ("Keterangan Usaha", "Domisili", "Tidak Mampu", "SKCK", "Kelahiran", "Kematian", "Pindah",
                 "Jual Beli", "Beda Identitas", "Kuasa", "Wali Hakim", "Kepemilikan Tanah"):
        assert any(nama in j["nama"] for j in jenis.values()), nama


def test_draft_submit_and_history(kantor):
    p = kantor.warga(nama="Siti Aminah")
    r = kantor.buat_surat(p)
    assert r.status_code == 201
    assert r.get_json() == {"id": r.get_json()["id"], "status": "konsep"}
    surat_id = r.get_json()["id"]

    detail = kantor.lihat(p, surat_id).get_json()
    assert detail["status"] == "konsep" and detail["nomor"] is None
    assert detail["subjek"] == {"nik": p.nik, "nama": "Siti Aminah"}
    assert [h["status"] for h in detail["riwayat"]] == ["konsep"]

    r = kantor.ajukan(p, surat_id)
    assert r.status_code == 200 and r.get_json()["status"] == "diajukan"
    detail = kantor.lihat(p, surat_id).get_json()
    assert detail["nomor"] is None, "the number is given at approval, never at submission"
    assert [h["status"] for h in detail["riwayat"]] == ["konsep", "diajukan"]
    assert detail["riwayat"][1]["aktor"] == "penduduk" and detail["riwayat"][1]["waktu"]

    daftar = kantor.web.api("get", "/api/v1/mandiri/surat", p.token)
    assert daftar.status_code == 200 and daftar.headers["X-Total-Count"] == "1"
    assert [s["id"] for s in daftar.get_json()] == [surat_id]


def test_letter_for_a_family_member(kantor):
    kepala = kantor.warga(no_kk="3305050101010001")
    anak = kantor.penduduk(no_kk="3305050101010001", nama="Anak Kepala",
                                hubungan_keluarga="ANAK", tanggal_lahir="2005-06-01")
    surat_id = kantor.konsep(kepala, nik=anak.nik)
    assert kantor.lihat(kepala, surat_id).get_json()["subjek"]["nama"] == "Anak Kepala"


def test_letter_for_someone_outside_the_kk_is_refused(kantor, kantor_lain):
    p = kantor.warga()
    tetangga = kantor.penduduk()        # same desa, another KK
    di_desa_lain = kantor_lain.penduduk()
    for nik in (tetangga.nik, di_desa_lain.nik, "3305999999999999"):
        r = kantor.buat_surat(p, nik=nik)
        assert r.status_code == 422
        assert r.get_json()["error"] == "nik_bukan_anggota_keluarga"
        assert "rincian" in r.get_json() and "nik" in r.get_json()["rincian"]
    assert kantor.web.api("get", "/api/v1/mandiri/surat", p.token).get_json() == []


def test_bad_input_gets_indonesian_messages_and_changes_nothing(kantor):
    p = kantor.warga()
    r = kantor.buat_surat(p, jenis="surat_ket_usaha", keperluan="", klasifikasi="abc", penandatangan=99999,
                          mulai_usaha="dua ribu")
    assert r.status_code == 422
    rincian = r.get_json()["rincian"]
    assert set(rincian) >= {"keperluan", "klasifikasi", "penandatangan", "nama_usaha", "mulai_usaha"}
    assert "wajib diisi" in rincian["nama_usaha"]
    assert kantor.buat_surat(p, jenis="surat_tidak_ada").get_json()["error"] == "jenis_tidak_tersedia"
    assert kantor.buat_surat(p, isian_asing="x").status_code == 422
    assert kantor.web.api("get", "/api/v1/mandiri/surat", p.token).get_json() == []


def test_type_fields_are_checked_and_stored(kantor):
    p = kantor.warga()
    surat_id = kantor.konsep(p, jenis="surat_ket_usaha", nama_usaha="Warung Bu Siti", jenis_usaha="Warung kelontong",
                             alamat_usaha="RT 001 RW 002 Dusun Krajan", mulai_usaha="2019")
    detail = kantor.lihat(p, surat_id).get_json()
    assert detail["data"] == {"nama_usaha": "Warung Bu Siti", "jenis_usaha": "Warung kelontong",
                              "alamat_usaha": "RT 001 RW 002 Dusun Krajan", "mulai_usaha": "2019"}


def test_edit_and_delete_a_draft(kantor):
    p = kantor.warga()
    surat_id = kantor.konsep(p)
    r = kantor.web.api("patch", f"/api/v1/mandiri/surat/{surat_id}", p.token,
                       json={"keperluan": "Membuka rekening bank", "penandatangan": kantor.sekdes})
    assert r.status_code == 200
    assert r.get_json()["keperluan"] == "Membuka rekening bank"
    assert r.get_json()["penandatangan"]["id"] == kantor.sekdes
    assert r.get_json()["klasifikasi"] == "470", "fields not given keep their value"
    r = kantor.web.api("delete", f"/api/v1/mandiri/surat/{surat_id}", p.token)
    assert r.status_code == 204
    assert kantor.lihat(p, surat_id).status_code == 404


def test_submitted_letter_cannot_be_edited_deleted_or_submitted_again(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    r = kantor.web.api("patch", f"/api/v1/mandiri/surat/{surat_id}", p.token, json={"keperluan": "Lain"})
    assert r.status_code == 409 and r.get_json()["error"] == "status_tidak_sesuai"
    assert "diajukan" in r.get_json()["message"]
    assert kantor.web.api("delete", f"/api/v1/mandiri/surat/{surat_id}", p.token).status_code == 409
    assert kantor.ajukan(p, surat_id).status_code == 409
    assert kantor.lihat(p, surat_id).get_json()["keperluan"] == "Mengurus KTP-el"


def test_cancel_before_approval_only(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    r = kantor.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/batalkan", p.token, json={})
    assert r.status_code == 200 and r.get_json()["status"] == "dibatalkan"
    assert kantor.setujui(surat_id).status_code == 409

    disetujui = kantor.diajukan(p)
    assert kantor.setujui(disetujui).status_code == 202
    r = kantor.web.api("post", f"/api/v1/mandiri/surat/{disetujui}/batalkan", p.token)
    assert r.status_code == 409
    assert kantor.lihat(p, disetujui).get_json()["status"] == "diproses"


def test_another_residents_request_is_invisible_and_untouchable(kantor):
    pemilik, orang_lain = kantor.warga(), kantor.warga()
    konsep = kantor.konsep(pemilik)
    diajukan = kantor.diajukan(pemilik)
    for surat_id in (konsep, diajukan):
        base = f"/api/v1/mandiri/surat/{surat_id}"
        for method, path, body in (("get", base, None), ("patch", base, {"keperluan": "dirusak"}),
                                   ("delete", base, None), ("get", base + "/pratinjau", None),
                                   ("post", base + "/ajukan", None), ("post", base + "/batalkan", {}),
                                   ("get", base + "/pdf", None)):
            r = kantor.web.api(method, path, orang_lain.token, json=body)
            assert r.status_code == 404, (method, path, r.status_code)
            assert r.get_json()["error"] == "surat_tidak_ditemukan"
    assert kantor.web.api("get", "/api/v1/mandiri/surat", orang_lain.token).get_json() == []
    assert kantor.lihat(pemilik, konsep).get_json()["keperluan"] == "Mengurus KTP-el"
    assert kantor.lihat(pemilik, diajukan).get_json()["status"] == "diajukan"


def test_requests_of_one_desa_are_not_seen_from_another(kantor, kantor_lain):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    r = kantor_lain.web.api("get", f"/api/v1/operator/surat/{surat_id}", kantor_lain.op)
    assert r.status_code == 404
    assert kantor_lain.web.api("get", "/api/v1/operator/surat", kantor_lain.op).get_json() == []
    # the resident's token is refused on the other desa's host
    assert kantor_lain.web.api("get", f"/api/v1/mandiri/surat/{surat_id}", p.token).status_code == 401


def test_preview_is_a_pdf_marked_konsep(kantor):
    p = kantor.warga(nama="Budi Santoso")
    surat_id = kantor.konsep(p, keperluan="Melamar pekerjaan")
    r = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pratinjau", p.token)
    assert r.status_code == 200 and r.mimetype == "application/pdf"
    teks = teks_pdf(r.data)
    assert "KONSEP" in teks
    assert "SURAT KETERANGAN PENGANTAR" in teks
    assert "Budi Santoso" in teks and p.nik in teks and "Melamar pekerjaan" in teks
    assert "Sugeng Riyadi" in teks


def test_markup_typed_by_a_resident_reaches_the_pdf_as_text(kantor):
    p = kantor.warga()
    keperluan = "Daftar <b>sekolah</b> & <font color='red'>beasiswa</font>"
    keterangan = "A & B <br/> <para>x</para> &amp; <i>miring</i>"
    surat_id = kantor.konsep(p, keperluan=keperluan, keterangan=keterangan)
    r = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pratinjau", p.token)
    assert r.status_code == 200
    teks = " ".join(teks_pdf(r.data).split())
    assert "Daftar <b>sekolah</b> & <font color='red'>beasiswa</font>" in teks
    assert "A & B <br/> <para>x</para> &amp; <i>miring</i>" in teks


def test_pdf_before_selesai_is_409(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    r = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pdf", p.token)
    assert r.status_code == 409 and r.get_json()["error"] == "surat_belum_selesai"


def test_rejection_reason_is_visible_to_the_resident(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    r = kantor.tolak(surat_id, "Foto KTP belum dilampirkan; silakan ajukan lagi.")
    assert r.status_code == 200 and r.get_json()["status"] == "ditolak"
    detail = kantor.lihat(p, surat_id).get_json()
    assert detail["status"] == "ditolak"
    assert detail["alasan_tolak"] == "Foto KTP belum dilampirkan; silakan ajukan lagi."
    assert detail["riwayat"][-1]["aktor"] == "operator"
    assert detail["riwayat"][-1]["catatan"] == "Foto KTP belum dilampirkan; silakan ajukan lagi."

    salinan = kantor.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/salin", p.token)
    assert salinan.status_code == 201 and salinan.get_json()["status"] == "konsep"
    assert kantor.lihat(p, salinan.get_json()["id"]).get_json()["keperluan"] == detail["keperluan"]


def test_resident_endpoints_need_a_changed_pin(kantor):
    p = kantor.penduduk()
    r = kantor.web.post("/api/v1/mandiri/login", json={"nik": p.nik, "pin": p.pin, "no_kk": p.no_kk})
    token = r.get_json()["token"]
    r = kantor.web.api("get", "/api/v1/mandiri/jenis-surat", token)
    assert r.status_code == 403 and r.get_json()["error"] == "pin_change_required"
    assert kantor.web.api("get", "/api/v1/mandiri/jenis-surat").status_code == 401
