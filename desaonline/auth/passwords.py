"""Argon2id for passwords and PINs (OWASP's 19 MiB, t=2 profile: ~20 ms a check)."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

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


def burn_time(secret):
    """Spend the time of one check, for an account that does not exist."""
    verify_secret(None, secret)
