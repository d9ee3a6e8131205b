"""The audit log: one row per change an admin or an operator made."""
from datetime import datetime

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desaonline.extensions import db
from desaonline.waktu import sekarang


class CatatanAudit(db.Model):
    """Who did what, when, in which desa, from which address. Written once, never changed:
    no code path updates or deletes a row, and on PostgreSQL a trigger refuses UPDATE,
    DELETE and TRUNCATE (migration kabupaten_05_audit). Names are copied in (the username,
    the desa's name as they were then) and nothing references another table, so the log
    outlives whatever it speaks of."""
    __tablename__ = "catatan_audit"
    __table_args__ = (Index("ix_catatan_audit_desa_waktu", "desa_id", "waktu"),
                      Index("ix_catatan_audit_kecamatan_waktu", "kecamatan_id", "waktu"))
    id: Mapped[int] = mapped_column(primary_key=True)
    waktu: Mapped[datetime] = mapped_column(default=sekarang, index=True)
    aktor_jenis: Mapped[str] = mapped_column(String(10))        # admin | operator
    aktor_id: Mapped[int]
    aktor_nama: Mapped[str] = mapped_column(String(64))         # the username then
    peran: Mapped[str] = mapped_column(String(10))              # kabupaten | kecamatan | operator
    # The kecamatan the action belongs to (the desa's, or the camat's own): what a camat may read.
    kecamatan_id: Mapped[int | None]
    desa_id: Mapped[int | None]
    desa_nama: Mapped[str | None] = mapped_column(String(140))
    aksi: Mapped[str] = mapped_column(String(80))               # the endpoint, e.g. admin.desa_ubah
    uraian: Mapped[str] = mapped_column(String(200))            # in words, for people
    metode: Mapped[str] = mapped_column(String(8))
    jalur: Mapped[str] = mapped_column(String(255))             # the path (never a query string)
    status: Mapped[int]
    alamat: Mapped[str | None] = mapped_column(String(45))      # the client's address
    rincian: Mapped[dict | None] = mapped_column(JSON)          # the ids the URL named
