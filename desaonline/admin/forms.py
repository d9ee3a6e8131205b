"""Forms of the admin pages. They check presence and length; the rules themselves
(slug, Kemendagri code, WhatsApp number, password strength) live in ``services``,
shared with the API and the CLI."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, PasswordField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

WAJIB = "Wajib diisi."


def _wajib(maks):
    return [DataRequired(message=WAJIB), Length(max=maks, message=f"Paling banyak {maks} karakter.")]


# "Slug" means nothing to a kabupaten's staff; what they choose is a part of the web address.
NAMA_ALAMAT = "Nama di alamat web"


class KecamatanForm(FlaskForm):
    nama = StringField("Nama Kecamatan", validators=_wajib(120))
    slug = StringField(NAMA_ALAMAT, validators=_wajib(63))
    kode = StringField("Kode Wilayah", validators=_wajib(13))
    submit = SubmitField("Simpan")


class DesaBaruForm(FlaskForm):
    kecamatan = SelectField("Kecamatan", validators=[DataRequired(message="Pilih kecamatan.")],
                            invalid_choice_message="Pilih kecamatan dari daftar (hanya wilayah Anda).")
    nama = StringField("Nama Desa", validators=_wajib(120))
    slug = StringField(NAMA_ALAMAT, validators=_wajib(63))
    kode = StringField("Kode Wilayah", validators=_wajib(13))
    jenis = SelectField("Jenis", choices=[SelectChoice("desa", "Desa"), SelectChoice("kelurahan", "Kelurahan")],
                        default="desa", invalid_choice_message="Pilih desa atau kelurahan.")
    wa_operator = StringField("WhatsApp Operator", validators=[Optional(), Length(max=20)])
    submit = SubmitField("Simpan")


class DesaUbahForm(FlaskForm):
    nama = StringField("Nama Desa", validators=_wajib(120))
    wa_operator = StringField("WhatsApp Operator", validators=[Optional(), Length(max=20)])
    alamat_kantor = StringField("Alamat Kantor", validators=[Optional(), Length(max=255)])
    aktif = BooleanField("Aktif")
    submit = SubmitField("Simpan")


class HostForm(FlaskForm):
    host = StringField("Nama Host Tambahan", validators=_wajib(253))
    submit = SubmitField("Tambah")


class OperatorForm(FlaskForm):
    username = StringField("Nama Pengguna", validators=_wajib(64), render_kw={"autocomplete": "off"})
    nama = StringField("Nama Lengkap", validators=[Optional(), Length(max=120)])
    password = PasswordField("Kata Sandi", validators=_wajib(256), render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Simpan")


class SandiForm(FlaskForm):
    # Empty: the portal makes a one-time password, shown once, that the operator replaces at login.
    password_baru = PasswordField("Kata Sandi Baru (boleh kosong)", validators=[Optional(), Length(max=256)],
                                  render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Reset Kata Sandi")


class ImporDesaForm(FlaskForm):
    berkas = FileField("Berkas CSV", validators=[FileRequired("Pilih berkas CSV.")])


class OperatorMassalForm(FlaskForm):
    username = StringField("Nama Pengguna", default="operator", validators=_wajib(64),
                           render_kw={"autocomplete": "off", "autocapitalize": "none"})
