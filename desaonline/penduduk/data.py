"""What a resident sees of their own record and their KK (pages and API alike)."""
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache

from flask import g
from sqlalchemy import bindparam, select

from desaonline.extensions import db
from desaonline.penduduk.models import Penduduk
from desaonline.penduduk.opensid import sementara
from desaonline.penduduk.referensi import HIDUP, urutan_hubungan
from tenants.scoping import berlingkup


@dataclass(frozen=True, slots=True)
class PendudukRingkas:
    """A resident as a list shows them (the KK's members, a search's results), read as
    columns: no ORM object per row."""
    id: int
    nik: str
    nama: str
    hubungan_keluarga: str | None
    jenis_kelamin: str
    tempat_lahir: str | None
    tanggal_lahir: date
    agama: str | None
    status_perkawinan: str | None
    pekerjaan: str | None
    pendidikan: str | None
    status_dasar: str

    @property
    def nik_sementara(self):
        return sementara(self.nik)

    @property
    def aktif(self):
        return self.status_dasar == HIDUP


# Its columns, in its order, to select.
KOLOM_RINGKAS = tuple(getattr(Penduduk, f.name) for f in fields(PendudukRingkas))


def biodata(penduduk):
    kk = penduduk.keluarga
    desa = g.get("desa")
    return {
        "nik": penduduk.nik, "nama": penduduk.nama, "no_kk": kk.no_kk if kk else None,
        "hubungan_keluarga": penduduk.hubungan_keluarga, "jenis_kelamin": penduduk.jenis_kelamin,
        "tempat_lahir": penduduk.tempat_lahir, "tanggal_lahir": penduduk.tanggal_lahir,
        "agama": penduduk.agama, "status_perkawinan": penduduk.status_perkawinan,
        "pekerjaan": penduduk.pekerjaan, "pendidikan": penduduk.pendidikan,
        "pendidikan_sedang": penduduk.pendidikan_sedang,
        "kewarganegaraan": penduduk.kewarganegaraan, "golongan_darah": penduduk.golongan_darah,
        "no_hp": penduduk.no_hp, "nama_ayah": penduduk.nama_ayah, "nik_ayah": penduduk.nik_ayah,
        "nama_ibu": penduduk.nama_ibu, "nik_ibu": penduduk.nik_ibu, "akta_lahir": penduduk.akta_lahir,
        "akta_perkawinan": penduduk.akta_perkawinan, "tanggal_perkawinan": penduduk.tanggal_perkawinan,
        "akta_perceraian": penduduk.akta_perceraian, "tanggal_perceraian": penduduk.tanggal_perceraian,
        "status_dasar": penduduk.status_dasar, "nik_sementara": penduduk.nik_sementara,
        "alamat": kk.alamat if kk else None, "rt": kk.rt if kk else None, "rw": kk.rw if kk else None,
        "dusun": kk.dusun if kk else None,
        "desa": desa.nama if desa else None, "kecamatan": desa.kecamatan_nama if desa else None,
        "kabupaten": desa.kabupaten_nama if desa else None,
        "wajib_ganti_pin": penduduk.wajib_ganti_pin,
    }


def anggota_keluarga(penduduk):
    """Every member of the resident's KK, in the order a KK lists them; those who died or
    moved last, still shown (with their ``status_dasar``): the KK's history."""
    if penduduk.keluarga_id is None:
        return [penduduk]
    anggota = [PendudukRingkas(*b) for b in db.session.execute(_anggota(), {"keluarga_id": penduduk.keluarga_id})]
    return sorted(anggota, key=lambda p: (not p.aktif, urutan_hubungan(p.hubungan_keluarga), p.tanggal_lahir, p.id))


@lru_cache(maxsize=1)
def _anggota():
    # Built once per process: building a statement costs more than running this one.
    return berlingkup(select(*KOLOM_RINGKAS).where(Penduduk.keluarga_id == bindparam("keluarga_id")))
