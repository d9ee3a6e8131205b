"""What the operator does with signing: upload the certificate and choose how the desa
signs. Pages and API both call these; they refuse with ``Penolakan``."""
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.signing import penanda, sertifikat
from desaonline.signing.models import PengaturanTtd


def unggah_sertifikat(data, sandi):
    try:
        baru = sertifikat.simpan(data, sandi)
    except Penolakan:
        db.session.rollback()
        raise
    db.session.commit()
    return baru


def atur_metode(metode, bsre_nik=None):
    if metode not in ("sertifikat", "bsre"):
        raise Penolakan(422, "metode_tidak_valid", "Pilih Sertifikat desa atau BSrE.",
                        {"metode": "Pilih Sertifikat desa atau BSrE."})
    bsre_nik = (bsre_nik or "").strip() or None
    if metode == "bsre" and not (bsre_nik and bsre_nik.isdigit() and len(bsre_nik) == 16):
        pesan = "NIK Kepala Desa untuk BSrE wajib 16 angka."
        raise Penolakan(422, "nik_bsre_wajib", pesan, {"bsre_nik": pesan})
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
