"""Creating the kabupaten's structure: shared by the CLI, the API, the pages and the demo."""
import os
import re
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import select

from desaonline.admin.models import Admin
from desaonline.auth.passwords import hash_secret
from desaonline import whatsapp
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.operator.models import Operator
from tenants import desa_scope, nama_host
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
        raise _tolak(422, "slug_tidak_valid", "Nama di alamat web hanya huruf kecil, angka dan tanda minus (contoh: kec-klirong).", "slug")
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


def jenis_dari_kode(kode):
    """Kemendagri numbers a kelurahan 1xxx and a desa 2xxx (33.05.12.1004 is a kelurahan)."""
    return "kelurahan" if (kode or "").rsplit(".", 1)[-1].startswith("1") else "desa"


def rapikan_kode(kode):
    """The code as printed (33.05.05.2012); the same digits without dots are accepted too."""
    kode = (kode or "").strip()
    if re.fullmatch(r"\d{10}", kode):
        return f"{kode[:2]}.{kode[2:4]}.{kode[4:6]}.{kode[6:]}"
    return kode


def periksa_desa(kec, slug, nama, kode, jenis):
    """The rules of a new desa that need no database (API, page, CSV import alike)."""
    if not SLUG.match(slug or "") or slug == "desaonline":
        raise _tolak(422, "slug_tidak_valid", "Nama di alamat web hanya huruf kecil, angka dan tanda minus "
                     "(contoh: klirong).", "slug")
    if not (nama or "").strip():
        raise _tolak(422, "nama_kosong", "Nama desa wajib diisi.", "nama")
    if jenis not in ("desa", "kelurahan"):
        raise _tolak(422, "jenis_tidak_valid", "Jenis harus 'desa' atau 'kelurahan'.", "jenis")
    if not KODE.match(kode or "") or not kode.startswith(kec.kode + "."):
        raise _tolak(422, "kode_tidak_valid", f"Kode desa harus kode Kemendagri di bawah {kec.kode}, "
                     f"contoh {kec.kode}.2001.", "kode")


def buat_desa(kecamatan_slug, slug, nama, kode, wa_operator=None, jenis="desa"):
    kec = db.session.scalar(select(Kecamatan).where(Kecamatan.slug == kecamatan_slug))
    if kec is None:
        raise _tolak(404, "kecamatan_tidak_ditemukan", f"Kecamatan '{kecamatan_slug}' tidak ditemukan.", "kecamatan")
    kode = rapikan_kode(kode)
    periksa_desa(kec, slug, nama, kode, jenis)
    if db.session.scalar(select(Desa).where(((Desa.kecamatan_id == kec.id) & (Desa.slug == slug)) | (Desa.kode == kode))):
        raise _tolak(409, "desa_sudah_ada", "Desa dengan nama di alamat web atau kode itu sudah ada.", "slug")
    desa = Desa(kecamatan=kec, slug=slug, nama=nama.strip(), kode=kode, jenis=jenis,
                wa_operator=whatsapp.normalisasi(wa_operator))
    db.session.add(desa)
    db.session.commit()
    _invalidate_hosts()
    return desa


def _username_sah(username):
    if not USERNAME.match(username or ""):
        raise _tolak(422, "username_tidak_valid", "Nama pengguna 3-64 karakter: huruf, angka, titik, garis.", "username")


def buat_operator(desa, username, password, nama=None):
    """An operator with the password the admin chose (the contract's API and the form)."""
    _username_sah(username)
    cek_password(password)
    with desa_scope(desa.id):
        if db.session.scalar(select(Operator).where(Operator.username == username)):
            raise _tolak(409, "username_dipakai", f"Operator '{username}' sudah ada di desa ini.", "username")
        operator = Operator(username=username, password_hash=hash_secret(password), nama=nama)
        db.session.add(operator)
        db.session.commit()
    return operator


# One-time passwords: no 0/o, 1/l/i, so they can be read aloud or copied from paper.
_HURUF_SANDI = "abcdefghjkmnpqrstuvwxyz23456789"


def sandi_sekali():
    """A random password to hand over once (about 59 bits: xxxx-xxxx-xxxx)."""
    huruf = "".join(secrets.choice(_HURUF_SANDI) for _ in range(12))
    return "-".join(huruf[i:i + 4] for i in range(0, 12, 4))


def _hash_banyak(sandi):
    """Full-cost hashes of many passwords, on every core (argon2 releases the GIL)."""
    if len(sandi) < 4:
        return [hash_secret(s) for s in sandi]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(hash_secret, sandi))


@dataclass
class OperatorBaru:
    """One operator made in bulk, with the password shown once."""
    desa: Desa
    username: str
    sandi: str
    operator_id: int = None


def desa_berpengguna(desa_ids, username):
    """The ids among ``desa_ids`` that already have an operator called ``username``."""
    return set(db.session.scalars(select(Operator.desa_id).where(
        Operator.desa_id.in_(desa_ids), Operator.username == username).execution_options(tanpa_scope=True)))


def buat_operator_massal(daftar_desa, username="operator"):
    """An operator ``username`` with a one-time password for each desa that has none by
    that name; (made, skipped desa with the reason). Running it again makes nothing."""
    _username_sah(username)
    ada = desa_berpengguna([d.id for d in daftar_desa], username)
    baru = [OperatorBaru(d, username, sandi_sekali()) for d in daftar_desa if d.id not in ada]
    dilewati = [(d, f"Sudah ada operator '{username}'.") for d in daftar_desa if d.id in ada]
    for item, hash_ in zip(baru, _hash_banyak([b.sandi for b in baru])):
        with desa_scope(item.desa.id):
            operator = Operator(username=username, password_hash=hash_, wajib_ganti_sandi=True,
                                nama=f"Operator {item.desa.nama}")
            db.session.add(operator)
            db.session.flush()
            item.operator_id = operator.id
    db.session.commit()
    return baru, dilewati


# Editing a desa, its extra host names and its operators (the admin pages).

def ubah_desa(desa, nama, wa_operator, alamat_kantor, aktif):
    """Change what an admin may change of a desa; its slug and code stay (they are its address)."""
    if not (nama or "").strip():
        raise _tolak(422, "nama_kosong", "Nama desa wajib diisi.", "nama")
    from desaonline.auth.sessions import revoke_desa
    wa = whatsapp.normalisasi(wa_operator)  # checked before anything changes
    desa.nama = nama.strip()
    desa.wa_operator = wa
    desa.alamat_kantor = (alamat_kantor or "").strip() or None
    if desa.aktif and not aktif:
        revoke_desa(desa.id)  # refused at once anyway (sessions.resolve); ended for good here
    desa.aktif = bool(aktif)
    db.session.commit()
    _invalidate_hosts()
    return desa


def ubah_sebagian(desa, data):
    """``PATCH``: the fields named in ``data`` change, the others keep their value."""
    return ubah_desa(desa, data.get("nama", desa.nama), data.get("wa_operator", desa.wa_operator),
                     data.get("alamat_kantor", desa.alamat_kantor), data.get("aktif", desa.aktif))


def tambah_host(desa, host, admin=None):
    """Give a desa an extra host name (its own domain), e.g. ``klirong.desa.id``.

    ``admin``: who adds it (None: the kabupaten itself, e.g. the CLI); which names
    are whose is ``tenants.nama_host``'s rule."""
    host = nama_host.periksa(host, admin_kecamatan=admin is not None and admin.kecamatan_id is not None)
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


def hapus_host_nama(desa, host):
    """Remove an extra host name given by name (the API names it in the URL)."""
    host = (host or "").strip().lower().rstrip(".")
    entry = next((h for h in desa.host_tambahan if h.host == host), None)
    if entry is None:
        raise Penolakan(404, "host_tidak_ditemukan", "Nama host tidak ditemukan pada desa ini.")
    return hapus_host(desa, entry.id)


def operator_desa(desa):
    """The operators of one desa, by username."""
    with desa_scope(desa.id):
        return db.session.scalars(select(Operator).order_by(Operator.username)).all()


def cari_operator(desa, operator_id):
    with desa_scope(desa.id):
        return db.session.scalar(select(Operator).where(Operator.id == operator_id))


def reset_sandi_operator(operator, password=None):
    """A new password, chosen by the admin or (none given) made once to hand over and
    changed by the operator at the next login; every open session of the operator ends.
    Returns the password."""
    from desaonline.auth.kunci import buka
    from desaonline.auth.sessions import revoke_all
    sekali = not password
    password = password or sandi_sekali()
    cek_password(password)
    with desa_scope(operator.desa_id):
        operator.password_hash = hash_secret(password)
        operator.wajib_ganti_sandi = sekali
        buka(operator)  # a new password also lifts a lock
        revoke_all(operator)
        db.session.commit()
    return password


def atur_operator_aktif(operator, aktif):
    """Deactivating ends the operator's sessions at once; reactivating needs a new login."""
    from desaonline.auth.sessions import revoke_all
    with desa_scope(operator.desa_id):
        operator.aktif = bool(aktif)
        if not aktif:
            revoke_all(operator)
        db.session.commit()
