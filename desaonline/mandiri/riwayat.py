"""The account log the operator reads: first logins, PIN changes, resets, extensions, locks."""
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from desaonline.extensions import client_address, db
from desaonline.mandiri.models import RiwayatAkun

PER_HALAMAN = 50


def catat(penduduk, jenis, operator=None):
    """One event, with the client's address; the caller commits."""
    db.session.add(RiwayatAkun(penduduk_id=penduduk.id, jenis=jenis, alamat=client_address()[:45],
                               operator_id=operator.id if operator is not None else None))


def daftar(setelah=None, jenis=None, per_halaman=PER_HALAMAN):
    """Newest first, page by page (continue after the id of the last row seen)."""
    query = select(RiwayatAkun).options(joinedload(RiwayatAkun.penduduk))
    if setelah:
        query = query.where(RiwayatAkun.id < setelah)
    if jenis:
        query = query.where(RiwayatAkun.jenis.in_(jenis))
    baris = db.session.scalars(query.order_by(RiwayatAkun.id.desc()).limit(per_halaman + 1)).all()
    lanjut = baris[per_halaman - 1].id if len(baris) > per_halaman else None
    return baris[:per_halaman], lanjut


def milik(penduduk, batas=10):
    """The latest events of one resident's account."""
    return db.session.scalars(select(RiwayatAkun).where(RiwayatAkun.penduduk_id == penduduk.id)
                              .order_by(RiwayatAkun.id.desc()).limit(batas)).all()
