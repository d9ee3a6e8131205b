"""Signers: turn rendered letters into signed PDFs.

Two implementations of one interface (``Penanda``):

- ``LocalPkcs12Signer``: the Kepala Desa's uploaded PKCS#12, signed here with
  endesive (PAdES B-B). The key is decrypted and loaded once per worker process
  (loading an RSA key costs ~40 ms, signing with it well under 1 ms) and kept while
  the certificate stays the desa's active one.
- ``BsreRemoteSigner``: a BSrE esign client (``bsre.py``: API v1 or v2, the
  kabupaten's or the desa's own). The Kepala Desa types the passphrase (or, on v2,
  a TOTP) at approval; it reaches the worker only as a short-lived encrypted task
  argument (``kunci.bungkus_rahasia``), is sent to the esign client for the letters
  of that one approval and then dropped. A re-sent or retried letter without it
  fails with a message asking the operator to approve it again with the passphrase.

Letters approved together are signed together (``tandatangani_banyak``): on v2 in
one request, on v1 one after the other with the first refusal ending the batch.
``pilih_penanda(rahasia)`` picks the current desa's signer; outside a desa's scope
it refuses (``TanpaDesa``) rather than guess a desa.
"""
import io
import json
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from flask import current_app
from sqlalchemy import select

from desaonline.errors import GagalProses
from desaonline.extensions import db
from desaonline.signing import bsre, gambar, kunci, pades, penerbit, sertifikat
from desaonline.signing.models import PengaturanTtd, SertifikatDesa
from desaonline.surat.render import KotakTtd
from desaonline.waktu import WIB, sekarang
from tenants import berlingkup

# The character the letter carries where BSrE places the signature by tag (one
# character, as newer esign clients require; rare in letters, unlike "#" or "$").
TAG_TTD = "^"


@dataclass(frozen=True)
class KeteranganTtd:
    """What the signature says about itself (shown by PDF readers and in the box)."""
    nama: str          # the signatory's name
    jabatan: str
    alasan: str        # "Surat Keterangan Pengantar nomor ..."
    lokasi: str        # "Desa Klirong, Kabupaten Kebumen"
    waktu: datetime
    tautan: str | None = None  # the letter's verification page (BSrE's QR code points there)


def teks_kotak(ket: KeteranganTtd) -> str:
    waktu = ket.waktu.astimezone(WIB)
    return (f"Ditandatangani secara elektronik oleh\n{ket.nama}\n{ket.jabatan}\n"
            f"{waktu:%d-%m-%Y %H:%M} WIB")


class Penanda:
    """A way to sign letters: one at a time, or those approved together."""
    catatan_tte: str = ""
    tag_ttd: str | None = None   # a character the renderer writes in the signature box
    kelompok: int = 1            # letters signed in one go (and so in one transaction)

    def tandatangani(self, pdf: bytes, kotak: KotakTtd, ket: KeteranganTtd) -> bytes:
        return self.tandatangani_banyak([(pdf, kotak, ket)])[0]

    def tandatangani_banyak(self, surat: list[tuple[bytes, KotakTtd, KeteranganTtd]]) -> list[bytes]:
        return [self.tandatangani(*s) for s in surat]

    def lupakan(self):
        """The approval's letters are done: drop whatever secret it carried."""


class LocalPkcs12Signer(Penanda):
    """The desa's PKCS#12: PAdES B-B with endesive, or B-LTA with pyHanko when the
    kabupaten has a timestamp authority (``tsa``)."""

    def __init__(self, isi: sertifikat.IsiPkcs12, tsa: pades.Tsa | None = None):
        self.tsa = tsa
        if tsa is None:
            self.kunci = pades.KunciTtd(isi.key, isi.cert, isi.chain)
        else:
            self.kunci = pades.KunciLta(isi.key, isi.cert, isi.chain)
        self._cert, self._rantai = isi.cert, isi.chain

    @property
    def catatan_tte(self):
        """Who issued the certificate, from its chain (``penerbit``); read per letter, so a
        change of the configured BSrE roots applies without reloading the key."""
        return penerbit.catatan_tte(self._cert, self._rantai)

    def tandatangani(self, pdf, kotak, ket):
        tampilan = pades.Tampilan(kotak.halaman, kotak.kotak, teks_kotak(ket))
        if self.tsa is None:
            return pades.tandatangani(pdf, self.kunci, waktu=ket.waktu, tampilan=tampilan,
                                      nama=ket.nama, alasan=ket.alasan, lokasi=ket.lokasi)
        from pyhanko.sign.timestamps import TimestampRequestError
        try:
            return pades.tandatangani_lta(pdf, self.kunci, self.tsa, tampilan=tampilan, nama=ket.nama,
                                          alasan=ket.alasan, lokasi=ket.lokasi)
        except TimestampRequestError as err:
            raise GagalProses("Layanan penanda waktu (TSA) tidak dapat dihubungi atau jawabannya rusak.",
                              sementara=True) from err


class BsreRemoteSigner(Penanda):
    """A BSrE esign client (``bsre.py``), with the desa's choice of visible signature.
    Its certificates are BSrE's by what the service is."""
    catatan_tte = penerbit.BSRE

    def __init__(self, akun: bsre.Akun, nik: str, rahasia: bsre.Rahasia, *, visual="qr", letak="koordinat",
                 spesimen: bytes | None = None, kelompok_maks=20):
        self.akun, self.nik, self.rahasia = akun, nik, rahasia
        self.visual, self.spesimen = visual, spesimen
        self.tag_ttd = TAG_TTD if letak == "tag" else None
        self.kelompok = kelompok_maks if akun.versi == "2" else 1

    def _tampilan(self, pdf, kotak: KotakTtd, ket: KeteranganTtd) -> bsre.Tampilan:
        # Integers, as every client sends them: PDF points from the page's lower-left corner.
        x1, y1, x2, y2 = (round(v) for v in kotak.kotak)
        if self.visual == "spesimen":
            isi = self.spesimen
        else:
            isi = gambar.qr_png(ket.tautan) if self.akun.versi == "2" else None  # v2 has no linkQR
        tag = self.tag_ttd if self.tag_ttd and _sekali(pdf, self.tag_ttd) else None
        return bsre.Tampilan(self.visual, kotak.halaman + 1, x1, y1, x2 - x1, y2 - y1, tag=tag,
                             link_qr=ket.tautan, gambar=isi, alasan=ket.alasan, lokasi=ket.lokasi)

    def tandatangani_banyak(self, surat):
        if self.rahasia is None:
            raise GagalProses("Passphrase BSrE sudah dipakai untuk persetujuan ini; ulangi surat ini.")
        return bsre.tandatangani(self.akun, self.nik, self.rahasia,
                                 [(pdf, self._tampilan(pdf, k, ket)) for pdf, k, ket in surat])

    def lupakan(self):
        self.rahasia = None  # one approval, one use


def _sekali(pdf, tag):
    """Does ``tag`` occur exactly once in the letter's text? (Else BSrE would place the
    signature at a character the resident typed: the box's coordinates are sent instead.)"""
    from pypdf import PdfReader
    teks = "".join(h.extract_text() or "" for h in PdfReader(io.BytesIO(pdf)).pages)
    return teks.count(tag) == 1


# Loaded keys of this process, by certificate row: ((fingerprint, TSA), signer).
_lokal: dict[int, tuple[tuple, LocalPkcs12Signer]] = {}
_kunci_lokal = threading.Lock()


# Built once per process: a worker runs it for every letter (``berlingkup``: the desa's criteria built in).
_SERTIFIKAT_AKTIF = berlingkup(
    select(SertifikatDesa.id, SertifikatDesa.sidik_sha256, SertifikatDesa.berlaku_sampai)
    .where(SertifikatDesa.aktif.is_(True)).order_by(SertifikatDesa.id.desc()).limit(1))


def _penanda_lokal(info):
    """The signer of the active certificate ``info`` (id, sidik_sha256, berlaku_sampai)."""
    if info is None:
        raise GagalProses("Sertifikat tanda tangan Kepala Desa belum diunggah (menu Sertifikat).")
    if info.berlaku_sampai < sekarang():
        raise GagalProses("Sertifikat tanda tangan Kepala Desa sudah kedaluwarsa; unggah sertifikat baru.")
    tsa = _tsa()
    tersimpan = _lokal.get(info.id)
    if tersimpan is not None and tersimpan[0] == (info.sidik_sha256, tsa):
        return tersimpan[1]
    with _kunci_lokal:
        baris = db.session.get(SertifikatDesa, info.id)
        try:
            penanda = LocalPkcs12Signer(sertifikat.muat(baris), tsa=tsa)
        except Exception as err:  # noqa: BLE001: wrong key, damaged row
            raise GagalProses(f"Sertifikat tersimpan tidak dapat dibuka: {err}") from err
        _lokal[info.id] = ((info.sidik_sha256, tsa), penanda)
        return penanda


def _tsa():
    cfg = current_app.config
    if not cfg.get("TSA_URL"):
        return None
    return pades.Tsa(cfg["TSA_URL"], cfg.get("TSA_USERNAME") or None, cfg.get("TSA_PASSWORD") or None)


_PENGATURAN = berlingkup(select(PengaturanTtd))


def pengaturan() -> PengaturanTtd | None:
    """How the current desa signs (None: not chosen yet, the uploaded certificate)."""
    return db.session.scalar(_PENGATURAN)


def perlu_passphrase() -> bool:
    """Does the current desa sign through BSrE (so approval asks for the passphrase)?"""
    p = pengaturan()
    return p is not None and p.metode == "bsre"


def bisa_totp() -> bool:
    """Does the current desa sign through a BSrE esign client with API v2 (which takes a TOTP)?"""
    p = pengaturan()
    akun = akun_bsre(p) if p is not None and p.metode == "bsre" else None
    return akun is not None and akun.versi == "2"


def kredensial_desa(p: PengaturanTtd) -> dict:
    return json.loads(kunci.dekripsi(p.bsre_kredensial_terenkripsi)) if p.bsre_kredensial_terenkripsi else {}


def akun_bsre(p: PengaturanTtd | None = None) -> bsre.Akun | None:
    """The esign client the current desa signs through: its own, else the kabupaten's."""
    cfg = current_app.config
    p = p if p is not None else pengaturan()
    if p is not None and p.bsre_url:
        k = kredensial_desa(p)
        return bsre.Akun(p.bsre_url, k.get("username", ""), k.get("password", ""), p.bsre_versi or "1",
                         float(cfg.get("BSRE_TIMEOUT", 60)), milik="desa")
    if not cfg.get("BSRE_URL"):
        return None
    return bsre.Akun(cfg["BSRE_URL"], cfg.get("BSRE_USERNAME") or "", cfg.get("BSRE_PASSWORD") or "",
                     str(cfg.get("BSRE_VERSION") or "1"), float(cfg.get("BSRE_TIMEOUT", 60)))


class PilihanTtd(NamedTuple):
    """What decides the current desa's signer: how it signs (``PengaturanTtd`` or None)
    and its active certificate (id, sidik_sha256, berlaku_sampai; or None)."""
    pengaturan: PengaturanTtd | None
    sertifikat: Any


def pilihan_ttd() -> PilihanTtd:
    return PilihanTtd(pengaturan(), db.session.execute(_SERTIFIKAT_AKTIF).first())


def pilih_penanda(rahasia: bsre.Rahasia | None = None, pilihan: PilihanTtd | None = None) -> Penanda:
    """The current desa's signer (inside ``desa_scope``), from ``pilihan`` when the caller
    has it (``desaonline.surat.konteks``: a worker keeps it between letters)."""
    p, sertifikat = pilihan if pilihan is not None else pilihan_ttd()
    if p is None or p.metode != "bsre":
        return _penanda_lokal(sertifikat)
    akun = akun_bsre(p)
    if akun is None:
        raise GagalProses("Alamat esign client BSrE belum diatur: kabupaten (BSRE_URL) atau desa (menu Sertifikat).")
    if not p.bsre_nik:
        raise GagalProses("NIK Kepala Desa untuk BSrE belum diisi (menu Sertifikat).")
    if rahasia is None or not (rahasia.passphrase or rahasia.totp):
        raise GagalProses("Passphrase BSrE Kepala Desa diperlukan: ulangi surat ini dan ketik passphrase-nya.")
    if p.bsre_visual == "spesimen" and not p.bsre_spesimen:
        raise GagalProses("Gambar spesimen tanda tangan Kepala Desa belum diunggah (menu Sertifikat).")
    return BsreRemoteSigner(akun, p.bsre_nik, rahasia, visual=p.bsre_visual, letak=p.bsre_letak,
                            spesimen=p.bsre_spesimen, kelompok_maks=int(current_app.config.get("BSRE_BATCH_MAKS", 20)))
