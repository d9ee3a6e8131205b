"""NIKs never appear in URLs: URLs end up in access logs, proxies and browser
histories (issue 10). Pages name residents by id; searches and API calls carry a
NIK in the body."""
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

ENAM_BELAS = re.compile(r"\d{16}")


def test_no_route_takes_a_nik_in_its_path_but_the_contracts_old_one(app):
    dengan_nik = sorted(r.rule for r in app.url_map.iter_rules() if "nik" in r.arguments)
    assert dengan_nik == ["/api/v1/operator/penduduk/<nik>/reset-pin"]  # kept for compatibility, deprecated
    spec = app.test_client().get("/api/v1/openapi.json", base_url="http://desaonline.localhost").get_json()
    assert spec["paths"]["/api/v1/operator/penduduk/{nik}/reset-pin"]["post"]["deprecated"] is True
    assert "nik" in spec["components"]["schemas"]["ResetPinIn"]["properties"]


def _jelajah(web, mulai, batas=60):
    """Every URL the pages link to, post to or redirect to, following GET links on this host."""
    dilihat, antre, semua = set(), deque(mulai), set()
    while antre and len(dilihat) < batas:
        url = antre.popleft()
        if url in dilihat:
            continue
        dilihat.add(url)
        resp = web.get(url)
        semua.add(url)
        if resp.headers.get("Location"):
            semua.add(resp.headers["Location"])
        if not resp.content_type.startswith("text/html"):
            continue
        html = resp.get_data(as_text=True)
        for atribut, tujuan in re.findall(r'(href|action)="([^"]+)"', html):
            tujuan = urljoin(url, tujuan.replace("&amp;", "&"))
            bagian = urlsplit(tujuan)
            if bagian.netloc and bagian.netloc != web.host:
                continue
            semua.add(tujuan)
            lokal = bagian.path + (f"?{bagian.query}" if bagian.query else "")
            if atribut == "href" and "/keluar" not in lokal and not lokal.startswith("/static"):
                antre.append(lokal)
    return semua


def _cari(web, q):
    """Fill the register's search form and send it the way its ``method`` says; the URL it lands on."""
    html = web.get("/operator/penduduk").get_data(as_text=True)
    form = re.search(r'<form method="(get|post)"[^>]*role="search"', html)
    assert form, "no search form"
    if form.group(1) == "get":
        url = f"/operator/penduduk?q={q}"
        assert web.get(url).status_code == 200
        return url
    resp = web.submit("/operator/penduduk", {"q": q})
    assert q in web.get(resp.headers["Location"]).get_data(as_text=True)  # the search found the resident
    return resp.headers["Location"]


def test_no_page_links_posts_or_redirects_to_a_url_with_a_nik(buat, host_client):
    desa = buat.desa()
    kepala = buat.penduduk(desa, no_kk="3305050101200001")
    buat.penduduk(desa, no_kk=kepala.no_kk, hubungan_keluarga="ISTRI", jenis_kelamin="P")
    username, password = buat.operator(desa)
    operator = host_client(desa.host)
    operator.submit("/operator/masuk", {"username": username, "password": password})
    urls = {_cari(operator, kepala.nik)}  # a search by NIK, as the page's form sends it
    urls |= _jelajah(operator, ["/operator/", "/operator/penduduk", f"/operator/penduduk/{kepala.id}"])
    assert any(f"/operator/penduduk/{kepala.id}" in u for u in urls)

    warga = host_client(desa.host)
    warga.submit("/mandiri/masuk", {"nik": kepala.nik, "pin": kepala.pin, "no_kk": kepala.no_kk})
    warga.submit("/mandiri/ganti-pin", {"pin_lama": kepala.pin, "pin_baru": "246813", "ulangi_pin": "246813"})
    urls |= _jelajah(warga, ["/mandiri/", "/mandiri/biodata", "/mandiri/keluarga", "/mandiri/surat/buat"])
    assert any("/mandiri/keluarga" in u for u in urls)
    assert not [u for u in urls if ENAM_BELAS.search(u)]
