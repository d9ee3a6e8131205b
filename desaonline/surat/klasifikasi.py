"""The desa's list of kode klasifikasi: imported from OpenSID's, searched by the letter forms.

OpenSID ships the Tata Naskah Dinas classification as ``klasifikasi_surat.csv``
(``id,kode,nama,uraian,enabled``, about 2,300 codes) and imports and exports it as
XLSX (``kode, nama, uraian``). Either file imports here; codes are text ("000",
"045.1" keep their zeros), matched by code, so importing the same list again
changes nothing. The list is the desa's: the letter form offers it, as suggestions
while typing (a phone never loads all of it); a code outside it stays allowed.
"""
from dataclasses import dataclass, field

from sqlalchemy import delete, func, insert, or_, select, update

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.penduduk.impor import baca_berkas
from desaonline.penduduk.validasi import teks
from desaonline.surat import katalog
from desaonline.surat.models import KlasifikasiSurat
from tenants.scoping import current_desa_id, desa_wajib

BATAS_BARIS = 20_000


@dataclass
class HasilImporKlasifikasi:
    dibuat: int = 0
    diperbarui: int = 0
    dihapus: int = 0
    ditolak: list = field(default_factory=list)

    def as_dict(self):
        return {"dibuat": self.dibuat, "diperbarui": self.diperbarui, "dihapus": self.dihapus,
                "ditolak": self.ditolak}


def _salah(pesan):
    return Penolakan(422, "berkas_tidak_valid", pesan, {"file": pesan})


def _kode(nilai):
    """A code as text; an XLSX number (OpenSID's own template holds ``0`` for 000) as 3 digits."""
    if isinstance(nilai, (int, float)) and not isinstance(nilai, bool) and float(nilai).is_integer():
        return f"{int(nilai):03d}"
    return "".join(c for c in teks(nilai) if c.isalnum() or c == ".")


def _baca(nama_berkas, data, hasil):
    """{kode: (nama, uraian)} of the file's good rows; bad rows go to ``hasil.ditolak``."""
    baris_baris = baca_berkas(nama_berkas, data)
    for nomor, judul in enumerate(baris_baris, start=1):
        if any(teks(s) for s in judul):
            break
    else:
        raise _salah("Berkas kosong.")
    kolom = {"_".join(str(s or "").strip().lower().split()): i for i, s in enumerate(judul)}
    if "kode" not in kolom or "nama" not in kolom:
        raise _salah(f"Baris judul (baris {nomor}) harus memuat kolom kode dan nama (uraian boleh), seperti "
                     "klasifikasi_surat.csv dan format impor klasifikasi OpenSID.")
    ambil = lambda sel, k: sel[kolom[k]] if k in kolom and kolom[k] < len(sel) else None  # noqa: E731
    daftar, baris_kode = {}, {}
    for nomor, sel in enumerate(baris_baris, start=nomor + 1):
        if nomor > BATAS_BARIS:
            raise _salah(f"Berkas terlalu panjang: paling banyak {BATAS_BARIS} baris.")
        if not any(teks(s) for s in sel):
            continue
        if teks(ambil(sel, "enabled")) == "0":
            continue   # switched off in OpenSID: not part of the list
        kode = _kode(ambil(sel, "kode"))
        nama = teks(ambil(sel, "nama"))[:255]
        uraian = teks(ambil(sel, "uraian")) or None
        if not katalog.klasifikasi_sah(kode):
            hasil.ditolak.append({"baris": nomor, "alasan": f"Kode '{teks(ambil(sel, 'kode'))}' tidak valid, "
                                                          "contoh 470 atau 472.11."})
        elif kode in daftar and daftar[kode] != (nama, uraian):
            hasil.ditolak.append({"baris": nomor, "alasan": f"Kode {kode} sudah ada di baris {baris_kode[kode]} "
                                                          "dengan nama lain."})
        elif kode not in daftar:
            daftar[kode], baris_kode[kode] = (nama, uraian), nomor
    return daftar


def impor(nama_berkas, data, ganti=False):
    """Import a classification list into the current desa; ``ganti``: codes the file does
    not have are removed (a desa moving to another scheme). One transaction."""
    desa_wajib()
    hasil = HasilImporKlasifikasi()
    daftar = _baca(nama_berkas, data, hasil)
    if not daftar:
        raise _salah("Berkas tidak berisi satu pun kode klasifikasi yang benar.")
    ada = {r.kode: r for r in db.session.execute(select(KlasifikasiSurat.id, KlasifikasiSurat.kode,
                                                       KlasifikasiSurat.nama, KlasifikasiSurat.uraian))}
    baru = [{"desa_id": current_desa_id(), "kode": k, "nama": n, "uraian": u}
            for k, (n, u) in daftar.items() if k not in ada]
    berubah = [{"id": ada[k].id, "nama": n, "uraian": u} for k, (n, u) in daftar.items()
               if k in ada and (ada[k].nama, ada[k].uraian) != (n, u)]
    hapus = [r.id for k, r in ada.items() if ganti and k not in daftar]
    try:
        if baru:
            db.session.execute(insert(KlasifikasiSurat), baru)
        if berubah:
            db.session.execute(update(KlasifikasiSurat), berubah)
        for awal in range(0, len(hapus), 500):
            db.session.execute(delete(KlasifikasiSurat).where(KlasifikasiSurat.id.in_(hapus[awal:awal + 500])))
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    hasil.dibuat, hasil.diperbarui, hasil.dihapus = len(baru), len(berubah), len(hapus)
    return hasil


def jumlah():
    return db.session.scalar(select(func.count()).select_from(KlasifikasiSurat))


def cari(q, batas=20):
    """Codes starting with ``q`` (digits and dots), or whose name holds ``q``: [(kode, nama)]."""
    q = " ".join((q or "").split())[:60]
    query = select(KlasifikasiSurat.kode, KlasifikasiSurat.nama)
    if q and q.replace(".", "").isdigit():
        query = query.where(KlasifikasiSurat.kode.startswith(q, autoescape=True))
    elif q:
        pola = f"%{q.lower()}%"
        query = query.where(or_(func.lower(KlasifikasiSurat.nama).like(pola),
                                func.lower(KlasifikasiSurat.uraian).like(pola)))
    return [tuple(r) for r in db.session.execute(query.order_by(KlasifikasiSurat.kode).limit(batas))]


def saran(kode):
    """What the form suggests before anyone types: the code itself and its neighbours
    (the same three-digit group, e.g. every 472 for 472.11)."""
    if not kode:
        return []
    return cari(kode.split(".")[0], batas=40)


def dari_kode(daftar_kode):
    """[(kode, nama)] of those codes that are in the desa's list, in code order."""
    daftar_kode = sorted({k for k in daftar_kode if k})
    if not daftar_kode:
        return []
    return [tuple(r) for r in db.session.execute(
        select(KlasifikasiSurat.kode, KlasifikasiSurat.nama).where(KlasifikasiSurat.kode.in_(daftar_kode))
        .order_by(KlasifikasiSurat.kode))]


def nama(kode):
    """The name of a code in the desa's list, or None."""
    return db.session.scalar(select(KlasifikasiSurat.nama).where(KlasifikasiSurat.kode == kode)) if kode else None
