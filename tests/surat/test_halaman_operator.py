"""The operator's pages: the queue, the review (Setujui / Tolak with Alasan), settings, signatories."""
import io
import re

from desaonline.surat.demo import logo_png


def test_queue_page_newest_first_with_filters_and_pages(kantor):
    p = kantor.warga(nama="Warga Antre")
    lama = kantor.diajukan(p, keperluan="Permohonan pertama")
    baru = kantor.diajukan(p, keperluan="Permohonan kedua", **{"jenis": "surat_ket_domisili"})
    kantor.konsep(p, keperluan="Masih konsep")
    web = kantor.browser_operator()
    html = web.get("/operator/surat").get_data(as_text=True)
    assert "Antrean Surat" in html and "2 permohonan berstatus diajukan" in html
    assert html.index(f"/operator/surat/{baru}") < html.index(f"/operator/surat/{lama}")
    assert "Masih konsep" not in html
    assert "Warga Antre" in html

    html = web.get("/operator/surat?status=diajukan&jenis=surat_ket_domisili").get_data(as_text=True)
    assert f"/operator/surat/{baru}" in html and f"/operator/surat/{lama}" not in html
    assert '<option selected value="surat_ket_domisili">' in html or 'value="surat_ket_domisili" selected' in html

    for _ in range(21):
        kantor.diajukan(p)
    html = web.get("/operator/surat").get_data(as_text=True)
    assert "Halaman 1 dari 2" in html and 'rel="next"' in html
    assert "Halaman 2 dari 2" in web.get("/operator/surat?status=diajukan&halaman=2").get_data(as_text=True)


def test_review_page_shows_the_resident_preview_and_both_actions(kantor):
    p = kantor.warga(nama="Sri Rahayu")
    surat_id = kantor.diajukan(p, keterangan="Untuk <i>beasiswa</i>")
    web = kantor.browser_operator()
    html = web.get(f"/operator/surat/{surat_id}").get_data(as_text=True)
    assert "Sri Rahayu" in html and p.nik in html and p.no_kk in html
    assert "Untuk &lt;i&gt;beasiswa&lt;/i&gt;" in html
    assert f'data="/operator/surat/{surat_id}/pratinjau"' in html
    assert 'value="Setujui"' in html and 'value="Tolak"' in html
    assert re.search(r'<label[^>]*for="alasan"[^>]*>Alasan</label>', html)
    pdf = web.get(f"/operator/surat/{surat_id}/pratinjau")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"


def test_approve_from_the_page(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    web = kantor.browser_operator()
    r = web.submit(f"/operator/surat/{surat_id}", {"penandatangan": str(kantor.sekdes)},
                   action=f"/operator/surat/{surat_id}/setujui")
    assert r.status_code == 302
    html = web.get(f"/operator/surat/{surat_id}").get_data(as_text=True)
    assert "Disetujui dengan nomor 470/001/" in html
    assert '<span class="lencana status-diproses">diproses</span>' in html
    assert 'value="Setujui"' not in html
    detail = kantor.lihat(p, surat_id).get_json()
    assert detail["status"] == "diproses" and detail["penandatangan"]["id"] == kantor.sekdes


def test_reject_from_the_page_needs_a_reason(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    web = kantor.browser_operator()
    r = web.submit(f"/operator/surat/{surat_id}", {"alasan": ""}, action=f"/operator/surat/{surat_id}/tolak")
    assert r.status_code == 422
    assert "Alasan penolakan wajib diisi" in r.get_data(as_text=True)
    r = web.submit(f"/operator/surat/{surat_id}", {"alasan": "KK belum diperbarui"},
                   action=f"/operator/surat/{surat_id}/tolak")
    assert r.status_code == 302
    detail = kantor.lihat(p, surat_id).get_json()
    assert detail["status"] == "ditolak" and detail["alasan_tolak"] == "KK belum diperbarui"


def test_operator_pages_need_an_operator(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    for web in (kantor.klien(), kantor.browser_penduduk(p)):
        for path in ("/operator/surat", f"/operator/surat/{surat_id}", "/operator/pengaturan", "/operator/pengaturan/pejabat"):
            r = web.get(path)
            assert r.status_code == 302 and "/operator/masuk" in r.headers["Location"], path


def test_other_desa_letters_are_404_on_the_operator_pages(kantor, kantor_lain):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    web = kantor_lain.browser_operator()
    assert web.get(f"/operator/surat/{surat_id}").status_code == 404
    assert web.submit("/operator/surat", {}, action=f"/operator/surat/{surat_id}/setujui").status_code == 404
    assert kantor.lihat(p, surat_id).get_json()["status"] == "diajukan"


def _pengaturan(web):
    html = web.get("/operator/pengaturan").get_data(as_text=True)
    data = dict(re.findall(r'<input[^>]*id="([a-z_]+)"[^>]*value="([^"]*)"', html))
    data.update({"ukuran_kertas": "A4", "penomoran": "per_jenis"})
    data.pop("csrf_token", None)
    return data


def test_settings_page_letterhead_paper_logo_and_contact(kantor):
    web = kantor.browser_operator()
    data = _pengaturan(web)
    assert data["kop_kabupaten"].startswith("PEMERINTAH ") and data["kop_desa"] == "DESA KLIRONG"
    data.update(kop_alamat="Jl. Pemuda No. 7, Klirong 54381", ukuran_kertas="F4", margin_kiri_mm="30",
                wa_operator="0812-2700-0999", wa_operator_lain="081300000001, 0813 0000 0002")
    r = web.submit("/operator/pengaturan", dict(data, logo=(io.BytesIO(logo_png()), "logo.png")),
                   content_type="multipart/form-data")
    assert r.status_code == 302, r.get_data(as_text=True)
    html = web.get("/operator/pengaturan").get_data(as_text=True)
    assert 'value="Jl. Pemuda No. 7, Klirong 54381"' in html and 'value="6281227000999"' in html
    assert 'value="6281300000001, 6281300000002"' in html
    assert web.get("/operator/pengaturan/logo").mimetype == "image/png"

    p = kantor.warga()
    pdf = kantor.web.api("get", f"/api/v1/mandiri/surat/{kantor.konsep(p)}/pratinjau", p.token)
    from pypdf import PdfReader
    halaman = PdfReader(io.BytesIO(pdf.data)).pages[0]
    assert round(float(halaman.mediabox.height) / 72 * 25.4) == 330, "F4 paper"
    assert "Jl. Pemuda No. 7, Klirong 54381" in halaman.extract_text()
    kontak = kantor.web.api("get", "/api/v1/mandiri/kontak", p.token).get_json()
    assert kontak["wa_operator"] == "6281227000999"


def test_settings_refuse_bad_values(kantor):
    web = kantor.browser_operator()
    data = _pengaturan(web)
    r = web.submit("/operator/pengaturan", dict(data, margin_atas_mm="200", wa_operator="12", kop_desa="",
                                                logo=(io.BytesIO(b"GIF89a..."), "logo.gif")),
                   content_type="multipart/form-data")
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert "Margin atas antara 5 dan 50 mm." in html
    assert "Nomor WhatsApp tidak valid" in html
    assert "Baris desa wajib diisi." in html
    assert "Logo harus berupa gambar PNG atau JPEG." in html
    assert 'value="DESA KLIRONG"' in web.get("/operator/pengaturan").get_data(as_text=True)


def test_types_offered_are_chosen_per_desa(kantor, kantor_lain):
    web = kantor.browser_operator()
    html = web.get("/operator/pengaturan/jenis-surat").get_data(as_text=True)
    kode = re.findall(r'name="aktif_([a-z_]+)"', html)
    assert len(kode) >= 23
    data = {f"aktif_{k}": "1" for k in kode if k != "surat_ket_wali_hakim"}
    data.update({f"klasifikasi_{k}": "" for k in kode})
    data["klasifikasi_surat_ket_pengantar"] = "470.1"
    assert web.submit("/operator/pengaturan/jenis-surat", data).status_code == 302

    p = kantor.warga()
    jenis = {j["kode"]: j for j in kantor.web.api("get", "/api/v1/mandiri/jenis-surat", p.token).get_json()}
    assert "surat_ket_wali_hakim" not in jenis and jenis["surat_ket_pengantar"]["klasifikasi"] == "470.1"
    r = kantor.buat_surat(p, jenis="surat_ket_wali_hakim", nama_calon_suami="X",
                          alasan_wali_hakim="Tidak mempunyai wali nasab")
    assert r.status_code == 422 and r.get_json()["error"] == "jenis_tidak_tersedia"
    surat_id = kantor.konsep(p, klasifikasi="")
    assert kantor.lihat(p, surat_id).get_json()["klasifikasi"] == "470.1"
    assert "surat_ket_wali_hakim" not in kantor.browser_penduduk(p).get("/mandiri/surat/buat").get_data(as_text=True)

    q = kantor_lain.warga()
    lain = {j["kode"] for j in kantor_lain.web.api("get", "/api/v1/mandiri/jenis-surat", q.token).get_json()}
    assert "surat_ket_wali_hakim" in lain, "another desa keeps its own choice"

    data["klasifikasi_surat_ket_usaha"] = "abc"
    r = web.submit("/operator/pengaturan/jenis-surat", data)
    assert r.status_code == 422 and "Kode klasifikasi &#39;abc&#39; tidak valid" in r.get_data(as_text=True)


def test_signatories_page(kantor):
    web = kantor.browser_operator()
    html = web.get("/operator/pengaturan/pejabat").get_data(as_text=True)
    assert "Sugeng Riyadi" in html and "Rina Marlina" in html
    r = web.submit("/operator/pengaturan/pejabat", {"nama": "Joko Susilo", "jabatan": "Kepala Desa Klirong", "nip": "",
                                         "atas_nama": "", "kepala_desa": "y", "aktif": "y"})
    assert r.status_code == 302
    pejabat = kantor.web.api("get", "/api/v1/operator/pejabat", kantor.op).get_json()
    assert pejabat[0]["nama"] == "Joko Susilo" and pejabat[0]["kepala_desa"] is True
    assert [x["kepala_desa"] for x in pejabat].count(True) == 1, "one Kepala Desa at a time"
    r = web.submit("/operator/pengaturan/pejabat", {"nama": "", "jabatan": "", "nip": "x1", "atas_nama": "a.n.",
                                         "kepala_desa": "y"})
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert "Nama pejabat wajib diisi." in html and "Kepala Desa menandatangani langsung" in html


def test_failed_signing_is_shown_with_one_retry_button(app, kantor, tugas):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    kantor.setujui(surat_id)
    with app.app_context():
        tugas.proses.apply(args=(surat_id, kantor.desa.id))   # no certificate uploaded: it cannot sign
    web = kantor.browser_operator()
    html = web.get(f"/operator/surat/{surat_id}").get_data(as_text=True)
    assert '<span class="lencana status-gagal">gagal</span>' in html
    assert "Penandatanganan gagal:" in html and html.count("Ulangi Penandatanganan") == 1
    assert html.count(f'action="/operator/surat/{surat_id}/ulangi"') == 1
    r = web.submit(f"/operator/surat/{surat_id}", {"kembali": f"/operator/surat/{surat_id}"},
                   action=f"/operator/surat/{surat_id}/ulangi")
    assert r.status_code == 302 and r.headers["Location"] == f"/operator/surat/{surat_id}"
    assert kantor.lihat(p, surat_id).get_json()["status"] == "diproses"
    resident = kantor.browser_penduduk(p).get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert '<span class="lencana status-diproses">diproses</span>' in resident
