from apiflask.fields import Boolean, Date, DateTime, Dict, File, Integer, List, Nested, String
from apiflask.validators import Length, Range

from desaonline.batas import BATAS_ID
from desaonline.skema import Schema


class LoginIn(Schema):
    username = String(required=True, validate=Length(1, 64))
    password = String(required=True, validate=Length(1, 256))


class TokenOut(Schema):
    token = String()


class KecamatanIn(Schema):
    slug = String(required=True)
    nama = String(required=True, validate=Length(1, 120))
    kode = String(required=True)


class KecamatanOut(Schema):
    id = Integer()
    slug = String()


class DesaIn(Schema):
    kecamatan = String(required=True, metadata={"description": "slug kecamatan"})
    slug = String(required=True)
    nama = String(required=True, validate=Length(1, 120))
    kode = String(required=True, metadata={"description": "kode wilayah Kemendagri, mis. 33.05.05.2012"})
    wa_operator = String(load_default=None, metadata={"description": "nomor WhatsApp operator"})
    jenis = String(load_default="desa", metadata={"description": "desa | kelurahan"})


class DesaOut(Schema):
    id = Integer()
    host = String()


class OperatorIn(Schema):
    username = String(required=True)
    password = String(required=True)
    nama = String(load_default=None)


class OperatorOut(Schema):
    id = Integer()
    username = String()


class StatistikIn(Schema):
    dari = Date(load_default=None, metadata={"description": "awal periode (tanggal pengajuan, WIB); bawaan 29 hari sebelum `sampai`"})
    sampai = Date(load_default=None, metadata={"description": "akhir periode, termasuk; bawaan hari ini"})
    kecamatan = String(load_default=None, validate=Length(max=63), metadata={"description": "slug kecamatan"})
    desa = Integer(load_default=None, validate=Range(1, BATAS_ID), metadata={"description": "id desa"})


_DETIK = {"description": "detik; null bila belum ada surat yang selesai"}


class WaktuSelesaiOut(Schema):
    selesai = Integer(metadata={"description": "surat yang sudah ditandatangani"})
    median_detik = Integer(allow_none=True, metadata=_DETIK)
    p90_detik = Integer(allow_none=True, metadata=_DETIK)


class StatistikDesa(WaktuSelesaiOut):
    id = Integer()
    slug = String()
    nama = String()
    kecamatan = String(metadata={"description": "slug kecamatan"})
    kecamatan_nama = String()
    host = String()
    aktif = Boolean()
    total = Integer(metadata={"description": "permohonan diajukan dalam periode"})
    status = Dict(keys=String(), values=Integer(), metadata={"description": "permohonan per status (saat ini)"})
    ditolak = Integer()
    menunggu = Integer(metadata={"description": "diajukan dan belum disetujui/ditolak, saat ini (berapa pun umurnya)"})
    menunggu_sejak = DateTime(allow_none=True)
    menunggu_detik = Integer(allow_none=True)
    penduduk = Integer()
    mandiri_aktif = Integer()
    siap = Boolean()
    kurang = List(String())
    sertifikat_berlaku_sampai = DateTime(allow_none=True)
    sertifikat_segera_habis = Boolean()


class StatistikWilayah(WaktuSelesaiOut):
    id = Integer()
    slug = String(allow_none=True)
    nama = String()
    tingkat = String(metadata={"description": "kecamatan (di tingkat kabupaten) | desa"})
    total = Integer()
    ditolak = Integer()
    menunggu = Integer()
    menunggu_sejak = DateTime(allow_none=True)
    menunggu_detik = Integer(allow_none=True)
    penduduk = Integer()
    mandiri_aktif = Integer()
    jumlah_desa = Integer()
    desa_siap = Integer()


class StatistikHari(Schema):
    tanggal = Date()
    diajukan = Integer(metadata={"description": "permohonan diajukan hari itu"})
    selesai = Integer(metadata={"description": "surat ditandatangani hari itu"})


class StatistikJenis(WaktuSelesaiOut):
    kode = String()
    nama = String()
    jumlah = Integer()


class StatistikMenunggu(Schema):
    id = Integer()
    desa_id = Integer()
    desa = String()
    kecamatan = String()
    jenis = String()
    nama_jenis = String()
    diajukan = DateTime()
    menunggu_detik = Integer()


class LingkupOut(Schema):
    tingkat = String(metadata={"description": "kabupaten | kecamatan | desa"})
    nama = String()
    kecamatan = String(allow_none=True)
    desa = Integer(allow_none=True)


class StatistikOut(Schema):
    lingkup = Nested(LingkupOut)
    dari = Date()
    sampai = Date()
    jumlah = Integer(metadata={"description": "permohonan diajukan dalam periode"})
    status = Dict(keys=String(), values=Integer())
    total = Dict(keys=String(), values=Integer(), metadata={"description": "sama dengan `status` (nama lama)"})
    waktu_selesai = Nested(WaktuSelesaiOut)
    harian = List(Nested(StatistikHari))
    jenis = List(Nested(StatistikJenis))
    wilayah = List(Nested(StatistikWilayah))
    desa = List(Nested(StatistikDesa))
    menunggu_terlama = List(Nested(StatistikMenunggu))
    belum_siap = List(Integer(), metadata={"description": "id desa yang belum siap"})
    sertifikat_segera_habis = List(Integer(), metadata={"description": "id desa yang sertifikatnya habis dalam 30 hari"})


class ImporDesaIn(Schema):
    file = File(required=True, metadata={"description": "CSV: kecamatan, slug, nama, kode, wa_operator"})


class DitolakOut(Schema):
    baris = Integer()
    alasan = String()


class DesaSingkatOut(Schema):
    id = Integer()
    slug = String()
    nama = String()
    host = String()


class HasilImporDesaOut(Schema):
    dibuat = Integer(metadata={"description": "jumlah desa baru"})
    sudah_ada = Integer(metadata={"description": "baris yang desanya sudah ada persis seperti itu (tidak diubah)"})
    ditolak = List(Nested(DitolakOut))
    desa = List(Nested(DesaSingkatOut), metadata={"description": "desa baru dengan alamatnya"})


class OperatorMassalIn(Schema):
    desa = List(Integer(validate=Range(1, BATAS_ID)), load_default=None,
                metadata={"description": "id desa; tanpa ini: setiap desa wilayah admin yang belum punya operator itu"})
    username = String(load_default="operator", validate=Length(1, 64))


class OperatorSekaliOut(Schema):
    desa_id = Integer()
    desa = String()
    host = String()
    username = String()
    password = String(metadata={"description": "kata sandi sekali pakai: ditampilkan sekali ini saja, wajib diganti saat masuk"})
    url_masuk = String()


class DilewatiOut(Schema):
    desa_id = Integer()
    alasan = String()


class OperatorMassalOut(Schema):
    dibuat = List(Nested(OperatorSekaliOut))
    dilewati = List(Nested(DilewatiOut))


class SertifikatKesiapanOut(Schema):
    metode = String(metadata={"description": "sertifikat | bsre"})
    berlaku = Boolean(metadata={"description": "desa dapat menandatangani hari ini"})
    berlaku_sampai = DateTime(allow_none=True, metadata={"description": "akhir masa berlaku sertifikat aktif terakhir"})
    segera_habis = Boolean(metadata={"description": "berakhir dalam 30 hari"})


class KesiapanOut(Schema):
    siap = Boolean()
    kurang = List(String(), metadata={"description": "sertifikat, penandatangan, kop_surat, penduduk"})
    sertifikat = Nested(SertifikatKesiapanOut)
    penandatangan = Integer(metadata={"description": "jumlah penandatangan aktif"})
    kop_surat = Boolean(metadata={"description": "operator sudah menyimpan kop surat"})
    penduduk = Integer(metadata={"description": "penduduk berstatus HIDUP"})
    mandiri_aktif = Integer(metadata={"description": "penduduk yang sudah mengaktifkan Layanan Mandiri (PIN sendiri)"})
    menunggu = Integer(metadata={"description": "permohonan diajukan yang belum disetujui atau ditolak"})
    menunggu_sejak = DateTime(allow_none=True, metadata={"description": "waktu pengajuan yang paling lama menunggu"})


class DesaDaftarOut(Schema):
    id = Integer()
    slug = String(metadata={"description": "nama di alamat web"})
    nama = String()
    jenis = String()
    kode = String()
    kecamatan = String(metadata={"description": "slug kecamatan"})
    kecamatan_nama = String()
    host = String()
    host_tambahan = List(String())
    aktif = Boolean()
    wa_operator = String(allow_none=True)
    alamat_kantor = String(allow_none=True)
    kesiapan = Nested(KesiapanOut)


class DesaSaringIn(Schema):
    kecamatan = String(load_default=None, validate=Length(max=63), metadata={"description": "slug kecamatan"})
    q = String(load_default=None, validate=Length(max=120), metadata={"description": "bagian nama desa atau kecamatan"})
    halaman = Integer(load_default=1, validate=Range(1, 100_000))
    per_halaman = Integer(load_default=100, validate=Range(1, BATAS_ID),
                          metadata={"description": "paling banyak 500; yang lebih besar dipotong"})


class DesaUbahIn(Schema):
    nama = String(validate=Length(1, 120))
    wa_operator = String(allow_none=True, validate=Length(max=20))
    alamat_kantor = String(allow_none=True, validate=Length(max=255))
    aktif = Boolean(metadata={"description": "false: data tetap, situs desa menolak semua login"})


class HostIn(Schema):
    host = String(required=True, validate=Length(1, 253))


class HostOut(Schema):
    host = String()


class OperatorDaftarOut(Schema):
    id = Integer()
    username = String()
    nama = String(allow_none=True)
    aktif = Boolean()
    wajib_ganti_sandi = Boolean(metadata={"description": "masih memakai kata sandi sekali pakai"})
    dibuat = DateTime()


class OperatorUbahIn(Schema):
    aktif = Boolean(required=True)


class ResetSandiIn(Schema):
    password = String(load_default=None, allow_none=True, validate=Length(max=256),
                      metadata={"description": "kosong: kata sandi sekali pakai dibuatkan (wajib diganti saat masuk)"})


class ResetSandiOut(Schema):
    password = String(allow_none=True, metadata={"description": "kata sandi sekali pakai, hanya bila dibuatkan"})


class IsianJenisIn(Schema):
    nama = String(required=True, validate=Length(1, 40))
    label = String(required=True, validate=Length(1, 120))
    jenis = String(load_default="teks", metadata={"description": "teks, teks_panjang, tanggal, jam, angka, desimal, uang, nik, pilihan"})
    wajib = Boolean(load_default=True)
    pilihan = List(String(validate=Length(1, 120)), load_default=list)
    petunjuk = String(load_default=None, allow_none=True, validate=Length(max=200))


class JenisKabupatenIn(Schema):
    nama = String(required=True, validate=Length(1, 120))
    klasifikasi = String(required=True, validate=Length(1, 20))
    uraian = String(load_default="", validate=Length(max=255))
    isian = List(Nested(IsianJenisIn), load_default=list, validate=Length(max=20))
    isi = List(String(validate=Length(1, 2000)), required=True, validate=Length(1, 12),
               metadata={"description": "paragraf; `{nama}` dan nama isian diganti isinya"})
    kecamatan = String(load_default=None, allow_none=True, metadata={"description": "slug kecamatan; kosong: semua desa"})


class JenisKabupatenBaruIn(JenisKabupatenIn):
    kode = String(required=True, validate=Length(3, 40))


class JenisKabupatenUbahIn(JenisKabupatenIn):
    aktif = Boolean(load_default=True, metadata={"description": "false: ditarik (tidak dapat dimohon lagi)"})


class IsianJenisOut(Schema):
    nama = String()
    label = String()
    jenis = String()
    wajib = Boolean()
    pilihan = List(String())
    petunjuk = String(allow_none=True)


class JenisKabupatenOut(Schema):
    kode = String()
    nama = String()
    klasifikasi = String()
    uraian = String()
    isian = List(Nested(IsianJenisOut))
    isi = List(String())
    kecamatan = String(allow_none=True)
    aktif = Boolean()
    versi = Integer()
    diterbitkan = DateTime()
    diubah = DateTime()


class AuditIn(Schema):
    dari = Date(load_default=None)
    sampai = Date(load_default=None)
    kecamatan = String(load_default=None, validate=Length(max=63), metadata={"description": "slug kecamatan"})
    desa = Integer(load_default=None, validate=Range(1, BATAS_ID))
    aktor = String(load_default=None, validate=Length(max=64), metadata={"description": "bagian nama pengguna"})
    peran = String(load_default=None, metadata={"description": "kabupaten | kecamatan | operator"})
    aksi = String(load_default=None, validate=Length(max=80), metadata={"description": "endpoint, atau bagian uraiannya"})
    halaman = Integer(load_default=1, validate=Range(1, 100_000))
    per_halaman = Integer(load_default=50, validate=Range(1, BATAS_ID), metadata={"description": "paling banyak 200"})


class AuditOut(Schema):
    id = Integer()
    waktu = DateTime()
    aktor_jenis = String(metadata={"description": "admin | operator"})
    aktor_id = Integer()
    aktor_nama = String()
    peran = String()
    kecamatan_id = Integer(allow_none=True)
    desa_id = Integer(allow_none=True)
    desa_nama = String(allow_none=True)
    aksi = String()
    uraian = String()
    metode = String()
    jalur = String()
    status = Integer()
    alamat = String(allow_none=True)
    rincian = Dict(allow_none=True)
