"""Shapes of the resident's JSON API (CONTRACT.md)."""
from apiflask import Schema
from apiflask.fields import Boolean, Date, DateTime, String
from apiflask.validators import Length


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
    hubungan_keluarga = String()
    jenis_kelamin = String()
    tempat_lahir = String()
    tanggal_lahir = Date()
    agama = String()
    status_perkawinan = String()
    pekerjaan = String()
    pendidikan = String()


class ProfilOut(AnggotaOut):
    no_kk = String()
    kewarganegaraan = String()
    golongan_darah = String()
    no_hp = String()
    alamat = String()
    rt = String()
    rw = String()
    dusun = String()
    desa = String()
    kecamatan = String()
    kabupaten = String()
    wajib_ganti_pin = Boolean()
    terakhir_masuk = DateTime(allow_none=True, metadata={"description": "masuk sebelum sesi ini (null: belum pernah)"})


class KontakOut(Schema):
    wa_operator = String(allow_none=True, metadata={"description": "nomor WhatsApp operator, 62..."})
    wa_link = String(allow_none=True, metadata={"description": "https://wa.me/62..."})
