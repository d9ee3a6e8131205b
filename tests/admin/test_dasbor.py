"""The dashboard at a glance, on several kecamatan: the page, its CSV and the API give the
same numbers, and a camat never sees another kecamatan's desa."""
import csv
import io
import re
from datetime import datetime, timedelta

import pytest

from desaonline.waktu import WIB
from tests.admin.conftest import masuk
from tests.test_admin_api import login

PERIODE = "dari=2025-03-01&sampai=2025-03-31"


def wib(hari, jam, menit=0):
    return datetime(2025, 3, hari, jam, menit, tzinfo=WIB)


@pytest.fixture
def kabupaten(buat, surat_desa, siapkan):
    klirong, petanahan, kebumen = (buat.kecamatan("kec-klirong", "Klirong"), buat.kecamatan("kec-petanahan", "Petanahan"),
                                   buat.kecamatan("kec-kebumen", "Kebumen"))
    d = {"a1": buat.desa("klirong", kecamatan=klirong, nama="Klirong"),
         "a2": buat.desa("jogosimo", kecamatan=klirong, nama="Jogosimo"),
         "b1": buat.desa("karangrejo", kecamatan=petanahan, nama="Karangrejo"),
         "c1": buat.desa("panjer", kecamatan=kebumen, nama="Panjer")}
    siapkan(d["a1"], penduduk=4, mandiri=3)
    siapkan(d["b1"], hari=12, penduduk=2, mandiri=0)

    def selesai(desa, hari, jam, durasi_jam, jenis="surat_ket_pengantar"):
        awal = wib(hari, jam)
        surat_desa(desa, "selesai", jenis=jenis, dibuat=awal - timedelta(minutes=5), diajukan=awal,
                   selesai=awal + timedelta(hours=durasi_jam))

    selesai(d["a1"], 3, 9, 1)
    selesai(d["a1"], 3, 10, 2)
    selesai(d["a1"], 4, 8, 10)
    selesai(d["a2"], 4, 9, 0.5, "surat_ket_usaha")
    selesai(d["a2"], 6, 9, 4, "surat_ket_usaha")
    selesai(d["b1"], 10, 9, 48)
    surat_desa(d["a1"], "ditolak", diajukan=wib(5, 9))
    surat_desa(d["a1"], "diajukan", diajukan=wib(5, 11))
    surat_desa(d["a1"], "diajukan", diajukan=wib(31, 23, 30))               # the last minutes of the period (WIB)
    surat_desa(d["a1"], "diajukan", diajukan=wib(31, 23, 30) + timedelta(minutes=40))  # 1 April WIB: outside
    surat_desa(d["b1"], "diajukan", diajukan=datetime(2025, 2, 20, 9, tzinfo=WIB))    # waits since before the period
    surat_desa(d["b1"], "konsep")                                             # a draft is not a request
    return d


def _tabel(html, nama):
    blok = re.search(rf'<table class="tabel-urut" data-tabel="{nama}">(.*?)</table>', html, re.S)
    assert blok, f"no table {nama}"
    return {i: dict(re.findall(r'data-kolom="(\w+)" data-nilai="([^"]*)"', isi))
            for i, isi in re.findall(r'<tr data-baris="([^"]+)">(.*?)</tr>', blok.group(1), re.S)}


def _teks(nilai):
    return "" if nilai is None else str(nilai)


def test_kabupaten_figures_are_the_same_on_the_page_in_the_csv_and_in_the_api(buat, portal, kabupaten):
    d = kabupaten
    token = login(portal, *buat.admin("kab"))
    api = portal.api("get", f"/api/v1/admin/statistik?{PERIODE}", token).get_json()
    assert api["lingkup"] == {"tingkat": "kabupaten", "nama": "Kabupaten Kebumen", "kecamatan": None, "desa": None}
    assert api["jumlah"] == 9
    assert api["status"] == {"diajukan": 2, "ditolak": 1, "diproses": 0, "selesai": 6, "gagal": 0, "dibatalkan": 0}
    # durations 0.5, 1, 2, 4, 10, 48 hours: the median between 2 and 4, p90 between 10 and 48
    assert api["waktu_selesai"] == {"selesai": 6, "median_detik": 3 * 3600, "p90_detik": 29 * 3600}
    harian = {h["tanggal"]: h for h in api["harian"]}
    assert len(harian) == 31 and harian["2025-03-03"] == {"tanggal": "2025-03-03", "diajukan": 2, "selesai": 2}
    assert harian["2025-03-04"]["diajukan"] == 2 and harian["2025-03-31"]["diajukan"] == 1
    assert harian["2025-03-12"]["selesai"] == 1   # signed two days after it was submitted
    assert [(j["kode"], j["jumlah"], j["selesai"]) for j in api["jenis"]] == [
        ("surat_ket_pengantar", 7, 4), ("surat_ket_usaha", 2, 2)]
    wilayah = {w["slug"]: w for w in api["wilayah"]}
    assert set(wilayah) == {"kec-klirong", "kec-petanahan", "kec-kebumen"}
    assert (wilayah["kec-klirong"]["total"], wilayah["kec-klirong"]["selesai"], wilayah["kec-klirong"]["median_detik"]) \
        == (8, 5, 2 * 3600)
    assert wilayah["kec-petanahan"]["median_detik"] == 48 * 3600 and wilayah["kec-kebumen"]["total"] == 0
    assert wilayah["kec-klirong"]["menunggu"] == 3 and wilayah["kec-petanahan"]["menunggu"] == 1
    assert wilayah["kec-klirong"]["mandiri_aktif"] == 3 and wilayah["kec-klirong"]["desa_siap"] == 1
    assert [m["desa"] for m in api["menunggu_terlama"]][:2] == ["Desa Karangrejo", "Desa Klirong"]
    assert sorted(api["belum_siap"]) == sorted([d["a2"].id, d["c1"].id])
    assert api["sertifikat_segera_habis"] == [d["b1"].id]

    masuk(portal, "kab", "rahasia-admin")
    html = portal.get(f"/admin/?{PERIODE}").get_data(as_text=True)
    assert "Dasbor Kabupaten Kebumen" in html
    assert '<dd data-angka="jumlah">9</dd>' in html and '<dd data-angka="median_detik">3 jam</dd>' in html
    assert '<dd data-angka="p90_detik">1 hari 5 jam</dd>' in html
    halaman = _tabel(html, "wilayah")
    for w in api["wilayah"]:
        baris = halaman[str(w["id"])]
        for kunci in ("total", "selesai", "ditolak", "median_detik", "p90_detik", "menunggu", "penduduk",
                      "mandiri_aktif", "desa_siap"):
            assert baris[kunci] == _teks(w[kunci]), (w["slug"], kunci)
    assert {k: int(v["jumlah"]) for k, v in _tabel(html, "status").items()} == api["status"]
    assert {k: int(v["jumlah"]) for k, v in _tabel(html, "jenis").items()} == {j["kode"]: j["jumlah"] for j in api["jenis"]}
    assert set(_tabel(html, "kesiapan")) == {str(i) for i in api["belum_siap"] + api["sertifikat_segera_habis"]}
    assert 'href="/admin/?dari=2025-03-01&amp;sampai=2025-03-31&amp;kecamatan=kec-klirong"' in html  # drill down
    assert "<svg" in html and "<script" not in html.split("</main>")[0]

    berkas = portal.get(f"/admin/?{PERIODE}&format=csv&tabel=harian")
    assert berkas.headers["Content-Type"].startswith("text/csv")
    dari_csv = {b["tanggal"]: b for b in csv.DictReader(io.StringIO(berkas.get_data(as_text=True)))}
    assert all(int(dari_csv[t]["diajukan"]) == h["diajukan"] and int(dari_csv[t]["selesai"]) == h["selesai"]
               for t, h in harian.items())
    wilayah_csv = list(csv.DictReader(io.StringIO(portal.get(f"/admin/?{PERIODE}&format=csv&tabel=wilayah").get_data(as_text=True))))
    assert [r["nama"] for r in wilayah_csv][0] == "Kecamatan Klirong"     # sorted by total, largest first
    assert portal.get(f"/admin/?{PERIODE}&format=csv&tabel=rahasia").status_code == 404


def test_drill_down_to_a_kecamatan_and_a_desa(buat, portal, kabupaten):
    d = kabupaten
    token = login(portal, *buat.admin("kab"))
    kec = portal.api("get", f"/api/v1/admin/statistik?{PERIODE}&kecamatan=kec-klirong", token).get_json()
    assert kec["lingkup"]["tingkat"] == "kecamatan" and kec["jumlah"] == 8
    assert {w["id"]: (w["total"], w["median_detik"]) for w in kec["wilayah"]} == {
        d["a1"].id: (6, 2 * 3600), d["a2"].id: (2, round(2.25 * 3600))}
    satu = portal.api("get", f"/api/v1/admin/statistik?{PERIODE}&desa={d['a2'].id}", token).get_json()
    assert satu["lingkup"] == {"tingkat": "desa", "nama": "Desa Jogosimo", "kecamatan": "kec-klirong", "desa": d["a2"].id}
    assert satu["jumlah"] == 2 and [j["kode"] for j in satu["jenis"]] == ["surat_ket_usaha"]

    masuk(portal, "kab", "rahasia-admin")
    html = portal.get(f"/admin/?{PERIODE}&kecamatan=kec-klirong").get_data(as_text=True)
    assert "Dasbor Kecamatan Klirong" in html
    assert f'href="/admin/?dari=2025-03-01&amp;sampai=2025-03-31&amp;desa={d["a1"].id}"' in html
    assert {k: v["total"] for k, v in _tabel(html, "wilayah").items()} == {str(d["a1"].id): "6", str(d["a2"].id): "2"}
    html = portal.get(f"/admin/?{PERIODE}&desa={d['a2'].id}").get_data(as_text=True)
    assert "Dasbor Desa Jogosimo" in html and 'data-tabel="wilayah"' not in html
    assert '<a href="/admin/?dari=2025-03-01&amp;sampai=2025-03-31&amp;kecamatan=kec-klirong">Kecamatan Klirong</a>' in html


def test_a_camat_never_sees_another_kecamatan(buat, portal, kabupaten):
    d = kabupaten
    token = login(portal, *buat.admin("camat", kecamatan_slug="kec-klirong"))
    api = portal.api("get", f"/api/v1/admin/statistik?{PERIODE}", token).get_json()
    assert api["lingkup"]["tingkat"] == "kecamatan" and api["jumlah"] == 8
    assert {b["id"] for b in api["desa"]} == {d["a1"].id, d["a2"].id}
    assert {w["id"] for w in api["wilayah"]} == {d["a1"].id, d["a2"].id}
    assert all(m["desa_id"] in (d["a1"].id, d["a2"].id) for m in api["menunggu_terlama"])
    assert api["sertifikat_segera_habis"] == []
    for lain in (f"kecamatan=kec-petanahan", f"desa={d['b1'].id}"):
        res = portal.api("get", f"/api/v1/admin/statistik?{PERIODE}&{lain}", token)
        assert res.status_code == 404, lain

    masuk(portal, "camat", "rahasia-admin")
    html = portal.get(f"/admin/?{PERIODE}").get_data(as_text=True)
    assert "Karangrejo" not in html and "Petanahan" not in html and "Panjer" not in html
    assert {k: int(v["total"]) for k, v in _tabel(html, "wilayah").items()} == {
        str(w["id"]): w["total"] for w in api["wilayah"]}
    for lain in (f"kecamatan=kec-petanahan", f"desa={d['b1'].id}"):
        assert portal.get(f"/admin/?{PERIODE}&{lain}").status_code == 404
        assert portal.get(f"/admin/?{PERIODE}&{lain}&format=csv&tabel=wilayah").status_code == 404


def test_tables_sort_by_query_parameter_and_bad_periods_are_refused(buat, portal, kabupaten):
    token = login(portal, *buat.admin("kab"))
    res = portal.api("get", "/api/v1/admin/statistik?dari=2025-04-01&sampai=2025-03-01", token)
    assert res.status_code == 422 and res.get_json()["error"] == "periode_tidak_valid"
    assert portal.api("get", "/api/v1/admin/statistik?dari=2023-01-01&sampai=2025-03-01", token).status_code == 422
    assert portal.api("get", "/api/v1/admin/statistik?dari=kemarin", token).status_code == 422
    bawaan = portal.api("get", "/api/v1/admin/statistik", token).get_json()
    assert len(bawaan["harian"]) == 30

    masuk(portal, "kab", "rahasia-admin")
    naik = portal.get(f"/admin/?{PERIODE}&urut_wilayah=median_detik").get_data(as_text=True)
    urutan = list(_tabel(naik, "wilayah"))
    medians = [_tabel(naik, "wilayah")[i]["median_detik"] for i in urutan]
    assert medians == ["7200", "172800", ""]          # the kecamatan without letters last
    turun = portal.get(f"/admin/?{PERIODE}&urut_wilayah=-median_detik").get_data(as_text=True)
    assert [_tabel(turun, "wilayah")[i]["median_detik"] for i in _tabel(turun, "wilayah")] == ["172800", "7200", ""]
    assert 'aria-sort="descending"' in turun
    # a column that does not exist falls back to the default order; a bad date shows the default period
    assert portal.get(f"/admin/?{PERIODE}&urut_wilayah=__class__").status_code == 200
    res = portal.get("/admin/?dari=2025-05-01&sampai=2025-04-01")
    assert res.status_code == 422 and "Tanggal awal sesudah tanggal akhir" in res.get_data(as_text=True)
    assert portal.get("/admin/?desa=abc").status_code == 404


def test_the_portal_header_names_the_kabupaten(app, portal, monkeypatch):
    assert '<span class="merek-kecil">Kabupaten Kebumen</span>' in portal.get("/").get_data(as_text=True)
    monkeypatch.setitem(app.config, "KABUPATEN_NAMA", "Kabupaten Purworejo")
    assert '<span class="merek-kecil">Kabupaten Purworejo</span>' in portal.get("/admin/masuk").get_data(as_text=True)
