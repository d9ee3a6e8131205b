"""The operator's part of the JSON API (CONTRACT.md): login, residents."""
from desaonline.admin.schemas import LoginIn, TokenOut
from desaonline.auth.login import api_masuk, limit_gagal_login
from desaonline.errors import api_error
from desaonline.mandiri import akun, penduduk as layanan
from desaonline.mandiri.impor import BerkasTidakValid, impor_penduduk
from desaonline.operator import api_bp as api
from desaonline.operator.auth import operator_api
from desaonline.operator.models import Operator
from desaonline.operator.schemas import HasilImporOut, ImporIn, PinOut


@api.post("/login")
@limit_gagal_login
@api.input(LoginIn)
@api.output(TokenOut)
@api.doc(summary="Masuk sebagai operator desa ini", responses=[401, 429])
def login(json_data):
    return api_masuk(Operator, json_data)


@api.post("/penduduk/impor")
@operator_api
@api.input(ImporIn, location="files")
@api.output(HasilImporOut)
@api.doc(summary="Impor penduduk dari CSV atau XLSX (format di CONTRACT.md)", responses=[401, 413, 422])
def impor(files_data):
    berkas = files_data["file"]
    try:
        hasil = impor_penduduk(berkas.filename, berkas.read())
    except BerkasTidakValid as err:
        api_error(422, "berkas_tidak_valid", str(err))
    return hasil.as_dict()


@api.post("/penduduk/<nik>/reset-pin")
@operator_api
@api.output(PinOut)
@api.doc(summary="PIN sekali pakai yang baru; warga wajib menggantinya saat masuk", responses=[401, 404])
def reset_pin(nik):
    orang = layanan.cari_nik(nik)
    if orang is None:
        api_error(404, "penduduk_tidak_ditemukan", "Penduduk dengan NIK itu tidak ada di desa ini.")
    return {"pin": akun.reset_pin(orang)}
