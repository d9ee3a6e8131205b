"""Locking an account after wrong PINs or passwords, kept in the database.

Every account model (resident, operator, admin) carries ``KunciAkun``'s columns and
is locked by the same rules, only the numbers differ (``Kebijakan``): after
``batas`` wrong attempts in a row the account is locked, for longer each time it
happens again (``lama_menit``). The counters move in one atomic UPDATE, so two web
workers answering at the same moment cannot lose a count, and a restart forgets
nothing.

The count decays. A lock that never decayed let anyone keep a known NIK locked
for a day with five tries a day, forever. Now a run of wrong attempts is forgotten
after ``tenang`` without one, and the escalation steps back one level for every
``tenang`` of quiet (counted from the end of the last lock): someone trying five
times a day only ever causes the first, shortest lock. An attacker who times his
tries to every lock's end can still hold an account; the message then tells the
owner how to get help (``bantuan``), and an operator or admin unlocks it.

A name that belongs to nobody gets the same treatment through the rate limiter's
storage (Redis in production): otherwise "locked after 5" would tell which NIKs
and usernames exist.
"""
import hashlib
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from limits import parse
from sqlalchemy import case, literal, or_, update
from sqlalchemy.orm import Mapped, mapped_column

from desaonline.errors import Penolakan
from desaonline.extensions import db, limiter
from desaonline.waktu import WaktuUTC, sekarang
from tenants import current_desa_id


class KunciAkun:
    """The lock's columns, on every account model."""
    gagal_beruntun: Mapped[int] = mapped_column(default=0)  # wrong attempts in a row
    jumlah_kunci: Mapped[int] = mapped_column(default=0)  # the escalation level
    terkunci_sampai: Mapped[datetime | None]
    # Quiet is counted from here: the last wrong attempt, or the end of its lock.
    tenang_sejak: Mapped[datetime | None]


@dataclass(frozen=True)
class Kebijakan:
    batas: int
    sebutan: str  # "PIN", "kata sandi": what was wrong
    lama_menit: tuple = (5, 15, 60, 240, 1440)  # the 1st, 2nd, ... lock; the last repeats
    tenang: timedelta = timedelta(hours=6)
    bantuan: object = field(default=None, compare=False)  # () -> sentence: how to get help

    @property
    def batas_asing(self):
        return parse(f"{self.batas}/{self.lama_menit[0]} minutes")


class Terkunci(Penolakan):
    """429 while the account is locked, with Retry-After; ``menit`` for the operator's page."""

    def __init__(self, detik, kebijakan):
        self.detik = max(1, int(detik))
        pesan = (f"Terlalu banyak {kebijakan.sebutan} salah. Akun dikunci sementara, "
                 f"coba lagi dalam {self.menit} menit.")
        if kebijakan.bantuan is not None:
            pesan = f"{pesan} {kebijakan.bantuan()}"
        super().__init__(429, "akun_terkunci", pesan, headers={"Retry-After": str(self.detik)})

    @property
    def menit(self):
        return math.ceil(self.detik / 60)


def sisa_kunci(akun):
    """Seconds the account stays locked (0 when it is not)."""
    sampai = akun.terkunci_sampai
    return max(0.0, (sampai - sekarang()).total_seconds()) if sampai is not None else 0.0


def periksa(akun, kebijakan):
    """Raise Terkunci while the account is locked."""
    sisa = sisa_kunci(akun)
    if sisa > 0:
        raise Terkunci(sisa, kebijakan)


def _waktu(nilai):  # typed, so the value is stored as naive UTC like the columns' others
    return literal(nilai, WaktuUTC())


def catat_gagal(akun, kebijakan):
    """One more wrong attempt, with the decay applied, in one atomic statement; commits.

    Returns True when this attempt locked the account."""
    model, kini, tenang = type(akun), sekarang(), kebijakan.tenang
    tingkat_maks = len(kebijakan.lama_menit)

    def sepi(kali):  # quiet for at least ``kali`` periods (or never a wrong attempt)
        return or_(model.tenang_sejak.is_(None), model.tenang_sejak <= _waktu(kini - kali * tenang))

    mundur = case(*[(sepi(k), k) for k in range(tingkat_maks, 0, -1)], else_=0)
    tingkat = case((model.jumlah_kunci - mundur < 0, 0), else_=model.jumlah_kunci - mundur)
    beruntun = case((sepi(1), 0), else_=model.gagal_beruntun) + 1
    kena = beruntun >= kebijakan.batas
    lama = [kini + timedelta(minutes=m) for m in kebijakan.lama_menit]
    sampai = case(*[(tingkat == i, _waktu(t)) for i, t in enumerate(lama)], else_=_waktu(lama[-1]))
    db.session.execute(
        update(model).where(model.id == akun.id).values(
            gagal_beruntun=case((kena, 0), else_=beruntun),
            jumlah_kunci=case((kena, case((tingkat + 1 > tingkat_maks, tingkat_maks), else_=tingkat + 1)),
                              else_=tingkat),
            terkunci_sampai=case((kena, sampai), else_=model.terkunci_sampai),
            tenang_sejak=case((kena, sampai), else_=_waktu(kini)),
        ).execution_options(synchronize_session=False)
    )
    db.session.commit()
    db.session.expire(akun)
    return sisa_kunci(akun) > 0


def catat_berhasil(akun):
    """The right secret: the count of wrong ones starts again."""
    if akun.gagal_beruntun or akun.jumlah_kunci or akun.terkunci_sampai or akun.tenang_sejak:
        buka(akun)
        db.session.commit()


def buka(akun):
    """Unlock (a successful login, a reset by the operator or admin); the caller commits."""
    akun.gagal_beruntun, akun.jumlah_kunci, akun.terkunci_sampai, akun.tenang_sejak = 0, 0, None, None


def _kunci_asing(jenis, nama):
    digest = hashlib.sha256(f"{jenis}:{current_desa_id()}:{nama}".encode()).hexdigest()[:32]
    return (current_app.config.get("RATELIMIT_KEY_PREFIX", ""), "akun-asing", digest)


def periksa_asing(jenis, nama, kebijakan):
    """Raise Terkunci for a name that belongs to no account after as many tries as lock a real one."""
    if not limiter.enabled:
        return
    kunci = _kunci_asing(jenis, nama)
    if not limiter.limiter.test(kebijakan.batas_asing, *kunci):
        reset, _ = limiter.limiter.get_window_stats(kebijakan.batas_asing, *kunci)
        raise Terkunci(reset - sekarang().timestamp(), kebijakan)


def catat_asing(jenis, nama, kebijakan):
    if limiter.enabled:
        limiter.limiter.hit(kebijakan.batas_asing, *_kunci_asing(jenis, nama))
