"""The resident's account: log in with NIK + PIN (+ KK number the first time), change
the PIN, and what the operator does with it (reset, extend, read its state).

Shared by the pages and the JSON API, so both answer the same way.

The first PIN can be read off the NIK (it is the birth date), and NIK lists leak,
so a login with the birth-date PIN also needs the KK number (``no_kk``). Only an
eight-digit PIN can be a birth date (every other PIN is six digits), so "give the
KK number too" (422 ``no_kk_diperlukan``) is answered from the shape of the PIN
alone, before any account is looked at: it tells nothing about the NIK. A first
PIN (birth date or one-time) opens the account only until ``pin_berlaku_sampai``.
"""
import hashlib
import hmac
import math
import re

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from desaonline.auth import sessions
from desaonline.auth.kunci import Terkunci, sisa_kunci
from desaonline.auth.passwords import burn_time, hash_secret
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.mandiri import kunci, riwayat
from desaonline.mandiri.kontak import kontak_desa
from desaonline.mandiri.pengaturan import berlaku_sampai
from desaonline.mandiri.pin import alasan_pin_ditolak, pin_acak, pin_cocok
from desaonline.auth.passwords import hash_pin_sekali
from desaonline.penduduk.models import Penduduk
from desaonline.waktu import sekarang, tanggal_indonesia
from desaonline.whatsapp import wa_tampil

NIK = re.compile(r"^\d{16}$")
_BENTUK_TANGGAL_LAHIR = re.compile(r"^\d{8}$")
PESAN_GAGAL = "NIK atau PIN salah."
PESAN_NO_KK = ("PIN Anda masih tanggal lahir, jadi isi juga Nomor KK (16 angka pada Kartu Keluarga). "
               "Ini menjaga akun Anda dari orang yang hanya tahu NIK Anda.")
# A confirmed reset may be sent within this many seconds of opening the confirmation.
TANDA_RESET_DETIK = 3600


def _masuk_gagal():
    """Unknown NIK, wrong PIN or wrong KK number: deliberately one and the same answer."""
    return Penolakan(401, "login_gagal", PESAN_GAGAL)


def _pin_ditolak(pesan, kode="pin_ditolak", isian="pin_baru"):
    return Penolakan(422, kode, pesan, {isian: pesan})


def cari_nik(nik):
    """The resident of the current desa with this NIK who may log in, or None: only the
    living (status_dasar HIDUP); the dead and those who moved away keep their record only."""
    nik = (nik or "").strip()
    if not NIK.match(nik):
        return None
    return db.session.scalar(select(Penduduk).where(Penduduk.nik == nik, Penduduk.aktif))


def perlu_no_kk(pin):
    """An eight-digit PIN can only be the birth-date PIN, which needs the KK number."""
    return bool(_BENTUK_TANGGAL_LAHIR.match(pin or ""))


def _kk_cocok(penduduk, no_kk):
    kk = penduduk.keluarga
    return kk is not None and hmac.compare_digest((no_kk or "").strip().encode(), kk.no_kk.encode())


def pin_pertama(penduduk):
    """Is the resident's PIN still a first PIN (birth date or one-time from the operator)?"""
    return penduduk.wajib_ganti_pin


def pin_kedaluwarsa(penduduk):
    sampai = penduduk.pin_berlaku_sampai
    return pin_pertama(penduduk) and sampai is not None and sampai < sekarang()


def _hubungi_operator():
    nomor = kontak_desa()["wa_operator"]
    return f"WhatsApp {wa_tampil(nomor)}" if nomor else "kantor desa"


def _kedaluwarsa():
    return Penolakan(403, "pin_kedaluwarsa",
                     "PIN pertama Anda sudah tidak berlaku. Minta operator desa memperpanjangnya atau "
                     f"memberi PIN baru: {_hubungi_operator()}.")


def masuk(nik, pin, no_kk=None):
    """The resident whose NIK and PIN (and, with the birth-date PIN, KK number) these are.

    Refuses with 422 ``no_kk_diperlukan``, 401 (unknown NIK, wrong PIN or wrong KK
    number: the same answer), 429 ``Terkunci`` or 403 ``pin_kedaluwarsa``. Every
    path that looks at an account spends one argon2 check, so the time taken does
    not tell an unknown NIK from a wrong PIN either.
    """
    nik, pin = (nik or "").strip(), pin or ""
    if perlu_no_kk(pin) and not (no_kk or "").strip():
        raise Penolakan(422, "no_kk_diperlukan", PESAN_NO_KK, {"no_kk": PESAN_NO_KK})
    penduduk = cari_nik(nik)
    if penduduk is None:
        burn_time(pin)
        kunci.periksa_nik_asing(nik)
        kunci.catat_nik_asing(nik)
        raise _masuk_gagal()
    try:
        kunci.periksa(penduduk)
    except Terkunci:
        burn_time(pin)
        raise
    benar = pin_cocok(penduduk, pin)
    if not benar or (penduduk.pin_hash is None and not _kk_cocok(penduduk, no_kk)):
        if kunci.catat_gagal(penduduk):
            riwayat.catat(penduduk, "terkunci")
            db.session.commit()
        raise _masuk_gagal()
    kunci.catat_berhasil(penduduk)
    if pin_kedaluwarsa(penduduk):
        raise _kedaluwarsa()
    if pin_pertama(penduduk):
        riwayat.catat(penduduk, "masuk_pertama")
        db.session.commit()
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
    if pin_kedaluwarsa(penduduk):
        raise _kedaluwarsa()
    alasan = alasan_pin_ditolak(penduduk, pin_baru, pin_lama)
    if alasan:
        raise _pin_ditolak(alasan)
    penduduk.pin_hash = hash_secret(pin_baru)
    penduduk.wajib_ganti_pin = False
    penduduk.pin_berlaku_sampai = None  # a PIN the resident chose does not expire
    riwayat.catat(penduduk, "ganti_pin")
    # Every other session ends: whoever knew the old PIN is logged out.
    sessions.revoke_all(penduduk, kecuali=tetap)


# The operator's side

def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="desaonline-reset-pin")


def _sidik(penduduk):
    """Changes whenever the PIN does: a reset confirmed for one PIN cannot issue a second."""
    keadaan = f"{penduduk.id}:{penduduk.pin_hash or '-'}:{penduduk.pin_berlaku_sampai}"
    return hashlib.sha256(keadaan.encode()).hexdigest()[:24]


def tanda_reset(penduduk):
    """The one-time token the confirmation form carries."""
    return _serializer().dumps({"p": penduduk.id, "s": _sidik(penduduk)})


def tanda_berlaku(penduduk, tanda):
    try:
        isi = _serializer().loads(tanda or "", max_age=TANDA_RESET_DETIK)
    except BadSignature:
        return False
    return isinstance(isi, dict) and isi.get("p") == penduduk.id and hmac.compare_digest(
        str(isi.get("s", "")), _sidik(penduduk))


def reset_pin(penduduk, operator=None):
    """A new random one-time PIN (returned once), to be changed at the next login; commits."""
    pin = pin_acak(penduduk)
    penduduk.pin_hash = hash_pin_sekali(pin)
    penduduk.wajib_ganti_pin = True
    penduduk.pin_berlaku_sampai = berlaku_sampai()
    kunci.buka(penduduk)
    sessions.revoke_all(penduduk)
    riwayat.catat(penduduk, "reset_pin", operator)
    db.session.commit()
    return pin


def perpanjang_pin(penduduk, operator=None):
    """The first PIN opens the account for the desa's days again, from today; commits."""
    if not pin_pertama(penduduk):
        raise Penolakan(409, "pin_sudah_diganti", "Warga sudah mengganti PIN; tidak ada PIN pertama untuk diperpanjang.")
    penduduk.pin_berlaku_sampai = berlaku_sampai()
    riwayat.catat(penduduk, "perpanjang_pin", operator)
    db.session.commit()
    return penduduk.pin_berlaku_sampai


def status_pin(penduduk):
    """The state of the resident's login, in words for the operator."""
    sisa = sisa_kunci(penduduk)
    if sisa > 0:
        return f"Terkunci sementara karena PIN salah ({math.ceil(sisa / 60)} menit lagi)"
    if not pin_pertama(penduduk):
        return "PIN sudah diganti warga"
    jenis = ("PIN masih tanggal lahir (belum pernah diganti)" if penduduk.pin_hash is None
             else "PIN sementara dari operator, belum diganti warga")
    if penduduk.pin_berlaku_sampai is None:
        return jenis
    if pin_kedaluwarsa(penduduk):
        return f"{jenis}; sudah tidak berlaku sejak {tanggal_indonesia(penduduk.pin_berlaku_sampai)}"
    return f"{jenis}; berlaku sampai {tanggal_indonesia(penduduk.pin_berlaku_sampai)}"
