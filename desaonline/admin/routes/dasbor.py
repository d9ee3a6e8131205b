"""The dashboard: the kabupaten, a kecamatan or a desa at a glance, with a chart and a
sortable table for each figure, the same tables as CSV, and drill-down links."""
from flask import abort, current_app, flash, render_template, request, url_for
from flask_login import current_user

from desaonline.admin import bp, dasbor as hitung, grafik
from desaonline.admin.routes import admin_required, base_domain
from desaonline.admin.routes.desa import kolom_kesiapan, unduh_csv
from desaonline.admin.tabel import Kolom, Tabel, lama
from desaonline.errors import Penolakan
from desaonline.surat.status import LABEL
from desaonline.waktu import BULAN

PERIODE_CEPAT = (7, 30, 90, 365)


def _hari_pendek(h):
    return f"{h.day} {BULAN[h.month - 1][:3]}"


def _persen(bagian, total):
    return round(bagian * 100 / total, 1) if total else 0


def _lingkup():
    args = request.args
    desa_id = args.get("desa") or None
    if desa_id is not None and (not desa_id.isdigit() or len(desa_id) > 9):
        abort(404)
    nama = current_app.config["KABUPATEN_NAMA"]
    try:
        return hitung.lingkup(current_user, nama, args.get("kecamatan") or None, int(desa_id) if desa_id else None,
                              args.get("dari"), args.get("sampai")), 200
    except Penolakan as err:
        if err.status != 422:
            raise
        flash(err.pesan + " Ditampilkan 30 hari terakhir.", "galat")
        return hitung.lingkup(current_user, nama, args.get("kecamatan") or None,
                              int(desa_id) if desa_id else None), 422


def _tautan(**ubah):
    """This dashboard with some arguments changed (the period stays when drilling down)."""
    args = {k: v for k, v in request.args.items() if k in ("dari", "sampai")}
    args.update({k: v for k, v in ubah.items() if v is not None})
    return url_for("admin.dasbor", **args)


def _tabel(r):
    """The tables behind the charts, each sortable by its own query parameter."""
    wilayah = r["lingkup"]["tingkat"]
    ke = (lambda b: _tautan(kecamatan=b["slug"])) if wilayah == "kabupaten" else (lambda b: _tautan(desa=b["id"]))
    jumlah = r["jumlah"]
    tabel = {
        "harian": Tabel("harian", [Kolom("tanggal", "Tanggal"), Kolom("diajukan", "Diajukan", angka=True),
                                   Kolom("selesai", "Ditandatangani", angka=True)], r["harian"], "tanggal"),
        "status": Tabel("status", [Kolom("label", "Status"), Kolom("jumlah", "Jumlah", angka=True),
                                   Kolom("persen", "Persen", angka=True)],
                        [{"id": s, "status": s, "label": LABEL[s], "jumlah": n, "persen": _persen(n, jumlah)}
                         for s, n in r["status"].items()], "-jumlah"),
        "jenis": Tabel("jenis", [Kolom("nama", "Jenis surat"), Kolom("jumlah", "Diajukan", angka=True),
                                 Kolom("selesai", "Ditandatangani", angka=True),
                                 Kolom("median_detik", "Median waktu", angka=True, tampil=lama),
                                 Kolom("p90_detik", "P90 waktu", angka=True, tampil=lama)],
                       [dict(j, id=j["kode"]) for j in r["jenis"]], "-jumlah"),
        "menunggu": Tabel("menunggu", [Kolom("desa", "Desa"), Kolom("kecamatan", "Kecamatan"),
                                       Kolom("nama_jenis", "Jenis surat"), Kolom("diajukan", "Diajukan"),
                                       Kolom("menunggu_detik", "Menunggu", angka=True, tampil=lama)],
                          r["menunggu_terlama"], "-menunggu_detik"),
        "kesiapan": Tabel("kesiapan", kolom_kesiapan(),
                          [b for b in r["desa"] if not b["siap"] or b["sertifikat_segera_habis"]], "kecamatan_nama"),
    }
    if wilayah != "desa":
        kolom = [Kolom("nama", "Kecamatan" if wilayah == "kabupaten" else "Desa", tautan=ke),
                 Kolom("total", "Diajukan", angka=True), Kolom("selesai", "Ditandatangani", angka=True),
                 Kolom("ditolak", "Ditolak", angka=True),
                 Kolom("median_detik", "Median waktu", angka=True, tampil=lama),
                 Kolom("p90_detik", "P90 waktu", angka=True, tampil=lama),
                 Kolom("menunggu", "Menunggu", angka=True),
                 Kolom("menunggu_detik", "Terlama menunggu", angka=True, tampil=lama),
                 Kolom("penduduk", "Penduduk", angka=True), Kolom("mandiri_aktif", "Layanan Mandiri aktif", angka=True),
                 Kolom("desa_siap", "Desa siap", angka=True)]
        tabel["wilayah"] = Tabel("wilayah", kolom, r["wilayah"], "-total")
    return tabel


def _grafik(r, tabel):
    g = {
        "harian": grafik.harian(r["harian"], [("diajukan", "diajukan"), ("selesai", "ditandatangani")], _hari_pendek),
        "status": grafik.batang(tabel["status"].baris, lambda b: b["label"], lambda b: b["jumlah"]),
        "jenis": grafik.batang(tabel["jenis"].baris, lambda b: b["nama"], lambda b: b["jumlah"]),
    }
    if "wilayah" in tabel:
        g["wilayah"] = grafik.batang(tabel["wilayah"].baris, lambda b: b["nama"], lambda b: b["total"])
        median = sorted(r["wilayah"], key=lambda b: -(b["median_detik"] or 0))
        g["lambat"] = grafik.batang(median, lambda b: b["nama"], lambda b: b["median_detik"] or 0,
                                    teks=lambda b: lama(b["median_detik"]))
    return g


@bp.get("/")
@admin_required
def dasbor():
    """The kabupaten (a camat: its kecamatan), ``?kecamatan=`` or ``?desa=``, ``?dari=&sampai=``."""
    lk, status = _lingkup()
    r = hitung.ringkasan(lk, base_domain())
    tabel = _tabel(r)
    if request.args.get("format") == "csv":
        nama = request.args.get("tabel", "")
        if nama not in tabel:
            abort(404)
        return unduh_csv(f"statistik-{nama}-{lk.dari}-{lk.sampai}.csv", tabel[nama].csv())
    jejak = [(current_app.config["KABUPATEN_NAMA"], _tautan())] if current_user.kecamatan_id is None else []
    if lk.kecamatan is not None:
        jejak.append((f"Kecamatan {lk.kecamatan.nama}", _tautan(kecamatan=lk.kecamatan.slug)))
    if lk.desa is not None:
        jejak.append((lk.nama, _tautan(desa=lk.desa.id)))
    cepat = [(n, url_for("admin.dasbor", **{k: v for k, v in request.args.items() if k in ("kecamatan", "desa")},
                         dari=str(lk.sampai.fromordinal(lk.sampai.toordinal() - n + 1)), sampai=str(lk.sampai)))
             for n in PERIODE_CEPAT]
    return render_template("admin/dasbor.html", r=r, lk=lk, tabel=tabel, grafik=_grafik(r, tabel), jejak=jejak,
                           cepat=cepat, lama=lama), status
