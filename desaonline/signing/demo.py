"""Demo signing certificates: a demo CA (created once, kept in the instance folder)
and, for each desa's Kepala Desa, an RSA certificate stored exactly as an uploaded
one (encrypted PKCS#12). Runs inside the desa's scope; running it again changes
nothing. To see demo letters as "trusted" in a PDF reader, trust ``ca.pem``.
"""
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.x509 import load_pem_x509_certificate
from flask import current_app
from sqlalchemy import select

from desaonline.extensions import db
from desaonline.signing import pki, sertifikat
from desaonline.surat.models import Pejabat

NAMA_CA = "Desa Online Demo CA (bukan BSrE)"


def _folder_ca():
    return Path(current_app.instance_path) / "demo-ca"


def demo_ca():
    """The demo CA (key, certificate), created on first use."""
    folder = _folder_ca()
    kunci_path, cert_path = folder / "ca-key.pem", folder / "ca.pem"
    if not kunci_path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        key, cert = pki.buat_ca(NAMA_CA)
        kunci_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
        kunci_path.chmod(0o600)
        cert_path.write_bytes(pki.ke_pem(cert))
    key = serialization.load_pem_private_key(kunci_path.read_bytes(), None)
    return key, load_pem_x509_certificate(cert_path.read_bytes())


def seed_demo(desa):
    if sertifikat.aktif() is not None:
        return []
    kades = db.session.scalar(select(Pejabat).where(Pejabat.kepala_desa.is_(True), Pejabat.aktif.is_(True)))
    nama = kades.nama if kades else f"Kepala {desa.jenis.capitalize()} {desa.nama}"
    ca_key, ca = demo_ca()
    key, cert = pki.terbitkan(ca_key, ca, nama)
    sandi = secrets.token_urlsafe(16)
    baru = sertifikat.simpan(pki.ke_pkcs12(key, cert, [ca], sandi, nama=nama), sandi,
                             pejabat_id=kades.id if kades else None)
    return [f"Sertifikat TTE demo: {baru.subjek}, diterbitkan {NAMA_CA} ({_folder_ca() / 'ca.pem'})"]
