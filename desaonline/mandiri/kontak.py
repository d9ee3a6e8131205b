"""How a resident reaches the desa operator: the WhatsApp number and its wa.me link."""
from flask import g

from desaonline.extensions import db
from desaonline.whatsapp import nomor_wa, wa_link
from tenants.models import Desa


def kontak_desa():
    """{wa_operator, wa_link} of the current desa (None when the desa has no number)."""
    desa = db.session.get(Desa, g.desa.id)
    nomor = nomor_wa(desa.wa_operator if desa else None)
    return {"wa_operator": nomor, "wa_link": wa_link(nomor) if nomor else None}
