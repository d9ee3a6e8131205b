"""Shapes of the resident register's API (docs/api.md)."""
from apiflask.fields import Boolean, Date, File, Integer, List, Nested, String
from apiflask.validators import Length, OneOf

from desaonline.batas import Id
from desaonline.penduduk.ekspor import FORMAT
from desaonline.skema import Schema


class ImporIn(Schema):
    file = File(required=True, metadata={"description": "CSV atau XLSX dengan baris judul"})


class BarisDitolak(Schema):
    baris = Integer(metadata={"description": "nomor baris di berkas; baris judul = 1"})
    alasan = String()


class PinSekaliOut(Schema):
    nik = String()
    nama = String()
    no_kk = String(allow_none=True)
    pin = String(metadata={"description": "PIN sekali pakai, 6 angka; ditampilkan sekali ini saja"})


class HasilImporOut(Schema):
    dibuat = Integer()
    diperbarui = Integer()
    ditolak = List(Nested(BarisDitolak))
    pin_sekali = List(Nested(PinSekaliOut), metadata={
        "description": "PIN pertama penduduk baru, bila desa memilih PIN acak (kosong bila PIN pertama tanggal lahir)"})


class PinOut(Schema):
    pin = String(metadata={"description": "PIN sekali pakai, 6 angka"})


class ResetPinIn(Schema):
    nik = String(required=True, validate=Length(1, 32), metadata={"description": "NIK, 16 angka"})


class EksporIn(Schema):
    format = String(load_default="opensid", validate=OneOf(FORMAT), metadata={
        "description": "opensid: tata kolom template OpenSID (43 kolom, kode); desaonline: kolom impor desaonline"})


class CariIn(Schema):
    q = String(load_default="", validate=Length(0, 120), metadata={
        "description": "awal NIK (angka) atau awal nama; kosong: semua penduduk", "example": "SUGENG"})
    setelah = Id(load_default=None, allow_none=True, metadata={
        "description": "lanjutkan setelah penduduk ini (`berikutnya` dari halaman sebelumnya)"})


class PendudukRingkasOut(Schema):
    id = Integer()
    nik = String()
    nama = String()
    hubungan_keluarga = String(allow_none=True)
    tempat_lahir = String(allow_none=True)
    tanggal_lahir = Date()
    jenis_kelamin = String()
    status_dasar = String(metadata={"description": "HIDUP, MATI, PINDAH, HILANG, PERGI atau TIDAK VALID"})


class CariOut(Schema):
    penduduk = List(Nested(PendudukRingkasOut), metadata={"description": "paling banyak 25, urut NIK atau nama"})
    jumlah = Integer(metadata={"description": "jumlah yang cocok, dihitung sampai 1.001"})
    lebih = Boolean(metadata={"description": "lebih dari 1.000 yang cocok"})
    berikutnya = Integer(allow_none=True, metadata={"description": "`setelah` untuk halaman berikutnya; "
                                                                   "null di halaman terakhir"})
