"""The operator's own account: replacing the password (a one-time one at the first login)."""
from desaonline.auth import kunci
from desaonline.auth.login import KEBIJAKAN_SANDI
from desaonline.auth.passwords import hash_secret, verify_secret
from desaonline.auth.sessions import revoke_all
from desaonline.errors import Penolakan
from desaonline.extensions import db

PANJANG_MINIMAL = 10


def _tolak(pesan, kode, isian):
    return Penolakan(422, kode, pesan, {isian: pesan})


def ganti_sandi(operator, sandi_lama, sandi_baru, tetap=None):
    """Check the old password, store the new one; every other session of the operator ends.

    A wrong old password counts towards the account's lock like a wrong one at login."""
    kunci.periksa(operator, KEBIJAKAN_SANDI)
    if not verify_secret(operator.password_hash, sandi_lama or ""):
        kunci.catat_gagal(operator, KEBIJAKAN_SANDI)
        db.session.commit()
        raise _tolak("Kata sandi lama salah.", "sandi_lama_salah", "sandi_lama")
    sandi_baru = sandi_baru or ""
    if len(sandi_baru) < PANJANG_MINIMAL:
        raise _tolak(f"Kata sandi baru minimal {PANJANG_MINIMAL} karakter.", "sandi_lemah", "sandi_baru")
    if sandi_baru == sandi_lama:
        raise _tolak("Kata sandi baru harus berbeda dari yang lama.", "sandi_lemah", "sandi_baru")
    if operator.username.lower() in sandi_baru.lower():
        raise _tolak("Kata sandi baru tidak boleh memuat nama pengguna.", "sandi_lemah", "sandi_baru")
    operator.password_hash = hash_secret(sandi_baru)
    operator.wajib_ganti_sandi = False
    revoke_all(operator, kecuali=tetap)
    db.session.commit()
