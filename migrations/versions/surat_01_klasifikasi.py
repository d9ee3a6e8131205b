"""surat: the desa's letter classification list (kode klasifikasi), imported from OpenSID's

Revision ID: surat_01
Revises: penduduk_01
"""
from alembic import op
import sqlalchemy as sa

revision = "surat_01"
down_revision = "penduduk_01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "klasifikasi_surat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(length=20), nullable=False),
        sa.Column("nama", sa.String(length=255), nullable=False),
        sa.Column("uraian", sa.Text(), nullable=True),
        sa.Column("desa_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_klasifikasi_surat_desa_id_desa"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_klasifikasi_surat")),
        sa.UniqueConstraint("desa_id", "kode", name="uq_klasifikasi_surat_desa_kode"),
    )
    with op.batch_alter_table("klasifikasi_surat", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_klasifikasi_surat_desa_id"), ["desa_id"], unique=False)


def downgrade():
    with op.batch_alter_table("klasifikasi_surat", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_klasifikasi_surat_desa_id"))
    op.drop_table("klasifikasi_surat")
