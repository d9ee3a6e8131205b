"""The resident register in the operator's JSON API (docs/api.md): import, export, PIN reset."""
from flask import g

from desaonline.basisdata import baca_saja
from desaonline.errors import Penolakan
from desaonline.mandiri import akun, pin_awal
from desaonline.operator.auth import operator_api
from desaonline.penduduk import api_bp as api, layanan
from desaonline.penduduk.ekspor import XLSX, ekspor
from desaonline.penduduk.impor import impor_penduduk
from desaonline.penduduk.routes import unduh_xlsx
from desaonline.penduduk.schemas import CariIn, CariOut, EksporIn, HasilImporOut, ImporIn, PinOut, ResetPinIn


@api.post("/impor")
@operator_api
@api.input(ImporIn, location="files")
@api.output(HasilImporOut)
@api.doc(summary="Impor penduduk dari CSV atau XLSX (format di docs/api.md)", responses=[401, 413, 422])
def impor(files_data):
    berkas = files_data["file"]
    hasil = impor_penduduk(berkas.filename, berkas.read())
    # Only with one-time PINs (the desa chose "acak"): otherwise the answer is the contract's three keys.
    return {**hasil.as_dict(), **({"pin_sekali": pin_awal.sebagai_json(hasil.pin_sekali)} if hasil.pin_sekali else {})}


@api.post("/cari")
@baca_saja
@operator_api
@api.input(CariIn)
@api.output(CariOut)
@api.doc(summary="Cari penduduk dengan awal NIK atau awal nama, 25 per halaman",
         description="Dengan POST, supaya NIK tidak tercatat di log akses. Halaman berikutnya: kirim "
                     "`setelah` = `berikutnya` dari jawaban ini.", responses=[401, 403, 422])
def cari(json_data):
    hasil = layanan.cari(json_data["q"], json_data["setelah"])
    return {"penduduk": hasil.penduduk, "jumlah": min(hasil.jumlah, layanan.BATAS_HITUNG + 1), "lebih": hasil.lebih,
            "berikutnya": hasil.berikutnya}


def _reset(nik):
    orang = layanan.cari_nik(nik)
    if orang is None:
        raise Penolakan(404, "penduduk_tidak_ditemukan", "Penduduk dengan NIK itu tidak ada di desa ini.")
    return {"pin": akun.reset_pin(orang, g.akun)}


@api.post("/reset-pin")
@operator_api
@api.input(ResetPinIn)
@api.output(PinOut)
@api.doc(summary="PIN sekali pakai yang baru; warga wajib menggantinya saat masuk",
         description="NIK di badan permintaan, tidak di URL (URL tercatat di log akses).",
         responses=[401, 403, 404, 422])
def reset_pin(json_data):
    return _reset(json_data["nik"])


@api.get("/ekspor")
@operator_api
@api.input(EksporIn, location="query")
@api.doc(summary="Unduh semua penduduk sebagai XLSX: format OpenSID (kode, lembar Kode Data) atau desaonline",
         responses={200: {"description": "berkas XLSX", "content": {XLSX: {}}}, 401: {}, 422: {}})
def ekspor_xlsx(query_data):
    return unduh_xlsx(*ekspor(query_data["format"]))


@api.post("/<nik>/reset-pin")
@operator_api
@api.output(PinOut)
@api.doc(summary="PIN sekali pakai yang baru (NIK di URL; dipertahankan demi kompatibilitas)",
         description="Sama dengan `POST /api/v1/operator/penduduk/reset-pin {nik}`, yang sebaiknya dipakai: "
                     "NIK di URL ikut tercatat di log akses.",
         deprecated=True, responses=[401, 403, 404])
def reset_pin_lama(nik):
    return _reset(nik)
