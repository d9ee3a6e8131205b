"""The admin part of the JSON API (portal host), as docs/api.md says."""
from flask import current_app, g

from desaonline.admin import akses, api_bp as api
from desaonline.admin.impor import impor_desa
from desaonline.admin.layanan import buat_desa, buat_kecamatan, buat_operator, buat_operator_massal
from desaonline.admin.models import Admin
from desaonline.admin.schemas import (DesaIn, DesaOut, HasilImporDesaOut, ImporDesaIn, KecamatanIn, KecamatanOut,
                                      LoginIn, OperatorIn, OperatorMassalIn, OperatorMassalOut, OperatorOut,
                                      StatistikOut, TokenOut)
from desaonline.auth.login import api_masuk, limit_gagal_login
from desaonline.auth.sessions import api_auth
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.surat import statistik
from desaonline.templating import host_url
from tenants.models import Desa

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
    desa = db.session.get(Desa, desa_id)
    if desa is None:
        raise Penolakan(404, "desa_tidak_ditemukan", "Desa tidak ditemukan.")
    if not akses.boleh_desa(g.akun, desa):
        raise Penolakan(403, "dilarang", "Desa ini di luar wilayah Anda.")
    operator = buat_operator(desa, json_data["username"], json_data["password"], json_data["nama"])
    return {"id": operator.id, "username": operator.username}


@api.get("/statistik")
@api.auth_required(api_auth, roles=ADMIN)
@api.output(StatistikOut)
@api.doc(summary="Jumlah surat per desa dan status (sesuai wilayah admin)")
def statistik_surat():
    base = current_app.config["BASE_DOMAIN"]
    daftar = db.session.scalars(akses.desa_query(g.akun).order_by(Desa.nama)).all()
    hitungan = statistik.per_desa([d.id for d in daftar])
    return {
        "desa": [{"id": d.id, "nama": d.nama, "kecamatan": d.kecamatan.slug, "host": d.host(base),
                  "status": hitungan[d.id], "total": sum(hitungan[d.id].values())} for d in daftar],
        "total": statistik.total(hitungan),
    }


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
