"""The resident's letter pages (``/mandiri/surat``): pick a type, fill it in, save,
preview, submit, follow it, download it. The same services as the API."""
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from desaonline.errors import Penolakan, tampilkan_di_form
from desaonline.mandiri.auth import penduduk_required
from desaonline.surat import (antrean, berkas, katalog, kesiapan, klasifikasi, lampiran as lampiran_svc, layanan,
                              mandiri_bp as bp, pejabat as pejabat_svc, status, syarat, tampil)
from desaonline.surat.forms import AksiForm, data_form_surat, form_surat
from desaonline.surat.pengaturan import jenis_di_kantor, jenis_ditawarkan, jenis_tersedia, ttd_bawaan


@bp.app_template_filter("nama_jenis_surat")
def nama_jenis_surat(kode):
    return tampil.nama_jenis(kode)


@bp.app_template_filter("nama_dokumen")
def nama_dokumen(kode):
    dokumen = syarat.DOKUMEN_PER_KODE.get(kode)
    return dokumen.nama if dokumen else None


@bp.app_template_global()
def surat_ringkas_penduduk(penduduk, jumlah=3):
    """For the resident's dashboard: counts per status and the latest requests."""
    hal = antrean.surat_penduduk(penduduk, 1, jumlah)
    hitungan = antrean.hitung_per_status(penduduk)
    return {"per_status": [(s, hitungan[s]) for s in status.STATUS if s in hitungan], "terbaru": hal.isi,
            "total": hal.total}


@bp.get("")
@penduduk_required
def daftar():
    """The resident's requests, newest first, with what can be done to each."""
    hal = antrean.surat_penduduk(current_user, request.args.get("halaman"))
    return render_template("surat/mandiri_daftar.html", hal=hal, aksi=AksiForm(),
                           jumlah_lampiran=lampiran_svc.jumlah_per_surat([s.id for s in hal.isi]))


@bp.get("/buat")
@penduduk_required
def pilih_jenis():
    """Step one of Buat Surat: the letter types of this desa, by name."""
    return render_template("surat/mandiri_pilih_jenis.html", daftar_jenis=jenis_tersedia(),
                           di_kantor=jenis_di_kantor(), belum_siap=kesiapan.untuk_warga())


def _form(jenis, surat=None, formdata=None):
    anggota = layanan.calon_subjek(current_user, jenis)
    daftar_pejabat = pejabat_svc.daftar()
    if surat is not None:
        awal = {"nik": surat.subjek.nik, "klasifikasi": surat.klasifikasi, "keperluan": surat.keperluan,
                "keterangan": surat.keterangan or "", "penandatangan": str(surat.pejabat_id), **(surat.data or {})}
    else:
        bawaan = ttd_bawaan(jenis.kode)
        awal = {"nik": current_user.nik, "klasifikasi": jenis_ditawarkan(jenis.kode)[1],
                "penandatangan": str(bawaan.id) if bawaan else ""}
    form = form_surat(jenis, anggota, daftar_pejabat, layanan.konteks(current_user, jenis), formdata=formdata,
                      data=awal)
    form.anggota = anggota   # the page shows them as a choice with each name and full NIK
    return form


def _halaman_form(form, jenis, surat):
    return render_template("surat/mandiri_form.html", form=form, jenis=jenis, surat=surat,
                           syarat=syarat.untuk(jenis.kode), belum_siap=kesiapan.untuk_warga(),
                           saran_klasifikasi=klasifikasi.saran(form.klasifikasi.data)), \
        422 if request.method == "POST" else 200


@bp.get("/klasifikasi")
@penduduk_required
def cari_klasifikasi():
    """Suggestions for the Kode Klasifikasi field as the resident types (JSON)."""
    return jsonify([{"kode": k, "nama": n} for k, n in klasifikasi.cari(request.args.get("q"))])


@bp.route("/buat/<kode>", methods=["GET", "POST"])
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
        except Penolakan as err:
            tampilkan_di_form(form, err)
        else:
            flash(f"Konsep {jenis.nama} disimpan. Periksa dengan Pratinjau, lalu tekan Ajukan.", "sukses")
            return redirect(url_for("surat_mandiri.daftar", _anchor=f"surat-{surat.id}"))
    return _halaman_form(form, jenis, None)


@bp.route("/<int:surat_id>/ubah", methods=["GET", "POST"])
@penduduk_required
def ubah(surat_id):
    surat = layanan.surat_pemohon(current_user, surat_id)
    jenis = katalog.jenis(surat.jenis)
    if not status.UBAH.boleh_dari(surat.status):
        flash(f"Surat berstatus {surat.status} tidak dapat diubah lagi.", "galat")
        return redirect(url_for("surat_mandiri.rincian", surat_id=surat.id))
    form = _form(jenis, surat, formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        try:
            layanan.ubah_konsep(surat, current_user, data_form_surat(form, jenis))
        except Penolakan as err:
            tampilkan_di_form(form, err)
        else:
            flash("Perubahan konsep disimpan.", "sukses")
            return redirect(url_for("surat_mandiri.daftar", _anchor=f"surat-{surat_id}"))
    return _halaman_form(form, jenis, surat)


def _aksi(surat_id, langkah, pesan_sukses, ke="surat_mandiri.daftar"):
    """A button on the list or the detail page (its CSRF is checked before the view runs)."""
    surat = layanan.surat_pemohon(current_user, surat_id)
    try:
        langkah(surat)
    except Penolakan as err:
        flash(err.pesan, "galat")
    else:
        flash(pesan_sukses, "sukses")
    if ke == "surat_mandiri.daftar":
        return redirect(url_for(ke, _anchor=f"surat-{surat_id}"))
    return redirect(url_for(ke, surat_id=surat_id))


@bp.post("/<int:surat_id>/ajukan")
@penduduk_required
def ajukan(surat_id):
    return _aksi(surat_id, lambda s: layanan.ajukan(s, current_user),
                 "Permohonan diajukan. Operator desa akan memeriksanya.", ke="surat_mandiri.rincian")


def _tanya_dulu(surat_id, pertanyaan, tombol, akibat, kembali, alasan=False, rincian=None):
    """A step that cannot be undone asks first: the button sends the form without ``yakin``
    and gets this page, whose own button sends it again with ``yakin=1`` (no JavaScript)."""
    if request.form.get("yakin") == "1":
        return None
    surat = layanan.surat_pemohon(current_user, surat_id)
    return render_template("surat/mandiri_konfirmasi.html", surat=surat, pertanyaan=pertanyaan, tombol=tombol,
                           akibat=akibat, kembali=kembali, alasan=alasan, rincian=rincian, aksi=AksiForm())


@bp.post("/<int:surat_id>/batalkan")
@penduduk_required
def batalkan(surat_id):
    tanya = _tanya_dulu(surat_id, "Batalkan permohonan ini?", "Ya, batalkan",
                        "Permohonan yang dibatalkan tidak diperiksa operator lagi. Bila masih perlu, salin menjadi "
                        "konsep baru.", url_for("surat_mandiri.rincian", surat_id=surat_id), alasan=True)
    return tanya or _aksi(surat_id, lambda s: layanan.batalkan(s, current_user, request.form.get("alasan")),
                          "Permohonan dibatalkan.")


@bp.post("/<int:surat_id>/hapus")
@penduduk_required
def hapus(surat_id):
    tanya = _tanya_dulu(surat_id, "Hapus konsep ini?", "Ya, hapus",
                        "Konsep dan lampirannya dihapus dan tidak dapat dikembalikan.",
                        url_for("surat_mandiri.daftar", _anchor=f"surat-{surat_id}"))
    return tanya or _aksi(surat_id, layanan.hapus_konsep, "Konsep dihapus.")


@bp.post("/<int:surat_id>/salin")
@penduduk_required
def salin(surat_id):
    """Start a new draft from this request (the usual next step after a rejection)."""
    surat = layanan.surat_pemohon(current_user, surat_id)
    try:
        baru = layanan.salin(surat, current_user)
    except Penolakan as err:
        flash(err.pesan, "galat")
        return redirect(url_for("surat_mandiri.rincian", surat_id=surat_id))
    flash("Konsep baru dibuat dari permohonan lama. Perbaiki isinya, lalu Ajukan.", "sukses")
    return redirect(url_for("surat_mandiri.ubah", surat_id=baru.id))


@bp.get("/<int:surat_id>")
@penduduk_required
def rincian(surat_id):
    """One request: its data, its attachments, its timeline, the reason of a rejection, the download."""
    surat = layanan.surat_pemohon(current_user, surat_id)
    lampiran = lampiran_svc.daftar(surat)
    syarat_lampiran = lampiran_svc.ringkas_syarat(surat, lampiran)
    # The Dokumen choice starts at what the operator asked for, else at the first one missing.
    belum = [d.kode for d, ada in syarat_lampiran if not ada]
    dokumen_awal = next(iter(surat.lengkapi or belum), "")
    return render_template("surat/mandiri_rincian.html", surat=surat, jenis=katalog.jenis(surat.jenis),
                           isian=tampil.isian_terbaca(surat), aksi=AksiForm(),
                           menunggu=surat.status in status.MENUNGGU, lampiran=lampiran,
                           syarat_lampiran=syarat_lampiran, dokumen_awal=dokumen_awal,
                           boleh_lampir=status.boleh_melampirkan(surat),
                           boleh_hapus_lampiran=surat.status in status.LAMPIRAN_DIHAPUS,
                           lengkapi=tampil.lengkapi(surat))


@bp.post("/<int:surat_id>/lampiran")
@penduduk_required
def lampirkan(surat_id):
    """The Lampirkan form: a photo from the camera or files from the phone (JPEG, PNG, PDF)."""
    surat = layanan.surat_pemohon(current_user, surat_id)
    berkas_ = [f for f in request.files.getlist("file") if f and f.filename]
    if not berkas_:
        flash("Pilih foto atau berkas dokumennya terlebih dahulu.", "galat")
    for f in berkas_:
        try:
            baru = lampiran_svc.tambah(surat, f.filename, f.read(), request.form.get("syarat"))
        except Penolakan as err:
            flash(f"{lampiran_svc.nama_bersih(f.filename)}: {err.pesan}", "galat")
        else:
            flash(f"{baru.nama_asli} dilampirkan.", "sukses")
    return redirect(url_for("surat_mandiri.rincian", surat_id=surat_id, _anchor="lampiran"))


@bp.get("/<int:surat_id>/lampiran/<int:lampiran_id>")
@penduduk_required
def lampiran(surat_id, lampiran_id):
    return lampiran_svc.kirim(lampiran_svc.satu(layanan.surat_pemohon(current_user, surat_id), lampiran_id))


@bp.post("/<int:surat_id>/lampiran/<int:lampiran_id>/hapus")
@penduduk_required
def hapus_lampiran(surat_id, lampiran_id):
    surat = layanan.surat_pemohon(current_user, surat_id)
    baris = lampiran_svc.satu(surat, lampiran_id)
    tanya = _tanya_dulu(surat_id, "Hapus lampiran ini?", "Ya, hapus lampiran", "Berkasnya dihapus dari permohonan.",
                        url_for("surat_mandiri.rincian", surat_id=surat_id, _anchor="lampiran"),
                        rincian=f"{nama_dokumen(baris.syarat) or 'Lampiran'}: {baris.nama_asli}")
    if tanya:
        return tanya
    try:
        lampiran_svc.hapus(surat, lampiran_id)
    except Penolakan as err:
        flash(err.pesan, "galat")
    else:
        flash("Lampiran dihapus.", "sukses")
    return redirect(url_for("surat_mandiri.rincian", surat_id=surat_id, _anchor="lampiran"))


@bp.post("/<int:surat_id>/lengkapi")
@penduduk_required
def lengkapi(surat_id):
    """Kirim Kembali: the documents the operator asked for are attached."""
    return _aksi(surat_id, lambda s: layanan.lengkapi(s, current_user),
                 "Permohonan dikirim kembali ke operator desa.", ke="surat_mandiri.rincian")


@bp.get("/<int:surat_id>/status")
@penduduk_required
def status_surat(surat_id):
    """What the detail page polls while it waits (cookie session, JSON)."""
    surat = layanan.surat_pemohon(current_user, surat_id)
    return jsonify(tampil.pantauan(surat, url_for("surat_mandiri.unduh", surat_id=surat.id)))


@bp.get("/<int:surat_id>/pratinjau")
@penduduk_required
def pratinjau(surat_id):
    return berkas.pratinjau(layanan.surat_pemohon(current_user, surat_id))


@bp.get("/<int:surat_id>/unduh")
@penduduk_required
def unduh(surat_id):
    surat = layanan.surat_pemohon(current_user, surat_id)
    try:
        return berkas.unduh(surat)
    except Penolakan as err:
        flash(err.pesan, "galat")
        return redirect(url_for("surat_mandiri.rincian", surat_id=surat_id))
