"""Host name -> desa, for every request, the same on every process and machine.

The whole map of host names (460 desa and their custom domains fit in a few
kilobytes) is loaded in one query and kept in memory; a warm lookup is a dict access.
It stays right across processes through one change signal, ``tenant_versi``: a
counter that database triggers raise in the transaction of any change to a desa, its
host names, its kecamatan or the kabupaten (migration tenants_01). A process reads it
(one primary-key query) at most every ``TENANT_CHECK_SECONDS`` (1 s) and reloads the
map when it moved, so a deactivated desa or a removed host name stops within that.
A host the map does not know is checked against the counter before the 404, so a
desa created a moment ago through another process is served by the very next
request; the miss is then remembered for ``TENANT_MISS_SECONDS`` so that a flood of
the same unknown name costs no query each.

A deactivated desa stays in the map: its site answers with a notice (403
``desa_tidak_aktif``) except the public check of letters it already signed. Logins
and sessions of that desa are refused by the database at once (desaonline.auth.sessions),
not only once this map has noticed.
"""
import threading
import time
from dataclasses import dataclass

from flask import abort, current_app, g, request
from sqlalchemy import select

from desaonline.errors import desa_nonaktif
from desaonline.extensions import db
from tenants import scoping
from tenants.models import Desa, DesaHost, Kabupaten, Kecamatan, desa_host, tenant_versi

PORTAL = "portal"
# Blueprints a deactivated desa still serves: QR codes on letters it signed keep working.
TETAP_BUKA = frozenset({"verifikasi", "verifikasi_api"})


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
    aktif: bool = True


@dataclass(frozen=True)
class _Peta:
    versi: int | None
    hosts: dict
    by_id: dict


class HostMap:
    MAX_MISSES = 10_000  # remembered unknown names; beyond that the memory starts over

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._peta = None
        self._checked_at = 0.0
        self._misses = {}
        self.loads = 0   # how often the map came from the database (benchmarks read these)
        self.checks = 0  # how often the change signal was read

    def clear(self):
        with self._lock:
            self._peta, self._misses = None, {}

    def _versi(self):
        self.checks += 1
        return db.session.execute(select(tenant_versi.c.versi).where(tenant_versi.c.id == 1)).scalar()

    def _load(self, versi, base_domain):
        # One query of plain columns (no ORM objects): 460 desa load in a few ms.
        rows = db.session.execute(
            select(Desa.id, Desa.slug, Desa.nama, Desa.kode, Desa.jenis, Desa.aktif, Desa.kecamatan_id,
                   Kecamatan.slug, Kecamatan.nama, Kabupaten.nama, DesaHost.host)
            .join(Kecamatan, Desa.kecamatan_id == Kecamatan.id)
            .join(Kabupaten, Kecamatan.kabupaten_id == Kabupaten.id)
            .outerjoin(DesaHost, DesaHost.desa_id == Desa.id)
            .execution_options(tanpa_scope=True)
        ).all()
        hosts, by_id = {}, {}
        for desa_id, slug, nama, kode, jenis, aktif, kec_id, kec_slug, kec_nama, kab_nama, extra in rows:
            info = by_id.get(desa_id)
            if info is None:
                info = by_id[desa_id] = DesaInfo(
                    id=desa_id, slug=slug, nama=nama, kode=kode, jenis=jenis,
                    host=desa_host(slug, kec_slug, base_domain), kecamatan_id=kec_id,
                    kecamatan_slug=kec_slug, kecamatan_nama=kec_nama, kabupaten_nama=kab_nama,
                    aktif=bool(aktif),
                )
                hosts[info.host] = info
            if extra:
                hosts.setdefault(extra.lower(), info)  # a desa's own address always wins
        self.loads += 1
        return _Peta(versi, hosts, by_id)

    def _current(self, force=False):
        """The map, checked against the change signal if the last check is older than
        ``TENANT_CHECK_SECONDS`` (or ``force``: a miss that must not be stale)."""
        interval = current_app.config["TENANT_CHECK_SECONDS"]
        peta = self._peta
        if peta is not None and not force and self._clock() - self._checked_at < interval:
            return peta
        with self._lock:
            peta, now = self._peta, self._clock()
            if peta is not None and not force and now - self._checked_at < interval:
                return peta  # another thread checked while this one waited
            # The signal first, then the map: a change committed between the two is
            # in the map already and makes the next check reload once more, never less.
            versi = self._versi()
            if peta is None or versi is None or versi != peta.versi:
                peta = self._peta = self._load(versi, current_app.config["BASE_DOMAIN"])
                self._misses = {}
            self._checked_at = now
            return peta

    def _miss_remembered(self, key):
        seen = self._misses.get(key)
        return seen is not None and self._clock() - seen < current_app.config["TENANT_MISS_SECONDS"]

    def _remember_miss(self, key):
        if len(self._misses) >= self.MAX_MISSES:
            self._misses = {}
        self._misses[key] = self._clock()

    def _find(self, table, key):
        checks = self.checks
        found = getattr(self._current(), table).get(key)
        if found is not None or self._miss_remembered((table, key)):
            return found
        if self.checks == checks:  # unless a check began during this call: created a moment ago?
            found = getattr(self._current(force=True), table).get(key)
        if found is None:
            self._remember_miss((table, key))
        return found

    def lookup(self, host):
        return self._find("hosts", host)

    def by_id(self, desa_id):
        return self._find("by_id", desa_id)


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
    """'portal', a DesaInfo (``aktif`` or not), or None for a host that belongs to nobody."""
    host = normalise_host(host)
    if host == portal_host():
        return PORTAL
    return host_map().lookup(host)


def desa_by_id(desa_id):
    """DesaInfo of an active desa by id (workers and admin pages), or None."""
    info = host_map().by_id(desa_id)
    return info if info is not None and info.aktif else None


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
    if not found.aktif and request.blueprint not in TETAP_BUKA:
        raise desa_nonaktif()


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
