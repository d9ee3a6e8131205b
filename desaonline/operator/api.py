"""The operator's part of the JSON API: login and own password (the register's endpoints are in ``penduduk``)."""
from apiflask.fields import String
from apiflask.validators import Length
from flask import g

from desaonline.admin.schemas import LoginIn, TokenOut
from desaonline.auth.login import api_masuk, limit_gagal_login
from desaonline.operator import api_bp as api, layanan
from desaonline.operator.auth import operator_api_sebelum_ganti
from desaonline.operator.models import Operator
from desaonline.skema import Schema


@api.post("/login")
@limit_gagal_login
@api.input(LoginIn)
@api.output(TokenOut)
@api.doc(summary="Masuk sebagai operator desa ini", responses=[401, 429])
def login(json_data):
    return api_masuk(Operator, json_data)


class GantiSandiIn(Schema):
    sandi_lama = String(required=True, validate=Length(1, 256))
    sandi_baru = String(required=True, validate=Length(1, 256))


@api.post("/ganti-sandi")
@operator_api_sebelum_ganti
@api.input(GantiSandiIn)
@api.output({}, status_code=204)
@api.doc(summary="Ganti kata sandi sendiri (wajib setelah kata sandi sekali pakai dari admin)",
         responses=[401, 403, 422, 429])
def ganti_sandi(json_data):
    layanan.ganti_sandi(g.akun, json_data["sandi_lama"], json_data["sandi_baru"], tetap=g.akun.sesi_token)
    return ""
