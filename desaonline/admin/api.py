"""The admin part of the JSON API (portal host), as docs/api.md says."""
from flask import current_app, g
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desaonline.admin import akses, api_bp as api, dasbor, layanan
from desaonline.admin.kesiapan import kesiapan
from desaonline.admin.impor import impor_desa
from desaonline.admin.layanan import buat_desa, buat_kecamatan, buat_operator, buat_operator_massal
from desaonline.admin.models import Admin
from desaonline.admin.schemas import (DesaDaftarOut, DesaIn, DesaOut, DesaSaringIn, DesaUbahIn, HasilImporDesaOut,
                                      HostIn, HostOut, ImporDesaIn, KecamatanIn, KecamatanOut, LoginIn,
                                      OperatorDaftarOut, OperatorIn, OperatorMassalIn, OperatorMassalOut, OperatorOut,
                                      OperatorUbahIn, ResetSandiIn, ResetSandiOut, StatistikIn, StatistikOut, TokenOut,
                                      JenisKabupatenBaruIn, JenisKabupatenOut, JenisKabupatenUbahIn, AuditIn, AuditOut)
from desaonline.auth.login import api_masuk, limit_gagal_login
from desaonline.auth.sessions import api_auth
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.surat.antrean import Halaman
from desaonline.surat.api.halaman import header_halaman
from desaonline.templating import host_url
from desaonline.audit import layanan as audit_svc
from desaonline.surat import kabupaten
from tenants.models import Desa, Kecamatan

ADMIN = ["kabupaten", "kecamatan"]


@api.post("/login")
@limit_gagal_login
@api.input(LoginIn)
@api.output(TokenOut)
@api.doc(summary="Masuk sebagai admin kabupaten/kecamatan", responses=[401, 429])
def login(json_data):
    return api_masuk(Admin, json_data)


@api.post("/kecamatan")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(KecamatanIn)
@api.output(KecamatanOut, status_code=201)
@api.doc(summary="Buat kecamatan (admin kabupaten)", responses=[403, 409, 422])
def kecamatan_baru(json_data):
    if g.akun.kecamatan_id is not None:
        raise Penolakan(403, "dilarang", "Hanya admin kabupaten yang dapat membuat kecamatan.")
    kec = buat_kecamatan(**json_data)
    return {"id": kec.id, "slug": kec.slug}


@api.post("/desa")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(DesaIn)
@api.output(DesaOut, status_code=201)
@api.doc(summary="Buat desa", responses=[403, 404, 409, 422])
def desa_baru(json_data):
    admin = g.akun
    if admin.kecamatan_id is not None and admin.kecamatan.slug != json_data["kecamatan"]:
        raise Penolakan(403, "dilarang", "Admin kecamatan hanya dapat membuat desa di kecamatannya.")
    desa = buat_desa(json_data["kecamatan"], json_data["slug"], json_data["nama"], json_data["kode"],
                     json_data["wa_operator"], json_data["jenis"])
    return {"id": desa.id, "host": desa.host(current_app.config["BASE_DOMAIN"])}


@api.post("/desa/<int:desa_id>/operator")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(OperatorIn)
@api.output(OperatorOut, status_code=201)
@api.doc(summary="Buat operator desa", responses=[403, 404, 409, 422])
def operator_baru(desa_id, json_data):
    operator = buat_operator(_desa_api(desa_id), json_data["username"], json_data["password"], json_data["nama"])
    return {"id": operator.id, "username": operator.username}


def _desa_api(desa_id):
    """A desa this admin may touch: 404 when unknown, 403 when of another kecamatan."""
    desa = db.session.get(Desa, desa_id)
    if desa is None:
        raise Penolakan(404, "desa_tidak_ditemukan", "Desa tidak ditemukan.")
    if not akses.boleh_desa(g.akun, desa):
        raise Penolakan(403, "dilarang", "Desa ini di luar wilayah Anda.")
    return desa


def _desa_json(desa, siap):
    base = current_app.config["BASE_DOMAIN"]
    return {"id": desa.id, "slug": desa.slug, "nama": desa.nama, "jenis": desa.jenis, "kode": desa.kode,
            "kecamatan": desa.kecamatan.slug, "kecamatan_nama": desa.kecamatan.nama, "host": desa.host(base),
            "host_tambahan": sorted(h.host for h in desa.host_tambahan), "aktif": desa.aktif,
            "wa_operator": desa.wa_operator, "alamat_kantor": desa.alamat_kantor, "kesiapan": siap.as_dict()}


@api.get("/desa")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(DesaSaringIn, location="query")
@api.output(DesaDaftarOut(many=True))
@api.doc(summary="Desa yang boleh dilihat admin ini, dengan kesiapannya dan surat yang menunggu",
         description="Saring dengan `kecamatan` dan `q`; `halaman`/`per_halaman` (paling banyak 500). "
                     "Jumlah seluruhnya di header X-Total-Count; halaman berikutnya di header Link.")
def desa_daftar(query_data):
    per_halaman = min(query_data["per_halaman"], 500)
    halaman = query_data["halaman"]
    query = akses.cari_desa(g.akun, query_data["q"], query_data["kecamatan"])
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    daftar = db.session.scalars(query.options(selectinload(Desa.host_tambahan))
                                .limit(per_halaman).offset((halaman - 1) * per_halaman)).all()
    siap = kesiapan([d.id for d in daftar])
    hal = Halaman(daftar, total, halaman, per_halaman)
    return [_desa_json(d, siap[d.id]) for d in daftar], 200, header_halaman(
        hal, "admin_api.desa_daftar", kecamatan=query_data["kecamatan"], q=query_data["q"])


@api.get("/desa/<int:desa_id>")
@api.auth_required(api_auth, roles=ADMIN)
@api.output(DesaDaftarOut)
@api.doc(summary="Satu desa dengan kesiapannya", responses=[403, 404])
def desa_lihat(desa_id):
    desa = _desa_api(desa_id)
    return _desa_json(desa, kesiapan([desa.id])[desa.id])


@api.patch("/desa/<int:desa_id>")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(DesaUbahIn)
@api.output(DesaDaftarOut)
@api.doc(summary="Ubah desa: nama, wa_operator, alamat_kantor, aktif",
         description="`aktif: false` menonaktifkan desa: datanya tetap, situsnya menolak semua login. "
                     "Nama di alamat web dan kode tidak dapat diubah (itulah alamatnya).",
         responses=[403, 404, 422])
def desa_ubah(desa_id, json_data):
    desa = layanan.ubah_sebagian(_desa_api(desa_id), json_data)
    return _desa_json(desa, kesiapan([desa.id])[desa.id])


@api.post("/desa/<int:desa_id>/host")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(HostIn)
@api.output(HostOut, status_code=201)
@api.doc(summary="Tambah nama host (domain milik desa sendiri)",
         description="Nama di bawah BASE_DOMAIN milik kabupaten: alamat portal dan alamat desa "
                     "(`{desa}.{kecamatan}.BASE_DOMAIN` dan di bawahnya) ditolak 409 `host_dicadangkan`; "
                     "admin kecamatan yang menambahkan nama lain di bawah BASE_DOMAIN ditolak 403 "
                     "`host_milik_kabupaten`.", responses=[403, 404, 409, 422])
def host_tambah(desa_id, json_data):
    return {"host": layanan.tambah_host(_desa_api(desa_id), json_data["host"], g.akun)}


@api.delete("/desa/<int:desa_id>/host/<string(maxlength=253):host>")
@api.auth_required(api_auth, roles=ADMIN)
@api.output({}, status_code=204)
@api.doc(summary="Hapus nama host tambahan", responses=[403, 404])
def host_hapus(desa_id, host):
    layanan.hapus_host_nama(_desa_api(desa_id), host)
    return ""


@api.get("/desa/<int:desa_id>/operator")
@api.auth_required(api_auth, roles=ADMIN)
@api.output(OperatorDaftarOut(many=True))
@api.doc(summary="Operator desa", responses=[403, 404])
def operator_daftar(desa_id):
    return layanan.operator_desa(_desa_api(desa_id))


def _operator_api(desa, operator_id):
    operator = layanan.cari_operator(desa, operator_id)
    if operator is None:
        raise Penolakan(404, "operator_tidak_ditemukan", "Operator tidak ditemukan di desa ini.")
    return operator


@api.patch("/desa/<int:desa_id>/operator/<int:operator_id>")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(OperatorUbahIn)
@api.output(OperatorDaftarOut)
@api.doc(summary="Nonaktifkan atau aktifkan operator (nonaktif: semua sesinya berakhir)", responses=[403, 404])
def operator_ubah(desa_id, operator_id, json_data):
    desa = _desa_api(desa_id)
    layanan.atur_operator_aktif(_operator_api(desa, operator_id), json_data["aktif"])
    return _operator_api(desa, operator_id)


@api.post("/desa/<int:desa_id>/operator/<int:operator_id>/reset-sandi")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(ResetSandiIn)
@api.output(ResetSandiOut)
@api.doc(summary="Atur ulang kata sandi operator",
         description="Tanpa `password`: kata sandi sekali pakai dibuatkan, hanya ada di jawaban ini, dan "
                     "wajib diganti operator saat masuk. Semua sesi operator berakhir.", responses=[403, 404, 422])
def operator_reset_sandi(desa_id, operator_id, json_data):
    operator = _operator_api(_desa_api(desa_id), operator_id)
    sandi = layanan.reset_sandi_operator(operator, json_data["password"] or None)
    return {"password": None if json_data["password"] else sandi}


@api.get("/statistik")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(StatistikIn, location="query")
@api.output(StatistikOut)
@api.doc(summary="Angka dasbor: per hari, status, jenis, desa; median dan p90 waktu sampai surat",
         description="Permohonan yang diajukan dari `dari` sampai `sampai` (tanggal WIB; bawaan 30 hari "
                     "terakhir, paling panjang 366 hari), untuk kabupaten, satu `kecamatan` atau satu `desa` "
                     "di wilayah admin ini. Admin kecamatan selalu melihat kecamatannya sendiri. Angka yang "
                     "sama dengan halaman dasbor dan CSV-nya.", responses=[401, 404, 422])
def statistik_surat(query_data):
    lk = dasbor.lingkup(g.akun, current_app.config["KABUPATEN_NAMA"], query_data["kecamatan"], query_data["desa"],
                        query_data["dari"], query_data["sampai"])
    return dasbor.ringkasan(lk, current_app.config["BASE_DOMAIN"])


@api.post("/desa/impor")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(ImporDesaIn, location="files")
@api.output(HasilImporDesaOut)
@api.doc(summary="Buat banyak desa dari CSV (kecamatan, slug, nama, kode, wa_operator)",
         description="Baris yang salah disebut dengan nomor baris dan alasannya; baris lain tetap masuk. "
                     "Desa yang sudah ada persis seperti barisnya dihitung `sudah_ada`: berkas yang sama "
                     "dua kali tidak membuat apa pun yang kedua kalinya.", responses=[401, 403, 413, 422])
def desa_impor(files_data):
    hasil = impor_desa(files_data["file"].read(), g.akun)
    return hasil.as_dict(current_app.config["BASE_DOMAIN"])


@api.post("/operator/massal")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(OperatorMassalIn)
@api.output(OperatorMassalOut, status_code=201)
@api.doc(summary="Operator untuk banyak desa sekaligus, masing-masing dengan kata sandi sekali pakai",
         description="Kata sandi hanya ada di jawaban ini; operator wajib menggantinya saat pertama masuk "
                     "(sampai itu API operator menjawab 403 `sandi_wajib_diganti`). Desa yang sudah punya "
                     "operator dengan nama itu dilewati.", responses=[401, 403, 404, 422])
def operator_massal(json_data):
    query = akses.desa_query(g.akun)
    if json_data["desa"] is not None:
        query = query.where(Desa.id.in_(json_data["desa"]))
    daftar = db.session.scalars(query.order_by(Desa.id)).all()
    if json_data["desa"] is not None and len(daftar) != len(set(json_data["desa"])):
        raise Penolakan(404, "desa_tidak_ditemukan", "Ada desa yang tidak ditemukan di wilayah Anda.")
    baru, dilewati = buat_operator_massal(daftar, json_data["username"].strip())
    base = current_app.config["BASE_DOMAIN"]
    return {
        "dibuat": [{"desa_id": b.desa.id, "desa": b.desa.nama, "host": b.desa.host(base), "username": b.username,
                    "password": b.sandi, "url_masuk": host_url(b.desa.host(base), "/operator/masuk")} for b in baru],
        "dilewati": [{"desa_id": d.id, "alasan": alasan} for d, alasan in dilewati],
    }


def _jenis_json(baris):
    kecamatan = db.session.get(Kecamatan, baris.kecamatan_id) if baris.kecamatan_id else None
    return {"kode": baris.kode, "nama": baris.nama, "klasifikasi": baris.klasifikasi, "uraian": baris.uraian,
            "isian": baris.isian, "isi": baris.isi, "kecamatan": kecamatan.slug if kecamatan else None,
            "aktif": baris.aktif, "versi": baris.versi, "diterbitkan": baris.diterbitkan, "diubah": baris.diubah}


def _khusus_kabupaten():
    if g.akun.kecamatan_id is not None:
        raise Penolakan(403, "dilarang", "Hanya admin kabupaten yang menerbitkan jenis surat.")


@api.get("/jenis-surat")
@api.auth_required(api_auth, roles=ADMIN)
@api.output(JenisKabupatenOut(many=True))
@api.doc(summary="Jenis surat yang diterbitkan kabupaten")
def jenis_surat_daftar():
    return [_jenis_json(b) for b in kabupaten.daftar()]


@api.post("/jenis-surat")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(JenisKabupatenBaruIn)
@api.output(JenisKabupatenOut, status_code=201)
@api.doc(summary="Terbitkan jenis surat ke semua desa atau satu kecamatan (admin kabupaten)",
         description="Setiap desa yang dijangkau menawarkannya seperti jenis surat katalog; pilihan desa "
                     "sendiri (dilayani, hanya kantor, klasifikasi, penandatangan, syarat) tetap miliknya.",
         responses=[403, 409, 422])
def jenis_surat_terbit(json_data):
    _khusus_kabupaten()
    return _jenis_json(kabupaten.terbitkan(json_data, g.akun))


@api.put("/jenis-surat/<string(maxlength=40):kode>")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(JenisKabupatenUbahIn)
@api.output(JenisKabupatenOut)
@api.doc(summary="Versi baru jenis surat kabupaten (isian, teks, jangkauan, ditarik)",
         description="Menggantikan seluruh isi jenis surat; pilihan setiap desa untuknya tidak berubah.",
         responses=[403, 404, 422])
def jenis_surat_ubah(kode, json_data):
    _khusus_kabupaten()
    return _jenis_json(kabupaten.ubah(kode, json_data, g.akun))


@api.get("/audit")
@api.auth_required(api_auth, roles=ADMIN)
@api.input(AuditIn, location="query")
@api.output(AuditOut(many=True))
@api.doc(summary="Catatan audit: siapa mengubah apa, kapan, di desa mana, dari alamat mana",
         description="Setiap perubahan oleh admin atau operator, terbaru dulu. Admin kecamatan melihat catatan "
                     "desa di kecamatannya dan tindakannya sendiri. Tidak ada yang dapat mengubah atau menghapus "
                     "catatan. Jumlah seluruhnya di header X-Total-Count; halaman berikutnya di header Link.",
         responses=[401, 404, 422])
def audit(query_data):
    halaman, per_halaman = query_data.pop("halaman"), query_data.pop("per_halaman")
    saringan = audit_svc.Saringan(**query_data)
    hal = audit_svc.cari(g.akun, saringan, halaman, per_halaman)
    return hal.isi, 200, header_halaman(hal, "admin_api.audit", **saringan.sebagai_args())
