"""Request and response shapes of the letter API (they are the OpenAPI document too)."""
from apiflask.fields import Boolean, Date, DateTime, Dict, File, Integer, List, Nested, Raw, String
from apiflask.validators import Length, OneOf
from marshmallow import INCLUDE

from desaonline.batas import BATAS_ID, Bilangan, Id
from desaonline.skema import Schema
from desaonline.surat.isian import JENIS as JENIS_ISIAN
from desaonline.surat.antrean import HALAMAN_MAKS, PER_HALAMAN, PER_HALAMAN_MAKS
from desaonline.surat.status import DIKIRIM, STATUS

_TEKS = {"description": "teks apa adanya; tidak pernah ditafsirkan sebagai markup"}


class IsianOut(Schema):
    nama = String(metadata={"description": "nama isian di badan permintaan, mis. nama_usaha"})
    label = String()
    jenis = String(metadata={"description": "; ".join(f"{j.nama}: {j.uraian}" for j in JENIS_ISIAN.values())})
    wajib = Boolean()
    pilihan = List(String(), allow_none=True, metadata={"description": "untuk jenis pilihan"})
    petunjuk = String(allow_none=True)
    bagian = String(allow_none=True, metadata={"description": "judul bagian surat tempat isian ini, mis. Data Bayi"})


class DokumenOut(Schema):
    kode = String(metadata={"example": "kk"})
    nama = String(metadata={"example": "Kartu Keluarga (KK)"})


class JenisSuratOut(Schema):
    kode = String(metadata={"example": "surat_ket_pengantar"})
    nama = String(metadata={"example": "Surat Keterangan Pengantar"})
    uraian = String(allow_none=True)
    klasifikasi = String(allow_none=True, metadata={"description": "kode klasifikasi bawaan desa", "example": "470"})
    fields = List(Nested(IsianOut), metadata={"description": "isian khusus jenis surat ini"})
    syarat = List(Nested(DokumenOut), metadata={"description": "dokumen yang diminta desa untuk jenis ini; "
                                                                "dilampirkan lewat .../lampiran"})
    siap = Boolean(metadata={"description": "desa sudah dapat menerbitkan surat jenis ini"})
    belum_siap = List(String(), metadata={"description": "mengapa belum (kosong bila siap), mis. desa belum "
                                                         "menyiapkan tanda tangan elektronik Kepala Desa"})


class JenisSyaratOut(Schema):
    kode = String(metadata={"example": "surat_ket_usaha"})
    nama = String()
    syarat = List(Nested(DokumenOut))


class SyaratDesaOut(Schema):
    dokumen = List(Nested(DokumenOut), metadata={"description": "semua dokumen yang dapat dipilih sebagai syarat"})
    jenis = List(Nested(JenisSyaratOut), metadata={"description": "syarat tiap jenis surat di desa ini"})


class SyaratIn(Schema):
    syarat = List(String(validate=Length(max=40)), required=True, validate=Length(max=40),
                  metadata={"description": "kode dokumen (lihat `dokumen`); [] berarti tanpa syarat",
                            "example": ["pengantar_rt", "ktp", "kk"]})


class SuratIn(Schema):
    """Besides these, the type's own fields (``fields`` of the type) as top-level keys."""

    class Meta:
        unknown = INCLUDE

    jenis = String(required=True, metadata={"example": "surat_ket_pengantar"})
    nik = String(load_default=None, metadata={"description": "NIK subjek: Anda sendiri atau anggota KK Anda "
                                                             "(bawaan: Anda sendiri)"})
    klasifikasi = String(load_default=None, metadata={"description": "bawaan: kode klasifikasi jenis surat"})
    keperluan = String(required=True, metadata=_TEKS)
    keterangan = String(load_default=None, allow_none=True, metadata=_TEKS)
    penandatangan = Id(load_default=None, allow_none=True,
                       metadata={"description": "id pejabat (GET /api/v1/operator/pejabat); bawaan: Kepala Desa"})


class SuratUbahIn(Schema):
    """Only the fields given change; the type's own fields as top-level keys."""

    class Meta:
        unknown = INCLUDE

    nik = String()
    klasifikasi = String()
    keperluan = String(metadata=_TEKS)
    keterangan = String(allow_none=True, metadata=_TEKS)
    penandatangan = Id(allow_none=True)


class SuratBaruOut(Schema):
    id = Integer()
    status = String(metadata={"example": "konsep"})


class OrangOut(Schema):
    nik = String()
    nama = String()


class BiodataOut(OrangOut):
    no_kk = String(allow_none=True)
    tempat_lahir = String(allow_none=True)
    tanggal_lahir = Date()
    jenis_kelamin = String()
    agama = String(allow_none=True)
    status_perkawinan = String(allow_none=True)
    pekerjaan = String(allow_none=True)
    hubungan_keluarga = String(allow_none=True)
    no_hp = String(allow_none=True)
    alamat = String(allow_none=True)


class RiwayatOut(Schema):
    status = String()
    waktu = DateTime()
    aktor = String(metadata={"description": "penduduk | operator | sistem"})
    aktor_nama = String(allow_none=True)
    catatan = String(allow_none=True)


class PenandatanganOut(Schema):
    id = Integer()
    nama = String()
    jabatan = String()
    atas_nama = String(allow_none=True, metadata={"description": "null | a.n. | u.b."})


class SuratRingkasOut(Schema):
    id = Integer()
    jenis = String()
    nama_jenis = String()
    status = String(metadata={"description": " | ".join(STATUS)})
    nomor = String(allow_none=True, metadata={"description": "diberikan saat disetujui; null sebelumnya"})
    keperluan = String(allow_none=True)
    subjek = Nested(OrangOut, allow_none=True)
    pemohon = Nested(OrangOut, allow_none=True)
    dibuat = DateTime()
    diajukan = DateTime(allow_none=True)


class LampiranOut(Schema):
    id = Integer()
    syarat = String(allow_none=True, metadata={"description": "kode dokumen syarat yang dijawab lampiran ini"})
    syarat_nama = String(allow_none=True, metadata={"example": "Kartu Keluarga (KK)"})
    nama = String(metadata={"description": "nama berkas di perangkat pengirim (teks apa adanya)"})
    jenis_isi = String(metadata={"description": "image/jpeg | image/png | application/pdf (menurut isinya)"})
    ukuran = Integer(metadata={"description": "byte, setelah foto diperkecil"})
    lebar = Integer(allow_none=True)
    tinggi = Integer(allow_none=True)
    halaman = Integer(allow_none=True, metadata={"description": "jumlah halaman PDF"})
    dibuat = DateTime()
    url = String(metadata={"description": "tempat mengambil berkasnya (dengan token yang sama)"})


class SatuLampiranOut(LampiranOut):
    """An attachment on its own (``POST``/``GET .../lampiran``): the fields of a letter's ``lampiran``.

    Its own class because apispec and APIFlask would each register a class used both
    nested and as an answer, under two names."""


class LampiranIn(Schema):
    file = File(required=True, metadata={"description": "foto JPEG/PNG atau PDF, paling besar 5 MB; diperiksa "
                                                        "menurut isinya, foto diperkecil (1600 px) dan "
                                                        "metadatanya (EXIF) dibuang"})
    syarat = String(load_default=None, validate=Length(max=40),
                    metadata={"description": "kode dokumen dari `syarat` jenis surat (tidak wajib)"})


class SuratOut(SuratRingkasOut):
    klasifikasi = String(allow_none=True)
    keterangan = String(allow_none=True)
    data = Dict(keys=String(), values=Raw(), metadata={"description": "isian khusus jenis surat"})
    penandatangan = Nested(PenandatanganOut, allow_none=True)
    alasan_tolak = String(allow_none=True)
    tanggal_surat = Date(allow_none=True)
    disetujui = DateTime(allow_none=True)
    selesai = DateTime(allow_none=True)
    kode_verifikasi = String(allow_none=True)
    pdf_sha256 = String(allow_none=True)
    riwayat = List(Nested(RiwayatOut))
    lengkapi = List(Nested(DokumenOut), allow_none=True,
                    metadata={"description": "dokumen yang diminta operator saat menolak (kosong: lihat "
                                             "alasan_tolak); null bila tidak ada yang diminta"})
    lampiran = List(Nested(LampiranOut))


class SuratOperatorOut(SuratOut):
    subjek = Nested(BiodataOut, allow_none=True)
    pemohon = Nested(BiodataOut, allow_none=True)
    alasan_gagal = String(allow_none=True)


class HalamanIn(Schema):
    halaman = Bilangan(1, HALAMAN_MAKS, load_default=1, metadata={"description": "mulai dari 1"})
    per_halaman = Bilangan(1, BATAS_ID, load_default=PER_HALAMAN,
                           metadata={"description": f"paling banyak {PER_HALAMAN_MAKS}; yang lebih besar dipotong"})


class AntreanIn(HalamanIn):
    status = String(load_default=None, validate=OneOf(DIKIRIM),
                    metadata={"description": "saring menurut status; bawaan: semua kecuali konsep"})
    jenis = String(load_default=None, metadata={"description": "saring menurut kode jenis surat"})


class BatalIn(Schema):
    alasan = String(load_default=None, validate=Length(max=1000))


class JenisDesaOut(Schema):
    kode = String(metadata={"example": "surat_ket_kelahiran"})
    nama = String()
    aktif = Boolean(metadata={"description": "dilayani desa"})
    hanya_kantor = Boolean(metadata={"description": "hanya dilayani di kantor desa (tidak dapat dimohon lewat "
                                                    "Layanan Mandiri)"})
    mandiri = Boolean(metadata={"description": "dapat dimohon warga lewat Layanan Mandiri"})
    pihak_ketiga = Boolean(metadata={"description": "melibatkan pihak lain (pelapor, saksi, pasangan)"})
    klasifikasi = String(metadata={"description": "kode klasifikasi bawaan desa untuk jenis ini"})
    klasifikasi_katalog = String(metadata={"description": "kode klasifikasi dari katalog (Tata Naskah Dinas)"})
    penandatangan = Integer(allow_none=True, metadata={"description": "id pejabat bawaan; null: Kepala Desa"})


class JenisDesaIn(Schema):
    """Only the keys given change."""
    aktif = Boolean()
    hanya_kantor = Boolean()
    klasifikasi = String(allow_none=True, validate=Length(max=20),
                         metadata={"description": "kosong/null: kembali ke kode katalog"})
    penandatangan = Id(allow_none=True, metadata={"description": "id pejabat; null: Kepala Desa"})


class SetujuiIn(Schema):
    penandatangan = Id(load_default=None, allow_none=True,
                       metadata={"description": "ganti penandatangan saat menyetujui (id pejabat); bawaan: "
                                                "yang tercatat di permohonan"})
    klasifikasi = String(load_default=None, allow_none=True, validate=Length(max=20),
                         metadata={"description": "ganti kode klasifikasi saat menyetujui, mis. 472.11; bawaan: "
                                                  "yang tercatat di permohonan", "example": "472.11"})
    passphrase = String(load_default=None, allow_none=True, load_only=True, validate=Length(0, 256),
                        metadata={"description": "passphrase BSrE Kepala Desa, bila desa menandatangani lewat "
                                                 "BSrE; dipakai sekali, tidak disimpan"})
    totp = String(load_default=None, allow_none=True, load_only=True, validate=Length(0, 32),
                  metadata={"description": "BSrE API v2: kode TOTP dari email Kepala Desa, pengganti passphrase"})


class SetujuiBanyakIn(Schema):
    surat = List(Id(), required=True, validate=Length(1, 100),
                 metadata={"description": "id surat berstatus diajukan yang disetujui bersama"})
    passphrase = String(load_default=None, allow_none=True, load_only=True, validate=Length(0, 256),
                        metadata={"description": "satu passphrase BSrE untuk semua surat ini; dipakai sekali, "
                                                 "tidak disimpan"})
    totp = String(load_default=None, allow_none=True, load_only=True, validate=Length(0, 32),
                  metadata={"description": "BSrE API v2: kode TOTP untuk sejumlah surat ini"})


class SuratDisetujuiOut(Schema):
    id = Integer()
    nomor = String()
    status = String(metadata={"example": "diproses"})


class SuratDitolakOut(Schema):
    id = Integer()
    error = String()
    message = String()


class SetujuiBanyakOut(Schema):
    disetujui = List(Nested(SuratDisetujuiOut))
    ditolak = List(Nested(SuratDitolakOut), metadata={"description": "surat yang tidak dapat disetujui, dengan alasannya"})


class SetujuiOut(Schema):
    id = Integer()
    status = String(metadata={"example": "diproses"})
    nomor = String(allow_none=True)


class TolakIn(Schema):
    alasan = String(required=True, metadata={"description": "terlihat oleh pemohon"})
    lengkapi = List(String(validate=Length(max=40)), load_default=None, allow_none=True, validate=Length(max=40),
                    metadata={"description": "minta pemohon melengkapi dokumen (kode dokumen syarat; [] = yang "
                                             "disebut di alasan); pemohon menjawab dengan lampiran lalu "
                                             "`POST /mandiri/surat/{id}/lengkapi`"})


class StatusOut(Schema):
    id = Integer()
    status = String()
    alasan_tolak = String(allow_none=True)
    lengkapi = List(Nested(DokumenOut), allow_none=True)


class PejabatIn(Schema):
    nama = String(required=True)
    jabatan = String(required=True, metadata={"example": "Kepala Desa Klirong"})
    nip = String(load_default=None, allow_none=True)
    atas_nama = String(load_default=None, allow_none=True, metadata={"description": "null | a.n. | u.b."})
    kepala_desa = Boolean(load_default=False)


class PejabatOut(Schema):
    id = Integer()
    nama = String()
    jabatan = String()
    nip = String(allow_none=True)
    atas_nama = String(allow_none=True)
    kepala_desa = Boolean()


class IdOut(Schema):
    id = Integer()


class UlangiIn(Schema):
    passphrase = String(load_default=None, validate=Length(1, 256),
                        metadata={"description": "passphrase BSrE Kepala Desa (hanya desa yang memakai BSrE)"})
    totp = String(load_default=None, allow_none=True, load_only=True, validate=Length(0, 32),
                  metadata={"description": "BSrE API v2: kode TOTP, pengganti passphrase"})


class UlangiOut(Schema):
    id = Integer()
    status = String()


class KlasifikasiCariIn(Schema):
    q = String(load_default="", validate=Length(max=60),
               metadata={"description": "awal kode (mis. 472) atau sebagian nama (mis. kelahiran)"})


class KlasifikasiOut(Schema):
    kode = String(metadata={"example": "472.11"})
    nama = String(metadata={"example": "Kelahiran"})


class KlasifikasiImporIn(Schema):
    file = File(required=True, metadata={"description": "klasifikasi_surat.csv OpenSID atau XLSX (kode, nama, uraian)"})
    ganti = Boolean(load_default=False, metadata={"description": "true: kode yang tidak ada di berkas dihapus"})


class HasilKlasifikasiOut(Schema):
    dibuat = Integer()
    diperbarui = Integer()
    dihapus = Integer()
    ditolak = List(Dict(), metadata={"description": "[{baris, alasan}]"})
