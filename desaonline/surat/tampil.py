"""A request as data for the API and the pages' status polling (one shape for both)."""
from flask import url_for

from desaonline.surat import katalog, lampiran as lampiran_svc, status, syarat as syarat_svc
from desaonline.surat.isian import tampil as tampil_isian
from desaonline.surat.susun import alamat_penduduk


def nama_jenis(kode):
    jenis = katalog.jenis(kode)
    return jenis.nama if jenis else kode


def jenis_surat(jenis, klasifikasi, syarat=(), belum_siap=()):
    return {"kode": jenis.kode, "nama": jenis.nama, "uraian": jenis.uraian, "klasifikasi": klasifikasi,
            "fields": jenis.isian_dict(), "syarat": [d.as_dict() for d in syarat],
            "siap": not belum_siap, "belum_siap": list(belum_siap)}


def orang(p):
    return {"nik": p.nik, "nama": p.nama}


def biodata(p, desa):
    return {
        "nik": p.nik, "nama": p.nama, "no_kk": p.keluarga.no_kk if p.keluarga else None,
        "tempat_lahir": p.tempat_lahir, "tanggal_lahir": p.tanggal_lahir, "jenis_kelamin": p.jenis_kelamin,
        "agama": p.agama, "status_perkawinan": p.status_perkawinan, "pekerjaan": p.pekerjaan,
        "hubungan_keluarga": p.hubungan_keluarga, "no_hp": p.no_hp, "alamat": alamat_penduduk(p, desa),
    }


def ringkas(surat):
    return {
        "id": surat.id, "jenis": surat.jenis, "nama_jenis": nama_jenis(surat.jenis), "status": surat.status,
        "nomor": surat.nomor, "keperluan": surat.keperluan, "subjek": orang(surat.subjek),
        "pemohon": orang(surat.pemohon), "dibuat": surat.dibuat, "diajukan": surat.diajukan,
    }


def pantauan(surat, unduh=None):
    """What a page that follows a request polls for (the resident's and the operator's)."""
    return {"id": surat.id, "status": surat.status, "label": status.LABEL.get(surat.status, surat.status),
            "nomor": surat.nomor, "menunggu": surat.status in status.MENUNGGU,
            "unduh": unduh if surat.status == status.SELESAI else None}


def isian_terbaca(surat):
    """The type's own fields with their labels and display values."""
    jenis = katalog.jenis(surat.jenis)
    data = surat.data or {}
    return [{"nama": i.nama, "label": i.label, "nilai": data.get(i.nama),
             "tampil": tampil_isian(i, data.get(i.nama))} for i in (jenis.isian if jenis else ())]


def lampiran(baris, untuk_operator=False):
    """One attachment; ``url`` is where this caller fetches the file."""
    endpoint = "surat_operator_api.lampiran_berkas" if untuk_operator else "surat_mandiri_api.lampiran_berkas"
    dokumen = syarat_svc.DOKUMEN_PER_KODE.get(baris.syarat)
    return {"id": baris.id, "syarat": baris.syarat, "syarat_nama": dokumen.nama if dokumen else None,
            "nama": baris.nama_asli, "jenis_isi": baris.jenis_isi, "ukuran": baris.ukuran, "lebar": baris.lebar,
            "tinggi": baris.tinggi, "halaman": baris.halaman, "dibuat": baris.dibuat,
            "url": url_for(endpoint, surat_id=baris.surat_id, lampiran_id=baris.id)}


def lengkapi(surat):
    """The documents a rejection asked for: [{kode, nama}], or None when it asked for none."""
    if surat.lengkapi is None:
        return None
    return [syarat_svc.DOKUMEN_PER_KODE[k].as_dict() for k in surat.lengkapi if k in syarat_svc.DOKUMEN_PER_KODE]


def rinci(surat, desa=None, untuk_operator=False):
    hasil = ringkas(surat)
    hasil.update({
        "klasifikasi": surat.klasifikasi, "keterangan": surat.keterangan, "data": dict(surat.data or {}),
        "penandatangan": {"id": surat.pejabat_id, "nama": surat.ttd_nama or surat.pejabat.nama,
                          "jabatan": surat.ttd_jabatan or surat.pejabat.jabatan,
                          "atas_nama": surat.ttd_atas_nama if surat.ttd_nama else surat.pejabat.atas_nama},
        "alasan_tolak": surat.alasan_tolak,
        "tanggal_surat": surat.tanggal_surat, "disetujui": surat.disetujui, "selesai": surat.selesai,
        "kode_verifikasi": surat.kode_verifikasi if surat.status == status.SELESAI else None,
        "pdf_sha256": surat.pdf_sha256 if surat.status == status.SELESAI else None,
        "riwayat": [{"status": r.status, "waktu": r.waktu, "aktor": r.aktor, "aktor_nama": r.aktor_nama,
                     "catatan": r.catatan} for r in surat.riwayat],
        "lengkapi": lengkapi(surat),
        "lampiran": [lampiran(l, untuk_operator) for l in lampiran_svc.daftar(surat)],
    })
    if untuk_operator:
        hasil["alasan_gagal"] = surat.alasan_gagal
        if desa is not None:
            hasil["subjek"] = biodata(surat.subjek, desa)
            hasil["pemohon"] = biodata(surat.pemohon, desa)
    return hasil
