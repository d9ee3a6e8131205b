"""Login, kecamatan, desa (one by one and from a CSV), their host names and operators."""
from flask import flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager
from wtforms.fields.choices import SelectChoice

from desaonline.admin import akses, bp, forms, kesiapan, layanan
from desaonline.admin.impor import CONTOH, KOLOM, impor_desa
from desaonline.admin.models import Admin
from desaonline.admin.tabel import Kolom, Tabel, lama
from desaonline.admin.routes import (PERAN_ADMIN, admin_required, base_domain as _base_domain,
                                     desa_atau_404 as _desa_atau_404, gagal as _gagal,
                                     khusus_kabupaten as _khusus_kabupaten, operator_atau_404 as _operator_atau_404)
from desaonline.auth.login import halaman_keluar, halaman_masuk, limit_gagal_login
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.waktu import tanggal_indonesia
from tenants.models import Desa, Kecamatan


def _daftar_desa():
    """The desa this admin may see, filtered by ``?q=`` and ``?kecamatan=``; and the kecamatan choices."""
    q = (request.args.get("q") or "").strip()[:120]
    kec_slug = (request.args.get("kecamatan") or "").strip()
    query = akses.cari_desa(current_user, q, kec_slug).options(contains_eager(Desa.kecamatan))
    daftar = db.session.scalars(query).all()
    kecamatan = db.session.scalars(akses.kecamatan_query(current_user).order_by(Kecamatan.nama)).all()
    return daftar, kecamatan, {"q": q, "kecamatan": kec_slug}


# Masuk dan keluar

@bp.route("/masuk", methods=["GET", "POST"])
@limit_gagal_login
def masuk():
    """Login for kabupaten and kecamatan admins."""
    return halaman_masuk(Admin, PERAN_ADMIN, "admin/masuk.html", "admin.dasbor")


@bp.post("/keluar")
def keluar():
    return halaman_keluar(PERAN_ADMIN, "admin.masuk")


# Kecamatan (admin kabupaten)

@bp.route("/kecamatan", methods=["GET", "POST"])
@admin_required
def kecamatan():
    _khusus_kabupaten()
    form = forms.KecamatanForm()
    status = 200
    if form.validate_on_submit():
        try:
            kec = layanan.buat_kecamatan(form.slug.data.strip(), form.nama.data, form.kode.data.strip())
        except Penolakan as err:
            status = _gagal(err, form)
        else:
            flash(f"Kecamatan {kec.nama} dibuat.", "sukses")
            return redirect(url_for("admin.kecamatan"))
    elif form.errors:
        status = 422
    jumlah = dict(db.session.execute(select(Desa.kecamatan_id, func.count()).group_by(Desa.kecamatan_id)).all())
    daftar = db.session.scalars(select(Kecamatan).order_by(Kecamatan.nama)).all()
    return render_template("admin/kecamatan.html", form=form, daftar=daftar, jumlah=jumlah), status


# Desa

def _kurang(nilai):
    return "Siap" if not nilai else "Belum: " + ", ".join(kesiapan.KURANG[k] for k in nilai)


def _sertifikat(nilai):
    return tanggal_indonesia(nilai) if nilai else "-"


def kolom_kesiapan():
    """The readiness columns, shared by the desa list and the dashboard."""
    ke_desa = lambda b: url_for("admin.desa_ubah", desa_id=b["id"])  # noqa: E731
    return [
        Kolom("nama", "Desa", tautan=ke_desa), Kolom("kecamatan_nama", "Kecamatan"),
        Kolom("kurang", "Kesiapan", tampil=_kurang),
        Kolom("sertifikat_berlaku_sampai", "Sertifikat s.d.", tampil=_sertifikat),
        Kolom("penduduk", "Penduduk", angka=True), Kolom("mandiri_aktif", "Layanan Mandiri aktif", angka=True),
        Kolom("menunggu", "Menunggu", angka=True), Kolom("menunggu_detik", "Terlama menunggu", angka=True, tampil=lama),
    ]


@bp.get("/desa")
@admin_required
def desa_daftar():
    """Every desa this admin may see with its readiness and what waits there, sortable."""
    daftar, kecamatan, saring = _daftar_desa()
    semua = current_user.kecamatan_id is None and not (saring["q"] or saring["kecamatan"])
    siap = kesiapan.kesiapan([d.id for d in daftar], kesiapan.SEMUA if semua else None)
    base = _base_domain()
    tabel = Tabel("desa", kolom_kesiapan(), [kesiapan.baris(d, siap[d.id], base) for d in daftar], "kecamatan_nama")
    if request.args.get("format") == "csv":
        return unduh_csv("desa.csv", tabel.csv())
    return render_template("admin/desa_daftar.html", daftar=daftar, kecamatan=kecamatan, saring=saring,
                           tabel=tabel, base_domain=base)


def unduh_csv(nama, isi):
    resp = make_response(isi)
    resp.headers["Content-Type"] = "text/csv; charset=utf-8"
    resp.headers["Content-Disposition"] = f"attachment; filename={nama}"
    return resp


@bp.route("/desa/baru", methods=["GET", "POST"])
@admin_required
def desa_baru():
    form = forms.DesaBaruForm()
    pilihan = db.session.scalars(akses.kecamatan_query(current_user).order_by(Kecamatan.nama)).all()
    form.kecamatan.choices = [SelectChoice(k.slug, f"{k.nama} ({k.kode})") for k in pilihan]
    if request.method == "GET" and request.args.get("kecamatan"):
        form.kecamatan.data = request.args["kecamatan"]
    status = 200
    if form.validate_on_submit():
        try:
            desa = layanan.buat_desa(form.kecamatan.data, form.slug.data.strip(), form.nama.data,
                                      form.kode.data.strip(), form.wa_operator.data, form.jenis.data)
        except Penolakan as err:
            status = _gagal(err, form)
        else:
            flash(f"{desa.jenis.capitalize()} {desa.nama} dibuat: {desa.host(_base_domain())}. "
                  "Tambahkan operatornya di bawah.", "sukses")
            return redirect(url_for("admin.operator_daftar", desa_id=desa.id))
    elif form.errors:
        status = 422
    return render_template("admin/desa_baru.html", form=form), status


def _halaman_desa(desa, form=None, host_form=None, status=200):
    form = form or forms.DesaUbahForm(formdata=None, obj=desa)
    host_form = host_form or forms.HostForm(formdata=None)
    siap = kesiapan.kesiapan([desa.id])[desa.id]
    return render_template("admin/desa_ubah.html", desa_ini=desa, form=form, host_form=host_form, siap=siap,
                           kurang=[kesiapan.KURANG[k] for k in siap.kurang], base_domain=_base_domain()), status


@bp.route("/desa/<int:desa_id>", methods=["GET", "POST"])
@admin_required
def desa_ubah(desa_id):
    """Edit a desa: name, WhatsApp, office address, active; and its extra host names."""
    desa = _desa_atau_404(desa_id)
    if request.method == "GET":
        return _halaman_desa(desa)
    form = forms.DesaUbahForm()
    if not form.validate():
        return _halaman_desa(desa, form=form, status=422)
    try:
        layanan.ubah_desa(desa, form.nama.data, form.wa_operator.data, form.alamat_kantor.data, form.aktif.data)
    except Penolakan as err:
        status = _gagal(err, form)
        return _halaman_desa(_desa_atau_404(desa_id), form=form, status=status)
    flash("Data desa disimpan.", "sukses")
    return redirect(url_for("admin.desa_ubah", desa_id=desa.id))


@bp.post("/desa/<int:desa_id>/host")
@admin_required
def host_tambah(desa_id):
    desa = _desa_atau_404(desa_id)
    host_form = forms.HostForm()
    if not host_form.validate():
        return _halaman_desa(desa, host_form=host_form, status=422)
    try:
        host = layanan.tambah_host(desa, host_form.host.data, current_user)
    except Penolakan as err:
        status = _gagal(err, host_form)
        return _halaman_desa(_desa_atau_404(desa_id), host_form=host_form, status=status)
    flash(f"Nama host {host} ditambahkan.", "sukses")
    return redirect(url_for("admin.desa_ubah", desa_id=desa.id))


@bp.post("/desa/<int:desa_id>/host/<int:host_id>/hapus")
@admin_required
def host_hapus(desa_id, host_id):
    desa = _desa_atau_404(desa_id)
    host = layanan.hapus_host(desa, host_id)
    flash(f"Nama host {host} dihapus.", "sukses")
    return redirect(url_for("admin.desa_ubah", desa_id=desa.id))


# Operator desa

@bp.route("/desa/<int:desa_id>/operator", methods=["GET", "POST"])
@admin_required
def operator_daftar(desa_id):
    desa = _desa_atau_404(desa_id)
    form = forms.OperatorForm()
    status = 200
    if form.validate_on_submit():
        try:
            operator = layanan.buat_operator(desa, form.username.data.strip(), form.password.data,
                                              (form.nama.data or "").strip() or None)
        except Penolakan as err:
            status = _gagal(err, form)
            desa = _desa_atau_404(desa_id)
        else:
            flash(f"Operator {operator.username} dibuat. Sampaikan kata sandinya kepada operator.", "sukses")
            return redirect(url_for("admin.operator_daftar", desa_id=desa.id))
    elif form.errors:
        status = 422
    return render_template("admin/operator_daftar.html", desa_ini=desa, form=form,
                           daftar=layanan.operator_desa(desa)), status


def _halaman_operator(desa, operator, form=None, status=200):
    return render_template("admin/operator.html", desa_ini=desa, operator=operator,
                           form=form or forms.SandiForm(formdata=None)), status


@bp.get("/desa/<int:desa_id>/operator/<int:operator_id>")
@admin_required
def operator_lihat(desa_id, operator_id):
    desa = _desa_atau_404(desa_id)
    return _halaman_operator(desa, _operator_atau_404(desa, operator_id))


@bp.post("/desa/<int:desa_id>/operator/<int:operator_id>/sandi")
@admin_required
def operator_sandi(desa_id, operator_id):
    """Reset an operator's password (the old one and every open session stop working).
    Left empty, a one-time password is made and shown on this answer only."""
    desa = _desa_atau_404(desa_id)
    operator = _operator_atau_404(desa, operator_id)
    form = forms.SandiForm()
    if not form.validate():
        return _halaman_operator(desa, operator, form, 422)
    try:
        sandi = layanan.reset_sandi_operator(operator, form.password_baru.data or None)
    except Penolakan as err:
        return _halaman_operator(desa, operator, form, _gagal(err, form, {"password": "password_baru"}))
    if form.password_baru.data:
        flash(f"Kata sandi operator {operator.username} diganti. Sampaikan kata sandi baru kepada operator.", "sukses")
        return redirect(url_for("admin.operator_lihat", desa_id=desa.id, operator_id=operator.id))
    baru = [layanan.OperatorBaru(desa, operator.username, sandi, operator.id)]
    return tanpa_simpan(render_template("admin/sandi_sekali.html", daftar=baru, dilewati=[],
                                        base_domain=_base_domain()))


@bp.post("/desa/<int:desa_id>/operator/<int:operator_id>/aktif")
@admin_required
def operator_aktif(desa_id, operator_id):
    """Deactivate (or reactivate) an operator; deactivating logs it out everywhere."""
    desa = _desa_atau_404(desa_id)
    operator = _operator_atau_404(desa, operator_id)
    aktif = request.form.get("aktif") == "1"
    layanan.atur_operator_aktif(operator, aktif)
    flash(f"Operator {operator.username} {'diaktifkan' if aktif else 'dinonaktifkan'}.", "sukses")
    return redirect(url_for("admin.operator_daftar", desa_id=desa.id))


def tanpa_simpan(body, status=200):
    """A page with one-time passwords: shown once, kept by no cache and no history."""
    resp = make_response(body, status)
    resp.headers["Cache-Control"] = "no-store"
    return resp


# Set-up in bulk

@bp.route("/desa/impor", methods=["GET", "POST"])
@admin_required
def desa_impor():
    """Many desa from one CSV; the answer names every new desa's address and every bad row."""
    form = forms.ImporDesaForm()
    hasil, status = None, 200
    if form.validate_on_submit():
        try:
            hasil = impor_desa(form.berkas.data.read(), current_user)
        except Penolakan as err:
            status = _gagal(err, form, {"file": "berkas"})
    elif form.errors:
        status = 422
    return render_template("admin/desa_impor.html", form=form, hasil=hasil, kolom=KOLOM,
                           base_domain=_base_domain()), status


@bp.get("/desa/impor/contoh.csv")
@admin_required
def desa_impor_contoh():
    return unduh_csv("contoh-impor-desa.csv", CONTOH)


@bp.route("/operator/massal", methods=["GET", "POST"])
@admin_required
def operator_massal():
    """Operators for many desa at once, each with a one-time password shown once."""
    form = forms.OperatorMassalForm()
    daftar, kecamatan, saring = _daftar_desa()
    punya = layanan.desa_berpengguna([d.id for d in daftar], (form.username.data or "operator").strip())
    status = 200
    if form.validate_on_submit():
        dipilih = {int(x) for x in request.form.getlist("desa") if x.isdigit()}
        pilihan = [d for d in daftar if d.id in dipilih]
        if not pilihan:
            flash("Pilih paling sedikit satu desa.", "galat")
            status = 422
        else:
            try:
                baru, dilewati = layanan.buat_operator_massal(pilihan, form.username.data.strip())
            except Penolakan as err:
                status = _gagal(err, form)
            else:
                return tanpa_simpan(render_template("admin/sandi_sekali.html", daftar=baru, dilewati=dilewati,
                                                    base_domain=_base_domain()))
    elif form.errors:
        status = 422
    return render_template("admin/operator_massal.html", form=form, daftar=daftar, kecamatan=kecamatan,
                           saring=saring, punya=punya, base_domain=_base_domain()), status
