"""akun: first-PIN choice and expiry per desa, the account log, the address of each login

Revision ID: akun_02
Revises: akun_01
"""
from datetime import datetime, timedelta, timezone

from alembic import op
import sqlalchemy as sa

revision = "akun_02"
down_revision = "akun_01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "pengaturan_akun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pin_awal", sa.String(length=15), nullable=False),
        sa.Column("masa_berlaku_hari", sa.Integer(), nullable=False),
        sa.Column("diubah", sa.DateTime(), nullable=False),
        sa.Column("desa_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_pengaturan_akun_desa_id_desa"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pengaturan_akun")),
        sa.UniqueConstraint("desa_id", name="uq_pengaturan_akun_desa"),
    )
    with op.batch_alter_table("pengaturan_akun", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pengaturan_akun_desa_id"), ["desa_id"], unique=False)
    op.create_table(
        "riwayat_akun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("penduduk_id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("alamat", sa.String(length=45), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("desa_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_riwayat_akun_desa_id_desa"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["penduduk_id"], ["penduduk.id"], name=op.f("fk_riwayat_akun_penduduk_id_penduduk"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["operator_id"], ["operator.id"], name=op.f("fk_riwayat_akun_operator_id_operator"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_riwayat_akun")),
    )
    with op.batch_alter_table("riwayat_akun", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_riwayat_akun_desa_id"), ["desa_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_riwayat_akun_penduduk_id"), ["penduduk_id"], unique=False)
        batch_op.create_index("ix_riwayat_akun_desa_id_id", ["desa_id", "id"], unique=False)
    with op.batch_alter_table("penduduk", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pin_berlaku_sampai", sa.DateTime(), nullable=True))
    with op.batch_alter_table("sesi", schema=None) as batch_op:
        batch_op.add_column(sa.Column("alamat", sa.String(length=45), nullable=True))
    # First PINs handed out before this version get the default 30 days from today.
    sampai = datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(days=30)
    penduduk = sa.table("penduduk", sa.column("wajib_ganti_pin", sa.Boolean), sa.column("pin_berlaku_sampai", sa.DateTime))
    op.execute(penduduk.update().where(penduduk.c.wajib_ganti_pin.is_(True)).values(pin_berlaku_sampai=sampai))


def downgrade():
    with op.batch_alter_table("sesi", schema=None) as batch_op:
        batch_op.drop_column("alamat")
    with op.batch_alter_table("penduduk", schema=None) as batch_op:
        batch_op.drop_column("pin_berlaku_sampai")
    with op.batch_alter_table("riwayat_akun", schema=None) as batch_op:
        batch_op.drop_index("ix_riwayat_akun_desa_id_id")
        batch_op.drop_index(batch_op.f("ix_riwayat_akun_penduduk_id"))
        batch_op.drop_index(batch_op.f("ix_riwayat_akun_desa_id"))
    op.drop_table("riwayat_akun")
    with op.batch_alter_table("pengaturan_akun", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pengaturan_akun_desa_id"))
    op.drop_table("pengaturan_akun")
