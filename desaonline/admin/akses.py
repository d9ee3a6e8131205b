"""What an admin may see and touch: the kabupaten admin everything, a kecamatan admin its own desa."""
from sqlalchemy import select

from tenants.models import Desa, Kecamatan


def desa_query(admin):
    query = select(Desa).join(Desa.kecamatan)
    if admin.kecamatan_id is not None:
        query = query.where(Desa.kecamatan_id == admin.kecamatan_id)
    return query


def kecamatan_query(admin):
    query = select(Kecamatan)
    if admin.kecamatan_id is not None:
        query = query.where(Kecamatan.id == admin.kecamatan_id)
    return query


def boleh_desa(admin, desa):
    return admin.kecamatan_id is None or admin.kecamatan_id == desa.kecamatan_id


def cari_desa(admin, q=None, kecamatan=None):
    """The desa ``admin`` may see, by kecamatan slug and a part of the desa's or kecamatan's name."""
    query = desa_query(admin)
    if kecamatan:
        query = query.where(Kecamatan.slug == kecamatan)
    if q:
        query = query.where(Desa.nama.icontains(q, autoescape=True) | Kecamatan.nama.icontains(q, autoescape=True))
    return query.order_by(Kecamatan.nama, Desa.nama)
