"""The operator's resident search in the API: NIK or name prefix, sent by POST, page by page."""
from tests.penduduk.conftest import baris, csv_bytes, unggah


def _cari(situs, token, **isi):
    return situs.api("post", "/api/v1/operator/penduduk/cari", token, json=isi)


def test_search_finds_name_and_nik_prefixes_of_this_desa_only_in_pages(buat, situs, token):
    lain = buat.desa()
    buat.penduduk(lain, nik="3305051703800001", nama="SUGENG LAIN")
    rows = [baris(f"33050517038{i:05d}", no_kk=f"33050501012{i:05d}", nama=f"SUGENG {chr(65 + i % 26)}{chr(65 + i // 26)}")
            for i in range(30)]
    rows += [baris("3305061703850001", no_kk="3305060101200001", nama="SITI AMINAH")]
    assert unggah(situs, token, csv_bytes(rows)).get_json()["dibuat"] == 31

    pertama = _cari(situs, token, q=" sugeng ").get_json()
    assert pertama["jumlah"] == 30 and not pertama["lebih"] and len(pertama["penduduk"]) == 25
    assert all(p["nama"].startswith("SUGENG ") and p["nama"] != "SUGENG LAIN" for p in pertama["penduduk"])
    kedua = _cari(situs, token, q="sugeng", setelah=pertama["berikutnya"]).get_json()
    assert len(kedua["penduduk"]) == 5 and kedua["berikutnya"] is None
    assert not {p["nik"] for p in pertama["penduduk"]} & {p["nik"] for p in kedua["penduduk"]}

    siti = _cari(situs, token, q="330506").get_json()
    assert [(p["nama"], p["status_dasar"], p["tanggal_lahir"]) for p in siti["penduduk"]] == [
        ("SITI AMINAH", "HIDUP", "1985-03-17")]
    assert _cari(situs, token, q="zz%").get_json() == {"penduduk": [], "jumlah": 0, "lebih": False, "berikutnya": None}


def test_search_needs_an_operator_and_refuses_bad_input(situs, token):
    assert _cari(situs, None, q="SU").status_code == 401
    r = _cari(situs, token, q="S" * 121, setelah=0)
    assert r.status_code == 422 and set(r.get_json()["rincian"]) == {"q", "setelah"}
