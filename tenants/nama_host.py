"""Which host name an admin may give a desa as an extra address.

Names under ``BASE_DOMAIN`` belong to the kabupaten: the portal, every desa's own
address ``{desa}.{kecamatan}.{BASE_DOMAIN}`` and anything below it (a kecamatan's
namespace), and the kabupaten's other services (``www``...). Nobody binds a name of
the portal or of the desa namespace to a desa: it would shadow or impersonate another
desa. A single label under ``BASE_DOMAIN`` (``klirong.kebumenkab.go.id``) only the
kabupaten admin may give, never ``www`` or a kecamatan's slug. A kecamatan admin may
add only a desa's own outside domain (``klirong.desa.id``).
"""
import re

from flask import current_app
from sqlalchemy import select

from desaonline.errors import Penolakan
from desaonline.extensions import db
from tenants.models import Kecamatan

NAMA = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Single labels under BASE_DOMAIN the kabupaten keeps for itself.
CADANGAN = frozenset({"www", "mail", "smtp", "ftp", "ns1", "ns2", "api", "admin", "portal"})


def _tolak(status, kode, pesan):
    return Penolakan(status, kode, pesan, {"host": pesan})


def periksa(host, admin_kecamatan):
    """The host name as stored (lower case, no trailing dot), or a refusal that says why.

    ``admin_kecamatan``: the name is added by a kecamatan admin (not the kabupaten's)."""
    host = (host or "").strip().lower().rstrip(".")
    if not NAMA.match(host):
        raise _tolak(422, "host_tidak_valid",
                     "Nama host tidak valid, contoh: klirong.desa.id (tanpa http:// dan tanpa garis miring).")
    cfg = current_app.config
    base = cfg["BASE_DOMAIN"]
    portal = f"{cfg['PORTAL_SUBDOMAIN']}.{base}"
    if host in (base, portal) or host.endswith("." + portal):
        raise _tolak(409, "host_dicadangkan", f"Nama host {host} adalah alamat portal kabupaten.")
    if not host.endswith("." + base):
        return host  # a desa's own outside domain
    bawah = host[: -len(base) - 1]
    if "." in bawah:
        raise _tolak(409, "host_dicadangkan",
                     f"Nama host di bawah {base} yang bertingkat dua atau lebih adalah alamat desa "
                     f"({{desa}}.{{kecamatan}}.{base}) dan tidak dapat dipinjamkan ke desa lain.")
    if admin_kecamatan:
        raise _tolak(403, "host_milik_kabupaten",
                     f"Nama di bawah {base} milik kabupaten. Admin kecamatan hanya dapat menambahkan "
                     "domain milik desa sendiri, contoh: klirong.desa.id.")
    if bawah in CADANGAN or bawah == cfg["PORTAL_SUBDOMAIN"] or db.session.scalar(
            select(Kecamatan.id).where(Kecamatan.slug == bawah)):
        raise _tolak(409, "host_dicadangkan", f"Nama host {host} dicadangkan untuk kabupaten.")
    return host
