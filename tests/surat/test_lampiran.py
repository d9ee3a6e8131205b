"""Attachments (lampiran): photos and PDFs of the documents a letter needs, judged by their
content, made fit for a phone, seen only by the resident and the desa's operators, and
the rejection that asks for a missing document."""
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter


def foto_jpeg(lebar=4000, tinggi=3000, orientasi=6):
    """A phone photo: big, with the camera's EXIF (its maker, the GPS position, the orientation)."""
    gambar = Image.new("RGB", (lebar, tinggi), (30, 120, 200))
    gambar.paste((250, 250, 250), (0, 0, lebar // 4, tinggi // 4))   # a mark to see the rotation by
    exif = gambar.getexif()
    exif[0x0112] = orientasi
    exif[0x010F] = "KameraHP"
    exif[0x8825] = {1: "S", 2: (7.0, 40.0, 0.0)}   # GPSInfo
    keluar = io.BytesIO()
    gambar.save(keluar, "JPEG", quality=90, exif=exif)
    return keluar.getvalue()


def png(lebar=300, tinggi=200):
    keluar = io.BytesIO()
    Image.new("RGBA", (lebar, tinggi), (10, 200, 10, 128)).save(keluar, "PNG")
    return keluar.getvalue()


def pdf_satu_halaman(skrip=False, sandi=None):
    from reportlab.pdfgen import canvas
    keluar = io.BytesIO()
    c = canvas.Canvas(keluar)
    c.drawString(72, 720, "KARTU KELUARGA")
    c.showPage()
    c.save()
    if not (skrip or sandi):
        return keluar.getvalue()
    penulis = PdfWriter(clone_from=PdfReader(io.BytesIO(keluar.getvalue())))
    if skrip:   # a document-level script run when the PDF opens
        from pypdf.generic import DictionaryObject, NameObject, TextStringObject
        penulis._root_object[NameObject("/OpenAction")] = DictionaryObject({
            NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('halo');")})
    if sandi:
        penulis.encrypt(sandi)
    hasil = io.BytesIO()
    penulis.write(hasil)
    return hasil.getvalue()


def berkas_tersimpan(app, kantor, p, lampiran):
    """Where the archive keeps an attachment (content-addressed: its SHA-256)."""
    import hashlib
    isi = kantor.web.api("get", lampiran["url"], p.token).data
    sha = hashlib.sha256(isi).hexdigest()
    return Path(app.config["STORAGE_DIR"]) / str(kantor.desa.id) / "lampiran" / sha[:2] / f"{sha}.png"


def lampirkan(kantor, p, surat_id, isi, nama="kk.jpg", syarat=None, token=None):
    data = {"file": (io.BytesIO(isi), nama)}
    if syarat:
        data["syarat"] = syarat
    return kantor.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/lampiran", token or p.token,
                          data=data, content_type="multipart/form-data")


def test_a_phone_photo_is_attached_upright_smaller_and_without_its_metadata(kantor):
    p = kantor.warga()
    surat_id = kantor.konsep(p)
    asli = foto_jpeg()
    r = lampirkan(kantor, p, surat_id, asli, "IMG_20261127.jpg", syarat="kk")
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert body["jenis_isi"] == "image/jpeg" and body["syarat"] == "kk"
    assert body["syarat_nama"] == "Kartu Keluarga (KK)" and body["nama"] == "IMG_20261127.jpg"
    # EXIF orientation 6: the 4000x3000 picture stands upright, its long side 1600 px
    assert (body["lebar"], body["tinggi"]) == (1200, 1600)
    assert body["ukuran"] < len(asli)

    berkas = kantor.web.api("get", body["url"], p.token)
    assert berkas.status_code == 200 and berkas.mimetype == "image/jpeg"
    assert berkas.headers["X-Content-Type-Options"] == "nosniff"
    gambar = Image.open(io.BytesIO(berkas.data))
    assert gambar.size == (1200, 1600)
    assert not gambar.getexif() and "exif" not in gambar.info, "EXIF (GPS position, camera) is dropped"
    assert gambar.getpixel((1100, 100))[0] > 200, "the white corner turned with the picture"

    daftar = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/lampiran", p.token).get_json()
    assert [l["id"] for l in daftar] == [body["id"]]
    assert kantor.lihat(p, surat_id).get_json()["lampiran"][0]["id"] == body["id"]


def test_png_and_pdf_are_kept_as_what_their_content_is(kantor):
    p = kantor.warga()
    surat_id = kantor.konsep(p)
    r = lampirkan(kantor, p, surat_id, png(), "layar.pdf")   # a PNG whatever its name says
    assert r.status_code == 201 and r.get_json()["jenis_isi"] == "image/png"
    r = lampirkan(kantor, p, surat_id, pdf_satu_halaman(skrip=True), "kk.pdf", syarat="kk")
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["jenis_isi"] == "application/pdf" and r.get_json()["halaman"] == 1
    berkas = kantor.web.api("get", r.get_json()["url"], p.token)
    assert berkas.mimetype == "application/pdf"
    assert "KARTU KELUARGA" in PdfReader(io.BytesIO(berkas.data)).pages[0].extract_text()
    assert b"/JavaScript" not in berkas.data and b"app.alert" not in berkas.data, "the PDF's scripts are left out"


@pytest.mark.parametrize("nama,isi,kode", [
    ("ktp.jpg", b"<!doctype html><html><body><script>alert(1)</script></body></html>", "lampiran_tidak_dikenal"),
    ("kk.pdf", b"%PDF-1.7\n<html>ini bukan PDF</html>\n", "lampiran_rusak"),
    ("kk.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"bukan gambar" * 50, "lampiran_rusak"),
    ("kk.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "lampiran_rusak"),
    ("kk.jpg", foto_jpeg(800, 600)[:3000], "lampiran_rusak"),            # cut off halfway
    ("kk.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100, "lampiran_tidak_dikenal"),
    ("kk.pdf", pdf_satu_halaman(sandi="rahasia"), "lampiran_terkunci"),
    ("kosong.jpg", b"", "lampiran_kosong"),
])
def test_files_that_are_not_what_they_claim_are_refused_with_a_clear_message(kantor, nama, isi, kode):
    p = kantor.warga()
    surat_id = kantor.konsep(p)
    r = lampirkan(kantor, p, surat_id, isi, nama)
    assert r.status_code == 422, r.get_json()
    assert r.get_json()["error"] == kode
    assert r.get_json()["rincian"]["file"] == r.get_json()["message"]
    assert kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/lampiran", p.token).get_json() == []


def test_the_html_disguised_as_a_photo_gets_words_a_resident_understands(kantor):
    p = kantor.warga()
    r = lampirkan(kantor, p, kantor.konsep(p), b"<html>bukan foto</html>", "foto_ktp.jpg")
    assert "harus foto JPEG atau PNG, atau PDF" in r.get_json()["message"]
    assert "nama berkasnya tidak menentukan isinya" in r.get_json()["message"]


def test_more_than_5_mb_and_huge_pictures_are_refused(kantor):
    p = kantor.warga()
    surat_id = kantor.konsep(p)
    r = lampirkan(kantor, p, surat_id, b"\xff\xd8\xff" + b"\x00" * (5 * 1024 * 1024 + 1))
    assert r.status_code == 413 and r.get_json()["error"] == "lampiran_terlalu_besar"
    bom = io.BytesIO()
    Image.new("1", (12000, 12000)).save(bom, "PNG")   # 48 KB on disk, 144 megapixels when opened
    r = lampirkan(kantor, p, surat_id, bom.getvalue(), "bom.png")
    assert r.status_code == 413 and "piksel" in r.get_json()["message"]


def test_only_the_resident_and_the_desas_operators_see_an_attachment(kantor, kantor_lain):
    pemilik, tetangga = kantor.warga(), kantor.warga()
    surat_id = kantor.diajukan(pemilik)
    lampiran = lampirkan(kantor, pemilik, surat_id, png()).get_json()
    berkas = f"/api/v1/mandiri/surat/{surat_id}/lampiran/{lampiran['id']}"

    for metode, path in (("get", f"/api/v1/mandiri/surat/{surat_id}/lampiran"), ("get", berkas),
                         ("delete", berkas)):
        assert kantor.web.api(metode, path, tetangga.token).status_code == 404, path
    assert lampirkan(kantor, pemilik, surat_id, png(), token=tetangga.token).status_code == 404

    # the desa's operator sees it with the request and fetches the file
    rinci = kantor.web.api("get", f"/api/v1/operator/surat/{surat_id}", kantor.op).get_json()
    assert [l["id"] for l in rinci["lampiran"]] == [lampiran["id"]]
    url = rinci["lampiran"][0]["url"]
    assert url == f"/api/v1/operator/surat/{surat_id}/lampiran/{lampiran['id']}"
    r = kantor.web.api("get", url, kantor.op)
    assert r.status_code == 200 and r.mimetype == "image/png"

    # another desa: neither its operator nor its residents, whatever the host
    warga_lain = kantor_lain.warga()
    assert kantor_lain.web.api("get", url, kantor_lain.op).status_code == 404
    assert kantor_lain.web.api("get", berkas, warga_lain.token).status_code == 404
    assert kantor.web.api("get", url, kantor_lain.op).status_code == 401   # a token is for its own host
    # and a file id of this letter under another letter's id is not found either
    lain = kantor.diajukan(pemilik)
    assert kantor.web.api("get", f"/api/v1/operator/surat/{lain}/lampiran/{lampiran['id']}",
                          kantor.op).status_code == 404


def test_attachments_are_added_before_the_decision_and_removed_only_from_a_draft(kantor, app):
    p = kantor.warga()
    surat_id = kantor.konsep(p)
    a = lampirkan(kantor, p, surat_id, png(302, 200)).get_json()
    b = lampirkan(kantor, p, surat_id, png(301, 200)).get_json()
    file_a, file_b = berkas_tersimpan(app, kantor, p, a), berkas_tersimpan(app, kantor, p, b)
    assert file_a.exists() and file_b.exists()
    assert kantor.web.api("delete", f"/api/v1/mandiri/surat/{surat_id}/lampiran/{a['id']}", p.token).status_code == 204
    assert not file_a.exists() and file_b.exists(), "the removed photo's file is gone"
    assert kantor.web.api("get", a["url"], p.token).status_code == 404

    assert kantor.ajukan(p, surat_id).status_code == 200
    assert lampirkan(kantor, p, surat_id, pdf_satu_halaman()).status_code == 201      # still before the decision
    r = kantor.web.api("delete", f"/api/v1/mandiri/surat/{surat_id}/lampiran/{b['id']}", p.token)
    assert r.status_code == 409
    assert kantor.setujui(surat_id).status_code == 202
    r = lampirkan(kantor, p, surat_id, png())
    assert r.status_code == 409 and "diproses" in r.get_json()["message"]


def test_deleting_a_draft_removes_its_files(kantor, app):
    p = kantor.warga()
    surat_id = kantor.konsep(p)
    sama = kantor.konsep(p)   # the same photo on another request is stored once and stays for it
    satu = berkas_tersimpan(app, kantor, p, lampirkan(kantor, p, surat_id, png(123, 45)).get_json())
    dua = berkas_tersimpan(app, kantor, p, lampirkan(kantor, p, surat_id, png(124, 45)).get_json())
    lampirkan(kantor, p, sama, png(124, 45))
    assert satu.exists() and dua.exists()
    assert kantor.web.api("delete", f"/api/v1/mandiri/surat/{surat_id}", p.token).status_code == 204
    assert not satu.exists() and dua.exists()


def test_a_rejection_asks_for_a_document_and_the_answer_returns_to_the_queue(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    r = kantor.web.api("post", f"/api/v1/operator/surat/{surat_id}/tolak", kantor.op,
                       json={"alasan": "Foto KK belum ada.", "lengkapi": ["kk", "pengantar_rt"]})
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["status"] == "ditolak"
    assert r.get_json()["lengkapi"] == [{"kode": "pengantar_rt", "nama": "Surat Pengantar RT/RW"},
                                        {"kode": "kk", "nama": "Kartu Keluarga (KK)"}]
    rinci = kantor.lihat(p, surat_id).get_json()
    assert rinci["status"] == "ditolak" and [d["kode"] for d in rinci["lengkapi"]] == ["pengantar_rt", "kk"]
    assert "Mohon lengkapi: Surat Pengantar RT/RW, Kartu Keluarga (KK)" in rinci["riwayat"][-1]["catatan"]

    r = kantor.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/lengkapi", p.token)
    assert r.status_code == 422 and r.get_json()["error"] == "lampiran_belum_ada"
    assert lampirkan(kantor, p, surat_id, foto_jpeg(800, 600), syarat="kk").status_code == 201
    r = kantor.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/lengkapi", p.token)
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["status"] == "diajukan" and r.get_json()["lengkapi"] is None
    assert r.get_json()["riwayat"][-1]["catatan"] == "Dokumen dilengkapi; diajukan kembali ke operator desa."
    antrean = kantor.web.api("get", "/api/v1/operator/surat?status=diajukan", kantor.op).get_json()
    assert [s["id"] for s in antrean] == [surat_id]
    assert kantor.setujui(surat_id).status_code == 202
    # the answer is given once
    r = kantor.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/lengkapi", p.token)
    assert r.status_code == 409


def test_a_plain_rejection_asks_for_nothing_and_cannot_be_answered(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    assert kantor.tolak(surat_id, "Tidak memenuhi syarat.").get_json()["lengkapi"] is None
    assert lampirkan(kantor, p, surat_id, png()).status_code == 409
    r = kantor.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/lengkapi", p.token)
    assert r.status_code == 409 and r.get_json()["error"] == "status_tidak_sesuai"
    r = kantor.web.api("post", f"/api/v1/operator/surat/{kantor.diajukan(p)}/tolak", kantor.op,
                       json={"alasan": "Kurang", "lengkapi": ["ijazah"]})
    assert r.status_code == 422 and r.get_json()["error"] == "syarat_tidak_valid"


def test_pages_attach_from_the_camera_and_the_operator_sees_the_thumbnail(kantor):
    p = kantor.warga()
    surat_id = kantor.konsep(p, jenis="surat_ket_usaha", nama_usaha="Warung Sari", jenis_usaha="Kelontong",
                             alamat_usaha="RT 01")
    web = kantor.browser_penduduk(p)
    rincian = web.get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert 'capture="environment"' in rincian and 'accept="image/*"' in rincian
    assert re.search(r'<label class="label" for="lampiran-foto">.*Ambil Foto</label>', rincian)
    assert re.search(r'<label class="label" for="lampiran-berkas">.*Pilih Berkas</label>', rincian)
    assert "belum dilampirkan" in rincian and "Foto tempat usaha" in rincian

    token = web.csrf_token(f"/mandiri/surat/{surat_id}")
    r = web.post(f"/mandiri/surat/{surat_id}/lampiran", content_type="multipart/form-data", data={
        "csrf_token": token, "syarat": "foto_usaha",
        "file": [(io.BytesIO(foto_jpeg(1200, 900, 1)), "warung.jpg"), (io.BytesIO(b""), "")]})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/mandiri/surat/{surat_id}#lampiran")
    halaman = web.get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert "warung.jpg dilampirkan." in halaman
    assert 'alt="Foto tempat usaha: warung.jpg"' in halaman
    r = web.post(f"/mandiri/surat/{surat_id}/lampiran", content_type="multipart/form-data", data={
        "csrf_token": token, "file": (io.BytesIO(b"<html></html>"), "ktp.jpg")})
    assert "ktp.jpg: Berkas harus foto JPEG atau PNG, atau PDF" in web.get(r.headers["Location"]).get_data(as_text=True)
    daftar = web.get("/mandiri/surat").get_data(as_text=True)
    assert "Lampiran (1)" in daftar

    lampiran_id = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/lampiran", p.token).get_json()[0]["id"]
    assert web.get(f"/mandiri/surat/{surat_id}/lampiran/{lampiran_id}").mimetype == "image/jpeg"
    assert kantor.browser_penduduk(kantor.warga()).get(
        f"/mandiri/surat/{surat_id}/lampiran/{lampiran_id}").status_code == 404

    assert kantor.ajukan(p, surat_id).status_code == 200
    op = kantor.browser_operator()
    periksa = op.get(f"/operator/surat/{surat_id}").get_data(as_text=True)
    assert f'<img src="/operator/surat/{surat_id}/lampiran/{lampiran_id}"' in periksa
    assert 'alt="Foto tempat usaha: warung.jpg"' in periksa
    assert "belum dilampirkan" in periksa    # the KTP, KK and pengantar RT/RW are still missing
    assert op.get(f"/operator/surat/{surat_id}/lampiran/{lampiran_id}").mimetype == "image/jpeg"


def test_the_operator_page_sends_a_request_back_for_a_document(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    op = kantor.browser_operator()
    halaman = op.get(f"/operator/surat/{surat_id}").get_data(as_text=True)
    assert "Minta warga melengkapi dokumen" in halaman and 'name="lengkapi" value="kk"' in halaman
    token = op.csrf_token(f"/operator/surat/{surat_id}")
    r = op.post(f"/operator/surat/{surat_id}/tolak",
                data={"csrf_token": token, "alasan": "KK buram, foto ulang.", "lengkapi": ["kk"]})
    assert r.status_code == 302
    rinci = kantor.lihat(p, surat_id).get_json()
    assert rinci["status"] == "ditolak" and [d["kode"] for d in rinci["lengkapi"]] == ["kk"]

    web = kantor.browser_penduduk(p)
    halaman = web.get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert "Operator meminta Anda melengkapi dokumen: Kartu Keluarga (KK)." in halaman
    assert "Kirim Kembali" in halaman and 'enctype="multipart/form-data"' in halaman
    token = web.csrf_token(f"/mandiri/surat/{surat_id}")
    web.post(f"/mandiri/surat/{surat_id}/lampiran", content_type="multipart/form-data",
             data={"csrf_token": token, "syarat": "kk", "file": (io.BytesIO(png()), "kk.png")})
    r = web.post(f"/mandiri/surat/{surat_id}/lengkapi", data={"csrf_token": token})
    assert r.status_code == 302
    assert "Permohonan dikirim kembali ke operator desa." in web.get(r.headers["Location"]).get_data(as_text=True)
    assert kantor.lihat(p, surat_id).get_json()["status"] == "diajukan"

    # a document the type does not ask for: the resident can still say which one it is
    op.post(f"/operator/surat/{surat_id}/tolak",
            data={"csrf_token": token_op(op, surat_id), "alasan": "Perlu akta lahir.", "lengkapi": ["akta_lahir"]})
    halaman = web.get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert '<option value="akta_lahir" selected>Akta Kelahiran</option>' in halaman
    web.post(f"/mandiri/surat/{surat_id}/lampiran", content_type="multipart/form-data",
             data={"csrf_token": token, "syarat": "akta_lahir", "file": (io.BytesIO(png(77, 77)), "akta.png")})
    assert web.post(f"/mandiri/surat/{surat_id}/lengkapi", data={"csrf_token": token}).status_code == 302

    # "Dokumen lain" alone: documents named in the reason
    op.post(f"/operator/surat/{surat_id}/tolak",
            data={"csrf_token": token_op(op, surat_id), "alasan": "Lampirkan surat keterangan sekolah.",
                  "lengkapi": ["lain"]})
    assert kantor.lihat(p, surat_id).get_json()["lengkapi"] == []


def token_op(op, surat_id):
    return op.csrf_token(f"/operator/surat/{surat_id}")
