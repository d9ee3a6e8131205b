"""Marriage and divorce (Tata Naskah Dinas 472.2-472.6): letters the KUA, the civil
registry and the courts ask the desa for."""
from desaonline.surat.katalog.dasar import (AGAMA, PENDUDUK, PENGANTAR, JenisSurat, orang,
                                            t as _t)

STATUS_KAWIN = ("Jejaka", "Perawan", "Duda", "Janda", "Beristri")
_CALON = "Calon Pengantin"
_PASANGAN = "Calon Pasangan"
_RENCANA = "Rencana Pernikahan"


def _orang_tua(bagian_ayah, bagian_ibu):
    return (orang("ayah", "Ayah Kandung", bagian=bagian_ayah, hanya_hidup=False),
            orang("ibu", "Ibu Kandung", bagian=bagian_ibu, hanya_hidup=False))


def _pasangan():
    return (orang("calon_pasangan", "Calon Pasangan", bagian=_PASANGAN),
            _t("status_perkawinan_pasangan", "Status Perkawinan Calon Pasangan", jenis="pilihan",
               pilihan=STATUS_KAWIN, bagian=_PASANGAN))


DAFTAR = (
    JenisSurat(
        "surat_ket_pergi_kawin", "Surat Keterangan Pergi Kawin", "472.2",
        "Untuk menikah di luar desa atau kecamatan.",
        isian=(
            _t("nama_pasangan", "Nama Calon Pasangan"),
            _t("alamat_pasangan", "Alamat Calon Pasangan"),
            _t("tempat_nikah", "Tempat Pernikahan", petunjuk="KUA/kantor catatan sipil dan kecamatannya"),
            _t("tanggal_nikah", "Rencana Tanggal Pernikahan", jenis="tanggal"),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan bermaksud melangsungkan pernikahan dengan {nama_pasangan}, beralamat di "
             "{alamat_pasangan}, yang akan dilaksanakan pada tanggal {tanggal_nikah} di {tempat_nikah}."),
    ),
    JenisSurat(
        "surat_ket_nikah", "Surat Keterangan untuk Nikah (N1-N4)", "472.3",
        "Pengantar nikah ke KUA: data calon pengantin, orang tua, calon pasangan dan rencana "
        "pernikahan (model N1-N4).",
        judul="SURAT PENGANTAR PERKAWINAN", judul_subjek=_CALON, pihak_ketiga=True,
        isian=(
            _t("bin_binti", "Bin / Binti", bagian=_CALON, petunjuk="Contoh: bin SUPARDI"),
            _t("status_perkawinan_calon", "Status Perkawinan", jenis="pilihan", pilihan=STATUS_KAWIN,
               bagian=_CALON),
            _t("istri_ke", "Istri ke- (bila beristri)", jenis="angka", wajib=False, bagian=_CALON),
            _t("pasangan_terdahulu", "Nama Suami/Istri Terdahulu", wajib=False, bagian=_CALON,
               petunjuk="Bagi duda/janda"),
            *_orang_tua("Ayah Calon Pengantin", "Ibu Calon Pengantin"),
            *_pasangan(),
            _t("bin_binti_pasangan", "Bin / Binti Calon Pasangan", bagian=_PASANGAN),
            _t("tanggal_nikah", "Hari dan Tanggal", jenis="tanggal", hari=True, bagian=_RENCANA),
            _t("jam_nikah", "Pukul", jenis="jam", wajib=False, bagian=_RENCANA),
            _t("tempat_nikah", "Tempat", bagian=_RENCANA, petunjuk="Contoh: KUA Kecamatan Klirong / rumah mempelai"),
            _t("maskawin", "Maskawin", wajib=False, bagian=_RENCANA),
            _t("wali_nikah", "Nama Wali Nikah", wajib=False, bagian=_RENCANA),
            _t("hubungan_wali", "Hubungan Wali dengan Calon Pengantin", wajib=False, bagian=_RENCANA),
        ),
        orang_berbeda=(("nik", "ayah", "ibu", "calon_pasangan"),),
        isi=("Orang tersebut di atas bermaksud melangsungkan pernikahan dengan {calon_pasangan} pada hari "
             "{tanggal_nikah} di {tempat_nikah}. Sepanjang pengetahuan kami, data calon pengantin dan orang "
             "tuanya sebagaimana tersebut di atas adalah benar.",
             "Surat ini merupakan pengantar untuk pendaftaran kehendak nikah pada Kantor Urusan Agama."),
    ),
    JenisSurat(
        "surat_ket_nikah_non_muslim", "Surat Keterangan untuk Nikah Warga Non Muslim", "472.4",
        "Pengantar perkawinan bagi warga non muslim ke Dukcapil dan lembaga agamanya.",
        judul="SURAT PENGANTAR PERKAWINAN", judul_subjek="Calon Mempelai", pihak_ketiga=True,
        isian=(
            _t("status_perkawinan_calon", "Status Perkawinan", jenis="pilihan", pilihan=STATUS_KAWIN,
               bagian="Calon Mempelai"),
            _t("perkawinan_ke", "Perkawinan ke-", jenis="angka", wajib=False, bagian="Calon Mempelai"),
            *_orang_tua("Ayah Calon Mempelai", "Ibu Calon Mempelai"),
            *_pasangan(),
            _t("agama_perkawinan", "Agama/Kepercayaan", jenis="pilihan", pilihan=AGAMA[1:], bagian=_RENCANA),
            _t("nama_pemuka_agama", "Nama Pemuka Agama/Penghayat", wajib=False, bagian=_RENCANA),
            _t("tanggal_nikah", "Hari dan Tanggal", jenis="tanggal", hari=True, bagian=_RENCANA),
            _t("tempat_nikah", "Tempat", bagian=_RENCANA, petunjuk="Nama gereja, pura, vihara atau klenteng"),
        ),
        orang_berbeda=(("nik", "ayah", "ibu", "calon_pasangan"),),
        isi=("Orang tersebut di atas bermaksud melangsungkan perkawinan menurut agama/kepercayaan "
             "{agama_perkawinan} dengan {calon_pasangan} pada hari {tanggal_nikah} di {tempat_nikah}.",
             "Surat ini merupakan pengantar untuk pencatatan perkawinan pada Dinas Kependudukan dan Pencatatan "
             "Sipil {kabupaten_lengkap}."),
    ),
    JenisSurat(
        "surat_ket_wali_hakim", "Surat Keterangan Wali Hakim", "472.3",
        "Untuk calon pengantin perempuan yang menikah dengan wali hakim.",
        isian=(
            _t("nama_calon_suami", "Nama Calon Suami"),
            _t("alasan_wali_hakim", "Alasan Wali Hakim", jenis="pilihan",
               pilihan=("Tidak mempunyai wali nasab", "Wali nasab tidak diketahui keberadaannya",
                        "Wali nasab berhalangan / jauh", "Wali nasab enggan (adhol)")),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan akan melangsungkan pernikahan dengan {nama_calon_suami} dan, karena "
             "{alasan_wali_hakim_kecil}, pernikahan tersebut memerlukan wali hakim dari Kantor Urusan "
             "Agama setempat."),
    ),
    JenisSurat(
        "surat_ket_belum_menikah", "Surat Keterangan Belum Pernah Menikah", "472.2",
        "Menerangkan bahwa Anda belum pernah menikah.",
        isi=(PENDUDUK,
             "Sepanjang pengetahuan kami dan berdasarkan data kependudukan, sampai dengan tanggal surat ini "
             "dibuat yang bersangkutan belum pernah menikah."),
    ),
    JenisSurat(
        "surat_ket_janda_duda", "Surat Keterangan Janda / Duda", "472.2",
        "Menerangkan status cerai hidup atau cerai mati.",
        isian=(
            _t("status_cerai", "Status", jenis="pilihan", pilihan=("Cerai hidup", "Cerai mati")),
            _t("nama_pasangan_dulu", "Nama Mantan Suami/Istri"),
            _t("sejak_tanggal", "Sejak Tanggal", jenis="tanggal", wajib=False),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan berstatus {status_cerai_kecil} dari {nama_pasangan_dulu} dan sampai dengan "
             "tanggal surat ini dibuat belum menikah lagi."),
    ),
    JenisSurat(
        "surat_permohonan_duplikat_surat_nikah", "Surat Permohonan Duplikat Buku Nikah", "472.3",
        "Pengantar ke KUA untuk duplikat buku nikah yang hilang atau rusak.",
        judul="SURAT PENGANTAR PERMOHONAN DUPLIKAT BUKU NIKAH",
        isian=(
            _t("nama_pasangan", "Nama Suami/Istri"),
            _t("tanggal_nikah", "Tanggal Nikah", jenis="tanggal"),
            _t("kua_nikah", "KUA Tempat Menikah", petunjuk="Contoh: KUA Kecamatan Klirong"),
            _t("nomor_akta_nikah", "Nomor Akta Nikah", wajib=False),
            _t("alasan_duplikat", "Alasan", jenis="pilihan", pilihan=("Hilang", "Rusak")),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan telah menikah dengan {nama_pasangan} pada tanggal {tanggal_nikah} yang dicatat "
             "oleh {kua_nikah}, dan buku nikahnya {alasan_duplikat_kecil}. Surat ini merupakan pengantar untuk "
             "mengurus duplikat buku nikah.",
             PENGANTAR),
    ),
    JenisSurat(
        "surat_permohonan_cerai", "Surat Pengantar Permohonan Cerai", "472.5",
        "Pengantar ke Pengadilan Agama/Negeri untuk mengajukan perceraian.",
        judul="SURAT PENGANTAR PERMOHONAN CERAI", pihak_ketiga=True,
        isian=(
            orang("pasangan", "Suami/Istri", bagian="Suami/Istri"),
            _t("tanggal_nikah", "Tanggal Nikah", jenis="tanggal", wajib=False, bagian="Suami/Istri"),
            _t("sebab_cerai", "Sebab-sebab", jenis="teks_panjang", bagian="Alasan"),
        ),
        orang_berbeda=(("nik", "pasangan"),),
        isi=("Orang tersebut di atas adalah penduduk {jenis_desa} {desa} yang bermaksud mengajukan permohonan "
             "cerai terhadap suami/istrinya, {pasangan}, dengan alasan sebagaimana tersebut di atas.",
             "Surat ini merupakan pengantar untuk mengajukan perkara perceraian pada Pengadilan yang berwenang."),
    ),
    JenisSurat(
        "surat_pengantar_rujuk_cerai", "Surat Pengantar Rujuk atau Cerai", "472.5",
        "Pengantar ke KUA atau pengadilan untuk rujuk atau cerai.",
        judul="SURAT KETERANGAN PENGANTAR RUJUK/CERAI", pihak_ketiga=True,
        isian=(
            _t("maksud", "Maksud", jenis="pilihan", pilihan=("Rujuk", "Cerai")),
            orang("pasangan", "Suami/Istri", bagian="Suami/Istri"),
            _t("bin_binti_pasangan", "Bin / Binti Suami/Istri", wajib=False, bagian="Suami/Istri"),
        ),
        orang_berbeda=(("nik", "pasangan"),),
        isi=("Orang tersebut di atas bermaksud untuk {maksud_kecil} dengan suami/istrinya, {pasangan}. Surat ini "
             "merupakan pengantar untuk mengurusnya pada instansi yang berwenang.",),
    ),
)
