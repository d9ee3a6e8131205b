"""A new desa: its operator sees what is missing before letters can be issued, and its
residents see which types are not ready before they fill a form."""
import io
import re

from tests.signing.conftest import SANDI, pki_uji  # noqa: F401  (the signing tests' CA)


def _langkah(html):
    """The dashboard's list of what is missing: [(title, its link)]."""
    bagian = html[html.index('id="judul-kesiapan"'):html.index("</section>", html.index('id="judul-kesiapan"'))]
    return re.findall(r'<li class="baris antara">\s*<span><strong>([^<]+)</strong>.*?'
                      r'<a class="tombol tombol-kecil" href="([^"]+)"', bagian, re.S)


def test_a_bare_desa_lists_all_four_with_where_to_do_each(buat, host_client):
    desa = buat.desa("baru", nama="Baru")
    user, sandi = buat.operator(desa)
    web = host_client(desa.host)
    assert web.submit("/operator/masuk", {"username": user, "password": sandi}).status_code == 302
    html = web.get("/operator/").get_data(as_text=True)
    assert "Sebelum surat dapat diterbitkan" in html
    assert "Surat warga belum dapat diterbitkan sampai yang bertanda <strong>wajib</strong> dilengkapi." in html
    assert _langkah(html) == [("Sertifikat TTE", "/operator/sertifikat"),
                              ("Penandatangan", "/operator/pengaturan/pejabat"),
                              ("Kop surat", "/operator/pengaturan"),
                              ("Data penduduk", "/operator/penduduk/impor")]
    assert html.count('<span class="lencana status-ditolak">wajib</span>') == 2   # certificate and signatory


def test_the_list_shrinks_as_the_operator_works_and_goes_away(kantor, pki_uji):  # noqa: F811
    kantor.penduduk()
    web = kantor.browser_operator()
    # residents and signatories are there; no certificate, no letterhead saved yet
    assert [j for j, _ in _langkah(web.get("/operator/").get_data(as_text=True))] == ["Sertifikat TTE", "Kop surat"]

    r = kantor.web.api("post", "/api/v1/operator/sertifikat", kantor.op, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(pki_uji.p12), "kades.p12"), "password": SANDI})
    assert r.status_code == 201, r.get_json()
    html = web.get("/operator/").get_data(as_text=True)
    assert [j for j, _ in _langkah(html)] == ["Kop surat"]
    assert "belum dapat diterbitkan sampai" not in html, "the letterhead has its defaults: nothing stops letters"

    halaman = web.get("/operator/pengaturan").get_data(as_text=True)
    data = {m.group(1): m.group(2) for m in re.finditer(r'name="([a-z_]+)"[^>]*value="([^"]*)"', halaman)}
    data.update({"ukuran_kertas": "A4", "penomoran": "per_jenis", "wa_operator": "081234567890"})
    assert web.submit("/operator/pengaturan", data).status_code == 302
    assert "Sebelum surat dapat diterbitkan" not in web.get("/operator/").get_data(as_text=True)


def test_residents_see_the_types_are_not_ready_before_the_form(kantor, pki_uji):  # noqa: F811
    p = kantor.warga()
    jenis = kantor.web.api("get", "/api/v1/mandiri/jenis-surat", p.token).get_json()
    assert all(j["siap"] is False for j in jenis)
    assert jenis[0]["belum_siap"] == ["desa belum menyiapkan tanda tangan elektronik Kepala Desa"]
    web = kantor.browser_penduduk(p)
    pilih = web.get("/mandiri/surat/buat").get_data(as_text=True)
    assert "Surat belum dapat diterbitkan:</strong> desa belum menyiapkan tanda tangan elektronik Kepala Desa." in pilih
    assert pilih.count("belum siap</span>") == len(jenis)
    form = web.get("/mandiri/surat/buat/surat_ket_pengantar").get_data(as_text=True)
    assert 'id="belum-siap"' in form

    kantor.web.api("post", "/api/v1/operator/sertifikat", kantor.op, content_type="multipart/form-data",
                   data={"file": (io.BytesIO(pki_uji.p12), "kades.p12"), "password": SANDI})
    jenis = kantor.web.api("get", "/api/v1/mandiri/jenis-surat", p.token).get_json()
    assert all(j["siap"] and j["belum_siap"] == [] for j in jenis)
    pilih = web.get("/mandiri/surat/buat").get_data(as_text=True)
    assert "belum siap" not in pilih and 'id="belum-siap"' not in pilih


def test_without_a_signatory_residents_are_told_so(buat, host_client):
    from tests.surat.conftest import PIN_BARU
    desa = buat.desa("sepi", nama="Sepi")
    p = buat.penduduk(desa)
    web = host_client(desa.host)
    token = web.post("/api/v1/mandiri/login", json={"nik": p.nik, "pin": p.pin, "no_kk": p.no_kk}).get_json()["token"]
    web.api("post", "/api/v1/mandiri/ganti-pin", token, json={"pin_lama": p.pin, "pin_baru": PIN_BARU})
    token = web.post("/api/v1/mandiri/login", json={"nik": p.nik, "pin": PIN_BARU}).get_json()["token"]
    jenis = web.api("get", "/api/v1/mandiri/jenis-surat", token).get_json()
    assert jenis[0]["belum_siap"] == ["desa belum menyiapkan tanda tangan elektronik Kepala Desa",
                                      "desa belum menetapkan penandatangan surat"]
