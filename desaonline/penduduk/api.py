"""The resident register in the operator's JSON API (docs/api.md): import, PIN reset."""
from desaonline.errors import Penolakan
from desaonline.mandiri import akun
from desaonline.operator.auth import operator_api
from desaonline.penduduk import api_bp as api, layanan
from desaonline.penduduk.impor import impor_penduduk
from desaonline.penduduk.schemas import HasilImporOut, ImporIn, PinOut


@api.post("/impor")
@operator_api
@api.input(ImporIn, location="files")
@api.output(HasilImporOut)
@api.doc(summary="Impor penduduk dari CSV atau XLSX (format di docs/api.md)", responses=[401, 413, 422])
def impor(files_data):
    berkas = files_data["file"]
    return impor_penduduk(berkas.filename, berkas.read()).as_dict()


@api.post("/<nik>/reset-pin")
@operator_api
@api.output(PinOut)
@api.doc(summary="PIN sekali pakai yang baru; warga wajib menggantinya saat masuk", responses=[401, 404])
def reset_pin(nik):
    orang = layanan.cari_nik(nik)
    if orang is None:
        raise Penolakan(404, "penduduk_tidak_ditemukan", "Penduduk dengan NIK itu tidak ada di desa ini.")
    return {"pin": akun.reset_pin(orang)}
