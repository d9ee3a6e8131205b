"""Letter numbers: formatted as the desa configured, per type or one desa sequence,
reset each year, given at approval only, never lost to a failed approval."""
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from desaonline.errors import Penolakan
from desaonline.surat.penomoran import format_nomor, nomor_berikutnya, periksa_format

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def hari_ini():
    return datetime.now(ZoneInfo("Asia/Jakarta")).date()


def pengaturan(**ubah):
    data = {"kop_kabupaten": "PEMERINTAH KABUPATEN KEBUMEN", "kop_kecamatan": "KECAMATAN KLIRONG",
            "kop_desa": "DESA KLIRONG", "kop_alamat": "Jl. Raya Klirong No. 1", "tempat_surat": "Klirong",
            "ukuran_kertas": "A4", "margin_atas_mm": "20", "margin_bawah_mm": "20", "margin_kiri_mm": "25",
            "margin_kanan_mm": "20", "format_nomor": "{klasifikasi}/{nomor:03}/{kode_desa}/{bulan_romawi}/{tahun}",
            "penomoran": "per_jenis", "wa_operator": "081227000101", "wa_operator_lain": "", "jam_layanan": "",
            "alamat_kantor": "", "telepon": "", "email": ""}
    data.update(ubah)
    return data


def usaha():
    return {"jenis": "surat_ket_usaha", "nama_usaha": "Toko Makmur", "jenis_usaha": "Kelontong",
            "alamat_usaha": "Dusun Krajan"}


def test_number_format_and_one_desa_sequence_as_configured(kantor):
    web = kantor.browser_operator()
    r = web.submit("/operator/pengaturan", pengaturan(format_nomor="{kode}/{nomor:04}/DS-KLR/{bulan:02}/{tahun}",
                                                      penomoran="desa"))
    assert r.status_code == 302, r.get_data(as_text=True)
    p = kantor.warga()
    a, b = kantor.diajukan(p), kantor.diajukan(p, **usaha())
    hari = hari_ini()
    assert kantor.setujui(a).get_json()["nomor"] == f"surat_ket_pengantar/0001/DS-KLR/{hari.month:02d}/{hari.year}"
    assert kantor.setujui(b).get_json()["nomor"] == f"surat_ket_usaha/0002/DS-KLR/{hari.month:02d}/{hari.year}"


def test_numbering_per_type_by_default(kantor):
    p = kantor.warga()
    a1, a2 = kantor.diajukan(p), kantor.diajukan(p)
    b1 = kantor.diajukan(p, klasifikasi="510", **usaha())
    hari = hari_ini()
    akhir = f"{kantor.desa_kode}/{ROMAWI[hari.month - 1]}/{hari.year}"
    assert kantor.setujui(a2).get_json()["nomor"] == f"470/001/{akhir}"
    assert kantor.setujui(b1).get_json()["nomor"] == f"510/001/{akhir}"
    assert kantor.setujui(a1).get_json()["nomor"] == f"470/002/{akhir}"


def test_bad_number_format_is_refused_and_nothing_changes(kantor):
    web = kantor.browser_operator()
    for salah, pesan in (("{klasifikasi}/{nomor:03", "tidak berpasangan"),
                         ("{klasifikasi}/{urut}/{tahun}", "{urut} tidak dikenal"),
                         ("{klasifikasi}/{tahun}", "harus memuat {nomor}"),
                         ("{nomor:>5}/{klasifikasi}", "tidak didukung"),
                         ("{nomor:03}/{tahun}", "{klasifikasi} atau {kode}")):
        r = web.submit("/operator/pengaturan", pengaturan(format_nomor=salah))
        assert r.status_code == 422, salah
        assert pesan in r.get_data(as_text=True), salah
    assert 'value="{klasifikasi}/{nomor:03}/{kode_desa}/{bulan_romawi}/{tahun}"' in \
        web.get("/operator/pengaturan").get_data(as_text=True)
    # one desa sequence needs no type in the number
    assert web.submit("/operator/pengaturan", pengaturan(format_nomor="{nomor:03}/{tahun}",
                                                         penomoran="desa")).status_code == 302


def test_format_checks_and_placeholders():
    from datetime import date
    assert periksa_format(" {kode}/{nomor}/{tahun} ") == "{kode}/{nomor}/{tahun}"
    with pytest.raises(Penolakan):
        periksa_format("{nomor!r}/{kode}")
    with pytest.raises(Penolakan):
        periksa_format("{nomor.real}/{kode}")
    assert format_nomor("{klasifikasi}/{nomor:03}/{kode_desa}/{bulan_romawi}/{tahun}", nomor=7, klasifikasi="474.1",
                        kode="x", kode_desa="33.05.05.2012", tanggal=date(2026, 11, 27)) == \
        "474.1/007/33.05.05.2012/XI/2026"


def test_sequence_restarts_each_year(app, kantor):
    from desaonline.extensions import db
    from tenants import desa_scope
    with app.app_context(), desa_scope(kantor.desa.id):
        assert [nomor_berikutnya(kantor.desa.id, "surat_ket_pengantar", 2026) for _ in range(3)] == [1, 2, 3]
        assert nomor_berikutnya(kantor.desa.id, "surat_ket_pengantar", 2027) == 1
        assert nomor_berikutnya(kantor.desa.id, "*", 2026) == 1
        db.session.rollback()
        assert nomor_berikutnya(kantor.desa.id, "surat_ket_pengantar", 2026) == 1, "rolled back: no gap"
        db.session.rollback()


def test_a_failed_approval_does_not_use_up_a_number(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p, penandatangan=kantor.sekdes)
    web = kantor.browser_operator()
    r = web.submit(f"/operator/pengaturan/pejabat/{kantor.sekdes}", {"nama": "Rina Marlina", "jabatan": "Sekretaris Desa",
                                                          "nip": "", "atas_nama": "a.n."})   # aktif unticked
    assert r.status_code == 302
    r = kantor.setujui(surat_id)
    assert r.status_code == 422 and r.get_json()["error"] == "penandatangan_tidak_tersedia"
    assert kantor.lihat(p, surat_id).get_json()["status"] == "diajukan"
    r = kantor.setujui(surat_id, penandatangan=kantor.kepala)
    assert r.status_code == 202 and "/001/" in r.get_json()["nomor"]
    assert kantor.lihat(p, surat_id).get_json()["penandatangan"]["nama"] == "Sugeng Riyadi"


def test_concurrent_approvals_give_distinct_gap_free_numbers(kantor):
    """Operators approving at the same moment, each in its own connection: N letters get
    numbers 1..N exactly once, and the letter approved by two operators at once gets one."""
    p = kantor.warga()
    jumlah = 12
    daftar = [kantor.diajukan(p) for _ in range(jumlah)]
    tugas = [(surat_id, kantor.klien()) for surat_id in daftar]
    tugas += [(daftar[0], kantor.klien()), (daftar[0], kantor.klien())]   # three operators, one letter
    mulai = threading.Barrier(len(tugas))
    hasil = [None] * len(tugas)

    def setujui(i, surat_id, web):
        mulai.wait()
        r = web.api("post", f"/api/v1/operator/surat/{surat_id}/setujui", kantor.op, json={})
        hasil[i] = (surat_id, r.status_code, r.get_json())

    threads = [threading.Thread(target=setujui, args=(i, *t)) for i, t in enumerate(tugas)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(h is not None for h in hasil)
    assert sorted(code for _, code, _ in hasil) == [202] * jumlah + [409, 409], hasil
    nomor = {surat_id: body["nomor"] for surat_id, code, body in hasil if code == 202}
    assert set(nomor) == set(daftar)
    urut = sorted(int(n.split("/")[1]) for n in nomor.values())
    assert urut == list(range(1, jumlah + 1))

    detail = kantor.lihat(p, daftar[0]).get_json()
    assert detail["nomor"] == nomor[daftar[0]]
    assert [h["status"] for h in detail["riwayat"]].count("diproses") == 1
