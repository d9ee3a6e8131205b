"""Importing residents (CSV and XLSX) through the API and the page."""
import io

from openpyxl import Workbook

from desaonline.penduduk.validasi import KOLOM
from tests.penduduk.conftest import baris, csv_bytes, unggah


def _keluarga_sugeng():
    return [
        baris("3305051703850001"),
        baris("3305055208880002", nama="Siti Maryam", tanggal_lahir="1988-08-12", jenis_kelamin="P",
              hubungan_keluarga="ISTRI"),
        baris("3305051005120003", nama="BAYU SAPUTRA", tanggal_lahir="2012-05-10", hubungan_keluarga="ANAK"),
    ]


def test_bad_rows_are_named_and_good_rows_land(situs, token):
    rows = _keluarga_sugeng() + [
        baris("330505170385", nama="NIK PENDEK"),                                     # line 5
        baris("3305051703850009", no_kk="12345", hubungan_keluarga="ANAK"),          # line 6
        baris("3305051703850010", tanggal_lahir="1985-02-30", hubungan_keluarga="ANAK"),  # line 7
        baris("3305051703850011", jenis_kelamin="X", hubungan_keluarga="ANAK"),      # line 8
        baris("3305051703850012", hubungan_keluarga="SEPUPU JAUH"),                  # line 9
        baris("3305051703850013", nama="", hubungan_keluarga="ANAK"),                # line 10
        baris("3305051703850001", nama="DUPLIKAT", hubungan_keluarga="ANAK"),        # line 11
        baris("3305051703850014", tanggal_lahir="03/17/1985", hubungan_keluarga="ANAK"),  # line 12: month first
    ]
    resp = unggah(situs, token, csv_bytes(rows))
    assert resp.status_code == 200, resp.get_json()
    body = resp.get_json()
    assert body["dibuat"] == 3 and body["diperbarui"] == 0
    ditolak = {d["baris"]: d["alasan"] for d in body["ditolak"]}
    assert sorted(ditolak) == [5, 6, 7, 8, 9, 10, 11, 12]
    assert "NIK" in ditolak[5] and "16 angka" in ditolak[5]
    assert "Nomor KK" in ditolak[6]
    assert "1985-02-30" in ditolak[7]
    assert "L atau P" in ditolak[8]
    assert "SEPUPU JAUH" in ditolak[9]
    assert "Nama wajib" in ditolak[10]
    assert "baris 2" in ditolak[11]
    assert "TTTT-BB-HH" in ditolak[12]

    # the good rows are real residents: the wife logs in with her birth date
    login = situs.api("post", "/api/v1/mandiri/login", json={"nik": "3305055208880002", "pin": "19880812",
                                                                       "no_kk": "3305050101200001"})
    assert login.status_code == 200 and login.get_json()["wajib_ganti_pin"] is True


def test_same_file_twice_changes_nothing_and_changes_are_counted(situs, token):
    data = csv_bytes(_keluarga_sugeng())
    assert unggah(situs, token, data).get_json() == {"dibuat": 3, "diperbarui": 0, "ditolak": []}
    assert unggah(situs, token, data).get_json() == {"dibuat": 0, "diperbarui": 0, "ditolak": []}
    rows = _keluarga_sugeng()
    rows[2]["pekerjaan"] = "PELAJAR/MAHASISWA"
    rows.append(baris("3305054101150004", nama="DWI LESTARI", tanggal_lahir="2015-01-01", jenis_kelamin="P",
                      hubungan_keluarga="ANAK"))
    assert unggah(situs, token, csv_bytes(rows)).get_json() == {"dibuat": 1, "diperbarui": 1, "ditolak": []}
    # a new address of the KK changes the data of all its members
    for r in rows:
        r["alamat"] = "Jl. Pahlawan 5"
    assert unggah(situs, token, csv_bytes(rows)).get_json() == {"dibuat": 0, "diperbarui": 4, "ditolak": []}


def test_xlsx_with_semicolon_free_cells_and_real_dates(situs, token):
    from datetime import date
    buku = Workbook()
    lembar = buku.active
    lembar.append(list(KOLOM))
    for r in _keluarga_sugeng():
        r["tanggal_lahir"] = date.fromisoformat(r["tanggal_lahir"])  # a date cell, as Excel stores it
        r["nik"] = int(r["nik"])  # a number cell
        lembar.append([r[k] for k in KOLOM])
    lembar.append([None] * len(KOLOM))  # an empty line is skipped
    lembar.append(["3305051703850077", "3305050101200001", "TANPA TANGGAL", "", None, "L", "", "", "", "ANAK",
                   "", "", "", ""])
    isi = io.BytesIO()
    buku.save(isi)
    body = unggah(situs, token, isi.getvalue(), "penduduk.xlsx").get_json()
    assert body["dibuat"] == 3
    assert [d["baris"] for d in body["ditolak"]] == [6] and "Tanggal lahir" in body["ditolak"][0]["alasan"]


def test_semicolon_csv_from_excel(situs, token):
    body = unggah(situs, token, csv_bytes(_keluarga_sugeng(), sep=";")).get_json()
    assert body == {"dibuat": 3, "diperbarui": 0, "ditolak": []}


def test_wrong_header_is_a_clear_error_and_nothing_is_written(situs, token):
    header = [k for k in KOLOM if k != "tanggal_lahir"] + ["tgl_lahir"]
    resp = unggah(situs, token, csv_bytes(_keluarga_sugeng(), header=header))
    assert resp.status_code == 422
    body = resp.get_json()
    assert body["error"] == "berkas_tidak_valid"
    assert "tanggal_lahir" in body["message"] and "tgl_lahir" in body["message"]
    garbage = unggah(situs, token, b"\x00\x01\x02 bukan csv", "data.xls")
    assert garbage.status_code == 422 and garbage.get_json()["error"] == "berkas_tidak_valid"
    missing = situs.api("post", "/api/v1/operator/penduduk/impor", token, data={}, content_type="multipart/form-data")
    assert missing.status_code == 422


def test_too_big_upload_is_413_with_a_message(app, situs, token, operator_web):
    besar = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1024)
    resp = unggah(situs, token, besar)
    assert resp.status_code == 413
    assert resp.get_json()["error"] == "berkas_terlalu_besar"
    page = operator_web.post("/operator/penduduk/impor", data={"berkas": (io.BytesIO(besar), "a.csv")},
                             content_type="multipart/form-data")
    assert page.status_code == 413 and "Berkas terlalu besar" in page.get_data(as_text=True)


def test_import_needs_an_operator_of_this_desa(buat, situs, host_client, token):
    assert unggah(situs, None, csv_bytes(_keluarga_sugeng())).status_code == 401
    lain = buat.desa()
    assert unggah(host_client(lain.host), token, csv_bytes(_keluarga_sugeng())).status_code == 401


DEPAN = ("SUGENG", "SITI", "BAMBANG", "SRI", "AGUS", "ENDANG", "TRI", "NUR", "BUDI", "DWI", "EKO", "WAHYU",
         "JOKO", "RINI", "HERU", "YULI", "ADI", "ANI", "TEGUH", "WATI")
BELAKANG = ("RIYADI", "MARYAM", "SUTRISNO", "RAHAYU", "PRASETYO", "LESTARI", "WIBOWO", "AINI", "SANTOSO",
            "HANDAYANI", "NUGROHO", "UTAMI", "SUSILO", "PURWANTI", "SETIAWAN", "WIDODO", "KURNIAWAN", "SARI")


def nama_ke(i):
    """A distinct Javanese-looking name for resident i (no digits: names have none)."""
    huruf = "".join(chr(65 + (i // 26 ** k) % 26) for k in range(3))
    return f"{DEPAN[i % len(DEPAN)]} {BELAKANG[(i // len(DEPAN)) % len(BELAKANG)]} {huruf}"


def test_a_large_file_imports_whole_and_the_second_time_changes_nothing(situs, token):
    """How fast it goes is `make bench`'s job (bench/bench_impor.py); here: all or nothing twice."""
    rows = []
    for i in range(5_000):
        kk = f"33050501012{i // 4:05d}"
        rows.append(baris(f"3305051703{i:06d}", no_kk=kk, nama=nama_ke(i),
                          hubungan_keluarga="KEPALA KELUARGA" if i % 4 == 0 else "ANAK"))
    data = csv_bytes(rows)
    body = unggah(situs, token, data).get_json()
    assert body["dibuat"] == 5_000 and body["ditolak"] == []
    assert unggah(situs, token, data).get_json() == {"dibuat": 0, "diperbarui": 0, "ditolak": []}


def test_import_page_shows_counts_and_bad_lines(operator_web):
    rows = _keluarga_sugeng() + [baris("123", hubungan_keluarga="ANAK")]
    page = operator_web.submit("/operator/penduduk/impor",
                               {"berkas": (io.BytesIO(csv_bytes(rows)), "penduduk.csv")},
                               content_type="multipart/form-data")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "3 penduduk baru" in html and "<td>5</td>" in html and "16 angka" in html
    contoh = operator_web.get("/operator/penduduk/impor/contoh.csv")
    assert contoh.get_data(as_text=True).splitlines()[0] == ",".join(KOLOM)
