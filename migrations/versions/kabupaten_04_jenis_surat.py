"""kabupaten: letter types the kabupaten publishes to every desa or to one kecamatan

Revision ID: kabupaten_04_jenis_surat
Revises: kabupaten_03_ringkasan_penduduk
"""
from alembic import op
import sqlalchemy as sa

revision = "kabupaten_04_jenis_surat"
down_revision = "kabupaten_03_ringkasan_penduduk"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "jenis_surat_kabupaten",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode", sa.String(length=40), nullable=False),
        sa.Column("nama", sa.String(length=120), nullable=False),
        sa.Column("klasifikasi", sa.String(length=20), nullable=False),
        sa.Column("uraian", sa.String(length=255), nullable=False),
        sa.Column("isian", sa.JSON(), nullable=False),
        sa.Column("isi", sa.JSON(), nullable=False),
        sa.Column("kecamatan_id", sa.Integer(), nullable=True),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.Column("diterbitkan", sa.DateTime(), nullable=False),
        sa.Column("diubah", sa.DateTime(), nullable=False),
        sa.Column("admin_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["kecamatan_id"], ["kecamatan.id"],
                                name=op.f("fk_jenis_surat_kabupaten_kecamatan_id_kecamatan")),
        sa.ForeignKeyConstraint(["admin_id"], ["admin.id"], name=op.f("fk_jenis_surat_kabupaten_admin_id_admin"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jenis_surat_kabupaten")),
        sa.UniqueConstraint("kode", name=op.f("uq_jenis_surat_kabupaten_kode")),
    )
    with op.batch_alter_table("jenis_surat_kabupaten", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jenis_surat_kabupaten_kecamatan_id"), ["kecamatan_id"], unique=False)


def downgrade():
    with op.batch_alter_table("jenis_surat_kabupaten", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jenis_surat_kabupaten_kecamatan_id"))
    op.drop_table("jenis_surat_kabupaten")
