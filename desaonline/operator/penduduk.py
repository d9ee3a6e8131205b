"""The operator's resident pages: search, view, add, edit, import, PIN reset."""
from flask import abort, flash, make_response, redirect, render_template, request, url_for
from wtforms.fields.choices import SelectChoice

from desaonline.mandiri import akun, penduduk as layanan
from desaonline.mandiri.data import anggota_keluarga
from desaonline.mandiri.impor import BerkasTidakValid, impor_penduduk
from desaonline.mandiri.kontak import nomor_wa, wa_link
from desaonline.mandiri.validasi import KOLOM
from desaonline.operator import bp
from desaonline.operator.auth import operator_required
from desaonline.operator.forms import CariForm, ImporForm, PendudukForm


def _atau_404(nik):
    penduduk = layanan.cari_nik(nik)
    if penduduk is None:
        abort(404)
    return penduduk


@bp.get("/penduduk")
@operator_required
def penduduk():
    """Search by NIK or name prefix, page by page."""
    form = CariForm(request.args)
    hasil = layanan.cari(form.q.data, request.args.get("setelah", type=int))
    return render_template("operator/penduduk_daftar.html", form=form, hasil=hasil, q=form.q.data or "")


def _isi_pilihan(form):
    """Keep a stored value the lists do not know (e.g. an imported 'KRISTEN PROTESTAN')."""
    for f in (form.agama, form.status_perkawinan, form.hubungan_keluarga, form.kewarganegaraan):
        if f.data and f.data not in [c.value for c in f.choices]:
            f.choices = [*f.choices, SelectChoice(f.data, f.data)]


def _simpan(form, penduduk=None):
    """Save through the import's rules; their errors go next to the fields."""
    try:
        return layanan.simpan(form.data, penduduk)
    except layanan.DataTidakValid as err:
        for nama, pesan in err.galat.items():
            getattr(form, nama).errors = [*getattr(form, nama).errors, pesan]
        return None


@bp.route("/penduduk/baru", methods=["GET", "POST"])
@operator_required
def penduduk_baru():
    form = PendudukForm()
    if form.validate_on_submit():
        baru = _simpan(form)
        if baru is not None:
            flash(f"Penduduk {baru.nama} ditambahkan. PIN pertamanya adalah tanggal lahir (TTTTBBHH).", "sukses")
            return redirect(url_for("operator.penduduk_lihat", nik=baru.nik))
    return render_template("operator/penduduk_ubah.html", form=form, penduduk=None), 422 if form.errors else 200


@bp.get("/penduduk/<nik>")
@operator_required
def penduduk_lihat(nik):
    orang = _atau_404(nik)
    return render_template("operator/penduduk_lihat.html", orang=orang, data=layanan.isian(orang),
                           anggota=anggota_keluarga(orang), status_pin=akun.status_pin(orang))


@bp.route("/penduduk/<nik>/ubah", methods=["GET", "POST"])
@operator_required
def penduduk_ubah(nik):
    orang = _atau_404(nik)
    form = PendudukForm(data=layanan.isian(orang)) if request.method == "GET" else PendudukForm()
    _isi_pilihan(form)
    if form.validate_on_submit():
        if _simpan(form, orang) is not None:
            flash("Data penduduk disimpan.", "sukses")
            return redirect(url_for("operator.penduduk_lihat", nik=orang.nik))
    return render_template("operator/penduduk_ubah.html", form=form, penduduk=orang), 422 if form.errors else 200


@bp.post("/penduduk/<nik>/reset-pin")
@operator_required
def penduduk_reset_pin(nik):
    """A new one-time PIN, shown once, with a link to send it over WhatsApp."""
    orang = _atau_404(nik)
    pin = akun.reset_pin(orang)
    teks = (f"PIN Layanan Mandiri Anda yang baru: {pin}. Masuk dengan NIK dan PIN ini, "
            f"lalu ganti PIN. Jangan beritahukan PIN kepada siapa pun.")
    resp = make_response(render_template("operator/penduduk_pin.html", orang=orang, pin=pin,
                                         wa=wa_link(nomor_wa(orang.no_hp), teks)))
    resp.headers["Cache-Control"] = "no-store"  # the PIN is shown once, never from a cache
    return resp


@bp.route("/penduduk/impor", methods=["GET", "POST"])
@operator_required
def penduduk_impor():
    form = ImporForm()
    hasil = None
    status = 200
    if form.validate_on_submit():
        berkas = form.berkas.data
        try:
            hasil = impor_penduduk(berkas.filename, berkas.read())
        except BerkasTidakValid as err:
            form.berkas.errors = [*form.berkas.errors, str(err)]
            status = 422
    elif form.errors:
        status = 422
    return render_template("operator/penduduk_impor.html", form=form, hasil=hasil, kolom=KOLOM), status


@bp.get("/penduduk/impor/contoh.csv")
@operator_required
def penduduk_impor_contoh():
    """An example file with the right header, to fill in with a spreadsheet."""
    contoh = ["3305051703850001", "3305050101200001", "SUGENG RIYADI", "KEBUMEN", "1985-03-17", "L", "ISLAM",
              "KAWIN", "PETANI/PEKEBUN", "KEPALA KELUARGA", "Jl. Klirong Raya", "001", "002", "KRAJAN"]
    isi = ",".join(KOLOM) + "\r\n" + ",".join(contoh) + "\r\n"
    resp = make_response(isi)
    resp.headers["Content-Type"] = "text/csv; charset=utf-8"
    resp.headers["Content-Disposition"] = "attachment; filename=contoh-impor-penduduk.csv"
    return resp
