"""The operator's part of the JSON API: login (the register's endpoints are in ``penduduk``)."""
from desaonline.admin.schemas import LoginIn, TokenOut
from desaonline.auth.login import api_masuk, limit_gagal_login
from desaonline.operator import api_bp as api
from desaonline.operator.models import Operator


@api.post("/login")
@limit_gagal_login
@api.input(LoginIn)
@api.output(TokenOut)
@api.doc(summary="Masuk sebagai operator desa ini", responses=[401, 429])
def login(json_data):
    return api_masuk(Operator, json_data)
