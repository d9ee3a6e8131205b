"""The operator's signing pages (desa host): the certificate and the signing method."""
from flask import flash, redirect, render_template, request, url_for

from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.operator.auth import operator_required
from desaonline.signing import bp, forms, layanan, sertifikat


@bp.before_request
def _batas_unggah():
    if request.endpoint == "signing.sertifikat" and request.method == "POST":
        request.max_content_length = sertifikat.UKURAN_MAKS + 16 * 1024


def _halaman(form=None, metode=None, status=200):
    ringkas = layanan.ringkasan()
    form = form or forms.SertifikatForm(formdata=None)
    metode = metode or forms.MetodeForm(formdata=None, metode=ringkas["metode"], bsre_nik=ringkas["bsre_nik"])
    return render_template("signing/sertifikat.html", form=form, metode=metode, ringkas=ringkas), status


@bp.route("", methods=["GET", "POST"], endpoint="sertifikat")
@operator_required
def sertifikat_page():
    """Show the desa's signing set-up; upload the Kepala Desa's certificate."""
    form = forms.SertifikatForm()
    if form.validate_on_submit():
        try:
            baru = layanan.unggah_sertifikat(form.berkas.data.read(sertifikat.UKURAN_MAKS + 1), form.sandi.data or "")
        except Penolakan as err:
            tampilkan_di_form(form, err, {"file": "berkas"})
        else:
            flash(f"Sertifikat {baru.subjek} tersimpan dan dipakai untuk surat berikutnya.", "sukses")
            return redirect(url_for("signing.sertifikat"))
    return _halaman(form=form, status=422 if form.errors else 200)


@bp.post("/metode")
@operator_required
def metode():
    """Choose how the desa signs."""
    form = forms.MetodeForm()
    if form.validate_on_submit():
        try:
            layanan.atur_metode(form.metode.data, form.bsre_nik.data)
        except Penolakan as err:
            tampilkan_di_form(form, err)
        else:
            flash("Cara tanda tangan disimpan.", "sukses")
            return redirect(url_for("signing.sertifikat"))
    return _halaman(metode=form, status=422)
