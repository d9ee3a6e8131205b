"""Schemathesis over the whole OpenAPI document (issue 10): every operation, as anonymous,
resident, operator and admin, on a desa host and on the portal, against the WSGI app
seeded with a desa, its operator, a resident with a family and letters.

Checks: no server error, responses (errors included) match their documented schema
and content type, and every status answered is documented. Examples are bounded and
derandomised so the run is the same every time and stays within a few minutes; the
document is read the way a client reads it, from the host that asked for it.
"""
import os
from collections import defaultdict
from types import SimpleNamespace

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,  # noqa: E402
                                               status_code_conformance)

DESA, PORTAL = "desa", "portal"
PERAN = ("anonim", "penduduk", "operator", "admin")
# Examples per operation: more where a role meets its own host (its endpoints answer
# beyond 401/403/404 there). ``SCHEMATHESIS_CONTOH`` scales both for a longer run.
CONTOH = int(os.environ.get("SCHEMATHESIS_CONTOH", "6"))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance, status_code_conformance]


@pytest.fixture
def dunia(app):
    """One desa as a client meets it; accounts whose tokens are minted per request."""
    from tests.conftest import Factory, HostClient
    buat = Factory(app)
    desa = buat.desa("klirong", kecamatan=buat.kecamatan("kec-klirong", "Klirong"), nama="Klirong")
    op_user, op_pass = buat.operator(desa)
    admin_user, admin_pass = buat.admin()
    kepala = buat.penduduk(desa, nik="3305051703850001", no_kk="3305050101200001", nama="SUGENG RIYADI")
    buat.penduduk(desa, nik="3305055208880002", no_kk=kepala.no_kk, nama="SITI MARYAM",
                  tanggal_lahir="1988-08-12", jenis_kelamin="P", hubungan_keluarga="ISTRI")
    web = HostClient(app, desa.host)
    op = web.post("/api/v1/operator/login", json={"username": op_user, "password": op_pass}).get_json()["token"]
    assert web.api("post", "/api/v1/operator/pejabat", op, json={
        "nama": "Sugeng Riyadi", "jabatan": "Kepala Desa Klirong", "kepala_desa": True}).status_code == 201
    token = web.post("/api/v1/mandiri/login", json={"nik": kepala.nik, "pin": kepala.pin,
                                                    "no_kk": kepala.no_kk}).get_json()["token"]
    assert web.api("post", "/api/v1/mandiri/ganti-pin", token,
                   json={"pin_lama": kepala.pin, "pin_baru": "482915"}).status_code == 204
    for i, ajukan in enumerate((False, True, True)):
        r = web.api("post", "/api/v1/mandiri/surat", token, json={
            "jenis": "surat_ket_pengantar", "keperluan": f"Keperluan {i}", "keterangan": None})
        assert r.status_code == 201, r.get_json()
        if ajukan:
            assert web.api("post", f"/api/v1/mandiri/surat/{r.get_json()['id']}/ajukan", token).status_code == 200
    from desaonline.admin.models import Admin
    from desaonline.extensions import db
    from desaonline.operator.models import Operator
    from desaonline.penduduk.models import Penduduk
    from tenants import desa_scope
    with app.app_context():
        with desa_scope(desa.id):
            ids = {"penduduk": db.session.get(Penduduk, kepala.id).id,
                   "operator": db.session.scalars(db.select(Operator.id)).one()}
        ids["admin"] = db.session.scalars(db.select(Admin.id).where(Admin.username == admin_user)).one()
    return SimpleNamespace(desa=desa, ids=ids, hosts={DESA: desa.host, PORTAL: "desaonline.localhost"})


def _token(app, dunia, peran):
    """A fresh API token (no login, no argon2): a case that logs out must not spoil the next."""
    if peran == "anonim":
        return None
    from flask import g

    from desaonline.admin.models import Admin
    from desaonline.auth.sessions import issue
    from desaonline.extensions import db
    from desaonline.operator.models import Operator
    from desaonline.penduduk.models import Penduduk
    from tenants import desa_scope
    model = {"penduduk": Penduduk, "operator": Operator, "admin": Admin}[peran]
    desa_id = None if peran == "admin" else dunia.desa.id
    with app.test_request_context(), desa_scope(desa_id):
        g.desa = SimpleNamespace(id=desa_id) if desa_id else None
        return issue(db.session.get(model, dunia.ids[peran]), "api")


def _sendiri(peran, host):
    return (peran in ("penduduk", "operator") and host == DESA) or (peran == "admin" and host == PORTAL) \
        or peran == "anonim"


@pytest.mark.parametrize("host", [DESA, PORTAL])
@pytest.mark.parametrize("peran", PERAN)
def test_the_whole_api_against_its_document(app, dunia, peran, host):
    alamat = dunia.hosts[host]
    dokumen = app.test_client().get("/api/v1/openapi.json", base_url=f"http://{alamat}").get_json()
    assert dokumen["servers"][0]["url"] == f"http://{alamat}"  # names the host that asked
    schema = schemathesis.openapi.from_dict(dokumen)
    contoh = CONTOH if _sendiri(peran, host) else max(2, CONTOH // 3)
    gagal, dipanggil = defaultdict(list), defaultdict(int)

    operasi_semua = [hasil.ok() for hasil in schema.get_all_operations()]
    for operasi in operasi_semua:

        @settings(max_examples=contoh, deadline=None, derandomize=True, database=None,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=operasi.as_strategy())
        def uji(case):
            dipanggil[f"{operasi.method.upper()} {operasi.path}"] += 1
            token = _token(app, dunia, peran)
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            try:
                case.call_and_validate(app=app, base_url=f"http://{alamat}", headers=headers, checks=CHECKS)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as err:  # noqa: BLE001  (collected: one report for the whole API)
                for satu in getattr(err, "exceptions", [err]):
                    gagal[f"{operasi.method.upper()} {operasi.path}"].append(" ".join(str(satu).split())[:400])

        uji()
    assert len(operasi_semua) >= 40 and len(dipanggil) == len(operasi_semua)  # every operation was called
    assert not gagal, "\n".join(f"{op}: {len(e)}x {sorted(set(e))[:3]}" for op, e in sorted(gagal.items()))
