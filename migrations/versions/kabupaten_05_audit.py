"""kabupaten: the audit log of admins' and operators' changes, which nothing may change

On PostgreSQL a trigger refuses every UPDATE, DELETE and TRUNCATE of the log, whoever
asks (the application never does; this stops a mistake or a script too). Only a
superuser switching triggers off (``session_replication_role``) gets past it, as the
test suite does to empty its own database between tests.

Revision ID: kabupaten_05_audit
Revises: signing_02
"""
from alembic import op
import sqlalchemy as sa

revision = "kabupaten_05_audit"
down_revision = "signing_02"
branch_labels = None
depends_on = None

TOLAK = """
CREATE FUNCTION catatan_audit_tetap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'catatan_audit tidak dapat diubah atau dihapus (%)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
"""


def upgrade():
    op.create_table(
        "catatan_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("aktor_jenis", sa.String(length=10), nullable=False),
        sa.Column("aktor_id", sa.Integer(), nullable=False),
        sa.Column("aktor_nama", sa.String(length=64), nullable=False),
        sa.Column("peran", sa.String(length=10), nullable=False),
        sa.Column("kecamatan_id", sa.Integer(), nullable=True),
        sa.Column("desa_id", sa.Integer(), nullable=True),
        sa.Column("desa_nama", sa.String(length=140), nullable=True),
        sa.Column("aksi", sa.String(length=80), nullable=False),
        sa.Column("uraian", sa.String(length=200), nullable=False),
        sa.Column("metode", sa.String(length=8), nullable=False),
        sa.Column("jalur", sa.String(length=255), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("alamat", sa.String(length=45), nullable=True),
        sa.Column("rincian", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catatan_audit")),
    )
    with op.batch_alter_table("catatan_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catatan_audit_waktu"), ["waktu"], unique=False)
        batch_op.create_index("ix_catatan_audit_desa_waktu", ["desa_id", "waktu"], unique=False)
        batch_op.create_index("ix_catatan_audit_kecamatan_waktu", ["kecamatan_id", "waktu"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(TOLAK)
        op.execute("CREATE TRIGGER catatan_audit_tetap BEFORE UPDATE OR DELETE ON catatan_audit "
                   "FOR EACH ROW EXECUTE FUNCTION catatan_audit_tetap()")
        op.execute("CREATE TRIGGER catatan_audit_tetap_truncate BEFORE TRUNCATE ON catatan_audit "
                   "FOR EACH STATEMENT EXECUTE FUNCTION catatan_audit_tetap()")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS catatan_audit_tetap_truncate ON catatan_audit")
        op.execute("DROP TRIGGER IF EXISTS catatan_audit_tetap ON catatan_audit")
        op.execute("DROP FUNCTION IF EXISTS catatan_audit_tetap()")
    with op.batch_alter_table("catatan_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_catatan_audit_kecamatan_waktu")
        batch_op.drop_index("ix_catatan_audit_desa_waktu")
        batch_op.drop_index(batch_op.f("ix_catatan_audit_waktu"))
    op.drop_table("catatan_audit")
