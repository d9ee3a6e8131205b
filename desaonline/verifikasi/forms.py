from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class KodeForm(FlaskForm):
    kode = StringField("Kode Verifikasi", validators=[DataRequired(message="Ketik kode verifikasi."),
                                                      Length(max=64, message="Kode terlalu panjang.")],
                       render_kw={"autocomplete": "off", "spellcheck": "false"})


class PdfForm(FlaskForm):
    berkas = FileField("Berkas PDF Surat", validators=[FileRequired(message="Pilih berkas PDF.")],
                       render_kw={"accept": "application/pdf,.pdf"})
