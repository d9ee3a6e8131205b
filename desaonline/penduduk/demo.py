"""Demo residents for ``flask demo``: four families (twelve residents) in every desa.

NIK and KK numbers are built the way Dukcapil builds them (area code, birth date
with +40 on the day for women, serial), so they look like the real thing. Running
it again adds nothing.
"""
from datetime import date

from sqlalchemy import func, select

from desaonline.extensions import db
from desaonline.penduduk.models import Keluarga, Penduduk
from tenants.models import Desa

# (nama, jenis kelamin, tanggal lahir, hubungan, agama, status perkawinan, pekerjaan, pendidikan, no_hp)
KELUARGA = [
    ("Jl. Klirong Raya", "001", "002", "Krajan", [
        ("SUGENG RIYADI", "L", "1985-03-17", "KEPALA KELUARGA", "ISLAM", "KAWIN", "PETANI/PEKEBUN", "SLTA/SEDERAJAT", "081325110001"),
        ("SITI MARYAM", "P", "1988-08-12", "ISTRI", "ISLAM", "KAWIN", "MENGURUS RUMAH TANGGA", "SLTP/SEDERAJAT", None),
        ("BAYU SAPUTRA", "L", "2010-05-10", "ANAK", "ISLAM", "BELUM KAWIN", "PELAJAR/MAHASISWA", "SLTP/SEDERAJAT", None),
        ("DWI LESTARI", "P", "2014-11-02", "ANAK", "ISLAM", "BELUM KAWIN", "PELAJAR/MAHASISWA", "TAMAT SD/SEDERAJAT", None),
    ]),
    ("Jl. Pandanlor", "002", "002", "Krajan", [
        ("SURATMI", "P", "1962-07-04", "KEPALA KELUARGA", "ISLAM", "CERAI MATI", "PEDAGANG", "TAMAT SD/SEDERAJAT", "085227110002"),
        ("AGUS PRASETYO", "L", "1990-01-21", "ANAK", "ISLAM", "BELUM KAWIN", "KARYAWAN SWASTA", "SLTA/SEDERAJAT", None),
    ]),
    ("Dukuh Karanggedang", "003", "001", "Karanggedang", [
        ("BAMBANG SUTRISNO", "L", "1975-09-30", "KEPALA KELUARGA", "ISLAM", "KAWIN", "WIRASWASTA", "AKADEMI/DIPLOMA III/S. MUDA", "082137110003"),
        ("ENDANG WAHYUNINGSIH", "P", "1979-12-25", "ISTRI", "ISLAM", "KAWIN", "GURU", "DIPLOMA IV/STRATA I", None),
        ("RIZKY ADI NUGROHO", "L", "2003-04-08", "ANAK", "ISLAM", "BELUM KAWIN", "PELAJAR/MAHASISWA", "SLTA/SEDERAJAT", None),
        ("SRI RAHAYU", "P", "1950-02-14", "ORANG TUA", "ISLAM", "CERAI MATI", "BELUM/TIDAK BEKERJA", "TIDAK/BELUM SEKOLAH", None),
    ]),
    ("Dukuh Sidareja", "001", "003", "Sidareja", [
        ("TRI WIBOWO", "L", "1993-06-18", "KEPALA KELUARGA", "ISLAM", "KAWIN", "BURUH HARIAN LEPAS", "SLTA/SEDERAJAT", None),
        ("NUR AINI", "P", "1996-10-09", "ISTRI", "ISLAM", "KAWIN", "MENGURUS RUMAH TANGGA", "SLTA/SEDERAJAT", None),
    ]),
]
# Residents whose login the demo prints (family, member): one with a family, one on her own.
DICETAK = ((0, 0), (1, 0))


def _urutan_desa(desa):
    """0 for the first desa of its kecamatan, 1 for the second...: keeps NIKs apart."""
    return db.session.scalar(select(func.count()).select_from(Desa)
                             .where(Desa.kecamatan_id == desa.kecamatan_id, Desa.id < desa.id))


def _nik(wilayah, lahir, perempuan, nomor):
    hari = lahir.day + (40 if perempuan else 0)
    return f"{wilayah}{hari:02d}{lahir.month:02d}{lahir.year % 100:02d}{nomor:04d}"


def seed_demo(desa):
    """Runs inside ``desa_scope(desa.id)``; returns the logins to print."""
    wilayah = desa.kecamatan.kode.replace(".", "")[:6]
    urutan = _urutan_desa(desa)
    laporan = []
    nomor = urutan * 100
    for k, (alamat, rt, rw, dusun, anggota) in enumerate(KELUARGA):
        no_kk = f"{wilayah}0101{20 + urutan:02d}{k + 1:04d}"
        kk = db.session.scalar(select(Keluarga).where(Keluarga.no_kk == no_kk))
        if kk is None:
            kk = Keluarga(no_kk=no_kk, alamat=alamat, rt=rt, rw=rw, dusun=dusun.upper())
            db.session.add(kk)
        for a, (nama, jk, lahir, hubungan, agama, kawin, kerja, pendidikan, hp) in enumerate(anggota):
            nomor += 1
            lahir = date.fromisoformat(lahir)
            nik = _nik(wilayah, lahir, jk == "P", nomor)
            orang = db.session.scalar(select(Penduduk).where(Penduduk.nik == nik))
            if orang is None:
                orang = Penduduk(nik=nik, nama=nama, keluarga=kk, tempat_lahir="KEBUMEN", tanggal_lahir=lahir,
                                 jenis_kelamin=jk, agama=agama, status_perkawinan=kawin, pekerjaan=kerja,
                                 hubungan_keluarga=hubungan, pendidikan=pendidikan, no_hp=hp)
                db.session.add(orang)
            if (k, a) in DICETAK:
                pin = (f"PIN {lahir:%Y%m%d} (tanggal lahir) / Nomor KK {no_kk}" if orang.pin_hash is None
                       else "PIN sudah diganti warga")
                laporan.append(f"warga: NIK {nik} / {pin}  {nama.title()}, {len(anggota)} orang dalam KK")
    db.session.flush()
    return laporan
