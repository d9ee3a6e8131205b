"""Civil registration (Tata Naskah Dinas 472.1): births and deaths, with the data
Dukcapil's reporting form F-2.01 asks for, and birth certificates."""
from desaonline.surat.isian import HIDUP
from desaonline.surat.katalog.dasar import JENIS_KELAMIN, PENDUDUK, JenisSurat, orang, saksi, t as _t

MATI = "MATI"
TEMPAT_DILAHIRKAN = ("Rumah sakit / rumah bersalin", "Puskesmas", "Polindes", "Rumah", "Lainnya")
JENIS_KELAHIRAN = ("Tunggal", "Kembar 2", "Kembar 3", "Kembar 4", "Lainnya")
PENOLONG = ("Dokter", "Bidan / perawat", "Dukun", "Lainnya")
SEBAB_KEMATIAN = ("Sakit biasa / tua", "Wabah penyakit", "Kecelakaan", "Kriminalitas", "Bunuh diri", "Lainnya")
YANG_MENERANGKAN = ("Dokter", "Tenaga kesehatan", "Kepolisian", "Lainnya")
_DASAR_AKTA = ("Surat keterangan ini dibuat sebagai dasar pencatatan {peristiwa} dan penerbitan {akta} pada Dinas "
               "Kependudukan dan Pencatatan Sipil {{kabupaten_lengkap}}.")


def _pelapor(hubungan_dengan):
    return (orang("pelapor", "Pelapor", bagian="Data Pelapor"),
            _t("hubungan_pelapor", f"Hubungan Pelapor dengan {hubungan_dengan}", bagian="Data Pelapor",
               petunjuk="Contoh: ayah, ibu, kakek, paman, tetangga"))


def _bayi(bagian):
    return (
        _t("tempat_dilahirkan", "Tempat Dilahirkan", jenis="pilihan", pilihan=TEMPAT_DILAHIRKAN, bagian=bagian),
        _t("tempat_lahir_anak", "Tempat Kelahiran", bagian=bagian,
           petunjuk="Nama fasilitas dan kota, contoh: RSUD dr. Soedirman Kebumen"),
        _t("jenis_kelahiran", "Jenis Kelahiran", jenis="pilihan", pilihan=JENIS_KELAHIRAN, bagian=bagian),
        _t("anak_ke", "Kelahiran ke-", jenis="angka", bagian=bagian),
        _t("penolong_kelahiran", "Penolong Kelahiran", jenis="pilihan", pilihan=PENOLONG, bagian=bagian),
    )


_BAYI = "Data Bayi"
_LAHIR_MATI = "Data Lahir Mati"
_KEMATIAN = "Data Kematian"
_ANAK = "Data Anak"

DAFTAR = (
    JenisSurat(
        "surat_ket_kelahiran", "Surat Keterangan Kelahiran", "472.11",
        "Keterangan lahir untuk akta kelahiran: data bayi, ibu, ayah, pelapor dan dua saksi (F-2.01).",
        data_subjek="tanpa", pihak_ketiga=True,
        pembuka=("Yang bertanda tangan di bawah ini, {kepala}, {wilayah_tanpa_desa}, "
                 "menerangkan bahwa telah lahir seorang anak:",),
        isian=(
            _t("nama_anak", "Nama Bayi", bagian=_BAYI),
            _t("jenis_kelamin_anak", "Jenis Kelamin", jenis="pilihan", pilihan=JENIS_KELAMIN, bagian=_BAYI),
            _t("tanggal_lahir_anak", "Hari dan Tanggal Lahir", jenis="tanggal", hari=True, bagian=_BAYI),
            _t("jam_lahir", "Pukul", jenis="jam", bagian=_BAYI),
            *_bayi(_BAYI),
            _t("berat_bayi", "Berat Bayi", jenis="desimal", satuan="kg", wajib=False, bagian=_BAYI),
            _t("panjang_bayi", "Panjang Bayi", jenis="desimal", satuan="cm", wajib=False, bagian=_BAYI),
            orang("ibu", "Ibu", bagian="Data Ibu", hanya_hidup=False),
            orang("ayah", "Ayah", bagian="Data Ayah", hanya_hidup=False, wajib=False),
            *_pelapor("Bayi"),
            *saksi(),
        ),
        orang_berbeda=(("ibu", "ayah"), ("pelapor", "saksi_1", "saksi_2")),
        isi=("Bayi tersebut lahir dari seorang ibu bernama {ibu}. Kelahiran ini dilaporkan oleh {pelapor} "
             "({hubungan_pelapor} bayi) dengan disaksikan oleh {saksi_1} dan {saksi_2}.",
             _DASAR_AKTA.format(peristiwa="kelahiran", akta="Akta Kelahiran")),
    ),
    JenisSurat(
        "surat_ket_lahir_mati", "Surat Keterangan Lahir Mati", "472.1",
        "Keterangan bayi lahir mati untuk dilaporkan ke Dukcapil (pilih NIK ibu).",
        judul_subjek="Data Ibu", pihak_ketiga=True,
        pembuka=("Yang bertanda tangan di bawah ini, {kepala}, {wilayah_tanpa_desa}, menerangkan bahwa "
                 "telah terjadi kelahiran dalam keadaan mati (lahir mati) dari:",),
        isian=(
            _t("lama_kandungan", "Lama dalam Kandungan", jenis="angka", satuan="bulan", bagian=_LAHIR_MATI),
            _t("jenis_kelamin_bayi", "Jenis Kelamin", jenis="pilihan", pilihan=JENIS_KELAMIN, bagian=_LAHIR_MATI),
            _t("tanggal_lahir_mati", "Hari dan Tanggal Lahir Mati", jenis="tanggal", hari=True, bagian=_LAHIR_MATI),
            _t("jam_lahir_mati", "Pukul", jenis="jam", wajib=False, bagian=_LAHIR_MATI),
            *_bayi(_LAHIR_MATI),
            _t("sebab_lahir_mati", "Sebab Lahir Mati", wajib=False, bagian=_LAHIR_MATI),
            _t("yang_menentukan", "Yang Menentukan", jenis="pilihan", pilihan=YANG_MENERANGKAN, bagian=_LAHIR_MATI),
            orang("ayah", "Ayah", bagian="Data Ayah", hanya_hidup=False, wajib=False),
            *_pelapor("Bayi"),
            *saksi(),
        ),
        orang_berbeda=(("nik", "ayah"), ("pelapor", "saksi_1", "saksi_2")),
        isi=("Kelahiran tersebut dilaporkan oleh {pelapor} ({hubungan_pelapor} bayi) dengan disaksikan oleh "
             "{saksi_1} dan {saksi_2}.",
             _DASAR_AKTA.format(peristiwa="lahir mati", akta="surat keterangan lahir mati")),
    ),
    JenisSurat(
        "surat_ket_kematian", "Surat Keterangan Kematian", "472.12",
        "Keterangan meninggal dunia untuk akta kematian: pilih NIK almarhum/almarhumah, lalu pelapor "
        "dan dua saksi (F-2.01).",
        judul_subjek="Yang Meninggal Dunia", status_subjek=(HIDUP, MATI), pihak_ketiga=True,
        isian=(
            _t("tanggal_meninggal", "Hari dan Tanggal Kematian", jenis="tanggal", hari=True, bagian=_KEMATIAN),
            _t("jam_meninggal", "Pukul", jenis="jam", bagian=_KEMATIAN),
            _t("tempat_meninggal", "Tempat Kematian", bagian=_KEMATIAN,
               petunjuk="Contoh: rumah duka, Dusun Krajan RT 001/RW 002; RSUD dr. Soedirman Kebumen"),
            _t("sebab_meninggal", "Sebab Kematian", jenis="pilihan", pilihan=SEBAB_KEMATIAN, bagian=_KEMATIAN),
            _t("yang_menerangkan", "Yang Menerangkan", jenis="pilihan", pilihan=YANG_MENERANGKAN, wajib=False,
               bagian=_KEMATIAN),
            *_pelapor("yang Meninggal"),
            *saksi(),
        ),
        orang_berbeda=(("nik", "pelapor", "saksi_1", "saksi_2"),),
        isi=("Orang tersebut di atas telah meninggal dunia pada hari {tanggal_meninggal} pukul {jam_meninggal} "
             "di {tempat_meninggal} disebabkan karena {sebab_meninggal_kecil}. Kematian ini dilaporkan oleh "
             "{pelapor} ({hubungan_pelapor} almarhum/almarhumah) dengan disaksikan oleh {saksi_1} dan {saksi_2}.",
             _DASAR_AKTA.format(peristiwa="kematian", akta="Akta Kematian")),
    ),
    JenisSurat(
        "surat_permohonan_akta_lahir", "Surat Permohonan Akta Kelahiran", "472.11",
        "Pengantar permohonan akta kelahiran bagi anak Anda.",
        judul="SURAT PENGANTAR PERMOHONAN AKTA KELAHIRAN", judul_subjek="Pemohon",
        isian=(
            _t("nama_anak", "Nama Anak", bagian=_ANAK),
            _t("jenis_kelamin_anak", "Jenis Kelamin", jenis="pilihan", pilihan=JENIS_KELAMIN, bagian=_ANAK),
            _t("tempat_lahir_anak", "Tempat Lahir", bagian=_ANAK),
            _t("tanggal_lahir_anak", "Hari dan Tanggal Lahir", jenis="tanggal", hari=True, bagian=_ANAK),
            _t("anak_ke", "Anak ke-", jenis="angka", wajib=False, bagian=_ANAK),
            _t("nama_ayah", "Nama Ayah", bagian=_ANAK),
            _t("nama_ibu", "Nama Ibu", bagian=_ANAK),
        ),
        isi=("Yang bersangkutan mengajukan permohonan penerbitan Akta Kelahiran bagi anak bernama {nama_anak}, "
             "lahir di {tempat_lahir_anak} pada {tanggal_lahir_anak}, anak dari {nama_ayah} dan {nama_ibu}.",
             "Surat ini merupakan pengantar untuk mengurusnya pada Dinas Kependudukan dan Pencatatan Sipil "
             "{kabupaten_lengkap}."),
    ),
    JenisSurat(
        "surat_ket_belum_memiliki_akta_lahir", "Surat Keterangan Belum Memiliki Akta Kelahiran", "472.11",
        "Menerangkan bahwa Anda (atau anggota KK) belum mempunyai akta kelahiran.",
        judul="SURAT KETERANGAN BELUM MEMILIKI AKTA KELAHIRAN",
        isian=(_t("alasan_belum", "Alasan Belum Memiliki", wajib=False,
                  petunjuk="Contoh: lahir di rumah dan belum pernah dicatatkan"),),
        isi=(PENDUDUK,
             "Berdasarkan keterangan yang bersangkutan dan data yang ada pada kami, sampai dengan tanggal surat "
             "ini dibuat yang bersangkutan belum memiliki Akta Kelahiran."),
    ),
    JenisSurat(
        "surat_permohonan_duplikat_kelahiran", "Surat Permohonan Duplikat Akta Kelahiran", "472.11",
        "Pengantar permohonan kutipan kedua akta kelahiran yang hilang atau rusak.",
        judul="SURAT PENGANTAR PERMOHONAN DUPLIKAT AKTA KELAHIRAN",
        isian=(
            _t("nomor_akta", "Nomor Akta Kelahiran", wajib=False),
            _t("alasan_duplikat", "Alasan", jenis="pilihan", pilihan=("Hilang", "Rusak")),
            orang("pelapor", "Pelapor", wajib=False, bagian="Data Pelapor",
                  petunjuk="Bila yang mengurus orang lain, contoh orang tua; kosongkan bila diri sendiri"),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan mengajukan permohonan penerbitan kutipan kedua (duplikat) Akta Kelahiran "
             "nomor {nomor_akta} karena kutipan pertamanya {alasan_duplikat_kecil}.",
             "Surat ini merupakan pengantar untuk mengurusnya pada Dinas Kependudukan dan Pencatatan Sipil "
             "{kabupaten_lengkap}."),
    ),
)
