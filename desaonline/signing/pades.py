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
   (``desaonline.signing.sertifikat``) and again here.
4. ``aligned=0`` signs twice to size the /Contents placeholder; a fixed size signs
   once. 8192 bytes holds an RSA-4096 signature with a three-certificate chain; a
   bigger chain retries once with twice the room.
5. endesive 3.0.1 works with pypdf 5.x and 6.x, not 7.x: requirements.txt pins 6.
6. ``signingdate`` must be ``D:YYYYMMDDHHmmSS+07'00'``; an ISO date is written as
   is and breaks validators.
7. Speed: endesive builds the CMS with asn1crypto, re-encoding the certificates
   every time (~200,000 Python calls, most of a letter's signing time). Its CMS
   for one key differs between letters only in the document digest and the RSA
   signature (PKCS#1 v1.5, always the modulus' length; no signing-time attribute),
   so ``KunciTtd`` asks endesive for the CMS once per loaded key and afterwards
   fills in those two fixed-size fields. endesive still writes the PDF side
   (incremental update, /ByteRange, signature field and widget).
8. endesive draws a visible signature's text by embedding and subsetting a
   TrueType Helvetica on every signature (about twice the time of the rest of the
   signing, and 30 KB per letter). The box here uses the standard Type 1
   Helvetica every reader has: a frame and a few centred lines.

With a timestamp authority (``TSA_URL``) a letter is signed PAdES B-LTA instead,
with pyHanko (``tandatangani_lta``): an RFC 3161 signature timestamp proves when
it was signed, the certificates and revocation data (CRL/OCSP, fetched from the
addresses in the certificates) go into the document's DSS, and a document
timestamp seals them, so the letter can be checked at its signing time after the
certificate has expired.
"""
import importlib
import io
import secrets
import sys
import types
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from desaonline.waktu import WIB

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
from asn1crypto import cms as asn1_cms  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import padding  # noqa: E402
from pypdf import generic as po  # noqa: E402  (the same pypdf endesive writes with)


class KunciTtd:
    """A signing key loaded once, with endesive's CMS for it as a template (point 7)."""

    def __init__(self, key, cert, chain=()):
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError("Hanya kunci RSA yang didukung untuk tanda tangan PDF.")
        self.key, self.cert, self.chain = key, cert, tuple(chain)
        tanda = secrets.token_bytes(32)  # a digest no document has: its place in the template
        der = _signer_endesive.sign(None, key, cert, list(self.chain), "sha256", True, tanda)
        info = asn1_cms.ContentInfo.load(der)["content"]["signer_infos"][0]
        attrs, ttd = info["signed_attrs"].dump(), info["signature"].native
        self._der = der
        self._md = der.index(tanda)
        self._attrs = (der.index(attrs), len(attrs))
        self._ttd = (der.index(ttd), len(ttd))
        if not (self._attrs[0] < self._md < sum(self._attrs)) or self._ttd[1] != key.key_size // 8:
            raise ValueError("Bentuk CMS endesive tidak dikenal.")

    def cms(self, digest: bytes) -> bytes:
        der = bytearray(self._der)
        der[self._md:self._md + 32] = digest
        mulai, panjang = self._attrs
        attrs = b"\x31" + bytes(der[mulai + 1:mulai + panjang])  # signed as a SET, stored as [0]
        ttd = self.key.sign(attrs, padding.PKCS1v15(), hashes.SHA256())
        mulai, panjang = self._ttd
        der[mulai:mulai + panjang] = ttd
        return bytes(der)


class _SignerCepat:
    """Stands in for ``endesive.signer`` inside ``endesive.pdf.cms``: a ``KunciTtd``
    passed as the key fills its template; anything else goes to endesive."""

    def __init__(self, asli):
        self._asli = asli

    def __getattr__(self, nama):
        return getattr(self._asli, nama)

    def sign(self, datau, key, cert, othercerts, hashalgo, attrs=True, signed_value=None, hsm=None, pss=False,
             *lain, **kw):
        if isinstance(key, KunciTtd):
            if datau is not None or attrs is not True or hsm or pss or hashalgo != "sha256" or any(lain) \
                    or any(kw.values()):
                raise ValueError("KunciTtd: hanya PAdES B-B SHA-256 tanpa TSA/OCSP.")
            return key.cms(signed_value)
        return self._asli.sign(datau, key, cert, othercerts, hashalgo, attrs, signed_value, hsm, pss, *lain, **kw)


_signer_endesive = cms.signer
cms.signer = _SignerCepat(_signer_endesive)


class _SignedDataPades(cms.SignedData):
    """endesive's writer with SubFilter ETSI.CAdES.detached (point 2) and a light
    visible-signature appearance (point 8)."""

    def _make_signature(self, Contents=None, Type=None, SubFilter=None):
        return super()._make_signature(Contents=Contents, Type=Type,
                                       SubFilter=po.NameObject("/ETSI.CAdES.detached"))

    def _addAnnotation(self, cert, udct, box, page0ref, obj13, obj13ref, new_13):
        x1, y1, x2, y2 = box
        tampilan = self._add_object(_tampilan(udct.get("signature", ""), x2 - x1, y2 - y1))
        obj13.update({
            po.NameObject("/Rect"): po.ArrayObject([po.FloatObject(v) for v in box]),
            po.NameObject("/AP"): po.DictionaryObject({po.NameObject("/N"): tampilan}),
        })
        halaman = page0ref.get_object()
        annots = halaman.get("/Annots")
        annots = po.ArrayObject(list(annots.get_object()) if annots is not None else [])
        if new_13:
            annots.append(obj13ref)
        halaman[po.NameObject("/Annots")] = annots
        self._objects[page0ref.idnum - 1] = halaman


def _teks_pdf(teks):
    return teks.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _tampilan(teks, lebar, tinggi, ukuran=7.0):
    """The signature box: a thin frame and the lines of ``teks`` centred, in Helvetica."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    baris = [b for b in teks.splitlines() if b.strip()]
    jarak = ukuran * 1.2
    y = tinggi / 2 + (len(baris) - 1) * jarak / 2 - ukuran * 0.35
    isi = [b"q 0.35 0.35 0.35 RG 0.6 w 0.3 0.3 %.2f %.2f re S Q" % (lebar - 0.6, tinggi - 0.6),
           b"BT /Helv %.1f Tf 0 g" % ukuran]
    for b in baris:
        x = max(1.0, (lebar - stringWidth(b, "Helvetica", ukuran)) / 2)
        isi.append(b"1 0 0 1 %.2f %.2f Tm (%s) Tj" % (x, y, _teks_pdf(b)))
        y -= jarak
    isi.append(b"ET")
    stream = po.StreamObject()
    stream.set_data(b"\n".join(isi))
    stream.update({
        po.NameObject("/Type"): po.NameObject("/XObject"),
        po.NameObject("/Subtype"): po.NameObject("/Form"),
        po.NameObject("/BBox"): po.ArrayObject([po.FloatObject(0), po.FloatObject(0),
                                                po.FloatObject(lebar), po.FloatObject(tinggi)]),
        po.NameObject("/Resources"): po.DictionaryObject({po.NameObject("/Font"): po.DictionaryObject({
            po.NameObject("/Helv"): po.DictionaryObject({
                po.NameObject("/Type"): po.NameObject("/Font"),
                po.NameObject("/Subtype"): po.NameObject("/Type1"),
                po.NameObject("/BaseFont"): po.NameObject("/Helvetica"),
                po.NameObject("/Encoding"): po.NameObject("/WinAnsiEncoding"),
            })})}),
    })
    return stream


def tanggal_pdf(waktu: datetime) -> str:
    """A PDF date in WIB: D:20261127140500+07'00'."""
    return waktu.astimezone(WIB).strftime("D:%Y%m%d%H%M%S+07'00'")


@dataclass(frozen=True)
class Tampilan:
    """The visible signature: where (0-based page, box in points) and what it says."""
    halaman: int
    kotak: tuple[float, float, float, float]
    teks: str


def tandatangani(pdf: bytes, kunci: KunciTtd, *, waktu: datetime, tampilan: Tampilan | None,
                 nama: str, alasan: str, lokasi: str, kontak: str = "") -> bytes:
    """The PDF with one PAdES B-B signature appended (an incremental update)."""
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
            "signature": tampilan.teks,
        })
    for ruang in (RUANG_TTD, RUANG_TTD * 2):
        udct["aligned"] = ruang
        try:
            return pdf + _SignedDataPades().sign(pdf, udct, kunci, kunci.cert, list(kunci.chain), "sha256", None)
        except ValueError as err:
            if "length mismatch" not in str(err) or ruang != RUANG_TTD:
                raise
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Tsa:
    """An RFC 3161 timestamp authority."""
    url: str
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0

    def __repr__(self):
        return f"Tsa(url={self.url!r})"


class KunciLta:
    """A key loaded once for pyHanko, with what validating its chain needs."""

    def __init__(self, key, cert, chain=()):
        from asn1crypto import keys as asn1_keys, x509 as asn1_x509
        from cryptography.hazmat.primitives import serialization
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        def asn1(c):
            return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))

        der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        self.cert = asn1(cert)
        self.chain = [asn1(c) for c in chain]
        self.signer = signers.SimpleSigner(signing_cert=self.cert, signing_key=asn1_keys.PrivateKeyInfo.load(der),
                                           cert_registry=SimpleCertificateStore.from_certs(self.chain))
        # The chain's root, else its topmost certificate: the anchor the DSS is built from.
        akar = [c for c in self.chain if c.self_signed] or self.chain[-1:] or [self.cert]
        self.akar = akar


def tanpa_event_loop(fungsi, *args, **kwargs):
    """Call ``fungsi`` where no asyncio loop runs: pyHanko's synchronous API calls
    ``asyncio.run()``, which fails in a thread whose loop is running (an async server,
    or a Playwright session in the same test process)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fungsi(*args, **kwargs)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fungsi, *args, **kwargs).result()


def tandatangani_lta(pdf: bytes, kunci: KunciLta, tsa: Tsa, *, tampilan: Tampilan | None, nama: str, alasan: str,
                     lokasi: str) -> bytes:
    """The PDF signed PAdES B-LTA: signature timestamp, validation data in the DSS,
    document timestamp (pyHanko). Revocation data that cannot be fetched is left out
    (the signature and timestamps stay valid; the log says so)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
    from pyhanko.stamp import TextStampStyle
    from pyhanko_certvalidator import ValidationContext

    auth = (tsa.username, tsa.password) if tsa.username else None
    penanda_waktu = RequestsHTTPTimeStamper(tsa.url, auth=auth, timeout=tsa.timeout)
    konteks = ValidationContext(trust_roots=kunci.akar, other_certs=kunci.chain, allow_fetching=True,
                                revocation_mode="soft-fail")
    meta = signers.PdfSignatureMetadata(
        field_name="TTE", name=nama, reason=alasan or None, location=lokasi or None, md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES, embed_validation_info=True, use_pades_lta=True,
        validation_context=konteks)
    spec, gaya, teks = None, None, None
    if tampilan is not None:
        spec = fields.SigFieldSpec("TTE", on_page=tampilan.halaman, box=tuple(tampilan.kotak))
        gaya, teks = TextStampStyle(stamp_text="%(teks)s", border_width=1), {"teks": tampilan.teks}
    keluar = io.BytesIO()
    penanda = signers.PdfSigner(meta, signer=kunci.signer, timestamper=penanda_waktu, stamp_style=gaya,
                                new_field_spec=spec)
    tanpa_event_loop(penanda.sign_pdf, IncrementalPdfFileWriter(io.BytesIO(pdf)), output=keluar,
                     appearance_text_params=teks)
    return keluar.getvalue()
