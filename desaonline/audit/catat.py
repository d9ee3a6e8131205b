"""Recording every change an admin or an operator makes, in one place for every feature.

A request is recorded when all of these hold: it is not a read (GET/HEAD/OPTIONS), it
succeeded (status below 400), an admin or operator made it (a page session or an API
token), and it wrote to the database (an INSERT, UPDATE or DELETE went out during it).
So a search sent by POST, a form refused with 422 and a login are not changes, and a
new feature's actions are recorded without anyone remembering to. The row says who
(account and username), what (the endpoint and its words), when, which desa, from
which address, and the ids the URL named; never what was typed (passwords, PINs, NIKs).
"""
import logging

from flask import g, has_request_context, request
from flask_login import current_user
from sqlalchemy import event, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from desaonline.audit.models import CatatanAudit
from desaonline.extensions import db
from tenants.models import Desa
from tenants.scoping import DesaScoped

log = logging.getLogger(__name__)

BACA = ("GET", "HEAD", "OPTIONS")
PERAN = ("kabupaten", "kecamatan", "operator")
# Logging in and out writes a session row; it is not a change to the kabupaten's data.
BUKAN_PERUBAHAN = {"admin.masuk", "admin.keluar", "admin_api.login", "operator.masuk", "operator.keluar",
                   "operator_api.login"}

# What each action is called on the audit page (the API and the page of one action share it).
URAIAN = {
    "kecamatan": "Membuat kecamatan", "kecamatan_baru": "Membuat kecamatan",
    "desa_baru": "Membuat desa", "desa_impor": "Mengimpor desa dari CSV", "desa_ubah": "Mengubah data desa",
    "host_tambah": "Menambah nama host desa", "host_hapus": "Menghapus nama host desa",
    "operator_daftar": "Membuat operator", "operator_baru": "Membuat operator",
    "operator_massal": "Membuat operator untuk banyak desa", "operator_sandi": "Mengatur ulang kata sandi operator",
    "operator_reset_sandi": "Mengatur ulang kata sandi operator", "operator_aktif": "Mengaktifkan/menonaktifkan operator",
    "operator_ubah": "Mengaktifkan/menonaktifkan operator",
    "jenis_surat_baru": "Menerbitkan jenis surat kabupaten", "jenis_surat_terbit": "Menerbitkan jenis surat kabupaten",
    "jenis_surat_ubah": "Mengubah jenis surat kabupaten",
    "ganti_sandi": "Mengganti kata sandi sendiri",
    "penduduk.baru": "Menambah penduduk", "penduduk.ubah": "Mengubah data penduduk",
    "impor": "Mengimpor data penduduk", "reset_pin": "Mengatur ulang PIN warga", "reset_pin_lama": "Mengatur ulang PIN warga",
    "akun_warga": "Mengubah pengaturan akun warga", "perpanjang_pin": "Memperpanjang PIN pertama warga",
    "perpanjang_semua": "Memperpanjang PIN pertama semua warga", "pin_acak_semua": "Memberi PIN sekali pakai",
    "sertifikat": "Mengunggah sertifikat TTE", "unggah_sertifikat": "Mengunggah sertifikat TTE",
    "metode": "Mengubah cara tanda tangan", "atur_tanda_tangan": "Mengubah cara tanda tangan",
    "setujui": "Menyetujui surat", "setujui_surat": "Menyetujui surat", "tolak": "Menolak surat",
    "tolak_surat": "Menolak surat", "ulangi": "Mengulang penerbitan surat",
    "jenis": "Mengubah jenis surat desa", "atur_jenis_surat": "Mengubah jenis surat desa",
    "atur_syarat": "Mengubah syarat surat", "ubah_syarat": "Mengubah syarat surat",
    "klasifikasi": "Mengimpor kode klasifikasi", "impor_klasifikasi": "Mengimpor kode klasifikasi",
    "pejabat": "Menambah penandatangan", "tambah_pejabat": "Menambah penandatangan",
    "ubah_pejabat": "Mengubah penandatangan", "umum": "Mengubah pengaturan surat",
}


def uraian(endpoint):
    """The words for an endpoint: its own entry, else its view's, else the endpoint itself."""
    if endpoint in URAIAN:
        return URAIAN[endpoint]
    nama = (endpoint or "").rsplit(".", 1)[-1]
    return URAIAN.get(nama, endpoint or "-")


@event.listens_for(Engine, "after_cursor_execute")
def _tulisan(conn, cursor, statement, parameters, context, executemany):
    # Only the first word matters: did this request write anything at all?
    if has_request_context() and statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
        g._audit_menulis = True


@event.listens_for(Session, "after_flush")
def _desa_tersentuh(session, flush_context):
    if not has_request_context():
        return
    tersentuh = g.setdefault("_audit_desa", set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Desa) and obj.id is not None:
            tersentuh.add(obj.id)
        elif isinstance(obj, DesaScoped) and obj.desa_id is not None:
            tersentuh.add(obj.desa_id)


def _pelaku():
    akun = g.get("akun")
    if akun is None and current_user and current_user.is_authenticated:
        akun = current_user._get_current_object()
    return akun if akun is not None and getattr(akun, "peran", None) in PERAN else None


def _desa(akun):
    """(desa_id, name, kecamatan_id, how many desa the request touched)."""
    desa = g.get("desa")
    if desa is not None:
        return desa.id, f"{desa.jenis.capitalize()} {desa.nama}", desa.kecamatan_id, 1
    ids = set(g.get("_audit_desa") or ())
    dari_url = (request.view_args or {}).get("desa_id")
    if dari_url:
        ids = {dari_url}
    kecamatan_akun = getattr(akun, "kecamatan_id", None)
    if len(ids) != 1:
        return None, None, kecamatan_akun, len(ids)
    baris = db.session.execute(select(Desa.id, Desa.jenis, Desa.nama, Desa.kecamatan_id)
                               .where(Desa.id == next(iter(ids)))).first()
    if baris is None:
        return None, None, kecamatan_akun, 1
    return baris.id, f"{baris.jenis.capitalize()} {baris.nama}", baris.kecamatan_id, 1


def _setelah(response):
    try:
        if (request.method in BACA or response.status_code >= 400 or not g.get("_audit_menulis")
                or request.endpoint in BUKAN_PERUBAHAN):
            return response
        akun = _pelaku()
        if akun is None:
            return response
        catat(akun, response.status_code)
    except Exception:  # the change is committed already: a failed record must not turn it into a 500
        log.exception("audit: could not record %s %s", request.method, request.path)
    return response


def catat(akun, status):
    """Write the record of this request (in its own transaction, after the change's commit)."""
    desa_id, desa_nama, kecamatan_id, jumlah_desa = _desa(akun)
    rincian = {k: v for k, v in (request.view_args or {}).items() if isinstance(v, (int, str))}
    if jumlah_desa > 1:
        rincian["jumlah_desa"] = jumlah_desa
    nilai = {
        "aktor_jenis": "operator" if akun.peran == "operator" else "admin", "aktor_id": akun.id,
        "aktor_nama": akun.username, "peran": akun.peran, "kecamatan_id": kecamatan_id, "desa_id": desa_id,
        "desa_nama": desa_nama, "aksi": request.endpoint or "-", "uraian": uraian(request.endpoint),
        "metode": request.method, "jalur": request.path[:255], "status": status,
        "alamat": (request.remote_addr or None), "rincian": rincian or None,
    }
    db.session.rollback()   # nothing of the view is pending any more; the record goes alone
    db.session.execute(insert(CatatanAudit).values(**nilai))
    db.session.commit()


def init_app(app):
    app.after_request(_setelah)
