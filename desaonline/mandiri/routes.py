"""The resident's pages: login, first PIN change, dashboard, biodata, family."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.widgets import PasswordInput

from desaonline.auth.decorators import peran_required, tujuan_aman
from desaonline.auth.sessions import login_web, logout_web, masuk_sebelumnya
from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.extensions import db
from desaonline.mandiri import akun, bp
from desaonline.mandiri.auth import limit_gagal_pin, penduduk_required
from desaonline.penduduk.data import anggota_keluarga, biodata
from desaonline.mandiri.forms import GantiPinForm, MasukForm
from desaonline.mandiri.kontak import kontak_desa
from desaonline.whatsapp import wa_tampil

login_required = peran_required(("penduduk",), "mandiri.masuk")


def _penduduk_masuk():
    return current_user.is_authenticated and current_user.peran == "penduduk"


@bp.route("/masuk", methods=["GET", "POST"])
@limit_gagal_pin
def masuk():
    """Login with NIK and PIN (the first PIN is the birth date)."""
    if _penduduk_masuk():
        return redirect(url_for("mandiri.beranda"))
    form = MasukForm()
    kontak = kontak_desa()

    def halaman(status=200, headers=()):
        return render_template("mandiri/masuk.html", form=form, kontak=kontak,
                               wa_tampil=wa_tampil(kontak["wa_operator"])), status, headers

    if not form.validate_on_submit():
        return halaman(422 if form.errors else 200)
    try:
        penduduk = akun.masuk(form.nik.data, form.pin.data, form.no_kk.data)
    except Penolakan as err:  # 401 is counted by the per-address limit; 429 carries Retry-After
        if err.kode == "no_kk_diperlukan":
            # Only the KK number is missing: keep the (birth-date) PIN so it is not typed twice.
            form.pin.widget = PasswordInput(hide_value=False)
            tampilkan_di_form(form, err)
        else:
            flash(err.pesan, "galat")
        return halaman(err.status, err.headers)
    login_web(penduduk)
    if penduduk.wajib_ganti_pin:
        return redirect(url_for("mandiri.ganti_pin"))
    return redirect(tujuan_aman(request.args.get("next")) or url_for("mandiri.beranda"))


@bp.route("/ganti-pin", methods=["GET", "POST"])
@login_required
def ganti_pin():
    """Change the PIN; forced after the first login and after a PIN reset."""
    form = GantiPinForm()
    status = 200
    if form.validate_on_submit():
        try:
            akun.ganti_pin(current_user._get_current_object(), form.pin_lama.data, form.pin_baru.data)
        except Penolakan as err:
            tampilkan_di_form(form, err)
            return render_template("mandiri/ganti_pin.html", form=form), err.status, err.headers
        else:
            db.session.commit()
            login_web(current_user._get_current_object())  # every session ended: start this one again
            flash("PIN berhasil diganti. Gunakan PIN baru saat masuk berikutnya. Periksa biodata Anda di bawah.",
                  "sukses")
            # The printed guide's step 5: after the new PIN "the full personal data appears".
            return redirect(url_for("mandiri.biodata"))
    elif form.errors:
        status = 422
    return render_template("mandiri/ganti_pin.html", form=form), status


@bp.post("/keluar")
def keluar():
    if _penduduk_masuk():
        logout_web(current_user._get_current_object())
    flash("Anda sudah keluar.", "info")
    return redirect(url_for("mandiri.masuk"))


@bp.get("/")
@penduduk_required
def beranda():
    """Greeting, the resident's letter requests, and how to reach the operator."""
    kontak = kontak_desa()
    return render_template("mandiri/beranda.html", kontak=kontak, wa_tampil=wa_tampil(kontak["wa_operator"]),
                           sebelumnya=masuk_sebelumnya(current_user))


@bp.get("/biodata", endpoint="biodata")
@penduduk_required
def biodata_saya():
    return render_template("mandiri/biodata.html", data=biodata(current_user))


@bp.get("/keluarga")
@penduduk_required
def keluarga():
    return render_template("mandiri/keluarga.html", data=biodata(current_user),
                           anggota=anggota_keluarga(current_user))
