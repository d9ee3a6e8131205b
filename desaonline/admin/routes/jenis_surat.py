"""Letter types for the whole kabupaten: the kabupaten admin publishes a type (its fields
and its text) to every desa or to one kecamatan; a camat sees the list."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from desaonline.admin import bp
from desaonline.admin.routes import admin_required, khusus_kabupaten
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.surat import kabupaten
from tenants.models import Kecamatan

BANTUAN_ISIAN = "nama | label | jenis | wajib atau tidak | pilihan, dipisah koma (untuk jenis pilihan)"


def baca_isian(teks):
    """The form's fields, one a line: ``nama | label | jenis | wajib | pilihan, ...``."""
    hasil = []
    for baris in (teks or "").splitlines():
        if not baris.strip():
            continue
        bagian = [b.strip() for b in baris.split("|")] + [""] * 5
        hasil.append({"nama": bagian[0], "label": bagian[1], "jenis": bagian[2] or "teks",
                      "wajib": bagian[3].lower() not in ("tidak", "tidak wajib", "opsional", "0", "false"),
                      "pilihan": [p.strip() for p in bagian[4].split(",") if p.strip()]})
    return hasil


def tulis_isian(isian):
    return "\n".join(" | ".join([i["nama"], i["label"], i["jenis"], "wajib" if i.get("wajib", True) else "tidak",
                                  ", ".join(i.get("pilihan") or [])]).rstrip(" |") for i in isian or [])


def _data_form():
    f = request.form
    return {"kode": f.get("kode", "").strip(), "nama": f.get("nama", ""), "klasifikasi": f.get("klasifikasi", ""),
            "uraian": f.get("uraian", ""), "kecamatan": f.get("kecamatan") or None,
            "isian": baca_isian(f.get("isian")), "isi": f.get("isi", ""), "aktif": f.get("aktif") == "1"}


def _halaman_form(nilai, baru, rincian=None, status=200):
    kecamatan = db.session.scalars(select(Kecamatan).order_by(Kecamatan.nama)).all()
    return render_template("admin/jenis_surat_form.html", nilai=nilai, baru=baru, rincian=rincian or {},
                           kecamatan=kecamatan, bantuan_isian=BANTUAN_ISIAN, jenis_isian=kabupaten.JENIS_ISIAN,
                           nama_teks=kabupaten.NAMA_TEKS), status


@bp.get("/jenis-surat")
@admin_required
def jenis_surat_daftar():
    """The types the kabupaten published, where they reach, their version."""
    kecamatan = dict(db.session.execute(select(Kecamatan.id, Kecamatan.nama)).all())
    return render_template("admin/jenis_surat.html", daftar=kabupaten.daftar(), kecamatan=kecamatan)


@bp.route("/jenis-surat/baru", methods=["GET", "POST"])
@admin_required
def jenis_surat_baru():
    khusus_kabupaten()
    if request.method == "GET":
        return _halaman_form({"isian": "", "isi": "", "aktif": True}, baru=True)
    data = _data_form()
    try:
        baris = kabupaten.terbitkan(data, current_user)
    except Penolakan as err:
        db.session.rollback()
        return _halaman_form({**data, "isian": request.form.get("isian", "")}, True, err.rincian or {"_": err.pesan},
                             err.status)
    flash(f"Jenis surat {baris.nama} diterbitkan.", "sukses")
    return redirect(url_for("admin.jenis_surat_daftar"))


@bp.route("/jenis-surat/<string(maxlength=40):kode>", methods=["GET", "POST"])
@admin_required
def jenis_surat_ubah(kode):
    """A new version of a published type; each desa keeps its own choices for it."""
    khusus_kabupaten()
    baris = kabupaten.satu(kode)
    if request.method == "GET":
        nilai = {"kode": baris.kode, "nama": baris.nama, "klasifikasi": baris.klasifikasi, "uraian": baris.uraian,
                 "kecamatan": next((k.slug for k in db.session.scalars(select(Kecamatan))
                                    if k.id == baris.kecamatan_id), None),
                 "isian": tulis_isian(baris.isian), "isi": "\n\n".join(baris.isi), "aktif": baris.aktif,
                 "versi": baris.versi}
        return _halaman_form(nilai, baru=False)
    data = _data_form()
    try:
        kabupaten.ubah(kode, data, current_user)
    except Penolakan as err:
        db.session.rollback()
        return _halaman_form({**data, "kode": kode, "isian": request.form.get("isian", "")}, False,
                             err.rincian or {"_": err.pesan}, err.status)
    flash(f"Jenis surat {data['nama']} diperbarui (versi baru). Pilihan setiap desa tetap.", "sukses")
    return redirect(url_for("admin.jenis_surat_daftar"))
