"""kabupaten: operators with a one-time password from the bulk set-up must change it

Revision ID: kabupaten_01_sandi_sekali
Revises: alur_01_syarat
"""
from alembic import op
import sqlalchemy as sa

revision = "kabupaten_01_sandi_sekali"
down_revision = "alur_01_syarat"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wajib_ganti_sandi", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.alter_column("wajib_ganti_sandi", server_default=None, existing_type=sa.Boolean(),
                              existing_nullable=False)


def downgrade():
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.drop_column("wajib_ganti_sandi")
