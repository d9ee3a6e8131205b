from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, IntegerField, PasswordField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, Regexp


class SertifikatForm(FlaskForm):
    berkas = FileField("Berkas Sertifikat (.p12 / .pfx)",
                       validators=[FileRequired(message="Pilih berkas sertifikat.")],
                       render_kw={"accept": ".p12,.pfx,application/x-pkcs12"})
    sandi = PasswordField("Kata Sandi Sertifikat", validators=[Length(max=256)],
                          render_kw={"autocomplete": "off"})


class MetodeForm(FlaskForm):
    metode = RadioField("Cara Tanda Tangan", choices=[
        SelectChoice("sertifikat", "Sertifikat desa (berkas .p12 yang diunggah)"),
        SelectChoice("bsre", "BSrE BSSN (esign client, passphrase diketik Kepala Desa saat menyetujui)"),
    ], default="sertifikat")
    bsre_nik = StringField("NIK Kepala Desa di BSrE", validators=[
        Optional(), Regexp(r"^\d{16}$", message="NIK harus 16 angka.")],
        render_kw={"inputmode": "numeric", "autocomplete": "off"})
    bsre_visual = RadioField("Tanda tangan tampak", choices=[
        SelectChoice("qr", "Kode QR menuju halaman verifikasi surat"),
        SelectChoice("spesimen", "Gambar spesimen tanda tangan Kepala Desa"),
    ], default="qr")
    bsre_letak = RadioField("Letak", choices=[
        SelectChoice("koordinat", "Di kotak tanda tangan (koordinat)"),
        SelectChoice("tag", "Di tanda ^ dalam kotak tanda tangan (tag_koordinat)"),
    ], default="koordinat")


class SpesimenForm(FlaskForm):
    berkas = FileField("Gambar Spesimen (PNG atau JPEG)", validators=[FileRequired(message="Pilih gambar spesimen.")],
                       render_kw={"accept": "image/png,image/jpeg"})


class EsignClientForm(FlaskForm):
    url = StringField("Alamat Esign Client", validators=[Length(max=255)],
                      render_kw={"inputmode": "url", "placeholder": "https://esign.desa.go.id"})
    versi = SelectField("Versi API", choices=[SelectChoice("1", "1"), SelectChoice("2", "2")], default="1")
    username = StringField("Nama Pengguna Aplikasi", validators=[Length(max=255)], render_kw={"autocomplete": "off"})
    password = PasswordField("Kata Sandi Aplikasi", validators=[Length(max=255)],
                             render_kw={"autocomplete": "new-password"})


class TombolForm(FlaskForm):
    """A button that posts (CSRF only)."""


class MintaTotpForm(FlaskForm):
    """BSrE API v2: BSrE mails the Kepala Desa a one-time code for this many letters."""
    jumlah = IntegerField("Jumlah surat", default=1, render_kw={"inputmode": "numeric", "min": 1, "max": 20})
    kembali = HiddenField()
