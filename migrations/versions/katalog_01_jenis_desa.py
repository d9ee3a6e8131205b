"""katalog: per type, whether the desa serves it only at the office, and its default signatory

Revision ID: katalog_01_jenis_desa
Revises: alur_02_lampiran
"""
from alembic import op
import sqlalchemy as sa

revision = "katalog_01_jenis_desa"
down_revision = "alur_02_lampiran"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("jenis_surat_desa", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hanya_kantor", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("pejabat_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_jenis_surat_desa_pejabat", "pejabat", ["pejabat_id"], ["id"],
                                    ondelete="SET NULL")
    with op.batch_alter_table("jenis_surat_desa", schema=None) as batch_op:
        batch_op.alter_column("hanya_kantor", server_default=None, existing_type=sa.Boolean(),
                              existing_nullable=False)


def downgrade():
    with op.batch_alter_table("jenis_surat_desa", schema=None) as batch_op:
        batch_op.drop_constraint("fk_jenis_surat_desa_pejabat", type_="foreignkey")
        batch_op.drop_column("pejabat_id")
        batch_op.drop_column("hanya_kantor")
