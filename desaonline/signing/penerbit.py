"""Who really issued a signing certificate, for the line under the signature.

Decided by the certificate chain, never by a name: any CA can call itself "BSrE". A
certificate counts as BSrE's (Balai Besar Sertifikasi Elektronik, BSSN) only when the
signatures from it up its chain end at a root or intermediate certificate the
kabupaten configured as BSrE's (``TTE_AKAR_BSRE``: PEM files). Without that
configuration nothing is presented as BSrE; the line names the issuer instead.
"""
import os
import threading

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from flask import current_app

BSRE = ("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
        "yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN.")
_RANTAI_MAKS = 8

_cache: dict[tuple, tuple] = {}
_kunci = threading.Lock()


def _sidik(cert):
    return cert.fingerprint(hashes.SHA256())


def muat_akar(jalur):
    """The certificates in the PEM files of ``jalur`` ("a.pem:b.pem"), read once per change."""
    berkas = tuple(p for p in (jalur or "").split(os.pathsep) if p.strip())
    kunci = tuple((p, os.stat(p).st_mtime_ns if os.path.exists(p) else None) for p in berkas)
    with _kunci:
        if kunci not in _cache:
            daftar = []
            for p, ada in kunci:
                if ada is not None:
                    with open(p, "rb") as f:
                        daftar += x509.load_pem_x509_certificates(f.read())
            _cache.clear()
            _cache[kunci] = tuple(daftar)
        return _cache[kunci]


def akar_bsre():
    """BSrE's certificates as this deployment is configured."""
    return muat_akar(current_app.config.get("TTE_AKAR_BSRE"))


def _diterbitkan_oleh(cert, penerbit):
    if cert.issuer != penerbit.subject:
        return False
    try:
        cert.verify_directly_issued_by(penerbit)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def berantai_ke(cert, rantai, akar):
    """Does ``cert`` chain, signature by signature through ``rantai`` (the certificates that
    came with it) and ``akar``, to one of the ``akar`` certificates?"""
    tepercaya = {_sidik(a) for a in akar}
    if not tepercaya:
        return False
    calon = [*rantai, *akar]
    sekarang, dilihat = cert, set()
    for _ in range(_RANTAI_MAKS):
        if _sidik(sekarang) in tepercaya:
            return True
        dilihat.add(_sidik(sekarang))
        atas = next((c for c in calon if _sidik(c) not in dilihat and _diterbitkan_oleh(sekarang, c)), None)
        if atas is None:
            return False
        sekarang = atas
    return False


def nama_penerbit(cert):
    cn = cert.issuer.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return cn[0].value if cn else cert.issuer.rfc4514_string()


def catatan_tte(cert, rantai=()):
    """The sentence under the signature for a letter signed with ``cert``."""
    if berantai_ke(cert, rantai, akar_bsre()):
        return BSRE
    return ("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
            f"yang diterbitkan oleh {nama_penerbit(cert)}.")
