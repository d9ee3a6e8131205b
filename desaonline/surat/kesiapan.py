"""Whether this desa can issue letters yet, in words for its operator and its residents.

The figures are the kabupaten's (``admin/kesiapan.py``: certificate, signatory,
letterhead, residents); here they become what a new desa's operator still has to do,
each with the page that does it, and what a resident must know before filling a form:
without a way to sign or a signatory no letter of any type can be issued.
"""
from dataclasses import dataclass

from flask import url_for

from desaonline.admin.kesiapan import KURANG, kesiapan
from tenants.scoping import desa_wajib


@dataclass(frozen=True)
class Kurang:
    kode: str            # admin.kesiapan.KURANG's key
    judul: str           # "Sertifikat TTE"
    uraian: str          # what to do, for the operator
    tautan: str          # the page that does it
    tombol: str          # its button
    menghalangi: bool    # no letter can be issued until it is done


def _langkah(kode, siap):
    if kode == "sertifikat":
        uraian = ("Desa memakai BSrE, tetapi NIK Kepala Desa untuk BSrE belum diisi." if siap.metode_ttd == "bsre"
                  else "Unggah sertifikat tanda tangan elektronik Kepala Desa (PKCS#12) yang masih berlaku."
                  if siap.sertifikat_sampai is None else
                  "Sertifikat tanda tangan elektronik Kepala Desa sudah habis masa berlakunya; unggah yang baru.")
        return Kurang(kode, KURANG[kode], uraian, url_for("signing.sertifikat"), "Sertifikat TTE", True)
    if kode == "penandatangan":
        return Kurang(kode, KURANG[kode], "Tambahkan Kepala Desa (dan pejabat lain yang menandatangani surat).",
                      url_for("surat_pengaturan.pejabat"), "Penandatangan", True)
    if kode == "kop_surat":
        return Kurang(kode, KURANG[kode], "Periksa kop surat, tempat surat dan format nomor, lalu Simpan.",
                      url_for("surat_pengaturan.umum"), "Pengaturan Surat", False)
    return Kurang(kode, KURANG[kode], "Impor data penduduk agar warga dapat masuk Layanan Mandiri.",
                  url_for("penduduk.impor"), "Impor Data", False)


def desa_ini():
    """(Kesiapan, [Kurang]) of the current desa."""
    siap = kesiapan([desa_wajib()])[desa_wajib()]
    return siap, [_langkah(k, siap) for k in siap.kurang]


# What a resident is told, per reason that stops every letter.
_UNTUK_WARGA = {
    "sertifikat": "desa belum menyiapkan tanda tangan elektronik Kepala Desa",
    "penandatangan": "desa belum menetapkan penandatangan surat",
}


def untuk_warga():
    """Why no letter can be issued yet, in a resident's words ([] when letters can be issued)."""
    siap = kesiapan([desa_wajib()])[desa_wajib()]
    return [_UNTUK_WARGA[k] for k in siap.kurang if k in _UNTUK_WARGA]

