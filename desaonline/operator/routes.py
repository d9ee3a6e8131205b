"""The operator's pages: login, logout, dashboard."""
from flask import render_template
from sqlalchemy import func, select

from desaonline.auth.login import halaman_keluar, halaman_masuk, limit_gagal_login
from desaonline.extensions import db
from desaonline.penduduk.models import Keluarga, Penduduk
from desaonline.operator import bp
from desaonline.operator.auth import operator_required
from desaonline.operator.models import Operator


@bp.route("/masuk", methods=["GET", "POST"])
@limit_gagal_login
def masuk():
    """Login for the desa's operators."""
    return halaman_masuk(Operator, ("operator",), "operator/masuk.html", "operator.beranda")


@bp.post("/keluar")
def keluar():
    return halaman_keluar(("operator",), "operator.masuk")


@bp.get("/")
@operator_required
def beranda():
    """What the operator works on: the letter queue, residents, settings."""
    jumlah = {
        "penduduk": db.session.scalar(select(func.count()).select_from(Penduduk).where(Penduduk.aktif)),
        "keluarga": db.session.scalar(select(func.count()).select_from(Keluarga)),
    }
    return render_template("operator/beranda.html", jumlah=jumlah)
