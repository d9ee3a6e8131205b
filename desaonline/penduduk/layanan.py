"""The operator's work on residents: search, find, add, edit. The import is in ``impor``."""
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import and_, bindparam, func, or_, select, update

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.auth import sessions
from desaonline.mandiri import pin_awal
from desaonline.penduduk.data import KOLOM_RINGKAS, PendudukRingkas
from desaonline.penduduk.models import Keluarga, Penduduk
from desaonline.penduduk.referensi import HIDUP
from desaonline.penduduk.validasi import KOLOM_KELUARGA, SEMUA_KOLOM, periksa
from tenants.scoping import berlingkup


# Counting stops here: "more than 1,000" is all a search result needs to say, and a
# bounded count costs the same in a desa of 2,000 residents or of 40,000.
BATAS_HITUNG = 1000


@dataclass
class HasilCari:
    penduduk: list   # of PendudukRingkas
    jumlah: int
    berikutnya: int | None  # id to continue after, None on the last page

    @property
    def lebih(self):
        return self.jumlah > BATAS_HITUNG


def _batas_atas(awalan):
    """The first string after every string that starts with ``awalan``."""
    return awalan[:-1] + chr(ord(awalan[-1]) + 1)


def cari(q=None, setelah=None, per_halaman=25):
    """Residents whose NIK (digits) or name starts with ``q``, ordered, page by page.

    A prefix is turned into a range (``nama >= 'SU' AND nama < 'SV'``), which the
    ``(desa_id, nama)`` index (and the ``(desa_id, nik)`` unique index) answers directly;
    the pages continue after the last row seen (keyset), so page 400 costs what page 1
    does. Names are stored in capitals, so the search needs no case folding. Residents
    who died or moved are found too (the list marks them): the register keeps them.
    """
    q = " ".join((q or "").split()).upper()
    nama_kolom = "nik" if q.isdigit() else "nama"
    nilai = {"batas_hitung": BATAS_HITUNG + 1}
    if q:
        nilai.update(q=q, q_atas=_batas_atas(q), q_pola=_pola_awalan(q))
    terakhir = db.session.get(Penduduk, setelah) if setelah else None
    if terakhir is not None:
        nilai.update(setelah_nilai=getattr(terakhir, nama_kolom), setelah_id=terakhir.id)
    hasil = db.session.execute(_pernyataan_cari(nama_kolom, bool(q), terakhir is not None),
                               {**nilai, "batas": per_halaman + 1}).all()
    baris = [PendudukRingkas(*h[:-1]) for h in hasil]   # the last column is the bounded count
    jumlah = hasil[0].jumlah if hasil else (
        db.session.scalar(select(func.count()).select_from(_sampai_batas(nama_kolom, bool(q))), nilai)
        if setelah else 0)
    lanjut = baris[per_halaman - 1].id if len(baris) > per_halaman else None
    return HasilCari(baris[:per_halaman], jumlah, lanjut)


def _saring(nama_kolom, ada_q):
    kolom = getattr(Penduduk, nama_kolom)
    if not ada_q:
        return []
    return [kolom >= bindparam("q"), kolom < bindparam("q_atas"),
            kolom.like(bindparam("q_pola"), escape="/")]


def _pola_awalan(awalan):
    """LIKE's pattern for "starts with ``awalan``", its wildcards escaped."""
    return awalan.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _sampai_batas(nama_kolom, ada_q):
    return select(Penduduk.id).where(*_saring(nama_kolom, ada_q)).limit(bindparam("batas_hitung")).subquery()


@lru_cache(maxsize=None)
def _pernyataan_cari(nama_kolom, ada_q, ada_setelah):
    """A search page's statement, one per shape, built once per process (building it costs
    more than running it); only what a result list shows is read, as columns (a row per
    resident, no ORM object)."""
    kolom = getattr(Penduduk, nama_kolom)
    query = select(*KOLOM_RINGKAS).where(*_saring(nama_kolom, ada_q))
    if ada_setelah:
        nilai, penduduk_id = bindparam("setelah_nilai"), bindparam("setelah_id")
        query = query.where(or_(kolom > nilai, and_(kolom == nilai, Penduduk.id > penduduk_id)))
    # The bounded count rides along as a scalar subquery: one round trip for page and count.
    hitung = select(func.count()).select_from(_sampai_batas(nama_kolom, ada_q)).scalar_subquery().label("jumlah")
    return berlingkup(query.add_columns(hitung).order_by(kolom, Penduduk.id).limit(bindparam("batas")))


def jumlah_belum_masuk():
    """Residents whose PIN is still the birth date (never logged in)."""
    return db.session.scalar(select(func.count()).select_from(Penduduk).where(
        Penduduk.aktif, Penduduk.pin_hash.is_(None), Penduduk.wajib_ganti_pin.is_(True)))


def perpanjang_pin_pertama():
    """Every first PIN not yet replaced opens the account for the desa's days again; commits."""
    from desaonline.mandiri.pengaturan import berlaku_sampai
    hasil = db.session.execute(update(Penduduk).where(Penduduk.aktif, Penduduk.wajib_ganti_pin.is_(True))
                               .values(pin_berlaku_sampai=berlaku_sampai()))
    db.session.commit()
    return hasil.rowcount


def cari_nik(nik):
    return db.session.scalar(select(Penduduk).where(Penduduk.nik == (nik or "").strip()))


def cari_id(penduduk_id):
    return db.session.get(Penduduk, penduduk_id)


def isian(penduduk):
    """A resident's record as the form shows it."""
    kk = penduduk.keluarga
    data = {k: getattr(penduduk, k) for k in SEMUA_KOLOM if k not in KOLOM_KELUARGA and k != "no_kk"}
    data["no_kk"] = kk.no_kk if kk else None
    data.update({k: getattr(kk, k) if kk else None for k in KOLOM_KELUARGA})
    return data


def simpan(data, penduduk=None):
    """Check ``data`` with the import's rules and create or update the resident (and the KK).

    Refuses (422, errors by field) and changes nothing when the data is bad. A resident
    marked MATI, PINDAH, HILANG or PERGI keeps the record, loses the login: every
    session ends.
    """
    bersih, galat = periksa(data)
    bersih["status_dasar"] = bersih["status_dasar"] or (penduduk.status_dasar if penduduk else HIDUP)
    if not galat and (penduduk is None or penduduk.nik != bersih["nik"]):
        if cari_nik(bersih["nik"]) is not None:
            galat["nik"] = f"NIK {bersih['nik']} sudah terdaftar di desa ini."
    if galat:
        raise Penolakan.data(galat)
    kk = db.session.scalar(select(Keluarga).where(Keluarga.no_kk == bersih["no_kk"]))
    if kk is None:
        kk = Keluarga(no_kk=bersih["no_kk"])
        db.session.add(kk)
    for k in KOLOM_KELUARGA:
        setattr(kk, k, bersih[k])
    baru = penduduk is None
    if baru:
        penduduk = Penduduk(wajib_ganti_pin=True)
        db.session.add(penduduk)
    tadinya_aktif = penduduk.id is not None and penduduk.aktif
    for k, v in bersih.items():
        if k not in KOLOM_KELUARGA and k != "no_kk":
            setattr(penduduk, k, v)
    penduduk.keluarga = kk
    if tadinya_aktif and not penduduk.aktif:
        sessions.revoke_all(penduduk)
    if baru:
        db.session.flush()  # the KK's id, for the one-time PIN's sheet
        penduduk.pin_sekali = pin_awal.isi_orang([penduduk])  # the first PIN, as the desa chose
    db.session.commit()
    return penduduk
