"""Public verification of a signed letter: by its QR code, or by an uploaded PDF.

What anyone may learn is limited to what is printed on the letter anyway (number,
type, date, desa) and a masked name: the code is unguessable, but a leaked code
must not reveal a resident's full name.
"""
import hashlib
import io
from dataclasses import dataclass

from sqlalchemy import select

from desaonline.extensions import db
from desaonline.signing.models import SertifikatDesa
from desaonline.signing.pades import tanpa_event_loop  # noqa: F401  (pyHanko's sync API; tests import it here)
from desaonline.surat import katalog, kode_verifikasi
from desaonline.surat.models import Surat
from desaonline.surat.status import SELESAI

UKURAN_PDF_MAKS = 5 * 1024 * 1024
# Checking a signature costs tens of milliseconds of CPU: enough for anyone checking
# letters by hand, too little to keep the web workers busy for someone else.
BATAS_PERIKSA_PDF = "30 per minute"


def samarkan(nama):
    """'BUDI SANTOSO' -> 'BU*** SA***': two letters of each word."""
    return " ".join(f"{kata[:2]}***" for kata in (nama or "").split()) or "-"


@dataclass(frozen=True)
class SuratTerbit:
    nomor: str
    jenis: str
    jenis_nama: str
    tanggal: object
    desa: str
    nama: str
    pdf_sha256: str
    kode: str


def _terbit(surat, desa):
    jenis = katalog.jenis(surat.jenis)
    return SuratTerbit(
        nomor=surat.nomor, jenis=surat.jenis, jenis_nama=jenis.nama if jenis else surat.jenis,
        tanggal=surat.tanggal_surat, desa=f"{desa.jenis.capitalize()} {desa.nama}, Kecamatan {desa.kecamatan_nama}, "
                                           f"{desa.kabupaten_nama}",
        nama=samarkan(surat.subjek.nama), pdf_sha256=surat.pdf_sha256, kode=surat.kode_verifikasi)


def cari_kode(kode, desa):
    """The signed letter of this desa with that verification code, or None."""
    kode = kode_verifikasi.baku(kode)
    if kode is None:
        return None
    surat = db.session.scalar(select(Surat).where(Surat.kode_verifikasi == kode, Surat.status == SELESAI))
    return _terbit(surat, desa) if surat else None


def cari_sha(sha, desa):
    surat = db.session.scalar(select(Surat).where(Surat.pdf_sha256 == sha, Surat.status == SELESAI).limit(1))
    return _terbit(surat, desa) if surat else None


@dataclass(frozen=True)
class HasilPeriksa:
    sha256: str
    surat: SuratTerbit | None        # the letter of this desa with exactly these bytes
    pdf_terbaca: bool
    ada_ttd: bool = False
    utuh: bool = False               # the signed bytes are unchanged
    sah: bool = False                # the signature matches the signer's certificate
    seluruh_dokumen: bool = False    # nothing was added after signing
    sertifikat_desa: bool = False    # signed with a certificate this desa uploaded
    penanda: str | None = None       # the signer certificate's name
    waktu_ttd: object = None

    @property
    def asli(self):
        """The desa issued exactly this file and its signature holds."""
        return self.surat is not None and self.utuh and self.sah and self.seluruh_dokumen


def periksa_pdf(data, desa):
    """Check an uploaded PDF: is it a letter this desa issued, and is its signature intact?"""
    sha = hashlib.sha256(data).hexdigest()
    surat = cari_sha(sha, desa)
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        tanda = reader.embedded_signatures
    except Exception:  # noqa: BLE001: anything that is not a readable PDF
        return HasilPeriksa(sha, surat, pdf_terbaca=False)
    # The letter's signature is the last one that is not a document timestamp (a B-LTA
    # letter ends with one, sealing its validation data).
    tanda = [t for t in tanda if t.sig_object.get("/Type") != "/DocTimeStamp"]
    if not tanda:
        return HasilPeriksa(sha, surat, pdf_terbaca=True)
    return _periksa_ttd(sha, surat, tanda[-1])


def _periksa_ttd(sha, surat, ttd):
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext
    try:
        # No trust roots and no fetching: integrity and the signature's maths only.
        # Whose certificate it is comes from the desa's own uploaded certificates.
        status = tanpa_event_loop(validate_pdf_signature, ttd,
                                  ValidationContext(trust_roots=[], allow_fetching=False))
    except Exception:  # noqa: BLE001: a malformed signature dictionary or CMS
        return HasilPeriksa(sha, surat, pdf_terbaca=True, ada_ttd=True)
    cert = status.signing_cert
    sidik = hashlib.sha256(cert.dump()).hexdigest() if cert is not None else None
    milik_desa = sidik is not None and db.session.scalar(
        select(SertifikatDesa.id).where(SertifikatDesa.sidik_sha256 == sidik).limit(1)) is not None
    return HasilPeriksa(
        sha, surat, pdf_terbaca=True, ada_ttd=True, utuh=bool(status.intact), sah=bool(status.valid),
        # The whole file, or all of it but validation data and timestamps added after (B-LTA).
        seluruh_dokumen=status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
            status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and status.modification_level == ModificationLevel.LTA_UPDATES),
        sertifikat_desa=milik_desa,
        penanda=cert.subject.native.get("common_name") if cert is not None else None,
        waktu_ttd=status.signer_reported_dt,
    )
