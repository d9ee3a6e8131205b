"""The admin pages on the portal host, driven like a browser: forms with their CSRF token."""
import re

from tests.admin.conftest import masuk, operator_id
from tests.conftest import DesaRef


def teks(res):
    return res.get_data(as_text=True)


def test_login_logout_and_the_page_guard(buat, portal):
    username, password = buat.admin("kab")
    res = portal.get("/admin/desa")
    assert res.status_code == 302 and "/admin/masuk?next=/admin/desa" in res.headers["Location"]

    page = teks(portal.get("/admin/masuk"))
    for label in ("Nama Pengguna", "Kata Sandi"):
        assert re.search(rf'<label[^>]*for="\w+"[^>]*>{label}</label>', page)
    assert ">Masuk</button>" in page

    # no CSRF token: refused, and not logged in
    assert portal.post("/admin/masuk", data={"username": username, "password": password}).status_code == 400
    res = masuk(portal, username, "salah-sekali")
    assert res.status_code == 401 and "Nama pengguna atau kata sandi salah." in teks(res)
    assert portal.get("/admin/").status_code == 302

    res = masuk(portal, username, password, next_path="/admin/desa")
    assert res.status_code == 302 and res.headers["Location"] == "/admin/desa"
    dasbor = teks(portal.get("/admin/"))
    assert "Dasbor" in dasbor and '<details class="menu' in dasbor and "Keluar" in dasbor

    res = portal.submit("/admin/", {}, action="/admin/keluar")
    assert res.status_code == 302
    assert portal.get("/admin/").status_code == 302


def test_next_never_leaves_the_portal(buat, portal):
    username, password = buat.admin()
    res = masuk(portal, username, password, next_path="//evil.example/admin")
    assert res.status_code == 302 and res.headers["Location"] == "/admin/"


def test_admin_pages_exist_only_on_the_portal(buat, host_client):
    desa = buat.desa()
    assert host_client(desa.host).get("/admin/masuk").status_code == 404


def test_kabupaten_admin_builds_kecamatan_desa_and_operator_through_pages(
        admin_kabupaten, host_client, operator_bisa_masuk):
    res = admin_kabupaten.submit("/admin/kecamatan", {"nama": "Klirong", "slug": "kec-klirong", "kode": "33.05.05"})
    assert res.status_code == 302
    assert "Kecamatan Klirong dibuat." in teks(admin_kabupaten.get("/admin/kecamatan"))

    res = admin_kabupaten.submit("/admin/desa/baru", {
        "kecamatan": "kec-klirong", "nama": "Klirong", "slug": "klirong", "kode": "33.05.05.2012",
        "jenis": "desa", "wa_operator": "0812-2700-0101"})
    assert res.status_code == 302
    operator_page = res.headers["Location"]
    assert re.fullmatch(r"/admin/desa/\d+/operator", operator_page)
    assert "klirong.kec-klirong.localhost" in teks(admin_kabupaten.get(operator_page))
    assert "Desa Klirong" in teks(host_client("klirong.kec-klirong.localhost").get("/"))
    assert "klirong.kec-klirong.localhost" in teks(admin_kabupaten.get("/"))  # the portal lists it

    res = admin_kabupaten.submit(operator_page, {"username": "operator", "nama": "Siti", "password": "rahasia-operator"})
    assert res.status_code == 302
    halaman = teks(admin_kabupaten.get(operator_page))
    assert "Operator operator dibuat." in halaman and "Siti" in halaman
    desa_id = int(operator_page.split("/")[3])
    desa = DesaRef(desa_id, "klirong", "klirong.kec-klirong.localhost", None)
    assert operator_bisa_masuk(desa, "operator", "rahasia-operator")


def test_bad_input_gets_a_message_and_changes_nothing(buat, admin_kabupaten, host_client):
    kec = buat.kecamatan("kec-klirong", "Klirong")
    res = admin_kabupaten.submit("/admin/kecamatan", {"nama": "X", "slug": "Bukan Slug", "kode": "33.01.01"})
    assert res.status_code == 422 and "Nama di alamat web hanya huruf kecil" in teks(res)
    res = admin_kabupaten.submit("/admin/kecamatan", {"nama": "Lagi", "slug": "kec-klirong", "kode": "33.09.09"})
    assert res.status_code == 409 and "sudah ada" in teks(res)
    res = admin_kabupaten.submit("/admin/kecamatan", {"nama": "", "slug": "kec-baru", "kode": "33.09.09"})
    assert res.status_code == 422 and "Wajib diisi." in teks(res)
    assert "kec-baru" not in teks(admin_kabupaten.get("/admin/kecamatan"))

    res = admin_kabupaten.submit("/admin/desa/baru", {
        "kecamatan": "kec-klirong", "nama": "Klirong", "slug": "klirong", "kode": "33.07.05.2012", "jenis": "desa"})
    assert res.status_code == 422 and "Kode desa harus kode Kemendagri di bawah" in teks(res)
    res = admin_kabupaten.submit("/admin/desa/baru", {
        "kecamatan": "kec-klirong", "nama": "Klirong", "slug": "klirong", "kode": kec[2] + ".2012",
        "jenis": "desa", "wa_operator": "12345"})
    assert res.status_code == 422 and "Nomor WhatsApp tidak valid" in teks(res)
    assert host_client("klirong.kec-klirong.localhost").get("/").status_code == 404

    desa = buat.desa("jogosimo", kecamatan=kec, nama="Jogosimo")
    res = admin_kabupaten.submit(f"/admin/desa/{desa.id}", {"nama": "Diganti", "wa_operator": "abc", "aktif": "y"})
    assert res.status_code == 422 and "Nomor WhatsApp tidak valid" in teks(res)
    assert "Desa Jogosimo" in teks(host_client(desa.host).get("/"))


def test_edit_desa_rename_and_deactivate_take_effect_at_once(buat, admin_kabupaten, host_client):
    desa = buat.desa("jogosimo", nama="Jogosimo")
    site = host_client(desa.host)
    assert "Desa Jogosimo" in teks(site.get("/"))  # the host map is warm now

    form = teks(admin_kabupaten.get(f"/admin/desa/{desa.id}"))
    assert 'value="Jogosimo"' in form and re.search(r'<input checked[^>]*name="aktif"', form)
    res = admin_kabupaten.submit(f"/admin/desa/{desa.id}", {
        "nama": "Jogosimo Baru", "wa_operator": "081227000102", "alamat_kantor": "Jl. Raya Jogosimo 1", "aktif": "y"})
    assert res.status_code == 302
    assert "Desa Jogosimo Baru" in teks(site.get("/"))
    halaman = teks(admin_kabupaten.get(f"/admin/desa/{desa.id}"))
    assert 'value="6281227000102"' in halaman and 'value="Jl. Raya Jogosimo 1"' in halaman

    res = admin_kabupaten.submit(f"/admin/desa/{desa.id}", {"nama": "Jogosimo Baru", "wa_operator": "", "alamat_kantor": ""})
    assert res.status_code == 302
    gone = site.get("/")
    assert gone.status_code == 403 and "Layanan desa sedang tidak aktif" in teks(gone)
    assert "nonaktif" in teks(admin_kabupaten.get("/admin/desa"))

    admin_kabupaten.submit(f"/admin/desa/{desa.id}", {"nama": "Jogosimo Baru", "aktif": "y"})
    assert site.get("/").status_code == 200


def test_extra_host_names_are_added_and_removed(buat, admin_kabupaten, host_client):
    desa = buat.desa("sidomulyo", nama="Sidomulyo")
    other = buat.desa("lain", nama="Lain")
    page = f"/admin/desa/{desa.id}"
    assert host_client("sidomulyo.desa.id").get("/").status_code == 404

    res = admin_kabupaten.submit(page, {"host": " Sidomulyo.Desa.ID. "}, action=f"{page}/host")
    assert res.status_code == 302
    assert "Desa Sidomulyo" in teks(host_client("sidomulyo.desa.id").get("/"))
    assert "Desa Sidomulyo" in teks(host_client("sidomulyo.desa.id:8080").get("/"))

    res = admin_kabupaten.submit(f"/admin/desa/{other.id}", {"host": "sidomulyo.desa.id"}, action=f"/admin/desa/{other.id}/host")
    assert res.status_code == 409 and "sudah dipakai" in teks(res)
    for bad, message in (("https://x.id/", "Nama host tidak valid"), ("desaonline.localhost", "alamat portal"),
                         (other.host, "alamat desa")):
        res = admin_kabupaten.submit(page, {"host": bad}, action=f"{page}/host")
        assert res.status_code in (409, 422) and message in teks(res), bad
    assert "Desa Lain" in teks(host_client(other.host).get("/"))

    html = teks(admin_kabupaten.get(page))
    hapus = re.search(r'action="(/admin/desa/\d+/host/\d+/hapus)"', html).group(1)
    assert admin_kabupaten.submit(page, {}, action=hapus).status_code == 302
    assert host_client("sidomulyo.desa.id").get("/").status_code == 404
    assert "Belum ada." in teks(admin_kabupaten.get(page))


def test_operator_password_reset_and_deactivation(app, buat, admin_kabupaten, operator_bisa_masuk):
    desa = buat.desa()
    buat.operator(desa, "operator", "sandi-lama-123")
    op = operator_id(app, desa, "operator")
    page = f"/admin/desa/{desa.id}/operator/{op}"
    assert "Reset Kata Sandi" in teks(admin_kabupaten.get(page))

    res = admin_kabupaten.submit(page, {"password_baru": "pendek"}, action=f"{page}/sandi")
    assert res.status_code == 422 and "Kata sandi minimal 8 karakter." in teks(res)
    assert operator_bisa_masuk(desa, "operator", "sandi-lama-123")

    assert admin_kabupaten.submit(page, {"password_baru": "sandi-baru-456"}, action=f"{page}/sandi").status_code == 302
    assert not operator_bisa_masuk(desa, "operator", "sandi-lama-123")
    assert operator_bisa_masuk(desa, "operator", "sandi-baru-456")

    res = admin_kabupaten.submit(page, {"aktif": "0"}, action=f"{page}/aktif")
    assert res.status_code == 302
    assert "Nonaktif" in teks(admin_kabupaten.get(f"/admin/desa/{desa.id}/operator"))
    assert not operator_bisa_masuk(desa, "operator", "sandi-baru-456")
    admin_kabupaten.submit(page, {"aktif": "1"}, action=f"{page}/aktif")
    assert operator_bisa_masuk(desa, "operator", "sandi-baru-456")

    res = admin_kabupaten.submit(f"/admin/desa/{desa.id}/operator", {"username": "operator", "password": "rahasia-123"})
    assert res.status_code == 409 and "sudah ada di desa ini" in teks(res)
