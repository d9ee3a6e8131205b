"""The operator's pages: login, logout, dashboard, own password."""
from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import func, select

from desaonline.auth.login import halaman_keluar, halaman_masuk, limit_gagal_login
from desaonline.extensions import db
from desaonline.penduduk.models import Keluarga, Penduduk
from desaonline.operator import bp
from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.operator import layanan
from desaonline.operator.auth import operator_masuk_required, operator_required
from desaonline.operator.forms import GantiSandiForm
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


@bp.route("/ganti-sandi", methods=["GET", "POST"])
@operator_masuk_required
def ganti_sandi():
    """Replace the password; the first page after a login with a one-time password."""
    form = GantiSandiForm()
    status = 200
    if form.validate_on_submit():
        akun = current_user._get_current_object()
        try:
            layanan.ganti_sandi(akun, form.sandi_lama.data, form.sandi_baru.data, tetap=akun.sesi_token)
        except Penolakan as err:
            db.session.rollback()
            tampilkan_di_form(form, err)
            status = err.status
        else:
            flash("Kata sandi baru disimpan.", "sukses")
            return redirect(url_for("operator.beranda"))
    elif form.errors:
        status = 422
    return render_template("operator/ganti_sandi.html", form=form), status
