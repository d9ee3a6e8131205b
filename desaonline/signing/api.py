"""Signing in the operator's JSON API (desa host): certificate and signing method."""
from flask import request

from desaonline.operator.auth import operator_api
from desaonline.signing import api_bp as api, layanan, sertifikat
from desaonline.signing.schemas import SertifikatIn, SertifikatOut, TandaTanganIn, TandaTanganOut


@api.before_request
def _batas_unggah():
    # A certificate is a few kilobytes: refuse anything big before reading it (413).
    if request.endpoint == "signing_api.unggah_sertifikat":
        request.max_content_length = sertifikat.UKURAN_MAKS + 16 * 1024


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
@api.doc(summary="Pilih cara menandatangani: sertifikat desa atau BSrE", responses=[401, 403, 422])
def atur_tanda_tangan(json_data):
    layanan.atur_metode(json_data["metode"], json_data.get("bsre_nik"))
    return layanan.ringkasan()
