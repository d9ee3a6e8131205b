"""The operator's letter pages (``/operator/surat``): the queue, the review (Setujui,
Tolak), retrying a failed letter, the preview and the signed PDF."""
from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.operator.auth import operator_required
from desaonline.signing.forms import MintaTotpForm
from desaonline.signing.penanda import bisa_totp, perlu_passphrase
from desaonline.surat import (antrean, berkas, katalog, kesiapan, klasifikasi as klasifikasi_svc,
                              lampiran as lampiran_svc, layanan, operator_bp as bp, pejabat as pejabat_svc, status,
                              syarat as syarat_svc, tampil)
from desaonline.surat.forms import SaringForm, SetujuiBanyakForm, SetujuiForm, TolakForm, UlangiForm, pilihan
from desaonline.surat.pengaturan import desa_ini


@bp.app_template_global()
def kesiapan_desa():
    """For the operator's dashboard: (Kesiapan, [what is still missing before letters can be issued])."""
    return kesiapan.desa_ini()


@bp.app_template_global()
def surat_ringkas_operator():
    """For the operator's dashboard: how many requests wait in each working state."""
    hitungan = antrean.hitung_status_desa(status.KERJA_OPERATOR)
    return [(s, hitungan.get(s, 0)) for s in status.KERJA_OPERATOR]


@bp.get("")
@operator_required
def antrean_surat():
    """Requests of the desa, newest first; by default those waiting (diajukan)."""
    form = SaringForm(request.args)
    if "status" not in request.args:
        form.status.data = status.DIAJUKAN
    try:
        hal = antrean.antrean_operator(form.status.data, form.jenis.data, request.args.get("halaman"))
    except Penolakan as err:
        flash(err.pesan, "galat")
        return redirect(url_for("surat_operator.antrean_surat"))
    return render_template("surat/operator_antrean.html", hal=hal, form=form,
                           form_setujui=SetujuiBanyakForm(formdata=None), perlu_passphrase=perlu_passphrase(),
                           bisa_totp=bisa_totp(), diajukan=status.DIAJUKAN,
                           form_totp=MintaTotpForm(formdata=None, kembali=request.full_path.rstrip("?")))


@bp.post("/setujui")
@operator_required
def setujui_banyak():
    """The letters ticked in the queue, approved together (one BSrE passphrase for all)."""
    form = SetujuiBanyakForm()
    kembali = redirect(url_for("surat_operator.antrean_surat"))
    if not form.validate_on_submit():
        flash("Formulir tidak valid; pilih surat lalu coba lagi.", "galat")
        return kembali
    try:
        disetujui, ditolak = layanan.setujui_banyak(form.surat.data or [], current_user, form.passphrase.data,
                                                    form.totp.data)
    except Penolakan as err:
        flash(err.pesan, "galat")
        return kembali
    flash(f"{len(disetujui)} surat disetujui dengan nomor {', '.join(n for _, n in disetujui)}; surat sedang "
          "ditandatangani.", "sukses")
    for surat_id, err in ditolak:
        flash(f"Surat #{surat_id} tidak disetujui: {err.pesan}", "galat")
    return kembali


def _form_setujui(surat, formdata=None):
    form = SetujuiForm(formdata=formdata)
    form.penandatangan.choices = pilihan(
        (str(p.id), f"{p.atas_nama + ' ' if p.atas_nama else ''}{p.jabatan} - {p.nama}") for p in pejabat_svc.daftar())
    if formdata is None:
        form.penandatangan.data = str(surat.pejabat_id)
        form.klasifikasi.data = surat.klasifikasi
    return form


def _periksa(surat, setujui=None, tolak=None, ulangi=None, status_http=200):
    lampiran = lampiran_svc.daftar(surat)
    syarat_lampiran = lampiran_svc.ringkas_syarat(surat, lampiran)
    return render_template(
        "surat/operator_periksa.html", surat=surat, jenis=katalog.jenis(surat.jenis),
        isian=tampil.isian_terbaca(surat), desa_row=desa_ini(), lampiran=lampiran, syarat_lampiran=syarat_lampiran,
        minta_dokumen=[d for d, _ada in syarat_lampiran] or list(syarat_svc.DOKUMEN[:3]),
        lengkapi=tampil.lengkapi(surat),
        form_setujui=setujui or _form_setujui(surat), form_tolak=tolak or TolakForm(formdata=None),
        form_ulangi=ulangi or UlangiForm(formdata=None), perlu_passphrase=perlu_passphrase(), bisa_totp=bisa_totp(),
        form_totp=MintaTotpForm(formdata=None, kembali=url_for("surat_operator.periksa", surat_id=surat.id)),
        saran_klasifikasi=klasifikasi_svc.saran(surat.klasifikasi),
        # While the workers sign it the page follows it, as the resident's does.
        pantau=surat.status == status.DIPROSES,
    ), status_http


@bp.get("/<int:surat_id>")
@operator_required
def periksa(surat_id):
    """One request with the resident's data and the preview; Setujui or Tolak."""
    return _periksa(layanan.surat_operator(surat_id))


@bp.post("/<int:surat_id>/setujui")
@operator_required
def setujui(surat_id):
    surat = layanan.surat_operator(surat_id)
    form = _form_setujui(surat, request.form)
    try:
        nomor = layanan.setujui(surat_id, current_user, form.penandatangan.data, form.passphrase.data,
                                form.klasifikasi.data, form.totp.data)
    except Penolakan as err:
        tampilkan_di_form(form, err)
        return _periksa(layanan.surat_operator(surat_id), setujui=form, status_http=err.status)
    flash(f"Disetujui dengan nomor {nomor}. Surat sedang ditandatangani.", "sukses")
    return redirect(url_for("surat_operator.periksa", surat_id=surat_id))


@bp.post("/<int:surat_id>/tolak")
@operator_required
def tolak(surat_id):
    form = TolakForm()
    # Ticked documents ask the resident to complete the request; "lain" alone: those named in the reason.
    diminta = request.form.getlist("lengkapi")
    lengkapi = [k for k in diminta if k != "lain"] if diminta else None
    try:
        layanan.tolak(surat_id, current_user, form.alasan.data, lengkapi)
    except Penolakan as err:
        tampilkan_di_form(form, err)
        return _periksa(layanan.surat_operator(surat_id), tolak=form, status_http=err.status)
    flash("Permohonan dikembalikan; pemohon diminta melengkapi dokumen." if lengkapi is not None else
          "Permohonan ditolak; pemohon dapat membaca alasannya.", "sukses")
    return redirect(url_for("surat_operator.antrean_surat"))


@bp.post("/<int:surat_id>/ulangi")
@operator_required
def ulangi(surat_id):
    """The "Ulangi" button on a failed letter."""
    form = UlangiForm()
    try:
        layanan.ulangi(surat_id, current_user, form.passphrase.data, form.totp.data)
    except Penolakan as err:
        tampilkan_di_form(form, err)
        return _periksa(layanan.surat_operator(surat_id), ulangi=form, status_http=err.status)
    flash("Surat dikirim ulang untuk ditandatangani.", "sukses")
    return redirect(url_for("surat_operator.periksa", surat_id=surat_id))


@bp.get("/<int:surat_id>/status")
@operator_required
def status_surat(surat_id):
    """What the review page polls while the letter is being signed (cookie session, JSON)."""
    surat = layanan.surat_operator(surat_id)
    return jsonify(tampil.pantauan(surat, url_for("surat_operator.unduh", surat_id=surat.id)))


@bp.get("/<int:surat_id>/lampiran/<int:lampiran_id>")
@operator_required
def lampiran(surat_id, lampiran_id):
    return lampiran_svc.kirim(lampiran_svc.satu(layanan.surat_operator(surat_id), lampiran_id))


@bp.get("/<int:surat_id>/pratinjau")
@operator_required
def pratinjau(surat_id):
    return berkas.pratinjau(layanan.surat_operator(surat_id))


@bp.get("/<int:surat_id>/unduh")
@operator_required
def unduh(surat_id):
    surat = layanan.surat_operator(surat_id)
    try:
        return berkas.unduh(surat)
    except Penolakan as err:
        flash(err.pesan, "galat")
        return redirect(url_for("surat_operator.periksa", surat_id=surat_id))
