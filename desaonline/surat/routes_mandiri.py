"""The resident's letter pages (``/mandiri/surat...``): pick a type, fill it in,
save, preview, submit, follow it, download it. Same services as the API."""
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from desaonline.mandiri.auth import penduduk_required
from desaonline.surat import antrean, berkas, bp, katalog, layanan, pejabat as pejabat_svc, tampil
from desaonline.surat.forms import AksiForm, data_form_surat, form_surat, tandai_galat
from desaonline.surat.galat import SuratError
from desaonline.surat.models import STATUS
from desaonline.surat.pengaturan import jenis_ditawarkan, jenis_tersedia
from desaonline.templating import STATUS_LABEL

# While a request is in these states its page keeps asking for news.
MENUNGGU = ("diajukan", "diproses")


def _surat(surat_id):
    try:
        return layanan.surat_pemohon(current_user, surat_id)
    except SuratError:
        abort(404)


def _flash_galat(err):
    flash(err.message, "galat")


def _csrf_kedaluwarsa(form):
    if request.method == "POST" and form.csrf_token.errors:
        flash("Sesi formulir kedaluwarsa; silakan kirim ulang.", "galat")


@bp.app_template_filter("nama_jenis_surat")
def nama_jenis_surat(kode):
    return tampil.nama_jenis(kode)


@bp.app_template_global()
def surat_ringkas_penduduk(penduduk, jumlah=3):
    """For the resident's dashboard: counts per status and the latest requests."""
    hal = antrean.surat_penduduk(penduduk, 1, jumlah)
    hitungan = antrean.hitung_per_status(penduduk)
    return {"per_status": [(s, hitungan[s]) for s in STATUS if s in hitungan], "terbaru": hal.isi,
            "total": hal.total}


@bp.get("/mandiri/surat")
@penduduk_required
def daftar():
    """The resident's requests, newest first, with what can be done to each."""
    hal = antrean.surat_penduduk(current_user, request.args.get("halaman"))
    return render_template("surat/mandiri_daftar.html", hal=hal, aksi=AksiForm(), STATUS_LABEL=STATUS_LABEL)


@bp.get("/mandiri/surat/buat")
@penduduk_required
def pilih_jenis():
    """Step one of Buat Surat: the letter types of this desa, by name."""
    return render_template("surat/mandiri_pilih_jenis.html", daftar_jenis=jenis_tersedia())


def _form(jenis, surat=None, formdata=None):
    anggota = layanan.keluarga(current_user)
    daftar_pejabat = pejabat_svc.daftar()
    if surat is not None:
        awal = {"nik": surat.subjek.nik, "klasifikasi": surat.klasifikasi, "keperluan": surat.keperluan,
                "keterangan": surat.keterangan or "", "penandatangan": str(surat.pejabat_id), **(surat.data or {})}
    else:
        bawaan = pejabat_svc.bawaan()
        awal = {"nik": current_user.nik, "klasifikasi": jenis_ditawarkan(jenis.kode)[1],
                "penandatangan": str(bawaan.id) if bawaan else ""}
    return form_surat(jenis, anggota, daftar_pejabat, formdata=formdata, data=awal)


@bp.route("/mandiri/surat/buat/<kode>", methods=["GET", "POST"])
@penduduk_required
def buat(kode):
    """Step two: the form of one type; Simpan keeps a draft."""
    ditawarkan = jenis_ditawarkan(kode)
    if ditawarkan is None:
        abort(404)
    jenis = ditawarkan[0]
    form = _form(jenis, formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        try:
            surat = layanan.buat_konsep(current_user, {"jenis": kode, **data_form_surat(form, jenis)})
        except SuratError as err:
            for pesan in tandai_galat(form, err):
                flash(pesan, "galat")
        else:
            flash(f"Konsep {jenis.nama} disimpan. Periksa dengan Pratinjau, lalu tekan Ajukan.", "sukses")
            return redirect(url_for("surat.daftar", _anchor=f"surat-{surat.id}"))
    _csrf_kedaluwarsa(form)
    return render_template("surat/mandiri_form.html", form=form, jenis=jenis, surat=None), \
        422 if request.method == "POST" else 200


@bp.route("/mandiri/surat/<int:surat_id>/ubah", methods=["GET", "POST"])
@penduduk_required
def ubah(surat_id):
    surat = _surat(surat_id)
    jenis = katalog.jenis(surat.jenis)
    if surat.status != "konsep":
        flash(f"Surat berstatus {surat.status} tidak dapat diubah lagi.", "galat")
        return redirect(url_for("surat.rincian", surat_id=surat.id))
    form = _form(jenis, surat, formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        try:
            layanan.ubah_konsep(surat, current_user, data_form_surat(form, jenis))
        except SuratError as err:
            for pesan in tandai_galat(form, err):
                flash(pesan, "galat")
        else:
            flash("Perubahan konsep disimpan.", "sukses")
            return redirect(url_for("surat.daftar", _anchor=f"surat-{surat_id}"))
    _csrf_kedaluwarsa(form)
    return render_template("surat/mandiri_form.html", form=form, jenis=jenis, surat=surat), \
        422 if request.method == "POST" else 200


def _aksi(surat_id, langkah, pesan_sukses, ke="surat.daftar"):
    """A button on the list or the detail page (CSRF-checked POST)."""
    surat = _surat(surat_id)
    if not AksiForm().validate_on_submit():
        flash("Sesi formulir kedaluwarsa; silakan coba lagi.", "galat")
    else:
        try:
            langkah(surat)
        except SuratError as err:
            _flash_galat(err)
        else:
            flash(pesan_sukses, "sukses")
    if ke == "surat.daftar":
        return redirect(url_for(ke, _anchor=f"surat-{surat_id}"))
    return redirect(url_for(ke, surat_id=surat_id))


@bp.post("/mandiri/surat/<int:surat_id>/ajukan")
@penduduk_required
def ajukan(surat_id):
    return _aksi(surat_id, lambda s: layanan.ajukan(s, current_user),
                 "Permohonan diajukan. Operator desa akan memeriksanya.", ke="surat.rincian")


@bp.post("/mandiri/surat/<int:surat_id>/batalkan")
@penduduk_required
def batalkan(surat_id):
    return _aksi(surat_id, lambda s: layanan.batalkan(s, current_user), "Permohonan dibatalkan.")


@bp.post("/mandiri/surat/<int:surat_id>/hapus")
@penduduk_required
def hapus(surat_id):
    return _aksi(surat_id, layanan.hapus_konsep, "Konsep dihapus.")


@bp.post("/mandiri/surat/<int:surat_id>/salin")
@penduduk_required
def salin(surat_id):
    """Start a new draft from this request (the usual next step after a rejection)."""
    surat = _surat(surat_id)
    if not AksiForm().validate_on_submit():
        flash("Sesi formulir kedaluwarsa; silakan coba lagi.", "galat")
        return redirect(url_for("surat.rincian", surat_id=surat_id))
    try:
        baru = layanan.salin(surat, current_user)
    except SuratError as err:
        _flash_galat(err)
        return redirect(url_for("surat.rincian", surat_id=surat_id))
    flash("Konsep baru dibuat dari permohonan lama. Perbaiki isinya, lalu Ajukan.", "sukses")
    return redirect(url_for("surat.ubah", surat_id=baru.id))


@bp.get("/mandiri/surat/<int:surat_id>")
@penduduk_required
def rincian(surat_id):
    """One request: its data, its timeline, the reason of a rejection, the download."""
    surat = _surat(surat_id)
    return render_template("surat/mandiri_rincian.html", surat=surat, jenis=katalog.jenis(surat.jenis),
                           isian=tampil.isian_terbaca(surat), aksi=AksiForm(), menunggu=surat.status in MENUNGGU)


@bp.get("/mandiri/surat/<int:surat_id>/status")
@penduduk_required
def status(surat_id):
    """What the detail page polls while it waits (cookie session, JSON)."""
    surat = _surat(surat_id)
    return jsonify(id=surat.id, status=surat.status, label=STATUS_LABEL.get(surat.status, surat.status),
                   nomor=surat.nomor, menunggu=surat.status in MENUNGGU,
                   unduh=url_for("surat.unduh", surat_id=surat.id) if surat.status == "selesai" else None)


@bp.get("/mandiri/surat/<int:surat_id>/pratinjau")
@penduduk_required
def pratinjau(surat_id):
    return berkas.pratinjau(_surat(surat_id))


@bp.get("/mandiri/surat/<int:surat_id>/unduh")
@penduduk_required
def unduh(surat_id):
    surat = _surat(surat_id)
    try:
        return berkas.unduh(surat)
    except SuratError as err:
        _flash_galat(err)
        return redirect(url_for("surat.rincian", surat_id=surat_id))
