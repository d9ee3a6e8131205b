"""The operator's resident pages: search, view, add, edit, import, PIN reset.

Pages name a resident by id, never by NIK: URLs end up in access logs."""
from flask import abort, flash, make_response, redirect, render_template, request, url_for
from wtforms.fields.choices import SelectChoice

from desaonline.batas import id_dari
from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.mandiri import akun
from desaonline.whatsapp import nomor_wa, wa_link
from desaonline.operator.auth import operator_required
from desaonline.penduduk import bp, layanan
from desaonline.penduduk.data import anggota_keluarga
from desaonline.penduduk.forms import CariForm, ImporForm, PendudukForm
from desaonline.penduduk.impor import impor_penduduk
from desaonline.penduduk.validasi import KOLOM


def _atau_404(penduduk_id):
    penduduk = layanan.cari_id(penduduk_id)
    if penduduk is None:
        abort(404)
    return penduduk


@bp.get("")
@operator_required
def daftar():
    """Search by NIK or name prefix, page by page."""
    form = CariForm(request.args)
    hasil = layanan.cari(form.q.data, id_dari(request.args.get("setelah")))
    return render_template("penduduk/daftar.html", form=form, hasil=hasil, q=form.q.data or "")


def _isi_pilihan(form):
    """Keep a stored value the lists do not know (e.g. an imported 'KRISTEN PROTESTAN')."""
    for f in (form.agama, form.status_perkawinan, form.hubungan_keluarga, form.kewarganegaraan):
        if f.data and f.data not in [c.value for c in f.choices]:
            f.choices = [*f.choices, SelectChoice(f.data, f.data)]


def _simpan(form, penduduk=None):
    """Save through the import's rules; their errors go next to the fields."""
    try:
        return layanan.simpan(form.data, penduduk)
    except Penolakan as err:
        tampilkan_di_form(form, err)
        return None


@bp.route("/baru", methods=["GET", "POST"])
@operator_required
def baru():
    form = PendudukForm()
    if form.validate_on_submit():
        orang = _simpan(form)
        if orang is not None:
            flash(f"Penduduk {orang.nama} ditambahkan. PIN pertamanya adalah tanggal lahir (TTTTBBHH).", "sukses")
            return redirect(url_for("penduduk.lihat", penduduk_id=orang.id))
    return render_template("penduduk/ubah.html", form=form, penduduk=None), 422 if form.errors else 200


@bp.get("/<int:penduduk_id>")
@operator_required
def lihat(penduduk_id):
    orang = _atau_404(penduduk_id)
    return render_template("penduduk/lihat.html", orang=orang, data=layanan.isian(orang),
                           anggota=anggota_keluarga(orang), status_pin=akun.status_pin(orang))


@bp.route("/<int:penduduk_id>/ubah", methods=["GET", "POST"])
@operator_required
def ubah(penduduk_id):
    orang = _atau_404(penduduk_id)
    form = PendudukForm(data=layanan.isian(orang)) if request.method == "GET" else PendudukForm()
    _isi_pilihan(form)
    if form.validate_on_submit():
        if _simpan(form, orang) is not None:
            flash("Data penduduk disimpan.", "sukses")
            return redirect(url_for("penduduk.lihat", penduduk_id=orang.id))
    return render_template("penduduk/ubah.html", form=form, penduduk=orang), 422 if form.errors else 200


@bp.post("/<int:penduduk_id>/reset-pin")
@operator_required
def reset_pin(penduduk_id):
    """A new one-time PIN, shown once, with a link to send it over WhatsApp."""
    orang = _atau_404(penduduk_id)
    pin = akun.reset_pin(orang)
    teks = (f"PIN Layanan Mandiri Anda yang baru: {pin}. Masuk dengan NIK dan PIN ini, "
            f"lalu ganti PIN. Jangan beritahukan PIN kepada siapa pun.")
    resp = make_response(render_template("penduduk/pin.html", orang=orang, pin=pin,
                                         wa=wa_link(nomor_wa(orang.no_hp), teks)))
    resp.headers["Cache-Control"] = "no-store"  # the PIN is shown once, never from a cache
    return resp


@bp.route("/impor", methods=["GET", "POST"])
@operator_required
def impor():
    form = ImporForm()
    hasil = None
    status = 200
    if form.validate_on_submit():
        berkas = form.berkas.data
        try:
            hasil = impor_penduduk(berkas.filename, berkas.read())
        except Penolakan as err:
            tampilkan_di_form(form, err, {"file": "berkas"})
            status = err.status
    elif form.errors:
        status = 422
    return render_template("penduduk/impor.html", form=form, hasil=hasil, kolom=KOLOM), status


@bp.get("/impor/contoh.csv")
@operator_required
def impor_contoh():
    """An example file with the right header, to fill in with a spreadsheet."""
    contoh = ["3305051703850001", "3305050101200001", "SUGENG RIYADI", "KEBUMEN", "1985-03-17", "L", "ISLAM",
              "KAWIN", "PETANI/PEKEBUN", "KEPALA KELUARGA", "Jl. Klirong Raya", "001", "002", "KRAJAN"]
    isi = ",".join(KOLOM) + "\r\n" + ",".join(contoh) + "\r\n"
    resp = make_response(isi)
    resp.headers["Content-Type"] = "text/csv; charset=utf-8"
    resp.headers["Content-Disposition"] = "attachment; filename=contoh-impor-penduduk.csv"
    return resp
