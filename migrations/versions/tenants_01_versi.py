"""tenants: the host map's change signal (tenant_versi), raised by triggers on every
change to kabupaten, kecamatan, desa and desa_host

Revision ID: tenants_01
Revises: kabupaten_01_sandi_sekali

SQLite rebuilds a table in batch mode (alembic's "move and copy") without its
triggers: a later migration that rebuilds one of these tables must create its
triggers again (``pasang`` below); tests/test_hostmap.py fails when one is missing.
"""
from alembic import op
import sqlalchemy as sa

revision = "tenants_01"
down_revision = "kabupaten_01_sandi_sekali"
branch_labels = None
depends_on = None

TABEL = ("kabupaten", "kecamatan", "desa", "desa_host")
# An upsert, so a row lost by accident comes back with the next change.
NAIK = ("INSERT INTO tenant_versi (id, versi) VALUES (1, 1) "
        "ON CONFLICT (id) DO UPDATE SET versi = tenant_versi.versi + 1")


def pasang(tabel):
    """The triggers that raise the version on every write to ``tabel``."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE TRIGGER tenant_versi_{tabel} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                   f"ON {tabel} FOR EACH STATEMENT EXECUTE FUNCTION tenant_versi_naik()")
        return
    for peristiwa in ("INSERT", "UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER tenant_versi_{tabel}_{peristiwa.lower()} AFTER {peristiwa} ON {tabel} "
                   f"BEGIN {NAIK}; END")


def upgrade():
    op.create_table(
        "tenant_versi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("versi", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenant_versi")),
    )
    op.execute("INSERT INTO tenant_versi (id, versi) VALUES (1, 1)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE FUNCTION tenant_versi_naik() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {NAIK}; RETURN NULL; END $$")
    for tabel in TABEL:
        pasang(tabel)


def downgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    for tabel in TABEL:
        if postgres:
            op.execute(f"DROP TRIGGER IF EXISTS tenant_versi_{tabel} ON {tabel}")
        else:
            for peristiwa in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS tenant_versi_{tabel}_{peristiwa}")
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS tenant_versi_naik()")
    op.drop_table("tenant_versi")
