"""Many desa from one CSV (API and page): bad rows named, the same file twice creates nothing."""
import io

from tests.admin.conftest import masuk
from tests.test_admin_api import login

CSV = """kecamatan,slug,nama,kode,wa_operator
kec-klirong,klirong,Klirong,33.05.05.2012,0812-2700-0101
kec-klirong,jogosimo,Jogosimo,3305052001,
kec-klirong,Bukan Slug,Salah,33.05.05.2003,
kec-entah,entah,Entah,33.05.99.2001,
kec-klirong,tanjung,Tanjung,33.05.04.2001,
kec-klirong,jogosimo,Jogosimo Lagi,33.05.05.2009,
kec-petanahan,karangrejo,Karangrejo,33.05.04.2003,nomor-salah
33.05.04,tegalretno,Tegalretno,33.05.04.2007,081227000202
kec-klirong,podourip,Podourip,33.05.05.1010,
"""


def _kirim(portal, token, isi, nama="desa.csv"):
    return portal.api("post", "/api/v1/admin/desa/impor", token,
                      data={"file": (io.BytesIO(isi.encode()), nama)}, content_type="multipart/form-data")


def _wilayah(buat):
    return buat.kecamatan_kode("kec-klirong", "Klirong", "33.05.05"), buat.kecamatan_kode("kec-petanahan", "Petanahan", "33.05.04")


def test_csv_creates_the_good_rows_names_the_bad_ones_and_twice_creates_nothing(buat, portal, host_client):
    _wilayah(buat)
    token = login(portal, *buat.admin("kab"))
    res = _kirim(portal, token, CSV)
    assert res.status_code == 200, res.get_json()
    hasil = res.get_json()
    assert hasil["dibuat"] == 4 and hasil["sudah_ada"] == 0
    ditolak = {t["baris"]: t["alasan"] for t in hasil["ditolak"]}
    assert sorted(ditolak) == [4, 5, 6, 7, 8]
    assert "Nama di alamat web" in ditolak[4]
    assert "kec-entah" in ditolak[5]
    assert "33.05.05" in ditolak[6]          # a code outside its kecamatan
    assert "baris 3" in ditolak[7]           # the same address twice in one file
    assert "WhatsApp" in ditolak[8]
    alamat = {d["slug"]: d["host"] for d in hasil["desa"]}
    assert alamat == {"klirong": "klirong.kec-klirong.localhost", "jogosimo": "jogosimo.kec-klirong.localhost",
                      "tegalretno": "tegalretno.kec-petanahan.localhost", "podourip": "podourip.kec-klirong.localhost"}
    # served at once; the kind is read off the code (1xxx kelurahan)
    daftar = {d["host"] for d in portal.api("get", "/api/v1/admin/statistik", token).get_json()["desa"]}
    assert daftar == set(alamat.values())
    assert "Kelurahan Podourip" in host_client("podourip.kec-klirong.localhost").get("/").get_data(as_text=True)
    assert "Desa Jogosimo" in host_client("jogosimo.kec-klirong.localhost").get("/").get_data(as_text=True)

    lagi = _kirim(portal, token, CSV).get_json()
    assert lagi["dibuat"] == 0 and lagi["sudah_ada"] == 4 and lagi["desa"] == []
    assert sorted(t["baris"] for t in lagi["ditolak"]) == [4, 5, 6, 7, 8]


def test_excel_semicolons_and_a_kecamatan_admin_only_for_its_own(buat, portal):
    _wilayah(buat)
    token = login(portal, *buat.admin("camat", kecamatan_slug="kec-klirong"))
    isi = "\ufeffKecamatan;Slug;Nama;Kode;WA_Operator\r\nkec-klirong;klirong;Klirong;33.05.05.2012;\r\n" \
          "kec-petanahan;karangrejo;Karangrejo;33.05.04.2003;\r\n"
    hasil = _kirim(portal, token, isi).get_json()
    assert hasil["dibuat"] == 1
    assert hasil["ditolak"] == [{"baris": 3, "alasan": "Kecamatan Petanahan di luar wilayah Anda."}]


def test_a_file_that_is_not_the_format_is_refused_whole(buat, portal):
    _wilayah(buat)
    token = login(portal, *buat.admin("kab"))
    res = _kirim(portal, token, "nama,kode\nKlirong,33.05.05.2012\n")
    assert res.status_code == 422 and "kecamatan" in res.get_json()["message"]
    res = _kirim(portal, token, "")
    assert res.status_code == 422
    res = portal.api("post", "/api/v1/admin/desa/impor", token, data={"file": (io.BytesIO(b"\x81\x8d\xff\xfe"), "x.csv")},
                     content_type="multipart/form-data")
    assert res.status_code in (200, 422)  # cp1252 reads most bytes; never a 500


def test_the_page_imports_and_shows_each_new_desa_address(buat, admin_kabupaten, host_client):
    _wilayah(buat)
    page = admin_kabupaten.get("/admin/desa/impor").get_data(as_text=True)
    assert "nama di alamat web" in page and "kecamatan, slug, nama, kode, wa_operator" in page
    data = {"berkas": (io.BytesIO(CSV.encode()), "desa.csv"),
            "csrf_token": admin_kabupaten.csrf_token("/admin/desa/impor")}
    res = admin_kabupaten.post("/admin/desa/impor", data=data, content_type="multipart/form-data")
    html = res.get_data(as_text=True)
    assert res.status_code == 200
    assert '<dd data-hasil="dibuat">4 desa baru</dd>' in html and '<dd data-hasil="ditolak">5 baris</dd>' in html
    assert 'href="http://klirong.kec-klirong.localhost/">klirong.kec-klirong.localhost</a>' in html
    assert "<td>7</td>" in html  # the bad row by its line
    data = {"berkas": (io.BytesIO(CSV.encode()), "desa.csv"),
            "csrf_token": admin_kabupaten.csrf_token("/admin/desa/impor")}
    html = admin_kabupaten.post("/admin/desa/impor", data=data, content_type="multipart/form-data").get_data(as_text=True)
    assert '<dd data-hasil="dibuat">0 desa baru</dd>' in html and '<dd data-hasil="sudah_ada">4 desa' in html
    assert host_client("klirong.kec-klirong.localhost").get("/").status_code == 200


def test_new_desa_form_calls_the_slug_nama_di_alamat_web_and_shows_the_address(buat, admin_kabupaten):
    _wilayah(buat)
    html = admin_kabupaten.get("/admin/desa/baru?kecamatan=kec-petanahan").get_data(as_text=True)
    assert ">Nama di alamat web</label>" in html
    assert "nama-desa.kec-petanahan.localhost" in html
    res = admin_kabupaten.submit("/admin/desa/baru", {"kecamatan": "kec-petanahan", "nama": "Karangrejo",
                                                      "slug": "karangrejo", "kode": "33.05.04.2003", "jenis": "desa"})
    assert res.status_code == 302
    assert "karangrejo.kec-petanahan.localhost" in admin_kabupaten.get(res.headers["Location"]).get_data(as_text=True)
