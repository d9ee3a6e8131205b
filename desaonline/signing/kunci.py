"""Encryption of signing secrets (Fernet).

- At rest: the Kepala Desa's PKCS#12 and its password. The key comes from
  ``CERT_ENCRYPTION_KEY`` or, when unset, from ``SECRET_KEY``; either is stretched
  with HKDF, so any long random string works. Several comma-separated keys rotate:
  the first encrypts, every one decrypts.
- In flight: a BSrE passphrase (or TOTP) on its way from the approval to the worker
  travels as a Fernet token that the worker refuses after ``PASSPHRASE_TTL``
  seconds. It is never written to the database; once the task ran, nothing keeps it.
  (The tasks carry no result backend, and their log lines show ``***`` for it.)
- A desa's own esign client credentials are encrypted at rest like the certificate.
"""
import base64
import json

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


def bungkus_rahasia(rahasia) -> str:
    """A ``bsre.Rahasia`` (passphrase or TOTP) as a short-lived token for the worker."""
    isi = {"p": rahasia.passphrase} if rahasia.passphrase else {"t": rahasia.totp}
    return _fernet(b"passphrase-bsre").encrypt(json.dumps(isi).encode()).decode()


def buka_rahasia(token: str):
    from desaonline.signing.bsre import Rahasia
    try:
        isi = _fernet(b"passphrase-bsre").decrypt(token.encode(), ttl=PASSPHRASE_TTL).decode()
    except InvalidToken as err:
        raise KunciSalah("Passphrase sudah kedaluwarsa.") from err
    try:
        isi_json = json.loads(isi)
    except ValueError:
        isi_json = None
    if not isinstance(isi_json, dict):
        return Rahasia(passphrase=isi)  # a token made before TOTP existed: the bare passphrase
    return Rahasia(passphrase=isi_json.get("p"), totp=isi_json.get("t"))
