"""signing: BSrE visible signature (QR or specimen, coordinates or tag) and a desa's own esign client

Revision ID: signing_02
Revises: kabupaten_04_jenis_surat
"""
from alembic import op
import sqlalchemy as sa

revision = "signing_02"
down_revision = "kabupaten_04_jenis_surat"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("pengaturan_ttd", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bsre_visual", sa.String(length=10), nullable=False, server_default="qr"))
        batch_op.add_column(sa.Column("bsre_letak", sa.String(length=10), nullable=False,
                                      server_default="koordinat"))
        batch_op.add_column(sa.Column("bsre_spesimen", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("bsre_url", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("bsre_versi", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("bsre_kredensial_terenkripsi", sa.LargeBinary(), nullable=True))


def downgrade():
    with op.batch_alter_table("pengaturan_ttd", schema=None) as batch_op:
        for kolom in ("bsre_kredensial_terenkripsi", "bsre_versi", "bsre_url", "bsre_spesimen", "bsre_letak",
                      "bsre_visual"):
            batch_op.drop_column(kolom)
