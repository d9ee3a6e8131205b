"""Birth, death and moving letters carry what Dukcapil's forms ask (F-2.01, F-1.08):
people chosen from the desa's residents by NIK or typed when from elsewhere, KK
members chosen from the KK, and never a resident who is no longer alive as reporter,
witness or subject (except the deceased of a death letter)."""
import io

from pypdf import PdfReader

import workers.surat  # noqa: F401  (registers the signing task the signed-letter test runs)

LUAR = {"nik": "3374012503790004", "nama": "Hartono", "alamat": "Jl. Pemuda 5, Semarang",
        "pekerjaan": "Wiraswasta", "tanggal_lahir": "1979-03-25"}


def teks_pdf(pdf):
    return " ".join("\n".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf)).pages).split())


def keluarga(kantor):
    """A KK of four: father (logged in), mother, a grandfather already MATI, a child;
    and a neighbour in another KK of the same desa."""
    ayah = kantor.warga(nama="SUGENG RIYADI", nik="3305051703850001")
    kk = ayah.no_kk
    ibu = kantor.penduduk(nama="SITI MARYAM", nik="3305055212880002", no_kk=kk, jenis_kelamin="P",
                          hubungan_keluarga="ISTRI", tanggal_lahir="1988-12-12")
    kakek = kantor.penduduk(nama="KARTO DIHARJO", nik="3305050101450005", no_kk=kk, hubungan_keluarga="ORANG TUA",
                            status_dasar="MATI")
    anak = kantor.penduduk(nama="BAYU PRATAMA", nik="3305051005120003", no_kk=kk, hubungan_keluarga="ANAK")
    tetangga = kantor.penduduk(nama="WAGIMAN", nik="3305050505700006")
    return ayah, ibu, kakek, anak, tetangga


def kelahiran(bapak, emak, tetangga, /, **ubah):
    ayah, ibu = bapak, emak
    body = dict(
        nama_anak="Dimas Pratama", jenis_kelamin_anak="Laki-laki", tanggal_lahir_anak="2026-11-02", jam_lahir="14:30",
        tempat_dilahirkan="Puskesmas", tempat_lahir_anak="Puskesmas Klirong", jenis_kelahiran="Tunggal", anak_ke="2",
        penolong_kelahiran="Bidan / perawat", berat_bayi="3,2", panjang_bayi="49",
        ibu={"nik": ibu.nik}, ayah=ayah.nik, pelapor={"nik": ayah.nik}, hubungan_pelapor="Ayah",
        saksi_1={"nik": tetangga.nik, "nama": "wagiman"}, saksi_2=LUAR)
    body.update(ubah)
    return body


def test_birth_letter_shows_the_f201_data(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    r = kantor.buat_surat(ayah, jenis="surat_ket_kelahiran", klasifikasi="", **kelahiran(ayah, ibu, tetangga))
    assert r.status_code == 201, r.get_json()
    surat = kantor.lihat(ayah, r.get_json()["id"]).get_json()
    assert surat["klasifikasi"] == "472.11"
    # The mother came from the register (NIK only: she is in the KK), the outsider as typed.
    assert surat["data"]["ibu"]["nama"] == "SITI MARYAM" and surat["data"]["ibu"]["terdaftar"] is True
    assert surat["data"]["saksi_2"] == {**LUAR, "nama": "HARTONO", "terdaftar": False}

    pdf = kantor.web.api("get", f"/api/v1/mandiri/surat/{surat['id']}/pratinjau", ayah.token).data
    teks = teks_pdf(pdf)
    for bagian in ("Data Bayi", "Nama Bayi : Dimas Pratama", "Jenis Kelamin : Laki-laki",
                   "Hari dan Tanggal Lahir : Senin, 2 November 2026", "Pukul : 14.30 WIB",
                   "Tempat Dilahirkan : Puskesmas", "Tempat Kelahiran : Puskesmas Klirong",
                   "Jenis Kelahiran : Tunggal", "Kelahiran ke- : 2", "Penolong Kelahiran : Bidan / perawat",
                   "Berat Bayi : 3,2 kg", "Panjang Bayi : 49 cm",
                   "Data Ibu", "SITI MARYAM", "3305055212880002", "12 Desember 1988",
                   "Data Ayah", "SUGENG RIYADI", "3305051703850001",
                   "Data Pelapor", "Hubungan Pelapor dengan Bayi : Ayah",
                   "Saksi I", "WAGIMAN", "3305050505700006", "Petani",
                   "Saksi II", "HARTONO", "3374012503790004", "Jl. Pemuda 5, Semarang", "25 Maret 1979",
                   "dilaporkan oleh SUGENG RIYADI (Ayah bayi) dengan disaksikan oleh WAGIMAN dan HARTONO",
                   "Surat ini dibuat untuk keperluan: Mengurus KTP-el."):
        assert bagian in teks, bagian


def test_the_signed_birth_letter_runs_to_two_pages_with_its_number(kantor_bersertifikat, tugas):
    kantor = kantor_bersertifikat
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    surat_id = kantor.diajukan(ayah, jenis="surat_ket_kelahiran", **kelahiran(ayah, ibu, tetangga))
    assert kantor.setujui(surat_id).status_code == 202
    assert tugas.proses(surat_id, kantor.desa.id) == "selesai"
    nomor = kantor.lihat(ayah, surat_id).get_json()["nomor"]
    pdf = PdfReader(io.BytesIO(kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pdf", ayah.token).data))
    assert len(pdf.pages) == 2
    pertama, kedua = (" ".join(h.extract_text().split()) for h in pdf.pages)
    assert f"Nomor : {nomor}" in pertama and "Halaman 1 dari 2" in pertama
    assert f"SURAT KETERANGAN KELAHIRAN Nomor {nomor}" in kedua and "Halaman 2 dari 2" in kedua
    # The closing text stands with the signature, and the code beside the QR.
    assert "Demikian surat keterangan ini dibuat" in kedua and "Kode verifikasi:" in kedua


def test_a_resident_outside_the_kk_needs_the_right_name_too(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    for saksi in ({"nik": tetangga.nik}, tetangga.nik, {"nik": tetangga.nik, "nama": "Orang Lain"}):
        r = kantor.buat_surat(ayah, jenis="surat_ket_kelahiran", **kelahiran(ayah, ibu, tetangga, saksi_1=saksi))
        assert r.status_code == 422
        pesan = r.get_json()["rincian"]["saksi_1"]
        assert "NIK dan nama tidak cocok" in pesan and "WAGIMAN" not in pesan


def test_someone_from_elsewhere_is_typed_in_full(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    r = kantor.buat_surat(ayah, jenis="surat_ket_kelahiran",
                          **kelahiran(ayah, ibu, tetangga, saksi_2={"nik": LUAR["nik"], "nama": "Hartono"}))
    assert r.status_code == 422 and "alamat" in r.get_json()["rincian"]["saksi_2"]
    r = kantor.buat_surat(ayah, jenis="surat_ket_kelahiran",
                          **kelahiran(ayah, ibu, tetangga, saksi_2={**LUAR, "nik": "12345"}))
    assert "16 angka" in r.get_json()["rincian"]["saksi_2"]
    r = kantor.buat_surat(ayah, jenis="surat_ket_kelahiran",
                          **kelahiran(ayah, ibu, tetangga, saksi_2={**LUAR, "golongan": "A"}))
    assert "tidak dikenal" in r.get_json()["rincian"]["saksi_2"]


def test_no_one_who_died_reports_or_witnesses(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    almarhum = kantor.penduduk(nama="PAIMAN", nik="3305050101500007", status_dasar="MATI")
    for ubah in ({"pelapor": {"nik": kakek.nik}},                              # in the KK, MATI
                 {"saksi_1": {"nik": almarhum.nik, "nama": "PAIMAN"}}):        # elsewhere in the desa, MATI
        r = kantor.buat_surat(ayah, jenis="surat_ket_kelahiran", **kelahiran(ayah, ibu, tetangga, **ubah))
        assert r.status_code == 422
        (nama, pesan), = r.get_json()["rincian"].items()
        assert "berstatus MATI" in pesan and nama in ubah
    # A parent may have died before the birth was reported.
    r = kantor.buat_surat(ayah, jenis="surat_ket_kelahiran", **kelahiran(ayah, ibu, tetangga, ayah={"nik": kakek.nik}))
    assert r.status_code == 201, r.get_json()


def test_reporter_and_witnesses_are_different_people(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    r = kantor.buat_surat(ayah, jenis="surat_ket_kelahiran",
                          **kelahiran(ayah, ibu, tetangga, saksi_1={"nik": ayah.nik}))
    assert r.status_code == 422
    assert r.get_json()["rincian"] == {"saksi_1": "Saksi I tidak boleh orang yang sama dengan pelapor."}


def kematian(**ubah):
    body = dict(tanggal_meninggal="2026-10-30", jam_meninggal="03:15", tempat_meninggal="Rumah duka, Dusun Krajan",
                sebab_meninggal="Sakit biasa / tua", yang_menerangkan="Tenaga kesehatan",
                hubungan_pelapor="Anak", saksi_2=LUAR)
    body.update(ubah)
    return body


def test_death_letter_for_a_member_already_marked_mati(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    r = kantor.buat_surat(ayah, jenis="surat_ket_kematian", nik=kakek.nik,
                          **kematian(pelapor=ayah.nik, saksi_1={"nik": tetangga.nik, "nama": "Wagiman"}))
    assert r.status_code == 201, r.get_json()
    surat_id = r.get_json()["id"]
    teks = teks_pdf(kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/pratinjau", ayah.token).data)
    for bagian in ("Yang Meninggal Dunia", "KARTO DIHARJO", "3305050101450005", "Data Kematian",
                   "Hari dan Tanggal Kematian : Jumat, 30 Oktober 2026", "Pukul : 03.15 WIB",
                   "Tempat Kematian : Rumah duka, Dusun Krajan", "Sebab Kematian : Sakit biasa / tua",
                   "Yang Menerangkan : Tenaga kesehatan", "Data Pelapor", "SUGENG RIYADI",
                   "Hubungan Pelapor dengan yang Meninggal : Anak", "Saksi I", "WAGIMAN", "Saksi II", "HARTONO"):
        assert bagian in teks, bagian
    assert kantor.ajukan(ayah, surat_id).status_code == 200
    assert kantor.setujui(surat_id).status_code == 202


def test_the_deceased_reports_nothing_and_other_letters_stay_for_the_living(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    r = kantor.buat_surat(ayah, jenis="surat_ket_kematian", nik=kakek.nik,
                          **kematian(pelapor=ayah.nik, saksi_1={"nik": ayah.nik}))
    assert r.get_json()["rincian"] == {"saksi_1": "Saksi I tidak boleh orang yang sama dengan pelapor."}
    r = kantor.buat_surat(ayah, jenis="surat_ket_kematian", nik=anak.nik,
                          **kematian(pelapor=anak.nik, saksi_1={"nik": tetangga.nik, "nama": "WAGIMAN"}))
    assert r.get_json()["rincian"] == {"pelapor": "Pelapor tidak boleh orang yang sama dengan orang yang "
                                                  "diterangkan surat ini."}
    r = kantor.buat_surat(ayah, jenis="surat_ket_pengantar", nik=kakek.nik)
    assert r.status_code == 422 and r.get_json()["error"] == "nik_bukan_anggota_keluarga"


def pindah(**ubah):
    body = dict(alamat_tujuan="Jl. Kenanga 7", rt_tujuan="3", rw_tujuan="5", dusun_tujuan="Sidomulyo",
                desa_tujuan="Panjer", kecamatan_tujuan="Kebumen", kabupaten_tujuan="Kabupaten Kebumen",
                provinsi_tujuan="Jawa Tengah", kode_pos_tujuan="54312", alasan_pindah="Pekerjaan",
                klasifikasi_pindah="Antar kecamatan dalam satu kabupaten/kota",
                jenis_kepindahan="Kepala keluarga dan sebagian anggota keluarga",
                status_kk_tidak_pindah="Nomor KK tetap", status_kk_pindah="Membuat KK baru",
                tanggal_pindah="2026-12-14")
    body.update(ubah)
    return body


def test_moving_letter_lists_the_members_who_move(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    r = kantor.buat_surat(ayah, jenis="surat_ket_pindah", klasifikasi="", **pindah(anggota_pindah=[ayah.nik, anak.nik]))
    assert r.status_code == 201, r.get_json()
    surat = kantor.lihat(ayah, r.get_json()["id"]).get_json()
    assert surat["klasifikasi"] == "471.21"
    assert [a["nik"] for a in surat["data"]["anggota_pindah"]] == [ayah.nik, anak.nik]
    teks = teks_pdf(kantor.web.api("get", f"/api/v1/mandiri/surat/{surat['id']}/pratinjau", ayah.token).data)
    for bagian in ("Daerah Tujuan", "Alamat : Jl. Kenanga 7", "RT : 3", "RW : 5", "Dusun : Sidomulyo",
                   "Desa/Kelurahan : Panjer", "Kode Pos : 54312", "Data Kepindahan",
                   "Klasifikasi Pindah : Antar kecamatan dalam satu kabupaten/kota",
                   "Jenis Kepindahan : Kepala keluarga dan sebagian anggota keluarga",
                   "Status KK bagi yang Tidak Pindah : Nomor KK tetap", "Status KK bagi yang Pindah : Membuat KK baru",
                   "Rencana Tanggal Pindah : 14 Desember 2026",
                   "1. SUGENG RIYADI, NIK 3305051703850001 (Kepala Keluarga)",
                   "2. BAYU PRATAMA, NIK 3305051005120003 (Anak)", "Jumlah : 2 orang", "bersama 2 orang anggota"):
        assert bagian in teks, bagian


def test_moving_members_come_from_the_kk_and_are_alive(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    for salah in ([tetangga.nik], [kakek.nik], "3"):
        r = kantor.buat_surat(ayah, jenis="surat_ket_pindah", **pindah(anggota_pindah=salah))
        assert r.status_code == 422
        assert "bukan anggota Kartu Keluarga" in r.get_json()["rincian"]["anggota_pindah"]
    r = kantor.buat_surat(ayah, jenis="surat_ket_pindah", **pindah(anggota_pindah=[]))
    assert r.get_json()["rincian"]["anggota_pindah"] == "Keluarga yang Pindah wajib diisi."


def test_the_form_offers_people_and_kk_members_never_the_dead(kantor):
    ayah, ibu, kakek, anak, tetangga = keluarga(kantor)
    web = kantor.browser_penduduk(ayah)
    html = web.get("/mandiri/surat/buat/surat_ket_pindah").get_data(as_text=True)
    assert 'type="checkbox"' in html and "Bayu Pratama - 3305051005120003" in html
    assert kakek.nik not in html
    html = web.get("/mandiri/surat/buat/surat_ket_kelahiran").get_data(as_text=True)
    assert "<legend>Saksi I</legend>" in html and 'name="saksi_1-nik"' in html and 'list="anggota-kk"' in html
    assert '<option value="3305055212880002">SITI MARYAM</option>' in html and kakek.nik not in html
    # The death letter: the deceased is a choice of NIK.
    html = web.get("/mandiri/surat/buat/surat_ket_kematian").get_data(as_text=True)
    assert f'value="{kakek.nik}"' in html

    # The page's form: a person's parts are fields named "<field>-nik", "<field>-nama", ...
    teks = {k: v for k, v in kelahiran(ayah, ibu, tetangga).items() if isinstance(v, str) and k != "ayah"}
    form = {"nik": ayah.nik, "klasifikasi": "472.11", "keperluan": "Akta kelahiran anak kedua",
            "penandatangan": str(kantor.kepala), **teks, "hubungan_pelapor": "",
            "ibu-nik": ibu.nik, "ayah-nik": ayah.nik, "pelapor-nik": ayah.nik,
            "saksi_1-nik": tetangga.nik, "saksi_1-nama": "Wagiman",
            **{f"saksi_2-{k}": v for k, v in LUAR.items()}}
    r = web.submit("/mandiri/surat/buat/surat_ket_kelahiran", form)
    assert r.status_code == 422 and "Hubungan Pelapor dengan Bayi wajib diisi." in r.get_data(as_text=True)
    r = web.submit("/mandiri/surat/buat/surat_ket_kelahiran", {**form, "hubungan_pelapor": "Ayah",
                                                                "saksi_1-nama": ""})
    assert r.status_code == 422 and "NIK dan nama tidak cocok" in r.get_data(as_text=True)
    r = web.submit("/mandiri/surat/buat/surat_ket_kelahiran", {**form, "hubungan_pelapor": "Ayah"})
    assert r.status_code == 302, r.get_data(as_text=True)
