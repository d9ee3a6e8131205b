"""Signatories (pejabat) of the current desa: the Kepala Desa, or an official signing
"a.n." (atas nama) or "u.b." (untuk beliau) the Kepala Desa."""
import re

from sqlalchemy import select, update

from desaonline.extensions import db
from desaonline.errors import Penolakan
from desaonline.surat.models import Pejabat

ATAS_NAMA = {"": "Langsung (tanpa a.n./u.b.)", "a.n.": "a.n. (atas nama)", "u.b.": "u.b. (untuk beliau)"}
NIP = re.compile(r"^[0-9 ]{0,30}$")


def daftar(aktif_saja=True):
    query = select(Pejabat).order_by(Pejabat.kepala_desa.desc(), Pejabat.nama)
    if aktif_saja:
        query = query.where(Pejabat.aktif.is_(True))
    return db.session.scalars(query).all()


def aktif(pejabat_id):
    """An active signatory of this desa by id, or None."""
    try:
        pejabat_id = int(pejabat_id)
    except (TypeError, ValueError):
        return None
    return db.session.scalar(select(Pejabat).where(Pejabat.id == pejabat_id, Pejabat.aktif.is_(True)))


def bawaan():
    """The signatory a new request gets when none is chosen: the Kepala Desa, else the first."""
    semua = daftar()
    return semua[0] if semua else None


def _periksa(data):
    rincian = {}
    nama = (data.get("nama") or "").strip()
    jabatan = (data.get("jabatan") or "").strip()
    nip = re.sub(r"\s+", " ", (data.get("nip") or "").strip())
    atas_nama = (data.get("atas_nama") or "").strip()
    if not nama:
        rincian["nama"] = "Nama pejabat wajib diisi."
    elif len(nama) > 120:
        rincian["nama"] = "Nama paling panjang 120 karakter."
    if not jabatan:
        rincian["jabatan"] = "Jabatan wajib diisi."
    elif len(jabatan) > 120:
        rincian["jabatan"] = "Jabatan paling panjang 120 karakter."
    if not NIP.match(nip):
        rincian["nip"] = "NIP hanya berisi angka (boleh dengan spasi), paling panjang 30."
    if atas_nama not in ATAS_NAMA:
        rincian["atas_nama"] = "Pilih langsung, a.n., atau u.b."
    kepala_desa = bool(data.get("kepala_desa"))
    if kepala_desa and atas_nama:
        rincian["atas_nama"] = "Kepala Desa menandatangani langsung, tanpa a.n./u.b."
    if rincian:
        raise Penolakan(422, "data_tidak_valid", " ".join(rincian.values()), rincian)
    return {"nama": nama, "jabatan": jabatan, "nip": nip or None, "atas_nama": atas_nama or None,
            "kepala_desa": kepala_desa}


def _satu_kepala_desa(pejabat):
    # One Kepala Desa at a time: marking a new one unmarks the previous.
    if pejabat.kepala_desa:
        db.session.flush()
        db.session.execute(update(Pejabat).where(Pejabat.id != pejabat.id, Pejabat.kepala_desa.is_(True))
                           .values(kepala_desa=False).execution_options(synchronize_session=False))


def buat(data):
    pejabat = Pejabat(**_periksa(data), aktif=True)
    db.session.add(pejabat)
    _satu_kepala_desa(pejabat)
    db.session.commit()
    return pejabat


def ubah(pejabat, data):
    for kunci, nilai in _periksa(data).items():
        setattr(pejabat, kunci, nilai)
    pejabat.aktif = bool(data.get("aktif", True))
    _satu_kepala_desa(pejabat)
    db.session.commit()
    return pejabat


def cari(pejabat_id):
    """A signatory of this desa (active or not), or None."""
    try:
        pejabat_id = int(pejabat_id)
    except (TypeError, ValueError):
        return None
    return db.session.scalar(select(Pejabat).where(Pejabat.id == pejabat_id))
