"""Letters per desa and status, for the kabupaten and kecamatan dashboards."""
from collections import defaultdict

from sqlalchemy import func, select

from desaonline.extensions import db
from desaonline.surat.models import Surat
from desaonline.surat.status import STATUS


def per_desa(desa_ids):
    """{desa_id: {status: count}} for the given desa, every status present (0 when none)."""
    hasil = {desa_id: dict.fromkeys(STATUS, 0) for desa_id in desa_ids}
    if not desa_ids:
        return hasil
    rows = db.session.execute(
        select(Surat.desa_id, Surat.status, func.count())
        .where(Surat.desa_id.in_(desa_ids))
        .group_by(Surat.desa_id, Surat.status)
    )
    for desa_id, status, jumlah in rows:
        hasil[desa_id][status] = jumlah
    return hasil


def total(per_desa_hasil):
    jumlah = defaultdict(int)
    for status_counts in per_desa_hasil.values():
        for status, n in status_counts.items():
            jumlah[status] += n
    return dict(jumlah)
