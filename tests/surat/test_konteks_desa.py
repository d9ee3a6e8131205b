"""What a worker keeps of a desa between letters (desaonline.surat.konteks): read once,
and never stale. Each change an operator makes, on the settings page or through the
API, is in the very next signed letter, because the database's triggers raise the
desa's change signal in the same transaction."""
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import insert, select, text, update

from desaonline.extensions import db
from desaonline.signing.models import PengaturanTtd, SertifikatDesa
from desaonline.surat import konteks
from desaonline.surat.models import PengaturanSurat
from tenants.models import desa_versi
from tests.pipeline.bantu import baris
from tests.surat.test_halaman_operator import _pengaturan


def _teks_pdf(app, surat_id):
    from desaonline.surat import arsip
    with app.app_context():
        pdf = arsip.baca(baris(app, surat_id).pdf_path)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _disetujui(kantor, p):
    surat_id = kantor.diajukan(p)
    assert kantor.setujui(surat_id).status_code == 202
    return surat_id


def test_letters_of_a_desa_read_its_settings_once_and_see_every_change(app, kantor_bersertifikat, tugas):
    kantor = kantor_bersertifikat
    p = kantor.warga()
    muat_awal = konteks.simpanan.muat
    pertama = _disetujui(kantor, p)
    assert tugas.proses(pertama, kantor.desa.id) == "selesai"
    kedua = _disetujui(kantor, p)
    assert tugas.proses(kedua, kantor.desa.id) == "selesai"
    assert konteks.simpanan.muat == muat_awal + 1, "the second letter of an unchanged desa reads nothing again"

    # The operator saves a new letterhead address on the settings page.
    web = kantor.browser_operator()
    data = dict(_pengaturan(web), kop_alamat="Jl. Pemuda No. 7, Klirong 54381")
    assert web.submit("/operator/pengaturan", data).status_code == 302
    ketiga = _disetujui(kantor, p)
    assert tugas.proses(ketiga, kantor.desa.id) == "selesai"
    assert "Jl. Pemuda No. 7, Klirong 54381" in _teks_pdf(app, ketiga)
    assert "Jl. Pemuda No. 7" not in _teks_pdf(app, kedua)


def test_a_certificate_switched_off_stops_the_next_letter(app, kantor_bersertifikat, tugas):
    kantor = kantor_bersertifikat
    p = kantor.warga()
    pertama = _disetujui(kantor, p)
    assert tugas.proses(pertama, kantor.desa.id) == "selesai"
    with app.app_context():   # however it is switched off: here with a bare UPDATE, as psql would
        db.session.execute(update(SertifikatDesa).where(SertifikatDesa.desa_id == kantor.desa.id)
                           .values(aktif=False).execution_options(tanpa_scope=True))
        db.session.commit()
    kedua = _disetujui(kantor, p)
    assert tugas.proses(kedua, kantor.desa.id) == "gagal"
    assert "Sertifikat" in baris(app, kedua).alasan_gagal


def _versi(desa_id):
    return db.session.scalar(select(desa_versi.c.versi).where(desa_versi.c.desa_id == desa_id))


@pytest.mark.parametrize("tabel", ["pengaturan_surat", "pengaturan_ttd", "sertifikat_desa"])
def test_every_write_raises_that_desa_signal_only(app, buat, tabel):
    """The triggers (both databases): insert, update and delete each raise the version of
    the row's desa, and no other desa's."""
    satu, dua = buat.desa("klirong", nama="Klirong"), buat.desa("jogosimo", nama="Jogosimo")
    model = {"pengaturan_surat": PengaturanSurat, "pengaturan_ttd": PengaturanTtd,
             "sertifikat_desa": SertifikatDesa}[tabel]
    nilai = {
        "pengaturan_surat": dict(kop_kabupaten="K", kop_kecamatan="K", kop_desa="D", tempat_surat="Klirong"),
        "pengaturan_ttd": dict(metode="sertifikat"),
        "sertifikat_desa": dict(p12_terenkripsi=b"x", sandi_terenkripsi=b"x", subjek="s", penerbit="p",
                                serial="1", sidik_sha256="0" * 64, berlaku_mulai=db.func.now(),
                                berlaku_sampai=db.func.now()),
    }[tabel]
    with app.app_context():
        lain = _versi(dua.id)
        sebelum = _versi(satu.id) or 0
        db.session.execute(insert(model).values(desa_id=satu.id, **nilai).execution_options(tanpa_scope=True))
        db.session.commit()
        assert _versi(satu.id) == sebelum + 1
        db.session.execute(text(f"UPDATE {tabel} SET desa_id = desa_id WHERE desa_id = :d"), {"d": satu.id})
        db.session.commit()
        assert _versi(satu.id) == sebelum + 2
        db.session.execute(text(f"DELETE FROM {tabel} WHERE desa_id = :d"), {"d": satu.id})
        db.session.commit()
        assert _versi(satu.id) == sebelum + 3
        assert _versi(dua.id) == lain


def test_a_worker_keeps_desa_up_to_its_memory_bound(app, kantor_bersertifikat, kantor_lain, pki_uji, tugas):
    """SURAT_KONTEKS_MB bounds what a worker keeps: within it, two desa taking turns are read
    once each; below one desa's weight, each turn reads its desa again."""
    from tests.signing.conftest import SANDI
    r = kantor_lain.web.api("post", "/api/v1/operator/sertifikat", kantor_lain.op,
                            data={"password": SANDI, "file": (io.BytesIO(pki_uji.p12), "kades.p12")},
                            content_type="multipart/form-data")
    assert r.status_code == 201, r.get_json()
    warga = {k: k.warga() for k in (kantor_bersertifikat, kantor_lain)}

    def bergantian():
        awal = konteks.simpanan.muat
        for k in (kantor_bersertifikat, kantor_lain, kantor_bersertifikat, kantor_lain):
            assert tugas.proses(_disetujui(k, warga[k]), k.desa.id) == "selesai"
        return konteks.simpanan.muat - awal

    konteks.simpanan.clear()
    assert bergantian() == 2
    lama = app.config["SURAT_KONTEKS_MB"]
    app.config["SURAT_KONTEKS_MB"] = 0.001   # 1 KB: less than any desa weighs
    konteks.simpanan.clear()
    try:
        assert bergantian() == 4
    finally:
        app.config["SURAT_KONTEKS_MB"] = lama
