"""The desa's letter settings (``/operator/pengaturan``): letterhead, paper, numbering,
contact numbers, the letter types offered, the documents each type asks for (syarat),
the kode klasifikasi list, and the signatories."""
from flask import Response, abort, flash, jsonify, redirect, render_template, request, url_for

from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.operator.auth import operator_required
from desaonline.surat import (katalog, klasifikasi as klasifikasi_svc, pejabat as pejabat_svc, pengaturan_bp as bp,
                              syarat as syarat_svc)
from desaonline.surat.forms import AksiForm, KlasifikasiForm, PejabatForm, PengaturanForm
from desaonline.surat.penomoran import PLACEHOLDER, contoh_nomor
from desaonline.surat.pengaturan import (desa_ini, pengaturan, pilihan_jenis, semua_jenis, simpan_jenis,
                                        simpan_pengaturan)


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


@bp.route("", methods=["GET", "POST"])
@operator_required
def umum():
    """Letterhead, paper, number format, contact numbers."""
    form = PengaturanForm()
    if request.method == "GET":
        _isi_form_pengaturan(form)
        return _halaman_pengaturan(form)
    # IntegerField messages are English: the service checks the raw text instead.
    for nama in ("margin_atas_mm", "margin_bawah_mm", "margin_kiri_mm", "margin_kanan_mm"):
        form[nama].errors = []
    logo = form.logo.data.read() if form.logo.data else None
    data = {k: v for k, v in request.form.items()}
    try:
        simpan_pengaturan(data, logo=logo, hapus_logo=form.hapus_logo.data)
    except Penolakan as err:
        tampilkan_di_form(form, err)
        return _halaman_pengaturan(form, err.status)
    flash("Pengaturan surat disimpan.", "sukses")
    return redirect(url_for("surat_pengaturan.umum"))


@bp.get("/logo")
@operator_required
def logo():
    atur = pengaturan()
    if not atur.logo:
        abort(404)
    jenis = "image/png" if atur.logo.startswith(b"\x89PNG") else "image/jpeg"
    return Response(atur.logo, mimetype=jenis, headers={"Cache-Control": "private, no-cache"})


@bp.route("/jenis-surat", methods=["GET", "POST"])
@operator_required
def jenis():
    """Which letter types the desa serves, online or at the office only, with their default
    kode klasifikasi and signatory."""
    form = AksiForm()
    status = 200
    if request.method == "POST":
        pilihan = {j.kode: {"aktif": request.form.get(f"aktif_{j.kode}") == "1",
                            "hanya_kantor": request.form.get(f"kantor_{j.kode}") == "1",
                            "klasifikasi": request.form.get(f"klasifikasi_{j.kode}", ""),
                            "penandatangan": request.form.get(f"ttd_{j.kode}", "")} for j in semua_jenis()}
        try:
            simpan_jenis(pilihan)
        except Penolakan as err:
            tampilkan_di_form(form, err)
            status = err.status
        else:
            flash("Jenis surat disimpan.", "sukses")
            return redirect(url_for("surat_pengaturan.jenis"))
    daftar = {p.jenis.kode: p for p in pilihan_jenis()}
    grup = [(nama, [daftar[j.kode] for j in jenis_grup]) for nama, jenis_grup in katalog.GRUP]
    dari_kabupaten = [p for p in daftar.values() if p.jenis.kode not in katalog.KATALOG]
    if dari_kabupaten:
        grup.append(("Dari kabupaten", dari_kabupaten))
    return render_template("surat/operator_jenis.html", form=form, grup=grup, pejabat=pejabat_svc.daftar(),
                           saran_klasifikasi=klasifikasi_svc.dari_kode(p.klasifikasi for p in daftar.values())), status


@bp.get("/syarat")
@operator_required
def syarat():
    """Every letter type with the documents residents are asked to attach."""
    per_jenis = syarat_svc.per_jenis()
    return render_template("surat/operator_syarat.html", daftar=[(j, per_jenis[j.kode]) for j in semua_jenis()])


@bp.route("/syarat/<kode>", methods=["GET", "POST"])
@operator_required
def ubah_syarat(kode):
    """Tick the documents one type asks for."""
    jenis = katalog.jenis(kode)
    if jenis is None:
        abort(404)
    form = AksiForm()
    if form.validate_on_submit():
        dipilih = request.form.getlist("syarat")
        try:
            syarat_svc.simpan(kode, dipilih)
        except Penolakan as err:
            flash(err.pesan, "galat")
        else:
            flash(f"Syarat {jenis.nama} disimpan.", "sukses")
            return redirect(url_for("surat_pengaturan.syarat", _anchor=f"syarat-{kode}"))
    dipilih = {d.kode for d in syarat_svc.untuk(kode)}
    return render_template("surat/operator_syarat_ubah.html", form=form, jenis=jenis, dipilih=dipilih,
                           dokumen=syarat_svc.DOKUMEN, bawaan=set(syarat_svc.bawaan(kode)))


@bp.route("/klasifikasi", methods=["GET", "POST"])
@operator_required
def klasifikasi():
    """The desa's kode klasifikasi: import OpenSID's list, look a code up."""
    form = KlasifikasiForm()
    hasil, status = None, 200
    if form.validate_on_submit():
        try:
            hasil = klasifikasi_svc.impor(form.berkas.data.filename, form.berkas.data.read(), ganti=form.ganti.data)
        except Penolakan as err:
            tampilkan_di_form(form, err, {"file": "berkas"})
            status = err.status
    elif form.errors:
        status = 422
    q = request.args.get("q", "")
    return render_template("surat/operator_klasifikasi.html", form=form, hasil=hasil, q=q,
                           jumlah=klasifikasi_svc.jumlah(), daftar=klasifikasi_svc.cari(q, batas=50)), status


@bp.get("/klasifikasi/cari")
@operator_required
def cari_klasifikasi():
    """Suggestions for a Kode Klasifikasi field as the operator types (JSON)."""
    return jsonify([{"kode": k, "nama": n} for k, n in klasifikasi_svc.cari(request.args.get("q"))])


def _data_pejabat(form):
    return {"nama": form.nama.data, "jabatan": form.jabatan.data, "nip": form.nip.data,
            "atas_nama": form.atas_nama.data, "kepala_desa": form.kepala_desa.data, "aktif": form.aktif.data}


@bp.route("/pejabat", methods=["GET", "POST"])
@operator_required
def pejabat():
    """The signatories, and a form to add one."""
    form = PejabatForm()
    status = 200
    if form.validate_on_submit():
        try:
            baru = pejabat_svc.buat(_data_pejabat(form))
        except Penolakan as err:
            tampilkan_di_form(form, err)
            status = err.status
        else:
            flash(f"{baru.jabatan} {baru.nama} ditambahkan.", "sukses")
            return redirect(url_for("surat_pengaturan.pejabat"))
    return render_template("surat/operator_pejabat.html", form=form,
                           daftar=pejabat_svc.daftar(aktif_saja=False)), status


@bp.route("/pejabat/<int:pejabat_id>", methods=["GET", "POST"])
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
        except Penolakan as err:
            tampilkan_di_form(form, err)
            status = err.status
        else:
            flash("Data pejabat disimpan.", "sukses")
            return redirect(url_for("surat_pengaturan.pejabat"))
    return render_template("surat/operator_pejabat_ubah.html", form=form, pejabat=baris), status
