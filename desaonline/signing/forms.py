from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import PasswordField, RadioField, StringField
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
        SelectChoice("bsre", "BSrE BSSN (esign client kabupaten, passphrase diketik saat menyetujui)"),
    ], default="sertifikat")
    bsre_nik = StringField("NIK Kepala Desa di BSrE", validators=[
        Optional(), Regexp(r"^\d{16}$", message="NIK harus 16 angka.")],
        render_kw={"inputmode": "numeric", "autocomplete": "off"})
