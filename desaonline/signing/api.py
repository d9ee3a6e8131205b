"""Signing in the operator's JSON API (desa host): certificate, signing method, BSrE."""
from flask import request

from desaonline.operator.auth import operator_api
from desaonline.signing import api_bp as api, gambar, layanan, sertifikat
from desaonline.signing.schemas import (AkunBsreIn, PesanOut, SertifikatIn, SertifikatOut, SpesimenIn, StatusBsreOut,
                                        TandaTanganIn, TandaTanganOut, TotpIn)


@api.before_request
def _batas_unggah():
    # A certificate or a specimen is small: refuse anything big before reading it (413).
    if request.endpoint == "signing_api.unggah_sertifikat":
        request.max_content_length = sertifikat.UKURAN_MAKS + 16 * 1024
    elif request.endpoint == "signing_api.unggah_spesimen":
        request.max_content_length = gambar.UKURAN_MAKS + 16 * 1024


@api.post("/sertifikat")
@operator_api
@api.input(SertifikatIn, location="form_and_files")
@api.output(SertifikatOut, status_code=201)
@api.doc(summary="Unggah sertifikat tanda tangan (PKCS#12) Kepala Desa", responses=[401, 403, 413, 422])
def unggah_sertifikat(form_and_files_data):
    berkas = form_and_files_data["file"]
    return layanan.unggah_sertifikat(berkas.read(sertifikat.UKURAN_MAKS + 1), form_and_files_data["password"])


@api.get("/tanda-tangan")
@operator_api
@api.output(TandaTanganOut)
@api.doc(summary="Cara desa menandatangani surat dan sertifikat aktifnya", responses=[401, 403])
def tanda_tangan():
    return layanan.ringkasan()


@api.put("/tanda-tangan")
@operator_api
@api.input(TandaTanganIn)
@api.output(TandaTanganOut)
@api.doc(summary="Pilih cara menandatangani: sertifikat desa atau BSrE",
         description="Beralih ke `bsre` menanyakan status sertifikat Kepala Desa ke esign client lebih dulu: "
                     "selain ISSUE ditolak 422 (`bsre_status_expired`, `bsre_status_not_registered`, ...), "
                     "layanan yang tidak dapat dihubungi 503 `bsre_tidak_tersedia`.",
         responses=[401, 403, 422, 503])
def atur_tanda_tangan(json_data):
    layanan.atur_metode(json_data["metode"], json_data.get("bsre_nik"), json_data.get("bsre_visual"),
                        json_data.get("bsre_letak"))
    return layanan.ringkasan()


@api.get("/tanda-tangan/status")
@operator_api
@api.output(StatusBsreOut)
@api.doc(summary="Status sertifikat elektronik Kepala Desa di BSrE", responses=[401, 403, 422, 503])
def status_bsre():
    hasil = layanan.status_penanda()
    return {"status": hasil.status, "pesan": hasil.pesan, "bisa_menandatangani": hasil.bisa_menandatangani}


@api.put("/tanda-tangan/esign-client")
@operator_api
@api.input(AkunBsreIn)
@api.output(TandaTanganOut)
@api.doc(summary="Esign client BSrE milik desa (menggantikan milik kabupaten)",
         description="Nama pengguna dan kata sandi aplikasi disimpan terenkripsi dan tidak pernah ditampilkan lagi.",
         responses=[401, 403, 422])
def atur_esign_client(json_data):
    layanan.atur_akun_desa(json_data["url"], json_data["versi"], json_data["username"], json_data.get("password"))
    return layanan.ringkasan()


@api.delete("/tanda-tangan/esign-client")
@operator_api
@api.output(TandaTanganOut)
@api.doc(summary="Kembali memakai esign client BSrE kabupaten", responses=[401, 403])
def hapus_esign_client():
    layanan.hapus_akun_desa()
    return layanan.ringkasan()


@api.post("/tanda-tangan/spesimen")
@operator_api
@api.input(SpesimenIn, location="form_and_files")
@api.output(TandaTanganOut, status_code=201)
@api.doc(summary="Unggah gambar spesimen tanda tangan Kepala Desa (untuk BSrE)", responses=[401, 403, 413, 422])
def unggah_spesimen(form_and_files_data):
    layanan.unggah_spesimen(form_and_files_data["file"].read(gambar.UKURAN_MAKS + 1))
    return layanan.ringkasan()


@api.post("/tanda-tangan/totp")
@operator_api
@api.input(TotpIn)
@api.output(PesanOut, status_code=202)
@api.doc(summary="BSrE API v2: kirim kode TOTP ke email Kepala Desa",
         description="Kode itu lalu diketik sebagai `totp` saat menyetujui, pengganti passphrase.",
         responses=[401, 403, 422, 503])
def minta_totp(json_data):
    layanan.minta_totp(json_data["jumlah"])
    return {"message": "Kode TOTP dikirim BSrE ke email Kepala Desa."}
