"""The audit log: every change by an admin or an operator, who, what, when, which desa, from
which address; nothing else is recorded; a camat reads its own kecamatan's; nobody edits it."""
import pytest

from tests.admin.conftest import masuk
from tests.test_admin_api import login

ALAMAT = {"REMOTE_ADDR": "10.20.30.40"}


def _catatan(portal, token, **saring):
    query = "&".join(f"{k}={v}" for k, v in saring.items())
    res = portal.api("get", f"/api/v1/admin/audit?{query}", token)
    assert res.status_code == 200, res.get_json()
    return res.get_json()


def test_admin_changes_are_recorded_with_who_what_which_desa_and_address(buat, portal):
    klirong = buat.kecamatan("kec-klirong", "Klirong")
    token = login(portal, *buat.admin("kab"))
    assert _catatan(portal, token) == []          # a login is not a change
    res = portal.api("post", "/api/v1/admin/desa", token, environ_base=ALAMAT, json={
        "kecamatan": "kec-klirong", "slug": "klirong", "nama": "Klirong", "kode": klirong[2] + ".2012"})
    desa_id = res.get_json()["id"]
    portal.api("patch", f"/api/v1/admin/desa/{desa_id}", token, environ_base=ALAMAT, json={"nama": "Klirong Raya"})
    assert portal.api("patch", f"/api/v1/admin/desa/{desa_id}", token, json={"wa_operator": "x"}).status_code == 422
    portal.api("get", "/api/v1/admin/desa", token)                     # a read is not a change
    portal.api("post", f"/api/v1/admin/desa/{desa_id}/operator", token,
               json={"username": "operator", "password": "rahasia-operator"})

    catatan = _catatan(portal, token)
    assert [c["uraian"] for c in catatan] == ["Membuat operator", "Mengubah data desa", "Membuat desa"]
    ubah = catatan[1]
    assert (ubah["aktor_jenis"], ubah["aktor_nama"], ubah["peran"]) == ("admin", "kab", "kabupaten")
    assert (ubah["desa_id"], ubah["desa_nama"], ubah["alamat"]) == (desa_id, "Desa Klirong Raya", "10.20.30.40")
    assert (ubah["metode"], ubah["jalur"], ubah["aksi"]) == ("PATCH", f"/api/v1/admin/desa/{desa_id}", "admin_api.desa_ubah")
    assert catatan[2]["desa_id"] == desa_id          # the new desa, found among the rows written
    assert "rahasia-operator" not in str(catatan)    # never what was typed

    masuk(portal, "kab", "rahasia-admin")
    portal.submit("/admin/kecamatan", {"nama": "Petanahan", "slug": "kec-petanahan", "kode": "33.05.04"})
    html = portal.get("/admin/audit").get_data(as_text=True)
    assert "Membuat kecamatan" in html and "Mengubah data desa" in html and "10.20.30.40" in html
    assert 'data-total="4"' in html


def test_operator_changes_are_recorded_in_their_desa_and_searches_are_not(buat, portal, host_client):
    desa = buat.desa("klirong", kecamatan=buat.kecamatan("kec-klirong", "Klirong"))
    buat.operator(desa, "operator", "rahasia-operator")
    situs = host_client(desa.host)
    op = situs.post("/api/v1/operator/login", json={"username": "operator", "password": "rahasia-operator"}).get_json()["token"]
    assert situs.api("post", "/api/v1/operator/pejabat", op, environ_base=ALAMAT,
                     json={"nama": "Sugeng", "jabatan": "Kepala Desa", "nip": None, "kepala_desa": True}).status_code == 201
    situs.api("post", "/api/v1/operator/penduduk/cari", op, json={"q": "SU"})      # a search sent by POST
    web = host_client(desa.host)
    web.submit("/operator/masuk", {"username": "operator", "password": "rahasia-operator"})
    web.submit("/operator/pengaturan/pejabat", {"nama": "Rina", "jabatan": "Sekretaris Desa", "atas_nama": "a.n."})

    token = login(portal, *buat.admin("kab"))
    catatan = _catatan(portal, token, peran="operator")
    assert [c["uraian"] for c in catatan] == ["Menambah penandatangan", "Menambah penandatangan"]
    assert all((c["aktor_nama"], c["desa_id"], c["aktor_jenis"]) == ("operator", desa.id, "operator") for c in catatan)
    assert catatan[1]["alamat"] == "10.20.30.40" and catatan[0]["metode"] == "POST"
    assert _catatan(portal, token, aktor="oper", desa=desa.id) == catatan
    assert _catatan(portal, token, peran="kabupaten") == []


def test_a_camat_reads_only_its_kecamatan(buat, portal):
    mine, other = buat.kecamatan("kec-mine", "Milikku"), buat.kecamatan("kec-other", "Lainnya")
    desa_mine, desa_other = buat.desa("sendiri", kecamatan=mine), buat.desa("tetangga", kecamatan=other)
    kab = login(portal, *buat.admin("kab"))
    for d in (desa_mine, desa_other):
        portal.api("patch", f"/api/v1/admin/desa/{d.id}", kab, json={"alamat_kantor": "Jl. Balai Desa"})
    camat = login(portal, *buat.admin("camat", kecamatan_slug="kec-mine"))
    portal.api("post", f"/api/v1/admin/desa/{desa_mine.id}/host", camat, json={"host": "sendiri.desa.id"})
    lihat = _catatan(portal, camat)
    assert {c["desa_id"] for c in lihat} == {desa_mine.id} and len(lihat) == 2
    assert _catatan(portal, camat, desa=desa_other.id) == []
    assert len(_catatan(portal, kab)) == 3
    masuk(portal, "camat", "rahasia-admin")
    html = portal.get("/admin/audit").get_data(as_text=True)
    assert "Tetangga" not in html and 'data-total="2"' in html


def test_filters_by_day_and_pages(buat, portal):
    kec = buat.kecamatan("kec-klirong", "Klirong")
    desa = buat.desa("klirong", kecamatan=kec)
    token = login(portal, *buat.admin("kab"))
    for n in range(3):
        portal.api("patch", f"/api/v1/admin/desa/{desa.id}", token, json={"alamat_kantor": f"Jl. {n}"})
    res = portal.api("get", "/api/v1/admin/audit?per_halaman=2", token)
    assert res.headers["X-Total-Count"] == "3" and len(res.get_json()) == 2 and 'rel="next"' in res.headers["Link"]
    assert _catatan(portal, token, dari="2020-01-01", sampai="2020-12-31") == []
    assert portal.api("get", "/api/v1/admin/audit?peran=raja", token).status_code == 422
    assert portal.api("get", "/api/v1/admin/audit?dari=kemarin", token).status_code == 422


def test_nobody_can_change_the_log(app, buat, portal):
    desa = buat.desa()
    token = login(portal, *buat.admin("kab"))
    portal.api("patch", f"/api/v1/admin/desa/{desa.id}", token, json={"alamat_kantor": "Jl. Lama"})
    # no URL changes a record
    for rule in app.url_map.iter_rules():
        if "audit" in rule.rule:
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule
    assert portal.api("delete", "/api/v1/admin/audit", token).status_code == 405

    from sqlalchemy import text

    from desaonline.extensions import db
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("the database refuses changes on PostgreSQL (a trigger)")
        for perintah in ("UPDATE catatan_audit SET aktor_nama = 'orang lain'", "DELETE FROM catatan_audit",
                         "TRUNCATE catatan_audit"):
            with pytest.raises(Exception, match="tidak dapat diubah atau dihapus"):
                db.session.execute(text(perintah))
            db.session.rollback()
        assert db.session.execute(text("SELECT aktor_nama FROM catatan_audit")).scalars().all() == ["kab"]
