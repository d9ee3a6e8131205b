"""Kinds of field a letter type may ask for, one table: each kind's check, how the
letter shows the value, and the form widget, side by side.

A stored value is what ``periksa`` returns (JSON in ``Surat.data``): text for most
kinds; for ``penduduk`` the person as the letter shows them (a resident of the desa
copied from the register, or someone from elsewhere as typed); for ``anggota_kk``
the chosen members of the KK. Checking those two needs the register: the caller
passes a ``Konteks`` (``layanan`` builds it), so this module never queries.
"""
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from wtforms import Form, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget

from desaonline.waktu import tanggal_indonesia

# Control characters break PDF text and have no place in a letter; newlines and tabs stay.
_KONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ANGKA = {"inputmode": "numeric"}
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}
HIDUP = "HIDUP"


def teks_bersih(nilai):
    """Typed text as a letter may hold it: no control characters, one kind of newline, trimmed."""
    teks = "" if nilai is None else str(nilai)
    return _KONTROL.sub("", teks.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _sama_nama(a, b):
    return " ".join((a or "").upper().split()) == " ".join((b or "").upper().split())


@dataclass(frozen=True)
class Konteks:
    """What checking a request may look at in the register, given by the caller.

    ``keluarga``: the subject's KK as person dicts (see ``orang``), every member
    whatever their status; ``cari(nik)``: a resident of this desa by NIK as a person
    dict, or None. A person dict has nik, nama, tempat_lahir, tanggal_lahir (ISO),
    jenis_kelamin (L/P), pekerjaan, alamat, hubungan and status_dasar.
    """
    keluarga: tuple = ()
    cari: Callable = lambda nik: None

    def anggota(self, nik):
        return next((a for a in self.keluarga if a["nik"] == nik), None)


@dataclass(frozen=True)
class JenisIsian:
    """One kind of field.

    ``periksa(isian, nilai, konteks)`` -> (stored value, None) or (None, message), for a
    non-empty value (text already cleaned unless ``terstruktur``); ``tampil(isian, nilai)``
    -> one line of text (the review page); ``kalimat(isian, nilai)`` -> the value inside
    the letter's sentences (default: ``tampil``); ``baris(isian, nilai)`` -> the rows of
    the letter's data table (default: one row); ``field(isian, konteks, **kw)`` -> the
    form's widget."""
    nama: str
    periksa: Callable
    tampil: Callable = lambda isian, nilai: str(nilai)
    field: Callable = None
    baris: Callable = None
    kalimat: Callable = None
    terstruktur: bool = False    # the raw value is a dict or list, not text
    uraian: str = ""             # for docs/api.md and the OpenAPI document


# --- checks -----------------------------------------------------------------------

def _panjang(maks):
    def periksa(isian, teks, konteks):
        if len(teks) > maks:
            return None, f"{isian.label} paling panjang {maks} karakter."
        return teks, None
    return periksa


def _tanggal(isian, teks, konteks=None):
    try:
        nilai = date.fromisoformat(teks)
    except ValueError:
        return None, f"{isian.label}: tanggal tidak valid (format TTTT-BB-HH)."
    if not 1900 <= nilai.year <= 2100:
        return None, f"{isian.label}: tahun tidak masuk akal."
    return nilai.isoformat(), None


def _jam(isian, teks, konteks):
    cocok = re.fullmatch(r"(\d{1,2})[.:](\d{2})", teks)
    if not cocok or int(cocok[1]) > 23 or int(cocok[2]) > 59:
        return None, f"{isian.label}: jam tidak valid, contoh 14:30."
    return f"{int(cocok[1]):02d}:{cocok[2]}", None


def _angka(isian, teks, konteks):
    if not re.fullmatch(r"\d{1,9}", teks):
        return None, f"{isian.label} harus berupa angka."
    return str(int(teks)), None


def _desimal(isian, teks, konteks):
    cocok = re.fullmatch(r"(\d{1,6})(?:[.,](\d{1,2}))?", teks)
    if not cocok:
        return None, f"{isian.label} harus berupa angka, contoh 3,2."
    return f"{int(cocok[1])}.{cocok[2]}" if cocok[2] else str(int(cocok[1])), None


def _uang(isian, teks, konteks):
    angka = re.sub(r"^rp\.?\s*|[.\s]|,00$", "", teks.lower())
    if not re.fullmatch(r"\d{1,13}", angka):
        return None, f"{isian.label} harus berupa jumlah rupiah, contoh 1500000."
    return str(int(angka)), None


def _nik(isian, teks, konteks=None):
    if not re.fullmatch(r"\d{16}", teks):
        return None, f"{isian.label} harus 16 angka."
    return teks, None


def _pilihan(isian, teks, konteks):
    pilihan = {p.lower(): p for p in isian.pilihan}
    if teks.lower() not in pilihan:
        return None, f"{isian.label}: pilih salah satu dari " + ", ".join(isian.pilihan) + "."
    return pilihan[teks.lower()], None


# A person typed by hand: these keys, checked like the kinds of the same name.
BAGIAN_ORANG = {"nik": "NIK", "nama": "Nama", "tempat_lahir": "Tempat Lahir", "tanggal_lahir": "Tanggal Lahir",
                "jenis_kelamin": "Jenis Kelamin", "pekerjaan": "Pekerjaan", "alamat": "Alamat"}
_SIMPAN_ORANG = tuple(BAGIAN_ORANG)


def _jenis_kelamin(teks):
    teks = teks.strip().upper()
    if teks in ("L", "LAKI-LAKI", "LAKI LAKI"):
        return "L"
    if teks in ("P", "PEREMPUAN"):
        return "P"
    return None


def _penduduk(isian, mentah, konteks):
    """A person: a resident of this desa by NIK (a member of the KK, or anyone else in the
    register whose name is given too), or someone from elsewhere typed in full."""
    konteks = konteks or Konteks()
    if isinstance(mentah, str):
        mentah = {"nik": mentah}
    if not isinstance(mentah, dict):
        return None, f"{isian.label}: kirim NIK, atau data orang sebagai objek (nik, nama, alamat, ...)."
    asing = sorted(k for k in mentah if k not in BAGIAN_ORANG)
    if asing:
        return None, f"{isian.label}: isian tidak dikenal: {', '.join(map(str, asing))}."
    data = {k: teks_bersih(v) for k, v in mentah.items() if teks_bersih(v)}
    nik = data.get("nik", "")
    if not re.fullmatch(r"\d{16}", nik):
        return None, f"{isian.label}: NIK harus 16 angka."
    warga = konteks.anggota(nik) or konteks.cari(nik)
    if warga is not None:
        dalam_kk = konteks.anggota(nik) is not None
        # Anyone outside the KK is named too, so a NIK alone never shows a stranger's data.
        if not dalam_kk and not _sama_nama(data.get("nama"), warga["nama"]):
            return None, (f"{isian.label}: NIK dan nama tidak cocok dengan data penduduk desa; "
                          "periksa keduanya, atau isi lengkap bila orangnya dari luar desa.")
        if isian.hanya_hidup and warga.get("status_dasar", HIDUP) != HIDUP:
            return None, (f"{isian.label}: {warga['nama']} berstatus {warga['status_dasar']} dalam data "
                          "penduduk dan tidak dapat dipilih.")
        nilai = {k: warga[k] for k in _SIMPAN_ORANG if warga.get(k)}
        nilai["terdaftar"] = True
        return nilai, None
    # From elsewhere: what Dukcapil's forms ask of a reporter or witness.
    for wajib in ("nama", "alamat"):
        if not data.get(wajib):
            return None, (f"{isian.label}: NIK tidak ada di data penduduk desa; isi juga "
                          f"{BAGIAN_ORANG[wajib].lower()} (orang dari luar desa).")
    for kunci_, maks in (("nama", 120), ("tempat_lahir", 100), ("pekerjaan", 100), ("alamat", 255)):
        if len(data.get(kunci_, "")) > maks:
            return None, f"{isian.label}: {BAGIAN_ORANG[kunci_].lower()} paling panjang {maks} karakter."
    if data.get("tanggal_lahir"):
        tgl, pesan = _tanggal(isian, data["tanggal_lahir"])
        if pesan:
            return None, pesan
        data["tanggal_lahir"] = tgl
    if data.get("jenis_kelamin"):
        jk = _jenis_kelamin(data["jenis_kelamin"])
        if jk is None:
            return None, f"{isian.label}: jenis kelamin L atau P."
        data["jenis_kelamin"] = jk
    data["nama"] = data["nama"].upper()
    return {k: data[k] for k in _SIMPAN_ORANG if data.get(k)} | {"terdaftar": False}, None


def _anggota_kk(isian, mentah, konteks):
    """Members of the subject's KK, by NIK; only living ones."""
    konteks = konteks or Konteks()
    if isinstance(mentah, str):
        mentah = [b for b in re.split(r"[\s,;]+", mentah) if b]
    if not isinstance(mentah, (list, tuple)) or not all(isinstance(n, str) for n in mentah):
        return None, f"{isian.label}: kirim daftar NIK anggota KK."
    hasil, dilihat = [], set()
    for nik in (n.strip() for n in mentah):
        anggota = konteks.anggota(nik)
        if anggota is None or anggota.get("status_dasar", HIDUP) != HIDUP:
            return None, f"{isian.label}: {nik or 'NIK kosong'} bukan anggota Kartu Keluarga yang dapat dipilih."
        if nik not in dilihat:
            dilihat.add(nik)
            hasil.append({"nik": nik, "nama": anggota["nama"], "hubungan": anggota.get("hubungan") or "-"})
    return hasil, None


# --- display ----------------------------------------------------------------------

def _rupiah(isian, nilai):
    return "Rp " + f"{int(nilai):,}".replace(",", ".")


def _tampil_tanggal(isian, nilai):
    tgl = date.fromisoformat(nilai)
    teks = tanggal_indonesia(tgl)
    return f"{HARI[tgl.weekday()]}, {teks}" if isian.hari else teks


def _tampil_desimal(isian, nilai):
    angka = str(nilai).replace(".", ",")
    return f"{angka} {isian.satuan}" if isian.satuan else angka


def _tampil_angka(isian, nilai):
    return f"{nilai} {isian.satuan}" if isian.satuan else str(nilai)


def _tampil_penduduk(isian, nilai):
    return f"{nilai.get('nama', '-')} (NIK {nilai.get('nik', '-')})"


def _ttl(orang):
    tgl = orang.get("tanggal_lahir")
    tgl = tanggal_indonesia(date.fromisoformat(tgl)) if tgl else None
    return ", ".join(x for x in (orang.get("tempat_lahir"), tgl) if x) or None


def _baris_penduduk(isian, nilai):
    baris = [(isian.bagian or isian.label, None), ("Nama Lengkap", nilai.get("nama")), ("NIK", nilai.get("nik")),
             ("Tempat, Tanggal Lahir", _ttl(nilai)),
             ("Jenis Kelamin", JENIS_KELAMIN.get(nilai.get("jenis_kelamin"))),
             ("Pekerjaan", (nilai.get("pekerjaan") or "").title() or None), ("Alamat", nilai.get("alamat"))]
    return [(label, isi) for label, isi in baris if isi is not None or label == (isian.bagian or isian.label)]


def _tampil_anggota(isian, nilai):
    return ", ".join(f"{a['nama']} (NIK {a['nik']})" for a in nilai)


def _baris_anggota(isian, nilai):
    daftar = "\n".join(f"{n}. {a['nama']}, NIK {a['nik']} ({a['hubungan'].title()})" for n, a in enumerate(nilai, 1))
    return [(isian.label, daftar), ("Jumlah", f"{len(nilai)} orang")]


# --- widgets ----------------------------------------------------------------------

def _teks_field(render_kw):
    return lambda isian, konteks=None, **kw: StringField(render_kw=render_kw, **kw)


def _pilihan_field(isian, konteks=None, **kw):
    return SelectField(choices=[SelectChoice("", "- Pilih -")] + [SelectChoice(p, p) for p in isian.pilihan],
                       validate_choice=False, **kw)


class FormOrang(Form):
    """A person in a letter: NIK first; the rest only for someone from outside the desa
    (or, for a resident outside the KK, the name, so the NIK is not guessed)."""
    nik = StringField("NIK", render_kw={**_ANGKA, "maxlength": 16, "autocomplete": "off", "list": "anggota-kk"})
    nama = StringField("Nama", render_kw={"maxlength": 120})
    tanggal_lahir = StringField("Tanggal Lahir", render_kw={"type": "date"})
    pekerjaan = StringField("Pekerjaan", render_kw={"maxlength": 100})
    alamat = StringField("Alamat", render_kw={"maxlength": 255})


def _penduduk_field(isian, konteks=None, **kw):
    from wtforms import FormField
    return FormField(FormOrang, **kw)


def _anggota_field(isian, konteks=None, **kw):
    anggota = [a for a in (konteks.keluarga if konteks else ()) if a.get("status_dasar", HIDUP) == HIDUP]
    return SelectMultipleField(
        choices=[SelectChoice(a["nik"], f"{a['nama'].title()} - {a['nik']} ({(a.get('hubungan') or '-').title()})")
                 for a in anggota],
        widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(), validate_choice=False, **kw)


JENIS = {j.nama: j for j in (
    JenisIsian("teks", _panjang(200), field=_teks_field({"maxlength": 200}), uraian="teks satu baris (200)"),
    JenisIsian("teks_panjang", _panjang(1000),
               field=lambda isian, konteks=None, **kw: TextAreaField(render_kw={"rows": 3, "maxlength": 1000}, **kw),
               uraian="teks beberapa baris (1000)"),
    JenisIsian("tanggal", _tanggal, _tampil_tanggal, _teks_field({"type": "date"}), uraian="tanggal TTTT-BB-HH"),
    JenisIsian("jam", _jam, lambda isian, v: v.replace(":", ".") + " WIB", _teks_field({"type": "time"}),
               uraian="jam JJ:MM (WIB)"),
    JenisIsian("angka", _angka, _tampil_angka, _teks_field(_ANGKA), uraian="bilangan bulat"),
    JenisIsian("desimal", _desimal, _tampil_desimal, _teks_field({"inputmode": "decimal"}),
               uraian="bilangan dengan dua desimal, koma atau titik (3,2)"),
    JenisIsian("uang", _uang, _rupiah, _teks_field(_ANGKA), uraian="rupiah (1500000 atau Rp 1.500.000)"),
    JenisIsian("nik", _nik, field=_teks_field({**_ANGKA, "maxlength": 16, "pattern": "[0-9]{16}"}),
               uraian="16 angka"),
    JenisIsian("pilihan", _pilihan, field=_pilihan_field, uraian="salah satu dari `pilihan`"),
    JenisIsian("penduduk", _penduduk, _tampil_penduduk, _penduduk_field, _baris_penduduk,
               kalimat=lambda isian, v: v.get("nama", "-"), terstruktur=True,
               uraian="seorang: penduduk desa dengan `{nik}` (anggota KK) atau `{nik, nama}`, atau orang luar desa "
                      "`{nik, nama, alamat, tempat_lahir?, tanggal_lahir?, jenis_kelamin?, pekerjaan?}`"),
    JenisIsian("anggota_kk", _anggota_kk, _tampil_anggota, _anggota_field, _baris_anggota,
               kalimat=lambda isian, v: f"{len(v)} orang", terstruktur=True,
               uraian="daftar NIK anggota KK yang masih hidup (`GET /api/v1/mandiri/keluarga`)"),
)}


def kosong(nilai):
    if isinstance(nilai, dict):
        return not any(teks_bersih(v) for v in nilai.values())
    if isinstance(nilai, (list, tuple)):
        return not nilai
    return not teks_bersih(nilai)


def periksa(isian, mentah, konteks=None):
    """(value to store or None, message or None) for one of a type's own fields."""
    jenis = JENIS[isian.jenis]
    if kosong(mentah):
        return None, (f"{isian.label} wajib diisi." if isian.wajib else None)
    if not jenis.terstruktur:
        if isinstance(mentah, (dict, list)):
            return None, f"{isian.label} harus berupa teks."
        mentah = teks_bersih(mentah)
    return jenis.periksa(isian, mentah, konteks)


def tampil(isian, nilai):
    """A stored value as one line of text (None when empty)."""
    if nilai in (None, "", [], {}):
        return None
    return JENIS[isian.jenis].tampil(isian, nilai)


def kalimat(isian, nilai):
    """A stored value as the letter's sentences use it (None when empty)."""
    if nilai in (None, "", [], {}):
        return None
    jenis = JENIS[isian.jenis]
    return (jenis.kalimat or jenis.tampil)(isian, nilai)


def baris(isian, nilai):
    """A stored value as rows of the letter's data table (none when empty)."""
    if nilai in (None, "", [], {}):
        return []
    jenis = JENIS[isian.jenis]
    return jenis.baris(isian, nilai) if jenis.baris else [(isian.label, jenis.tampil(isian, nilai))]


def field(isian, konteks=None):
    """The form widget of a field, labelled as the resident reads it."""
    label = isian.label if isian.wajib else f"{isian.label} (tidak wajib)"
    return JENIS[isian.jenis].field(isian, konteks, label=label, description=isian.petunjuk or "")
