"""Moving a desa from OpenSID: its template, its sample and its exports import as they are."""
import io
from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import undefer

from desaonline.extensions import db
from desaonline.penduduk.models import Keluarga, Penduduk
from tenants import desa_scope
from tenants.models import Desa
from tests.penduduk import opensid_berkas as osid
from tests.penduduk.conftest import unggah

HASIL_KOSONG = {"dibuat": 0, "diperbarui": 0, "ditolak": []}


def _masuk(situs, nik, pin, no_kk="3305050101200001"):
    """The first login: the birth-date PIN with the KK number."""
    return situs.api("post", "/api/v1/mandiri/login", json={"nik": nik, "pin": pin, "no_kk": no_kk})


def _penduduk(app, desa, nik):
    """The resident as stored, OpenSID's own columns (deferred in the model) included."""
    with app.app_context(), desa_scope(desa.id):
        orang = db.session.scalar(select(Penduduk).where(Penduduk.nik == nik).options(undefer(Penduduk.data_opensid)))
        db.session.expunge_all()
        return orang


def _semua(app, desa):
    """Every resident as a comparable record (what an import could change)."""
    with app.app_context(), desa_scope(desa.id):
        hasil = {}
        for p in db.session.scalars(select(Penduduk)):
            kk = p.keluarga
            hasil[p.nik] = {c.name: getattr(p, c.name) for c in Penduduk.__table__.columns
                            if c.name not in ("id", "dibuat", "diubah")} | {
                "no_kk": kk.no_kk, "alamat": kk.alamat, "rt": kk.rt, "rw": kk.rw, "dusun": kk.dusun}
        return hasil


def test_the_real_template_imports_its_sample_row_with_labels(app, desa, situs, token):
    body = unggah(situs, token, osid.TEMPLATE.read_bytes(), "FormatImporExcel.xlsm").get_json()
    assert body == {"dibuat": 1, "diperbarui": 0, "ditolak": []}, body
    orang = _penduduk(app, desa, "8788888888888456")
    assert orang.nama == "NAMA LENGKAP" and orang.jenis_kelamin == "P" and orang.tempat_lahir == "KEBUMEN"
    assert orang.tanggal_lahir == date(1978, 3, 28)                    # an Excel date cell
    assert (orang.agama, orang.pendidikan, orang.pendidikan_sedang) == (
        "ISLAM", "BELUM TAMAT SD/SEDERAJAT", "SEDANG D-1/SEDERAJAT")   # codes 1, 2, 8 as numbers
    assert (orang.pekerjaan, orang.status_perkawinan, orang.hubungan_keluarga) == (
        "TUKANG LAS/PANDAI BESI", "KAWIN", "KEPALA KELUARGA")
    assert (orang.kewarganegaraan, orang.golongan_darah, orang.status_dasar) == ("WNA", "B-", "HIDUP")
    assert (orang.nik_ayah, orang.nama_ayah, orang.nik_ibu, orang.nama_ibu) == (
        "1111111111111111", "NAMA AYAH", "2222222222222222", "NAMA IBU")
    assert (orang.akta_perkawinan, orang.tanggal_perkawinan) == ("2222", date(1998, 7, 20))
    assert (orang.akta_perceraian, orang.tanggal_perceraian) == ("7777", date(2004, 5, 2))
    assert orang.data_opensid["cacat_id"] == 7 and orang.data_opensid["tag_id_card"] == "4446891881"
    with app.app_context(), desa_scope(desa.id):
        kk = db.session.scalar(select(Keluarga))
        assert (kk.no_kk, kk.alamat, kk.dusun, kk.rw, kk.rt) == (
            "6453654545450056", "Jl Melati Raya No. 234", "SATU", "002", "001")   # "Dusun Satu"
    # the template's ###, its instructions after it and its empty rows add nothing
    assert unggah(situs, token, osid.TEMPLATE.read_bytes(), "FormatImporExcel.xlsm").get_json() == HASIL_KOSONG


def test_the_real_sample_of_97_residents_lands_whole(app, desa, situs, token):
    body = unggah(situs, token, osid.CONTOH.read_bytes(), "contoh_penduduk.xlsx").get_json()
    assert body == {"dibuat": 97, "diperbarui": 0, "ditolak": []}, body
    with app.app_context(), desa_scope(desa.id):
        assert db.session.scalar(select(func.count()).select_from(Keluarga)) == 37
        assert db.session.scalar(select(func.count()).select_from(Penduduk).where(Penduduk.aktif)) == 97
        assert db.session.scalar(select(func.count()).select_from(Keluarga).where(Keluarga.rw.is_not(None))) == 0
        assert not db.session.scalar(select(func.count()).select_from(Penduduk).where(Penduduk.nama_ayah == "-"))
        dusun = set(db.session.scalars(select(Keluarga.dusun)))
        assert dusun == {"SENGGIGI", "LOCO", "MANGSIT", "KERANDANGAN"}
        pekerjaan = set(db.session.scalars(select(Penduduk.pekerjaan)))
        assert not any(p and p.isdigit() for p in pekerjaan) and "WIRASWASTA" in pekerjaan
    assert unggah(situs, token, osid.CONTOH.read_bytes(), "contoh_penduduk.xlsx").get_json() == HASIL_KOSONG


def test_template_with_numbers_and_date_cells_every_row_lands_with_labels(app, desa, situs, token):
    body = unggah(situs, token, osid.template(osid.WARGA), "penduduk.xlsm").get_json()
    assert body == {"dibuat": 6, "diperbarui": 0, "ditolak": []}, body
    istri = _penduduk(app, desa, "3305055208880002")
    assert (istri.pekerjaan, istri.pendidikan, istri.golongan_darah) == ("MENGURUS RUMAH TANGGA", "SLTP/SEDERAJAT", "A")
    assert istri.nik_ayah == "3305051212600003" and istri.nama_ibu == "PARTINAH"
    anak = _penduduk(app, desa, "3305051005120003")
    assert (anak.akta_lahir, anak.pendidikan_sedang, anak.golongan_darah) == (
        "3305-LT-10052012-0001", "SEDANG SLTP/SEDERAJAT", "TIDAK TAHU")
    nenek = _penduduk(app, desa, "3305055402500004")
    assert nenek.hubungan_keluarga == "ORANG TUA" and nenek.nama_ayah is None and nenek.nama_ibu is None
    mbah = _penduduk(app, desa, "3305050101450005")
    assert mbah.status_dasar == "MATI" and not mbah.aktif
    assert _penduduk(app, desa, "3305054101950006").status_dasar == "PINDAH"

    # the living log in with the birth date; the dead and the moved cannot
    assert _masuk(situs, "3305055208880002", "19880812").status_code == 200
    assert _masuk(situs, "3305050101450005", "19450101").status_code == 401
    assert _masuk(situs, "3305054101950006", "19950101", "3305050101200002").status_code == 401


@pytest.mark.parametrize("pertama, kedua", [
    ("template", "ekspor_kode"), ("ekspor_kode", "ekspor_huruf_csv"), ("ekspor_huruf_csv", "template"),
])
def test_the_same_residents_in_another_opensid_format_change_nothing(app, desa, situs, token, pertama, kedua):
    nama = {"template": "penduduk.xlsm", "ekspor_kode": "penduduk_01_12_2026.xlsx",
            "ekspor_huruf_csv": "penduduk_huruf.csv"}
    body = unggah(situs, token, getattr(osid, pertama)(osid.WARGA), nama[pertama]).get_json()
    assert body == {"dibuat": 6, "diperbarui": 0, "ditolak": []}, body
    sebelum = _semua(app, desa)
    assert unggah(situs, token, getattr(osid, kedua)(osid.WARGA), nama[kedua]).get_json() == HASIL_KOSONG
    assert _semua(app, desa) == sebelum


def test_labels_as_semicolon_csv_with_quotes_spaces_and_day_first_dates(app, desa, situs, token):
    data = osid.ekspor_huruf_csv(osid.WARGA)
    assert b"'3305051703850001 ;" in data and b"17/03/1985" in data and b"ORANGTUA" in data
    assert unggah(situs, token, data, "penduduk.csv").get_json() == {"dibuat": 6, "diperbarui": 0, "ditolak": []}
    sugeng = _penduduk(app, desa, "3305051703850001")
    assert sugeng.tanggal_lahir == date(1985, 3, 17) and sugeng.pekerjaan == "PETANI/PEKEBUN"
    assert sugeng.pendidikan == "SLTA/SEDERAJAT" and sugeng.data_opensid["suku"] == "JAWA"


def test_an_import_that_marks_a_resident_dead_closes_the_account(app, desa, situs, token):
    assert unggah(situs, token, osid.ekspor_kode(osid.WARGA), "penduduk.xlsx").get_json()["dibuat"] == 6
    login = _masuk(situs, "3305051703850001", "19850317").get_json()
    api = login["token"]
    assert situs.api("get", "/api/v1/mandiri/profil", api).get_json()["error"] == "pin_change_required"  # alive

    meninggal = [dict(o, status_dasar=2) if o["nik"] == "3305051703850001" else o for o in osid.WARGA]
    assert unggah(situs, token, osid.ekspor_kode(meninggal), "penduduk.xlsx").get_json() == {
        "dibuat": 0, "diperbarui": 1, "ditolak": []}
    assert situs.api("get", "/api/v1/mandiri/profil", api).status_code == 401      # the session ended
    assert _masuk(situs, "3305051703850001", "19850317").status_code == 401        # and no new one
    assert _penduduk(app, desa, "3305051703850001").status_dasar == "MATI"         # the record stays


def test_rows_with_dashes_blanks_and_bad_codes(app, desa, situs, token):
    warga = [
        dict(osid.WARGA[0], no_kk="3305050101200009", rt="-", rw="-", golongan_darah_id="-", nama_ayah="-"),
        dict(osid.WARGA[1], agama_id=9),                                     # no such code
        dict(osid.WARGA[2], tanggallahir="31-02-2012"),                      # no such day
        dict(osid.WARGA[3], nik="'3305 0554 0250 0004"),                     # spaces and a quote
        dict(osid.WARGA[4], pekerjaan_id="JURAGAN"),                          # no such label
    ]
    body = unggah(situs, token, osid.ekspor_kode(warga), "penduduk.xlsx").get_json()
    assert body["dibuat"] == 2, body
    ditolak = {d["baris"]: d["alasan"] for d in body["ditolak"]}
    assert sorted(ditolak) == [3, 4, 6]
    assert "Agama '9'" in ditolak[3] and "31-02-2012" in ditolak[4] and "JURAGAN" in ditolak[6]
    sugeng = _penduduk(app, desa, "3305051703850001")
    assert sugeng.golongan_darah is None and sugeng.nama_ayah is None
    with app.app_context(), desa_scope(desa.id):
        kk = db.session.scalar(select(Keluarga).where(Keluarga.no_kk == "3305050101200009"))
        assert (kk.rt, kk.rw) == (None, None)
    assert _penduduk(app, desa, "3305055402500004") is not None


def test_a_resident_without_nik_gets_a_temporary_one_once(app, desa, situs, token):
    bayi = osid._orang(nama="BAYI NY SITI", nik="0", sex=2, tanggallahir=date(2026, 1, 5), kk_level=4,
                       status_kawin=1)
    data = osid.ekspor_kode([osid.WARGA[0], bayi])
    assert unggah(situs, token, data, "penduduk.xlsx").get_json() == {"dibuat": 2, "diperbarui": 0, "ditolak": []}
    with app.app_context(), desa_scope(desa.id):
        orang = db.session.scalar(select(Penduduk).where(Penduduk.nama == "BAYI NY SITI"))
        kode_desa = "".join(c for c in db.session.get(Desa, desa.id).kode if c.isdigit())
        assert orang.nik == f"0{kode_desa}00001" and orang.nik_sementara
    assert unggah(situs, token, data, "penduduk.xlsx").get_json() == HASIL_KOSONG   # the same baby, not a new one


def test_v2410_export_with_labels_wrong_status_column(app, desa, situs, token):
    """OpenSID v2410.0 writes TETAP (1), TIDAK TETAP (2) or nothing (3, 4, 6, 9) in status_dasar."""
    keliru = {1: "TETAP", 2: "TIDAK TETAP", 3: None}
    warga = [dict(o, status_dasar=keliru[o["status_dasar"]]) for o in osid.WARGA]
    data = osid.ekspor_kode(warga)
    body = unggah(situs, token, data, "penduduk.xlsx").get_json()
    assert body["dibuat"] == 5 and [d["baris"] for d in body["ditolak"]] == [7], body
    assert "PINDAH" in body["ditolak"][0]["alasan"]
    assert _penduduk(app, desa, "3305050101450005").status_dasar == "MATI"
    assert _penduduk(app, desa, "3305051703850001").status_dasar == "HIDUP"


def test_an_opensid_header_with_a_foreign_column_is_refused_whole(situs, token):
    buku = Workbook()
    buku.active.append(list(osid.kolom()) + ["jabatan"])
    buku.active.append(["", "KRAJAN", "001", "001", "SUGENG", "3305050101200001", "3305051703850001"])
    isi = io.BytesIO()
    buku.save(isi)
    resp = unggah(situs, token, isi.getvalue(), "penduduk.xlsx")
    assert resp.status_code == 422 and "OpenSID" in resp.get_json()["message"] and "jabatan" in resp.get_json()["message"]


def test_the_resident_sees_what_opensid_knew_on_the_biodata_page(situs, token):
    assert unggah(situs, token, osid.template(osid.WARGA), "penduduk.xlsm").get_json()["dibuat"] == 6
    masuk = situs.submit("/mandiri/masuk", {"nik": "3305051005120003", "pin": "20120510",
                                            "no_kk": "3305050101200001"})
    assert masuk.status_code == 302
    ganti = situs.submit("/mandiri/ganti-pin", {"pin_lama": "20120510", "pin_baru": "482915", "ulangi_pin": "482915"})
    assert ganti.status_code == 302, ganti.get_data(as_text=True)
    html = situs.get("/mandiri/biodata").get_data(as_text=True)
    for teks in ("SUGENG RIYADI", "NIK 3305051703850001", "SITI MARYAM", "3305-LT-10052012-0001",
                 "SEDANG SLTP/SEDERAJAT", "BELUM TAMAT SD/SEDERAJAT", "TIDAK TAHU"):
        assert teks in html, teks
    keluarga = situs.get("/mandiri/keluarga").get_data(as_text=True)
    assert "KARTO DIHARJO" in keluarga and ">MATI</span>" in keluarga and "ORANG TUA" in keluarga


def test_lines_are_the_sheets_rows_when_the_data_starts_lower(situs, token):
    """A sheet whose header sits in row 3 (two empty rows above): lines named are the sheet's."""
    buku = Workbook()
    lembar = buku.active
    lembar.title = "Data Penduduk"
    lembar.append([])
    lembar.append([])
    lembar.append(list(osid.kolom()))
    for orang in osid.WARGA[:2]:
        lembar.append([None if orang.get(k) is None else str(orang[k]) for k in osid.kolom()])
    lembar.append([None if v is None else str(v) for v in (dict(osid.WARGA[2], agama_id="99").get(k)
                                                           for k in osid.kolom())])
    buku.create_sheet("Kode Data").append(["agama_id", "kode"])
    isi = io.BytesIO()
    buku.save(isi)
    body = unggah(situs, token, isi.getvalue(), "penduduk.xlsx").get_json()
    assert body["dibuat"] == 2 and [d["baris"] for d in body["ditolak"]] == [6], body

