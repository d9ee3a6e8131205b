"""WhatsApp numbers: typed by people in many shapes, stored and linked as ``62...``."""
import re
from urllib.parse import quote

from desaonline.errors import Penolakan


def normalisasi(nomor, isian="wa_operator"):
    """'0812-3456 789' / '+62812...' -> '62812...' (what wa.me wants); None when empty.

    Refuses (422, naming ``isian``) what cannot be an Indonesian mobile number."""
    if not (nomor or "").strip():
        return None
    digits = re.sub(r"\D", "", nomor)
    if re.search(r"[^\d\s+().-]", nomor):  # letters are a typo, not an empty number
        digits = ""
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    if not digits.startswith("62") or not 10 <= len(digits) <= 15:
        pesan = f"Nomor WhatsApp tidak valid ('{nomor.strip()}'), contoh 081234567890."
        raise Penolakan(422, "wa_tidak_valid", pesan, {isian: pesan})
    return digits


def nomor_wa(nomor):
    """A stored number in wa.me form: digits, 62 instead of the leading 0."""
    digits = "".join(c for c in (nomor or "") if c.isdigit())
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits or None


def wa_link(nomor, teks=None):
    """https://wa.me/62... (with a prefilled message when ``teks``)."""
    link = f"https://wa.me/{nomor or ''}"
    return f"{link}?text={quote(teks)}" if teks else link


def wa_tampil(nomor):
    """62812345678 -> 0812-345-678 for people to read."""
    if not nomor:
        return ""
    lokal = "0" + nomor[2:] if nomor.startswith("62") else nomor
    return "-".join(lokal[i:i + 4] for i in range(0, len(lokal), 4))
