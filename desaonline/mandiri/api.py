"""The resident's JSON API (docs/api.md): login, PIN, biodata, family, contact."""
from desaonline.basisdata import baca_saja
from desaonline.auth.sessions import issue, masuk_sebelumnya, revoke
from desaonline.extensions import db
from desaonline.mandiri import akun, api_bp as api
from desaonline.mandiri.auth import current_penduduk, limit_gagal_pin, penduduk_api, penduduk_api_awal
from desaonline.penduduk.data import anggota_keluarga, biodata
from desaonline.mandiri.kontak import kontak_desa
from desaonline.mandiri.schemas import AnggotaOut, GantiPinIn, KontakOut, LoginPendudukIn, LoginPendudukOut, ProfilOut


@api.post("/login")
@limit_gagal_pin
@api.input(LoginPendudukIn)
@api.output(LoginPendudukOut)
@api.doc(summary="Masuk dengan NIK dan PIN (PIN pertama: tanggal lahir YYYYMMDD, dengan Nomor KK)",
         description="Dengan PIN tanggal lahir (8 angka) `no_kk` wajib: tanpa itu 422 `no_kk_diperlukan`, "
                     "salah 401. Setelah PIN diganti, `nik` dan `pin` cukup. PIN pertama yang lewat masa "
                     "berlakunya: 403 `pin_kedaluwarsa`.",
         responses=[401, 403, 422, 429])
def login(json_data):
    penduduk = akun.masuk(json_data["nik"], json_data["pin"], json_data.get("no_kk"))
    return {"token": issue(penduduk, "api"), "wajib_ganti_pin": penduduk.wajib_ganti_pin}


@api.post("/ganti-pin")
@penduduk_api_awal
@api.input(GantiPinIn)
@api.output({}, status_code=204)
@api.doc(summary="Ganti PIN (wajib setelah masuk pertama kali)", responses=[401, 403, 422, 429])
def ganti_pin(json_data):
    penduduk = current_penduduk()
    akun.ganti_pin(penduduk, json_data["pin_lama"], json_data["pin_baru"], tetap=penduduk.sesi_token)
    db.session.commit()
    return "", 204


@api.post("/keluar")
@penduduk_api_awal
@api.output({}, status_code=204)
@api.doc(summary="Keluar: token ini tidak berlaku lagi", responses=[401])
def keluar():
    revoke(current_penduduk().sesi_token)
    return "", 204


@api.get("/profil")
@baca_saja
@penduduk_api
@api.output(ProfilOut)
@api.doc(summary="Biodata penduduk yang masuk", responses=[401, 403])
def profil():
    penduduk = current_penduduk()
    sebelumnya = masuk_sebelumnya(penduduk)
    return {**biodata(penduduk), "terakhir_masuk": sebelumnya.dibuat if sebelumnya else None}


@api.get("/keluarga")
@baca_saja
@penduduk_api
@api.output(AnggotaOut(many=True))
@api.doc(summary="Anggota Kartu Keluarga penduduk yang masuk", responses=[401, 403])
def keluarga():
    return anggota_keluarga(current_penduduk())


@api.get("/kontak")
@baca_saja
@penduduk_api
@api.output(KontakOut)
@api.doc(summary="Nomor WhatsApp operator desa", responses=[401, 403])
def kontak():
    return kontak_desa()
