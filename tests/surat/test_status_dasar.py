"""Only the living get letters: a member who died or moved stays on the KK, marked, and is no subject."""
import io

from tests.penduduk.opensid_berkas import ekspor_kode, kolom


def _tandai(kantor, orang, status_dasar):
    """The operator imports an OpenSID export that gives ``orang`` a new status_dasar (2 MATI, 3 PINDAH)."""
    assert "status_dasar" in kolom()
    data = ekspor_kode([{"nik": orang.nik, "status_dasar": status_dasar}])
    r = kantor.web.api("post", "/api/v1/operator/penduduk/impor", kantor.op,
                       data={"file": (io.BytesIO(data), "penduduk.xlsx")}, content_type="multipart/form-data")
    assert r.get_json() == {"dibuat": 0, "diperbarui": 1, "ditolak": []}, r.get_json()


def test_a_dead_member_is_no_subject_but_stays_on_the_family_card(kantor):
    kepala = kantor.warga(nama="SUGENG RIYADI")
    bapak = kantor.penduduk(nama="KARTO DIHARJO", no_kk=kepala.no_kk, hubungan_keluarga="ORANG TUA",
                            tanggal_lahir="1945-01-01")
    assert kantor.buat_surat(kepala, nik=bapak.nik).status_code == 201
    _tandai(kantor, bapak, 2)

    r = kantor.buat_surat(kepala, nik=bapak.nik)
    assert r.status_code == 422 and r.get_json()["error"] == "nik_bukan_anggota_keluarga"
    anggota = kantor.web.api("get", "/api/v1/mandiri/keluarga", kepala.token).get_json()
    assert {a["nama"]: a["status_dasar"] for a in anggota} == {"SUGENG RIYADI": "HIDUP", "KARTO DIHARJO": "MATI"}

    web = kantor.browser_penduduk(kepala)
    keluarga = web.get("/mandiri/keluarga").get_data(as_text=True)
    assert "KARTO DIHARJO" in keluarga and ">MATI</span>" in keluarga
    form = web.get("/mandiri/surat/buat/surat_ket_pengantar").get_data(as_text=True)
    assert kepala.nik in form and bapak.nik not in form   # not offered as the letter's NIK


def test_a_draft_for_someone_who_moved_since_cannot_be_sent_or_approved(kantor):
    kepala = kantor.warga(nama="SUGENG RIYADI")
    anak = kantor.penduduk(nama="DWI LESTARI", no_kk=kepala.no_kk, hubungan_keluarga="ANAK",
                           tanggal_lahir="1995-01-01", jenis_kelamin="P")
    konsep = kantor.konsep(kepala, nik=anak.nik)
    diajukan = kantor.diajukan(kepala, nik=anak.nik)
    _tandai(kantor, anak, 3)

    r = kantor.ajukan(kepala, konsep)
    assert r.status_code == 409 and r.get_json()["error"] == "subjek_tidak_aktif" and "PINDAH" in r.get_json()["message"]
    r = kantor.setujui(diajukan)
    assert r.status_code == 409 and r.get_json()["error"] == "subjek_tidak_aktif"
    assert kantor.lihat(kepala, diajukan).get_json()["nomor"] is None   # no number used up
