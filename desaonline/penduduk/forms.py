"""The operator's forms for the resident register."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, IntegerField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, NumberRange

from desaonline.mandiri.models import PIN_AWAL

from desaonline.penduduk import referensi as ref
from desaonline.penduduk.referensi import JENIS_KELAMIN

WAJIB = "Wajib diisi."
_NIK = {"inputmode": "numeric", "maxlength": 16}


def _pilihan(daftar, kosong="- pilih -"):
    """A select of a SIAK list: the stored labels, nothing typed freely."""
    return [SelectChoice("", kosong)] + [SelectChoice(v, v) for v in daftar.pilihan]


def _pilih(label, daftar, **kw):
    return SelectField(label, choices=_pilihan(daftar), validate_choice=False, **kw)


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
    hubungan_keluarga = _pilih("Hubungan dalam Keluarga", ref.HUBUNGAN, validators=[DataRequired(WAJIB)])
    agama = _pilih("Agama", ref.AGAMA)
    status_perkawinan = _pilih("Status Perkawinan", ref.STATUS_PERKAWINAN)
    pekerjaan = _pilih("Pekerjaan", ref.PEKERJAAN)
    pendidikan = _pilih("Pendidikan Terakhir (dalam KK)", ref.PENDIDIKAN)
    pendidikan_sedang = _pilih("Pendidikan yang Sedang Ditempuh", ref.PENDIDIKAN_SEDANG)
    kewarganegaraan = SelectField("Kewarganegaraan", choices=_pilihan(ref.KEWARGANEGARAAN)[1:], validate_choice=False)
    golongan_darah = _pilih("Golongan Darah", ref.GOLONGAN_DARAH)
    status_dasar = SelectField("Status Dasar", choices=_pilihan(ref.STATUS_DASAR)[1:], validate_choice=False,
                               default=ref.HIDUP)
    nama_ayah = StringField("Nama Ayah", render_kw={"maxlength": 120})
    nik_ayah = StringField("NIK Ayah", render_kw=_NIK)
    nama_ibu = StringField("Nama Ibu", render_kw={"maxlength": 120})
    nik_ibu = StringField("NIK Ibu", render_kw=_NIK)
    akta_lahir = StringField("Nomor Akta Kelahiran", render_kw={"maxlength": 40})
    akta_perkawinan = StringField("Nomor Akta Perkawinan / Buku Nikah", render_kw={"maxlength": 40})
    tanggal_perkawinan = StringField("Tanggal Perkawinan", render_kw={"type": "date"})
    akta_perceraian = StringField("Nomor Akta Perceraian", render_kw={"maxlength": 40})
    tanggal_perceraian = StringField("Tanggal Perceraian", render_kw={"type": "date"})
    no_hp = StringField("Nomor HP / WhatsApp", render_kw={"inputmode": "tel", "maxlength": 20})
    alamat = StringField("Alamat", render_kw={"maxlength": 255})
    rt = StringField("RT", render_kw={"inputmode": "numeric", "maxlength": 3})
    rw = StringField("RW", render_kw={"inputmode": "numeric", "maxlength": 3})
    dusun = StringField("Dusun", render_kw={"maxlength": 100})


class ImporForm(FlaskForm):
    berkas = FileField("Berkas CSV, XLSX atau XLSM", validators=[FileRequired("Pilih berkas CSV, XLSX atau XLSM.")],
                       render_kw={"accept": ".csv,.xlsx,.xlsm,text/csv,"
                                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                                            "application/vnd.ms-excel.sheet.macroEnabled.12"})


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
