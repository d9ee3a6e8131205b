"""The letter part of the JSON API (desa host), as CONTRACT.md says.

Residents: ``/api/v1/mandiri/jenis-surat`` and ``/api/v1/mandiri/surat...``;
operators: ``/api/v1/operator/surat...`` and ``/api/v1/operator/pejabat``. The
views only translate; the rules live in ``layanan``.
"""
from apiflask import HTTPError
from apiflask.schemas import EmptySchema, FileSchema
from flask import g, url_for

from desaonline.errors import process_api_error
from desaonline.mandiri.auth import penduduk_api
from desaonline.operator.auth import operator_api
from desaonline.surat import antrean, api_bp as api, berkas, layanan, pejabat as pejabat_svc, tampil
from desaonline.surat.galat import SuratError
from desaonline.surat.pengaturan import desa_ini, jenis_tersedia
from desaonline.surat.schemas import (AntreanIn, BatalIn, HalamanIn, IdOut, JenisSuratOut, PejabatIn,
                                      PejabatOut, SetujuiIn, SetujuiOut, StatusOut, SuratBaruOut, SuratIn,
                                      SuratOperatorOut, SuratOut, SuratRingkasOut, SuratUbahIn, TolakIn)

PDF = {"content_type": "application/pdf"}


@api.errorhandler(SuratError)
def _galat_surat(err):
    extra = {"rincian": err.rincian} if err.rincian else {}
    return process_api_error(HTTPError(err.status, message=err.message, extra_data={"error": err.code, **extra}))


def _halaman_header(hal, endpoint, **args):
    headers = {"X-Total-Count": str(hal.total), "X-Halaman": str(hal.halaman),
               "X-Jumlah-Halaman": str(hal.jumlah_halaman)}
    if hal.ada_sesudah:
        lanjut = url_for(endpoint, halaman=hal.halaman + 1, per_halaman=hal.per_halaman,
                         **{k: v for k, v in args.items() if v})
        headers["Link"] = f'<{lanjut}>; rel="next"'
    return headers


# --- Residents ------------------------------------------------------------------------

@api.get("/mandiri/jenis-surat")
@penduduk_api
@api.output(JenisSuratOut(many=True))
@api.doc(summary="Jenis surat yang dilayani desa ini", responses=[401, 403])
def jenis_surat():
    return [tampil.jenis_surat(jenis, klasifikasi) for jenis, klasifikasi in jenis_tersedia()]


@api.get("/mandiri/surat")
@penduduk_api
@api.input(HalamanIn, location="query")
@api.output(SuratRingkasOut(many=True))
@api.doc(summary="Permohonan surat saya, terbaru dulu",
         description="Jumlah seluruhnya di header X-Total-Count; halaman berikutnya di header Link.",
         responses=[401, 403])
def surat_saya(query_data):
    hal = antrean.surat_penduduk(g.akun, query_data["halaman"], query_data["per_halaman"])
    return [tampil.ringkas(s) for s in hal.isi], 200, _halaman_header(hal, "surat_api.surat_saya")


@api.post("/mandiri/surat")
@penduduk_api
@api.input(SuratIn)
@api.output(SuratBaruOut, status_code=201)
@api.doc(summary="Buat konsep surat",
         description="`nik` adalah Anda sendiri atau anggota KK Anda; isian khusus jenis surat "
                     "(`fields` pada jenis-surat) dikirim sebagai kunci di tingkat atas.",
         responses=[401, 403, 422])
def buat_surat(json_data):
    surat = layanan.buat_konsep(g.akun, json_data)
    return {"id": surat.id, "status": "konsep"}


@api.get("/mandiri/surat/<int:surat_id>")
@penduduk_api
@api.output(SuratOut)
@api.doc(summary="Rincian dan riwayat permohonan surat", responses=[401, 403, 404])
def rincian_surat(surat_id):
    return tampil.rinci(layanan.surat_pemohon(g.akun, surat_id))


@api.patch("/mandiri/surat/<int:surat_id>")
@penduduk_api
@api.input(SuratUbahIn)
@api.output(SuratOut)
@api.doc(summary="Ubah konsep surat (hanya selama berstatus konsep)", responses=[401, 403, 404, 409, 422])
def ubah_surat(surat_id, json_data):
    surat = layanan.surat_pemohon(g.akun, surat_id)
    layanan.ubah_konsep(surat, g.akun, json_data)
    return tampil.rinci(surat)


@api.delete("/mandiri/surat/<int:surat_id>")
@penduduk_api
@api.output(EmptySchema, status_code=204)
@api.doc(summary="Hapus konsep surat", responses=[401, 403, 404, 409])
def hapus_surat(surat_id):
    layanan.hapus_konsep(layanan.surat_pemohon(g.akun, surat_id))
    return ""


@api.get("/mandiri/surat/<int:surat_id>/pratinjau")
@penduduk_api
@api.output(FileSchema, description="PDF bertanda KONSEP, tanpa nomor dan tanda tangan", **PDF)
@api.doc(summary="Pratinjau surat (PDF)", responses=[401, 403, 404])
def pratinjau_surat(surat_id):
    return berkas.pratinjau(layanan.surat_pemohon(g.akun, surat_id))


@api.post("/mandiri/surat/<int:surat_id>/ajukan")
@penduduk_api
@api.output(SuratOut)
@api.doc(summary="Ajukan konsep ke operator desa", responses=[401, 403, 404, 409, 422])
def ajukan_surat(surat_id):
    surat = layanan.surat_pemohon(g.akun, surat_id)
    layanan.ajukan(surat, g.akun)
    return tampil.rinci(layanan.surat_pemohon(g.akun, surat_id))


@api.post("/mandiri/surat/<int:surat_id>/batalkan")
@penduduk_api
@api.input(BatalIn, arg_name="data")
@api.output(SuratOut)
@api.doc(summary="Batalkan permohonan sebelum disetujui", responses=[401, 403, 404, 409])
def batalkan_surat(surat_id, data):
    surat = layanan.surat_pemohon(g.akun, surat_id)
    layanan.batalkan(surat, g.akun, data.get("alasan"))
    return tampil.rinci(layanan.surat_pemohon(g.akun, surat_id))


@api.post("/mandiri/surat/<int:surat_id>/salin")
@penduduk_api
@api.output(SuratBaruOut, status_code=201)
@api.doc(summary="Salin permohonan menjadi konsep baru (mis. setelah ditolak)", responses=[401, 403, 404, 422])
def salin_surat(surat_id):
    baru = layanan.salin(layanan.surat_pemohon(g.akun, surat_id), g.akun)
    return {"id": baru.id, "status": "konsep"}


@api.get("/mandiri/surat/<int:surat_id>/pdf")
@penduduk_api
@api.output(FileSchema, description="surat bertanda tangan elektronik", **PDF)
@api.doc(summary="Unduh surat yang sudah selesai", responses=[401, 403, 404, 409])
def pdf_surat(surat_id):
    return berkas.unduh(layanan.surat_pemohon(g.akun, surat_id))


# --- Operators --------------------------------------------------------------------------

@api.get("/operator/surat")
@operator_api
@api.input(AntreanIn, location="query")
@api.output(SuratRingkasOut(many=True))
@api.doc(summary="Antrean permohonan surat, terbaru dulu",
         description="Saring dengan `status` dan `jenis`; `halaman`/`per_halaman`. Jumlah seluruhnya di "
                     "header X-Total-Count; halaman berikutnya di header Link.",
         responses=[401, 403, 422])
def antrean_surat(query_data):
    hal = antrean.antrean_operator(query_data["status"], query_data["jenis"], query_data["halaman"],
                                   query_data["per_halaman"])
    headers = _halaman_header(hal, "surat_api.antrean_surat", status=query_data["status"],
                              jenis=query_data["jenis"])
    return [tampil.ringkas(s) for s in hal.isi], 200, headers


@api.get("/operator/surat/<int:surat_id>")
@operator_api
@api.output(SuratOperatorOut)
@api.doc(summary="Rincian permohonan dengan data pemohon", responses=[401, 403, 404])
def operator_rincian(surat_id):
    return tampil.rinci(layanan.surat_operator(surat_id), desa_ini(), untuk_operator=True)


@api.get("/operator/surat/<int:surat_id>/pratinjau")
@operator_api
@api.output(FileSchema, description="PDF bertanda KONSEP", **PDF)
@api.doc(summary="Pratinjau surat (PDF)", responses=[401, 403, 404])
def operator_pratinjau(surat_id):
    return berkas.pratinjau(layanan.surat_operator(surat_id))


@api.get("/operator/surat/<int:surat_id>/pdf")
@operator_api
@api.output(FileSchema, description="surat bertanda tangan elektronik", **PDF)
@api.doc(summary="Unduh surat yang sudah selesai", responses=[401, 403, 404, 409])
def operator_pdf(surat_id):
    return berkas.unduh(layanan.surat_operator(surat_id))


@api.post("/operator/surat/<int:surat_id>/setujui")
@operator_api
@api.input(SetujuiIn, arg_name="data")
@api.output(SetujuiOut, status_code=202)
@api.doc(summary="Setujui: beri nomor dan kirim ke pekerja untuk ditandatangani",
         description="Status menjadi `diproses`; pekerja membuat dan menandatangani PDF (lalu `selesai`).",
         responses=[401, 403, 404, 409, 422])
def setujui_surat(surat_id, data):
    nomor = layanan.setujui(surat_id, g.akun, data.get("penandatangan"), data.get("passphrase"))
    return {"id": surat_id, "status": "diproses", "nomor": nomor}


@api.post("/operator/surat/<int:surat_id>/tolak")
@operator_api
@api.input(TolakIn, arg_name="data")
@api.output(StatusOut)
@api.doc(summary="Tolak dengan alasan (terlihat oleh pemohon)", responses=[401, 403, 404, 409, 422])
def tolak_surat(surat_id, data):
    layanan.tolak(surat_id, g.akun, data["alasan"])
    surat = layanan.surat_operator(surat_id)
    return {"id": surat.id, "status": surat.status, "alasan_tolak": surat.alasan_tolak}


@api.get("/operator/pejabat")
@operator_api
@api.output(PejabatOut(many=True))
@api.doc(summary="Pejabat penandatangan surat yang aktif", responses=[401, 403])
def daftar_pejabat():
    return pejabat_svc.daftar()


@api.post("/operator/pejabat")
@operator_api
@api.input(PejabatIn, arg_name="data")
@api.output(IdOut, status_code=201)
@api.doc(summary="Tambah pejabat penandatangan", responses=[401, 403, 422])
def tambah_pejabat(data):
    return {"id": pejabat_svc.buat(data).id}
