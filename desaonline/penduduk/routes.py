"""The operator's resident pages: search, view, add, edit, import, export, PIN reset, the
residents' accounts (first-PIN choice, expiry, log).

Pages name a resident by id, never by NIK: URLs end up in access logs. The search
is sent by POST and kept in the session for the pages that follow."""
from flask import abort, flash, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from desaonline.batas import id_dari
from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.auth.sessions import masuk_terakhir
from desaonline.mandiri import akun, pin_awal, riwayat
from desaonline.mandiri.pengaturan import pengaturan_akun, simpan_pengaturan
from desaonline.whatsapp import nomor_wa, wa_link
from desaonline.operator.auth import operator_required
from desaonline.penduduk import bp, layanan, opensid
from desaonline.penduduk.data import anggota_keluarga, biodata
from desaonline.penduduk.ekspor import XLSX, ekspor
from desaonline.penduduk.forms import CariForm, ImporForm, KonfirmasiForm, PendudukForm, PengaturanAkunForm
from desaonline.penduduk.impor import impor_penduduk
from desaonline.penduduk.validasi import KOLOM, KOLOM_TAMBAHAN
from desaonline.waktu import tanggal_indonesia


def _atau_404(penduduk_id):
    penduduk = layanan.cari_id(penduduk_id)
    if penduduk is None:
        abort(404)
    return penduduk


CARI = "cari_penduduk"


def _tanpa_cache(resp):
    """Pages with PINs or NIKs are never kept by a browser or a proxy."""
    resp = make_response(resp)
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.route("", methods=["GET", "POST"])
@operator_required
def daftar():
    """Search by NIK or name prefix (sent by POST, kept in the session), page by page."""
    form = CariForm()
    if form.validate_on_submit():
        session[CARI] = " ".join((form.q.data or "").split())[:120]
        return redirect(url_for("penduduk.daftar"))
    q = session.get(CARI, "")
    form.q.data = q
    hasil = layanan.cari(q, id_dari(request.args.get("setelah")))
    return _tanpa_cache(render_template("penduduk/daftar.html", form=form, hasil=hasil, q=q))


def _isi_pilihan(form):
    """Show a stored value the SIAK lists do not know (typed freely before they were fixed)
    as what it is: saving asks for one of the list's values."""
    for f in (form.agama, form.status_perkawinan, form.hubungan_keluarga, form.kewarganegaraan, form.pekerjaan,
              form.pendidikan, form.pendidikan_sedang, form.golongan_darah, form.status_dasar):
        if f.data and f.data not in [c.value for c in f.choices]:
            f.choices = [*f.choices, SelectChoice(f.data, f"{f.data} (di luar daftar SIAK)")]


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
        if orang is not None and orang.pin_sekali:
            flash(f"Penduduk {orang.nama} ditambahkan. Serahkan PIN pertamanya; PIN hanya ditampilkan sekali.", "sukses")
            return _lembar_pin(orang.pin_sekali)
        if orang is not None:
            flash(f"Penduduk {orang.nama} ditambahkan. PIN pertamanya adalah tanggal lahir (TTTTBBHH), "
                  "dipakai bersama Nomor KK.", "sukses")
            return redirect(url_for("penduduk.lihat", penduduk_id=orang.id))
    return render_template("penduduk/ubah.html", form=form, penduduk=None), 422 if form.errors else 200


@bp.get("/<int:penduduk_id>")
@operator_required
def lihat(penduduk_id):
    orang = _atau_404(penduduk_id)
    return _tanpa_cache(render_template(
        "penduduk/lihat.html", orang=orang, data=biodata(orang), anggota=anggota_keluarga(orang),
        status_pin=akun.status_pin(orang), pin_pertama=akun.pin_pertama(orang),
        terakhir=masuk_terakhir(orang), riwayat=riwayat.milik(orang), lain=opensid.data_lain(orang.data_opensid)))


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


@bp.route("/<int:penduduk_id>/reset-pin", methods=["GET", "POST"])
@operator_required
def reset_pin(penduduk_id):
    """Confirm first (GET), then a new one-time PIN shown once (POST).

    The confirmation carries a token bound to the PIN as it is now: a reload or a
    form sent twice finds the PIN already changed and issues no second one, which
    would silently invalidate the PIN already handed over."""
    orang = _atau_404(penduduk_id)
    form = KonfirmasiForm()
    if request.method == "GET":
        form.tanda.data = akun.tanda_reset(orang)
        return _tanpa_cache(render_template("penduduk/reset_pin.html", orang=orang, form=form))
    if not form.validate_on_submit() or not akun.tanda_berlaku(orang, form.tanda.data):
        return _tanpa_cache(render_template("penduduk/reset_pin_sudah.html", orang=orang,
                                            riwayat=riwayat.milik(orang, 1))), 409
    pin = akun.reset_pin(orang, current_user)
    teks = (f"PIN Layanan Mandiri Anda yang baru: {pin}. Masuk dengan NIK dan PIN ini, "
            f"lalu ganti PIN. Jangan beritahukan PIN kepada siapa pun.")
    return _tanpa_cache(render_template("penduduk/pin.html", orang=orang, pin=pin,
                                        wa=wa_link(nomor_wa(orang.no_hp), teks)))


@bp.post("/<int:penduduk_id>/perpanjang-pin")
@operator_required
def perpanjang_pin(penduduk_id):
    """The first PIN opens the account for the desa's days again."""
    orang = _atau_404(penduduk_id)
    sampai = akun.perpanjang_pin(orang, current_user)
    flash(f"PIN pertama {orang.nama} berlaku lagi sampai {tanggal_indonesia(sampai)}.", "sukses")
    return redirect(url_for("penduduk.lihat", penduduk_id=orang.id))


def _lembar_pin(pins):
    """The one-time PINs by KK, shown once, to print or send."""
    return _tanpa_cache(render_template("penduduk/lembar_pin.html", lembar=pin_awal.lembar(pins),
                                        pengaturan=pengaturan_akun(), host=request.host))


@bp.route("/akun", methods=["GET", "POST"])
@operator_required
def akun_warga():
    """The desa's choices for first PINs, and the log of first logins and PIN changes."""
    atur = pengaturan_akun()
    form = PengaturanAkunForm(data={"pin_awal": atur.pin_awal, "masa_berlaku_hari": atur.masa_berlaku_hari}
                              if request.method == "GET" else None)
    status = 200
    if form.validate_on_submit():
        try:
            simpan_pengaturan(form.pin_awal.data, form.masa_berlaku_hari.data)
        except Penolakan as err:
            tampilkan_di_form(form, err)
            status = err.status
        else:
            flash("Pengaturan akun warga disimpan.", "sukses")
            return redirect(url_for("penduduk.akun_warga"))
    elif form.errors:
        status = 422
    baris, lanjut = riwayat.daftar(id_dari(request.args.get("setelah")))
    return _tanpa_cache(render_template("penduduk/akun.html", form=form, aksi=KonfirmasiForm(), riwayat=baris,
                                        lanjut=lanjut, belum_masuk=layanan.jumlah_belum_masuk())), status


@bp.post("/akun/pin-acak")
@operator_required
def pin_acak_semua():
    """One-time PINs for everyone still on the birth-date PIN, shown once on sheets."""
    pins = pin_awal.untuk_yang_belum_masuk()
    if not pins:
        flash("Tidak ada penduduk yang PIN-nya masih tanggal lahir.", "info")
        return redirect(url_for("penduduk.akun_warga"))
    return _lembar_pin(pins)


@bp.post("/akun/perpanjang")
@operator_required
def perpanjang_semua():
    """Every first PIN not yet used opens the account for the desa's days again."""
    jumlah = layanan.perpanjang_pin_pertama()
    flash(f"Masa berlaku PIN pertama {jumlah} penduduk diperpanjang.", "sukses")
    return redirect(url_for("penduduk.akun_warga"))


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
    lembar = pin_awal.lembar(hasil.pin_sekali) if hasil and hasil.pin_sekali else None
    return _tanpa_cache(render_template("penduduk/impor.html", form=form, hasil=hasil, kolom=KOLOM,
                                        tambahan=KOLOM_TAMBAHAN, lembar=lembar, pengaturan=pengaturan_akun(),
                                        host=request.host)), status


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


def unduh_xlsx(nama, isi):
    """An XLSX download of residents' data: never kept by a cache on the way."""
    resp = make_response(isi)
    resp.headers["Content-Type"] = XLSX
    resp.headers["Content-Disposition"] = f"attachment; filename={nama}"
    resp.headers["Cache-Control"] = "no-store"
    return resp


@bp.get("/ekspor")
@operator_required
def ekspor_xlsx():
    """Every resident as XLSX: ``format=opensid`` (OpenSID's template layout) or ``desaonline``."""
    try:
        return unduh_xlsx(*ekspor(request.args.get("format", "opensid")))
    except Penolakan as err:
        flash(err.pesan, "galat")
        return redirect(url_for("penduduk.daftar"))
