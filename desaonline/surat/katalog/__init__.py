"""The letter catalogue: every letter type a desa can offer, as data, one module per group.

A type says what the resident fills in (its own ``isian`` besides NIK, kode
klasifikasi, keperluan, keterangan and penandatangan; the kinds are in ``isian.py``)
and what the letter says. Texts are ``str.format`` templates over plain values (see
``susun.py`` for the names they may use); what a resident typed is only ever a
value, never a template. Adding a type means adding an entry to one of the groups.

The catalogue holds at least every type OpenSID ships by default (v2410, 42 types)
and the seed's own. Kode klasifikasi follow the Tata Naskah Dinas classification as
in OpenSID's ``klasifikasi_surat.csv``: 470 kependudukan, 471.1x identitas (471.11
biodata, 471.13 KTP, 471.14 KK), 471.2x perpindahan penduduk (471.21 WNI), 472
pencatatan sipil (472.11 kelahiran, 472.12 kematian, 472.2-472.5 perkawinan dan
perceraian), 474 is *perkembangan penduduk* (474.1 is not kelahiran), 503 perizinan,
593/594 pertanahan, 181 perdata. A desa may set its own code per type.
"""
from desaonline.surat.katalog import capil, kependudukan, nikah, tanah, umum, usaha
from desaonline.surat.katalog.dasar import KLASIFIKASI, KUNCI_DASAR, Isian, JenisSurat  # noqa: F401

GRUP = (("Keterangan umum", umum.DAFTAR), ("Kependudukan", kependudukan.DAFTAR),
        ("Kelahiran dan kematian", capil.DAFTAR), ("Perkawinan", nikah.DAFTAR),
        ("Usaha dan penghasilan", usaha.DAFTAR), ("Tanah dan waris", tanah.DAFTAR))
DAFTAR = tuple(j for _grup, daftar in GRUP for j in daftar)

KATALOG = {j.kode: j for j in DAFTAR}
assert len(KATALOG) == len(DAFTAR)


# Where types from outside this package are found, asked only for a code the catalogue
# does not hold: the kabupaten's published types (surat/kabupaten.py) register here.
SUMBER_LAIN = []


def jenis(kode):
    """The letter type by its code (the catalogue's, else a registered source's), or None."""
    found = KATALOG.get(kode)
    for cari in SUMBER_LAIN if found is None and kode else ():
        found = cari(kode)
        if found is not None:
            break
    return found


def klasifikasi_sah(kode):
    return bool(KLASIFIKASI.match(kode or ""))
