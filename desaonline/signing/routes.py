"""The operator's signing pages (desa host): certificate, method, retry a failed letter."""
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from desaonline.operator.auth import operator_required
from desaonline.signing import bp, forms, layanan, penanda, sertifikat


@bp.before_request
def _batas_unggah():
    if request.endpoint == "signing.sertifikat" and request.method == "POST":
        request.max_content_length = sertifikat.UKURAN_MAKS + 16 * 1024


@bp.route("/sertifikat", methods=["GET", "POST"], endpoint="sertifikat")
@operator_required
def sertifikat_page():
    """Show the desa's signing set-up; upload the Kepala Desa's certificate."""
    form = forms.SertifikatForm()
    if form.validate_on_submit():
        try:
            baru = layanan.unggah_sertifikat(form.berkas.data.read(sertifikat.UKURAN_MAKS + 1), form.sandi.data or "")
        except layanan.TtdError as err:
            form.berkas.errors = [*form.berkas.errors, err.message]
        else:
            flash(f"Sertifikat {baru.subjek} tersimpan dan dipakai untuk surat berikutnya.", "sukses")
            return redirect(url_for("signing.sertifikat"))
    ringkas = layanan.ringkasan()
    metode = forms.MetodeForm(formdata=None, metode=ringkas["metode"], bsre_nik=ringkas["bsre_nik"])
    return render_template("signing/sertifikat.html", form=form, metode=metode, ringkas=ringkas), \
        (422 if form.errors else 200)


@bp.post("/sertifikat/metode")
@operator_required
def metode():
    """Choose how the desa signs."""
    form = forms.MetodeForm()
    if form.validate_on_submit():
        try:
            layanan.atur_metode(form.metode.data, form.bsre_nik.data)
        except layanan.TtdError as err:
            form.bsre_nik.errors = [*form.bsre_nik.errors, err.message]
        else:
            flash("Cara tanda tangan disimpan.", "sukses")
            return redirect(url_for("signing.sertifikat"))
    ringkas = layanan.ringkasan()
    return render_template("signing/sertifikat.html", form=forms.SertifikatForm(formdata=None), metode=form,
                           ringkas=ringkas), 422


def _kembali(surat_id):
    tujuan = request.form.get("kembali", "")
    parts = urlsplit(tujuan)
    if tujuan.startswith("/") and not tujuan.startswith("//") and not parts.netloc and "\\" not in tujuan:
        return tujuan
    return request.referrer if request.referrer and urlsplit(request.referrer).netloc == request.host else "/operator/"


@bp.post("/surat/<int:surat_id>/ulangi")
@operator_required
def ulangi(surat_id):
    """The "Ulangi" button on a failed letter."""
    form = forms.UlangiForm()
    if not form.validate_on_submit():
        flash("Formulir kedaluwarsa; muat ulang halaman lalu coba lagi.", "galat")
        return redirect(_kembali(surat_id))
    try:
        layanan.ulangi_surat(surat_id, current_user, form.passphrase.data or None)
    except layanan.TtdError as err:
        flash(err.message, "galat")
    else:
        flash("Surat dikirim ulang untuk ditandatangani.", "sukses")
    return redirect(_kembali(surat_id))


def perlu_passphrase():
    """For templates: does approving/retrying here need the BSrE passphrase?"""
    return penanda.perlu_passphrase()


@bp.app_context_processor
def _konteks():
    return {"ulangi_form": forms.UlangiForm, "ttd_perlu_passphrase": perlu_passphrase}
