"""The operator's forms."""
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

WAJIB = "Wajib diisi."


class MasukForm(FlaskForm):
    username = StringField("Nama Pengguna", validators=[DataRequired(WAJIB), Length(max=64)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField("Kata Sandi", validators=[DataRequired(WAJIB), Length(max=256)],
                             render_kw={"autocomplete": "current-password"})
