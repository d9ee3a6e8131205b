"""Every letter type of the catalogue can be requested and previewed, and its texts
only use names that exist."""
import io
import string

from pypdf import PdfReader

from desaonline.surat import katalog

CONTOH = {"teks": "Contoh isian", "teks_panjang": "Contoh isian panjang", "tanggal": "2026-11-02", "jam": "14:30",
          "angka": "3", "uang": "1500000", "nik": "3305050101010099"}
DASAR = {"nama", "nik", "pekerjaan", "desa", "jenis_desa", "kecamatan", "kabupaten_lengkap", "kepala",
         "wilayah_tanpa_desa", "keperluan", "keterangan", "alamat_domisili_atau_kk"}


def test_catalogue_has_the_types_villages_issue():
    assert len(katalog.DAFTAR) >= 23
    assert katalog.jenis("surat_ket_pengantar").nama == "Surat Keterangan Pengantar"
    for jenis in katalog.DAFTAR:
        assert katalog.klasifikasi_sah(jenis.klasifikasi), jenis.kode
        nama = DASAR | {i.nama for i in jenis.isian} | {f"{i.nama}_kecil" for i in jenis.isian if i.jenis == "pilihan"}
        for teks in (*jenis.pembuka, *jenis.isi, *jenis.penutup):
            dipakai = {field for _, field, _, _ in string.Formatter().parse(teks) if field}
            assert dipakai <= nama, (jenis.kode, dipakai - nama)


def test_every_type_can_be_drafted_and_previewed(kantor):
    p = kantor.warga(nama="Warga Contoh")
    for jenis in katalog.DAFTAR:
        isian = {i.nama: i.pilihan[0] if i.jenis == "pilihan" else CONTOH[i.jenis] for i in jenis.isian}
        r = kantor.buat_surat(p, jenis=jenis.kode, klasifikasi="", **isian)
        assert r.status_code == 201, (jenis.kode, r.get_json())
        surat_id = r.get_json()["id"]
        assert kantor.lihat(p, surat_id).get_json()["klasifikasi"] == jenis.klasifikasi
        pdf = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pratinjau", p.token)
        assert pdf.status_code == 200, jenis.kode
        teks = " ".join("\n".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf.data)).pages).split())
        assert jenis.judul in teks and "Warga Contoh" in teks, jenis.kode
        assert "{" not in teks and "}" not in teks, jenis.kode
        for i in jenis.isian:
            if i.jenis in ("teks", "teks_panjang"):
                assert "Contoh isian" in teks, (jenis.kode, i.nama)


def test_field_kinds_are_checked(kantor):
    p = kantor.warga()
    r = kantor.buat_surat(p, jenis="surat_ket_kelahiran", nama_anak="A", jenis_kelamin_anak="Banci",
                          tempat_lahir_anak="RS", tanggal_lahir_anak="31-02-2026", jam_lahir="25:00", anak_ke="dua",
                          nama_ayah="B", nama_ibu="C")
    assert r.status_code == 422
    assert set(r.get_json()["rincian"]) == {"jenis_kelamin_anak", "tanggal_lahir_anak", "jam_lahir", "anak_ke"}
    r = kantor.buat_surat(p, jenis="surat_kuasa", nama_penerima="A", nik_penerima="123", alamat_penerima="x",
                          hal_dikuasakan="y")
    assert set(r.get_json()["rincian"]) == {"nik_penerima"}
    r = kantor.buat_surat(p, jenis="surat_ket_tidak_mampu", penghasilan="Rp 1.250.000", jumlah_tanggungan="4")
    assert r.status_code == 201
    assert kantor.lihat(p, r.get_json()["id"]).get_json()["data"]["penghasilan"] == "1250000"
