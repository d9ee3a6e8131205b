"""Demo letter settings for one desa: a real letterhead and two signatories.

Runs inside the desa's scope (``desaonline.demo``); running it again changes nothing.
"""
import io

from sqlalchemy import select

from desaonline.extensions import db
from desaonline.surat.models import Pejabat, PengaturanSurat
from desaonline.surat.pengaturan import pengaturan_bawaan, kepala

# Invented names: no real official is meant.
KEPALA = {
    "klirong": "Mujiono", "jogosimo": "Tri Wahyuningsih", "karangrejo": "Slamet Widodo",
    "tegalretno": "Ahmad Fauzi", "jatisari": "Endang Purwati", "panjer": "Bambang Sutrisno",
}
SEKRETARIS = {
    "klirong": "Rina Marlina", "jogosimo": "Agus Prasetyo", "karangrejo": "Dwi Lestari",
    "tegalretno": "Joko Santoso", "jatisari": "Siti Aminah", "panjer": "Heru Kurniawan",
}
KODE_POS = {"klirong": "54381", "jogosimo": "54381", "karangrejo": "54382", "tegalretno": "54382",
            "jatisari": "54316", "panjer": "54312"}


def logo_png():
    """A plain green emblem (a shield with a rice-and-cotton ring) drawn with Pillow."""
    from PIL import Image, ImageDraw
    img = Image.new("RGBA", (240, 280), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    d.polygon([(20, 20), (220, 20), (220, 150), (120, 265), (20, 150)], fill=(11, 93, 59), outline=(7, 67, 42))
    d.polygon([(38, 36), (202, 36), (202, 144), (120, 238), (38, 144)], outline=(240, 190, 40), width=6)
    d.ellipse((80, 70, 160, 150), outline=(240, 190, 40), width=6)
    d.polygon([(120, 88), (130, 112), (154, 112), (134, 126), (142, 150), (120, 135), (98, 150), (106, 126),
               (86, 112), (110, 112)], fill=(240, 190, 40))
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def seed_demo(desa):
    laporan = []
    if db.session.scalar(select(PengaturanSurat)) is None:
        atur = pengaturan_bawaan(desa)
        kode_pos = KODE_POS.get(desa.slug, "54300")
        atur.kop_alamat = f"Jl. Raya {desa.nama} No. 1, {desa.nama}, Kebumen {kode_pos}"
        atur.logo = logo_png()
        db.session.add(atur)
        desa.kode_pos = desa.kode_pos or kode_pos
        desa.telepon = desa.telepon or "(0287) 000000"
        laporan.append(f"Pengaturan surat {desa.nama}: kop, A4, nomor {atur.format_nomor}")
    jabatan_kepala = kepala(desa)
    if db.session.scalar(select(Pejabat).where(Pejabat.kepala_desa.is_(True))) is None:
        db.session.add(Pejabat(nama=KEPALA.get(desa.slug, f"Kepala {desa.nama}"), jabatan=jabatan_kepala,
                               kepala_desa=True, aktif=True))
        laporan.append(f"Penandatangan: {jabatan_kepala}")
    jabatan_sekdes = "Sekretaris Kelurahan" if desa.jenis == "kelurahan" else "Sekretaris Desa"
    if db.session.scalar(select(Pejabat).where(Pejabat.jabatan == jabatan_sekdes)) is None:
        db.session.add(Pejabat(nama=SEKRETARIS.get(desa.slug, f"Sekretaris {desa.nama}"), jabatan=jabatan_sekdes,
                               nip=None, atas_nama="a.n.", kepala_desa=False, aktif=True))
        laporan.append(f"Penandatangan: a.n. {jabatan_kepala} {jabatan_sekdes}")
    db.session.flush()
    return laporan
