"""The resident's letter pages, in the words of the kabupaten's guide."""
import io
import re

from pypdf import PdfReader

from tests.signing.conftest import SANDI, pki_uji  # noqa: F401  (the signing tests' CA)


def labels(html):
    return re.findall(r'<label[^>]*>([^<]+)</label>', html)


def test_buat_surat_lists_the_types_by_name(kantor):
    p = kantor.warga()
    web = kantor.browser_penduduk(p)
    html = web.get("/mandiri/surat/buat").get_data(as_text=True)
    assert "Buat Surat" in html
    assert ">Surat Keterangan Pengantar<" in html
    assert 'href="/mandiri/surat/buat/surat_ket_pengantar"' in html
    assert html.count('href="/mandiri/surat/buat/') >= 23


def test_letter_form_has_the_guides_fields_and_only_the_kk_members(kantor):
    p = kantor.warga(nama="Ahmad Fauzi", no_kk="3305050303030003")
    istri = kantor.penduduk(nama="Nur Hasanah", no_kk="3305050303030003", hubungan_keluarga="ISTRI")
    tetangga = kantor.penduduk(nama="Tetangga Sebelah")
    web = kantor.browser_penduduk(p)
    html = web.get("/mandiri/surat/buat/surat_ket_pengantar").get_data(as_text=True)
    assert {"Kode Klasifikasi", "Keperluan", "Keterangan", "Penandatangan"} <= set(labels(html))
    # NIK: a choice of the KK members, each with the name and the full NIK (a 360 px screen cuts a <select>)
    assert '<legend id="nik-judul" class="label">NIK</legend>' in html and 'role="radiogroup"' in html
    assert re.search(r'name="nik" value="%s" checked' % p.nik, html), "the resident is chosen first"
    assert "<strong>Nur Hasanah</strong> <span class=\"redup\">(Istri)</span><br><span class=\"nik\">NIK %s</span>" \
        % istri.nik in html
    assert p.nik in html and istri.nik in html and tetangga.nik not in html
    assert 'data-sisa="keperluan-sisa"' in html and "Paling banyak 500 karakter." in html
    assert "js/sisa.js" in html
    assert 'value="Simpan"' in html
    assert 'value="470"' in html, "the type's kode klasifikasi is filled in"
    usaha = web.get("/mandiri/surat/buat/surat_ket_usaha").get_data(as_text=True)
    assert {"Nama Usaha", "Jenis Usaha", "Alamat Usaha"} <= set(labels(usaha))
    assert web.get("/mandiri/surat/buat/tidak_ada").status_code == 404


def test_save_preview_submit_and_follow_the_request(kantor):
    p = kantor.warga(no_kk="3305050404040004")
    anak = kantor.penduduk(nama="Dewi Lestari", no_kk="3305050404040004", hubungan_keluarga="ANAK")
    web = kantor.browser_penduduk(p)
    r = web.submit("/mandiri/surat/buat/surat_ket_pengantar", {
        "nik": anak.nik, "klasifikasi": "470", "keperluan": "Daftar sekolah <SMA> & kursus",
        "keterangan": "", "penandatangan": str(kantor.kepala)})
    assert r.status_code == 302 and r.headers["Location"].startswith("/mandiri/surat#surat-")
    surat_id = int(r.headers["Location"].rsplit("-", 1)[1])

    daftar = web.get("/mandiri/surat").get_data(as_text=True)
    assert "Konsep Surat Keterangan Pengantar disimpan" in daftar
    assert f'id="surat-{surat_id}"' in daftar
    assert '<span class="lencana status-konsep">konsep</span>' in daftar
    assert re.search(rf'href="/mandiri/surat/{surat_id}/pratinjau"><svg[^>]*>.*?</svg> Pratinjau</a>', daftar), \
        "Pratinjau is a labelled button: the eye and the word"
    assert "Ajukan</button>" in daftar
    assert "Daftar sekolah &lt;SMA&gt; &amp; kursus" in daftar and "<SMA>" not in daftar

    pdf = web.get(f"/mandiri/surat/{surat_id}/pratinjau")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert "Dewi Lestari" in PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()

    r = web.submit("/mandiri/surat", {}, action=f"/mandiri/surat/{surat_id}/ajukan")
    assert r.status_code == 302 and r.headers["Location"] == f"/mandiri/surat/{surat_id}"
    rincian = web.get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert '<span class="lencana status-diajukan">diajukan</span>' in rincian
    assert f'data-pantau="/mandiri/surat/{surat_id}/status"' in rincian
    assert '<meta http-equiv="refresh"' in rincian, "without JavaScript the page refreshes itself"
    assert "js/surat.js" in rincian
    assert rincian.count('class="linimasa"') == 1 and "Diajukan ke operator desa." in rincian
    status = web.get(f"/mandiri/surat/{surat_id}/status").get_json()
    assert status == {"id": surat_id, "status": "diajukan", "label": "Diajukan", "nomor": None, "menunggu": True,
                      "unduh": None}

    kantor.setujui(surat_id)
    status = web.get(f"/mandiri/surat/{surat_id}/status").get_json()
    assert status["status"] == "diproses" and status["nomor"].startswith("470/001/")


def test_form_errors_are_shown_in_indonesian_and_nothing_is_saved(kantor):
    p = kantor.warga()
    orang_lain = kantor.penduduk()
    web = kantor.browser_penduduk(p)
    r = web.submit("/mandiri/surat/buat/surat_ket_usaha", {
        "nik": orang_lain.nik, "klasifikasi": "470", "keperluan": "", "keterangan": "",
        "penandatangan": str(kantor.kepala), "nama_usaha": "", "jenis_usaha": "x", "alamat_usaha": "y"})
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert "Pilih NIK Anda atau anggota Kartu Keluarga Anda." in html
    assert "Keperluan wajib diisi" in html and "Nama Usaha wajib diisi." in html
    assert 'aria-invalid="true"' in html
    assert "kedaluwarsa" not in html
    assert kantor.web.api("get", "/api/v1/mandiri/surat", p.token).get_json() == []


def test_edit_delete_and_cancel_from_the_pages(kantor):
    p = kantor.warga()
    web = kantor.browser_penduduk(p)
    surat_id = kantor.konsep(p)
    html = web.get(f"/mandiri/surat/{surat_id}/ubah").get_data(as_text=True)
    assert "Mengurus KTP-el</textarea>" in html
    r = web.submit(f"/mandiri/surat/{surat_id}/ubah", {"nik": p.nik, "klasifikasi": "470",
                                                        "keperluan": "Mengurus BPJS", "keterangan": "",
                                                        "penandatangan": str(kantor.kepala)})
    assert r.status_code == 302
    assert kantor.lihat(p, surat_id).get_json()["keperluan"] == "Mengurus BPJS"
    # Hapus asks first, on a page of its own (no JavaScript needed); "Tidak, kembali" leaves it
    tanya = web.submit("/mandiri/surat", {}, action=f"/mandiri/surat/{surat_id}/hapus")
    assert tanya.status_code == 200 and kantor.lihat(p, surat_id).status_code == 200
    halaman = tanya.get_data(as_text=True)
    assert "Hapus konsep ini?" in halaman and ">Ya, hapus</button>" in halaman
    assert f'href="/mandiri/surat#surat-{surat_id}">Tidak, kembali</a>' in halaman
    r = web.submit("/mandiri/surat", {"yakin": "1"}, action=f"/mandiri/surat/{surat_id}/hapus")
    assert r.status_code == 302
    assert kantor.lihat(p, surat_id).status_code == 404

    diajukan = kantor.diajukan(p)
    assert web.get(f"/mandiri/surat/{diajukan}/ubah").status_code == 302
    tanya = web.submit("/mandiri/surat", {}, action=f"/mandiri/surat/{diajukan}/batalkan")
    assert tanya.status_code == 200 and "Batalkan permohonan ini?" in tanya.get_data(as_text=True)
    assert kantor.lihat(p, diajukan).get_json()["status"] == "diajukan"
    r = web.submit("/mandiri/surat", {"yakin": "1", "alasan": "Sudah diurus di kantor."},
                   action=f"/mandiri/surat/{diajukan}/batalkan")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"#surat-{diajukan}")
    detail = kantor.lihat(p, diajukan).get_json()
    assert detail["status"] == "dibatalkan" and detail["riwayat"][-1]["catatan"] == "Sudah diurus di kantor."
    assert "Permohonan dibatalkan." in web.get("/mandiri/surat").get_data(as_text=True)


def test_buttons_need_the_csrf_token(kantor):
    p = kantor.warga()
    web = kantor.browser_penduduk(p)
    surat_id = kantor.konsep(p)
    web.post(f"/mandiri/surat/{surat_id}/ajukan")
    assert kantor.lihat(p, surat_id).get_json()["status"] == "konsep"


def test_rejection_reason_is_on_the_residents_page(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    kantor.tolak(surat_id, "Nama ayah tidak sesuai akta; mohon perbaiki.")
    html = kantor.browser_penduduk(p).get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert '<span class="lencana status-ditolak">ditolak</span>' in html
    assert "Alasan penolakan:</strong> Nama ayah tidak sesuai akta; mohon perbaiki." in html
    web = kantor.browser_penduduk(p)
    r = web.submit(f"/mandiri/surat/{surat_id}", {}, action=f"/mandiri/surat/{surat_id}/salin")
    assert r.status_code == 302 and r.headers["Location"].endswith("/ubah")
    baru = int(r.headers["Location"].split("/")[-2])
    detail = kantor.lihat(p, baru).get_json()
    assert detail["status"] == "konsep" and detail["keperluan"] == "Mengurus KTP-el" and detail["nomor"] is None


def test_another_residents_pages_are_404(kantor):
    pemilik, lain = kantor.warga(), kantor.warga()
    surat_id = kantor.konsep(pemilik)
    web = kantor.browser_penduduk(lain)
    for path in ("", "/ubah", "/pratinjau", "/unduh", "/status"):
        assert web.get(f"/mandiri/surat/{surat_id}{path}").status_code == 404, path
    for aksi in ("ajukan", "hapus", "batalkan"):
        for data in ({}, {"yakin": "1"}):   # neither the question nor the answer
            assert web.submit("/mandiri/surat", data, action=f"/mandiri/surat/{surat_id}/{aksi}").status_code == 404
    assert kantor.lihat(pemilik, surat_id).get_json()["status"] == "konsep"


def test_pages_need_a_resident_login(kantor):
    r = kantor.klien().get("/mandiri/surat")
    assert r.status_code == 302 and "/mandiri/masuk" in r.headers["Location"]


def test_dashboard_summarises_the_letters(kantor):
    p = kantor.warga()
    kantor.konsep(p)
    kantor.diajukan(p)
    html = kantor.browser_penduduk(p).get("/mandiri/").get_data(as_text=True)
    assert '<span class="lencana status-konsep">konsep</span>' in html
    assert '<span class="lencana status-diajukan">diajukan</span>' in html
    assert html.count("Surat Keterangan Pengantar") >= 2


def test_signed_letter_can_be_downloaded_once_selesai(app, kantor, pki_uji):  # noqa: F811
    from desaonline.surat.terbitkan import terbitkan
    from tenants import desa_scope
    r = kantor.web.api("post", "/api/v1/operator/sertifikat", kantor.op, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(pki_uji.p12), "kades.p12"), "password": SANDI})
    assert r.status_code == 201, r.get_json()
    p = kantor.warga(nama="Budi Santoso")
    surat_id = kantor.diajukan(p, keperluan="Syarat <b>nikah</b> & KUA")
    nomor = kantor.setujui(surat_id).get_json()["nomor"]
    with app.app_context(), desa_scope(kantor.desa.id):
        assert terbitkan(surat_id) == "selesai"   # what the worker runs

    web = kantor.browser_penduduk(p)
    html = web.get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert '<span class="lencana status-selesai">selesai</span>' in html
    assert f'href="/mandiri/surat/{surat_id}/unduh"' in html and "data-pantau" not in html
    assert web.get(f"/mandiri/surat/{surat_id}/status").get_json()["unduh"] == f"/mandiri/surat/{surat_id}/unduh"
    unduh = web.get(f"/mandiri/surat/{surat_id}/unduh")
    assert unduh.status_code == 200 and unduh.mimetype == "application/pdf"
    teks = " ".join(PdfReader(io.BytesIO(unduh.data)).pages[0].extract_text().split())
    assert nomor in teks and "Budi Santoso" in teks and "Syarat <b>nikah</b> & KUA" in teks
    api = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pdf", p.token)
    assert api.status_code == 200 and api.data == unduh.data
    assert kantor.web.api("get", f"/api/v1/operator/surat/{surat_id}/pdf", kantor.op).data == unduh.data
    detail = kantor.lihat(p, surat_id).get_json()
    assert detail["status"] == "selesai" and detail["kode_verifikasi"] and len(detail["pdf_sha256"]) == 64
