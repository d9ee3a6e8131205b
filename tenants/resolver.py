"""Host name -> desa, for every request.

The whole map of host names (460 desa and their custom domains fit in a few
kilobytes) is loaded in one query and kept in memory for ``TENANT_CACHE_SECONDS``.
A warm lookup is a dict access: no database query on the hot path, and the same
cost for 3 desa or 460. A change made through this process (new desa, new host)
clears the map at once; other processes see it when their map expires.
"""
import threading
import time
from dataclasses import dataclass

from flask import abort, current_app, g, request
from sqlalchemy import select

from desaonline.extensions import db
from tenants import scoping
from tenants.models import Desa, DesaHost, Kabupaten, Kecamatan, desa_host

PORTAL = "portal"


@dataclass(frozen=True)
class DesaInfo:
    """The identity of a desa, safe to share between requests and threads."""
    id: int
    slug: str
    nama: str
    kode: str
    jenis: str
    host: str
    kecamatan_id: int
    kecamatan_slug: str
    kecamatan_nama: str
    kabupaten_nama: str


class HostMap:
    def __init__(self):
        self._lock = threading.Lock()
        self._hosts = None
        self._loaded_at = 0.0
        self.loads = 0  # how often the map came from the database (benchmarks read it)

    def clear(self):
        with self._lock:
            self._hosts = None

    def _load(self, base_domain):
        # One query of plain columns (no ORM objects): 460 desa load in a few ms.
        rows = db.session.execute(
            select(Desa.id, Desa.slug, Desa.nama, Desa.kode, Desa.jenis, Desa.kecamatan_id,
                   Kecamatan.slug, Kecamatan.nama, Kabupaten.nama, DesaHost.host)
            .join(Kecamatan, Desa.kecamatan_id == Kecamatan.id)
            .join(Kabupaten, Kecamatan.kabupaten_id == Kabupaten.id)
            .outerjoin(DesaHost, DesaHost.desa_id == Desa.id)
            .where(Desa.aktif.is_(True))
            .execution_options(tanpa_scope=True)
        ).all()
        hosts, by_id = {}, {}
        for desa_id, slug, nama, kode, jenis, kec_id, kec_slug, kec_nama, kab_nama, extra in rows:
            info = by_id.get(desa_id)
            if info is None:
                info = by_id[desa_id] = DesaInfo(
                    id=desa_id, slug=slug, nama=nama, kode=kode, jenis=jenis,
                    host=desa_host(slug, kec_slug, base_domain), kecamatan_id=kec_id,
                    kecamatan_slug=kec_slug, kecamatan_nama=kec_nama, kabupaten_nama=kab_nama,
                )
                hosts[info.host] = info
            if extra:
                hosts.setdefault(extra.lower(), info)  # a desa's own address always wins
        self.loads += 1
        return hosts

    def _snapshot(self):
        ttl = current_app.config["TENANT_CACHE_SECONDS"]
        hosts, now = self._hosts, time.monotonic()
        if hosts is None or now - self._loaded_at > ttl:
            with self._lock:
                if self._hosts is None or now - self._loaded_at > ttl:
                    self._hosts = self._load(current_app.config["BASE_DOMAIN"])
                    self._loaded_at = time.monotonic()
                hosts = self._hosts
        return hosts

    def lookup(self, host):
        return self._snapshot().get(host)

    def by_id(self, desa_id):
        return next((info for info in self._snapshot().values() if info.id == desa_id), None)


def normalise_host(raw):
    host = (raw or "").strip().lower().rstrip(".")
    if host.startswith("["):  # IPv6 literal
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if ":" in host else host


def host_map():
    return current_app.extensions["desaonline.hostmap"]


def portal_host():
    cfg = current_app.config
    return f"{cfg['PORTAL_SUBDOMAIN']}.{cfg['BASE_DOMAIN']}"


def resolve(host):
    """'portal', a DesaInfo, or None for a host that belongs to nobody."""
    host = normalise_host(host)
    if host == portal_host():
        return PORTAL
    return host_map().lookup(host)


def desa_by_id(desa_id):
    """DesaInfo of an active desa by id (workers and admin pages)."""
    return host_map().by_id(desa_id)


def _before_request():
    if request.path.startswith("/static/"):
        return
    found = resolve(request.host)
    if found is None:
        g.desa = None
        g.portal = False
        abort(404, description="desa_tidak_ditemukan")
    if found == PORTAL:
        g.desa, g.portal = None, True
        return
    g.desa, g.portal = found, False
    g._desa_scope_token = scoping.enter(found.id)


def _teardown(exc):
    token = g.pop("_desa_scope_token", None)
    if token is not None:
        try:
            scoping.leave(token)
        except ValueError:  # torn down in another context: never leak the scope
            scoping.enter(None)


def init_app(app):
    app.extensions["desaonline.hostmap"] = HostMap()
    app.before_request(_before_request)
    app.teardown_request(_teardown)
