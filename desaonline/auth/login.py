"""Username + password login, shared by admins (portal) and operators (desa host):
the check, the login form, the login/logout pages and the API login."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from desaonline.auth import kunci
from desaonline.auth.decorators import tujuan_aman
from desaonline.auth.kunci import Kebijakan, Terkunci
from desaonline.auth.passwords import burn_time, verify_secret
from desaonline.auth.sessions import issue, login_web, logout_web
from desaonline.errors import Penolakan
from desaonline.extensions import db, dibatasi, limiter

# Counts failed attempts only (deduct_when), per client address: a village hall's
# shared connection must not lock out the staff behind it.
GAGAL_PER_ALAMAT = "30/minute;300/hour"
SALAH = "Nama pengguna atau kata sandi salah."
WAJIB = "Wajib diisi."
# Per account, in the database (desaonline.auth.kunci): ten wrong passwords in a row
# lock it; the admin's password reset unlocks an operator.
KEBIJAKAN_SANDI = Kebijakan(batas=10, sebutan="kata sandi",
                            bantuan=lambda: "Minta admin untuk membuka kunci atau mengatur ulang kata sandi.")


def _failed(response):
    return response.status_code in (401, 403)


limit_gagal_login = dibatasi(limiter.shared_limit(GAGAL_PER_ALAMAT, scope="login-gagal", deduct_when=_failed))


class MasukForm(FlaskForm):
    username = StringField("Nama Pengguna", validators=[DataRequired(WAJIB), Length(max=64)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField("Kata Sandi", validators=[DataRequired(WAJIB), Length(max=256)],
                             render_kw={"autocomplete": "current-password"})


def cek_sandi(model, username, password):
    """The active account with that username and password, or None (same time either way).

    Raises ``Terkunci`` (429) while the account, or a name of no account, is locked."""
    username, password = (username or "").strip(), password or ""
    akun = db.session.scalar(select(model).where(model.username == username))
    if akun is None or not akun.aktif:
        burn_time(password)
        kunci.periksa_asing(model.jenis_akun, username, KEBIJAKAN_SANDI)
        kunci.catat_asing(model.jenis_akun, username, KEBIJAKAN_SANDI)
        return None
    try:
        kunci.periksa(akun, KEBIJAKAN_SANDI)
    except Terkunci:
        burn_time(password)
        raise
    if not verify_secret(akun.password_hash, password):
        kunci.catat_gagal(akun, KEBIJAKAN_SANDI)
        return None
    kunci.catat_berhasil(akun)
    return akun


def _sudah_masuk(peran):
    return current_user.is_authenticated and current_user.peran in peran


def halaman_masuk(model, peran, template, beranda):
    """The login page: GET shows the form, POST logs in and goes to ``?next=`` or ``beranda``.
    A wrong password answers 401 so that ``limit_gagal_login`` counts it."""
    if _sudah_masuk(peran):
        return redirect(url_for(beranda))
    form = MasukForm()
    if not form.validate_on_submit():
        return render_template(template, form=form), 422 if form.errors else 200
    try:
        akun = cek_sandi(model, form.username.data, form.password.data)
    except Penolakan as err:  # locked: 429 with Retry-After
        flash(err.pesan, "galat")
        return render_template(template, form=form), err.status, err.headers
    if akun is None:
        flash(SALAH, "galat")
        return render_template(template, form=form), 401
    login_web(akun)
    return redirect(tujuan_aman(request.args.get("next")) or url_for(beranda))


def halaman_keluar(peran, halaman_login):
    if _sudah_masuk(peran):
        logout_web(current_user._get_current_object())
    flash("Anda sudah keluar.", "info")
    return redirect(url_for(halaman_login))


def api_masuk(model, json_data):
    """``POST .../login {username, password}`` -> ``{token}`` for this host."""
    akun = cek_sandi(model, json_data["username"], json_data["password"])
    if akun is None:
        raise Penolakan(401, "login_gagal", SALAH)
    return {"token": issue(akun, "api")}
