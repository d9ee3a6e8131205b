"""Kinds of field a letter type may ask for, one table: each kind's check, how the
letter shows the value, and the form widget, side by side.

A stored value is always text (JSON in ``Surat.data``): what ``periksa`` returns.
"""
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice

from desaonline.waktu import tanggal_indonesia

# Control characters break PDF text and have no place in a letter; newlines and tabs stay.
_KONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ANGKA = {"inputmode": "numeric"}


def teks_bersih(nilai):
    """Typed text as a letter may hold it: no control characters, one kind of newline, trimmed."""
    teks = "" if nilai is None else str(nilai)
    return _KONTROL.sub("", teks.replace("\r\n", "\n").replace("\r", "\n")).strip()


@dataclass(frozen=True)
class JenisIsian:
    """``periksa(isian, teks)`` -> (stored value, None) or (None, message), for non-empty text;
    ``tampil(nilai)`` -> the text on the letter; ``field(**kw)`` -> the form's widget."""
    nama: str
    periksa: Callable
    tampil: Callable = str
    field: Callable = None


def _panjang(maks):
    def periksa(isian, teks):
        if len(teks) > maks:
            return None, f"{isian.label} paling panjang {maks} karakter."
        return teks, None
    return periksa


def _tanggal(isian, teks):
    try:
        nilai = date.fromisoformat(teks)
    except ValueError:
        return None, f"{isian.label}: tanggal tidak valid (format TTTT-BB-HH)."
    if not 1900 <= nilai.year <= 2100:
        return None, f"{isian.label}: tahun tidak masuk akal."
    return nilai.isoformat(), None


def _jam(isian, teks):
    cocok = re.fullmatch(r"(\d{1,2})[.:](\d{2})", teks)
    if not cocok or int(cocok[1]) > 23 or int(cocok[2]) > 59:
        return None, f"{isian.label}: jam tidak valid, contoh 14:30."
    return f"{int(cocok[1]):02d}:{cocok[2]}", None


def _angka(isian, teks):
    if not re.fullmatch(r"\d{1,9}", teks):
        return None, f"{isian.label} harus berupa angka."
    return str(int(teks)), None


def _uang(isian, teks):
    angka = re.sub(r"^rp\.?\s*|[.\s]|,00$", "", teks.lower())
    if not re.fullmatch(r"\d{1,13}", angka):
        return None, f"{isian.label} harus berupa jumlah rupiah, contoh 1500000."
    return str(int(angka)), None


def _nik(isian, teks):
    if not re.fullmatch(r"\d{16}", teks):
        return None, f"{isian.label} harus 16 angka."
    return teks, None


def _pilihan(isian, teks):
    pilihan = {p.lower(): p for p in isian.pilihan}
    if teks.lower() not in pilihan:
        return None, f"{isian.label}: pilih salah satu dari " + ", ".join(isian.pilihan) + "."
    return pilihan[teks.lower()], None


def _rupiah(nilai):
    return "Rp " + f"{int(nilai):,}".replace(",", ".")


def _teks_field(render_kw):
    return lambda isian, **kw: StringField(render_kw=render_kw, **kw)


def _pilihan_field(isian, **kw):
    return SelectField(choices=[SelectChoice("", "- Pilih -")] + [SelectChoice(p, p) for p in isian.pilihan],
                       validate_choice=False, **kw)


JENIS = {j.nama: j for j in (
    JenisIsian("teks", _panjang(200), field=_teks_field({"maxlength": 200})),
    JenisIsian("teks_panjang", _panjang(1000),
               field=lambda isian, **kw: TextAreaField(render_kw={"rows": 3, "maxlength": 1000}, **kw)),
    JenisIsian("tanggal", _tanggal, lambda v: tanggal_indonesia(date.fromisoformat(v)),
               _teks_field({"type": "date"})),
    JenisIsian("jam", _jam, lambda v: v.replace(":", ".") + " WIB", _teks_field({"type": "time"})),
    JenisIsian("angka", _angka, field=_teks_field(_ANGKA)),
    JenisIsian("uang", _uang, _rupiah, _teks_field(_ANGKA)),
    JenisIsian("nik", _nik, field=_teks_field({**_ANGKA, "maxlength": 16, "pattern": "[0-9]{16}"})),
    JenisIsian("pilihan", _pilihan, field=_pilihan_field),
)}


def periksa(isian, mentah):
    """(value to store or None, message or None) for one of a type's own fields."""
    teks = teks_bersih(mentah)
    if not teks:
        return None, (f"{isian.label} wajib diisi." if isian.wajib else None)
    return JENIS[isian.jenis].periksa(isian, teks)


def tampil(isian, nilai):
    """A stored value as the letter shows it (None when empty)."""
    if nilai in (None, ""):
        return None
    return JENIS[isian.jenis].tampil(nilai)


def field(isian):
    """The form widget of a field, labelled as the resident reads it."""
    label = isian.label if isian.wajib else f"{isian.label} (tidak wajib)"
    return JENIS[isian.jenis].field(isian, label=label, description=isian.petunjuk or "")
