"""The desa's kode klasifikasi: OpenSID's list imported, offered on the letter form, the catalogue following it."""
import csv
import io
from pathlib import Path

from openpyxl import Workbook

from desaonline.surat import katalog

BERKAS = Path(__file__).parent / "berkas"
CSV = BERKAS / "klasifikasi_surat.csv"


def _opensid():
    """{kode: nama} of OpenSID's classification list, read as the CSV is written."""
    with open(CSV, encoding="utf-8", newline="") as f:
        return {r["kode"]: r["nama"].strip() for r in csv.DictReader(f)}


def _impor(kantor, data, nama="klasifikasi_surat.csv", **form):
    return kantor.web.api("post", "/api/v1/operator/klasifikasi/impor", kantor.op,
                          data={"file": (io.BytesIO(data), nama), **form}, content_type="multipart/form-data")


def test_the_catalogue_defaults_follow_opensids_classification():
    daftar = _opensid()
    assert katalog.jenis("surat_ket_kelahiran").klasifikasi == "472.11" and daftar["472.11"] == "Kelahiran"
    assert katalog.jenis("surat_ket_kematian").klasifikasi == "472.12" and daftar["472.12"] == "Kematian"
    assert katalog.jenis("surat_ket_pindah").klasifikasi.startswith("471.2")
    assert daftar[katalog.jenis("surat_ket_pindah").klasifikasi].startswith("Perpindahan Penduduk")
    for jenis in katalog.DAFTAR:   # every default is a real code of the list
        assert jenis.klasifikasi in daftar, (jenis.kode, jenis.klasifikasi)


def test_opensids_csv_imports_whole_and_again_changes_nothing(kantor):
    r = _impor(kantor, CSV.read_bytes())
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["dibuat"] == len(_opensid()) == 2330 and body["ditolak"] == []   # 458 is listed twice, the same
    assert _impor(kantor, CSV.read_bytes()).get_json() == {"dibuat": 0, "diperbarui": 0, "dihapus": 0, "ditolak": []}

    warga = kantor.warga()
    cari = kantor.web.api("get", "/api/v1/mandiri/klasifikasi?q=472.1", warga.token).get_json()
    assert {"kode": "472.11", "nama": "Kelahiran"} in cari and all(c["kode"].startswith("472.1") for c in cari)
    nama = kantor.web.api("get", "/api/v1/mandiri/klasifikasi?q=kematian", warga.token).get_json()
    assert {"kode": "472.12", "nama": "Kematian"} in nama
    assert kantor.web.api("get", "/api/v1/mandiri/klasifikasi?q=000", warga.token).get_json()[0] == {
        "kode": "000", "nama": "UMUM"}   # leading zeros kept


def test_opensids_xlsx_format_and_replacing_the_list(kantor):
    assert _impor(kantor, CSV.read_bytes()).status_code == 200
    buku = Workbook()
    lembar = buku.active
    lembar.title = "klasifikasi"
    lembar.append(["kode", "nama", "uraian"])
    lembar.append([0, "UMUM", "-"])                        # a number, as in OpenSID's own template
    lembar.append(["400.8.2.2", "Akta kelahiran dan kematian", "-"])
    lembar.append(["4x7", "Salah", "-"])
    isi = io.BytesIO()
    buku.save(isi)
    body = _impor(kantor, isi.getvalue(), "klasifikasi.xlsx", ganti="true").get_json()
    assert body["dibuat"] == 1 and body["dihapus"] == 2330 - 1 and [d["baris"] for d in body["ditolak"]] == [4]
    web = kantor.browser_operator()
    html = web.get("/operator/pengaturan/klasifikasi?q=400").get_data(as_text=True)
    assert "2 kode" in html and "Akta kelahiran dan kematian" in html


def test_the_letter_form_offers_the_list_without_loading_all_of_it(kantor):
    _impor(kantor, CSV.read_bytes())
    warga = kantor.warga()
    web = kantor.browser_penduduk(warga)
    html = web.get("/mandiri/surat/buat/surat_ket_kelahiran").get_data(as_text=True)
    assert 'list="daftar-klasifikasi"' in html and 'value="472.11"' in html
    assert '<option value="472.11">472.11 Kelahiran</option>' in html
    assert html.count("<option value=\"4") < 60                 # the 472 group, not 2,330 codes
    assert "js/klasifikasi.js" in html and "cdn" not in html.lower()
    saran = web.get("/mandiri/surat/klasifikasi?q=471.2").get_json()
    assert {"kode": "471.21", "nama": "Perpindahan Penduduk WNI"} in saran
    # the chosen code is what the draft keeps
    surat = kantor.buat_surat(warga, jenis="surat_ket_pengantar", klasifikasi="471.13")
    assert kantor.lihat(warga, surat.get_json()["id"]).get_json()["klasifikasi"] == "471.13"


def test_a_broken_list_is_refused_and_only_operators_import(kantor):
    r = _impor(kantor, b"kode;judul\n470;Kependudukan\n")
    assert r.status_code == 422 and "kode dan nama" in r.get_json()["message"]
    warga = kantor.warga()
    r = kantor.web.api("post", "/api/v1/operator/klasifikasi/impor", warga.token,
                       data={"file": (io.BytesIO(CSV.read_bytes()), "k.csv")}, content_type="multipart/form-data")
    assert r.status_code in (401, 403)
