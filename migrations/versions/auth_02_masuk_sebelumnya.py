"""auth: each session keeps the account's login before it (shown to the resident)

``sesi.sebelumnya_dibuat`` and ``sebelumnya_alamat`` are copied from the account's
latest session when a new one is made, so the resident's home page and ``/profil``
show "last login before this one" without a query per request. Existing sessions
get theirs from the rows already there.

Revision ID: auth_02_masuk_sebelumnya
Revises: kabupaten_05_audit
"""
from alembic import op
import sqlalchemy as sa

revision = "auth_02_masuk_sebelumnya"
down_revision = "kabupaten_05_audit"
branch_labels = None
depends_on = None

_SEBELUMNYA = """(SELECT s2.{kolom} FROM sesi s2
    WHERE s2.jenis = sesi.jenis AND s2.akun_id = sesi.akun_id
      AND (s2.dibuat < sesi.dibuat OR (s2.dibuat = sesi.dibuat AND s2.id < sesi.id))
    ORDER BY s2.dibuat DESC, s2.id DESC LIMIT 1)"""


def upgrade():
    with op.batch_alter_table("sesi") as batch:
        batch.add_column(sa.Column("sebelumnya_dibuat", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("sebelumnya_alamat", sa.String(45), nullable=True))
    op.execute(f"UPDATE sesi SET sebelumnya_dibuat = {_SEBELUMNYA.format(kolom='dibuat')}, "
               f"sebelumnya_alamat = {_SEBELUMNYA.format(kolom='alamat')}")


def downgrade():
    with op.batch_alter_table("sesi") as batch:
        batch.drop_column("sebelumnya_alamat")
        batch.drop_column("sebelumnya_dibuat")
