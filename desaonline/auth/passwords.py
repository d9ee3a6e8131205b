"""Argon2id for passwords and PINs (OWASP's 19 MiB, t=2 profile: ~20 ms a check).

One-time PINs (printed by the operator for a whole import) are hashed differently
(``hash_pin_sekali``): the PIN is first keyed with a secret that lives only in the
environment (derived from ``SECRET_KEY``), then hashed with a small argon2id
(256 KiB, t=1: ~0.15 ms). That keeps 20,000 PINs of an import to seconds instead
of minutes, and it is safe because (1) guessing online is bounded by the account
lock, whatever the hash costs; (2) a stolen database or backup alone gives nothing,
since without the key no PIN can be tested, while a full-cost hash of a six-digit
PIN would fall to a few hours of offline guessing; (3) a one-time PIN lives only
until its first use and expires after the desa's days. A PIN the resident chooses
is hashed at full cost. Checking a one-time PIN also spends one full-cost check,
so timing does not tell which accounts still have one.
"""
import hashlib
import hmac
import os
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

# Verifying against this keeps an unknown account as slow as a wrong password,
# so timing does not tell which NIKs or usernames exist.
_DUMMY = _hasher.hash("desaonline-dummy-secret")


def hash_secret(secret):
    return _hasher.hash(secret)


def verify_secret(stored_hash, secret):
    try:
        return _hasher.verify(stored_hash or _DUMMY, secret) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


_hasher_sekali = PasswordHasher(time_cost=1, memory_cost=256, parallelism=1)
SEKALI = "sekali$"


def _berkunci(pin, kunci=None):
    kunci = kunci or hmac.new(current_app.config["SECRET_KEY"].encode(), b"desaonline:pin-sekali",
                              hashlib.sha256).digest()
    return hmac.new(kunci, pin.encode(), hashlib.sha256).hexdigest()


def hash_pin_sekali(pin):
    return hash_pin_sekali_banyak([pin])[0]


def hash_pin_sekali_banyak(pins):
    """The hashes of many one-time PINs, on every core (argon2 releases the GIL)."""
    kunci = hmac.new(current_app.config["SECRET_KEY"].encode(), b"desaonline:pin-sekali", hashlib.sha256).digest()

    def satu(pin):
        return SEKALI + _hasher_sekali.hash(_berkunci(pin, kunci))
    if len(pins) < 64:
        return [satu(p) for p in pins]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(satu, pins, chunksize=256))


def pin_sekali(stored_hash):
    """Is this the hash of a one-time PIN?"""
    return bool(stored_hash) and stored_hash.startswith(SEKALI)


def verify_pin_sekali(stored_hash, pin):
    burn_time(pin)
    try:
        return _hasher_sekali.verify(stored_hash[len(SEKALI):], _berkunci(pin))
    except (VerificationError, InvalidHashError):
        return False


def burn_time(secret):
    """Spend the time of one check, for an account that does not exist."""
    verify_secret(None, secret)
