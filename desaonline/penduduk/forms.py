"""The operator's forms for the resident register."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, IntegerField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, NumberRange

from desaonline.mandiri.models import PIN_AWAL

from desaonline.penduduk.referensi import AGAMA, HUBUNGAN_KELUARGA, JENIS_KELAMIN, STATUS_PERKAWINAN

WAJIB = "Wajib diisi."


def _pilihan(daftar, kosong="- pilih -"):
    return [SelectChoice("", kosong)] + [SelectChoice(v, v) for v in daftar]


class PendudukForm(FlaskForm):
    """Presence only; the rules are the import's (``penduduk.validasi``), checked on save."""
    nik = StringField("NIK", validators=[DataRequired(WAJIB)], render_kw={"inputmode": "numeric", "maxlength": 16})
    no_kk = StringField("Nomor KK", validators=[DataRequired(WAJIB)],
                        render_kw={"inputmode": "numeric", "maxlength": 16})
    nama = StringField("Nama Lengkap", validators=[DataRequired(WAJIB)], render_kw={"maxlength": 120})
    tempat_lahir = StringField("Tempat Lahir", render_kw={"maxlength": 100})
    tanggal_lahir = StringField("Tanggal Lahir", validators=[DataRequired(WAJIB)],
                                render_kw={"type": "date", "placeholder": "TTTT-BB-HH"})
    jenis_kelamin = SelectField("Jenis Kelamin", choices=[SelectChoice("", "- pilih -")] + [SelectChoice(k, v) for k, v in JENIS_KELAMIN.items()],
                                validators=[DataRequired(WAJIB)], validate_choice=False)
    hubungan_keluarga = SelectField("Hubungan dalam Keluarga", choices=_pilihan(HUBUNGAN_KELUARGA),
                                    validators=[DataRequired(WAJIB)], validate_choice=False)
    agama = SelectField("Agama", choices=_pilihan(AGAMA), validate_choice=False)
    status_perkawinan = SelectField("Status Perkawinan", choices=_pilihan(STATUS_PERKAWINAN), validate_choice=False)
    pekerjaan = StringField("Pekerjaan", render_kw={"maxlength": 100})
    pendidikan = StringField("Pendidikan", render_kw={"maxlength": 60})
    kewarganegaraan = SelectField("Kewarganegaraan", choices=_pilihan(("WNI", "WNA"))[1:], validate_choice=False)
    golongan_darah = StringField("Golongan Darah", render_kw={"maxlength": 3})
    no_hp = StringField("Nomor HP / WhatsApp", render_kw={"inputmode": "tel", "maxlength": 20})
    alamat = StringField("Alamat", render_kw={"maxlength": 255})
    rt = StringField("RT", render_kw={"inputmode": "numeric", "maxlength": 3})
    rw = StringField("RW", render_kw={"inputmode": "numeric", "maxlength": 3})
    dusun = StringField("Dusun", render_kw={"maxlength": 100})


class ImporForm(FlaskForm):
    berkas = FileField("Berkas CSV atau XLSX", validators=[FileRequired("Pilih berkas CSV atau XLSX.")],
                       render_kw={"accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})


class CariForm(FlaskForm):
    """Sent by POST and kept in the session: a NIK typed here never reaches a URL (or an access log)."""
    q = StringField("Cari NIK atau nama", render_kw={"type": "search", "placeholder": "mis. 3305 atau SUGENG",
                                                     "maxlength": 120})


class KonfirmasiForm(FlaskForm):
    """A confirmation whose token is good for one change only (``mandiri.akun.tanda_reset``)."""
    tanda = HiddenField()


class PengaturanAkunForm(FlaskForm):
    pin_awal = RadioField("PIN pertama penduduk baru", choices=[SelectChoice(k, v) for k, v in PIN_AWAL.items()],
                          validators=[DataRequired("Pilih salah satu.")])
    masa_berlaku_hari = IntegerField("Masa berlaku PIN pertama (hari)",
                                     validators=[InputRequired("Wajib diisi."),
                                                 NumberRange(1, 365, "Masa berlaku 1 sampai 365 hari.")],
                                     render_kw={"inputmode": "numeric", "min": 1, "max": 365})
