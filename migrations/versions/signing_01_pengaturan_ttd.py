"""signing: per-desa choice of signer (uploaded certificate or BSrE)

Revision ID: signing_01
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "signing_01"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "pengaturan_ttd",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("metode", sa.String(length=10), nullable=False),
        sa.Column("bsre_nik", sa.String(length=16), nullable=True),
        sa.Column("diubah", sa.DateTime(), nullable=False),
        sa.Column("desa_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_pengaturan_ttd_desa_id_desa"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pengaturan_ttd")),
        sa.UniqueConstraint("desa_id", name="uq_pengaturan_ttd_desa"),
    )
    with op.batch_alter_table("pengaturan_ttd", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pengaturan_ttd_desa_id"), ["desa_id"], unique=False)


def downgrade():
    with op.batch_alter_table("pengaturan_ttd", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pengaturan_ttd_desa_id"))
    op.drop_table("pengaturan_ttd")
