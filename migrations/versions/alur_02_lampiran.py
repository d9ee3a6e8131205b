"""alur: the resident's attachments (lampiran) and a rejection that asks for documents

Revision ID: alur_02_lampiran
Revises: tenants_01
"""
from alembic import op
import sqlalchemy as sa

revision = "alur_02_lampiran"
down_revision = "tenants_01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "lampiran_surat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("surat_id", sa.Integer(), nullable=False),
        sa.Column("syarat", sa.String(length=40), nullable=True),
        sa.Column("nama_asli", sa.String(length=120), nullable=False),
        sa.Column("jenis_isi", sa.String(length=40), nullable=False),
        sa.Column("ukuran", sa.Integer(), nullable=False),
        sa.Column("lebar", sa.Integer(), nullable=True),
        sa.Column("tinggi", sa.Integer(), nullable=True),
        sa.Column("halaman", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kunci", sa.String(length=255), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.Column("desa_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_lampiran_surat_desa_id_desa"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["surat_id"], ["surat.id"], name=op.f("fk_lampiran_surat_surat_id_surat"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lampiran_surat")),
    )
    with op.batch_alter_table("lampiran_surat", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lampiran_surat_desa_id"), ["desa_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lampiran_surat_surat_id"), ["surat_id"], unique=False)
    with op.batch_alter_table("surat", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lengkapi", sa.JSON(none_as_null=True), nullable=True))


def downgrade():
    with op.batch_alter_table("surat", schema=None) as batch_op:
        batch_op.drop_column("lengkapi")
    with op.batch_alter_table("lampiran_surat", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lampiran_surat_surat_id"))
        batch_op.drop_index(batch_op.f("ix_lampiran_surat_desa_id"))
    op.drop_table("lampiran_surat")
