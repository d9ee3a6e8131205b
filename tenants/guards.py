"""Blueprint guards: desa pages live only on desa hosts, admin pages only on the portal."""
from flask import abort, g

from desaonline.errors import DESA_TIDAK_DITEMUKAN


def desa_host_only():
    if g.get("desa") is None:
        abort(404, description=DESA_TIDAK_DITEMUKAN)


def portal_host_only():
    if not g.get("portal"):
        abort(404)
