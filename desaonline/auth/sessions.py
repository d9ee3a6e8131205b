"""Issue, resolve and revoke sessions; wire Flask-Login and the API's bearer auth.

A token is bound to the host that issued it: a desa's token is refused on every
other desa and on the portal. A deactivated desa is read from the database here, in
the query that finds the session, so its logins and sessions end at once on every
process (the host map only follows within a second). Each account model registers itself here with
``register_akun(jenis, model)`` and provides ``peran`` and ``aktif``.
"""
import hashlib
import secrets
from collections import namedtuple
from datetime import timedelta
from functools import lru_cache

from apiflask import HTTPTokenAuth
from flask import current_app, g, has_request_context, request
from flask_login import login_user, logout_user
from sqlalchemy import and_, bindparam, select, update

from desaonline.auth.models import Sesi
from desaonline.errors import desa_nonaktif, process_api_error
from desaonline.extensions import db, login_manager
from desaonline.waktu import sekarang
from tenants.models import Desa
from tenants.scoping import DesaScoped, berlingkup, current_desa_id

_AKUN_MODELS = {}

api_auth = HTTPTokenAuth(scheme="Bearer", description="Token dari endpoint login")


def register_akun(jenis, model):
    _AKUN_MODELS[jenis] = model
    model.jenis_akun = jenis
    _cari_sesi.cache_clear()  # the session's statement joins every account model


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
    sebelumnya = masuk_terakhir(akun)
    token = _token_baru(akun.jenis_akun)
    hours = current_app.config["API_TOKEN_HOURS"] if saluran == "api" else 24 * 30
    akun.sesi = Sesi(
        token_hash=_hash(token), jenis=akun.jenis_akun, akun_id=akun.id, desa_id=desa_id,
        saluran=saluran, kedaluwarsa=sekarang() + timedelta(hours=hours),
        alamat=(request.remote_addr or None) if has_request_context() else None,
        sebelumnya_dibuat=sebelumnya.dibuat if sebelumnya else None,
        sebelumnya_alamat=sebelumnya.alamat if sebelumnya else None,
    )
    db.session.add(akun.sesi)
    db.session.commit()
    akun.sesi_token = token
    return token


MasukSebelumnya = namedtuple("MasukSebelumnya", "dibuat alamat")


def masuk_sebelumnya(akun):
    """The login before the one ``akun`` came with (``dibuat``, ``alamat``), or None: kept on
    the session row, so showing it costs no query."""
    sesi = getattr(akun, "sesi", None)
    if sesi is None:
        return None
    if isinstance(sesi, Sesi):  # just issued
        sesi = MasukSebelumnya(sesi.sebelumnya_dibuat, sesi.sebelumnya_alamat)
    return sesi if sesi.dibuat is not None else None


def _token_baru(jenis):
    """A new token, led by its account's kind ("penduduk.…"): the session is then found
    with that kind's table alone. The kind proves nothing: the session row must name it."""
    return f"{jenis}.{secrets.token_urlsafe(32)}"


@lru_cache(maxsize=16)
def _cari_sesi(berdesa, jenis=None):
    """The statement that finds a live session of this host and channel, its desa's
    ``aktif`` and its account (with what ``muat_bersama`` reads along) in one round trip.
    Built once per process. ``berdesa``: for a desa host, whose accounts are a desa's own
    (operators, residents), with the desa's criteria in it; otherwise for the portal,
    whose accounts belong to no desa (admins). ``jenis``: the account kind the token
    names (only that model joined); None for a token without one (every model of the
    host outer-joined on the session's ``jenis``). Only the session's columns that are
    read come back, as a row, not an object to track."""
    query = (select(Sesi.jenis, Sesi.sebelumnya_dibuat, Sesi.sebelumnya_alamat, Desa.aktif)
             .outerjoin(Desa, Desa.id == Sesi.desa_id)
             .where(Sesi.token_hash == bindparam("token_hash"), Sesi.saluran == bindparam("saluran"),
                    Sesi.dicabut.is_(False), Sesi.kedaluwarsa > bindparam("sekarang", type_=Sesi.kedaluwarsa.type)))
    query = query.where(Sesi.desa_id == bindparam("desa_id") if berdesa else Sesi.desa_id.is_(None))
    for jenis_model, model in sorted(_AKUN_MODELS.items()):
        if issubclass(model, DesaScoped) == berdesa and jenis in (None, jenis_model):
            query = (query.add_columns(model)
                     .outerjoin(model, and_(Sesi.jenis == jenis_model, model.id == Sesi.akun_id))
                     .options(*model.muat_bersama()))
    if jenis is not None:
        query = query.where(Sesi.jenis == jenis)
    return berlingkup(query) if berdesa else query


def _statement_untuk(token, berdesa):
    jenis, titik, _ = token.partition(".")
    model = _AKUN_MODELS.get(jenis) if titik else None
    if model is None or issubclass(model, DesaScoped) != berdesa:
        jenis = None  # an older token, or a kind this host has no accounts of
    return _cari_sesi(berdesa, jenis)


def resolve(token, saluran):
    """The account behind a token, if it is alive and belongs to this host."""
    if not token or len(token) > 200:
        return None
    desa_id = _host_desa_id()
    berdesa = current_desa_id() is not None
    found = db.session.execute(_statement_untuk(token, berdesa), {
        "token_hash": _hash(token), "saluran": saluran, "sekarang": sekarang(), "desa_id": desa_id}).first()
    if found is None:
        return None
    jenis, sebelumnya_dibuat, sebelumnya_alamat, desa_aktif, *akun_akun = found
    if desa_id is not None and not desa_aktif:
        return None
    akun = next((a for a in akun_akun if a is not None), None)
    if akun is None or akun.jenis_akun != jenis or not akun.aktif:
        return None
    akun.sesi_token, akun.sesi = token, MasukSebelumnya(sebelumnya_dibuat, sebelumnya_alamat)
    return akun




def masuk_terakhir(akun):
    """The account's latest login (its session row: ``dibuat``, ``alamat``, ``saluran``), or None."""
    return db.session.scalar(select(Sesi).where(Sesi.jenis == akun.jenis_akun, Sesi.akun_id == akun.id)
                             .order_by(Sesi.dibuat.desc(), Sesi.id.desc()).limit(1))


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
    sesi = None  # the login before this session (resolve), or the session row just issued (issue)
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
