"""alur: the documents (syarat) each desa asks for per letter type

Revision ID: alur_01_syarat
Revises: surat_01
"""
from alembic import op
import sqlalchemy as sa

revision = "alur_01_syarat"
down_revision = "surat_01"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("jenis_surat_desa", schema=None) as batch_op:
        batch_op.add_column(sa.Column("syarat", sa.JSON(none_as_null=True), nullable=True))


def downgrade():
    with op.batch_alter_table("jenis_surat_desa", schema=None) as batch_op:
        batch_op.drop_column("syarat")
