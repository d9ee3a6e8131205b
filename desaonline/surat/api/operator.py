"""The operator's letter API (``/api/v1/operator``: ``surat`` and ``pejabat``), as
docs/api.md says. The views only translate; the rules live in ``layanan``."""
from apiflask.schemas import FileSchema
from flask import g

from desaonline.basisdata import baca_saja
from desaonline.errors import tidak_ditemukan
from desaonline.operator.auth import operator_api
from desaonline.surat import (antrean, berkas, katalog, klasifikasi, lampiran, layanan, api_operator as api,
                              pejabat as pejabat_svc, status, syarat, tampil)
from desaonline.surat.api.halaman import LAMPIRAN, PDF, header_halaman, lampiran_responses
from desaonline.surat.pengaturan import desa_ini, pilihan_jenis, pilihan_satu, simpan_jenis
from desaonline.surat.schemas import (AntreanIn, HasilKlasifikasiOut, IdOut, JenisDesaIn, JenisDesaOut,
                                      KlasifikasiImporIn, PejabatIn, PejabatOut, SetujuiBanyakIn, SetujuiBanyakOut,
                                      SetujuiIn, SetujuiOut, StatusOut, SuratOperatorOut, SuratRingkasOut,
                                      SyaratDesaOut, SyaratIn, TolakIn, UlangiIn, UlangiOut)


@api.get("/surat")
@baca_saja
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
    headers = header_halaman(hal, "surat_operator_api.antrean_surat", status=query_data["status"],
                             jenis=query_data["jenis"])
    return [tampil.ringkas(s) for s in hal.isi], 200, headers


@api.get("/surat/<int:surat_id>")
@baca_saja
@operator_api
@api.output(SuratOperatorOut)
@api.doc(summary="Rincian permohonan dengan data pemohon dan lampirannya", responses=[401, 403, 404])
def operator_rincian(surat_id):
    return tampil.rinci(layanan.surat_operator(surat_id), desa_ini(), untuk_operator=True)


@api.get("/surat/<int:surat_id>/pratinjau")
@operator_api
@api.output(FileSchema, description="PDF bertanda KONSEP", **PDF)
@api.doc(summary="Pratinjau surat (PDF)", responses=[401, 403, 404])
def operator_pratinjau(surat_id):
    return berkas.pratinjau(layanan.surat_operator(surat_id))


@api.get("/surat/<int:surat_id>/pdf")
@operator_api
@api.output(FileSchema, description="surat bertanda tangan elektronik", **PDF)
@api.doc(summary="Unduh surat yang sudah selesai", responses=[401, 403, 404, 409])
def operator_pdf(surat_id):
    return berkas.unduh(layanan.surat_operator(surat_id))


@api.post("/surat/<int:surat_id>/setujui")
@operator_api
@api.input(SetujuiIn, arg_name="data")
@api.output(SetujuiOut, status_code=202)
@api.doc(summary="Setujui: beri nomor dan kirim ke pekerja untuk ditandatangani",
         description="Status menjadi `diproses`; pekerja membuat dan menandatangani PDF (lalu `selesai`).",
         responses=[401, 403, 404, 409, 422])
def setujui_surat(surat_id, data):
    nomor = layanan.setujui(surat_id, g.akun, data.get("penandatangan"), data.get("passphrase"),
                            data.get("klasifikasi"), data.get("totp"))
    return {"id": surat_id, "status": status.DIPROSES, "nomor": nomor}


@api.post("/surat/setujui")
@operator_api
@api.input(SetujuiBanyakIn, arg_name="data")
@api.output(SetujuiBanyakOut, status_code=202)
@api.doc(summary="Setujui beberapa surat sekaligus (satu passphrase BSrE untuk semuanya)",
         description="Tiap surat diberi nomor dalam transaksinya sendiri; yang tidak dapat disetujui disebut di "
                     "`ditolak` dan tidak menghalangi yang lain. Surat yang disetujui ditandatangani bersama: "
                     "BSrE API v2 dalam satu permintaan, v1 berurutan (passphrase salah menghentikan semuanya). "
                     "Paling banyak `BSRE_BATCH_MAKS` (20) surat.",
         responses=[401, 403, 404, 409, 422])
def setujui_banyak(data):
    disetujui, ditolak = layanan.setujui_banyak(data["surat"], g.akun, data.get("passphrase"), data.get("totp"))
    return {"disetujui": [{"id": sid, "nomor": nomor, "status": status.DIPROSES} for sid, nomor in disetujui],
            "ditolak": [{"id": sid, "error": err.kode, "message": err.pesan} for sid, err in ditolak]}


@api.post("/surat/<int:surat_id>/tolak")
@operator_api
@api.input(TolakIn, arg_name="data")
@api.output(StatusOut)
@api.doc(summary="Tolak dengan alasan (terlihat oleh pemohon), bila perlu meminta dokumen",
         responses=[401, 403, 404, 409, 422])
def tolak_surat(surat_id, data):
    layanan.tolak(surat_id, g.akun, data["alasan"], data.get("lengkapi"))
    surat = layanan.surat_operator(surat_id)
    return {"id": surat.id, "status": surat.status, "alasan_tolak": surat.alasan_tolak,
            "lengkapi": tampil.lengkapi(surat)}


@api.get("/surat/<int:surat_id>/lampiran/<int:lampiran_id>")
@operator_api
@api.output(FileSchema, **LAMPIRAN)
@api.doc(summary="Berkas lampiran permohonan", responses=lampiran_responses(401, 403, 404))
def lampiran_berkas(surat_id, lampiran_id):
    return lampiran.kirim(lampiran.satu(layanan.surat_operator(surat_id), lampiran_id))


@api.post("/surat/<int:surat_id>/ulangi")
@operator_api
@api.input(UlangiIn, arg_name="data")
@api.output(UlangiOut, status_code=202)
@api.doc(summary="Kirim ulang surat yang gagal ditandatangani ke pekerja", responses=[401, 403, 404, 409, 422])
def ulangi(surat_id, data):
    surat = layanan.ulangi(surat_id, g.akun, data.get("passphrase"), data.get("totp"))
    return {"id": surat.id, "status": status.DIPROSES}


@api.get("/pejabat")
@operator_api
@api.output(PejabatOut(many=True))
@api.doc(summary="Pejabat penandatangan surat yang aktif", responses=[401, 403])
def daftar_pejabat():
    return pejabat_svc.daftar()


@api.post("/pejabat")
@operator_api
@api.input(PejabatIn, arg_name="data")
@api.output(IdOut, status_code=201)
@api.doc(summary="Tambah pejabat penandatangan", responses=[401, 403, 422])
def tambah_pejabat(data):
    return {"id": pejabat_svc.buat(data).id}


@api.post("/klasifikasi/impor")
@operator_api
@api.input(KlasifikasiImporIn, location="form_and_files")
@api.output(HasilKlasifikasiOut)
@api.doc(summary="Impor daftar kode klasifikasi (klasifikasi_surat.csv OpenSID atau XLSX-nya)",
         responses=[401, 403, 413, 422])
def impor_klasifikasi(form_and_files_data):
    berkas_ = form_and_files_data["file"]
    return klasifikasi.impor(berkas_.filename, berkas_.read(), ganti=form_and_files_data["ganti"]).as_dict()


@api.get("/syarat")
@operator_api
@api.output(SyaratDesaOut)
@api.doc(summary="Syarat (dokumen) tiap jenis surat yang diminta desa ini", responses=[401, 403])
def syarat_desa():
    return _syarat_desa()


def _syarat_desa():
    per_jenis = syarat.per_jenis()
    return {"dokumen": [d.as_dict() for d in syarat.DOKUMEN],
            "jenis": [{"kode": j.kode, "nama": j.nama, "syarat": [d.as_dict() for d in per_jenis[j.kode]]}
                      for j in katalog.DAFTAR]}


@api.put("/syarat/<jenis>")
@operator_api
@api.input(SyaratIn, arg_name="data")
@api.output(SyaratDesaOut)
@api.doc(summary="Atur syarat satu jenis surat",
         description="`syarat`: kode dokumen dari `GET .../syarat`. Jawabannya sama dengan `GET .../syarat`.",
         responses=[401, 403, 404, 422])
def atur_syarat(jenis, data):
    syarat.simpan(jenis, data["syarat"])
    return _syarat_desa()


def _jenis_desa(p):
    return {"kode": p.jenis.kode, "nama": p.jenis.nama, "aktif": p.aktif, "hanya_kantor": p.hanya_kantor,
            "mandiri": p.mandiri, "pihak_ketiga": p.jenis.pihak_ketiga, "klasifikasi": p.klasifikasi,
            "klasifikasi_katalog": p.jenis.klasifikasi, "penandatangan": p.pejabat_id}


@api.get("/jenis-surat")
@operator_api
@api.output(JenisDesaOut(many=True))
@api.doc(summary="Semua jenis surat katalog dengan pilihan desa ini",
         description="Dilayani atau tidak, hanya di kantor atau juga lewat Layanan Mandiri, kode klasifikasi dan "
                     "penandatangan bawaan per jenis.", responses=[401, 403])
def jenis_surat_desa():
    return [_jenis_desa(p) for p in pilihan_jenis()]


@api.put("/jenis-surat/<kode>")
@operator_api
@api.input(JenisDesaIn, arg_name="data")
@api.output(JenisDesaOut)
@api.doc(summary="Atur satu jenis surat: dilayani, hanya di kantor, kode klasifikasi, penandatangan bawaan",
         responses=[401, 403, 404, 422])
def atur_jenis_surat(kode, data):
    if katalog.jenis(kode) is None:
        raise tidak_ditemukan("jenis_tidak_ditemukan", "Jenis surat tidak ada di katalog.")
    simpan_jenis({kode: data})
    return _jenis_desa(pilihan_satu(kode))
