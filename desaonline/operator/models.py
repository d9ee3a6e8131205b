"""Desa operators (village staff)."""
from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desaonline.auth.kunci import KunciAkun
from desaonline.auth.sessions import AkunMixin, register_akun
from desaonline.extensions import db
from desaonline.waktu import sekarang
from tenants.scoping import DesaScoped


class Operator(AkunMixin, KunciAkun, DesaScoped, db.Model):
    __tablename__ = "operator"
    __table_args__ = (UniqueConstraint("desa_id", "username", name="uq_operator_desa_username"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    nama: Mapped[str | None] = mapped_column(String(120))
    aktif: Mapped[bool] = mapped_column(default=True)
    # A password the system made (bulk set-up, reset) is handed over once and must be
    # replaced at the first login; one the admin typed himself is the operator's already.
    wajib_ganti_sandi: Mapped[bool] = mapped_column(default=False)
    dibuat: Mapped[datetime] = mapped_column(default=sekarang)
    peran = "operator"


register_akun("operator", Operator)
