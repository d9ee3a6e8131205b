"""Reference lists of the population register (Dukcapil/SIAK), as written on a KK.

Each list is a ``Daftar``: its SIAK codes (the numbers OpenSID and SIAK use) with
the label desaonline stores, in the order SIAK lists them. Labels are what a KK
prints; a value read from a file or a form is matched against labels, codes and a
few common spellings the way OpenSID matches them: case and spaces do not count,
so "TIDAK / BELUM SEKOLAH", "Tidak/Belum Sekolah" and "1" are one value.
The codes come from OpenSID's reference tables (v2410; see
``desaonline/penduduk/opensid.py`` for its file layout).
"""
from dataclasses import dataclass, field


def kunci(teks):
    """How labels are compared: lower case, every space removed ("SLTA / SEDERAJAT" -> "slta/sederajat")."""
    return "".join(str(teks).lower().split())


@dataclass(frozen=True)
class Daftar:
    """One reference list: {code: label}, plus other spellings {kunci(spelling): code}."""
    nama: str
    label: dict
    alias: dict = field(default_factory=dict)

    def __post_init__(self):
        cari = {kunci(v): k for k, v in self.label.items()}
        cari.update({kunci(a): k for a, k in self.alias.items()})
        object.__setattr__(self, "_cari", cari)
        object.__setattr__(self, "_kode", {v: k for k, v in self.label.items()})
        object.__setattr__(self, "_ingat", {})   # what was written -> label: an import repeats few values

    @property
    def pilihan(self):
        """The labels, in SIAK's order (the choices of a form)."""
        return tuple(self.label.values())

    def kode_dari(self, teks):
        """The code for a label, another spelling or a code written as digits; None if unknown."""
        teks = str(teks).strip()
        if teks.isdigit():
            kode = int(teks)
            return kode if kode in self.label else None
        return self._cari.get(kunci(teks))

    def baku(self, teks):
        """The stored label for what was written, or None if the list does not know it."""
        try:
            return self._ingat[teks]
        except KeyError:
            pass
        kode = self.kode_dari(teks)
        label = None if kode is None else self.label[kode]
        if len(self._ingat) < 10_000:
            self._ingat[teks] = label
        return label

    def kode(self, label):
        """The code of a stored label (None for an empty or unknown one)."""
        return self._kode.get(label)


JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}
KELAMIN = Daftar("jenis kelamin", {1: "L", 2: "P"},
                 {"LAKI-LAKI": 1, "LAKI LAKI": 1, "LK": 1, "PEREMPUAN": 2, "PR": 2, "WANITA": 2, "PRIA": 1})

AGAMA = Daftar("agama", {
    1: "ISLAM", 2: "KRISTEN", 3: "KATHOLIK", 4: "HINDU", 5: "BUDHA", 6: "KHONGHUCU",
    7: "KEPERCAYAAN TERHADAP TUHAN YME",
}, {"KRISTEN PROTESTAN": 2, "PROTESTAN": 2, "KATOLIK": 3, "BUDDHA": 5, "KONGHUCU": 6, "KHONG HU CU": 6,
    "KEPERCAYAAN": 7, "Kepercayaan Terhadap Tuhan YME / Lainnya": 7, "LAINNYA": 7})

# The highest schooling finished, as on the KK.
PENDIDIKAN = Daftar("pendidikan", {
    1: "TIDAK/BELUM SEKOLAH", 2: "BELUM TAMAT SD/SEDERAJAT", 3: "TAMAT SD/SEDERAJAT", 4: "SLTP/SEDERAJAT",
    5: "SLTA/SEDERAJAT", 6: "DIPLOMA I/II", 7: "AKADEMI/DIPLOMA III/S. MUDA", 8: "DIPLOMA IV/STRATA I",
    9: "STRATA II", 10: "STRATA III",
}, {"TIDAK/BLM SEKOLAH": 1, "TIDAK SEKOLAH": 1, "TIDAK TAMAT SD/SEDERAJAT": 2, "SD": 3, "SMP": 4, "SLTP": 4,
    "SMA": 5, "SLTA": 5, "SMK": 5, "D1": 6, "D2": 6, "DIPLOMA III": 7, "D3": 7,
    "AKADEMI/DIPLOMA III/SARJANA MUDA": 7, "DIPLOMA IV": 8, "D4": 8, "S1": 8, "STRATA I": 8, "STRATA-II": 9,
    "S2": 9, "S3": 10})

# The schooling being followed now.
PENDIDIKAN_SEDANG = Daftar("pendidikan yang sedang ditempuh", {
    1: "BELUM MASUK TK/KELOMPOK BERMAIN", 2: "SEDANG TK/KELOMPOK BERMAIN", 3: "TIDAK PERNAH SEKOLAH",
    4: "SEDANG SD/SEDERAJAT", 5: "TIDAK TAMAT SD/SEDERAJAT", 6: "SEDANG SLTP/SEDERAJAT", 7: "SEDANG SLTA/SEDERAJAT",
    8: "SEDANG D-1/SEDERAJAT", 9: "SEDANG D-2/SEDERAJAT", 10: "SEDANG D-3/SEDERAJAT", 11: "SEDANG S-1/SEDERAJAT",
    12: "SEDANG S-2/SEDERAJAT", 13: "SEDANG S-3/SEDERAJAT", 14: "SEDANG SLB A/SEDERAJAT",
    15: "SEDANG SLB B/SEDERAJAT", 16: "SEDANG SLB C/SEDERAJAT",
    17: "TIDAK DAPAT MEMBACA DAN MENULIS HURUF LATIN/ARAB", 18: "TIDAK SEDANG SEKOLAH",
})

PEKERJAAN = Daftar("pekerjaan", dict(enumerate((
    "BELUM/TIDAK BEKERJA", "MENGURUS RUMAH TANGGA", "PELAJAR/MAHASISWA", "PENSIUNAN",
    "PEGAWAI NEGERI SIPIL (PNS)", "TENTARA NASIONAL INDONESIA (TNI)", "KEPOLISIAN RI (POLRI)", "PERDAGANGAN",
    "PETANI/PEKEBUN", "PETERNAK", "NELAYAN/PERIKANAN", "INDUSTRI", "KONSTRUKSI", "TRANSPORTASI",
    "KARYAWAN SWASTA", "KARYAWAN BUMN", "KARYAWAN BUMD", "KARYAWAN HONORER", "BURUH HARIAN LEPAS",
    "BURUH TANI/PERKEBUNAN", "BURUH NELAYAN/PERIKANAN", "BURUH PETERNAKAN", "PEMBANTU RUMAH TANGGA",
    "TUKANG CUKUR", "TUKANG LISTRIK", "TUKANG BATU", "TUKANG KAYU", "TUKANG SOL SEPATU", "TUKANG LAS/PANDAI BESI",
    "TUKANG JAHIT", "TUKANG GIGI", "PENATA RIAS", "PENATA BUSANA", "PENATA RAMBUT", "MEKANIK", "SENIMAN", "TABIB",
    "PARAJI", "PERANCANG BUSANA", "PENTERJEMAH", "IMAM MASJID", "PENDETA", "PASTOR", "WARTAWAN",
    "USTADZ/MUBALIGH", "JURU MASAK", "PROMOTOR ACARA", "ANGGOTA DPR-RI", "ANGGOTA DPD", "ANGGOTA BPK", "PRESIDEN",
    "WAKIL PRESIDEN", "ANGGOTA MAHKAMAH KONSTITUSI", "ANGGOTA KABINET KEMENTERIAN", "DUTA BESAR", "GUBERNUR",
    "WAKIL GUBERNUR", "BUPATI", "WAKIL BUPATI", "WALIKOTA", "WAKIL WALIKOTA", "ANGGOTA DPRD PROVINSI",
    "ANGGOTA DPRD KABUPATEN/KOTA", "DOSEN", "GURU", "PILOT", "PENGACARA", "NOTARIS", "ARSITEK", "AKUNTAN",
    "KONSULTAN", "DOKTER", "BIDAN", "PERAWAT", "APOTEKER", "PSIKIATER/PSIKOLOG", "PENYIAR TELEVISI",
    "PENYIAR RADIO", "PELAUT", "PENELITI", "SOPIR", "PIALANG", "PARANORMAL", "PEDAGANG", "PERANGKAT DESA",
    "KEPALA DESA", "BIARAWATI", "WIRASWASTA", "LAINNYA",
), start=1)), {"TIDAK/BELUM BEKERJA": 1, "BELUM BEKERJA": 1, "TIDAK BEKERJA": 1, "IRT": 2,
               "IBU RUMAH TANGGA": 2, "PELAJAR": 3, "MAHASISWA": 3, "PNS": 5, "TNI": 6, "POLRI": 7, "PETANI": 9,
               "PEKEBUN": 9, "NELAYAN": 11, "SWASTA": 15, "BURUH TANI": 20,
               "SUPIR": 81, "WIRAUSAHA": 88, "USTADZ": 45})

STATUS_PERKAWINAN = Daftar("status perkawinan", {1: "BELUM KAWIN", 2: "KAWIN", 3: "CERAI HIDUP", 4: "CERAI MATI"},
                           {"BK": 1, "K": 2, "CH": 3, "CM": 4, "KAWIN TERCATAT": 2, "KAWIN BELUM TERCATAT": 2,
                            "MENIKAH": 2, "BELUM MENIKAH": 1})

# SHDK (status hubungan dalam keluarga), in the order a KK lists its members.
HUBUNGAN = Daftar("hubungan keluarga", {
    1: "KEPALA KELUARGA", 2: "SUAMI", 3: "ISTRI", 4: "ANAK", 5: "MENANTU", 6: "CUCU", 7: "ORANG TUA", 8: "MERTUA",
    9: "FAMILI LAIN", 10: "PEMBANTU", 11: "LAINNYA",
}, {"KEPALA": 1, "KK": 1, "ISTERI": 3, "FAMILI": 9})
HUBUNGAN_KELUARGA = HUBUNGAN.pilihan

KEWARGANEGARAAN = Daftar("kewarganegaraan", {1: "WNI", 2: "WNA", 3: "DUA KEWARGANEGARAAN"})

GOLONGAN_DARAH = Daftar("golongan darah", {
    1: "A", 2: "B", 3: "AB", 4: "O", 5: "A+", 6: "A-", 7: "B+", 8: "B-", 9: "AB+", 10: "AB-", 11: "O+", 12: "O-",
    13: "TIDAK TAHU",
}, {"TDK TH": 13, "TIDAK DIKETAHUI": 13})

# Whether the resident is still one: only HIDUP residents log in and get letters; the
# others stay in the register (history, the KK) but inactive. There is no 5, 7 or 8.
HIDUP = "HIDUP"
STATUS_DASAR = Daftar("status dasar", {1: HIDUP, 2: "MATI", 3: "PINDAH", 4: "HILANG", 6: "PERGI", 9: "TIDAK VALID"},
                      {"PINDAH DALAM NEGERI": 3, "PINDAH LUAR NEGERI": 3, "MENINGGAL": 2, "MENINGGAL DUNIA": 2})

# Lists desaonline keeps for OpenSID's sake (``Penduduk.data_opensid``), not shown or used.
CACAT = Daftar("cacat", {1: "CACAT FISIK", 2: "CACAT NETRA/BUTA", 3: "CACAT RUNGU/WICARA", 4: "CACAT MENTAL/JIWA",
                         5: "CACAT FISIK DAN MENTAL", 6: "CACAT LAINNYA", 7: "TIDAK CACAT"})
CARA_KB = Daftar("cara KB", {1: "Pil", 2: "IUD", 3: "Suntik", 4: "Kondom", 5: "Susuk KB", 6: "Sterilisasi Wanita",
                             7: "Sterilisasi Pria", 99: "Lainnya", 100: "Tidak Menggunakan"})
# "YA"/"TIDAK": what OpenSID v2410.0's export with labels writes in this column.
HAMIL = Daftar("hamil", {1: "HAMIL", 2: "TIDAK HAMIL"}, {"YA": 1, "TIDAK": 2})
KTP_EL = Daftar("KTP-el", {1: "BELUM", 2: "KTP-EL", 3: "KIA"})
STATUS_REKAM = Daftar("status rekam KTP-el", {
    1: "BELUM WAJIB", 2: "BELUM REKAM", 3: "SUDAH REKAM", 4: "CARD PRINTED", 5: "PRINT READY RECORD",
    6: "CARD SHIPPED", 7: "SENT FOR CARD PRINTING", 8: "CARD ISSUED"})
ASURANSI = Daftar("asuransi", {1: "TIDAK/BELUM PUNYA", 2: "BPJS PENERIMA BANTUAN IURAN",
                               3: "BPJS NON PENERIMA BANTUAN IURAN", 4: "BPJS BANTUAN DAERAH", 99: "ASURANSI LAINNYA"})


def urutan_hubungan(hubungan):
    kode = HUBUNGAN.kode(hubungan)
    return kode if kode is not None else len(HUBUNGAN.label) + 1
