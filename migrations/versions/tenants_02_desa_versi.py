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


def _pemicu(tabel, postgres):
    """(trigger name, its event and what it runs) of every trigger on ``tabel``."""
    if postgres:
        return [(f"desa_versi_{tabel}", "INSERT OR UPDATE OR DELETE",
                 "FOR EACH ROW EXECUTE FUNCTION desa_versi_naik()"),
                (f"desa_versi_{tabel}_truncate", "TRUNCATE",
                 "FOR EACH STATEMENT EXECUTE FUNCTION desa_versi_naik_semua()")]
    return [(f"desa_versi_{tabel}_{peristiwa.lower()}", peristiwa, f"BEGIN {_naik(baris)}; END")
            for peristiwa, baris in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))]


def _postgres():
    return op.get_bind().dialect.name == "postgresql"


def pasang(tabel):
    """The triggers that raise the desa's version on every write to ``tabel``."""
    for nama, peristiwa, badan in _pemicu(tabel, _postgres()):
        op.execute(f"CREATE TRIGGER {nama} AFTER {peristiwa} ON {tabel} {badan}")


def upgrade():
    op.create_table(
        "desa_versi",
        sa.Column("desa_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("versi", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("desa_id", name=op.f("pk_desa_versi")),
    )
    if _postgres():
        op.execute("CREATE FUNCTION desa_versi_naik() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   f"IF TG_OP = 'DELETE' THEN {_naik('OLD')}; ELSE {_naik('NEW')}; END IF; "
                   "RETURN NULL; END $$")
        op.execute("CREATE FUNCTION desa_versi_naik_semua() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "UPDATE desa_versi SET versi = versi + 1; RETURN NULL; END $$")
    for tabel in TABEL:
        pasang(tabel)


def downgrade():
    postgres = _postgres()
    for tabel in TABEL:
        for nama, _, _ in _pemicu(tabel, postgres):
            op.execute(f"DROP TRIGGER IF EXISTS {nama}" + (f" ON {tabel}" if postgres else ""))
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS desa_versi_naik()")
        op.execute("DROP FUNCTION IF EXISTS desa_versi_naik_semua()")
    op.drop_table("desa_versi")
