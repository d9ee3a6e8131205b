"""akun: one lock for every account (residents, operators, admins), with decay

Revision ID: akun_01
Revises: signing_01
"""
from alembic import op
import sqlalchemy as sa

revision = "akun_01"
down_revision = "signing_01"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("penduduk", schema=None) as batch_op:
        batch_op.alter_column("gagal_pin", new_column_name="gagal_beruntun", existing_type=sa.Integer(),
                              existing_nullable=False)
        batch_op.add_column(sa.Column("tenang_sejak", sa.DateTime(), nullable=True))
    for tabel in ("operator", "admin"):
        with op.batch_alter_table(tabel, schema=None) as batch_op:
            batch_op.add_column(sa.Column("gagal_beruntun", sa.Integer(), nullable=False, server_default="0"))
            batch_op.add_column(sa.Column("jumlah_kunci", sa.Integer(), nullable=False, server_default="0"))
            batch_op.add_column(sa.Column("terkunci_sampai", sa.DateTime(), nullable=True))
            batch_op.add_column(sa.Column("tenang_sejak", sa.DateTime(), nullable=True))


def downgrade():
    for tabel in ("operator", "admin"):
        with op.batch_alter_table(tabel, schema=None) as batch_op:
            for kolom in ("tenang_sejak", "terkunci_sampai", "jumlah_kunci", "gagal_beruntun"):
                batch_op.drop_column(kolom)
    with op.batch_alter_table("penduduk", schema=None) as batch_op:
        batch_op.drop_column("tenang_sejak")
        batch_op.alter_column("gagal_beruntun", new_column_name="gagal_pin", existing_type=sa.Integer(),
                              existing_nullable=False)
