"""The operator's signing pages (desa host): the certificate, the signing method, BSrE."""
from flask import flash, redirect, render_template, request, url_for

from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.operator.auth import operator_required
from desaonline.signing import bp, forms, gambar, layanan, sertifikat


@bp.before_request
def _batas_unggah():
    if request.method == "POST" and request.endpoint == "signing.sertifikat":
        request.max_content_length = sertifikat.UKURAN_MAKS + 16 * 1024
    elif request.method == "POST" and request.endpoint == "signing.spesimen":
        request.max_content_length = gambar.UKURAN_MAKS + 16 * 1024


def _status(ringkas):
    """The Kepala Desa's status at BSrE, or why it cannot be told (never an error page)."""
    if not ringkas["bsre_nik"] or not ringkas["bsre_esign_client"]:
        return None
    try:
        hasil = layanan.status_penanda()
    except Penolakan as err:
        return {"status": None, "pesan": err.pesan, "bisa_menandatangani": False}
    return {"status": hasil.status, "pesan": hasil.pesan, "bisa_menandatangani": hasil.bisa_menandatangani}


def _halaman(status=200, **forms_):
    ringkas = layanan.ringkasan()
    isi = {
        "form": forms.SertifikatForm(formdata=None),
        "metode": forms.MetodeForm(formdata=None, metode=ringkas["metode"], bsre_nik=ringkas["bsre_nik"],
                                   bsre_visual=ringkas["bsre_visual"], bsre_letak=ringkas["bsre_letak"]),
        "spesimen": forms.SpesimenForm(formdata=None),
        "esign": forms.EsignClientForm(formdata=None, url=ringkas["bsre_url_desa"],
                                       versi=ringkas["bsre_versi"] if ringkas["bsre_url_desa"] else "1"),
        "hapus_esign": forms.TombolForm(formdata=None),
    }
    isi.update(forms_)
    return render_template("signing/sertifikat.html", ringkas=ringkas, status_bsre=_status(ringkas), **isi), status


def _simpan(nama, form, aksi, pesan, nama_isian=None):
    """One of the page's forms: run ``aksi`` when it validates, back to the page with
    ``pesan`` (text, or a function of what ``aksi`` returned); a refusal stays on the form."""
    if not form.validate_on_submit():
        return _halaman(status=422, **{nama: form})
    try:
        hasil = aksi()
    except Penolakan as err:
        tampilkan_di_form(form, err, nama_isian)
        return _halaman(status=err.status, **{nama: form})
    flash(pesan(hasil) if callable(pesan) else pesan, "sukses")
    return redirect(url_for("signing.sertifikat"))


@bp.route("", methods=["GET", "POST"], endpoint="sertifikat")
@operator_required
def sertifikat_page():
    """Show the desa's signing set-up; upload the Kepala Desa's certificate."""
    if request.method == "GET":
        return _halaman()
    form = forms.SertifikatForm()
    return _simpan("form", form,
                   lambda: layanan.unggah_sertifikat(form.berkas.data.read(sertifikat.UKURAN_MAKS + 1),
                                                     form.sandi.data or ""),
                   lambda baru: f"Sertifikat {baru.subjek} tersimpan dan dipakai untuk surat berikutnya.",
                   {"file": "berkas"})


@bp.post("/metode")
@operator_required
def metode():
    """Choose how the desa signs (BSrE only when the Kepala Desa's certificate is ISSUE there)."""
    form = forms.MetodeForm()
    return _simpan("metode", form,
                   lambda: layanan.atur_metode(form.metode.data, form.bsre_nik.data, form.bsre_visual.data,
                                               form.bsre_letak.data),
                   "Cara tanda tangan disimpan.")


@bp.post("/spesimen", endpoint="spesimen")
@operator_required
def spesimen():
    form = forms.SpesimenForm()
    return _simpan("spesimen", form, lambda: layanan.unggah_spesimen(form.berkas.data.read(gambar.UKURAN_MAKS + 1)),
                   "Gambar spesimen tersimpan.", {"file": "berkas"})


@bp.post("/esign-client")
@operator_required
def esign_client():
    """The desa's own esign client (URL, API version, the application's credentials)."""
    form = forms.EsignClientForm()
    return _simpan("esign", form,
                   lambda: layanan.atur_akun_desa(form.url.data, form.versi.data, form.username.data,
                                                  form.password.data),
                   "Esign client desa tersimpan; surat berikutnya ditandatangani lewat esign client ini.")


@bp.post("/esign-client/hapus")
@operator_required
def hapus_esign_client():
    if forms.TombolForm().validate_on_submit():
        layanan.hapus_akun_desa()
        flash("Desa kembali memakai esign client kabupaten.", "sukses")
    return redirect(url_for("signing.sertifikat"))


@bp.post("/totp")
@operator_required
def minta_totp():
    """BSrE API v2: ask BSrE to mail the Kepala Desa a TOTP; back to the page it came from."""
    form = forms.MintaTotpForm()
    kembali = form.kembali.data if (form.kembali.data or "").startswith("/operator/") else url_for("signing.sertifikat")
    if not form.validate_on_submit():
        flash("Jumlah surat harus angka 1 sampai 20.", "galat")
        return redirect(kembali)
    try:
        layanan.minta_totp(form.jumlah.data or 1)
    except Penolakan as err:
        flash(err.pesan, "galat")
    else:
        flash("Kode TOTP dikirim BSrE ke email Kepala Desa; ketik kode itu saat menyetujui.", "sukses")
    return redirect(kembali)
