"""How a resident reaches the desa operator: the WhatsApp number and its wa.me link."""
from flask import g

from desaonline.extensions import db
from tenants.models import Desa


def wa_link(nomor, teks=None):
    """https://wa.me/62... (with a prefilled message when ``teks``)."""
    from urllib.parse import quote
    link = f"https://wa.me/{nomor or ''}"
    return f"{link}?text={quote(teks)}" if teks else link


def nomor_wa(nomor):
    """A stored number in wa.me form: digits, 62 instead of the leading 0."""
    digits = "".join(c for c in (nomor or "") if c.isdigit())
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits or None


def kontak_desa():
    """{wa_operator, wa_link} of the current desa (None when the desa has no number)."""
    desa = db.session.get(Desa, g.desa.id)
    nomor = nomor_wa(desa.wa_operator if desa else None)
    return {"wa_operator": nomor, "wa_link": wa_link(nomor) if nomor else None}


def wa_tampil(nomor):
    """62812345678 -> 0812-345-678 for people to read."""
    if not nomor:
        return ""
    lokal = "0" + nomor[2:] if nomor.startswith("62") else nomor
    return "-".join(lokal[i:i + 4] for i in range(0, len(lokal), 4))
