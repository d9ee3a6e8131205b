"""OpenSID's resident file layout, and what each of its columns is here.

One layout serves OpenSID's template ``FormatImporExcel.xlsm`` (sheet "Data
Penduduk", a "Kode Data" sheet with the code lists, ``###`` in column B after the
data), its sample ``contoh_penduduk.xlsx`` and both its exports ("Ekspor Penduduk"
with codes, "Ekspor Penduduk Huruf" with labels): the 43 columns of
``Impor_model::$daftar_kolom`` (OpenSID v2410), in any order and any subset
holding ``nik``. Facts from OpenSID's published files and code, written here as data.
"""
from desaonline.penduduk import referensi as ref

KOLOM = (
    "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir", "agama_id",
    "pendidikan_kk_id", "pendidikan_sedang_id", "pekerjaan_id", "status_kawin", "kk_level", "warganegara_id",
    "ayah_nik", "nama_ayah", "ibu_nik", "nama_ibu", "golongan_darah_id", "akta_lahir", "dokumen_pasport",
    "tanggal_akhir_paspor", "dokumen_kitas", "akta_perkawinan", "tanggalperkawinan", "akta_perceraian",
    "tanggalperceraian", "cacat_id", "cara_kb_id", "hamil", "ktp_el", "status_rekam", "alamat_sekarang",
    "status_dasar", "suku", "tag_id_card", "id_asuransi", "no_asuransi", "lat", "lng",
)

# OpenSID's column -> the desaonline field that holds it.
KE_FIELD = {
    "alamat": "alamat", "dusun": "dusun", "rw": "rw", "rt": "rt", "nama": "nama", "no_kk": "no_kk", "nik": "nik",
    "sex": "jenis_kelamin", "tempatlahir": "tempat_lahir", "tanggallahir": "tanggal_lahir", "agama_id": "agama",
    "pendidikan_kk_id": "pendidikan", "pendidikan_sedang_id": "pendidikan_sedang", "pekerjaan_id": "pekerjaan",
    "status_kawin": "status_perkawinan", "kk_level": "hubungan_keluarga", "warganegara_id": "kewarganegaraan",
    "ayah_nik": "nik_ayah", "nama_ayah": "nama_ayah", "ibu_nik": "nik_ibu", "nama_ibu": "nama_ibu",
    "golongan_darah_id": "golongan_darah", "akta_lahir": "akta_lahir", "akta_perkawinan": "akta_perkawinan",
    "tanggalperkawinan": "tanggal_perkawinan", "akta_perceraian": "akta_perceraian",
    "tanggalperceraian": "tanggal_perceraian", "status_dasar": "status_dasar",
}
DARI_FIELD = {v: k for k, v in KE_FIELD.items()}

# Columns desaonline does not use, kept as OpenSID had them (``Penduduk.data_opensid``)
# so the export gives them back: coded ones as their code, the others as text.
LAIN_BERKODE = {"cacat_id": ref.CACAT, "cara_kb_id": ref.CARA_KB, "hamil": ref.HAMIL, "ktp_el": ref.KTP_EL,
                "status_rekam": ref.STATUS_REKAM, "id_asuransi": ref.ASURANSI}
KOLOM_LAIN = tuple(k for k in KOLOM if k not in KE_FIELD)
NAMA_LAIN = {"dokumen_pasport": "Nomor paspor", "tanggal_akhir_paspor": "Paspor berlaku sampai",
             "dokumen_kitas": "Nomor KITAS/KITAP", "cacat_id": "Disabilitas", "cara_kb_id": "Cara KB",
             "hamil": "Kehamilan", "ktp_el": "KTP-el", "status_rekam": "Status rekam KTP-el",
             "alamat_sekarang": "Alamat sekarang", "suku": "Suku", "tag_id_card": "Tag ID card",
             "id_asuransi": "Asuransi", "no_asuransi": "Nomor asuransi", "lat": "Lintang", "lng": "Bujur"}

# The reference list of every coded column (the export writes their codes).
BERKODE = {k: ref.__dict__[n] for k, n in (
    ("sex", "KELAMIN"), ("agama_id", "AGAMA"), ("pendidikan_kk_id", "PENDIDIKAN"),
    ("pendidikan_sedang_id", "PENDIDIKAN_SEDANG"), ("pekerjaan_id", "PEKERJAAN"),
    ("status_kawin", "STATUS_PERKAWINAN"), ("kk_level", "HUBUNGAN"), ("warganegara_id", "KEWARGANEGARAAN"),
    ("golongan_darah_id", "GOLONGAN_DARAH"), ("status_dasar", "STATUS_DASAR"))} | LAIN_BERKODE

NAMA_LEMBAR = "Data Penduduk"
LEMBAR_KODE = "Kode Data"   # OpenSID skips a sheet of exactly this name
PENANDA_AKHIR = "###"       # in column B: the end of the data (the template's instructions follow)

# OpenSID v2410.0's export with labels looks status_dasar up in the wrong table: code 1
# comes out as TETAP, 2 as TIDAK TETAP and every other code as an empty cell.
STATUS_DASAR_KELIRU = {"TETAP": "HIDUP", "TIDAK TETAP": "MATI"}

# The "Kode Data" sheet: which lists it has, under OpenSID's names.
KODE_DATA = (("sex", ref.KELAMIN, {1: "LAKI-LAKI", 2: "PEREMPUAN"}), ("agama_id", ref.AGAMA, None),
             ("pendidikan_kk_id", ref.PENDIDIKAN, None), ("pendidikan_sedang_id", ref.PENDIDIKAN_SEDANG, None),
             ("pekerjaan_id", ref.PEKERJAAN, None), ("status_kawin", ref.STATUS_PERKAWINAN, None),
             ("kk_level", ref.HUBUNGAN, None), ("warganegara_id", ref.KEWARGANEGARAAN, None),
             ("golongan_darah_id", ref.GOLONGAN_DARAH, None), ("cacat_id", ref.CACAT, None),
             ("cara_kb_id", ref.CARA_KB, None), ("hamil", ref.HAMIL, None), ("ktp_el", ref.KTP_EL, None),
             ("status_rekam", ref.STATUS_REKAM, None), ("status_dasar", ref.STATUS_DASAR, None),
             ("id_asuransi", ref.ASURANSI, None))

# OpenSID's temporary NIK: "0" + the desa's 10-digit Kemendagri code + a 5-digit serial.
# A real NIK never starts with 0 (province codes are 11..94), so any NIK or KK that does
# is temporary; a NIK cell of "0" means "no NIK yet".
AWALAN_SEMENTARA = "0"


def data_lain(data):
    """``Penduduk.data_opensid`` for people to read: [(what, value)], codes as their labels."""
    data = data or {}
    hasil = []
    for kolom in KOLOM_LAIN:
        if data.get(kolom) in (None, ""):
            continue
        daftar = LAIN_BERKODE.get(kolom)
        nilai = daftar.label.get(data[kolom], data[kolom]) if daftar else data[kolom]
        hasil.append((NAMA_LAIN[kolom], nilai))
    return hasil


def sementara(nomor):
    return bool(nomor) and nomor.startswith(AWALAN_SEMENTARA)


def adalah_header(nama_kolom):
    """True when a header row is OpenSID's: it names a column only OpenSID's layout has."""
    return any(n in KOLOM and n not in KE_FIELD.values() for n in nama_kolom)
