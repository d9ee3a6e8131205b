"""kabupaten: residents counted per desa as they change (the dashboard reads 460 rows, not 1.4 million)

On PostgreSQL, statement-level triggers on ``penduduk`` keep ``ringkasan_penduduk``
(living residents, and those of them who chose their own PIN, per desa) in the same
transaction as any insert, update or delete, however it is made: an import of 100,000
rows is one summary update per desa. SQLite (development) has no triggers here; the
dashboard counts the residents there.

Revision ID: kabupaten_03_ringkasan_penduduk
Revises: kabupaten_02_statistik
"""
from alembic import op
import sqlalchemy as sa

revision = "kabupaten_03_ringkasan_penduduk"
down_revision = "kabupaten_02_statistik"
branch_labels = None
depends_on = None

_HITUNG = """SELECT desa_id, count(*) FILTER (WHERE status_dasar = 'HIDUP') AS hidup,
                    count(*) FILTER (WHERE status_dasar = 'HIDUP' AND NOT wajib_ganti_pin) AS mandiri
             FROM {sumber} GROUP BY desa_id"""

FUNGSI = f"""
CREATE FUNCTION ringkasan_penduduk_ubah() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE ringkasan_penduduk r SET hidup = r.hidup - l.hidup, mandiri = r.mandiri - l.mandiri
        FROM ({_HITUNG.format(sumber="lama")}) l WHERE r.desa_id = l.desa_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO ringkasan_penduduk AS r (desa_id, hidup, mandiri)
        {_HITUNG.format(sumber="baru")}
        ON CONFLICT (desa_id) DO UPDATE SET hidup = r.hidup + EXCLUDED.hidup, mandiri = r.mandiri + EXCLUDED.mandiri;
    END IF;
    RETURN NULL;
END $$;
"""
# One trigger per event: PostgreSQL gives transition tables only to single-event triggers.
PEMICU = {
    "INSERT": "REFERENCING NEW TABLE AS baru",
    "UPDATE": "REFERENCING OLD TABLE AS lama NEW TABLE AS baru",
    "DELETE": "REFERENCING OLD TABLE AS lama",
}


def upgrade():
    op.create_table(
        "ringkasan_penduduk",
        sa.Column("desa_id", sa.Integer(), nullable=False),
        sa.Column("hidup", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("mandiri", sa.Integer(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_ringkasan_penduduk_desa_id_desa"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("desa_id", name=op.f("pk_ringkasan_penduduk")),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNGSI)
    for peristiwa, rujukan in PEMICU.items():
        op.execute(f"CREATE TRIGGER ringkasan_penduduk_{peristiwa.lower()} AFTER {peristiwa} ON penduduk "
                   f"{rujukan} FOR EACH STATEMENT EXECUTE FUNCTION ringkasan_penduduk_ubah()")
    op.execute(f"INSERT INTO ringkasan_penduduk (desa_id, hidup, mandiri) {_HITUNG.format(sumber='penduduk')}")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for peristiwa in PEMICU:
            op.execute(f"DROP TRIGGER IF EXISTS ringkasan_penduduk_{peristiwa.lower()} ON penduduk")
        op.execute("DROP FUNCTION IF EXISTS ringkasan_penduduk_ubah()")
    op.drop_table("ringkasan_penduduk")
