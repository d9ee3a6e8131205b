"""A desa's choices for its residents' accounts: the first PIN and how long it is valid."""
from datetime import timedelta

from sqlalchemy import select

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.mandiri.models import MASA_BERLAKU_BAWAAN, PIN_AWAL, TANGGAL_LAHIR, PengaturanAkun
from desaonline.waktu import sekarang

MASA_BERLAKU_MAKS = 365


def pengaturan_akun():
    """The desa's saved choices, or the defaults (birth date, 30 days)."""
    tersimpan = db.session.scalar(select(PengaturanAkun))
    return tersimpan if tersimpan is not None else PengaturanAkun(pin_awal=TANGGAL_LAHIR,
                                                                   masa_berlaku_hari=MASA_BERLAKU_BAWAAN)


def simpan_pengaturan(pin_awal, masa_berlaku_hari):
    """Store the desa's choices; refuses (422, by field) and changes nothing when they are bad."""
    rincian = {}
    if pin_awal not in PIN_AWAL:
        rincian["pin_awal"] = "Pilih tanggal lahir atau PIN acak."
    try:
        hari = int(masa_berlaku_hari)
    except (TypeError, ValueError):
        hari = 0
    if not 1 <= hari <= MASA_BERLAKU_MAKS:
        rincian["masa_berlaku_hari"] = f"Masa berlaku 1 sampai {MASA_BERLAKU_MAKS} hari."
    if rincian:
        raise Penolakan.data(rincian)
    baris = db.session.scalar(select(PengaturanAkun))
    if baris is None:
        baris = PengaturanAkun()
        db.session.add(baris)
    baris.pin_awal, baris.masa_berlaku_hari = pin_awal, hari
    db.session.commit()
    return baris


def berlaku_sampai():
    """Until when a first PIN handed out now opens the account."""
    return sekarang() + timedelta(days=pengaturan_akun().masa_berlaku_hari)
