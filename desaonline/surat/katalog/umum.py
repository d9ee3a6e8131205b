"""General letters: introductions, residence, travel, police matters, powers of attorney,
and the desa's own service letters."""
from desaonline.surat.katalog.dasar import PENDUDUK, PENGANTAR, JenisSurat, orang, t as _t


DAFTAR = (
    JenisSurat(
        "surat_ket_pengantar", "Surat Keterangan Pengantar", "470",
        "Pengantar untuk mengurus keperluan ke instansi lain (KTP, KK, bank, sekolah...).",
        isi=(PENDUDUK,
             "Surat keterangan ini diberikan sebagai pengantar untuk keperluan sebagaimana tersebut di "
             "atas. Kepada pihak yang berkepentingan dimohon untuk memberikan bantuan seperlunya."),
    ),
    JenisSurat(
        "surat_ket_penduduk", "Surat Keterangan Penduduk", "470",
        "Menerangkan bahwa Anda penduduk desa ini.",
        isi=(PENDUDUK, "Yang bersangkutan tercatat dalam buku induk penduduk {jenis_desa} {desa}."),
    ),
    JenisSurat(
        "surat_ket_domisili", "Surat Keterangan Domisili", "470",
        "Menerangkan tempat tinggal Anda saat ini.",
        isian=(
            _t("alamat_domisili", "Alamat Domisili", wajib=False,
               petunjuk="Kosongkan bila sama dengan alamat di KK"),
            _t("lama_tinggal", "Lama Tinggal", wajib=False, petunjuk="Contoh: 5 tahun"),
        ),
        isi=("Orang tersebut di atas benar-benar bertempat tinggal (berdomisili) di {jenis_desa} {desa}, "
             "{wilayah_tanpa_desa}, di alamat {alamat_domisili_atau_kk}.",),
    ),
    JenisSurat(
        "surat_ket_bepergian", "Surat Keterangan Bepergian", "470",
        "Keterangan untuk bepergian atau merantau ke luar daerah.",
        isian=(
            _t("tujuan", "Tujuan", petunjuk="Kota/kabupaten dan provinsi tujuan"),
            _t("tanggal_berangkat", "Tanggal Berangkat", jenis="tanggal"),
            _t("lama_bepergian", "Lama Bepergian", petunjuk="Contoh: 2 minggu"),
            _t("jumlah_pengikut", "Jumlah Pengikut", jenis="angka", wajib=False),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan akan bepergian ke {tujuan} mulai tanggal {tanggal_berangkat} selama "
             "{lama_bepergian}. Kepada pihak yang berwenang dimohon memberikan bantuan dan kelancaran "
             "seperlunya."),
    ),
    JenisSurat(
        "surat_pengantar_pas_lintas", "Surat Pengantar Permohonan Buku Pas Lintas Batas", "185.5",
        "Pengantar ke Kantor Imigrasi untuk membuat Pas Lintas Batas (PLB).",
        judul="SURAT PENGANTAR PERMOHONAN PENERBITAN BUKU PAS LINTAS BATAS",
        isian=(
            _t("negara_tujuan", "Negara Tujuan", petunjuk="Contoh: Malaysia"),
            _t("daerah_tujuan", "Daerah Tujuan", wajib=False, petunjuk="Contoh: Serikin, Sarawak"),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan bermaksud mengajukan permohonan penerbitan Buku Pas Lintas Batas untuk "
             "melintas ke {negara_tujuan} ({daerah_tujuan}) dalam rangka kunjungan keluarga, sosial, atau "
             "perdagangan di wilayah perbatasan.",
             PENGANTAR),
    ),
    JenisSurat(
        "surat_ket_kehilangan", "Surat Keterangan Kehilangan", "331",
        "Pengantar laporan kehilangan barang atau dokumen.",
        isian=(
            _t("barang_hilang", "Barang/Dokumen yang Hilang", jenis="teks_panjang",
               petunjuk="Sebutkan ciri atau nomornya, contoh: BPKB sepeda motor AA 1234 XY"),
            _t("tempat_hilang", "Tempat Kehilangan"),
            _t("tanggal_hilang", "Tanggal Kehilangan", jenis="tanggal"),
        ),
        isi=(PENDUDUK,
             "Menurut keterangan yang bersangkutan, pada tanggal {tanggal_hilang} di {tempat_hilang} telah "
             "kehilangan {barang_hilang}. Surat ini diberikan sebagai pengantar untuk melapor kepada "
             "Kepolisian atau instansi yang berwenang."),
    ),
    JenisSurat(
        "surat_pengantar_skck", "Surat Pengantar SKCK", "331",
        "Pengantar ke Polsek/Polres untuk membuat SKCK.",
        judul="SURAT PENGANTAR CATATAN KEPOLISIAN",
        isi=(PENDUDUK,
             "Sepanjang pengetahuan kami, yang bersangkutan berkelakuan baik, tidak pernah terlibat "
             "perkara pidana, dan tidak sedang dalam proses hukum. Surat ini diberikan sebagai pengantar "
             "untuk mengurus Surat Keterangan Catatan Kepolisian (SKCK)."),
    ),
    JenisSurat(
        "surat_izin_keramaian", "Surat Keterangan Izin Keramaian", "300",
        "Pengantar izin keramaian untuk hajatan, pentas, atau acara warga.",
        isian=(
            _t("nama_acara", "Nama Acara", petunjuk="Contoh: Resepsi pernikahan"),
            _t("hiburan", "Jenis Hiburan", wajib=False, petunjuk="Contoh: organ tunggal, kuda lumping"),
            _t("tanggal_acara", "Tanggal Acara", jenis="tanggal"),
            _t("waktu_acara", "Waktu", petunjuk="Contoh: 08.00 - 22.00 WIB"),
            _t("tempat_acara", "Tempat Acara"),
            _t("jumlah_undangan", "Perkiraan Jumlah Undangan", jenis="angka", wajib=False),
        ),
        isi=("Orang tersebut di atas bermaksud menyelenggarakan {nama_acara} pada tanggal {tanggal_acara} "
             "pukul {waktu_acara} bertempat di {tempat_acara}. Pada prinsipnya kami tidak keberatan, "
             "dengan ketentuan penyelenggara menjaga ketertiban, keamanan, dan kebersihan lingkungan, "
             "serta mengurus izin keramaian kepada Kepolisian setempat.",),
    ),
    JenisSurat(
        "surat_kuasa", "Surat Keterangan Kuasa", "180",
        "Menerangkan pemberian kuasa kepada orang lain untuk mengurus sesuatu.",
        isian=(
            _t("nama_penerima", "Nama Penerima Kuasa"),
            _t("nik_penerima", "NIK Penerima Kuasa", jenis="nik"),
            _t("alamat_penerima", "Alamat Penerima Kuasa"),
            _t("hal_dikuasakan", "Hal yang Dikuasakan", jenis="teks_panjang",
               petunjuk="Contoh: mengambil dana PKH di Kantor Pos Klirong"),
        ),
        isi=("Orang tersebut di atas (pemberi kuasa) memberikan kuasa kepada {nama_penerima}, NIK "
             "{nik_penerima}, beralamat di {alamat_penerima}, untuk {hal_dikuasakan}.",
             "Segala akibat yang timbul dari pemberian kuasa ini menjadi tanggung jawab pemberi kuasa."),
    ),
    JenisSurat(
        "surat_ket_jamkesos", "Surat Keterangan JAMKESOS", "465",
        "Keterangan peserta Jaminan Kesehatan Sosial daerah untuk berobat.",
        judul="SURAT KETERANGAN JAMINAN KESEHATAN SOSIAL",
        isian=(
            _t("no_kartu_jamkesos", "Nomor Kartu JAMKESOS"),
            _t("fasilitas_kesehatan", "Fasilitas Kesehatan Tujuan", wajib=False,
               petunjuk="Contoh: RSUD dr. Soedirman Kebumen"),
        ),
        isi=(PENDUDUK,
             "Yang bersangkutan terdaftar sebagai peserta Jaminan Kesehatan Sosial (JAMKESOS) dengan nomor "
             "kartu {no_kartu_jamkesos} dan termasuk warga yang berhak atas pelayanan kesehatan yang dijamin "
             "pemerintah daerah.",
             PENGANTAR),
    ),
    JenisSurat(
        "surat_perintah_perjalanan_dinas", "Surat Perintah Perjalanan Dinas", "094",
        "Perintah perjalanan dinas bagi perangkat desa (pilih NIK perangkat yang ditugaskan).",
        judul="SURAT PERINTAH PERJALANAN DINAS",
        pembuka=("Yang bertanda tangan di bawah ini, {kepala}, {wilayah_tanpa_desa}, memberi perintah "
                 "kepada:",),
        isian=(
            _t("jabatan_instansi", "Jabatan / Instansi", petunjuk="Contoh: Kaur Keuangan Desa Klirong"),
            _t("pangkat_golongan", "Pangkat dan Golongan", wajib=False),
            _t("maksud_perjalanan", "Maksud Perjalanan Dinas", jenis="teks_panjang"),
            _t("tempat_tujuan", "Tempat Tujuan"),
            _t("alat_angkut", "Alat Angkut", petunjuk="Contoh: kendaraan dinas roda dua"),
            _t("tanggal_berangkat", "Tanggal Berangkat", jenis="tanggal", hari=True),
            _t("tanggal_kembali", "Tanggal Kembali", jenis="tanggal", hari=True),
            _t("pengikut", "Pengikut", jenis="teks_panjang", wajib=False, petunjuk="Satu nama per baris"),
            _t("pembebanan_anggaran", "Pembebanan Anggaran", wajib=False, petunjuk="Contoh: APBDes tahun 2026"),
        ),
        isi=("Untuk melaksanakan perjalanan dinas ke {tempat_tujuan} guna {maksud_perjalanan}, berangkat "
             "tanggal {tanggal_berangkat} dan kembali tanggal {tanggal_kembali}.",
             "Setelah melaksanakan tugas, yang bersangkutan wajib melaporkan hasilnya kepada {kepala}."),
        penutup=("Demikian surat perintah ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.",),
    ),
    JenisSurat(
        "surat_ket_izin_orang_tua", "Surat Keterangan Izin Orang Tua / Suami / Istri", "562",
        "Izin keluarga bagi anggota keluarga yang akan bekerja ke luar negeri (pilih NIK pemberi izin).",
        judul="SURAT KETERANGAN IZIN ORANG TUA/SUAMI/ISTRI", judul_subjek="Yang Memberi Izin",
        pihak_ketiga=True,
        isian=(
            _t("selaku", "Memberi Izin Selaku", jenis="pilihan", pilihan=("Ayah", "Ibu", "Suami", "Istri", "Wali"),
               bagian="Yang Memberi Izin"),
            orang("penerima_izin", "Yang Diberi Izin", bagian="Yang Diberi Izin"),
            _t("negara_tujuan", "Negara Tujuan", bagian="Yang Diberi Izin", petunjuk="Contoh: Malaysia, Korea Selatan"),
            _t("nama_perusahaan", "Nama Perusahaan Penempatan (P3MI)", bagian="Yang Diberi Izin"),
            _t("masa_kontrak", "Masa Kontrak", jenis="angka", satuan="tahun", bagian="Yang Diberi Izin"),
            _t("jabatan_kerja", "Jenis Pekerjaan", wajib=False, bagian="Yang Diberi Izin"),
        ),
        orang_berbeda=(("nik", "penerima_izin"),),
        isi=("Orang tersebut di atas selaku {selaku_kecil} memberikan izin kepada {penerima_izin} untuk bekerja di "
             "{negara_tujuan} melalui {nama_perusahaan} dengan masa kontrak {masa_kontrak}.",
             "Izin ini diberikan dengan penuh kesadaran dan tanpa paksaan dari pihak mana pun."),
    ),
)
