"""The resident's account: log in with NIK + PIN, change the PIN, reset it (operator).

Shared by the pages and the JSON API, so both answer the same way.
"""
import re

from sqlalchemy import select

from desaonline.auth import sessions
from desaonline.auth.passwords import burn_time, hash_secret
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.mandiri import kunci
from desaonline.mandiri.kunci import Terkunci
from desaonline.penduduk.models import Penduduk
from desaonline.mandiri.pin import alasan_pin_ditolak, pin_acak, pin_cocok

NIK = re.compile(r"^\d{16}$")
PESAN_GAGAL = "NIK atau PIN salah."


def _masuk_gagal():
    """Unknown NIK or wrong PIN: deliberately one and the same answer."""
    return Penolakan(401, "login_gagal", PESAN_GAGAL)


def _pin_ditolak(pesan, kode="pin_ditolak", isian="pin_baru"):
    return Penolakan(422, kode, pesan, {isian: pesan})


def cari_nik(nik):
    """The active resident of the current desa with this NIK, or None."""
    nik = (nik or "").strip()
    if not NIK.match(nik):
        return None
    return db.session.scalar(select(Penduduk).where(Penduduk.nik == nik, Penduduk.aktif.is_(True)))


def masuk(nik, pin):
    """The resident whose NIK and PIN these are; refuses with 401 (unknown NIK or wrong
    PIN, the same answer) or 429 ``Terkunci``.

    Every path spends one argon2 check, so the time taken does not tell an unknown
    NIK from a wrong PIN either.
    """
    nik = (nik or "").strip()
    penduduk = cari_nik(nik)
    if penduduk is None:
        burn_time(pin or "")
        kunci.periksa_nik_asing(nik)
        kunci.catat_nik_asing(nik)
        raise _masuk_gagal()
    try:
        kunci.periksa(penduduk)
    except Terkunci:
        burn_time(pin or "")
        raise
    if not pin_cocok(penduduk, pin):
        kunci.catat_gagal(penduduk)
        raise _masuk_gagal()
    kunci.catat_berhasil(penduduk)
    return penduduk


def ganti_pin(penduduk, pin_lama, pin_baru, tetap=None):
    """Check the old PIN and the rules, store the new one; the caller commits.

    A wrong old PIN counts towards the lock like a wrong PIN at login. Every session
    but ``tetap`` (the API token that asked) ends.
    """
    kunci.periksa(penduduk)
    if not pin_cocok(penduduk, pin_lama):
        kunci.catat_gagal(penduduk)
        raise _pin_ditolak("PIN lama salah.", "pin_lama_salah", "pin_lama")
    alasan = alasan_pin_ditolak(penduduk, pin_baru, pin_lama)
    if alasan:
        raise _pin_ditolak(alasan)
    penduduk.pin_hash = hash_secret(pin_baru)
    penduduk.wajib_ganti_pin = False
    # Every other session ends: whoever knew the old PIN is logged out.
    sessions.revoke_all(penduduk, kecuali=tetap)


def reset_pin(penduduk):
    """A new random one-time PIN (returned once), to be changed at the next login."""
    pin = pin_acak(penduduk)
    penduduk.pin_hash = hash_secret(pin)
    penduduk.wajib_ganti_pin = True
    kunci.buka(penduduk)
    sessions.revoke_all(penduduk)
    db.session.commit()
    return pin


def status_pin(penduduk):
    """The state of the resident's login, in words for the operator."""
    try:
        kunci.periksa(penduduk)
    except Terkunci as err:
        return f"Terkunci sementara karena PIN salah ({err.menit} menit lagi)"
    if penduduk.pin_hash is None:
        return "PIN masih tanggal lahir (belum pernah diganti)"
    if penduduk.wajib_ganti_pin:
        return "PIN sementara dari operator, belum diganti warga"
    return "PIN sudah diganti warga"
