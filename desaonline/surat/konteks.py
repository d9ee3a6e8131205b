"""What a worker keeps of each desa between letters: the desa with its kecamatan and
kabupaten, its letterhead settings (with the logo) and how it signs (with the active
certificate).

Four of the eight statements a letter took read these, the same for every letter of
a desa. They are kept per process, by desa, and used while the desa's two change
signals read as they did when they were loaded: ``tenant_versi`` (the desa, its
kecamatan, its kabupaten) and ``desa_versi`` (its ``pengaturan_surat``,
``pengaturan_ttd``, ``sertifikat_desa``), both raised by database triggers in the
transaction of any change, however it is made. So a letter reads one row of versions
instead of four statements, and an operator's new letterhead or certificate, saved
on any machine, is in the very next letter. The signals are read before the settings:
what is kept is never older than the versions it is kept under.

What is kept is detached from the session (a commit does not expire it) and never
written to. At most ``SURAT_KONTEKS_MB`` per process (the logos and specimen images
weigh most), the least recently used desa first out.
"""
import threading
from collections import OrderedDict
from typing import NamedTuple

from flask import current_app
from sqlalchemy import bindparam, select

from desaonline.errors import GagalProses
from desaonline.extensions import db
from desaonline.signing import penanda
from desaonline.surat.susun import desa_dan_pengaturan
from tenants import desa_wajib
from tenants.models import desa_versi, tenant_versi

_VERSI = select(select(tenant_versi.c.versi).where(tenant_versi.c.id == 1).scalar_subquery(),
                select(desa_versi.c.versi).where(desa_versi.c.desa_id == bindparam("desa_id")).scalar_subquery())
_BEBAN_BARIS = 4096   # bytes counted for a desa besides its images: its rows' Python objects


class KonteksDesa(NamedTuple):
    desa: object        # Desa, with .kecamatan and .kecamatan.kabupaten loaded
    atur: object        # PengaturanSurat (saved, or the defaults)
    ttd: penanda.PilihanTtd
    bobot: int          # bytes counted against SURAT_KONTEKS_MB


class _Simpanan:
    def __init__(self):
        self._isi = OrderedDict()   # desa_id -> (versions, KonteksDesa)
        self._bobot = 0
        self._kunci = threading.Lock()
        self.muat = 0               # how often a desa was read from the database (tests, benchmarks)

    def ambil(self, desa_id, versi):
        with self._kunci:
            ada = self._isi.get(desa_id)
            if ada is None or ada[0] != versi:
                return None
            self._isi.move_to_end(desa_id)
            return ada[1]

    def simpan(self, desa_id, versi, konteks, batas):
        with self._kunci:
            lama = self._isi.pop(desa_id, None)
            if lama is not None:
                self._bobot -= lama[1].bobot
            self._isi[desa_id] = (versi, konteks)
            self._bobot += konteks.bobot
            while self._bobot > batas and len(self._isi) > 1:
                _, (_, keluar) = self._isi.popitem(last=False)
                self._bobot -= keluar.bobot

    def clear(self):
        with self._kunci:
            self._isi.clear()
            self._bobot = 0


simpanan = _Simpanan()


def konteks_desa():
    """The current desa's letter context (inside its ``desa_scope``). Keyed by the scope's
    own desa, so what is read under one desa's criteria is never kept as another's."""
    desa_id = desa_wajib()
    versi = tuple(db.session.execute(_VERSI, {"desa_id": desa_id}).one())
    konteks = simpanan.ambil(desa_id, versi)
    if konteks is None:
        konteks = _muat(desa_id)
        simpanan.simpan(desa_id, versi, konteks, current_app.config["SURAT_KONTEKS_MB"] * 2 ** 20)
    return konteks


def _muat(desa_id):
    simpanan.muat += 1
    desa, atur = desa_dan_pengaturan(desa_id)
    if desa is None:
        raise GagalProses("Desa tidak ditemukan.")
    ttd = penanda.pilihan_ttd()
    for obj in (desa, desa.kecamatan, desa.kecamatan.kabupaten, atur, ttd.pengaturan):
        if obj is not None and obj in db.session:
            db.session.expunge(obj)
    gambar = [atur.logo, ttd.pengaturan.bsre_spesimen if ttd.pengaturan is not None else None]
    return KonteksDesa(desa, atur, ttd, _BEBAN_BARIS + sum(len(g) for g in gambar if g))
