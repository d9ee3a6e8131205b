"""Shapes of the resident's JSON API (CONTRACT.md)."""
from apiflask.fields import Boolean, Date, DateTime, String
from apiflask.validators import Length

from desaonline.skema import Schema


class LoginPendudukIn(Schema):
    nik = String(required=True, validate=Length(1, 32), metadata={"description": "NIK, 16 angka"})
    pin = String(required=True, validate=Length(1, 64),
                 metadata={"description": "PIN; yang pertama adalah tanggal lahir YYYYMMDD"})
    no_kk = String(load_default=None, allow_none=True, validate=Length(0, 32),
                   metadata={"description": "Nomor KK, 16 angka: wajib bila PIN masih tanggal lahir"})


class LoginPendudukOut(Schema):
    token = String()
    wajib_ganti_pin = Boolean(metadata={"description": "true: ganti PIN dulu sebelum yang lain"})


class GantiPinIn(Schema):
    pin_lama = String(required=True, validate=Length(1, 64))
    pin_baru = String(required=True, validate=Length(1, 64), metadata={"description": "6 angka"})


class AnggotaOut(Schema):
    nik = String()
    nama = String()
    hubungan_keluarga = String(allow_none=True)
    jenis_kelamin = String()
    tempat_lahir = String(allow_none=True)
    tanggal_lahir = Date()
    agama = String(allow_none=True)
    status_perkawinan = String(allow_none=True)
    pekerjaan = String(allow_none=True)
    pendidikan = String(allow_none=True, metadata={"description": "pendidikan terakhir, seperti di KK (daftar SIAK)"})
    status_dasar = String(metadata={"description": "HIDUP, MATI, PINDAH, HILANG, PERGI atau TIDAK VALID"})


class ProfilOut(AnggotaOut):
    no_kk = String(allow_none=True)
    kewarganegaraan = String(allow_none=True)
    golongan_darah = String(allow_none=True)
    no_hp = String(allow_none=True)
    pendidikan_sedang = String(allow_none=True)
    nama_ayah = String(allow_none=True)
    nik_ayah = String(allow_none=True)
    nama_ibu = String(allow_none=True)
    nik_ibu = String(allow_none=True)
    akta_lahir = String(allow_none=True)
    akta_perkawinan = String(allow_none=True)
    tanggal_perkawinan = Date(allow_none=True)
    akta_perceraian = String(allow_none=True)
    tanggal_perceraian = Date(allow_none=True)
    nik_sementara = Boolean(metadata={"description": "NIK sementara dari OpenSID (diawali 0)"})
    alamat = String(allow_none=True)
    rt = String(allow_none=True)
    rw = String(allow_none=True)
    dusun = String(allow_none=True)
    desa = String(allow_none=True)
    kecamatan = String(allow_none=True)
    kabupaten = String(allow_none=True)
    wajib_ganti_pin = Boolean()
    terakhir_masuk = DateTime(allow_none=True, metadata={"description": "masuk sebelum sesi ini (null: belum pernah)"})


class KontakOut(Schema):
    wa_operator = String(allow_none=True, metadata={"description": "nomor WhatsApp operator, 62..."})
    wa_link = String(allow_none=True, metadata={"description": "https://wa.me/62..."})
