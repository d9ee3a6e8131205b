"""Creating the kabupaten's structure: shared by the CLI, the API, the pages and the demo."""
import re

from sqlalchemy import select

from desaonline.admin.models import Admin
from desaonline.auth.passwords import hash_secret
from desaonline import whatsapp
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.operator.models import Operator
from tenants import desa_scope
from tenants.models import Desa, DesaHost, Kabupaten, Kecamatan

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
KODE = re.compile(r"^\d{2}(\.\d{2}){1,2}(\.\d{4})?$")
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,64}$")


def _tolak(status, kode, pesan, isian):
    """A refusal that names the field (``isian``) it is about."""
    return Penolakan(status, kode, pesan, {isian: pesan})


def _invalidate_hosts():
    from flask import current_app
    current_app.extensions["desaonline.hostmap"].clear()


def cek_password(password):
    if len(password or "") < 8:
        raise _tolak(422, "password_lemah", "Kata sandi minimal 8 karakter.", "password")


def buat_admin(username, password, kecamatan_slug=None):
    if not USERNAME.match(username or ""):
        raise _tolak(422, "username_tidak_valid", "Nama pengguna 3-64 karakter: huruf, angka, titik, garis.", "username")
    cek_password(password)
    kecamatan = None
    if kecamatan_slug:
        kecamatan = db.session.scalar(select(Kecamatan).where(Kecamatan.slug == kecamatan_slug))
        if kecamatan is None:
            raise _tolak(404, "kecamatan_tidak_ditemukan", f"Kecamatan '{kecamatan_slug}' tidak ditemukan.", "kecamatan")
    if db.session.scalar(select(Admin).where(Admin.username == username)):
        raise _tolak(409, "username_dipakai", f"Nama pengguna '{username}' sudah dipakai.", "username")
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
        raise _tolak(422, "slug_tidak_valid", "Slug hanya huruf kecil, angka dan tanda minus.", "slug")
    if not (nama or "").strip():
        raise _tolak(422, "nama_kosong", "Nama kecamatan wajib diisi.", "nama")
    if not KODE.match(kode or ""):
        raise _tolak(422, "kode_tidak_valid", "Kode wilayah Kemendagri, contoh 33.05.05.", "kode")
    if db.session.scalar(select(Kecamatan).where((Kecamatan.slug == slug) | (Kecamatan.kode == kode))):
        raise _tolak(409, "kecamatan_sudah_ada", "Kecamatan dengan slug atau kode itu sudah ada.", "slug")
    kec = Kecamatan(slug=slug, nama=nama.strip(), kode=kode, kabupaten=kabupaten_utama())
    db.session.add(kec)
    db.session.commit()
    return kec


def buat_desa(kecamatan_slug, slug, nama, kode, wa_operator=None, jenis="desa"):
    kec = db.session.scalar(select(Kecamatan).where(Kecamatan.slug == kecamatan_slug))
    if kec is None:
        raise _tolak(404, "kecamatan_tidak_ditemukan", f"Kecamatan '{kecamatan_slug}' tidak ditemukan.", "kecamatan")
    if not SLUG.match(slug or "") or slug == "desaonline":
        raise _tolak(422, "slug_tidak_valid", "Slug hanya huruf kecil, angka dan tanda minus.", "slug")
    if not (nama or "").strip():
        raise _tolak(422, "nama_kosong", "Nama desa wajib diisi.", "nama")
    if jenis not in ("desa", "kelurahan"):
        raise _tolak(422, "jenis_tidak_valid", "Jenis harus 'desa' atau 'kelurahan'.", "jenis")
    if not KODE.match(kode or "") or not kode.startswith(kec.kode):
        raise _tolak(422, "kode_tidak_valid", f"Kode desa harus kode Kemendagri di bawah {kec.kode}, contoh {kec.kode}.2001.", "kode")
    if db.session.scalar(select(Desa).where(((Desa.kecamatan_id == kec.id) & (Desa.slug == slug)) | (Desa.kode == kode))):
        raise _tolak(409, "desa_sudah_ada", "Desa dengan slug atau kode itu sudah ada.", "slug")
    desa = Desa(kecamatan=kec, slug=slug, nama=nama.strip(), kode=kode, jenis=jenis,
                wa_operator=whatsapp.normalisasi(wa_operator))
    db.session.add(desa)
    db.session.commit()
    _invalidate_hosts()
    return desa


def buat_operator(desa, username, password, nama=None):
    if not USERNAME.match(username or ""):
        raise _tolak(422, "username_tidak_valid", "Nama pengguna 3-64 karakter: huruf, angka, titik, garis.", "username")
    cek_password(password)
    with desa_scope(desa.id):
        if db.session.scalar(select(Operator).where(Operator.username == username)):
            raise _tolak(409, "username_dipakai", f"Operator '{username}' sudah ada di desa ini.", "username")
        operator = Operator(username=username, password_hash=hash_secret(password), nama=nama)
        db.session.add(operator)
        db.session.commit()
    return operator


# Editing a desa, its extra host names and its operators (the admin pages).

HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def ubah_desa(desa, nama, wa_operator, alamat_kantor, aktif):
    """Change what an admin may change of a desa; its slug and code stay (they are its address)."""
    if not (nama or "").strip():
        raise _tolak(422, "nama_kosong", "Nama desa wajib diisi.", "nama")
    wa = whatsapp.normalisasi(wa_operator)  # checked before anything changes
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
        raise _tolak(422, "host_tidak_valid", "Nama host tidak valid, contoh: klirong.desa.id (tanpa http:// dan tanpa garis miring).", "host")
    if _host_desa_bawaan(host):
        raise _tolak(409, "host_dicadangkan", "Nama host itu berbentuk alamat portal atau alamat desa; gunakan domain milik desa sendiri.", "host")
    if db.session.scalar(select(DesaHost).where(DesaHost.host == host)):
        raise _tolak(409, "host_dipakai", f"Nama host '{host}' sudah dipakai.", "host")
    desa.host_tambahan.append(DesaHost(host=host))
    db.session.commit()
    _invalidate_hosts()
    return host


def hapus_host(desa, host_id):
    entry = next((h for h in desa.host_tambahan if h.id == host_id), None)
    if entry is None:
        raise Penolakan(404, "host_tidak_ditemukan", "Nama host tidak ditemukan pada desa ini.")
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
    from desaonline.auth.kunci import buka
    from desaonline.auth.sessions import revoke_all
    cek_password(password)
    with desa_scope(operator.desa_id):
        operator.password_hash = hash_secret(password)
        buka(operator)  # a new password also lifts a lock
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
