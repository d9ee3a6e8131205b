"""The verification code of a signed letter: in its QR link and printed beside it.

Someone holding a photocopy types it, so it is made of Crockford's base-32 digits (no
I, L, O or U to mistake for 1 or 0), 25 of them (125 bits: unguessable), printed in
groups of five. What is typed is read the forgiving way: case, spaces and dashes do
not count, and I/L read as 1, O as 0. Codes of letters signed before this format (URL
tokens) are still found as they are.
"""
import re
import secrets

ABJAD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PANJANG = 25
_BACA = str.maketrans({"I": "1", "L": "1", "O": "0"})


def buat():
    """A new code, as stored (no dashes): 125 random bits read at once (one read of the
    system's random source, not one per digit), five bits per digit."""
    bit = secrets.randbits(5 * PANJANG)
    return "".join(ABJAD[(bit >> (5 * i)) & 31] for i in range(PANJANG))


def tampil(kode):
    """As printed: ABCDE-FGHJK-MNPQR-STVWX-YZ012 (an old-style code as it is)."""
    if kode and len(kode) == PANJANG and all(c in ABJAD for c in kode):
        return "-".join(kode[i:i + 5] for i in range(0, PANJANG, 5))
    return kode


def baku(teks):
    """What someone typed (or the QR link carried), as the code is stored; None if it cannot be one."""
    teks = (teks or "").strip()
    if not teks or len(teks) > 64:
        return None
    bersih = re.sub(r"[\s\-]", "", teks).upper().translate(_BACA)
    if len(bersih) == PANJANG and all(c in ABJAD for c in bersih):
        return bersih
    return teks   # an older URL-token code is matched exactly
