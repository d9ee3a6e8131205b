"""What the operator does with signing: upload the certificate, choose how the desa
signs, send a failed letter again. Pages and API both call these."""
from sqlalchemy import select

from desaonline.extensions import db
from desaonline.signing import penanda, sertifikat
from desaonline.signing.models import PengaturanTtd
from desaonline.surat.models import Surat


class TtdError(ValueError):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def unggah_sertifikat(data, sandi):
    try:
        baru = sertifikat.simpan(data, sandi)
    except sertifikat.SertifikatDitolak as err:
        db.session.rollback()
        raise TtdError(422, "sertifikat_ditolak", str(err)) from err
    db.session.commit()
    return baru


def atur_metode(metode, bsre_nik=None):
    if metode not in ("sertifikat", "bsre"):
        raise TtdError(422, "metode_tidak_valid", "Pilih Sertifikat desa atau BSrE.")
    bsre_nik = (bsre_nik or "").strip() or None
    if metode == "bsre" and not (bsre_nik and bsre_nik.isdigit() and len(bsre_nik) == 16):
        raise TtdError(422, "nik_bsre_wajib", "NIK Kepala Desa untuk BSrE wajib 16 angka.")
    p = penanda.pengaturan() or PengaturanTtd()
    p.metode, p.bsre_nik = metode, bsre_nik if metode == "bsre" else p.bsre_nik
    db.session.add(p)
    db.session.commit()
    return p


def ringkasan():
    """The desa's signing set-up for the operator: method and active certificate."""
    p = penanda.pengaturan()
    aktif = sertifikat.aktif()
    return {
        "metode": p.metode if p else "sertifikat",
        "bsre_nik": p.bsre_nik if p else None,
        "sertifikat": aktif.subjek if aktif else None,
        "penerbit": aktif.penerbit if aktif else None,
        "berlaku_mulai": aktif.berlaku_mulai if aktif else None,
        "berlaku_sampai": aktif.berlaku_sampai if aktif else None,
        "sidik_sha256": aktif.sidik_sha256 if aktif else None,
    }


def ulangi_surat(surat_id, operator, passphrase=None):
    """Send a ``gagal`` letter to the workers again."""
    from workers.surat import ulangi
    surat = db.session.scalar(select(Surat).where(Surat.id == surat_id, Surat.status != "konsep"))
    if surat is None:
        raise TtdError(404, "surat_tidak_ditemukan", "Surat tidak ditemukan.")
    if surat.status != "gagal":
        raise TtdError(409, "status_tidak_sesuai",
                       f"Hanya surat berstatus gagal yang dapat diulangi; surat ini berstatus {surat.status}.")
    if penanda.perlu_passphrase() and not passphrase:
        raise TtdError(422, "passphrase_wajib", "Desa ini menandatangani lewat BSrE: ketik passphrase Kepala Desa.")
    ulangi(surat, operator, passphrase)
    return surat
