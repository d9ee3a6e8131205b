"""The letter catalogue: every letter type a desa can offer, as data.

A type says what the resident fills in (its own ``isian`` besides NIK, kode
klasifikasi, keperluan, keterangan and penandatangan) and what the letter says.
Texts are ``str.format`` templates over plain values (see ``susun.py`` for the
names they may use); what a resident typed is only ever a value, never a template.
Kode klasifikasi follow the Tata Naskah Dinas classification most desa use
(470 kependudukan, 474 pencatatan sipil, 503 perizinan, 593 pertanahan...).
"""
import re
from dataclasses import dataclass, field

from desaonline.surat.isian import JENIS as JENIS_ISIAN


# Kode klasifikasi: 470, 474.1, 400.12.2.1
KLASIFIKASI = re.compile(r"^\d{1,4}(\.\d{1,4}){0,3}$")

# Keys of the request itself; a type's own fields must not reuse them.
KUNCI_DASAR = ("jenis", "nik", "klasifikasi", "keperluan", "keterangan", "penandatangan")

PEMBUKA = ("Yang bertanda tangan di bawah ini, {kepala}, {wilayah_tanpa_desa}, "
           "menerangkan dengan sebenarnya bahwa:")
PENUTUP = ("Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan "
           "sebagaimana mestinya.",)
PENDUDUK = ("Orang tersebut di atas adalah benar-benar penduduk {jenis_desa} {desa} dan "
            "berdomisili di alamat tersebut.")


@dataclass(frozen=True)
class Isian:
    """One field of a letter type."""
    nama: str
    label: str
    jenis: str = "teks"
    wajib: bool = True
    pilihan: tuple[str, ...] = ()
    petunjuk: str | None = None
    di_tabel: bool = True       # shown as a row of the letter's data table

    def as_dict(self):
        hasil = {"nama": self.nama, "label": self.label, "jenis": self.jenis, "wajib": self.wajib}
        if self.pilihan:
            hasil["pilihan"] = list(self.pilihan)
        if self.petunjuk:
            hasil["petunjuk"] = self.petunjuk
        return hasil


@dataclass(frozen=True)
class JenisSurat:
    kode: str
    nama: str
    klasifikasi: str
    uraian: str                 # one line for the resident's list of types
    isian: tuple[Isian, ...] = ()
    isi: tuple[str, ...] = (PENDUDUK,)
    pembuka: tuple[str, ...] = (PEMBUKA,)
    penutup: tuple[str, ...] = PENUTUP
    # Which rows about the subject the table shows: "ringkas", "lengkap" (biodata),
    # or "pelapor" (the subject reports an event; rows after the type's own fields).
    data_subjek: str = "ringkas"
    judul: str = field(default="")

    def __post_init__(self):
        if not self.judul:
            object.__setattr__(self, "judul", self.nama.upper())
        nama_isian = [i.nama for i in self.isian]
        assert len(set(nama_isian)) == len(nama_isian), self.kode
        assert not set(nama_isian) & set(KUNCI_DASAR), self.kode
        assert all(i.jenis in JENIS_ISIAN for i in self.isian), self.kode
        assert all(i.pilihan for i in self.isian if i.jenis == "pilihan"), self.kode

    def isian_dict(self):
        return [i.as_dict() for i in self.isian]


def _t(nama, label, **kw):
    return Isian(nama, label, **kw)


JENIS_KELAMIN = ("Laki-laki", "Perempuan")

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
        "surat_pengantar_skck", "Surat Pengantar SKCK", "331",
        "Pengantar ke Polsek/Polres untuk membuat SKCK.",
        judul="SURAT PENGANTAR CATATAN KEPOLISIAN",
        isi=(PENDUDUK,
             "Sepanjang pengetahuan kami, yang bersangkutan berkelakuan baik, tidak pernah terlibat "
             "perkara pidana, dan tidak sedang dalam proses hukum. Surat ini diberikan sebagai pengantar "
             "untuk mengurus Surat Keterangan Catatan Kepolisian (SKCK)."),
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
        "surat_ket_kelahiran", "Surat Keterangan Kelahiran", "472.11",
        "Keterangan lahir untuk membuat akta kelahiran.",
        data_subjek="pelapor",
        pembuka=("Yang bertanda tangan di bawah ini, {kepala}, {wilayah_tanpa_desa}, "
                 "menerangkan bahwa telah lahir seorang anak:",),
        isian=(
            _t("nama_anak", "Nama Anak"),
            _t("jenis_kelamin_anak", "Jenis Kelamin", jenis="pilihan", pilihan=JENIS_KELAMIN),
            _t("tempat_lahir_anak", "Tempat Dilahirkan", petunjuk="Contoh: RSUD dr. Soedirman Kebumen"),
            _t("tanggal_lahir_anak", "Tanggal Lahir", jenis="tanggal"),
            _t("jam_lahir", "Pukul", jenis="jam", wajib=False),
            _t("anak_ke", "Kelahiran ke-", jenis="angka"),
            _t("nama_ayah", "Nama Ayah"),
            _t("nama_ibu", "Nama Ibu"),
        ),
        isi=("Anak tersebut lahir dari pasangan {nama_ayah} dan {nama_ibu}, penduduk {jenis_desa} {desa}. "
             "Surat keterangan ini dibuat sebagai dasar penerbitan Akta Kelahiran.",),
    ),
    JenisSurat(
        "surat_ket_kematian", "Surat Keterangan Kematian", "472.12",
        "Keterangan meninggal dunia untuk akta kematian (pilih NIK almarhum/almarhumah).",
        isian=(
            _t("tanggal_meninggal", "Tanggal Meninggal", jenis="tanggal"),
            _t("jam_meninggal", "Pukul", jenis="jam", wajib=False),
            _t("tempat_meninggal", "Tempat Meninggal"),
            _t("sebab_meninggal", "Sebab Meninggal", jenis="pilihan",
               pilihan=("Sakit biasa / tua", "Wabah penyakit", "Kecelakaan", "Kriminalitas", "Bunuh diri",
                        "Lainnya")),
        ),
        isi=("Orang tersebut di atas telah meninggal dunia pada tanggal {tanggal_meninggal} di "
             "{tempat_meninggal} disebabkan karena {sebab_meninggal_kecil}.",
             "Surat keterangan ini dibuat sebagai dasar penerbitan Akta Kematian."),
    ),
    JenisSurat(
        "surat_ket_pindah", "Surat Keterangan Pindah", "471.21",
        "Pengantar pindah domisili ke desa atau daerah lain.",
        isian=(
            _t("alamat_tujuan", "Alamat Tujuan"),
            _t("desa_tujuan", "Desa/Kelurahan Tujuan"),
            _t("kecamatan_tujuan", "Kecamatan Tujuan"),
            _t("kabupaten_tujuan", "Kabupaten/Kota Tujuan"),
            _t("provinsi_tujuan", "Provinsi Tujuan"),
            _t("alasan_pindah", "Alasan Pindah", jenis="pilihan",
               pilihan=("Pekerjaan", "Pendidikan", "Keamanan", "Kesehatan", "Perumahan", "Keluarga", "Lainnya")),
            _t("jumlah_pengikut", "Jumlah Anggota Keluarga yang Ikut Pindah", jenis="angka", wajib=False),
        ),
        isi=("Orang tersebut di atas adalah penduduk {jenis_desa} {desa} yang bermaksud pindah ke "
             "{alamat_tujuan}, {desa_tujuan}, Kecamatan {kecamatan_tujuan}, {kabupaten_tujuan}, "
             "Provinsi {provinsi_tujuan}, dengan alasan {alasan_pindah_kecil}.",
             "Surat ini merupakan pengantar untuk mengurus Surat Keterangan Pindah Warga Negara Indonesia "
             "(SKPWNI) pada Dinas Kependudukan dan Pencatatan Sipil."),
    ),
    JenisSurat(
        "surat_ket_jual_beli", "Surat Keterangan Jual Beli", "593",
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
        "surat_ket_penghasilan", "Surat Keterangan Penghasilan", "401",
        "Menerangkan penghasilan Anda per bulan.",
        isian=(_t("penghasilan", "Penghasilan per Bulan", jenis="uang"),),
        isi=(PENDUDUK,
             "Berdasarkan keterangan yang bersangkutan, penghasilan rata-rata yang bersangkutan sebagai "
             "{pekerjaan} adalah {penghasilan} per bulan."),
    ),
)

KATALOG = {j.kode: j for j in DAFTAR}
assert len(KATALOG) == len(DAFTAR)


def jenis(kode):
    """The catalogue's letter type by its code, or None."""
    return KATALOG.get(kode)


def klasifikasi_sah(kode):
    return bool(KLASIFIKASI.match(kode or ""))
