"""The operator's pages: login, logout, dashboard."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from desaonline.auth.decorators import tujuan_aman
from desaonline.auth.login import cek_sandi, limit_gagal_login
from desaonline.auth.sessions import login_web, logout_web
from desaonline.extensions import db
from desaonline.mandiri.models import Keluarga, Penduduk
from desaonline.operator import bp
from desaonline.operator.auth import operator_required
from desaonline.operator.forms import MasukForm
from desaonline.operator.models import Operator


def _operator_masuk():
    return current_user.is_authenticated and current_user.peran == "operator"


@bp.route("/masuk", methods=["GET", "POST"])
@limit_gagal_login
def masuk():
    """Login for the desa's operators."""
    if _operator_masuk():
        return redirect(url_for("operator.beranda"))
    form = MasukForm()
    if not form.validate_on_submit():
        return render_template("operator/masuk.html", form=form), 422 if form.errors else 200
    operator = cek_sandi(Operator, form.username.data, form.password.data)
    if operator is None:
        flash("Nama pengguna atau kata sandi salah.", "galat")
        return render_template("operator/masuk.html", form=form), 401  # 401: counted by the failed-login limit
    login_web(operator)
    return redirect(tujuan_aman(request.args.get("next")) or url_for("operator.beranda"))


@bp.post("/keluar")
def keluar():
    if _operator_masuk():
        logout_web(current_user._get_current_object())
    flash("Anda sudah keluar.", "info")
    return redirect(url_for("operator.masuk"))


@bp.get("/")
@operator_required
def beranda():
    """What the operator works on: the letter queue, residents, settings."""
    jumlah = {
        "penduduk": db.session.scalar(select(func.count()).select_from(Penduduk).where(Penduduk.aktif.is_(True))),
        "keluarga": db.session.scalar(select(func.count()).select_from(Keluarga)),
    }
    return render_template("operator/beranda.html", jumlah=jumlah)
