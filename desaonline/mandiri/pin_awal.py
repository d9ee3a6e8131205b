"""A new resident's first PIN, as the desa chose (``PengaturanAkun.pin_awal``).

- ``tanggal_lahir`` (the default, as Desa Online Kebumen does): nothing is stored;
  the first login takes the birth date and the KK number.
- ``acak``: a random one-time PIN per resident (as OpenSID does), shown to the
  operator once, on a sheet per KK to print or send. The PINs of a whole import
  are hashed in bulk with the one-time scheme (``auth.passwords.hash_pin_sekali``).

Either way the first PIN opens the account only until ``berlaku_sampai``.
"""
from collections import OrderedDict
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import select, update

from desaonline.auth.passwords import hash_pin_sekali_banyak
from desaonline.extensions import db
from desaonline.mandiri.models import ACAK
from desaonline.mandiri.pengaturan import berlaku_sampai, pengaturan_akun
from desaonline.mandiri.pin import pin_acak
from desaonline.penduduk.models import Keluarga, Penduduk
from desaonline.whatsapp import nomor_wa, wa_link


@dataclass
class PinBaru:
    """A one-time PIN just made, for the sheet (never stored as such)."""
    nik: str
    nama: str
    keluarga_id: int | None
    hubungan_keluarga: str | None
    no_hp: str | None
    pin: str


def _buat(orang):
    """(PinBaru list, hashes) for rows or residents with nik, nama, tanggal_lahir..."""
    baru = [PinBaru(o.nik, o.nama, o.keluarga_id, o.hubungan_keluarga, o.no_hp, pin_acak(o)) for o in orang]
    return baru, hash_pin_sekali_banyak([b.pin for b in baru])


def isi(rows):
    """Fill the account columns of new residents' rows (dicts, written in bulk by the
    import); returns the one-time PINs made (empty with the birth-date choice)."""
    sampai = berlaku_sampai()
    for row in rows:
        row.update(wajib_ganti_pin=True, pin_berlaku_sampai=sampai)
    if pengaturan_akun().pin_awal != ACAK:
        return []
    pins, hashes = _buat([SimpleNamespace(**row) for row in rows])
    for row, h in zip(rows, hashes):
        row["pin_hash"] = h
    return pins


def isi_orang(daftar):
    """The same for new residents as objects (the operator's form); the caller commits."""
    sampai = berlaku_sampai()
    for p in daftar:
        p.wajib_ganti_pin, p.pin_berlaku_sampai = True, sampai
    if pengaturan_akun().pin_awal != ACAK or not daftar:
        return []
    pins, hashes = _buat(daftar)
    for p, h in zip(daftar, hashes):
        p.pin_hash = h
    return pins


def untuk_yang_belum_masuk():
    """One-time PINs for every resident still on the birth-date PIN (a desa that
    switched to one-time PINs after importing); their birth-date PIN stops working.
    Commits; returns the PINs."""
    daftar = db.session.scalars(select(Penduduk).where(
        Penduduk.aktif, Penduduk.pin_hash.is_(None), Penduduk.wajib_ganti_pin.is_(True))).all()
    if not daftar:
        return []
    sampai = berlaku_sampai()
    pins, hashes = _buat(daftar)
    db.session.execute(update(Penduduk), [
        {"id": p.id, "pin_hash": h, "pin_berlaku_sampai": sampai} for p, h in zip(daftar, hashes)])
    db.session.commit()
    return pins


def lembar(pins):
    """The PINs by KK, in the order of the file, each KK with what its sheet needs."""
    kk = {row.id: row for row in db.session.execute(
        select(Keluarga.id, Keluarga.no_kk, Keluarga.alamat, Keluarga.rt, Keluarga.rw, Keluarga.dusun)
        .where(Keluarga.id.in_({p.keluarga_id for p in pins if p.keluarga_id})))}
    per_kk = OrderedDict()
    for p in pins:
        per_kk.setdefault(p.keluarga_id, []).append(p)
    hasil = []
    for keluarga_id, anggota in per_kk.items():
        info = kk.get(keluarga_id)
        kepala = next((a for a in anggota if a.hubungan_keluarga == "KEPALA KELUARGA"), anggota[0])
        teks = "PIN Layanan Mandiri: " + "; ".join(f"{a.nama} {a.pin}" for a in anggota) + (
            ". Masuk dengan NIK dan PIN ini, lalu ganti PIN. Jangan beritahukan PIN kepada siapa pun.")
        nomor = nomor_wa(kepala.no_hp)
        hasil.append({
            "no_kk": info.no_kk if info else None, "alamat": info.alamat if info else None,
            "rt": info.rt if info else None, "rw": info.rw if info else None, "dusun": info.dusun if info else None,
            "anggota": anggota, "wa": wa_link(nomor, teks) if nomor else None,
        })
    return hasil


def sebagai_json(pins):
    """``[{nik, nama, no_kk, pin}]`` for the API."""
    return [{"nik": a.nik, "nama": a.nama, "no_kk": kk["no_kk"], "pin": a.pin}
            for kk in lembar(pins) for a in kk["anggota"]]
