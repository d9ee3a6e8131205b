"""The flow as residents and operators felt it (issue 15): what the pages say and do."""
import io
import re

from PIL import Image


def test_the_operators_review_page_follows_a_letter_while_it_is_signed(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    web = kantor.browser_operator()
    diajukan = web.get(f"/operator/surat/{surat_id}").get_data(as_text=True)
    assert "data-pantau" not in diajukan and "js/surat.js" not in diajukan, \
        "no reload under an operator typing an Alasan"

    kantor.setujui(surat_id)   # no worker here: it stays diproses
    html = web.get(f"/operator/surat/{surat_id}").get_data(as_text=True)
    assert f'data-pantau="/operator/surat/{surat_id}/status"' in html
    assert 'role="status" aria-live="polite" data-status="diproses"' in html
    assert "js/surat.js" in html and '<noscript><meta http-equiv="refresh"' in html
    assert "Halaman ini diperbarui sendiri." in html
    status = web.get(f"/operator/surat/{surat_id}/status").get_json()
    assert status["status"] == "diproses" and status["nomor"].startswith("470/001/")
    assert status["menunggu"] is True and status["unduh"] is None
    # the resident's page and the operator's poll the same shape
    assert set(status) == set(kantor.browser_penduduk(p).get(f"/mandiri/surat/{surat_id}/status").get_json())
    assert kantor.browser_penduduk(p).get(f"/operator/surat/{surat_id}/status").status_code == 302


def test_the_queue_shows_when_each_request_was_submitted(kantor, app):
    from datetime import datetime, timezone

    from sqlalchemy import update

    from desaonline.extensions import db
    from desaonline.surat.models import Surat
    from tenants import desa_scope
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    with app.app_context(), desa_scope(kantor.desa.id):
        # made on one day, submitted on the next (07:15 WIB)
        db.session.execute(update(Surat).where(Surat.id == surat_id).values(
            dibuat=datetime(2026, 11, 26, 2, 0, tzinfo=timezone.utc),
            diajukan=datetime(2026, 11, 27, 0, 15, tzinfo=timezone.utc)))
        db.session.commit()
    html = kantor.browser_operator().get("/operator/surat").get_data(as_text=True)
    assert '<th scope="col">Diajukan</th>' in html
    baris = html[html.index(f"/operator/surat/{surat_id}"):]
    assert re.search(r'Diajukan</span> <time datetime="2026-11-27T00:15:00[^"]*">27 November 2026[^<]*07[.:]15', baris)


def test_removing_an_attachment_asks_first(kantor):
    p = kantor.warga()
    surat_id = kantor.konsep(p)
    isi = io.BytesIO()
    Image.new("RGB", (40, 30), (1, 2, 3)).save(isi, "PNG")
    r = kantor.web.api("post", f"/api/v1/mandiri/surat/{surat_id}/lampiran", p.token,
                       data={"file": (io.BytesIO(isi.getvalue()), "kk.png"), "syarat": "kk"},
                       content_type="multipart/form-data")
    lampiran_id = r.get_json()["id"]
    web = kantor.browser_penduduk(p)
    aksi = f"/mandiri/surat/{surat_id}/lampiran/{lampiran_id}/hapus"
    tanya = web.submit(f"/mandiri/surat/{surat_id}", {}, action=aksi)
    assert tanya.status_code == 200
    assert "Hapus lampiran ini?" in tanya.get_data(as_text=True)
    assert "Kartu Keluarga (KK): kk.png" in tanya.get_data(as_text=True)
    assert len(kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/lampiran", p.token).get_json()) == 1
    r = web.submit(f"/mandiri/surat/{surat_id}", {"yakin": "1"}, action=aksi)
    assert r.status_code == 302 and "Lampiran dihapus." in web.get(r.headers["Location"]).get_data(as_text=True)
    assert kantor.web.api("get", f"/api/v1/mandiri/surat/{surat_id}/lampiran", p.token).get_json() == []


def test_the_detail_page_buttons_are_labelled_and_ask_before_cancelling(kantor):
    p = kantor.warga()
    surat_id = kantor.diajukan(p)
    web = kantor.browser_penduduk(p)
    html = web.get(f"/mandiri/surat/{surat_id}").get_data(as_text=True)
    assert re.search(rf'href="/mandiri/surat/{surat_id}/pratinjau"><svg[^>]*>.*?</svg> Pratinjau</a>', html)
    tanya = web.submit(f"/mandiri/surat/{surat_id}", {}, action=f"/mandiri/surat/{surat_id}/batalkan")
    halaman = tanya.get_data(as_text=True)
    assert "Batalkan permohonan ini?" in halaman and '<label class="label" for="alasan">Alasan (tidak wajib)' in halaman
    assert f'href="/mandiri/surat/{surat_id}">Tidak, kembali</a>' in halaman
    assert kantor.lihat(p, surat_id).get_json()["status"] == "diajukan"
