"""Issue, resolve and revoke sessions; wire Flask-Login and the API's bearer auth.

A token is bound to the host that issued it: a desa's token is refused on every
other desa and on the portal. A deactivated desa is read from the database here, in
the query that finds the session, so its logins and sessions end at once on every
process (the host map only follows within a second). Each account model registers itself here with
``register_akun(jenis, model)`` and provides ``peran`` and ``aktif``.
"""
import hashlib
import secrets
from datetime import timedelta

from apiflask import HTTPTokenAuth
from flask import current_app, g, has_request_context, request
from flask_login import login_user, logout_user
from sqlalchemy import select, update

from desaonline.auth.models import Sesi
from desaonline.errors import desa_nonaktif, process_api_error
from desaonline.extensions import db, login_manager
from desaonline.waktu import sekarang
from tenants.models import Desa

_AKUN_MODELS = {}

api_auth = HTTPTokenAuth(scheme="Bearer", description="Token dari endpoint login")


def register_akun(jenis, model):
    _AKUN_MODELS[jenis] = model
    model.jenis_akun = jenis


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _host_desa_id():
    desa = g.get("desa")
    return desa.id if desa is not None else None


def issue(akun, saluran):
    """A new session token for ``akun`` on the current host."""
    desa_id = _host_desa_id()
    if desa_id is not None and not db.session.scalar(select(Desa.aktif).where(Desa.id == desa_id)):
        raise desa_nonaktif()
    token = secrets.token_urlsafe(32)
    hours = current_app.config["API_TOKEN_HOURS"] if saluran == "api" else 24 * 30
    db.session.add(Sesi(
        token_hash=_hash(token), jenis=akun.jenis_akun, akun_id=akun.id, desa_id=desa_id,
        saluran=saluran, kedaluwarsa=sekarang() + timedelta(hours=hours),
        alamat=(request.remote_addr or None) if has_request_context() else None,
    ))
    db.session.commit()
    akun.sesi_token = token
    return token


def resolve(token, saluran):
    """The account behind a token, if it is alive and belongs to this host."""
    if not token or len(token) > 200:
        return None
    found = db.session.execute(select(Sesi, Desa.aktif).outerjoin(Desa, Desa.id == Sesi.desa_id)
                               .where(Sesi.token_hash == _hash(token))).first()
    if found is None:
        return None
    sesi, desa_aktif = found
    if sesi.dicabut or sesi.saluran != saluran or sesi.desa_id != _host_desa_id():
        return None
    if sesi.desa_id is not None and not desa_aktif:
        return None
    if sesi.kedaluwarsa < sekarang():
        return None
    model = _AKUN_MODELS.get(sesi.jenis)
    # In the same query what every request of that account needs (a resident's KK).
    akun = db.session.get(model, sesi.akun_id, options=model.muat_bersama()) if model else None
    if akun is None or not akun.aktif:
        return None
    akun.sesi_token = token
    return akun


def masuk_terakhir(akun, kecuali=None):
    """The account's latest login (its session row: ``dibuat``, ``alamat``, ``saluran``), or None.

    ``kecuali``: a token to leave out, so a resident sees the login before this one."""
    query = select(Sesi).where(Sesi.jenis == akun.jenis_akun, Sesi.akun_id == akun.id)
    if kecuali:
        query = query.where(Sesi.token_hash != _hash(kecuali))
    return db.session.scalar(query.order_by(Sesi.dibuat.desc(), Sesi.id.desc()).limit(1))


def revoke(token):
    if token:
        db.session.execute(update(Sesi).where(Sesi.token_hash == _hash(token)).values(dicabut=True))
        db.session.commit()


def revoke_all(akun, kecuali=None):
    """End every session of an account (PIN change, PIN reset, password change).

    ``kecuali``: a token that stays alive (the API client that changed the PIN).
    """
    query = update(Sesi).where(Sesi.jenis == akun.jenis_akun, Sesi.akun_id == akun.id)
    if kecuali:
        query = query.where(Sesi.token_hash != _hash(kecuali))
    db.session.execute(query.values(dicabut=True))


def revoke_desa(desa_id):
    """End every session issued on a desa's hosts (the desa is deactivated): they stay
    ended when it comes back."""
    db.session.execute(update(Sesi).where(Sesi.desa_id == desa_id).values(dicabut=True))


def revoke_all_ids(model, ids):
    """``revoke_all`` for many accounts of one kind at once (an import that closes them)."""
    ids = list(ids)
    for awal in range(0, len(ids), 500):
        db.session.execute(update(Sesi).where(Sesi.jenis == model.jenis_akun, Sesi.akun_id.in_(ids[awal:awal + 500]))
                           .values(dicabut=True))


def login_web(akun):
    issue(akun, "web")
    login_user(akun)


def logout_web(akun):
    revoke(getattr(akun, "sesi_token", None))
    logout_user()


class AkunMixin:
    """What Flask-Login needs from an account; its id in the cookie is the session token."""
    sesi_token = None
    is_anonymous = False

    @classmethod
    def muat_bersama(cls):
        """Loader options for what is read with the account at every request."""
        return ()

    @property
    def is_authenticated(self):
        return True

    @property
    def is_active(self):
        return self.aktif

    def get_id(self):
        return self.sesi_token


@login_manager.user_loader
def _load_web_user(token):
    return resolve(token, "web")


@api_auth.verify_token
def _verify_api_token(token):
    akun = resolve(token, "api")
    if akun is not None:
        g.akun = akun
    return akun


@api_auth.get_user_roles
def _api_roles(akun):
    return [akun.peran]


@api_auth.error_processor
def _api_auth_error(error):
    return process_api_error(error)
