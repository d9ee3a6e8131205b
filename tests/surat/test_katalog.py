"""Every letter type of the catalogue can be requested from its published fields,
previewed, approved and signed, and its texts only use names that exist."""
import io
import string

import pytest
from pypdf import PdfReader

from desaonline.surat import katalog
import workers.surat  # noqa: F401  (registers the signing task this test runs)

CONTOH = {"teks": "Contoh isian", "teks_panjang": "Contoh isian panjang", "tanggal": "2026-11-02", "jam": "14:30",
          "angka": "3", "desimal": "3,2", "uang": "1500000", "nik": "3305050101010099"}
DASAR = {"nama", "nik", "pekerjaan", "desa", "jenis_desa", "kecamatan", "kabupaten_lengkap", "kepala",
         "wilayah_tanpa_desa", "keperluan", "keterangan", "alamat_domisili_atau_kk"}
# OpenSID's default letter set (v2410, assets/import/template_surat_tinymce.json): its 42 types,
# by the code desaonline gives each.
OPENSID = {
    "surat_ket_usaha", "surat_ket_kehilangan", "surat_ket_pengantar", "surat_ket_penduduk", "surat_izin_keramaian",
    "surat_ket_pergi_kawin", "surat_ket_belum_memiliki_akta_lahir", "surat_ket_domisili_usaha",
    "surat_ket_jamkesos", "surat_ket_jual_beli", "surat_ket_ktp_proses", "surat_ket_tidak_mampu",
    "surat_ket_beda_identitas", "surat_ket_wali_hakim", "surat_pengantar_skck", "surat_permohonan_cerai",
    "surat_ket_domisili", "surat_ket_lahir_mati", "surat_pengantar_pas_lintas", "surat_ket_kepemilikan_kendaraan",
    "surat_ket_penghasilan_ortu", "surat_bio_penduduk", "surat_perintah_perjalanan_dinas",
    "surat_permohonan_duplikat_surat_nikah", "surat_ket_kepemilikan_tanah", "surat_permohonan_duplikat_kelahiran",
    "surat_permohonan_kk", "surat_pengantar_rujuk_cerai", "surat_permohonan_perubahan_kk", "surat_kuasa",
    "surat_ket_izin_orang_tua", "surat_ket_nikah_non_muslim", "surat_ket_kematian", "surat_ket_beda_identitas_kis",
    "surat_ket_penghasilan_ayah", "surat_ket_penghasilan_ibu", "surat_pernyataan_sporadik", "surat_ket_kelahiran",
    "surat_ket_pindah", "surat_ket_nikah", "surat_permohonan_akta_lahir", "surat_ket_bepergian",
}


def test_catalogue_has_opensids_types_the_seeds_and_ahli_waris():
    assert len(OPENSID) == 42
    assert OPENSID <= set(katalog.KATALOG)
    assert "surat_ket_ahli_waris" in katalog.KATALOG
    assert len(katalog.DAFTAR) >= 42 + 4   # and the seed's own (belum menikah, janda/duda, penghasilan)
    assert katalog.jenis("surat_ket_pengantar").nama == "Surat Keterangan Pengantar"


def test_texts_only_use_names_that_exist():
    for jenis in katalog.DAFTAR:
        assert katalog.klasifikasi_sah(jenis.klasifikasi), jenis.kode
        nama = DASAR | {i.nama for i in jenis.isian} | {f"{i.nama}_kecil" for i in jenis.isian if i.jenis == "pilihan"}
        for teks in (*jenis.pembuka, *jenis.isi, *jenis.penutup):
            dipakai = {field for _, field, _, _ in string.Formatter().parse(teks) if field}
            assert dipakai <= nama, (jenis.kode, dipakai - nama)


def test_kode_klasifikasi_follow_tata_naskah_dinas():
    assert katalog.jenis("surat_ket_kelahiran").klasifikasi == "472.11"
    assert katalog.jenis("surat_ket_kematian").klasifikasi == "472.12"
    assert katalog.jenis("surat_ket_pindah").klasifikasi.startswith("471.2")
    # 474 is perkembangan penduduk in the classification: no letter of the register uses it.
    assert not [j.kode for j in katalog.DAFTAR if j.klasifikasi.startswith("474")]
    assert "474 pencatatan sipil" not in katalog.__doc__ and "472.11 kelahiran" in katalog.__doc__


def isi_dari_fields(fields, anggota_kk, n=0):
    """A request body filled from a type's published fields, the way an app would."""
    body = {}
    for urut, f in enumerate(fields, 1):
        if f["jenis"] == "pilihan":
            body[f["nama"]] = f["pilihan"][0]
        elif f["jenis"] == "penduduk":
            # Someone from outside the desa, typed in full: a different person per field.
            body[f["nama"]] = {"nik": f"3374010101{n:02d}{urut:04d}", "nama": f"Orang Luar {urut}",
                               "alamat": "Jl. Pemuda 5, Semarang", "pekerjaan": "Karyawan Swasta",
                               "tanggal_lahir": "1980-01-0{}".format(1 + urut % 9)}
        elif f["jenis"] == "anggota_kk":
            body[f["nama"]] = [a["nik"] for a in anggota_kk]
        else:
            body[f["nama"]] = CONTOH[f["jenis"]]
    return body


def teks_pdf(pdf):
    return " ".join("\n".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize("kode", [j.kode for j in katalog.DAFTAR])
def test_every_type_is_filled_from_its_fields_previewed_and_signed(kantor_bersertifikat, tugas, kode):
    kantor = kantor_bersertifikat
    p = kantor.warga(nama="Warga Contoh")
    daftar = kantor.web.api("get", "/api/v1/mandiri/jenis-surat", p.token).get_json()
    jenis = next(j for j in daftar if j["kode"] == kode)
    anggota = kantor.web.api("get", "/api/v1/mandiri/keluarga", p.token).get_json()
    body = {"jenis": kode, "nik": p.nik, "keperluan": "Contoh keperluan", **isi_dari_fields(jenis["fields"], anggota)}
    r = kantor.web.api("post", "/api/v1/mandiri/surat", p.token, json=body)
    assert r.status_code == 201, r.get_json()
    surat_id = r.get_json()["id"]
    assert kantor.lihat(p, surat_id).get_json()["klasifikasi"] == jenis["klasifikasi"] == katalog.jenis(kode).klasifikasi

    pratinjau = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pratinjau", p.token)
    assert pratinjau.status_code == 200, kode
    teks = teks_pdf(pratinjau.data)
    judul = katalog.jenis(kode).judul
    assert judul in teks and "KONSEP" in teks, kode
    assert "{" not in teks and "}" not in teks, kode
    assert "Contoh keperluan" in teks, kode
    if any(f["jenis"] in ("teks", "teks_panjang") for f in jenis["fields"]):
        assert "Contoh isian" in teks, kode
    for f in jenis["fields"]:
        if f["jenis"] == "penduduk":   # each person's section, with the typed data
            assert body[f["nama"]]["nama"].upper() in teks and body[f["nama"]]["nik"] in teks, (kode, f["nama"])

    assert kantor.ajukan(p, surat_id).status_code == 200
    r = kantor.setujui(surat_id)
    assert r.status_code == 202, r.get_json()
    assert tugas.proses(surat_id, kantor.desa.id) == "selesai"
    pdf = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pdf", p.token)
    assert pdf.status_code == 200
    teks = teks_pdf(pdf.data)
    nomor = kantor.lihat(p, surat_id).get_json()["nomor"]
    assert nomor in teks and judul in teks and "KONSEP" not in teks, kode


def test_field_kinds_are_checked(kantor):
    p = kantor.warga()
    r = kantor.buat_surat(p, jenis="surat_ket_kelahiran", nama_anak="A", jenis_kelamin_anak="Banci",
                          tempat_lahir_anak="RS", tanggal_lahir_anak="31-02-2026", jam_lahir="25:00", anak_ke="dua",
                          berat_bayi="tiga kilo")
    assert r.status_code == 422
    rincian = r.get_json()["rincian"]
    assert {"jenis_kelamin_anak", "tanggal_lahir_anak", "jam_lahir", "anak_ke", "berat_bayi"} <= set(rincian)
    assert "ibu" in rincian and "nama_anak" not in rincian and "ayah" not in rincian   # the father is optional
    r = kantor.buat_surat(p, jenis="surat_kuasa", nama_penerima="A", nik_penerima="123", alamat_penerima="x",
                          hal_dikuasakan="y")
    assert set(r.get_json()["rincian"]) == {"nik_penerima"}
    r = kantor.buat_surat(p, jenis="surat_ket_tidak_mampu", penghasilan="Rp 1.250.000", jumlah_tanggungan="4")
    assert r.status_code == 201
    assert kantor.lihat(p, r.get_json()["id"]).get_json()["data"]["penghasilan"] == "1250000"
    r = kantor.buat_surat(p, jenis="surat_ket_tidak_mampu", penghasilan={"nik": "1"}, jumlah_tanggungan=["4"])
    assert r.status_code == 422 and set(r.get_json()["rincian"]) == {"penghasilan", "jumlah_tanggungan"}
