"""The operator's part of the JSON API (CONTRACT.md): login, residents."""
from desaonline.admin.schemas import LoginIn, TokenOut
from desaonline.auth.login import cek_sandi, limit_gagal_login
from desaonline.auth.sessions import issue
from desaonline.errors import api_error
from desaonline.operator import api_bp as api
from desaonline.operator.models import Operator


@api.post("/login")
@limit_gagal_login
@api.input(LoginIn)
@api.output(TokenOut)
@api.doc(summary="Masuk sebagai operator desa ini", responses=[401, 429])
def login(json_data):
    operator = cek_sandi(Operator, json_data["username"], json_data["password"])
    if operator is None:
        api_error(401, "login_gagal", "Nama pengguna atau kata sandi salah.")
    return {"token": issue(operator, "api")}
