"""PIN rules: the first PIN (the birth date), what a new PIN may be, one-time PINs."""
import hmac
import re
import secrets

from desaonline.auth.passwords import burn_time, pin_sekali, verify_pin_sekali, verify_secret

PANJANG_PIN = 6
_ENAM_ANGKA = re.compile(r"^\d{6}$")

# PINs people pick first; every one of them is tried first by anyone guessing.
_PIN_UMUM = frozenset({
    "123123", "112233", "121212", "123321", "147258", "147852", "159753", "789456", "102030",
    "100200", "010203", "111222", "112211", "123654", "520520", "131313", "696969", "246810",
})


def pin_awal(penduduk):
    """The first PIN: the birth date as YYYYMMDD (as Desa Online Kebumen does)."""
    return penduduk.tanggal_lahir.strftime("%Y%m%d")


def pin_cocok(penduduk, pin):
    """Does ``pin`` open this account? Always costs one argon2 check, whichever PIN it is."""
    pin = pin or ""
    if penduduk.pin_hash is None:
        burn_time(pin)
        return hmac.compare_digest(pin.encode(), pin_awal(penduduk).encode())
    if pin_sekali(penduduk.pin_hash):
        return verify_pin_sekali(penduduk.pin_hash, pin)
    return verify_secret(penduduk.pin_hash, pin)


def _enam_digit_dari(teks):
    return {teks[i:i + 6] for i in range(len(teks) - 5)}


def bentuk_tanggal(tanggal):
    """Every 6-digit way people write a date: DDMMYY, YYMMDD, MMDDYY, parts of DDMMYYYY..."""
    d, m, y = f"{tanggal.day:02d}", f"{tanggal.month:02d}", f"{tanggal.year:04d}"
    yy = y[2:]
    bentuk = {d + m + yy, yy + m + d, m + d + yy, yy + d + m, d + yy + m, m + yy + d}
    for panjang in (y + m + d, d + m + y, m + d + y, y + d + m):
        bentuk |= _enam_digit_dari(panjang)
    return bentuk


def pin_sepele(pin):
    """Repeated digits, runs up or down, repeated pairs/triples, well-known PINs."""
    if len(set(pin)) <= 2 and (pin == pin[:2] * 3 or len(set(pin)) == 1):
        return True
    if pin == pin[:3] * 2 or pin in _PIN_UMUM:
        return True
    langkah = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:])}
    if langkah in ({1}, {9}):  # 123456, 345678, 890123, 654321, 098765
        return True
    if pin[0::2] in ("123", "321") and pin[0::2] == pin[1::2]:  # 112233, 332211
        return True
    return pin == pin[::-1] and len(set(pin)) <= 2  # 122221-like mirrors


def alasan_pin_ditolak(penduduk, pin_baru, pin_lama=None):
    """Why ``pin_baru`` may not be this resident's PIN (a message), or None when it may."""
    pin_baru = pin_baru or ""
    if not _ENAM_ANGKA.match(pin_baru):
        return "PIN baru harus 6 angka."
    if pin_lama is not None and hmac.compare_digest(pin_baru.encode(), pin_lama.encode()):
        return "PIN baru harus berbeda dari PIN lama."
    if pin_baru in bentuk_tanggal(penduduk.tanggal_lahir):
        return "PIN baru tidak boleh tanggal lahir Anda."
    if pin_baru in (penduduk.nik[6:12], penduduk.nik[-6:]):
        return "PIN baru tidak boleh bagian dari NIK Anda."
    if pin_sepele(pin_baru):
        return "PIN baru terlalu mudah ditebak (misalnya 123456 atau 111111). Pilih angka lain."
    return None


def pin_acak(penduduk):
    """A random one-time PIN that passes the same rules as a PIN chosen by the resident."""
    while True:
        pin = f"{secrets.randbelow(10 ** PANJANG_PIN):06d}"
        if alasan_pin_ditolak(penduduk, pin) is None:
            return pin
