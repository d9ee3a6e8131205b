"""A small certificate authority: the demo CA of ``flask demo`` and the tests' CA.

Real desa sign with a certificate from BSrE BSSN (or the kabupaten's own CA); this
module only makes certificates of the same shape (RSA, a signing key usage) so the
whole pipeline runs without one.
"""
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID


def _nama(cn, org="Pemerintah Kabupaten Kebumen"):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


def _kunci(jenis):
    if jenis == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def buat_ca(nama="Desa Online Demo CA", tahun=10):
    """A self-signed root: (private key, certificate)."""
    key = _kunci("rsa")
    now = datetime.now(timezone.utc)
    subject = _nama(nama)
    cert = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365 * tahun))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def terbitkan(ca_key, ca_cert, nama, *, jenis_kunci="rsa", mulai=None, sampai=None, untuk_ttd=True,
              key_usage=True, email=None, crl_url=None, timestamping=False):
    """A signer's certificate issued by the CA: (private key, certificate).

    ``untuk_ttd=False`` gives a key usage without digitalSignature/nonRepudiation,
    ``key_usage=False`` none at all (both are refused on upload). ``crl_url``: where
    the CA publishes its CRL (as real CAs write it in every certificate).
    ``timestamping``: a timestamp authority's certificate (RFC 3161).
    """
    key = _kunci(jenis_kunci)
    now = datetime.now(timezone.utc)
    mulai = mulai or now - timedelta(days=1)
    sampai = sampai or now + timedelta(days=365 * 2)
    builder = (
        x509.CertificateBuilder().subject_name(_nama(nama, "Pemerintah Desa")).issuer_name(ca_cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(mulai).not_valid_after(sampai)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    )
    if timestamping:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False),
            critical=True).add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]),
                                         critical=True)
    elif key_usage:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=untuk_ttd, content_commitment=untuk_ttd, key_encipherment=not untuk_ttd,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
    if crl_url:
        builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            full_name=[x509.UniformResourceIdentifier(crl_url)], relative_name=None, reasons=None,
            crl_issuer=None)]), critical=False)
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    return key, builder.sign(ca_key, hashes.SHA256())


def ke_pkcs12(key, cert, chain, sandi, nama="ttd"):
    """PKCS#12 bytes as a CA hands them out (AES-256 protected)."""
    enkripsi = serialization.BestAvailableEncryption(sandi.encode()) if sandi else serialization.NoEncryption()
    return pkcs12.serialize_key_and_certificates(nama.encode(), key, cert, list(chain), enkripsi)


def ke_pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)
