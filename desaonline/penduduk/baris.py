"""The rows of a resident import: which layout the header names, what each row holds,
checked against the register as it stands.

``desaonline`` (CONTRACT.md's columns) or ``OpenSID`` (``opensid.py``: its template,
its sample, both its exports). A row becomes a record through ``validasi.periksa``,
the same rules as the operator's form; what a row leaves out keeps its stored value.
"""
import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.penduduk import opensid
from desaonline.penduduk.models import Keluarga, Penduduk
from desaonline.penduduk.referensi import HIDUP
from desaonline.penduduk.validasi import (KOLOM, KOLOM_KELUARGA, KOLOM_TAMBAHAN, SEMUA_KOLOM, nomor as nomor_nik,
                                          periksa, tanggal, teks)
from tenants.models import Desa
from tenants.scoping import current_desa_id

KOLOM_PENDUDUK = tuple(k for k in SEMUA_KOLOM if k not in KOLOM_KELUARGA and k != "no_kk")
_DARI_REGISTER = KOLOM_PENDUDUK + ("no_kk",)


def berkas_tidak_valid(pesan):
    """The file as a whole cannot be imported (format, header); nothing was written."""
    return Penolakan(422, "berkas_tidak_valid", pesan, {"file": pesan})


def _nama_kolom(sel):
    return "_".join(str(sel or "").strip().lower().split())


# The header: which layout, and which column holds what

@dataclass(frozen=True)
class Tata:
    """How a file's columns map onto the register: field -> column index, and for
    OpenSID's layout the columns kept as they are (``Penduduk.data_opensid``)."""
    opensid: bool
    kolom: dict
    lain: dict

    @property
    def nama(self):
        return "OpenSID" if self.opensid else "desaonline"


def _sebut(nama, paling_banyak=10):
    """Names for a message: the first few, then how many more."""
    nama = list(dict.fromkeys(nama))
    teks_ = ", ".join(nama[:paling_banyak])
    return teks_ + (f" dan {len(nama) - paling_banyak} lainnya" if len(nama) > paling_banyak else "")


def _judul_salah(nomor, masalah, kolom_benar):
    return berkas_tidak_valid(f"Baris judul (baris {nomor}) salah: " + "; ".join(masalah)
                               + ". Kolom yang benar: " + ", ".join(kolom_benar) + ".")


def _tata(header, nomor=1):
    nama = [_nama_kolom(s) for s in header]
    hitung = Counter(nama)
    ganda = sorted(n for n, jumlah in hitung.items() if n and jumlah > 1)
    masalah = ["kolom ganda: " + _sebut(ganda)] if ganda else []
    if opensid.adalah_header(nama):
        asing = [n for n in nama if n and n not in opensid.KOLOM]
        if "nik" not in nama:
            masalah.insert(0, "kolom nik tidak ada")
        if asing:
            masalah.append("kolom yang tidak ada di format OpenSID: " + _sebut(asing))
        if masalah:
            raise _judul_salah(nomor, ["berkas memakai nama kolom OpenSID, tetapi " + masalah[0]] + masalah[1:],
                               opensid.KOLOM)
        return Tata(True, {opensid.KE_FIELD[n]: i for i, n in enumerate(nama) if n in opensid.KE_FIELD},
                    {n: i for i, n in enumerate(nama) if n in opensid.KOLOM_LAIN})
    kurang = [k for k in KOLOM if k not in hitung]
    asing = [n for n in nama if n and n not in SEMUA_KOLOM]
    if kurang:
        masalah.insert(0, "kolom wajib tidak ada: " + ", ".join(kurang))
    if asing:
        masalah.append("kolom tidak dikenal: " + _sebut(asing))
    if masalah:
        raise berkas_tidak_valid(
            f"Baris judul (baris {nomor}) salah: " + "; ".join(masalah) + ". Kolom yang benar: "
            + ", ".join(KOLOM) + " (tambahan: " + ", ".join(KOLOM_TAMBAHAN) + "). Berkas OpenSID "
            "(FormatImporExcel, Ekspor Penduduk) juga diterima dengan nama kolom OpenSID.")
    return Tata(False, {n: i for i, n in enumerate(nama) if n}, {})


# The register as it stands, read once

@dataclass
class Register:
    penduduk: dict   # NIK -> {field: stored value}, with id, keluarga_id, no_kk, data_opensid
    keluarga: dict   # no_kk -> row
    _menurut_nama: dict | None = None

    @classmethod
    def baca(cls):
        """Two plain reads, joined here: no plan to go wrong (right after a bulk insert
        PostgreSQL's statistics still say "a few rows" and pick a nested loop)."""
        keluarga = {r.no_kk: r for r in db.session.execute(
            select(Keluarga.id, Keluarga.no_kk, *[getattr(Keluarga, k) for k in KOLOM_KELUARGA]))}
        no_kk = {r.id: r.no_kk for r in keluarga.values()}
        kolom = [getattr(Penduduk, k) for k in KOLOM_PENDUDUK]
        penduduk = {}
        for r in db.session.execute(select(Penduduk.id, Penduduk.keluarga_id, Penduduk.data_opensid, *kolom)):
            lama = r._asdict()
            lama["no_kk"] = no_kk.get(r.keluarga_id)
            penduduk[r.nik] = lama
        return cls(penduduk, keluarga)

    def cari_tanpa_nik(self, nama, tempat_lahir, tanggal_lahir):
        """The resident OpenSID would take a row without NIK for: same name, place and date of birth."""
        if self._menurut_nama is None:
            self._menurut_nama = {(r["nama"], r["tempat_lahir"], r["tanggal_lahir"]): r for r in self.penduduk.values()}
        return self._menurut_nama.get((nama, tempat_lahir, tanggal_lahir))


def _kosong(nilai):
    return nilai is None or (type(nilai) is str and nilai.strip() in ("", "-", "'"))


def _lengkapi(data, lama, kk, tata):
    """What a row leaves out keeps its stored value: in desaonline's layout a column the
    file does not have, in OpenSID's also an empty cell (as OpenSID's own import does)."""
    if lama is not None:
        for k in _DARI_REGISTER:
            if k not in tata.kolom or (tata.opensid and _kosong(data.get(k))):
                data[k] = lama[k]
    if kk is not None:
        for k in KOLOM_KELUARGA:
            if k not in tata.kolom or (tata.opensid and _kosong(data.get(k))):
                data[k] = getattr(kk, k)
    if _kosong(data.get("status_dasar")):
        data["status_dasar"] = lama["status_dasar"] if lama is not None else None


def _data_lain(sel, tata, lama, jenis_kelamin, galat):
    """OpenSID's columns desaonline keeps but does not use: codes for the coded ones."""
    hasil = dict(lama["data_opensid"] or {}) if lama is not None else {}
    for kolom, i in tata.lain.items():
        s = sel[i] if i < len(sel) else None
        if s is None or s == "" or not (s := teks(s)):
            continue
        daftar = opensid.LAIN_BERKODE.get(kolom)
        if daftar is None:
            tgl, _masalah = tanggal(s) if kolom.startswith("tanggal") else (None, None)
            hasil[kolom] = tgl.isoformat() if tgl else s
        elif (kode := daftar.kode_dari(s)) is None:
            galat[kolom] = f"Kolom {kolom} '{s}' tidak dikenal; isi kode atau nama dari lembar Kode Data OpenSID."
        else:
            hasil[kolom] = kode
    if jenis_kelamin == "L":
        hasil.pop("hamil", None)   # OpenSID drops it for men too
    return hasil or None


class _Pemeriksa:
    """Checks the rows one by one against the rules and the register."""

    def __init__(self, tata, register, hasil):
        self.tata, self.register, self.hasil = tata, register, hasil
        self.penduduk, self.baris_nik, self.kepala, self.tanpa_nik = {}, {}, {}, {}
        self.status_keliru = False      # OpenSID v2410.0's export with labels (see opensid.py)
        self.status_kosong = []         # new residents without a status: (line, NIK)
        self.awalan_sementara = None

    def baris(self, nomor, sel):
        tata = self.tata
        data = {k: (sel[i] if i < len(sel) else None) for k, i in tata.kolom.items()}
        if tata.opensid:
            status = teks(data.get("status_dasar")).upper()
            if status in opensid.STATUS_DASAR_KELIRU:
                self.status_keliru = True
                data["status_dasar"] = opensid.STATUS_DASAR_KELIRU[status]
        bersih, galat, lama = self._periksa(data, sel)
        alasan = list(galat.values())
        if not galat and bersih["nik"] == "0":
            bersih, alasan, lama = self._tanpa_nik(nomor, data, sel, bersih)
        if not alasan:
            nik = bersih["nik"]
            if nik in self.baris_nik:
                alasan.append(f"NIK {nik} sudah ada di baris {self.baris_nik[nik]}.")
            elif bersih["hubungan_keluarga"] == "KEPALA KELUARGA" and bersih["no_kk"] in self.kepala:
                alasan.append(f"KK {bersih['no_kk']} sudah punya kepala keluarga di baris {self.kepala[bersih['no_kk']]}.")
        if alasan:
            self.hasil.tolak(nomor, " ".join(alasan))
            return
        if bersih["status_dasar"] is None:
            bersih["status_dasar"] = HIDUP
            self.status_kosong.append((nomor, bersih["nik"]))
        self.baris_nik[bersih["nik"]] = nomor
        if bersih["hubungan_keluarga"] == "KEPALA KELUARGA":
            self.kepala[bersih["no_kk"]] = nomor
        self.penduduk[bersih["nik"]] = bersih

    def _periksa(self, data, sel):
        tata = self.tata
        lama = self.register.penduduk.get(nomor_nik(data.get("nik")))
        if lama is not None or tata.opensid:
            no_kk = nomor_nik(data.get("no_kk")) or (lama["no_kk"] if lama is not None else "")
            _lengkapi(data, lama, self.register.keluarga.get(no_kk), tata)
        bersih, galat = periksa(data, tanpa_nik=tata.opensid)
        if tata.opensid:
            bersih["data_opensid"] = _data_lain(sel, tata, lama, bersih["jenis_kelamin"], galat)
        return bersih, galat, lama

    def _tanpa_nik(self, nomor, data, sel, bersih):
        """A row without NIK (``0``): the same resident as last time, or a new temporary NIK."""
        kunci = (bersih["nama"], bersih["tempat_lahir"], bersih["tanggal_lahir"])
        if kunci in self.tanpa_nik:
            return bersih, [f"Penduduk tanpa NIK ini sama dengan baris {self.tanpa_nik[kunci]} "
                            f"(nama, tempat dan tanggal lahir)."], None
        self.tanpa_nik[kunci] = nomor
        lama = self.register.cari_tanpa_nik(*kunci)
        if lama is not None:
            data["nik"] = lama["nik"]
            bersih, galat, lama = self._periksa(data, sel)
            return bersih, list(galat.values()), lama
        nik = self._nik_sementara()
        if nik is None:
            return bersih, ["NIK sementara desa ini sudah habis (99.999)."], None
        bersih["nik"] = nik
        self.hasil.nik_sementara += 1
        return bersih, [], None

    def _nik_sementara(self):
        if self.awalan_sementara is None:
            kode = re.sub(r"\D", "", db.session.get(Desa, current_desa_id()).kode or "")
            self.awalan_sementara = opensid.AWALAN_SEMENTARA + kode[:10].ljust(10, "0")
            awalan = self.awalan_sementara
            self.urut_sementara = max((int(n[11:]) for n in self.register.penduduk if n.startswith(awalan)),
                                      default=0)
        self.urut_sementara += 1
        return f"{self.awalan_sementara}{self.urut_sementara:05d}" if self.urut_sementara <= 99_999 else None

    def selesai(self):
        """The valid records by NIK, once every row was seen.

        In OpenSID v2410.0's export with labels an empty status_dasar stands for PINDAH,
        HILANG, PERGI or TIDAK VALID: which one is lost, so such a new resident is refused
        rather than made an active account."""
        if self.status_keliru:
            for nomor, nik in self.status_kosong:
                if nik not in self.register.penduduk:
                    del self.penduduk[nik]
                    self.hasil.tolak(nomor, "Status dasar kosong: di ekspor huruf OpenSID v2410.0 itu berarti "
                                            "PINDAH, HILANG, PERGI atau TIDAK VALID. Isi status_dasar, atau impor "
                                            "berkas dari menu Ekspor Penduduk (berkode).")
            self.hasil.ditolak.sort(key=lambda t: t["baris"])
        return self.penduduk


def periksa_semua(baris_baris, hasil, register, batas_baris, batas_kolom):
    """(valid records by NIK, Tata); the header is the first line that is not empty."""
    nomor = 0
    for nomor, sel in enumerate(baris_baris, start=1):
        if not _baris_kosong(sel):
            break
    else:
        raise berkas_tidak_valid("Berkas kosong.")
    judul = list(sel)
    while judul and teks(judul[-1]) == "":
        judul.pop()   # a sheet is as wide as its widest row; empty header cells name nothing
    if len(judul) > batas_kolom:
        raise berkas_tidak_valid(f"Baris judul (baris {nomor}) punya terlalu banyak kolom (lebih dari "
                                 f"{batas_kolom}). Kolom yang benar: " + ", ".join(KOLOM) + ".")
    tata = _tata(judul, nomor)
    hasil.format = tata.nama
    pemeriksa = _Pemeriksa(tata, register, hasil)
    batas = nomor + batas_baris
    for nomor, sel in enumerate(baris_baris, start=nomor + 1):
        if nomor > batas:
            raise berkas_tidak_valid(f"Berkas terlalu panjang: paling banyak {batas_baris} baris sekali impor.")
        sel = sel if type(sel) in (list, tuple) else list(sel or ())
        if tata.opensid and len(sel) > 1 and teks(sel[1]) == opensid.PENANDA_AKHIR:
            break   # the template's end of data; its instructions follow
        if _baris_kosong(sel):
            continue
        pemeriksa.baris(nomor, sel)
    return pemeriksa.selesai(), tata


def _baris_kosong(sel):
    return not any(s not in (None, "") and str(s).strip() for s in (sel or ()))


def keluarga_dari(penduduk, tata):
    """The KK data by no_kk: in desaonline's layout the first row of a KK; in OpenSID's
    the first filled value of each field, the head's row first (as OpenSID takes it)."""
    keluarga = {}
    for bersih in penduduk.values():
        nilai = {k: bersih[k] for k in KOLOM_KELUARGA}
        if not tata.opensid:
            keluarga.setdefault(bersih["no_kk"], nilai)
            continue
        ada = keluarga.setdefault(bersih["no_kk"], dict(nilai))
        kepala = bersih["hubungan_keluarga"] == "KEPALA KELUARGA"
        for k, v in nilai.items():
            if v is not None and (kepala or ada[k] is None):
                ada[k] = v
    return keluarga
