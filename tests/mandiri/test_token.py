"""A session token names its account's kind, and that name alone opens nothing; the
API takes bearer tokens only, never the cookie of the pages."""
import secrets
from datetime import timedelta

from sqlalchemy import select, update

from tests.mandiri.conftest import login


def _salin_sesi(app, token, token_baru, **ubah):
    """Another session row like ``token``'s, for ``token_baru`` (as an older release issued them)."""
    from desaonline.auth.models import Sesi
    from desaonline.auth.sessions import _hash
    from desaonline.extensions import db
    with app.app_context():
        asal = db.session.scalar(select(Sesi).where(Sesi.token_hash == _hash(token)))
        kolom = {c.key: getattr(asal, c.key) for c in Sesi.__table__.columns if c.key != "id"}
        db.session.add(Sesi(**{**kolom, "token_hash": _hash(token_baru), **ubah}))
        db.session.commit()


def test_a_token_names_its_kind_and_a_false_name_opens_nothing(app, situs, token_baru):
    assert token_baru.startswith("penduduk.")
    assert situs.api("get", "/api/v1/mandiri/profil", token_baru).status_code == 200
    rahasia = token_baru.split(".", 1)[1]
    for palsu in (f"operator.{rahasia}", f"admin.{rahasia}", rahasia, f"penduduk.{rahasia}x"):
        r = situs.api("get", "/api/v1/mandiri/profil", palsu)
        assert r.status_code == 401, (palsu, r.get_json())


def test_a_token_of_an_older_release_still_works_until_it_ends(app, situs, token_baru):
    lama = secrets.token_urlsafe(32)   # no kind in front of it
    _salin_sesi(app, token_baru, lama)
    r = situs.api("get", "/api/v1/mandiri/profil", lama)
    assert r.status_code == 200 and r.get_json()["nama"] == "SUGENG RIYADI"

    from desaonline.auth.models import Sesi
    from desaonline.auth.sessions import _hash
    from desaonline.extensions import db
    from desaonline.waktu import sekarang
    with app.app_context():
        db.session.execute(update(Sesi).where(Sesi.token_hash == _hash(lama))
                           .values(kedaluwarsa=sekarang() - timedelta(seconds=1)))
        db.session.commit()
    assert situs.api("get", "/api/v1/mandiri/profil", lama).status_code == 401
    web = secrets.token_urlsafe(32)
    _salin_sesi(app, token_baru, web, saluran="web")   # a page's session is no API token
    assert situs.api("get", "/api/v1/mandiri/profil", web).status_code == 401


def test_the_api_takes_no_cookie(app, buat, desa, host_client):
    username, password = buat.operator(desa)
    web = host_client(desa.host)
    assert web.submit("/operator/masuk", {"username": username, "password": password}).status_code == 302
    assert web.get("/operator/").status_code == 200   # the cookie opens the pages
    r = web.get("/api/v1/operator/surat")
    assert r.status_code == 401, r.get_json()
    # Not even read: a session that was read would add "Vary: Cookie" (Flask does).
    assert "Set-Cookie" not in r.headers and "cookie" not in r.headers.get("Vary", "").lower()
    from flask import session
    from flask.sessions import NullSession
    cookie = {"Host": desa.host, "Cookie": f"session={web.client.get_cookie('session', domain=desa.host).value}"}
    with app.test_request_context("/operator/", headers=cookie):
        assert "_user_id" in session   # the pages read the login from it
    with app.test_request_context("/api/v1/operator/surat", headers=cookie):
        assert isinstance(session._get_current_object(), NullSession)
    token = web.post("/api/v1/operator/login", json={"username": username, "password": password}).get_json()["token"]
    assert token.startswith("operator.")
    r = web.api("get", "/api/v1/operator/surat", token)
    assert r.status_code == 200 and "Set-Cookie" not in r.headers
    assert "cookie" not in r.headers.get("Vary", "").lower()
