"""A kecamatan admin sees and touches only the desa of its own kecamatan."""
import pytest

from tests.admin.conftest import masuk, operator_id


def teks(res):
    return res.get_data(as_text=True)


@pytest.fixture
def wilayah(app, buat, portal):
    mine, other = buat.kecamatan("kec-mine", "Milikku"), buat.kecamatan("kec-other", "Lainnya")
    desa_mine = buat.desa("sendiri", kecamatan=mine, nama="Sendiri")
    desa_other = buat.desa("tetangga", kecamatan=other, nama="Tetangga")
    buat.operator(desa_mine, "op-mine", "rahasia-mine")
    buat.operator(desa_other, "op-other", "rahasia-other")
    username, password = buat.admin("camat", kecamatan_slug="kec-mine")
    assert masuk(portal, username, password).status_code == 302
    return {"mine": desa_mine, "other": desa_other, "mine_kec": mine, "other_kec": other,
            "op_mine": operator_id(app, desa_mine, "op-mine"), "op_other": operator_id(app, desa_other, "op-other")}


def test_dashboard_and_lists_show_only_its_kecamatan(portal, wilayah, surat_desa):
    from desaonline.waktu import sekarang
    surat_desa(wilayah["other"], "diajukan", 4, diajukan=sekarang())
    dasbor = teks(portal.get("/admin/"))
    assert "Dasbor Kecamatan Milikku" in dasbor
    assert "Sendiri" in dasbor and "Tetangga" not in dasbor
    assert '<dd data-angka="jumlah">0</dd>' in dasbor
    assert portal.get("/admin/?kecamatan=kec-other").status_code == 404
    assert portal.get(f"/admin/?desa={wilayah['other'].id}").status_code == 404
    assert "Tetangga" not in teks(portal.get("/admin/?kecamatan=kec-other&format=csv&tabel=wilayah"))
    daftar = teks(portal.get("/admin/desa"))
    assert "Sendiri" in daftar and "Tetangga" not in daftar
    assert 'href="/admin/kecamatan"' not in dasbor  # the menu offers no kecamatan page


def test_another_kecamatans_desa_pages_are_not_found(portal, wilayah):
    other, op = wilayah["other"].id, wilayah["op_other"]
    for path in (f"/admin/desa/{other}", f"/admin/desa/{other}/operator", f"/admin/desa/{other}/operator/{op}"):
        assert portal.get(path).status_code == 404, path
    # an operator of another desa, reached through the admin's own desa, is not found either
    assert portal.get(f"/admin/desa/{wilayah['mine'].id}/operator/{op}").status_code == 404
    assert portal.get(f"/admin/desa/{wilayah['mine'].id}/operator/{wilayah['op_mine']}").status_code == 200


def test_another_kecamatans_desa_cannot_be_changed(portal, wilayah, host_client, operator_bisa_masuk):
    other, op = wilayah["other"], wilayah["op_other"]
    own_page = f"/admin/desa/{wilayah['mine'].id}"  # a page of its own, for a valid CSRF token
    attempts = [
        (f"/admin/desa/{other.id}", {"nama": "Direbut", "aktif": ""}),
        (f"/admin/desa/{other.id}/host", {"host": "direbut.desa.id"}),
        (f"/admin/desa/{other.id}/operator", {"username": "penyusup", "password": "rahasia-123"}),
        (f"/admin/desa/{other.id}/operator/{op}/sandi", {"password_baru": "diambil-alih"}),
        (f"/admin/desa/{other.id}/operator/{op}/aktif", {"aktif": "0"}),
        (f"/admin/desa/{wilayah['mine'].id}/operator/{op}/sandi", {"password_baru": "diambil-alih"}),
    ]
    for action, data in attempts:
        assert portal.submit(own_page, data, action=action).status_code == 404, action

    assert "Desa Tetangga" in teks(host_client(other.host).get("/"))
    assert host_client("direbut.desa.id").get("/").status_code == 404
    assert operator_bisa_masuk(other, "op-other", "rahasia-other")
    assert not operator_bisa_masuk(other, "penyusup", "rahasia-123")


def test_kecamatan_pages_and_desa_elsewhere_are_refused(portal, wilayah, host_client):
    assert portal.get("/admin/kecamatan").status_code == 403
    res = portal.submit("/admin/desa/baru", {"nama": "X", "slug": "kec-x", "kode": "33.09.09"}, action="/admin/kecamatan")
    assert res.status_code == 403

    form = teks(portal.get("/admin/desa/baru"))
    assert 'value="kec-mine"' in form and 'value="kec-other"' not in form
    res = portal.submit("/admin/desa/baru", {
        "kecamatan": "kec-other", "nama": "Selundupan", "slug": "selundupan",
        "kode": wilayah["other_kec"][2] + ".2999", "jenis": "desa"})
    assert res.status_code == 422 and "Pilih kecamatan dari daftar" in teks(res)
    assert host_client("selundupan.kec-other.localhost").get("/").status_code == 404

    # in its own kecamatan it may
    res = portal.submit("/admin/desa/baru", {
        "kecamatan": "kec-mine", "nama": "Baru", "slug": "baru", "kode": wilayah["mine_kec"][2] + ".2998", "jenis": "desa"})
    assert res.status_code == 302, teks(res)
    assert "Desa Baru" in teks(host_client("baru.kec-mine.localhost").get("/"))
