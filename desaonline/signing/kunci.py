"""Encryption of signing secrets (Fernet).

- At rest: the Kepala Desa's PKCS#12 and its password. The key comes from
  ``CERT_ENCRYPTION_KEY`` or, when unset, from ``SECRET_KEY``; either is stretched
  with HKDF, so any long random string works. Several comma-separated keys rotate:
  the first encrypts, every one decrypts.
- In flight: a BSrE passphrase on its way from the approval to the worker travels
  as a Fernet token that the worker refuses after ``PASSPHRASE_TTL`` seconds. It is
  never written to the database; once the task ran, nothing keeps it.
"""
import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

PASSPHRASE_TTL = 15 * 60


class KunciSalah(Exception):
    """The data was encrypted with another key (or has expired)."""


def _turunkan(rahasia, tujuan):
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"desaonline", info=tujuan)
    return Fernet(base64.urlsafe_b64encode(hkdf.derive(rahasia.encode())))


def _fernet(tujuan):
    cfg = current_app.config
    rahasia = cfg.get("CERT_ENCRYPTION_KEY") or cfg["SECRET_KEY"]
    return MultiFernet([_turunkan(k.strip(), tujuan) for k in rahasia.split(",") if k.strip()])


def enkripsi(data: bytes) -> bytes:
    return _fernet(b"sertifikat-desa").encrypt(data)


def dekripsi(token: bytes) -> bytes:
    try:
        return _fernet(b"sertifikat-desa").decrypt(token)
    except InvalidToken as err:
        raise KunciSalah("Sertifikat tersimpan tidak dapat dibuka dengan CERT_ENCRYPTION_KEY saat ini.") from err


def bungkus_passphrase(passphrase: str) -> str:
    return _fernet(b"passphrase-bsre").encrypt(passphrase.encode()).decode()


def buka_passphrase(token: str) -> str:
    try:
        return _fernet(b"passphrase-bsre").decrypt(token.encode(), ttl=PASSPHRASE_TTL).decode()
    except InvalidToken as err:
        raise KunciSalah("Passphrase sudah kedaluwarsa.") from err
