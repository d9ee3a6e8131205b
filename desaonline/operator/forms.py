from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

WAJIB = "Wajib diisi."


class GantiSandiForm(FlaskForm):
    sandi_lama = PasswordField("Kata Sandi Lama", validators=[DataRequired(WAJIB), Length(max=256)],
                               render_kw={"autocomplete": "current-password"})
    sandi_baru = PasswordField("Kata Sandi Baru", validators=[DataRequired(WAJIB), Length(max=256)],
                               render_kw={"autocomplete": "new-password"})
    ulangi_sandi = PasswordField("Ulangi Kata Sandi Baru", validators=[
        DataRequired(WAJIB), EqualTo("sandi_baru", message="Tidak sama dengan kata sandi baru.")],
        render_kw={"autocomplete": "new-password"})
