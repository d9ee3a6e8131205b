"""Taking the residents back out: OpenSID's template layout and desaonline's own, both round trips."""
import io

import pytest
from openpyxl import load_workbook

from desaonline.penduduk.validasi import SEMUA_KOLOM
from tests.penduduk import opensid_berkas as osid
from tests.penduduk.conftest import unggah
from tests.penduduk.test_opensid import HASIL_KOSONG, _semua

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _unduh(situs, token, format):
    resp = situs.api("get", f"/api/v1/operator/penduduk/ekspor?format={format}", token)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.headers["Content-Type"] == XLSX and resp.headers["Cache-Control"] == "no-store"
    assert "attachment" in resp.headers["Content-Disposition"]
    return resp.data


def _lembar(data, nama):
    buku = load_workbook(io.BytesIO(data))
    return [[c for c in r] for r in buku[nama].iter_rows(values_only=True)]


@pytest.fixture
def warga(situs, token):
    """OpenSID's sample plus our family with the dead, the moved and a grandmother (ORANGTUA)."""
    assert unggah(situs, token, osid.CONTOH.read_bytes(), "contoh_penduduk.xlsx").get_json()["dibuat"] == 97
    assert unggah(situs, token, osid.template(osid.WARGA), "penduduk.xlsm").get_json()["dibuat"] == 6


@pytest.mark.parametrize("format", ["opensid", "desaonline"])
def test_export_then_import_back_changes_nothing(app, desa, situs, token, warga, format):
    sebelum = _semua(app, desa)
    data = _unduh(situs, token, format)
    assert unggah(situs, token, data, f"penduduk-{format}.xlsx").get_json() == HASIL_KOSONG
    assert _semua(app, desa) == sebelum


def test_the_opensid_export_is_its_template_layout_with_codes(situs, token, warga):
    data = _unduh(situs, token, "opensid")
    baris = _lembar(data, "Data Penduduk")
    assert tuple(baris[0]) == osid.kolom()                  # the header of OpenSID's own template
    assert len(baris) == 1 + 97 + 6                         # every resident, the dead and the moved too
    kolom = {k: i for i, k in enumerate(baris[0])}
    mbah = next(r for r in baris if r[kolom["nik"]] == "3305050101450005")
    assert mbah[kolom["status_dasar"]] == "2" and mbah[kolom["kk_level"]] == "11"
    nenek = next(r for r in baris if r[kolom["nik"]] == "3305055402500004")
    assert nenek[kolom["kk_level"]] == "7" and nenek[kolom["tanggallahir"]] == "1950-02-14"
    assert sum(r[kolom["rw"]] == "-" for r in baris) == 97      # OpenSID's sample has no RW: "-" as OpenSID writes it
    sugeng = next(r for r in baris if r[kolom["nik"]] == "3305051703850001")
    assert (sugeng[kolom["pekerjaan_id"]], sugeng[kolom["pendidikan_kk_id"]], sugeng[kolom["suku"]]) == ("9", "5", "JAWA")
    assert sugeng[kolom["ktp_el"]] == "2" and sugeng[kolom["status_rekam"]] == "3"   # kept for OpenSID
    # every cell is text: Excel never turns a NIK into a rounded number
    assert all(isinstance(c, str) or c is None for r in baris for c in r)

    # the "Kode Data" sheet has every list of OpenSID's own, with the same codes
    buku = load_workbook(io.BytesIO(data))
    judul = [c.value for c in buku["Kode Data"][1]]
    for nama, asli in osid.kode_data().items():
        c = judul.index(nama) + 1
        kode = {int(buku["Kode Data"].cell(r, c + 1).value) for r in range(4, buku["Kode Data"].max_row + 1)
                if buku["Kode Data"].cell(r, c + 1).value is not None}
        assert set(asli) <= kode, nama


def test_the_desaonline_export_has_labels(situs, token, warga):
    baris = _lembar(_unduh(situs, token, "desaonline"), "Penduduk")
    assert tuple(baris[0]) == SEMUA_KOLOM
    kolom = {k: i for i, k in enumerate(baris[0])}
    nenek = next(r for r in baris if r[kolom["nik"]] == "3305055402500004")
    assert nenek[kolom["hubungan_keluarga"]] == "ORANG TUA" and nenek[kolom["status_dasar"]] == "HIDUP"


def test_export_needs_this_desas_operator_and_a_known_format(buat, situs, host_client, token, operator_web):
    assert situs.api("get", "/api/v1/operator/penduduk/ekspor").status_code == 401
    assert host_client(buat.desa().host).api("get", "/api/v1/operator/penduduk/ekspor", token).status_code == 401
    salah = situs.api("get", "/api/v1/operator/penduduk/ekspor?format=excel", token)
    assert salah.status_code == 422
    page = operator_web.get("/operator/penduduk/ekspor?format=desaonline")
    assert page.status_code == 200 and page.headers["Content-Type"] == XLSX
    assert 'href="/operator/penduduk/ekspor?format=opensid"' in operator_web.get("/operator/penduduk/impor").get_data(as_text=True)
