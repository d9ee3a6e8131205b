"""Creating the kabupaten's structure: shared by the CLI, the API, the pages and the demo."""
import re

from sqlalchemy import select

from desaonline.admin.models import Admin
from desaonline.auth.passwords import hash_secret
from desaonline.extensions import db
from desaonline.operator.models import Operator
from tenants import desa_scope
from tenants.models import Desa, DesaHost, Kabupaten, Kecamatan

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
KODE = re.compile(r"^\d{2}(\.\d{2}){1,2}(\.\d{4})?$")
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,64}$")


class AdminError(Exception):
    def __init__(self, code, message, status=422):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def _invalidate_hosts():
    from flask import current_app
    current_app.extensions["desaonline.hostmap"].clear()


def cek_password(password):
    if len(password or "") < 8:
        raise AdminError("password_lemah", "Kata sandi minimal 8 karakter.")


def buat_admin(username, password, kecamatan_slug=None):
    if not USERNAME.match(username or ""):
        raise AdminError("username_tidak_valid", "Nama pengguna 3-64 karakter: huruf, angka, titik, garis.")
    cek_password(password)
    kecamatan = None
    if kecamatan_slug:
        kecamatan = db.session.scalar(select(Kecamatan).where(Kecamatan.slug == kecamatan_slug))
        if kecamatan is None:
            raise AdminError("kecamatan_tidak_ditemukan", f"Kecamatan '{kecamatan_slug}' tidak ditemukan.", 404)
    if db.session.scalar(select(Admin).where(Admin.username == username)):
        raise AdminError("username_dipakai", f"Nama pengguna '{username}' sudah dipakai.", 409)
    admin = Admin(username=username, password_hash=hash_secret(password), kecamatan=kecamatan)
    db.session.add(admin)
    db.session.commit()
    return admin


def kabupaten_utama():
    """The kabupaten this deployment serves (created on first use)."""
    kab = db.session.scalar(select(Kabupaten).order_by(Kabupaten.id))
    if kab is None:
        from flask import current_app
        kab = Kabupaten(kode=current_app.config.get("KABUPATEN_KODE", "00.00"),
                        nama=current_app.config.get("KABUPATEN_NAMA", "Kabupaten"))
        db.session.add(kab)
        db.session.flush()
    return kab


def buat_kecamatan(slug, nama, kode):
    if not SLUG.match(slug or ""):
        raise AdminError("slug_tidak_valid", "Slug hanya huruf kecil, angka dan tanda minus.")
    if not (nama or "").strip():
        raise AdminError("nama_kosong", "Nama kecamatan wajib diisi.")
    if not KODE.match(kode or ""):
        raise AdminError("kode_tidak_valid", "Kode wilayah Kemendagri, contoh 33.05.05.")
    if db.session.scalar(select(Kecamatan).where((Kecamatan.slug == slug) | (Kecamatan.kode == kode))):
        raise AdminError("kecamatan_sudah_ada", "Kecamatan dengan slug atau kode itu sudah ada.", 409)
    kec = Kecamatan(slug=slug, nama=nama.strip(), kode=kode, kabupaten=kabupaten_utama())
    db.session.add(kec)
    db.session.commit()
    return kec


def normalisasi_wa(nomor):
    """'0812-3456 789' / '+62812...' -> '62812...' (what wa.me wants), or None."""
    if not (nomor or "").strip():
        return None
    digits = re.sub(r"\D", "", nomor)
    if re.search(r"[^\d\s+().-]", nomor):  # letters are a typo, not an empty number
        digits = ""
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    if not digits.startswith("62") or not 10 <= len(digits) <= 15:
        raise AdminError("wa_tidak_valid", "Nomor WhatsApp tidak valid, contoh 081234567890.")
    return digits


def buat_desa(kecamatan_slug, slug, nama, kode, wa_operator=None, jenis="desa"):
    kec = db.session.scalar(select(Kecamatan).where(Kecamatan.slug == kecamatan_slug))
    if kec is None:
        raise AdminError("kecamatan_tidak_ditemukan", f"Kecamatan '{kecamatan_slug}' tidak ditemukan.", 404)
    if not SLUG.match(slug or "") or slug == "desaonline":
        raise AdminError("slug_tidak_valid", "Slug hanya huruf kecil, angka dan tanda minus.")
    if not (nama or "").strip():
        raise AdminError("nama_kosong", "Nama desa wajib diisi.")
    if jenis not in ("desa", "kelurahan"):
        raise AdminError("jenis_tidak_valid", "Jenis harus 'desa' atau 'kelurahan'.")
    if not KODE.match(kode or "") or not kode.startswith(kec.kode):
        raise AdminError("kode_tidak_valid", f"Kode desa harus kode Kemendagri di bawah {kec.kode}, contoh {kec.kode}.2001.")
    if db.session.scalar(select(Desa).where(((Desa.kecamatan_id == kec.id) & (Desa.slug == slug)) | (Desa.kode == kode))):
        raise AdminError("desa_sudah_ada", "Desa dengan slug atau kode itu sudah ada.", 409)
    desa = Desa(kecamatan=kec, slug=slug, nama=nama.strip(), kode=kode, jenis=jenis,
                wa_operator=normalisasi_wa(wa_operator))
    db.session.add(desa)
    db.session.commit()
    _invalidate_hosts()
    return desa


def buat_operator(desa, username, password, nama=None):
    if not USERNAME.match(username or ""):
        raise AdminError("username_tidak_valid", "Nama pengguna 3-64 karakter: huruf, angka, titik, garis.")
    cek_password(password)
    with desa_scope(desa.id):
        if db.session.scalar(select(Operator).where(Operator.username == username)):
            raise AdminError("username_dipakai", f"Operator '{username}' sudah ada di desa ini.", 409)
        operator = Operator(username=username, password_hash=hash_secret(password), nama=nama)
        db.session.add(operator)
        db.session.commit()
    return operator


# Editing a desa, its extra host names and its operators (the admin pages).

HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def ubah_desa(desa, nama, wa_operator, alamat_kantor, aktif):
    """Change what an admin may change of a desa; its slug and code stay (they are its address)."""
    if not (nama or "").strip():
        raise AdminError("nama_kosong", "Nama desa wajib diisi.")
    wa = normalisasi_wa(wa_operator)  # checked before anything changes
    desa.nama = nama.strip()
    desa.wa_operator = wa
    desa.alamat_kantor = (alamat_kantor or "").strip() or None
    desa.aktif = bool(aktif)
    db.session.commit()
    _invalidate_hosts()
    return desa


def _host_desa_bawaan(host):
    """True when ``host`` is the portal or has the shape of a desa's own address."""
    from flask import current_app
    cfg = current_app.config
    base = cfg["BASE_DOMAIN"]
    if host == f"{cfg['PORTAL_SUBDOMAIN']}.{base}" or host == base:
        return True
    if not host.endswith("." + base):
        return False
    return host[: -len(base) - 1].count(".") == 1


def tambah_host(desa, host):
    """Give a desa an extra host name (its own domain), e.g. ``klirong.desa.id``."""
    host = (host or "").strip().lower().rstrip(".")
    if not HOST.match(host):
        raise AdminError("host_tidak_valid", "Nama host tidak valid, contoh: klirong.desa.id (tanpa http:// dan tanpa garis miring).")
    if _host_desa_bawaan(host):
        raise AdminError("host_dicadangkan", "Nama host itu berbentuk alamat portal atau alamat desa; gunakan domain milik desa sendiri.", 409)
    if db.session.scalar(select(DesaHost).where(DesaHost.host == host)):
        raise AdminError("host_dipakai", f"Nama host '{host}' sudah dipakai.", 409)
    desa.host_tambahan.append(DesaHost(host=host))
    db.session.commit()
    _invalidate_hosts()
    return host


def hapus_host(desa, host_id):
    entry = next((h for h in desa.host_tambahan if h.id == host_id), None)
    if entry is None:
        raise AdminError("host_tidak_ditemukan", "Nama host tidak ditemukan pada desa ini.", 404)
    desa.host_tambahan.remove(entry)
    db.session.commit()
    _invalidate_hosts()
    return entry.host


def operator_desa(desa):
    """The operators of one desa, by username."""
    with desa_scope(desa.id):
        return db.session.scalars(select(Operator).order_by(Operator.username)).all()


def cari_operator(desa, operator_id):
    with desa_scope(desa.id):
        return db.session.scalar(select(Operator).where(Operator.id == operator_id))


def reset_sandi_operator(operator, password):
    """A new password chosen by the admin; every open session of the operator ends."""
    from desaonline.auth.sessions import revoke_all
    cek_password(password)
    with desa_scope(operator.desa_id):
        operator.password_hash = hash_secret(password)
        revoke_all(operator)
        db.session.commit()


def atur_operator_aktif(operator, aktif):
    """Deactivating ends the operator's sessions at once; reactivating needs a new login."""
    from desaonline.auth.sessions import revoke_all
    with desa_scope(operator.desa_id):
        operator.aktif = bool(aktif)
        if not aktif:
            revoke_all(operator)
        db.session.commit()
