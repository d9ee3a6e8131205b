"""Page guards by role. The API uses ``api_bp.auth_required(api_auth, roles=[...])``."""
from functools import wraps

from flask import redirect, request, url_for
from flask_login import current_user


def peran_required(peran, login_endpoint):
    """Only an account with ``peran`` (logged in on this host) may open the page."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated or current_user.peran not in peran:
                return redirect(url_for(login_endpoint, next=request.full_path if request.method == "GET" else None))
            return view(*args, **kwargs)
        return wrapped
    return decorator


def tujuan_aman(url):
    """The ``?next=`` that ``peran_required`` adds, if it is a path on this host (no open redirect)."""
    from urllib.parse import urlsplit
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    return url.rstrip("?")
