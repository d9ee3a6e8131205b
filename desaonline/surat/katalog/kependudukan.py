"""Population register letters (Tata Naskah Dinas 471): biodata, identity, KK, moving."""
from desaonline.surat.katalog.dasar import PENDUDUK, JenisSurat, t as _t

ALASAN_PINDAH = ("Pekerjaan", "Pendidikan", "Keamanan", "Kesehatan", "Perumahan", "Keluarga", "Lainnya")
KLASIFIKASI_PINDAH = ("Dalam satu desa/kelurahan", "Antar desa/kelurahan dalam satu kecamatan",
                      "Antar kecamatan dalam satu kabupaten/kota", "Antar kabupaten/kota dalam satu provinsi",
                      "Antar provinsi")
JENIS_KEPINDAHAN = ("Kepala keluarga", "Kepala keluarga dan seluruh anggota keluarga",
                    "Kepala keluarga dan sebagian anggota keluarga", "Anggota keluarga")
STATUS_KK_TINGGAL = ("Numpang KK", "Membuat KK baru", "Tidak ada anggota keluarga yang ditinggal",
                     "Nomor KK tetap")
STATUS_KK_PINDAH = ("Numpang KK", "Membuat KK baru", "Nama kepala keluarga dan nomor KK tetap")

_TUJUAN = "Daerah Tujuan"
_PINDAH = "Data Kepindahan"

DAFTAR = (
    JenisSurat(
        "surat_bio_penduduk", "Surat Biodata Penduduk", "471.11",
        "Biodata lengkap seperti tercatat di data kependudukan desa.",
        data_subjek="lengkap",
        pembuka=("Yang bertanda tangan di bawah ini, {kepala}, {wilayah_tanpa_desa}, menerangkan "
                 "biodata penduduk sebagaimana tercatat dalam buku induk penduduk sebagai berikut:",),
        isi=("Biodata tersebut di atas sesuai dengan data kependudukan {jenis_desa} {desa} pada saat "
             "surat ini diterbitkan.",),
        penutup=("Demikian biodata ini dibuat untuk dapat dipergunakan sebagaimana mestinya.",),
    ),
    JenisSurat(
        "surat_ket_ktp_proses", "Surat Keterangan KTP dalam Proses", "471.13",
        "Pengganti sementara selama KTP-el Anda sedang dicetak.",
        judul="SURAT KETERANGAN KTP DALAM PROSES",
        isian=(_t("tanggal_rekam", "Tanggal Perekaman KTP-el", jenis="tanggal", wajib=False),),
        isi=(PENDUDUK,
             "Yang bersangkutan telah melakukan perekaman KTP Elektronik dan KTP-el tersebut saat ini "
             "masih dalam proses pencetakan di Dinas Kependudukan dan Pencatatan Sipil {kabupaten_lengkap}. "
             "Surat keterangan ini berlaku sebagai pengganti KTP-el sementara, paling lama 6 (enam) bulan "
             "sejak tanggal diterbitkan."),
    ),
    JenisSurat(
        "surat_ket_beda_identitas", "Surat Keterangan Beda Identitas", "471.1",
        "Menerangkan bahwa data yang berbeda di dua dokumen adalah orang yang sama.",
        isian=(
            _t("dokumen_berbeda", "Dokumen yang Berbeda", petunjuk="Contoh: Ijazah SD, Buku Nikah"),
            _t("nomor_dokumen", "Nomor Dokumen", wajib=False),
            _t("identitas_tertulis", "Identitas yang Tertulis di Dokumen", jenis="teks_panjang",
               petunjuk="Contoh: Nama SUPRIYADI, lahir 12-05-1980"),
        ),
        isi=(PENDUDUK,
             "Identitas yang tertulis pada {dokumen_berbeda} yaitu {identitas_tertulis} dan identitas yang "
             "tertulis pada data kependudukan sebagaimana tersebut di atas adalah benar-benar satu orang "
             "yang sama."),
    ),
    JenisSurat(
        "surat_ket_beda_identitas_kis", "Surat Keterangan Beda Identitas KIS", "471.1",
        "Menerangkan bahwa data di Kartu Indonesia Sehat (KIS) yang berbeda adalah Anda.",
        judul="SURAT KETERANGAN BEDA IDENTITAS KARTU INDONESIA SEHAT",
        isian=(
            _t("nomor_kis", "Nomor Kartu Indonesia Sehat", bagian="Identitas pada KIS"),
            _t("nama_di_kis", "Nama pada KIS", bagian="Identitas pada KIS"),
            _t("tanggal_lahir_di_kis", "Tanggal Lahir pada KIS", jenis="tanggal", wajib=False,
               bagian="Identitas pada KIS"),
            _t("alamat_di_kis", "Alamat pada KIS", wajib=False, bagian="Identitas pada KIS"),
            _t("perbedaan", "Perbedaan", jenis="teks_panjang", bagian="Identitas pada KIS",
               petunjuk="Contoh: nama tertulis SUPARMI, di KTP SUPARMIYATI"),
        ),
        judul_subjek="Identitas pada Data Kependudukan",
        isi=(PENDUDUK,
             "Identitas yang tertulis pada Kartu Indonesia Sehat nomor {nomor_kis} atas nama {nama_di_kis} dan "
             "identitas pada data kependudukan sebagaimana tersebut di atas adalah benar-benar satu orang "
             "yang sama."),
    ),
    JenisSurat(
        "surat_ket_pindah", "Surat Keterangan Pindah", "471.21",
        "Pengantar pindah domisili ke desa atau daerah lain (data formulir F-1.08 Dukcapil).",
        judul="SURAT KETERANGAN PINDAH PENDUDUK",
        judul_subjek="Pemohon",
        isian=(
            _t("alamat_tujuan", "Alamat", bagian=_TUJUAN, petunjuk="Jalan/dusun dan nomor rumah"),
            _t("rt_tujuan", "RT", jenis="angka", bagian=_TUJUAN),
            _t("rw_tujuan", "RW", jenis="angka", bagian=_TUJUAN),
            _t("dusun_tujuan", "Dusun", wajib=False, bagian=_TUJUAN),
            _t("desa_tujuan", "Desa/Kelurahan", bagian=_TUJUAN),
            _t("kecamatan_tujuan", "Kecamatan", bagian=_TUJUAN),
            _t("kabupaten_tujuan", "Kabupaten/Kota", bagian=_TUJUAN),
            _t("provinsi_tujuan", "Provinsi", bagian=_TUJUAN),
            _t("kode_pos_tujuan", "Kode Pos", jenis="angka", bagian=_TUJUAN),
            _t("telepon_tujuan", "Telepon", wajib=False, bagian=_TUJUAN),
            _t("alasan_pindah", "Alasan Pindah", jenis="pilihan", pilihan=ALASAN_PINDAH, bagian=_PINDAH),
            _t("klasifikasi_pindah", "Klasifikasi Pindah", jenis="pilihan", pilihan=KLASIFIKASI_PINDAH,
               bagian=_PINDAH),
            _t("jenis_kepindahan", "Jenis Kepindahan", jenis="pilihan", pilihan=JENIS_KEPINDAHAN, bagian=_PINDAH),
            _t("status_kk_tidak_pindah", "Status KK bagi yang Tidak Pindah", jenis="pilihan",
               pilihan=STATUS_KK_TINGGAL, bagian=_PINDAH),
            _t("status_kk_pindah", "Status KK bagi yang Pindah", jenis="pilihan", pilihan=STATUS_KK_PINDAH,
               bagian=_PINDAH),
            _t("tanggal_pindah", "Rencana Tanggal Pindah", jenis="tanggal", bagian=_PINDAH),
            _t("anggota_pindah", "Keluarga yang Pindah", jenis="anggota_kk", bagian=_PINDAH,
               petunjuk="Centang anggota KK yang ikut pindah (termasuk pemohon bila ikut)"),
        ),
        isi=("Orang tersebut di atas adalah penduduk {jenis_desa} {desa} yang bermaksud pindah ke "
             "{alamat_tujuan} RT {rt_tujuan} RW {rw_tujuan}, Desa/Kelurahan {desa_tujuan}, Kecamatan "
             "{kecamatan_tujuan}, {kabupaten_tujuan}, Provinsi {provinsi_tujuan}, Kode Pos {kode_pos_tujuan}, "
             "pada tanggal {tanggal_pindah} dengan alasan {alasan_pindah_kecil}, bersama {anggota_pindah} "
             "anggota keluarga sebagaimana tersebut di atas.",
             "Surat ini merupakan pengantar untuk mengurus Surat Keterangan Pindah Warga Negara Indonesia "
             "(SKPWNI) pada Dinas Kependudukan dan Pencatatan Sipil."),
    ),
    JenisSurat(
        "surat_permohonan_kk", "Surat Permohonan Kartu Keluarga", "471.14",
        "Pengantar membuat Kartu Keluarga baru atau mengganti KK yang hilang/rusak.",
        judul="SURAT PENGANTAR PERMOHONAN KARTU KELUARGA",
        isian=(
            _t("alasan_permohonan", "Alasan Permohonan", jenis="pilihan",
               pilihan=("Membentuk rumah tangga baru", "Kartu Keluarga hilang atau rusak", "Lainnya")),
            _t("no_kk_semula", "Nomor KK Semula", jenis="nik", wajib=False,
               petunjuk="16 angka, bila pernah tercantum di KK lain"),
            _t("anggota_kk_baru", "Anggota yang Dimasukkan ke KK", jenis="anggota_kk", wajib=False,
               petunjuk="Centang anggota KK sekarang yang ikut ke KK baru"),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan mengajukan permohonan penerbitan Kartu Keluarga dengan alasan "
             "{alasan_permohonan_kecil}. Surat ini merupakan pengantar untuk mengurusnya pada Dinas "
             "Kependudukan dan Pencatatan Sipil {kabupaten_lengkap}."),
    ),
    JenisSurat(
        "surat_permohonan_perubahan_kk", "Surat Permohonan Perubahan Kartu Keluarga", "471.14",
        "Pengantar mengubah isi Kartu Keluarga (tambah/kurang anggota, perubahan data).",
        judul="SURAT PENGANTAR PERUBAHAN KARTU KELUARGA",
        isian=(
            _t("alasan_perubahan", "Alasan Perubahan", jenis="pilihan",
               pilihan=("Penambahan anggota keluarga (kelahiran, kedatangan)",
                        "Pengurangan anggota keluarga (kematian, kepindahan)",
                        "Perubahan data anggota keluarga", "Lainnya")),
            _t("rincian_perubahan", "Rincian Perubahan", jenis="teks_panjang",
               petunjuk="Siapa dan apa yang berubah, contoh: menambah anak kedua, ANDI, lahir 2 Mei 2026"),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan mengajukan perubahan Kartu Keluarga karena {alasan_perubahan_kecil}, dengan "
             "rincian: {rincian_perubahan}.",
             "Surat ini merupakan pengantar untuk mengurusnya pada Dinas Kependudukan dan Pencatatan Sipil "
             "{kabupaten_lengkap}."),
    ),
)
