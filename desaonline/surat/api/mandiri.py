"""The resident's letter API (``/api/v1/mandiri``: ``jenis-surat`` and ``surat``), as
docs/api.md says. The views only translate; the rules live in ``layanan``."""
from apiflask.schemas import EmptySchema, FileSchema
from flask import g

from desaonline.basisdata import baca_saja
from desaonline.mandiri.auth import penduduk_api
from desaonline.surat import (antrean, berkas, kesiapan, klasifikasi, lampiran, layanan, api_mandiri as api, status, syarat,
                              tampil)
from desaonline.surat.api.halaman import LAMPIRAN, PDF, header_halaman, lampiran_responses
from desaonline.surat.pengaturan import jenis_tersedia
from desaonline.surat.schemas import (BatalIn, HalamanIn, JenisSuratOut, KlasifikasiCariIn, KlasifikasiOut,
                                      LampiranIn, SatuLampiranOut, SuratBaruOut, SuratIn, SuratOut, SuratRingkasOut,
                                      SuratUbahIn)


@api.get("/jenis-surat")
@baca_saja
@penduduk_api
@api.output(JenisSuratOut(many=True))
@api.doc(summary="Jenis surat yang dilayani desa ini",
         description="`siap` false (dengan alasannya di `belum_siap`) selama desa belum dapat menerbitkan "
                     "surat jenis itu, mis. sertifikat TTE atau penandatangan belum ada.",
         responses=[401, 403])
def jenis_surat():
    syarat_desa, belum_siap = syarat.per_jenis(), kesiapan.untuk_warga()
    return [tampil.jenis_surat(jenis, klasifikasi, syarat_desa[jenis.kode], belum_siap)
            for jenis, klasifikasi in jenis_tersedia()]


@api.get("/klasifikasi")
@baca_saja
@penduduk_api
@api.input(KlasifikasiCariIn, location="query")
@api.output(KlasifikasiOut(many=True))
@api.doc(summary="Cari kode klasifikasi di daftar desa (paling banyak 20)", responses=[401, 403])
def cari_klasifikasi(query_data):
    return [{"kode": k, "nama": n} for k, n in klasifikasi.cari(query_data["q"])]


@api.get("/surat")
@baca_saja
@penduduk_api
@api.input(HalamanIn, location="query")
@api.output(SuratRingkasOut(many=True))
@api.doc(summary="Permohonan surat saya, terbaru dulu",
         description="Jumlah seluruhnya di header X-Total-Count; halaman berikutnya di header Link.",
         responses=[401, 403])
def surat_saya(query_data):
    hal = antrean.surat_penduduk(g.akun, query_data["halaman"], query_data["per_halaman"])
    return [tampil.ringkas(s) for s in hal.isi], 200, header_halaman(hal, "surat_mandiri_api.surat_saya")


@api.post("/surat")
@penduduk_api
@api.input(SuratIn)
@api.output(SuratBaruOut, status_code=201)
@api.doc(summary="Buat konsep surat",
         description="`nik` adalah Anda sendiri atau anggota KK Anda; isian khusus jenis surat "
                     "(`fields` pada jenis-surat) dikirim sebagai kunci di tingkat atas.",
         responses=[401, 403, 422])
def buat_surat(json_data):
    surat = layanan.buat_konsep(g.akun, json_data)
    return {"id": surat.id, "status": status.KONSEP}


@api.get("/surat/<int:surat_id>")
@baca_saja
@penduduk_api
@api.output(SuratOut)
@api.doc(summary="Rincian dan riwayat permohonan surat", responses=[401, 403, 404])
def rincian_surat(surat_id):
    return tampil.rinci(layanan.surat_pemohon(g.akun, surat_id))


@api.patch("/surat/<int:surat_id>")
@penduduk_api
@api.input(SuratUbahIn)
@api.output(SuratOut)
@api.doc(summary="Ubah konsep surat (hanya selama berstatus konsep)", responses=[401, 403, 404, 409, 422])
def ubah_surat(surat_id, json_data):
    surat = layanan.surat_pemohon(g.akun, surat_id)
    layanan.ubah_konsep(surat, g.akun, json_data)
    return tampil.rinci(surat)


@api.delete("/surat/<int:surat_id>")
@penduduk_api
@api.output(EmptySchema, status_code=204)
@api.doc(summary="Hapus konsep surat", responses=[401, 403, 404, 409])
def hapus_surat(surat_id):
    layanan.hapus_konsep(layanan.surat_pemohon(g.akun, surat_id))
    return ""


@api.get("/surat/<int:surat_id>/pratinjau")
@penduduk_api
@api.output(FileSchema, description="PDF bertanda KONSEP, tanpa nomor dan tanda tangan", **PDF)
@api.doc(summary="Pratinjau surat (PDF)", responses=[401, 403, 404])
def pratinjau_surat(surat_id):
    return berkas.pratinjau(layanan.surat_pemohon(g.akun, surat_id))


@api.post("/surat/<int:surat_id>/ajukan")
@penduduk_api
@api.output(SuratOut)
@api.doc(summary="Ajukan konsep ke operator desa", responses=[401, 403, 404, 409, 422])
def ajukan_surat(surat_id):
    surat = layanan.surat_pemohon(g.akun, surat_id)
    layanan.ajukan(surat, g.akun)
    return tampil.rinci(layanan.surat_pemohon(g.akun, surat_id))


@api.post("/surat/<int:surat_id>/batalkan")
@penduduk_api
@api.input(BatalIn, arg_name="data")
@api.output(SuratOut)
@api.doc(summary="Batalkan permohonan sebelum disetujui", responses=[401, 403, 404, 409])
def batalkan_surat(surat_id, data):
    surat = layanan.surat_pemohon(g.akun, surat_id)
    layanan.batalkan(surat, g.akun, data.get("alasan"))
    return tampil.rinci(layanan.surat_pemohon(g.akun, surat_id))


@api.post("/surat/<int:surat_id>/salin")
@penduduk_api
@api.output(SuratBaruOut, status_code=201)
@api.doc(summary="Salin permohonan menjadi konsep baru (mis. setelah ditolak)", responses=[401, 403, 404, 422])
def salin_surat(surat_id):
    baru = layanan.salin(layanan.surat_pemohon(g.akun, surat_id), g.akun)
    return {"id": baru.id, "status": status.KONSEP}


@api.get("/surat/<int:surat_id>/pdf")
@penduduk_api
@api.output(FileSchema, description="surat bertanda tangan elektronik", **PDF)
@api.doc(summary="Unduh surat yang sudah selesai", responses=[401, 403, 404, 409])
def pdf_surat(surat_id):
    return berkas.unduh(layanan.surat_pemohon(g.akun, surat_id))


@api.post("/surat/<int:surat_id>/lampiran")
@penduduk_api
@api.input(LampiranIn, location="form_and_files")
@api.output(SatuLampiranOut, status_code=201)
@api.doc(summary="Lampirkan foto atau PDF dokumen syarat",
         description="JPEG, PNG atau PDF, paling besar 5 MB, diperiksa menurut isinya (422 `lampiran_tidak_dikenal` "
                     "atau `lampiran_rusak` bila bukan); foto diperkecil dan metadatanya dibuang. Selama konsep "
                     "atau diajukan, dan setelah ditolak dengan permintaan melengkapi dokumen.",
         responses=[401, 403, 404, 409, 413, 422])
def lampirkan(surat_id, form_and_files_data):
    surat = layanan.surat_pemohon(g.akun, surat_id)
    berkas_ = form_and_files_data["file"]
    baris = lampiran.tambah(surat, berkas_.filename, berkas_.read(), form_and_files_data.get("syarat"))
    return tampil.lampiran(baris)


@api.get("/surat/<int:surat_id>/lampiran")
@penduduk_api
@api.output(SatuLampiranOut(many=True))
@api.doc(summary="Lampiran permohonan", responses=[401, 403, 404])
def daftar_lampiran(surat_id):
    return [tampil.lampiran(l) for l in lampiran.daftar(layanan.surat_pemohon(g.akun, surat_id))]


@api.get("/surat/<int:surat_id>/lampiran/<int:lampiran_id>")
@penduduk_api
@api.output(FileSchema, **LAMPIRAN)
@api.doc(summary="Berkas lampiran", responses=lampiran_responses(401, 403, 404))
def lampiran_berkas(surat_id, lampiran_id):
    return lampiran.kirim(lampiran.satu(layanan.surat_pemohon(g.akun, surat_id), lampiran_id))


@api.delete("/surat/<int:surat_id>/lampiran/<int:lampiran_id>")
@penduduk_api
@api.output(EmptySchema, status_code=204)
@api.doc(summary="Hapus lampiran (hanya selama konsep)", responses=[401, 403, 404, 409])
def hapus_lampiran(surat_id, lampiran_id):
    lampiran.hapus(layanan.surat_pemohon(g.akun, surat_id), lampiran_id)
    return ""


@api.post("/surat/<int:surat_id>/lengkapi")
@penduduk_api
@api.output(SuratOut)
@api.doc(summary="Kirim kembali setelah melengkapi dokumen yang diminta operator",
         description="Hanya untuk permohonan yang ditolak dengan permintaan melengkapi dokumen (`lengkapi`), "
                     "setelah lampiran baru ditambahkan; status kembali `diajukan`.",
         responses=[401, 403, 404, 409, 422])
def lengkapi_surat(surat_id):
    layanan.lengkapi(layanan.surat_pemohon(g.akun, surat_id), g.akun)
    return tampil.rinci(layanan.surat_pemohon(g.akun, surat_id))
