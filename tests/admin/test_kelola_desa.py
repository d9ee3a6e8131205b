"""Desa management through the API and the pages: readiness, edit, deactivate, host names, operators."""
import re
from datetime import timedelta

from desaonline.waktu import sekarang
from tests.admin.conftest import masuk, operator_id
from tests.test_admin_api import login


def _wilayah(buat):
    klirong, petanahan = buat.kecamatan("kec-klirong", "Klirong"), buat.kecamatan("kec-petanahan", "Petanahan")
    return {"siap": buat.desa("klirong", kecamatan=klirong, nama="Klirong"),
            "kosong": buat.desa("jogosimo", kecamatan=klirong, nama="Jogosimo"),
            "habis": buat.desa("karangrejo", kecamatan=petanahan, nama="Karangrejo")}


def test_the_list_says_what_each_desa_lacks_and_what_waits_there(buat, portal, siapkan, surat_desa):
    w = _wilayah(buat)
    siapkan(w["siap"], penduduk=3, mandiri=2)
    siapkan(w["habis"], hari=10, kop=False, penduduk=1, mandiri=0)
    lama = sekarang() - timedelta(days=3, hours=2)
    surat_desa(w["siap"], "diajukan", 2, diajukan=lama)
    surat_desa(w["siap"], "diajukan", 1, diajukan=sekarang() - timedelta(hours=1))
    surat_desa(w["siap"], "selesai", 4)
    token = login(portal, *buat.admin("kab"))
    res = portal.api("get", "/api/v1/admin/desa", token)
    assert res.status_code == 200 and res.headers["X-Total-Count"] == "3"
    desa = {d["slug"]: d for d in res.get_json()}
    siap = desa["klirong"]["kesiapan"]
    assert siap["siap"] is True and siap["kurang"] == []
    assert siap["penduduk"] == 3 + 3 and siap["mandiri_aktif"] == 2   # surat_desa's residents count too
    assert siap["menunggu"] == 3 and siap["menunggu_sejak"].startswith(lama.strftime("%Y-%m-%dT%H:%M"))
    assert siap["sertifikat"]["berlaku"] and not siap["sertifikat"]["segera_habis"]
    kosong = desa["jogosimo"]["kesiapan"]
    assert kosong["siap"] is False and kosong["kurang"] == ["sertifikat", "penandatangan", "kop_surat", "penduduk"]
    assert kosong["sertifikat"]["berlaku_sampai"] is None and kosong["menunggu_sejak"] is None
    habis = desa["karangrejo"]["kesiapan"]
    assert habis["kurang"] == ["kop_surat"] and habis["sertifikat"]["segera_habis"] is True
    assert desa["klirong"]["host"] == "klirong.kec-klirong.localhost" and desa["klirong"]["aktif"] is True

    halaman = portal.api("get", "/api/v1/admin/desa?per_halaman=2", token)
    assert len(halaman.get_json()) == 2 and 'rel="next"' in halaman.headers["Link"]
    assert [d["slug"] for d in portal.api("get", "/api/v1/admin/desa?kecamatan=kec-petanahan", token).get_json()] \
        == ["karangrejo"]

    # the page shows the same figures, sortable by query parameter
    masuk(portal, "kab", "rahasia-admin")
    html = portal.get("/admin/desa?urut_desa=-menunggu").get_data(as_text=True)
    baris = re.findall(r'<tr data-baris="(\d+)">(.*?)</tr>', html, re.S)
    assert [int(i) for i, _ in baris][0] == w["siap"].id
    sel = dict(re.findall(r'data-kolom="(\w+)" data-nilai="([^"]*)"', dict(baris)[str(w["siap"].id)]))
    assert sel["menunggu"] == "3" and sel["penduduk"] == "6" and sel["mandiri_aktif"] == "2"
    assert int(sel["menunggu_detik"]) >= 3 * 86400
    assert "3 hari 2 jam" in dict(baris)[str(w["siap"].id)]
    kosong_html = dict(baris)[str(w["kosong"].id)]
    assert "Belum: Sertifikat TTE, Penandatangan, Kop surat, Data penduduk" in kosong_html
    urut_naik = portal.get("/admin/desa?urut_desa=menunggu").get_data(as_text=True)
    assert re.findall(r'<tr data-baris="(\d+)">', urut_naik)[-1] == str(w["siap"].id)
    assert 'aria-sort="ascending"><a href="/admin/desa?urut_desa=-menunggu#tabel-desa"' in urut_naik
    csv = portal.get("/admin/desa?format=csv&tabel=desa").get_data(as_text=True)
    assert csv.splitlines()[0].startswith("nama,kecamatan_nama,kurang,sertifikat_berlaku_sampai,penduduk")
    assert len(csv.splitlines()) == 4


def test_a_camat_sees_and_changes_only_its_own_desa(buat, portal):
    w = _wilayah(buat)
    token = login(portal, *buat.admin("camat", kecamatan_slug="kec-klirong"))
    assert sorted(d["slug"] for d in portal.api("get", "/api/v1/admin/desa", token).get_json()) == ["jogosimo", "klirong"]
    lain = w["habis"].id
    assert portal.api("get", f"/api/v1/admin/desa/{lain}", token).status_code == 403
    assert portal.api("patch", f"/api/v1/admin/desa/{lain}", token, json={"aktif": False}).status_code == 403
    assert portal.api("post", f"/api/v1/admin/desa/{lain}/host", token, json={"host": "karangrejo.desa.id"}).status_code == 403
    assert portal.api("get", f"/api/v1/admin/desa/{lain}/operator", token).status_code == 403
    assert portal.api("get", "/api/v1/admin/desa/999999", token).status_code == 404


def test_patch_edits_and_deactivates_keeping_the_data(buat, portal, host_client, surat_desa, operator_bisa_masuk):
    w = _wilayah(buat)
    desa = w["siap"]
    buat.operator(desa, "operator", "rahasia-operator")
    surat_desa(desa, "selesai", 2, diajukan=sekarang())
    token = login(portal, *buat.admin("kab"))
    res = portal.api("patch", f"/api/v1/admin/desa/{desa.id}", token,
                     json={"nama": "Klirong Baru", "wa_operator": "0812 2700 0199"})
    assert res.status_code == 200, res.get_json()
    assert res.get_json()["nama"] == "Klirong Baru" and res.get_json()["wa_operator"] == "6281227000199"
    assert res.get_json()["alamat_kantor"] is None
    res = portal.api("patch", f"/api/v1/admin/desa/{desa.id}", token, json={"wa_operator": "bukan nomor"})
    assert res.status_code == 422 and res.get_json()["error"] == "wa_tidak_valid"
    assert portal.api("patch", f"/api/v1/admin/desa/{desa.id}", token, json={"slug": "lain"}).status_code == 422

    assert operator_bisa_masuk(desa, "operator", "rahasia-operator")
    res = portal.api("patch", f"/api/v1/admin/desa/{desa.id}", token, json={"aktif": False})
    assert res.status_code == 200 and res.get_json()["aktif"] is False
    situs = host_client(desa.host)
    assert situs.get("/").status_code in (403, 404, 503)
    assert situs.post("/api/v1/operator/login", json={"username": "operator", "password": "rahasia-operator"}).status_code \
        in (403, 404, 503)
    # the data stays: the kabupaten still counts its letters, and reactivating brings it back
    stats = {d["id"]: d for d in portal.api("get", "/api/v1/admin/statistik", token).get_json()["desa"]}
    assert stats[desa.id]["total"] == 2
    portal.api("patch", f"/api/v1/admin/desa/{desa.id}", token, json={"aktif": True})
    assert "Klirong Baru" in situs.get("/").get_data(as_text=True)
    assert operator_bisa_masuk(desa, "operator", "rahasia-operator")


def test_host_names_through_the_api(buat, portal, host_client):
    desa = _wilayah(buat)["siap"]
    token = login(portal, *buat.admin("kab"))
    res = portal.api("post", f"/api/v1/admin/desa/{desa.id}/host", token, json={"host": "Klirong.Desa.ID"})
    assert res.status_code == 201 and res.get_json() == {"host": "klirong.desa.id"}
    assert "Klirong" in host_client("klirong.desa.id").get("/").get_data(as_text=True)
    assert portal.api("post", f"/api/v1/admin/desa/{desa.id}/host", token, json={"host": "klirong.desa.id"}).status_code == 409
    assert portal.api("post", f"/api/v1/admin/desa/{desa.id}/host", token, json={"host": "http://x"}).status_code == 422
    assert portal.api("get", f"/api/v1/admin/desa/{desa.id}", token).get_json()["host_tambahan"] == ["klirong.desa.id"]
    assert portal.api("delete", f"/api/v1/admin/desa/{desa.id}/host/klirong.desa.id", token).status_code == 204
    assert host_client("klirong.desa.id").get("/").status_code == 404
    assert portal.api("delete", f"/api/v1/admin/desa/{desa.id}/host/klirong.desa.id", token).status_code == 404


def test_operators_through_the_api(buat, portal, host_client, operator_bisa_masuk):
    desa = _wilayah(buat)["siap"]
    token = login(portal, *buat.admin("kab"))
    assert portal.api("post", f"/api/v1/admin/desa/{desa.id}/operator", token,
                      json={"username": "operator", "password": "rahasia-operator"}).status_code == 201
    daftar = portal.api("get", f"/api/v1/admin/desa/{desa.id}/operator", token).get_json()
    assert [(o["username"], o["aktif"], o["wajib_ganti_sandi"]) for o in daftar] == [("operator", True, False)]
    op = daftar[0]["id"]
    res = portal.api("patch", f"/api/v1/admin/desa/{desa.id}/operator/{op}", token, json={"aktif": False})
    assert res.status_code == 200 and res.get_json()["aktif"] is False
    assert not operator_bisa_masuk(desa, "operator", "rahasia-operator")
    portal.api("patch", f"/api/v1/admin/desa/{desa.id}/operator/{op}", token, json={"aktif": True})
    res = portal.api("post", f"/api/v1/admin/desa/{desa.id}/operator/{op}/reset-sandi", token, json={})
    sandi = res.get_json()["password"]
    assert res.status_code == 200 and re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", sandi)
    assert not operator_bisa_masuk(desa, "operator", "rahasia-operator") and operator_bisa_masuk(desa, "operator", sandi)
    res = portal.api("post", f"/api/v1/admin/desa/{desa.id}/operator/{op}/reset-sandi", token,
                     json={"password": "pilihan-admin-1"})
    assert res.get_json() == {"password": None} and operator_bisa_masuk(desa, "operator", "pilihan-admin-1")
    assert portal.api("patch", f"/api/v1/admin/desa/{desa.id}/operator/999", token, json={"aktif": False}).status_code == 404


def test_the_desa_page_shows_its_readiness(buat, admin_kabupaten, siapkan):
    w = _wilayah(buat)
    siapkan(w["habis"], hari=10, kop=False)
    html = admin_kabupaten.get(f"/admin/desa/{w['habis'].id}").get_data(as_text=True)
    assert "Belum: Kop surat" in html and "(segera habis)" in html
    assert "Nama di alamat web</dt><dd>karangrejo" in html


def test_resident_figures_follow_imports_pin_changes_deaths_and_deletes(app, buat, host_client):
    """On PostgreSQL the figures come from triggers (ringkasan_penduduk): every way of
    writing residents must move them, as counting the residents would."""
    import io

    from sqlalchemy import delete, func, select, update

    from desaonline.admin.kesiapan import kesiapan
    from desaonline.extensions import db
    from desaonline.penduduk.models import Penduduk
    from tenants import desa_scope

    desa, lain = _wilayah(buat)["siap"], _wilayah_lain(buat)
    buat.operator(desa, "operator", "rahasia-operator")
    situs = host_client(desa.host)
    token = situs.post("/api/v1/operator/login", json={"username": "operator", "password": "rahasia-operator"}).get_json()["token"]
    kolom = "nik,no_kk,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,agama,status_perkawinan,pekerjaan,hubungan_keluarga,alamat,rt,rw,dusun"
    baris = [f"33050512{i:08d},3305051200000001,WARGA {chr(65 + i)},KEBUMEN,1980-01-{i + 1:02d},L,ISLAM,KAWIN,PETANI/PEKEBUN,"
             f"{'KEPALA KELUARGA' if i == 0 else 'ANAK'},Jl. Melati,001,002,KRAJAN" for i in range(5)]
    res = situs.api("post", "/api/v1/operator/penduduk/impor", token, content_type="multipart/form-data",
                    data={"file": (io.BytesIO(("\n".join([kolom, *baris]) + "\n").encode()), "warga.csv")})
    assert res.status_code == 200 and res.get_json()["dibuat"] == 5, res.get_json()
    buat.penduduk(lain)

    def sebenarnya(desa_id):
        with app.app_context(), desa_scope(desa_id):
            hidup = db.session.scalar(select(func.count()).select_from(Penduduk).where(Penduduk.aktif))
            mandiri = db.session.scalar(select(func.count()).select_from(Penduduk)
                                        .where(Penduduk.aktif, Penduduk.wajib_ganti_pin.is_(False)))
            return hidup, mandiri

    def terbaca(desa_id):
        with app.app_context():
            k = kesiapan([desa_id])[desa_id]
            return k.penduduk, k.mandiri

    assert terbaca(desa.id) == sebenarnya(desa.id) == (5, 0)
    with app.app_context(), desa_scope(desa.id):
        ids = db.session.scalars(select(Penduduk.id).order_by(Penduduk.id)).all()
        db.session.execute(update(Penduduk).where(Penduduk.id.in_(ids[:2])).values(wajib_ganti_pin=False))
        db.session.get(Penduduk, ids[1]).status_dasar = "MATI"     # a resident with a PIN dies
        db.session.execute(delete(Penduduk).where(Penduduk.id == ids[4]))
        db.session.commit()
    assert terbaca(desa.id) == sebenarnya(desa.id) == (3, 1)
    assert terbaca(lain.id) == sebenarnya(lain.id) == (1, 0)
    # importing the same file again changes nothing, and brings back the deleted one
    situs.api("post", "/api/v1/operator/penduduk/impor", token, content_type="multipart/form-data",
              data={"file": (io.BytesIO(("\n".join([kolom, *baris]) + "\n").encode()), "warga.csv")})
    assert terbaca(desa.id) == sebenarnya(desa.id)


def _wilayah_lain(buat):
    return buat.desa("lain", kecamatan=buat.kecamatan("kec-lain", "Lain"))
