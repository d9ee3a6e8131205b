"""Username + password login, shared by admins (portal) and operators (desa host)."""
from sqlalchemy import select

from desaonline.auth.passwords import burn_time, verify_secret
from desaonline.extensions import db, limiter

# Counts failed attempts only (deduct_when), per client address: a village hall's
# shared connection must not lock out the staff behind it.
GAGAL_PER_ALAMAT = "30/minute;300/hour"


def _failed(response):
    return response.status_code in (401, 403)


limit_gagal_login = limiter.shared_limit(GAGAL_PER_ALAMAT, scope="login-gagal", deduct_when=_failed)


def cek_sandi(model, username, password):
    """The active account with that username and password, or None (same time either way)."""
    akun = db.session.scalar(select(model).where(model.username == (username or "").strip()))
    if akun is None or not akun.aktif:
        burn_time(password or "")
        return None
    return akun if verify_secret(akun.password_hash, password or "") else None
