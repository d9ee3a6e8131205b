"""Guards for the desa operator's pages and API: logged in, and a password the system
made (bulk set-up, reset) already replaced by the operator's own."""
from functools import wraps

from flask import g, redirect, url_for
from flask_login import current_user

from desaonline.auth.decorators import peran_required
from desaonline.auth.sessions import api_auth
from desaonline.errors import Penolakan
from desaonline.operator import api_bp

_masuk = peran_required(("operator",), "operator.masuk")
SANDI_WAJIB_DIGANTI = "Ganti dulu kata sandi sekali pakai dari admin dengan kata sandi Anda sendiri."


def operator_required(view):
    """Operator pages: log in first, and replace a one-time password before anything else."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user.wajib_ganti_sandi:
            return redirect(url_for("operator.ganti_sandi"))
        return view(*args, **kwargs)
    return _masuk(wrapped)


def operator_masuk_required(view):
    """A page the operator may open before replacing a one-time password (the change itself)."""
    return _masuk(view)


def _sandi_sudah_diganti(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.akun.wajib_ganti_sandi:
            raise Penolakan(403, "sandi_wajib_diganti", SANDI_WAJIB_DIGANTI)
        return view(*args, **kwargs)
    return wrapped


def operator_api(view, boleh_sebelum_ganti=False):
    """API view for the desa's operator (bearer token of this desa); 403
    ``sandi_wajib_diganti`` while the password is still a one-time one."""
    inner = view if boleh_sebelum_ganti else _sandi_sudah_diganti(view)
    return api_bp.auth_required(api_auth, roles=["operator"])(inner)


def operator_api_sebelum_ganti(view):
    """API view the operator may use with a one-time password still in place (changing it)."""
    return operator_api(view, boleh_sebelum_ganti=True)
