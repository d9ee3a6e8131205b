"""The documents (syarat) a letter type needs, chosen by each desa.

The documents come from one list (``DOKUMEN``), so a resident's attachment can say
which requirement it answers and the operator sees what is still missing. A desa
that never chose keeps the default of each type (``bawaan``): the three every
request at a desa office asks for (pengantar RT/RW, KTP, KK) plus what the type
itself calls for. Types the catalogue adds later get their defaults from their
code's words (kelahiran, kematian, nikah...), so no default is forgotten.
"""
from dataclasses import dataclass

from sqlalchemy import select

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.surat import kabupaten, katalog
from desaonline.surat.models import JenisSuratDesa


@dataclass(frozen=True)
class Dokumen:
    kode: str
    nama: str

    def as_dict(self):
        return {"kode": self.kode, "nama": self.nama}


DOKUMEN = tuple(Dokumen(k, n) for k, n in (
    ("pengantar_rt", "Surat Pengantar RT/RW"),
    ("ktp", "KTP-el"),
    ("kk", "Kartu Keluarga (KK)"),
    ("akta_lahir", "Akta Kelahiran"),
    ("buku_nikah", "Buku Nikah / Akta Perkawinan"),
    ("akta_cerai", "Akta Cerai"),
    ("ket_lahir", "Surat Keterangan Lahir dari bidan / rumah sakit"),
    ("ket_kematian", "Surat Keterangan Kematian dari rumah sakit / dokter"),
    ("ktp_saksi", "KTP saksi"),
    ("ktp_pelapor", "KTP pelapor"),
    ("ktp_orang_tua", "KTP orang tua"),
    ("pas_foto", "Pas foto"),
    ("foto_usaha", "Foto tempat usaha"),
    ("bukti_tanah", "Bukti kepemilikan tanah (sertifikat / Letter C / SPPT PBB)"),
    ("bukti_kendaraan", "BPKB / STNK kendaraan"),
    ("lunas_pbb", "Bukti lunas PBB tahun berjalan"),
    ("laporan_polisi", "Surat tanda lapor kehilangan dari kepolisian"),
    ("surat_pernyataan", "Surat pernyataan bermeterai"),
    ("slip_gaji", "Slip gaji / keterangan penghasilan"),
    ("kartu_bpjs", "Kartu BPJS / KIS"),
))
DOKUMEN_PER_KODE = {d.kode: d for d in DOKUMEN}

UMUM = ("pengantar_rt", "ktp", "kk")
# Per type (by the catalogue's code), what it asks for besides UMUM.
_TAMBAHAN = {
    "surat_bio_penduduk": (),
    "surat_ket_usaha": ("foto_usaha",),
    "surat_ket_domisili_usaha": ("foto_usaha", "lunas_pbb"),
    "surat_ket_tidak_mampu": ("surat_pernyataan",),
    "surat_pengantar_skck": ("pas_foto", "akta_lahir"),
    "surat_ket_ktp_proses": ("pas_foto",),
    "surat_ket_kehilangan": ("laporan_polisi",),
    "surat_ket_kelahiran": ("ket_lahir", "buku_nikah", "ktp_orang_tua", "ktp_saksi"),
    "surat_ket_kematian": ("ket_kematian", "ktp_pelapor", "ktp_saksi"),
    "surat_ket_pindah": ("pas_foto",),
    "surat_ket_jual_beli": ("bukti_tanah", "ktp_saksi"),
    "surat_ket_beda_identitas": ("akta_lahir", "surat_pernyataan"),
    "surat_ket_penghasilan_ortu": ("ktp_orang_tua", "slip_gaji"),
    "surat_ket_pergi_kawin": ("akta_lahir", "pas_foto"),
    "surat_ket_kepemilikan_kendaraan": ("bukti_kendaraan",),
    "surat_ket_kepemilikan_tanah": ("bukti_tanah", "lunas_pbb", "ktp_saksi"),
    "surat_ket_wali_hakim": ("akta_lahir", "ktp_orang_tua"),
    "surat_ket_belum_menikah": ("akta_lahir", "surat_pernyataan"),
    "surat_ket_janda_duda": ("akta_cerai",),
    "surat_ket_penghasilan": ("slip_gaji",),
}
# Words in a type's code and what they ask for (for types without an entry above).
_KATA = (
    (("lahir_mati",), ("ket_kematian", "ktp_pelapor", "ktp_saksi")),
    (("kelahiran", "akta_lahir", "lahir"), ("ket_lahir", "buku_nikah", "ktp_orang_tua")),
    (("kematian", "mati"), ("ket_kematian", "ktp_pelapor", "ktp_saksi")),
    (("cerai", "rujuk"), ("buku_nikah", "akta_cerai")),
    (("nikah", "kawin"), ("akta_lahir", "pas_foto", "ktp_orang_tua")),
    (("tanah", "sporadik", "waris"), ("bukti_tanah", "ktp_saksi")),
    (("usaha",), ("foto_usaha",)),
    (("penghasilan", "tidak_mampu", "jamkesos", "kis"), ("surat_pernyataan", "kartu_bpjs")),
    (("izin", "kuasa"), ("surat_pernyataan",)),
)
PALING_BANYAK = 12


def bawaan(kode_jenis):
    """The documents a type asks for until the desa chooses: [kode]."""
    tambahan = _TAMBAHAN.get(kode_jenis)
    if tambahan is None:
        tambahan = next((lain for kata, lain in _KATA if any(k in kode_jenis for k in kata)), ())
    return list(dict.fromkeys(UMUM + tuple(tambahan)))


def _dokumen(daftar_kode):
    return [DOKUMEN_PER_KODE[k] for k in daftar_kode if k in DOKUMEN_PER_KODE]


def per_jenis():
    """{kode jenis: [Dokumen]} for every type this desa may serve (the catalogue's and the
    kabupaten's), this desa's choice or the default."""
    pilihan = dict(db.session.execute(select(JenisSuratDesa.kode, JenisSuratDesa.syarat)).all())
    return {j.kode: _dokumen(pilihan[j.kode] if pilihan.get(j.kode) is not None else bawaan(j.kode))
            for j in (*katalog.DAFTAR, *kabupaten.untuk_desa())}


def untuk(kode_jenis):
    """[Dokumen] the desa asks for with one type."""
    pilihan = db.session.scalar(select(JenisSuratDesa.syarat).where(JenisSuratDesa.kode == kode_jenis))
    return _dokumen(pilihan if pilihan is not None else bawaan(kode_jenis))


def simpan(kode_jenis, daftar_kode):
    """The desa's documents for one type (an empty list: the type asks for none)."""
    if katalog.jenis(kode_jenis) is None:
        raise Penolakan(404, "jenis_tidak_dikenal", f"Jenis surat '{kode_jenis}' tidak dikenal.")
    if not isinstance(daftar_kode, (list, tuple)) or not all(isinstance(k, str) for k in daftar_kode):
        pesan = "Syarat berupa daftar kode dokumen, contoh [\"kk\", \"ktp\"]."
        raise Penolakan(422, "syarat_tidak_valid", pesan, {"syarat": pesan})
    asing = [k for k in daftar_kode if k not in DOKUMEN_PER_KODE]
    if asing:
        pesan = "Dokumen tidak dikenal: " + ", ".join(asing[:5]) + "."
        raise Penolakan(422, "syarat_tidak_valid", pesan, {"syarat": pesan})
    daftar_kode = list(dict.fromkeys(daftar_kode))
    if len(daftar_kode) > PALING_BANYAK:
        pesan = f"Paling banyak {PALING_BANYAK} dokumen untuk satu jenis surat."
        raise Penolakan(422, "syarat_tidak_valid", pesan, {"syarat": pesan})
    baris = db.session.scalar(select(JenisSuratDesa).where(JenisSuratDesa.kode == kode_jenis))
    if baris is None:
        baris = JenisSuratDesa(kode=kode_jenis, aktif=True)
        db.session.add(baris)
    # Kept in the order of DOKUMEN, the order the pages list them in.
    baris.syarat = [d.kode for d in DOKUMEN if d.kode in daftar_kode]
    db.session.commit()
    return _dokumen(baris.syarat)
