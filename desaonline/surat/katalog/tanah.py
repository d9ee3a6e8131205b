"""Land and inheritance (agraria 593/594, perdata 181)."""
from desaonline.surat.katalog.dasar import PENDUDUK, JenisSurat, orang, saksi, t as _t

_LETAK = "Letak Tanah"
_BATAS = "Batas-batas"
_ASAL = "Asal Perolehan"
_PEWARIS = "Yang Meninggal Dunia (Pewaris)"

DAFTAR = (
    JenisSurat(
        "surat_ket_kepemilikan_tanah", "Surat Keterangan Kepemilikan Tanah", "593",
        "Menerangkan riwayat dan kepemilikan sebidang tanah.",
        isian=(
            _t("letak_tanah", "Letak Tanah", petunjuk="Dusun, RT/RW"),
            _t("luas_tanah", "Luas Tanah (m²)", jenis="angka"),
            _t("nomor_persil", "Nomor C Desa / Persil", wajib=False),
            _t("asal_tanah", "Asal Usul Tanah", jenis="pilihan",
               pilihan=("Warisan", "Jual beli", "Hibah", "Tanah negara")),
            _t("batas_utara", "Batas Utara"),
            _t("batas_timur", "Batas Timur"),
            _t("batas_selatan", "Batas Selatan"),
            _t("batas_barat", "Batas Barat"),
        ),
        isi=(PENDUDUK,
             "Berdasarkan buku tanah desa dan keterangan saksi, sebidang tanah seluas {luas_tanah} m² yang "
             "terletak di {letak_tanah} tersebut di atas benar-benar dikuasai oleh yang bersangkutan, "
             "berasal dari {asal_tanah}, dan sampai saat ini tidak dalam sengketa.",
             "Surat keterangan ini bukan merupakan bukti hak atas tanah."),
    ),
    JenisSurat(
        "surat_pernyataan_sporadik", "Surat Pernyataan Penguasaan Fisik Bidang Tanah (Sporadik)", "594",
        "Pernyataan menguasai sebidang tanah untuk pendaftaran tanah pertama kali di BPN.",
        judul="SURAT PERNYATAAN PENGUASAAN FISIK BIDANG TANAH (SPORADIK)", judul_subjek="Yang Menyatakan",
        pihak_ketiga=True,
        pembuka=("Yang bertanda tangan di bawah ini, {kepala}, {wilayah_tanpa_desa}, menerangkan bahwa "
                 "orang tersebut di bawah ini menyatakan dengan sebenarnya menguasai sebidang tanah:",),
        isian=(
            _t("letak_jalan", "Jalan / Blok", bagian=_LETAK),
            _t("rt_rw_tanah", "RT / RW", bagian=_LETAK, petunjuk="Contoh: 001/002"),
            _t("nib", "NIB / Nomor Persil", wajib=False, bagian=_LETAK),
            _t("luas_tanah", "Luas", jenis="angka", satuan="m²", bagian=_LETAK),
            _t("status_tanah", "Status Tanah", bagian=_LETAK, petunjuk="Contoh: tanah milik adat, Letter C nomor 123"),
            _t("penggunaan_tanah", "Dipergunakan untuk", bagian=_LETAK, petunjuk="Contoh: sawah, pekarangan"),
            _t("batas_utara", "Sebelah Utara", bagian=_BATAS),
            _t("batas_timur", "Sebelah Timur", bagian=_BATAS),
            _t("batas_selatan", "Sebelah Selatan", bagian=_BATAS),
            _t("batas_barat", "Sebelah Barat", bagian=_BATAS),
            _t("diperoleh_dari", "Diperoleh dari", bagian=_ASAL),
            _t("cara_perolehan", "Dengan Jalan", jenis="pilihan",
               pilihan=("Warisan", "Jual beli", "Hibah", "Tukar menukar", "Lainnya"), bagian=_ASAL),
            _t("sejak_tahun", "Sejak Tahun", jenis="angka", bagian=_ASAL),
            *saksi(),
        ),
        orang_berbeda=(("nik", "saksi_1", "saksi_2"),),
        isi=("Tanah tersebut dikuasai secara fisik oleh yang bersangkutan sejak tahun {sejak_tahun} secara terus "
             "menerus, dengan itikad baik, tidak dijadikan jaminan utang, dan tidak dalam sengketa, "
             "disaksikan oleh {saksi_1} dan {saksi_2}.",
             "Surat pernyataan ini dibuat untuk keperluan pendaftaran tanah pada Kantor Pertanahan "
             "{kabupaten_lengkap}."),
    ),
    JenisSurat(
        "surat_ket_ahli_waris", "Surat Keterangan Ahli Waris", "181",
        "Menerangkan para ahli waris dari anggota keluarga yang meninggal (untuk bank, BPN, pensiun).",
        judul="SURAT KETERANGAN AHLI WARIS", judul_subjek="Pemohon", pihak_ketiga=True,
        isian=(
            orang("pewaris", "Pewaris", bagian=_PEWARIS, hanya_hidup=False),
            _t("tanggal_meninggal_pewaris", "Hari dan Tanggal Meninggal", jenis="tanggal", hari=True, bagian=_PEWARIS),
            _t("tempat_meninggal_pewaris", "Tempat Meninggal", bagian=_PEWARIS),
            _t("ahli_waris", "Ahli Waris", jenis="teks_panjang", bagian="Ahli Waris",
               petunjuk="Satu baris per ahli waris: nama, NIK, hubungan dengan pewaris"),
            *saksi(),
        ),
        orang_berbeda=(("nik", "pewaris"), ("pewaris", "saksi_1", "saksi_2")),
        isi=("Berdasarkan keterangan keluarga dan para saksi, {pewaris} telah meninggal dunia pada hari "
             "{tanggal_meninggal_pewaris} di {tempat_meninggal_pewaris}, dan meninggalkan ahli waris sebagaimana "
             "tersebut di atas. Sepanjang pengetahuan kami tidak ada ahli waris lain selain yang tersebut.",
             "Keterangan ini disaksikan oleh {saksi_1} dan {saksi_2}; segala akibat dari keterangan yang tidak "
             "benar menjadi tanggung jawab para ahli waris."),
    ),
)
