"""Letter types for the whole kabupaten: published to every desa or to one kecamatan, offered
and written like catalogue types, and a desa keeps its own choices across new versions."""
import pytest

from tests.admin.conftest import masuk
from tests.surat.conftest import Kantor
from tests.test_admin_api import login

BANSOS = {
    "kode": "surat_ket_bansos", "nama": "Surat Keterangan Calon Penerima Bantuan Sosial", "klasifikasi": "460",
    "uraian": "Untuk pendaftaran bantuan sosial kabupaten.",
    "isian": [{"nama": "program", "label": "Program Bantuan", "jenis": "pilihan", "pilihan": ["PKH", "BPNT"]},
              {"nama": "tanggungan", "label": "Jumlah Tanggungan", "jenis": "angka"}],
    "isi": ["Orang tersebut di atas adalah penduduk {jenis_desa} {desa} dengan {tanggungan} tanggungan.",
            "Surat ini untuk pendaftaran program {program} di {kabupaten_lengkap}."],
}


@pytest.fixture
def dua_kecamatan(buat, host_client):
    klirong, petanahan = buat.kecamatan("kec-klirong", "Klirong"), buat.kecamatan("kec-petanahan", "Petanahan")
    return (Kantor(buat, host_client, buat.desa("klirong", kecamatan=klirong, nama="Klirong")),
            Kantor(buat, host_client, buat.desa("karangrejo", kecamatan=petanahan, nama="Karangrejo")))


def _jenis_warga(kantor, p):
    return {j["kode"]: j for j in kantor.web.api("get", "/api/v1/mandiri/jenis-surat", p.token).get_json()}


def test_a_type_published_to_every_desa_is_offered_and_written_like_a_catalogue_type(app, buat, portal, dua_kecamatan):
    klirong, karangrejo = dua_kecamatan
    token = login(portal, *buat.admin("kab"))
    res = portal.api("post", "/api/v1/admin/jenis-surat", token, json=BANSOS)
    assert res.status_code == 201, res.get_json()
    assert res.get_json()["versi"] == 1 and res.get_json()["kecamatan"] is None
    for kantor in dua_kecamatan:
        p = kantor.warga()
        jenis = _jenis_warga(kantor, p)["surat_ket_bansos"]
        assert jenis["nama"] == BANSOS["nama"] and jenis["klasifikasi"] == "460"
        assert [f["nama"] for f in jenis["fields"]] == ["program", "tanggungan"]
    p = klirong.warga()
    res = klirong.buat_surat(p, jenis="surat_ket_bansos", program="pkh", tanggungan="3", klasifikasi="460")
    assert res.status_code == 201, res.get_json()
    surat_id = res.get_json()["id"]
    pdf = klirong.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pratinjau", p.token)
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")

    from desaonline.extensions import db
    from desaonline.surat.models import Surat
    from desaonline.surat.susun import susun_dokumen
    from tenants import desa_scope
    with app.app_context(), desa_scope(klirong.desa.id):
        dokumen = susun_dokumen(db.session.get(Surat, surat_id), konsep=True)
    assert dokumen.judul == BANSOS["nama"].upper()
    assert dokumen.isi == ["Orang tersebut di atas adalah penduduk Desa Klirong dengan 3 tanggungan.",
                           "Surat ini untuk pendaftaran program PKH di Kabupaten Kebumen."]
    assert ("Program Bantuan", "PKH") in dokumen.data

    # the operator's own settings page lists it with the kabupaten's types
    page = klirong.browser_operator().get("/operator/pengaturan/jenis-surat").get_data(as_text=True)
    assert "Dari kabupaten" in page and BANSOS["nama"] in page


def test_a_type_published_to_one_kecamatan_reaches_only_its_desa(buat, portal, dua_kecamatan):
    klirong, karangrejo = dua_kecamatan
    token = login(portal, *buat.admin("kab"))
    assert portal.api("post", "/api/v1/admin/jenis-surat", token, json={**BANSOS, "kecamatan": "kec-klirong"}).status_code == 201
    assert "surat_ket_bansos" in _jenis_warga(klirong, klirong.warga())
    p = karangrejo.warga()
    assert "surat_ket_bansos" not in _jenis_warga(karangrejo, p)
    res = karangrejo.buat_surat(p, jenis="surat_ket_bansos", program="PKH", tanggungan="1", klasifikasi="460")
    assert res.status_code in (404, 422), res.get_json()
    assert karangrejo.web.api("put", "/api/v1/operator/jenis-surat/surat_ket_bansos", karangrejo.op,
                              json={"hanya_kantor": True}).status_code in (404, 422)


def test_a_new_version_keeps_each_desas_own_choices(buat, portal, dua_kecamatan):
    klirong, karangrejo = dua_kecamatan
    token = login(portal, *buat.admin("kab"))
    portal.api("post", "/api/v1/admin/jenis-surat", token, json=BANSOS)
    res = klirong.web.api("put", "/api/v1/operator/jenis-surat/surat_ket_bansos", klirong.op,
                          json={"klasifikasi": "460.1", "hanya_kantor": True})
    assert res.status_code == 200, res.get_json()
    baru = {**BANSOS, "isian": [*BANSOS["isian"], {"nama": "rt", "label": "RT", "jenis": "teks", "wajib": False}],
            "isi": ["Teks baru untuk {nama} di RT {rt}."]}
    del baru["kode"]
    res = portal.api("put", "/api/v1/admin/jenis-surat/surat_ket_bansos", token, json=baru)
    assert res.status_code == 200 and res.get_json()["versi"] == 2
    pilihan = {j["kode"]: j for j in klirong.web.api("get", "/api/v1/operator/jenis-surat", klirong.op).get_json()}
    assert pilihan["surat_ket_bansos"]["klasifikasi"] == "460.1" and pilihan["surat_ket_bansos"]["hanya_kantor"] is True
    assert "surat_ket_bansos" not in _jenis_warga(klirong, klirong.warga())       # still office only here
    jenis = _jenis_warga(karangrejo, karangrejo.warga())["surat_ket_bansos"]
    assert [f["nama"] for f in jenis["fields"]] == ["program", "tanggungan", "rt"] and jenis["klasifikasi"] == "460"

    # withdrawn: no longer offered anywhere, its letters keep their name
    p = karangrejo.warga()
    surat_id = karangrejo.konsep(p, jenis="surat_ket_bansos", program="BPNT", tanggungan="2", klasifikasi="460")
    assert portal.api("put", "/api/v1/admin/jenis-surat/surat_ket_bansos", token, json={**baru, "aktif": False}).status_code == 200
    assert "surat_ket_bansos" not in _jenis_warga(karangrejo, p)
    assert karangrejo.lihat(p, surat_id).get_json()["nama_jenis"] == BANSOS["nama"]


def test_the_text_may_name_only_what_the_letter_knows(buat, portal):
    buat.kecamatan("kec-klirong", "Klirong")
    token = login(portal, *buat.admin("kab"))

    def kirim(**ubah):
        return portal.api("post", "/api/v1/admin/jenis-surat", token, json={**BANSOS, **ubah})

    res = kirim(isi=["Penghasilan {penghasilan} sebulan."])
    assert res.status_code == 422 and "{penghasilan}" in res.get_json()["rincian"]["isi"]
    for jahat in ("{nama.__class__}", "{nama[0]}", "{nama!r}", "{nama:>99999}", "{"):
        assert kirim(isi=[f"Atas nama {jahat}."]).status_code == 422, jahat
    assert kirim(kode="surat_ket_pengantar").get_json()["rincian"]["kode"].startswith("Kode 'surat_ket_pengantar' sudah")
    assert kirim(isian=[{"nama": "nik", "label": "NIK lagi"}]).status_code == 422
    assert kirim(isian=[{"nama": "x1", "label": "Pilih", "jenis": "pilihan"}]).status_code == 422
    assert kirim(isian=[{"nama": "x1", "label": "Orang", "jenis": "penduduk"}]).status_code == 422
    assert kirim(kecamatan="kec-entah").status_code == 422
    assert kirim().status_code == 201
    assert kirim().status_code == 409
    camat = login(portal, *buat.admin("camat", kecamatan_slug="kec-klirong"))
    assert portal.api("post", "/api/v1/admin/jenis-surat", camat, json={**BANSOS, "kode": "surat_lain"}).status_code == 403
    assert [j["kode"] for j in portal.api("get", "/api/v1/admin/jenis-surat", camat).get_json()] == ["surat_ket_bansos"]


def test_the_kabupaten_admin_publishes_through_the_page(buat, admin_kabupaten, dua_kecamatan):
    klirong, karangrejo = dua_kecamatan
    data = {"nama": BANSOS["nama"], "kode": "surat_ket_bansos", "klasifikasi": "460", "uraian": "",
            "kecamatan": "kec-petanahan", "aktif": "1",
            "isian": "program | Program Bantuan | pilihan | wajib | PKH, BPNT\ntanggungan | Jumlah Tanggungan | angka",
            "isi": "Penduduk {desa} dengan {tanggungan} tanggungan.\n\nProgram {program}."}
    res = admin_kabupaten.submit("/admin/jenis-surat/baru", {**data, "isi": "Salah {entah}."})
    assert res.status_code == 422 and "{entah}" in res.get_data(as_text=True)
    res = admin_kabupaten.submit("/admin/jenis-surat/baru", data)
    assert res.status_code == 302
    daftar = admin_kabupaten.get("/admin/jenis-surat").get_data(as_text=True)
    assert BANSOS["nama"] in daftar and "Kecamatan Petanahan" in daftar and "versi 1" in daftar
    form = admin_kabupaten.get("/admin/jenis-surat/surat_ket_bansos").get_data(as_text=True)
    assert "program | Program Bantuan | pilihan | wajib | PKH, BPNT" in form
    res = admin_kabupaten.submit("/admin/jenis-surat/surat_ket_bansos", {**data, "kecamatan": ""})
    assert res.status_code == 302 and "versi 2" in admin_kabupaten.get("/admin/jenis-surat").get_data(as_text=True)
    assert "surat_ket_bansos" in _jenis_warga(klirong, klirong.warga())
