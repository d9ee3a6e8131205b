"""Public verification pages (desa host): where a letter's QR code leads."""
from flask import g, redirect, render_template, request, url_for

from desaonline.extensions import dibatasi, limiter
from desaonline.surat import kode_verifikasi
from desaonline.verifikasi import bp, forms, layanan


@bp.before_request
def _batas_unggah():
    if request.endpoint == "verifikasi.periksa_pdf":
        request.max_content_length = layanan.UKURAN_PDF_MAKS + 16 * 1024


def _halaman(kode_form=None, pdf_form=None, hasil=None, status=200):
    return render_template("verifikasi/beranda.html", kode_form=kode_form or forms.KodeForm(formdata=None),
                           pdf_form=pdf_form or forms.PdfForm(formdata=None), hasil=hasil), status


@bp.route("/", methods=["GET", "POST"])
def beranda():
    """Type a code, or upload a PDF."""
    form = forms.KodeForm()
    if form.validate_on_submit():
        return redirect(url_for("verifikasi.kode", kode=kode_verifikasi.baku(form.kode.data) or form.kode.data.strip()))
    return _halaman(kode_form=form, status=422 if form.errors else 200)


@bp.post("/pdf")
@dibatasi(limiter.limit(layanan.BATAS_PERIKSA_PDF, scope="verifikasi-pdf"))
def periksa_pdf():
    form = forms.PdfForm()
    if not form.validate_on_submit():
        return _halaman(pdf_form=form, status=422)
    hasil = layanan.periksa_pdf(form.berkas.data.read(), g.desa)
    return _halaman(hasil=hasil)


@bp.get("/<kode>")
def kode(kode):
    """The page a letter's QR code opens."""
    surat = layanan.cari_kode(kode, g.desa)
    return render_template("verifikasi/surat.html", surat=surat, kode=kode), 200 if surat else 404
