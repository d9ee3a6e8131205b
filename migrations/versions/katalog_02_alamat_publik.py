"""katalog: the public address (scheme, host, port) a letter's QR code and printed link point to

Revision ID: katalog_02_alamat_publik
Revises: katalog_01_jenis_desa
"""
from alembic import op
import sqlalchemy as sa

revision = "katalog_02_alamat_publik"
down_revision = "katalog_01_jenis_desa"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("surat", schema=None) as batch_op:
        batch_op.add_column(sa.Column("alamat_publik", sa.String(length=255), nullable=True))


def downgrade():
    with op.batch_alter_table("surat", schema=None) as batch_op:
        batch_op.drop_column("alamat_publik")
