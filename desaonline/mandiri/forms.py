"""The resident's forms. The labels are the words of the kabupaten's printed guide."""
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

WAJIB = "Wajib diisi."
_PIN = {"inputmode": "numeric", "pattern": "[0-9]*", "maxlength": 8}


class MasukForm(FlaskForm):
    nik = StringField("NIK", validators=[DataRequired(WAJIB), Length(max=32)],
                      render_kw={"inputmode": "numeric", "autocomplete": "username", "maxlength": 16})
    pin = PasswordField("PIN", validators=[DataRequired(WAJIB), Length(max=64)],
                        render_kw=_PIN | {"autocomplete": "current-password"})
    # Asked on the login page itself, beside the PIN: only the birth-date PIN needs it,
    # and a resident who follows the printed guide (NIK, PIN, Masuk) is asked for it
    # there, with the PIN kept, before any account is opened.
    no_kk = StringField("Nomor KK", validators=[Length(max=32)],
                        render_kw={"inputmode": "numeric", "maxlength": 16, "autocomplete": "off"})


class GantiPinForm(FlaskForm):
    pin_lama = PasswordField("PIN Lama", validators=[DataRequired(WAJIB), Length(max=64)],
                             render_kw=_PIN | {"autocomplete": "current-password"})
    pin_baru = PasswordField("PIN Baru", validators=[DataRequired(WAJIB), Length(max=64)],
                             render_kw=_PIN | {"autocomplete": "new-password", "maxlength": 6})
    ulangi_pin = PasswordField("Ulangi PIN Baru", validators=[
        DataRequired(WAJIB), EqualTo("pin_baru", "PIN baru dan ulangannya tidak sama.")],
        render_kw=_PIN | {"autocomplete": "new-password", "maxlength": 6})
