"""Signers: turn a rendered letter into a signed PDF.

Two implementations of one interface (``Penanda.tandatangani``):

- ``LocalPkcs12Signer``: the Kepala Desa's uploaded PKCS#12, signed here with
  endesive (PAdES B-B). The key is decrypted and loaded once per worker process
  (loading an RSA key costs ~40 ms, signing with it well under 1 ms) and kept while
  the certificate stays the desa's active one.
- ``BsreRemoteSigner``: the kabupaten's BSrE "esign client" (v1
  ``POST /api/sign/pdf``, HTTP Basic). The Kepala Desa types the passphrase at
  approval; it reaches the worker only as a short-lived encrypted task argument
  (``kunci.bungkus_passphrase``), is sent once to the esign client and never
  stored. A re-sent or retried letter without it fails with a message asking the
  operator to approve it again with the passphrase.

``pilih_penanda(passphrase)`` picks the current desa's signer; outside a desa's
scope it refuses (``TanpaDesa``) rather than guess a desa.
"""
import threading
from dataclasses import dataclass
from datetime import datetime

import requests
from flask import current_app
from sqlalchemy import select

from desaonline.errors import GagalProses
from desaonline.extensions import db
from desaonline.signing import pades, penerbit, sertifikat
from desaonline.signing.models import PengaturanTtd, SertifikatDesa
from desaonline.surat.render import KotakTtd
from desaonline.waktu import WIB, sekarang
from tenants import berlingkup


@dataclass(frozen=True)
class KeteranganTtd:
    """What the signature says about itself (shown by PDF readers and in the box)."""
    nama: str          # the signatory's name
    jabatan: str
    alasan: str        # "Surat Keterangan Pengantar nomor ..."
    lokasi: str        # "Desa Klirong, Kabupaten Kebumen"
    waktu: datetime


def teks_kotak(ket: KeteranganTtd) -> str:
    waktu = ket.waktu.astimezone(WIB)
    return (f"Ditandatangani secara elektronik oleh\n{ket.nama}\n{ket.jabatan}\n"
            f"{waktu:%d-%m-%Y %H:%M} WIB")


class Penanda:
    """A way to sign a letter."""
    catatan_tte: str = ""

    def tandatangani(self, pdf: bytes, kotak: KotakTtd, ket: KeteranganTtd) -> bytes:
        raise NotImplementedError


class LocalPkcs12Signer(Penanda):
    def __init__(self, isi: sertifikat.IsiPkcs12):
        self.kunci = pades.KunciTtd(isi.key, isi.cert, isi.chain)
        self._cert, self._rantai = isi.cert, isi.chain

    @property
    def catatan_tte(self):
        """Who issued the certificate, from its chain (``penerbit``); read per letter, so a
        change of the configured BSrE roots applies without reloading the key."""
        return penerbit.catatan_tte(self._cert, self._rantai)

    def tandatangani(self, pdf, kotak, ket):
        tampilan = pades.Tampilan(kotak.halaman, kotak.kotak, teks_kotak(ket))
        return pades.tandatangani(pdf, self.kunci, waktu=ket.waktu, tampilan=tampilan,
                                  nama=ket.nama, alasan=ket.alasan, lokasi=ket.lokasi)


class BsreRemoteSigner(Penanda):
    """The BSrE esign client, v1 API. Field names follow the clients institutions use.
    Its certificates are BSrE's by what the service is (the kabupaten's esign client)."""
    catatan_tte = penerbit.BSRE

    def __init__(self, url, username, password, nik, passphrase, timeout=60):
        self.url = url.rstrip("/")
        self.auth = (username, password)
        self.nik, self.passphrase, self.timeout = nik, passphrase, timeout

    def tandatangani(self, pdf, kotak, ket):
        x1, y1, x2, y2 = kotak.kotak
        data = {
            "nik": self.nik, "passphrase": self.passphrase,
            "tampilan": "visible", "image": "false",
            # 1-based page; the box from its lower-left corner, in PDF points.
            "page": str(kotak.halaman + 1), "xAxis": f"{x1:.2f}", "yAxis": f"{y1:.2f}",
            "width": f"{x2 - x1:.2f}", "height": f"{y2 - y1:.2f}",
            "reason": ket.alasan, "location": ket.lokasi,
        }
        try:
            resp = requests.post(f"{self.url}/api/sign/pdf", auth=self.auth, data=data,
                                 files={"file": ("surat.pdf", pdf, "application/pdf")}, timeout=self.timeout)
        except requests.RequestException as err:
            raise GagalProses(f"Layanan BSrE tidak dapat dihubungi: {err.__class__.__name__}", sementara=True) from err
        finally:
            self.passphrase = None  # used once
        if resp.status_code == 200 and resp.content.startswith(b"%PDF"):
            return resp.content
        pesan = _pesan_bsre(resp)
        if resp.status_code in (401, 403):
            raise GagalProses(f"Akun esign client BSrE ditolak: {pesan}")
        if resp.status_code >= 500 or resp.status_code == 429:
            raise GagalProses(f"Layanan BSrE sedang bermasalah ({resp.status_code}): {pesan}", sementara=True)
        raise GagalProses(f"BSrE menolak penandatanganan: {pesan}")


def _pesan_bsre(resp):
    try:
        body = resp.json()
        return str(body.get("error") or body.get("message") or body)[:300]
    except ValueError:
        return resp.text[:300] or f"HTTP {resp.status_code}"


# Loaded keys of this process, by certificate row: (fingerprint, signer).
_lokal: dict[int, tuple[str, LocalPkcs12Signer]] = {}
_kunci_lokal = threading.Lock()


# Built once per process: a worker runs it for every letter (``berlingkup``: the desa's criteria built in).
_SERTIFIKAT_AKTIF = berlingkup(
    select(SertifikatDesa.id, SertifikatDesa.sidik_sha256, SertifikatDesa.berlaku_sampai)
    .where(SertifikatDesa.aktif.is_(True)).order_by(SertifikatDesa.id.desc()).limit(1))


def _penanda_lokal():
    info = db.session.execute(_SERTIFIKAT_AKTIF).first()
    if info is None:
        raise GagalProses("Sertifikat tanda tangan Kepala Desa belum diunggah (menu Sertifikat).")
    if info.berlaku_sampai < sekarang():
        raise GagalProses("Sertifikat tanda tangan Kepala Desa sudah kedaluwarsa; unggah sertifikat baru.")
    tersimpan = _lokal.get(info.id)
    if tersimpan is not None and tersimpan[0] == info.sidik_sha256:
        return tersimpan[1]
    with _kunci_lokal:
        baris = db.session.get(SertifikatDesa, info.id)
        try:
            penanda = LocalPkcs12Signer(sertifikat.muat(baris))
        except Exception as err:  # noqa: BLE001: wrong key, damaged row
            raise GagalProses(f"Sertifikat tersimpan tidak dapat dibuka: {err}") from err
        _lokal[info.id] = (info.sidik_sha256, penanda)
        return penanda


_PENGATURAN = berlingkup(select(PengaturanTtd))


def pengaturan() -> PengaturanTtd | None:
    """How the current desa signs (None: not chosen yet, the uploaded certificate)."""
    return db.session.scalar(_PENGATURAN)


def perlu_passphrase() -> bool:
    """Does the current desa sign through BSrE (so approval asks for the passphrase)?"""
    p = pengaturan()
    return p is not None and p.metode == "bsre"


def pilih_penanda(passphrase: str | None = None) -> Penanda:
    """The current desa's signer (inside ``desa_scope``)."""
    p = pengaturan()
    if p is None or p.metode != "bsre":
        return _penanda_lokal()
    cfg = current_app.config
    if not cfg.get("BSRE_URL"):
        raise GagalProses("Alamat esign client BSrE (BSRE_URL) belum diatur oleh kabupaten.")
    if not p.bsre_nik:
        raise GagalProses("NIK Kepala Desa untuk BSrE belum diisi (menu Sertifikat).")
    if not passphrase:
        raise GagalProses("Passphrase BSrE Kepala Desa diperlukan: ulangi surat ini dan ketik passphrase-nya.")
    return BsreRemoteSigner(cfg["BSRE_URL"], cfg.get("BSRE_USERNAME") or "", cfg.get("BSRE_PASSWORD") or "",
                            p.bsre_nik, passphrase, timeout=float(cfg.get("BSRE_TIMEOUT", 60)))
