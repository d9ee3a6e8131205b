"""The Kepala Desa's PKCS#12: checked on upload, stored encrypted, loaded by the signer.

A file is accepted only when it opens with its password, holds an RSA private key
matching an X.509 certificate that is valid today and allowed to sign
(digitalSignature or nonRepudiation). Anything else gets a clear message and
nothing is stored.
"""
import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from sqlalchemy import select, update

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.signing import kunci
from desaonline.signing.models import SertifikatDesa

UKURAN_MAKS = 256 * 1024  # a PKCS#12 with a long chain is a few kilobytes


def _ditolak(pesan):
    """The upload is refused with the reason, next to the file field."""
    return Penolakan(422, "sertifikat_ditolak", pesan, {"file": pesan})


@dataclass(frozen=True)
class IsiPkcs12:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    chain: tuple

    @property
    def subjek(self):
        return _cn(self.cert.subject)

    @property
    def penerbit(self):
        return _cn(self.cert.issuer)


def _cn(name):
    cn = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return cn[0].value if cn else name.rfc4514_string()


def _utc(dt):
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def buka(data: bytes, sandi: str) -> IsiPkcs12:
    """Open a PKCS#12 (no checks beyond what signing needs)."""
    key, cert, chain = pkcs12.load_key_and_certificates(data, sandi.encode() if sandi else None)
    return IsiPkcs12(key, cert, tuple(chain or ()))


def periksa(data: bytes, sandi: str, sekarang: datetime | None = None) -> IsiPkcs12:
    """Open and check an uploaded PKCS#12; raises ``Penolakan`` with the reason."""
    if not data:
        raise _ditolak("Berkas sertifikat kosong.")
    if len(data) > UKURAN_MAKS:
        raise _ditolak("Berkas sertifikat terlalu besar.")
    try:
        asn1_pkcs12.Pfx.load(data).native  # the structure, before any password
    except Exception as err:  # noqa: BLE001: asn1crypto raises many kinds on garbage
        raise _ditolak("Berkas bukan sertifikat PKCS#12 (.p12/.pfx) atau rusak.") from err
    try:
        isi = buka(data, sandi)
    except ValueError as err:
        raise _ditolak("Kata sandi sertifikat salah.") from err
    except Exception as err:  # noqa: BLE001: unsupported algorithms and the like
        raise _ditolak(f"Sertifikat tidak dapat dibuka: {err}") from err
    if isi.key is None:
        raise _ditolak("Berkas tidak berisi kunci privat; ekspor ulang sertifikat beserta kuncinya.")
    if isi.cert is None:
        raise _ditolak("Berkas tidak berisi sertifikat.")
    if not isinstance(isi.key, rsa.RSAPrivateKey):
        # endesive labels an EC signature as RSA and the PDF would not validate.
        raise _ditolak("Kunci sertifikat bukan RSA (misalnya EC). Hanya sertifikat RSA yang didukung.")
    if isi.key.public_key().public_numbers() != isi.cert.public_key().public_numbers():
        raise _ditolak("Kunci privat tidak cocok dengan sertifikatnya.")
    sekarang = sekarang or datetime.now(timezone.utc)
    if _utc(isi.cert.not_valid_before_utc) > sekarang:
        raise _ditolak("Sertifikat belum berlaku.")
    if _utc(isi.cert.not_valid_after_utc) < sekarang:
        raise _ditolak("Sertifikat sudah kedaluwarsa.")
    try:
        usage = isi.cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound as err:
        raise _ditolak("Sertifikat tidak menyebut penggunaan kunci untuk tanda tangan "
                                "(key usage digitalSignature/nonRepudiation).") from err
    if not (usage.digital_signature or usage.content_commitment):
        raise _ditolak("Sertifikat tidak boleh dipakai untuk tanda tangan "
                                "(key usage digitalSignature/nonRepudiation tidak ada).")
    return isi


def simpan(data: bytes, sandi: str, pejabat_id=None) -> SertifikatDesa:
    """Check and store a certificate for the current desa; it replaces the active one."""
    isi = periksa(data, sandi)
    der = isi.cert.public_bytes(serialization.Encoding.DER)
    db.session.execute(update(SertifikatDesa).where(SertifikatDesa.aktif.is_(True)).values(aktif=False))
    baru = SertifikatDesa(
        pejabat_id=pejabat_id,
        p12_terenkripsi=kunci.enkripsi(data),
        sandi_terenkripsi=kunci.enkripsi((sandi or "").encode()),
        subjek=isi.subjek[:255], penerbit=isi.penerbit[:255],
        serial=format(isi.cert.serial_number, "x")[:64],
        sidik_sha256=hashlib.sha256(der).hexdigest(),
        berlaku_mulai=_utc(isi.cert.not_valid_before_utc).replace(tzinfo=None),
        berlaku_sampai=_utc(isi.cert.not_valid_after_utc).replace(tzinfo=None),
        aktif=True,
    )
    db.session.add(baru)
    db.session.flush()
    return baru


def aktif() -> SertifikatDesa | None:
    """The current desa's active certificate."""
    return db.session.scalar(select(SertifikatDesa).where(SertifikatDesa.aktif.is_(True))
                             .order_by(SertifikatDesa.id.desc()).limit(1))


def muat(baris: SertifikatDesa) -> IsiPkcs12:
    """Decrypt and open a stored certificate (the worker does this once per process)."""
    return buka(kunci.dekripsi(baris.p12_terenkripsi), kunci.dekripsi(baris.sandi_terenkripsi).decode())
