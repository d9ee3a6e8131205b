"""PAdES B-B signatures with endesive 3.0.1, and how each of its rough edges is handled.

1. ``import endesive.pdf`` runs ``endesive/pdf/__init__.py``, which imports its
   verifier -> ``certvalidator`` -> ``oscrypto`` 1.3.0, and oscrypto fails on
   OpenSSL >= 3.0.10 ("Error detecting the version of libcrypto"). Signing needs
   none of that, so ``_endesive_cms()`` registers an empty ``endesive.pdf`` package
   (only its ``__path__``) and imports ``endesive.pdf.cms`` and its annotation
   helpers from it; the verifier is never loaded. Verification is pyHanko's job.
2. endesive writes SubFilter ``adbe.pkcs7.detached``. Its CMS already has the PAdES
   B-B shape (signing-certificate-v2, no signing-time attribute, the time in /M),
   so ``_SignedDataPades`` only names it ``ETSI.CAdES.detached``.
3. RSA only: endesive labels an EC key's signature as RSA and produces a broken
   signature. Certificates with another key type are refused on upload
   (``desaonline.signing.pkcs12``) and again here.
4. ``aligned=0`` signs twice to size the /Contents placeholder; a fixed size signs
   once. 8192 bytes holds an RSA-4096 signature with a three-certificate chain; a
   bigger chain retries once with twice the room.
5. endesive 3.0.1 works with pypdf 5.x and 6.x, not 7.x: requirements.txt pins 6.
6. ``signingdate`` must be ``D:YYYYMMDDHHmmSS+07'00'``; an ISO date is written as
   is and breaks validators.
"""
import importlib
import sys
import types
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives.asymmetric import rsa

WIB = ZoneInfo("Asia/Jakarta")
RUANG_TTD = 8192


def _endesive_cms():
    """``endesive.pdf.cms`` without running ``endesive/pdf/__init__.py`` (see point 1)."""
    if "endesive.pdf.cms" in sys.modules:
        return sys.modules["endesive.pdf.cms"]
    import endesive
    if "endesive.pdf" not in sys.modules:
        paket = types.ModuleType("endesive.pdf")
        paket.__path__ = [str(Path(endesive.__file__).parent / "pdf")]
        paket.__package__ = "endesive.pdf"
        sys.modules["endesive.pdf"] = paket
        endesive.pdf = paket
    return importlib.import_module("endesive.pdf.cms")


cms = _endesive_cms()
from pypdf import generic as po  # noqa: E402  (the same pypdf endesive writes with)


class _SignedDataPades(cms.SignedData):
    """endesive's writer with SubFilter ETSI.CAdES.detached (see point 2)."""

    def _make_signature(self, Contents=None, Type=None, SubFilter=None):
        return super()._make_signature(Contents=Contents, Type=Type,
                                       SubFilter=po.NameObject("/ETSI.CAdES.detached"))


def tanggal_pdf(waktu: datetime) -> str:
    """A PDF date in WIB: D:20261127140500+07'00'."""
    return waktu.astimezone(WIB).strftime("D:%Y%m%d%H%M%S+07'00'")


@dataclass(frozen=True)
class Tampilan:
    """The visible signature: where (0-based page, box in points) and what it says."""
    halaman: int
    kotak: tuple[float, float, float, float]
    teks: str


def _latin1(teks):
    # endesive's appearance font is a WinAnsi Helvetica: keep what it can draw.
    return teks.encode("latin-1", "replace").decode("latin-1")


def tandatangani(pdf: bytes, key, cert, chain, *, waktu: datetime, tampilan: Tampilan | None,
                 nama: str, alasan: str, lokasi: str, kontak: str = "") -> bytes:
    """The PDF with one PAdES B-B signature appended (an incremental update)."""
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("Hanya kunci RSA yang didukung untuk tanda tangan PDF.")
    udct = {
        "sigflags": 3,
        "sigflagsft": 132,  # print + locked
        "sigfield": "TTE",
        "auto_sigfield": True,
        "contact": kontak,
        "location": lokasi,
        "reason": alasan,
        "name": nama,
        "signingdate": tanggal_pdf(waktu),
        "application": "desaonline",
    }
    if tampilan is not None:
        udct.update({
            "sigpage": tampilan.halaman,
            "signaturebox": tampilan.kotak,
            "signature": _latin1(tampilan.teks),
            "text": {"fontsize": 7, "wraptext": True, "textalign": "center", "linespacing": 1.15},
        })
    for ruang in (RUANG_TTD, RUANG_TTD * 2):
        udct["aligned"] = ruang
        try:
            return pdf + _SignedDataPades().sign(pdf, udct, key, cert, list(chain), "sha256", None)
        except ValueError as err:
            if "length mismatch" not in str(err) or ruang != RUANG_TTD:
                raise
    raise AssertionError("unreachable")
