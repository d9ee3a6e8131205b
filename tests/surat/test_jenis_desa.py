"""What the desa decides per letter type: served or not, online or only at the office,
and the kode klasifikasi and signatory a request gets unless someone picks others;
the operator may still change both at approval."""
import re

from desaonline.surat import katalog


def jenis_mandiri(kantor, p):
    return {j["kode"]: j for j in kantor.web.api("get", "/api/v1/mandiri/jenis-surat", p.token).get_json()}


def test_a_new_desa_offers_every_type_online(kantor):
    p = kantor.warga()
    assert set(jenis_mandiri(kantor, p)) == set(katalog.KATALOG)
    semua = kantor.web.api("get", "/api/v1/operator/jenis-surat", kantor.op).get_json()
    assert len(semua) == len(katalog.DAFTAR) and all(j["aktif"] and j["mandiri"] for j in semua)
    lahir = next(j for j in semua if j["kode"] == "surat_ket_kelahiran")
    assert lahir == {"kode": "surat_ket_kelahiran", "nama": "Surat Keterangan Kelahiran", "aktif": True,
                     "hanya_kantor": False, "mandiri": True, "pihak_ketiga": True, "klasifikasi": "472.11",
                     "klasifikasi_katalog": "472.11", "penandatangan": None}


def test_types_with_third_parties_can_be_kept_at_the_office(kantor):
    web = kantor.browser_operator()
    html = web.get("/operator/pengaturan/jenis-surat").get_data(as_text=True)
    kode = re.findall(r'name="aktif_([a-z_]+)"', html)
    assert set(kode) == set(katalog.KATALOG)
    data = {f"aktif_{k}": "1" for k in kode if k != "surat_ket_wali_hakim"}
    data.update({f"kantor_{k}": "1" if k in ("surat_ket_kelahiran", "surat_ket_kematian") else "0" for k in kode})
    assert web.submit("/operator/pengaturan/jenis-surat", data).status_code == 302
    html = web.get("/operator/pengaturan/jenis-surat").get_data(as_text=True)
    assert re.search(r'name="kantor_surat_ket_kelahiran".*?<option value="1" selected>Hanya di kantor desa',
                     html, re.S)

    p = kantor.warga()
    jenis = jenis_mandiri(kantor, p)
    assert "surat_ket_kelahiran" not in jenis and "surat_ket_kematian" not in jenis
    assert "surat_ket_wali_hakim" not in jenis and "surat_ket_nikah" in jenis
    r = kantor.buat_surat(p, jenis="surat_ket_kelahiran")
    assert r.status_code == 422 and r.get_json()["error"] == "jenis_hanya_di_kantor"
    assert "kantor desa" in r.get_json()["message"]
    halaman = kantor.browser_penduduk(p).get("/mandiri/surat/buat").get_data(as_text=True)
    kantor_saja = halaman.split("Dilayani di kantor desa", 1)[1]
    assert "Surat Keterangan Kelahiran" in kantor_saja and "Surat Keterangan Kematian" in kantor_saja
    assert "/mandiri/surat/buat/surat_ket_kelahiran" not in halaman
    assert "Wali Hakim" not in halaman   # turned off: not offered anywhere

    # The same through the API; a draft made before the change cannot be submitted after it.
    surat_id = kantor.konsep(p, jenis="surat_ket_belum_menikah")
    r = kantor.web.api("put", "/api/v1/operator/jenis-surat/surat_ket_belum_menikah", kantor.op,
                       json={"hanya_kantor": True})
    assert r.status_code == 200 and r.get_json()["mandiri"] is False and r.get_json()["aktif"] is True
    r = kantor.ajukan(p, surat_id)
    assert r.status_code == 409 and r.get_json()["error"] == "jenis_hanya_di_kantor"
    r = kantor.web.api("put", "/api/v1/operator/jenis-surat/surat_tidak_ada", kantor.op, json={"aktif": False})
    assert r.status_code == 404


def test_the_resident_need_not_pick_klasifikasi_or_signatory(kantor):
    r = kantor.web.api("put", "/api/v1/operator/jenis-surat/surat_ket_domisili", kantor.op,
                       json={"klasifikasi": "471.1", "penandatangan": kantor.sekdes})
    assert r.status_code == 200 and r.get_json()["penandatangan"] == kantor.sekdes
    p = kantor.warga()
    assert jenis_mandiri(kantor, p)["surat_ket_domisili"]["klasifikasi"] == "471.1"
    r = kantor.web.api("post", "/api/v1/mandiri/surat", p.token,
                       json={"jenis": "surat_ket_domisili", "keperluan": "Melamar kerja"})
    assert r.status_code == 201, r.get_json()
    surat = kantor.lihat(p, r.get_json()["id"]).get_json()
    assert surat["klasifikasi"] == "471.1" and surat["penandatangan"]["id"] == kantor.sekdes
    # Other types keep the Kepala Desa and the catalogue's code.
    lain = kantor.lihat(p, kantor.web.api("post", "/api/v1/mandiri/surat", p.token, json={
        "jenis": "surat_ket_penduduk", "keperluan": "Melamar kerja"}).get_json()["id"]).get_json()
    assert lain["klasifikasi"] == "470" and lain["penandatangan"]["id"] == kantor.kepala
    # The form opens with the defaults filled in.
    html = kantor.browser_penduduk(p).get("/mandiri/surat/buat/surat_ket_domisili").get_data(as_text=True)
    assert 'value="471.1"' in html and f'<option selected value="{kantor.sekdes}">' in html


def test_the_operator_changes_klasifikasi_and_signatory_at_approval(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p, jenis="surat_ket_penduduk", klasifikasi="")
    r = kantor.setujui(surat_id, klasifikasi="abc")
    assert r.status_code == 422 and "klasifikasi" in r.get_json()["rincian"]
    assert kantor.lihat(p, surat_id).get_json()["status"] == "diajukan"

    web = kantor.browser_operator()
    html = web.get(f"/operator/surat/{surat_id}").get_data(as_text=True)
    assert re.search(r'<input[^>]*id="klasifikasi"[^>]*value="470"', html)
    r = web.submit(f"/operator/surat/{surat_id}", {"klasifikasi": "471.1", "penandatangan": str(kantor.sekdes)},
                   action=f"/operator/surat/{surat_id}/setujui")
    assert r.status_code == 302, r.get_data(as_text=True)
    surat = kantor.lihat(p, surat_id).get_json()
    assert surat["klasifikasi"] == "471.1" and surat["nomor"].startswith("471.1/001/")
    assert surat["penandatangan"]["id"] == kantor.sekdes

    lain = kantor.diajukan(p, jenis="surat_ket_penduduk", klasifikasi="")
    r = kantor.setujui(lain, klasifikasi="472.13", penandatangan=kantor.kepala)
    assert r.status_code == 202 and r.get_json()["nomor"].startswith("472.13/")
    assert kantor.lihat(p, lain).get_json()["klasifikasi"] == "472.13"
