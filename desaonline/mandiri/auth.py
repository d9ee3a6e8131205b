"""Guards for the resident's pages and API: logged in, and the first PIN already changed."""
from functools import wraps

from flask import g, redirect, url_for
from flask_login import current_user

from desaonline.auth.decorators import peran_required
from desaonline.auth.sessions import api_auth
from desaonline.errors import Penolakan
from desaonline.extensions import dibatasi, limiter
from desaonline.mandiri import api_bp

_logged_in = peran_required(("penduduk",), "mandiri.masuk")


def penduduk_required(view):
    """Resident pages: log in first, and change the birth-date PIN before anything else."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user.wajib_ganti_pin:
            return redirect(url_for("mandiri.ganti_pin"))
        return view(*args, **kwargs)
    return _logged_in(wrapped)


def _pin_changed(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.akun.wajib_ganti_pin:
            raise Penolakan(403, "pin_change_required", "Ganti PIN terlebih dahulu.")
        return view(*args, **kwargs)
    return wrapped


def penduduk_api(view, allow_pin_change=False):
    """API view for a resident of this desa; 403 pin_change_required until the PIN is changed."""
    inner = view if allow_pin_change else _pin_changed(view)
    return api_bp.auth_required(api_auth, roles=["penduduk"])(inner)


def current_penduduk():
    return g.akun if g.get("akun") is not None else current_user


def _pin_salah(response):
    return response.status_code == 401


# Per client address, counting wrong PINs only: a village hall's one shared
# connection serves many residents, so successful logins never use it up.
limit_gagal_pin = dibatasi(limiter.shared_limit("60/minute;600/hour", scope="mandiri-gagal",
                                                 deduct_when=_pin_salah))


def penduduk_api_awal(view):
    """API view a resident may use before changing the first PIN (ganti-pin, keluar)."""
    return penduduk_api(view, allow_pin_change=True)
