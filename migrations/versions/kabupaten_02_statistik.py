"""kabupaten: indexes the dashboard reads (a period of submissions, signings, what waits)

Each covers its query (the leading column picks the rows, the rest is read from the
index), so the kabupaten's dashboard at 200,000 letters reads only the period's rows.

Revision ID: kabupaten_02_statistik
Revises: katalog_02_alamat_publik
"""
from alembic import op

revision = "kabupaten_02_statistik"
down_revision = "katalog_02_alamat_publik"
branch_labels = None
depends_on = None

INDEKS = {
    "ix_surat_diajukan_statistik": ["diajukan", "desa_id", "status", "jenis", "selesai"],
    "ix_surat_selesai_statistik": ["selesai", "desa_id", "status"],
    "ix_surat_status_diajukan": ["status", "diajukan", "desa_id", "jenis"],
}


def upgrade():
    with op.batch_alter_table("surat", schema=None) as batch_op:
        for nama, kolom in INDEKS.items():
            batch_op.create_index(nama, kolom, unique=False)


def downgrade():
    with op.batch_alter_table("surat", schema=None) as batch_op:
        for nama in INDEKS:
            batch_op.drop_index(nama)
