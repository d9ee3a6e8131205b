"""The documents (syarat) a desa asks for per letter type: listed to residents before they
fill a form, chosen by the operator on a settings page and through the API."""


def _jenis(kantor, p):
    r = kantor.web.api("get", "/api/v1/mandiri/jenis-surat", p.token)
    assert r.status_code == 200
    return {j["kode"]: j for j in r.get_json()}


def _syarat_di(body, kode):
    """A type's documents in the answer of GET/PUT /api/v1/operator/syarat."""
    return next(j["syarat"] for j in body["jenis"] if j["kode"] == kode)


def test_every_type_lists_its_documents_with_a_sensible_default(kantor):
    jenis = _jenis(kantor, kantor.warga())
    pengantar = [d["nama"] for d in jenis["surat_ket_pengantar"]["syarat"]]
    assert pengantar == ["Surat Pengantar RT/RW", "KTP-el", "Kartu Keluarga (KK)"]
    kelahiran = {d["kode"] for d in jenis["surat_ket_kelahiran"]["syarat"]}
    assert {"ket_lahir", "buku_nikah", "kk"} <= kelahiran
    assert "ket_kematian" in {d["kode"] for d in jenis["surat_ket_kematian"]["syarat"]}
    assert "foto_usaha" in {d["kode"] for d in jenis["surat_ket_usaha"]["syarat"]}
    assert all(j["syarat"] for j in jenis.values()), "no type starts without its documents"


def test_types_the_catalogue_adds_later_get_defaults_from_their_name():
    from desaonline.surat.syarat import bawaan
    assert "ket_lahir" in bawaan("surat_permohonan_akta_lahir")
    assert "ket_kematian" in bawaan("surat_ket_lahir_mati")
    assert "akta_cerai" in bawaan("surat_permohonan_cerai")
    assert "bukti_tanah" in bawaan("surat_ket_ahli_waris")
    assert bawaan("surat_baru_tak_dikenal") == ["pengantar_rt", "ktp", "kk"]


def test_operator_chooses_the_documents_through_the_api_per_desa(kantor, kantor_lain):
    r = kantor.web.api("get", "/api/v1/operator/syarat", kantor.op)
    assert r.status_code == 200
    body = r.get_json()
    assert {"kode": "kk", "nama": "Kartu Keluarga (KK)"} in body["dokumen"]
    usaha = next(j for j in body["jenis"] if j["kode"] == "surat_ket_usaha")
    assert usaha["nama"] == "Surat Keterangan Usaha" and usaha["syarat"]

    r = kantor.web.api("put", "/api/v1/operator/syarat/surat_ket_usaha", kantor.op,
                       json={"syarat": ["foto_usaha", "ktp", "foto_usaha"]})
    assert r.status_code == 200, r.get_json()
    assert [d["kode"] for d in _syarat_di(r.get_json(), "surat_ket_usaha")] == ["ktp", "foto_usaha"]  # once each
    assert [d["kode"] for d in _jenis(kantor, kantor.warga())["surat_ket_usaha"]["syarat"]] == ["ktp", "foto_usaha"]
    # the other desa keeps the default
    lain = _jenis(kantor_lain, kantor_lain.warga())["surat_ket_usaha"]["syarat"]
    assert [d["kode"] for d in lain] == ["pengantar_rt", "ktp", "kk", "foto_usaha"]

    r = kantor.web.api("put", "/api/v1/operator/syarat/surat_ket_usaha", kantor.op, json={"syarat": []})
    assert r.status_code == 200 and _syarat_di(r.get_json(), "surat_ket_usaha") == []
    assert _jenis(kantor, kantor.warga())["surat_ket_usaha"]["syarat"] == []


def test_bad_document_lists_are_refused_with_a_reason(kantor):
    r = kantor.web.api("put", "/api/v1/operator/syarat/surat_ket_usaha", kantor.op, json={"syarat": ["ijazah_sd"]})
    assert r.status_code == 422 and r.get_json()["error"] == "syarat_tidak_valid"
    assert "ijazah_sd" in r.get_json()["message"]
    r = kantor.web.api("put", "/api/v1/operator/syarat/tidak_ada", kantor.op, json={"syarat": ["kk"]})
    assert r.status_code == 404
    r = kantor.web.api("put", "/api/v1/operator/syarat/surat_ket_usaha", kantor.op, json={})
    assert r.status_code == 422
    p = kantor.warga()
    r = kantor.web.api("put", "/api/v1/operator/syarat/surat_ket_usaha", p.token, json={"syarat": []})
    assert r.status_code == 403


def test_settings_page_ticks_the_documents_and_the_form_shows_them(kantor):
    web = kantor.browser_operator()
    daftar = web.get("/operator/pengaturan/syarat").get_data(as_text=True)
    assert "Syarat Surat" in daftar and 'aria-label="Ubah syarat Surat Keterangan Usaha"' in daftar
    assert "Surat Pengantar RT/RW, KTP-el, Kartu Keluarga (KK), Foto tempat usaha" in daftar
    halaman = web.get("/operator/pengaturan/syarat/surat_ket_usaha").get_data(as_text=True)
    assert 'value="foto_usaha" checked' in halaman and 'value="lunas_pbb">' in halaman

    token = web.csrf_token("/operator/pengaturan/syarat/surat_ket_usaha")
    r = web.post("/operator/pengaturan/syarat/surat_ket_usaha",
                 data={"csrf_token": token, "syarat": ["kk", "lunas_pbb"]})
    assert r.status_code == 302 and r.headers["Location"].endswith("#syarat-surat_ket_usaha")
    daftar = web.get("/operator/pengaturan/syarat").get_data(as_text=True)
    assert "Syarat Surat Keterangan Usaha disimpan." in daftar
    assert "Kartu Keluarga (KK), Bukti lunas PBB tahun berjalan" in daftar
    assert web.get("/operator/pengaturan/syarat/tidak_ada").status_code == 404

    p = kantor.warga()
    form = kantor.browser_penduduk(p).get("/mandiri/surat/buat/surat_ket_usaha").get_data(as_text=True)
    assert 'id="judul-syarat"' in form
    assert "<li>Kartu Keluarga (KK)</li>" in form and "<li>Bukti lunas PBB tahun berjalan</li>" in form
    assert "Surat Pengantar RT/RW" not in form
