"""Livelihood and property: businesses, income, sales, vehicles."""
from desaonline.surat.katalog.dasar import PENDUDUK, JenisSurat, orang, t as _t


def _penghasilan_orang_tua(kode, nama, siapa, label):
    """Income of one parent, for a child's school (the subject is the child)."""
    return JenisSurat(
        kode, nama, "401",
        f"Penghasilan {label} untuk beasiswa atau keringanan biaya sekolah (pilih NIK anak).",
        isian=(
            orang(siapa, label.title(), hanya_hidup=True,
                  petunjuk=f"NIK {label} (anggota KK cukup NIK), atau data lengkap bila di luar desa"),
            _t(f"penghasilan_{siapa}", f"Penghasilan {label.title()} per Bulan", jenis="uang"),
            _t("nama_sekolah", "Nama Sekolah / Perguruan Tinggi", wajib=False),
        ),
        judul_subjek="Anak",
        isi=(PENDUDUK,
             f"Berdasarkan keterangan yang ada, {label} dari anak tersebut, {{{siapa}}}, mempunyai penghasilan "
             f"rata-rata {{penghasilan_{siapa}}} per bulan.",
             "Surat keterangan ini dibuat untuk keperluan pendidikan anak tersebut di {nama_sekolah}."),
    )


DAFTAR = (
    JenisSurat(
        "surat_ket_usaha", "Surat Keterangan Usaha", "510",
        "Menerangkan bahwa Anda mempunyai usaha (untuk bank, KUR, perizinan).",
        isian=(
            _t("nama_usaha", "Nama Usaha"),
            _t("jenis_usaha", "Jenis Usaha", petunjuk="Contoh: warung kelontong, budidaya ikan lele"),
            _t("alamat_usaha", "Alamat Usaha"),
            _t("mulai_usaha", "Usaha Berjalan Sejak Tahun", jenis="angka", wajib=False),
        ),
        isi=(PENDUDUK,
             "Berdasarkan pengamatan dan keterangan yang ada, yang bersangkutan benar-benar mempunyai "
             "usaha {jenis_usaha} dengan nama \"{nama_usaha}\" yang berlokasi di {alamat_usaha}, "
             "dan usaha tersebut masih berjalan sampai dengan sekarang."),
    ),
    JenisSurat(
        "surat_ket_domisili_usaha", "Surat Keterangan Domisili Usaha", "503",
        "Menerangkan tempat kedudukan usaha Anda.",
        isian=(
            _t("nama_usaha", "Nama Usaha / Perusahaan"),
            _t("jenis_usaha", "Bidang Usaha"),
            _t("alamat_usaha", "Alamat Usaha"),
            _t("status_tempat", "Status Tempat Usaha", jenis="pilihan",
               pilihan=("Milik sendiri", "Sewa", "Pinjam pakai")),
            _t("jumlah_pekerja", "Jumlah Pekerja", jenis="angka", wajib=False),
        ),
        isi=("Orang tersebut di atas benar-benar mempunyai usaha dengan nama \"{nama_usaha}\" di bidang "
             "{jenis_usaha} yang berkedudukan di {alamat_usaha}, wilayah {jenis_desa} {desa}.",
             "Surat keterangan ini bukan merupakan surat izin usaha dan berlaku selama usaha tersebut "
             "masih berkedudukan di alamat tersebut."),
    ),
    JenisSurat(
        "surat_ket_tidak_mampu", "Surat Keterangan Tidak Mampu (SKTM)", "401",
        "Untuk keringanan biaya sekolah, berobat, atau bantuan sosial.",
        judul="SURAT KETERANGAN TIDAK MAMPU",
        isian=(
            _t("penghasilan", "Penghasilan Keluarga per Bulan", jenis="uang", petunjuk="Dalam rupiah, contoh 1500000"),
            _t("jumlah_tanggungan", "Jumlah Tanggungan Keluarga", jenis="angka"),
        ),
        isi=(PENDUDUK,
             "Berdasarkan pengamatan kami dan keterangan yang bersangkutan, keluarga tersebut benar-benar "
             "termasuk keluarga yang tidak mampu secara ekonomi, dengan penghasilan {penghasilan} per bulan "
             "dan {jumlah_tanggungan} orang tanggungan."),
    ),
    JenisSurat(
        "surat_ket_penghasilan", "Surat Keterangan Penghasilan", "401",
        "Menerangkan penghasilan Anda per bulan.",
        isian=(_t("penghasilan", "Penghasilan per Bulan", jenis="uang"),),
        isi=(PENDUDUK,
             "Berdasarkan keterangan yang bersangkutan, penghasilan rata-rata yang bersangkutan sebagai "
             "{pekerjaan} adalah {penghasilan} per bulan."),
    ),
    JenisSurat(
        "surat_ket_penghasilan_ortu", "Surat Keterangan Penghasilan Orang Tua", "401",
        "Penghasilan orang tua untuk beasiswa atau keringanan biaya sekolah (pilih NIK anak).",
        isian=(
            _t("nama_ayah", "Nama Ayah"),
            _t("pekerjaan_ayah", "Pekerjaan Ayah"),
            _t("penghasilan_ayah", "Penghasilan Ayah per Bulan", jenis="uang"),
            _t("nama_ibu", "Nama Ibu"),
            _t("pekerjaan_ibu", "Pekerjaan Ibu"),
            _t("penghasilan_ibu", "Penghasilan Ibu per Bulan", jenis="uang"),
        ),
        isi=(PENDUDUK,
             "Berdasarkan keterangan yang ada, orang tua dari yang bersangkutan mempunyai penghasilan "
             "rata-rata per bulan sebagaimana tersebut di atas."),
    ),
    _penghasilan_orang_tua("surat_ket_penghasilan_ayah", "Surat Keterangan Penghasilan Ayah", "ayah", "ayah"),
    _penghasilan_orang_tua("surat_ket_penghasilan_ibu", "Surat Keterangan Penghasilan Ibu", "ibu", "ibu"),
    JenisSurat(
        "surat_ket_jual_beli", "Surat Keterangan Jual Beli", "181",
        "Keterangan transaksi jual beli barang antarwarga.",
        isian=(
            _t("barang", "Barang yang Dijual"),
            _t("rincian_barang", "Rincian Barang", jenis="teks_panjang", wajib=False,
               petunjuk="Ciri, ukuran, nomor, atau identitas barang"),
            _t("harga", "Harga", jenis="uang"),
            _t("nama_pembeli", "Nama Pembeli"),
            _t("nik_pembeli", "NIK Pembeli", jenis="nik", wajib=False),
            _t("alamat_pembeli", "Alamat Pembeli"),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan telah menjual {barang} kepada {nama_pembeli}, beralamat di {alamat_pembeli}, "
             "dengan harga {harga}. Jual beli tersebut dilakukan atas kesepakatan kedua belah pihak tanpa "
             "paksaan dari pihak mana pun."),
    ),
    JenisSurat(
        "surat_ket_kepemilikan_kendaraan", "Surat Keterangan Kepemilikan Kendaraan", "551",
        "Menerangkan kepemilikan sepeda motor atau mobil.",
        isian=(
            _t("jenis_kendaraan", "Jenis Kendaraan", jenis="pilihan",
               pilihan=("Sepeda motor", "Mobil penumpang", "Mobil barang", "Lainnya")),
            _t("merek", "Merek / Tipe"),
            _t("tahun_pembuatan", "Tahun Pembuatan", jenis="angka"),
            _t("warna", "Warna"),
            _t("nomor_polisi", "Nomor Polisi", wajib=False),
            _t("nomor_rangka", "Nomor Rangka"),
            _t("nomor_mesin", "Nomor Mesin"),
        ),
        isi=(PENDUDUK,
             "Sepanjang pengetahuan kami, kendaraan {jenis_kendaraan} {merek} tersebut di atas adalah "
             "benar-benar milik yang bersangkutan dan tidak dalam sengketa."),
    ),
)
