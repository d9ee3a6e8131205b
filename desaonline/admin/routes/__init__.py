"""Admin pages on the portal host: the same screens as the admin API, for a browser.

A kecamatan admin sees only the desa of its kecamatan: every desa is loaded through
``akses.desa_query``, so a desa of another kecamatan is simply not found (404).
``desa``: login, kecamatan, desa and their operators, bulk set-up; ``dasbor``: the
figures at a glance.
"""
from flask import abort, current_app
from flask_login import current_user
from sqlalchemy.orm import contains_eager, selectinload

from desaonline.admin import akses, layanan
from desaonline.auth.decorators import peran_required
from desaonline.errors import tampilkan_di_form
from desaonline.extensions import db
from tenants.models import Desa

PERAN_ADMIN = ("kabupaten", "kecamatan")
admin_required = peran_required(PERAN_ADMIN, "admin.masuk")


def base_domain():
    return current_app.config["BASE_DOMAIN"]


def khusus_kabupaten():
    if current_user.kecamatan_id is not None:
        abort(403)


def desa_atau_404(desa_id):
    """A desa this admin may see, or 404 (another kecamatan's desa does not exist for it)."""
    desa = db.session.scalar(
        akses.desa_query(current_user).where(Desa.id == desa_id)
        .options(contains_eager(Desa.kecamatan), selectinload(Desa.host_tambahan)))
    if desa is None:
        abort(404)
    return desa


def operator_atau_404(desa, operator_id):
    operator = layanan.cari_operator(desa, operator_id)
    if operator is None:
        abort(404)
    return operator


def gagal(err, form, nama_isian=None):
    """A service's refusal next to its field (or at the top); the page answers its status."""
    db.session.rollback()
    tampilkan_di_form(form, err, nama_isian)
    return err.status


from desaonline.admin.routes import audit, dasbor, desa, jenis_surat  # noqa: E402,F401  (the views register on the blueprint)
