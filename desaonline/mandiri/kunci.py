"""Locking an account after wrong PINs, kept in the database.

Five wrong PINs in a row lock the account, for longer each time it happens
again. The counter is moved by one atomic UPDATE, so two web workers answering at
the same moment cannot lose a count, and a restart forgets nothing.

A NIK that belongs to nobody gets the same treatment through the rate limiter's
storage (Redis in production): otherwise "locked after 5" would tell which NIKs
exist.
"""
import hashlib
import math
from datetime import timedelta

from flask import current_app
from limits import parse
from sqlalchemy import case, literal, update

from desaonline.errors import Penolakan
from desaonline.extensions import db, limiter
from desaonline.penduduk.models import Penduduk
from desaonline.waktu import WaktuUTC, sekarang
from tenants import current_desa_id

BATAS_GAGAL = 5
# Minutes locked the 1st, 2nd, 3rd... time; the last one repeats.
LAMA_KUNCI_MENIT = (5, 15, 60, 240, 1440)
_NIK_ASING = parse(f"{BATAS_GAGAL}/{LAMA_KUNCI_MENIT[0]} minutes")


class Terkunci(Penolakan):
    """429 while the account is locked, with Retry-After; ``menit`` for the operator's page."""

    def __init__(self, detik):
        self.detik = max(1, int(detik))
        super().__init__(429, "akun_terkunci",
                         f"Terlalu banyak PIN salah. Akun dikunci sementara, coba lagi dalam {self.menit} menit.",
                         headers={"Retry-After": str(self.detik)})

    @property
    def menit(self):
        return math.ceil(self.detik / 60)


def periksa(penduduk):
    """Raise Terkunci while the account is locked."""
    sampai = penduduk.terkunci_sampai
    if sampai is not None and sampai > sekarang():
        raise Terkunci((sampai - sekarang()).total_seconds())


def catat_gagal(penduduk):
    """One more wrong PIN; the fifth in a row locks the account (one atomic statement)."""
    kini = sekarang()
    kena = Penduduk.gagal_pin + 1 >= BATAS_GAGAL
    def sampai(menit):  # typed, so the value is stored as naive UTC like the column's others
        return literal(kini + timedelta(minutes=menit), WaktuUTC())

    lama = case(*[(Penduduk.jumlah_kunci == i, sampai(m)) for i, m in enumerate(LAMA_KUNCI_MENIT)],
                else_=sampai(LAMA_KUNCI_MENIT[-1]))
    db.session.execute(
        update(Penduduk).where(Penduduk.id == penduduk.id).values(
            gagal_pin=case((kena, 0), else_=Penduduk.gagal_pin + 1),
            jumlah_kunci=case((kena, Penduduk.jumlah_kunci + 1), else_=Penduduk.jumlah_kunci),
            terkunci_sampai=case((kena, lama), else_=Penduduk.terkunci_sampai),
        ).execution_options(synchronize_session=False)
    )
    db.session.commit()
    db.session.expire(penduduk)


def catat_berhasil(penduduk):
    """The right PIN: the count of wrong ones starts again."""
    if penduduk.gagal_pin or penduduk.jumlah_kunci or penduduk.terkunci_sampai:
        buka(penduduk)
        db.session.commit()


def buka(penduduk):
    """Unlock (successful login, or a PIN reset by the operator); the caller commits."""
    penduduk.gagal_pin, penduduk.jumlah_kunci, penduduk.terkunci_sampai = 0, 0, None


def _kunci_nik_asing(nik):
    digest = hashlib.sha256(f"{current_desa_id()}:{nik}".encode()).hexdigest()[:32]
    return (current_app.config.get("RATELIMIT_KEY_PREFIX", ""), "nik-asing", digest)


def periksa_nik_asing(nik):
    """Raise Terkunci for an unknown NIK after as many tries as lock a real one."""
    if not limiter.enabled:
        return
    kunci = _kunci_nik_asing(nik)
    if not limiter.limiter.test(_NIK_ASING, *kunci):
        reset, _ = limiter.limiter.get_window_stats(_NIK_ASING, *kunci)
        raise Terkunci(reset - sekarang().timestamp())


def catat_nik_asing(nik):
    if limiter.enabled:
        limiter.limiter.hit(_NIK_ASING, *_kunci_nik_asing(nik))
