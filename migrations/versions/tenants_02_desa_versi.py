"""tenants: each desa's change signal (desa_versi), raised by triggers on every change
to pengaturan_surat, pengaturan_ttd and sertifikat_desa

Revision ID: tenants_02
Revises: auth_02_masuk_sebelumnya

As ``tenants_01``: a later migration that rebuilds one of these tables in SQLite's
batch mode must create its triggers again (``pasang``); tests/test_konteks_desa.py
fails when one is missing.
"""
from alembic import op
import sqlalchemy as sa

revision = "tenants_02"
down_revision = "auth_02_masuk_sebelumnya"
branch_labels = None
depends_on = None

TABEL = ("pengaturan_surat", "pengaturan_ttd", "sertifikat_desa")


def _naik(baris):
    return (f"INSERT INTO desa_versi (desa_id, versi) VALUES ({baris}.desa_id, 1) "
            "ON CONFLICT (desa_id) DO UPDATE SET versi = desa_versi.versi + 1")


def pasang(tabel):
    """The triggers that raise the desa's version on every write to ``tabel``."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE TRIGGER desa_versi_{tabel} AFTER INSERT OR UPDATE OR DELETE ON {tabel} "
                   f"FOR EACH ROW EXECUTE FUNCTION desa_versi_naik()")
        op.execute(f"CREATE TRIGGER desa_versi_{tabel}_truncate AFTER TRUNCATE ON {tabel} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION desa_versi_naik_semua()")
        return
    for peristiwa, baris in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
        op.execute(f"CREATE TRIGGER desa_versi_{tabel}_{peristiwa.lower()} AFTER {peristiwa} ON {tabel} "
                   f"BEGIN {_naik(baris)}; END")


def upgrade():
    op.create_table(
        "desa_versi",
        sa.Column("desa_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("versi", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("desa_id", name=op.f("pk_desa_versi")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE FUNCTION desa_versi_naik() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   f"IF TG_OP = 'DELETE' THEN {_naik('OLD')}; ELSE {_naik('NEW')}; END IF; "
                   "RETURN NULL; END $$")
        op.execute("CREATE FUNCTION desa_versi_naik_semua() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "UPDATE desa_versi SET versi = versi + 1; RETURN NULL; END $$")
    for tabel in TABEL:
        pasang(tabel)


def downgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    for tabel in TABEL:
        if postgres:
            op.execute(f"DROP TRIGGER IF EXISTS desa_versi_{tabel} ON {tabel}")
            op.execute(f"DROP TRIGGER IF EXISTS desa_versi_{tabel}_truncate ON {tabel}")
        else:
            for peristiwa in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS desa_versi_{tabel}_{peristiwa}")
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS desa_versi_naik()")
        op.execute("DROP FUNCTION IF EXISTS desa_versi_naik_semua()")
    op.drop_table("desa_versi")
