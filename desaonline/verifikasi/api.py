"""Public verification API (desa host, no login)."""
from dataclasses import asdict

from flask import g, request

from desaonline.errors import Penolakan
from desaonline.extensions import dibatasi, limiter
from desaonline.verifikasi import api_bp as api, layanan
from desaonline.verifikasi.schemas import PeriksaPdfIn, PeriksaPdfOut, SuratTerbitOut


@api.before_request
def _batas_unggah():
    if request.endpoint == "verifikasi_api.periksa_pdf":
        request.max_content_length = layanan.UKURAN_PDF_MAKS + 16 * 1024


@api.post("/pdf")
@dibatasi(limiter.limit(layanan.BATAS_PERIKSA_PDF, scope="verifikasi-pdf"))
@api.input(PeriksaPdfIn, location="form_and_files")
@api.output(PeriksaPdfOut)
@api.doc(summary="Periksa berkas PDF: surat terbitan desa ini? tanda tangannya utuh?", responses=[413, 422])
def periksa_pdf(form_and_files_data):
    hasil = layanan.periksa_pdf(form_and_files_data["file"].read(), g.desa)
    return {**asdict(hasil), "asli": hasil.asli, "diterbitkan_desa": hasil.surat is not None}


@api.get("/<kode>")
@api.output(SuratTerbitOut)
@api.doc(summary="Data surat bertanda tangan elektronik dari kode QR-nya", responses=[404])
def kode(kode):
    surat = layanan.cari_kode(kode, g.desa)
    if surat is None:
        raise Penolakan(404, "surat_tidak_ditemukan", "Kode verifikasi tidak dikenal di desa ini.")
    return surat
