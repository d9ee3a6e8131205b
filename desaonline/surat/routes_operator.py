"""The operator's letter pages (``/operator/surat``, ``/operator/pengaturan``,
``/operator/pejabat``): the queue, the review, and the desa's letter settings."""
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from desaonline.operator.auth import operator_required
from desaonline.surat import antrean, berkas, bp, katalog, layanan, pejabat as pejabat_svc, tampil
from desaonline.surat.forms import (AksiForm, PejabatForm, PengaturanForm, SaringForm, SetujuiForm, TolakForm,
                                    pilihan, tandai_galat)
from desaonline.surat.galat import SuratError
from desaonline.surat.penomoran import PLACEHOLDER, contoh_nomor
from desaonline.surat.pengaturan import (desa_ini, pengaturan, pilihan_jenis, simpan_jenis,
                                         simpan_pengaturan)


def _perlu_passphrase():
    from desaonline.signing.penanda import perlu_passphrase
    return perlu_passphrase()


def _surat(surat_id):
    try:
        return layanan.surat_operator(surat_id)
    except SuratError:
        abort(404)


@bp.app_template_global()
def surat_ringkas_operator():
    """For the operator's dashboard: how many requests wait in each working state."""
    hitungan = antrean.hitung_status_desa(("diajukan", "diproses", "gagal"))
    return [(s, hitungan.get(s, 0)) for s in ("diajukan", "diproses", "gagal")]


# --- Queue and review --------------------------------------------------------------------

@bp.get("/operator/surat")
@operator_required
def antrean_operator():
    """Requests of the desa, newest first; by default those waiting (diajukan)."""
    form = SaringForm(request.args)
    if "status" not in request.args:
        form.status.data = "diajukan"
    try:
        hal = antrean.antrean_operator(form.status.data, form.jenis.data, request.args.get("halaman"))
    except SuratError as err:
        flash(err.message, "galat")
        return redirect(url_for("surat.antrean_operator"))
    return render_template("surat/operator_antrean.html", hal=hal, form=form)


def _form_setujui(surat, formdata=None):
    form = SetujuiForm(formdata=formdata)
    form.penandatangan.choices = pilihan(
        (str(p.id), f"{p.atas_nama + ' ' if p.atas_nama else ''}{p.jabatan} - {p.nama}") for p in pejabat_svc.daftar())
    if formdata is None:
        form.penandatangan.data = str(surat.pejabat_id)
    return form


def _periksa(surat, setujui=None, tolak=None, status=200):
    return render_template(
        "surat/operator_periksa.html", surat=surat, jenis=katalog.jenis(surat.jenis),
        isian=tampil.isian_terbaca(surat), desa_row=desa_ini(),
        form_setujui=setujui or _form_setujui(surat), form_tolak=tolak or TolakForm(formdata=None),
        perlu_passphrase=_perlu_passphrase(),
    ), status


@bp.get("/operator/surat/<int:surat_id>")
@operator_required
def periksa(surat_id):
    """One request with the resident's data and the preview; Setujui or Tolak."""
    return _periksa(_surat(surat_id))


@bp.post("/operator/surat/<int:surat_id>/setujui")
@operator_required
def setujui(surat_id):
    surat = _surat(surat_id)
    form = _form_setujui(surat, request.form)
    if not form.validate_on_submit():
        flash("Sesi formulir kedaluwarsa; silakan coba lagi.", "galat")
        return _periksa(surat, setujui=form, status=400)
    try:
        nomor = layanan.setujui(surat_id, current_user, form.penandatangan.data, form.passphrase.data)
    except SuratError as err:
        for pesan in tandai_galat(form, err):
            flash(pesan, "galat")
        return _periksa(_surat(surat_id), setujui=form, status=err.status)
    flash(f"Disetujui dengan nomor {nomor}. Surat sedang ditandatangani.", "sukses")
    return redirect(url_for("surat.periksa", surat_id=surat_id))


@bp.post("/operator/surat/<int:surat_id>/tolak")
@operator_required
def tolak(surat_id):
    surat = _surat(surat_id)
    form = TolakForm()
    if not form.validate_on_submit():
        flash("Sesi formulir kedaluwarsa; silakan coba lagi.", "galat")
        return _periksa(surat, tolak=form, status=400)
    try:
        layanan.tolak(surat_id, current_user, form.alasan.data)
    except SuratError as err:
        for pesan in tandai_galat(form, err):
            flash(pesan, "galat")
        return _periksa(_surat(surat_id), tolak=form, status=err.status)
    flash("Permohonan ditolak; pemohon dapat membaca alasannya.", "sukses")
    return redirect(url_for("surat.antrean_operator"))


@bp.get("/operator/surat/<int:surat_id>/pratinjau")
@operator_required
def pratinjau_operator(surat_id):
    return berkas.pratinjau(_surat(surat_id))


@bp.get("/operator/surat/<int:surat_id>/unduh")
@operator_required
def unduh_operator(surat_id):
    surat = _surat(surat_id)
    try:
        return berkas.unduh(surat)
    except SuratError as err:
        flash(err.message, "galat")
        return redirect(url_for("surat.periksa", surat_id=surat_id))


# --- Settings -----------------------------------------------------------------------------

def _isi_form_pengaturan(form):
    atur, desa = pengaturan(), desa_ini()
    for nama in ("kop_kabupaten", "kop_kecamatan", "kop_desa", "kop_alamat", "tempat_surat", "ukuran_kertas",
                 "margin_atas_mm", "margin_bawah_mm", "margin_kiri_mm", "margin_kanan_mm", "format_nomor",
                 "penomoran", "wa_operator_lain", "jam_layanan"):
        form[nama].data = getattr(atur, nama)
    for nama in ("wa_operator", "alamat_kantor", "telepon", "email"):
        form[nama].data = getattr(desa, nama)


def _halaman_pengaturan(form, status=200):
    atur, desa = pengaturan(), desa_ini()
    try:
        contoh = contoh_nomor(form.format_nomor.data or atur.format_nomor, desa.kode)
    except (KeyError, ValueError, IndexError):
        contoh = None
    return render_template("surat/operator_pengaturan.html", form=form, atur=atur, contoh=contoh,
                           placeholder=PLACEHOLDER), status


@bp.route("/operator/pengaturan", methods=["GET", "POST"])
@operator_required
def pengaturan_surat():
    """Letterhead, paper, number format, contact numbers."""
    form = PengaturanForm()
    if request.method == "GET":
        _isi_form_pengaturan(form)
        return _halaman_pengaturan(form)
    if not form.validate_on_submit() and form.csrf_token.errors:
        flash("Sesi formulir kedaluwarsa; silakan coba lagi.", "galat")
        return _halaman_pengaturan(form, 400)
    # IntegerField messages are English: the service checks the raw text instead.
    for nama in ("margin_atas_mm", "margin_bawah_mm", "margin_kiri_mm", "margin_kanan_mm"):
        form[nama].errors = []
    logo = form.logo.data.read() if form.logo.data else None
    data = {k: v for k, v in request.form.items()}
    try:
        simpan_pengaturan(data, logo=logo, hapus_logo=form.hapus_logo.data)
    except SuratError as err:
        for pesan in tandai_galat(form, err):
            flash(pesan, "galat")
        return _halaman_pengaturan(form, 422)
    flash("Pengaturan surat disimpan.", "sukses")
    return redirect(url_for("surat.pengaturan_surat"))


@bp.get("/operator/pengaturan/logo")
@operator_required
def logo_desa():
    atur = pengaturan()
    if not atur.logo:
        abort(404)
    jenis = "image/png" if atur.logo.startswith(b"\x89PNG") else "image/jpeg"
    return Response(atur.logo, mimetype=jenis, headers={"Cache-Control": "private, no-cache"})


@bp.route("/operator/pengaturan/jenis-surat", methods=["GET", "POST"])
@operator_required
def pengaturan_jenis():
    """Which letter types residents may request, and their kode klasifikasi."""
    form = AksiForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            flash("Sesi formulir kedaluwarsa; silakan coba lagi.", "galat")
        else:
            pilihan = {j.kode: (request.form.get(f"aktif_{j.kode}") == "1",
                                request.form.get(f"klasifikasi_{j.kode}", "")) for j in katalog.DAFTAR}
            try:
                simpan_jenis(pilihan)
            except SuratError as err:
                for pesan in (err.rincian.values() or [err.message]):
                    flash(pesan, "galat")
            else:
                flash("Jenis surat disimpan.", "sukses")
                return redirect(url_for("surat.pengaturan_jenis"))
    return render_template("surat/operator_jenis.html", form=form, daftar=pilihan_jenis())


# --- Signatories -----------------------------------------------------------------------------

def _data_pejabat(form):
    return {"nama": form.nama.data, "jabatan": form.jabatan.data, "nip": form.nip.data,
            "atas_nama": form.atas_nama.data, "kepala_desa": form.kepala_desa.data, "aktif": form.aktif.data}


@bp.route("/operator/pejabat", methods=["GET", "POST"])
@operator_required
def pejabat():
    """The signatories, and a form to add one."""
    form = PejabatForm()
    status = 200
    if form.validate_on_submit():
        try:
            baru = pejabat_svc.buat(_data_pejabat(form))
        except SuratError as err:
            tandai_galat(form, err)
            status = 422
        else:
            flash(f"{baru.jabatan} {baru.nama} ditambahkan.", "sukses")
            return redirect(url_for("surat.pejabat"))
    elif request.method == "POST":
        flash("Sesi formulir kedaluwarsa; silakan coba lagi.", "galat")
        status = 400
    return render_template("surat/operator_pejabat.html", form=form,
                           daftar=pejabat_svc.daftar(aktif_saja=False)), status


@bp.route("/operator/pejabat/<int:pejabat_id>", methods=["GET", "POST"])
@operator_required
def ubah_pejabat(pejabat_id):
    baris = pejabat_svc.cari(pejabat_id)
    if baris is None:
        abort(404)
    form = PejabatForm(obj=baris if request.method == "GET" else None)
    if request.method == "GET":
        form.atas_nama.data = baris.atas_nama or ""
    status = 200
    if form.validate_on_submit():
        try:
            pejabat_svc.ubah(baris, _data_pejabat(form))
        except SuratError as err:
            tandai_galat(form, err)
            status = 422
        else:
            flash("Data pejabat disimpan.", "sukses")
            return redirect(url_for("surat.pejabat"))
    elif request.method == "POST":
        flash("Sesi formulir kedaluwarsa; silakan coba lagi.", "galat")
        status = 400
    return render_template("surat/operator_pejabat_ubah.html", form=form, pejabat=baris), status
