"""Login sessions: one row per cookie session or API token, so logout really ends it."""
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desaonline.extensions import db
from desaonline.waktu import sekarang


class Sesi(db.Model):
    __tablename__ = "sesi"
    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 of the token: a leaked table holds no usable token.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    jenis: Mapped[str] = mapped_column(String(10))  # admin | operator | penduduk
    akun_id: Mapped[int] = mapped_column(index=True)
    # The desa whose host issued it; NULL for the kabupaten portal.
    desa_id: Mapped[int | None] = mapped_column(ForeignKey("desa.id", ondelete="CASCADE"), index=True)
    saluran: Mapped[str] = mapped_column(String(5))  # web | api
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)
    kedaluwarsa: Mapped[datetime]
    dicabut: Mapped[bool] = mapped_column(default=False)
    alamat: Mapped[str | None] = mapped_column(String(45))  # the client's address at login
    # The account's login before this one, copied when this one is made: a resident is
    # shown it (a login that was not theirs) without a query per request.
    sebelumnya_dibuat: Mapped[datetime | None]
    sebelumnya_alamat: Mapped[str | None] = mapped_column(String(45))
