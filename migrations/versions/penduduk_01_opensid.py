"""penduduk: what OpenSID knew (parents, education, documents, status_dasar, the rest as JSON)

``status_dasar`` becomes the one source of whether a resident is active: the old
``aktif`` column goes, read from ``status_dasar = 'HIDUP'`` instead. Existing active
rows become HIDUP; inactive ones (nothing in the code made them so; they came from
hand edits) become TIDAK VALID, OpenSID's status for a record that is not current.
Labels stored in older spellings are written as SIAK spells them.

Revision ID: penduduk_01
Revises: akun_02
"""
from alembic import op
import sqlalchemy as sa

revision = "penduduk_01"
down_revision = "akun_02"
branch_labels = None
depends_on = None

# (column, old spelling, SIAK's): the spellings the demo and the old form lists used.
EJAAN = (
    ("agama", "KEPERCAYAAN", "KEPERCAYAAN TERHADAP TUHAN YME"),
    ("pendidikan", "DIPLOMA III", "AKADEMI/DIPLOMA III/S. MUDA"),
    ("pendidikan", "SLTA / SEDERAJAT", "SLTA/SEDERAJAT"),
    ("pendidikan", "TAMAT SD / SEDERAJAT", "TAMAT SD/SEDERAJAT"),
    ("pendidikan", "TIDAK / BELUM SEKOLAH", "TIDAK/BELUM SEKOLAH"),
    ("pekerjaan", "TIDAK/BELUM BEKERJA", "BELUM/TIDAK BEKERJA"),
    ("pekerjaan", "PETANI", "PETANI/PEKEBUN"),
    ("pekerjaan", "PELAJAR", "PELAJAR/MAHASISWA"),
    ("hubungan_keluarga", "ORANGTUA", "ORANG TUA"),
)


def upgrade():
    with op.batch_alter_table("penduduk", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pendidikan_sedang", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("nik_ayah", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("nama_ayah", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("nik_ibu", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("nama_ibu", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("akta_lahir", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("akta_perkawinan", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("tanggal_perkawinan", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("akta_perceraian", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("tanggal_perceraian", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("status_dasar", sa.String(length=12), nullable=False, server_default="HIDUP"))
        batch_op.add_column(sa.Column("data_opensid", sa.JSON(), nullable=True))
        batch_op.alter_column("kewarganegaraan", existing_type=sa.String(length=10), type_=sa.String(length=30),
                              existing_nullable=False)
        batch_op.alter_column("golongan_darah", existing_type=sa.String(length=3), type_=sa.String(length=10),
                              existing_nullable=True)
    penduduk = sa.table("penduduk", sa.column("aktif", sa.Boolean()), sa.column("status_dasar", sa.String()),
                        *[sa.column(k, sa.String()) for k in {e[0] for e in EJAAN}])
    op.execute(penduduk.update().where(penduduk.c.aktif.is_(False)).values(status_dasar="TIDAK VALID"))
    for kolom, lama, baru in EJAAN:
        op.execute(penduduk.update().where(penduduk.c[kolom] == lama).values({kolom: baru}))
    with op.batch_alter_table("penduduk", schema=None) as batch_op:
        batch_op.alter_column("status_dasar", server_default=None, existing_type=sa.String(length=12),
                              existing_nullable=False)
        batch_op.drop_column("aktif")


def downgrade():
    with op.batch_alter_table("penduduk", schema=None) as batch_op:
        batch_op.add_column(sa.Column("aktif", sa.Boolean(), nullable=False, server_default=sa.true()))
    penduduk = sa.table("penduduk", sa.column("aktif", sa.Boolean()), sa.column("status_dasar", sa.String()),
                        sa.column("golongan_darah", sa.String()), sa.column("kewarganegaraan", sa.String()))
    op.execute(penduduk.update().where(penduduk.c.status_dasar != "HIDUP").values(aktif=False))
    # What the narrower old columns cannot hold.
    op.execute(penduduk.update().where(penduduk.c.golongan_darah == "TIDAK TAHU").values(golongan_darah=None))
    op.execute(penduduk.update().where(penduduk.c.kewarganegaraan == "DUA KEWARGANEGARAAN")
               .values(kewarganegaraan="WNA"))
    with op.batch_alter_table("penduduk", schema=None) as batch_op:
        batch_op.alter_column("aktif", server_default=None, existing_type=sa.Boolean(), existing_nullable=False)
        batch_op.drop_column("data_opensid")
        batch_op.drop_column("status_dasar")
        batch_op.drop_column("tanggal_perceraian")
        batch_op.drop_column("akta_perceraian")
        batch_op.drop_column("tanggal_perkawinan")
        batch_op.drop_column("akta_perkawinan")
        batch_op.drop_column("akta_lahir")
        batch_op.drop_column("nama_ibu")
        batch_op.drop_column("nik_ibu")
        batch_op.drop_column("nama_ayah")
        batch_op.drop_column("nik_ayah")
        batch_op.drop_column("pendidikan_sedang")
        batch_op.alter_column("golongan_darah", existing_type=sa.String(length=10), type_=sa.String(length=3),
                              existing_nullable=True)
        batch_op.alter_column("kewarganegaraan", existing_type=sa.String(length=30), type_=sa.String(length=10),
                              existing_nullable=False)
