"""``flask --app wsgi admin create`` and ``flask --app wsgi demo``, run as the CLI runs them."""
import re

import pytest
from sqlalchemy import func, select

from desaonline import demo
from desaonline.admin.models import Admin
from desaonline.extensions import db
from desaonline.operator.models import Operator
from tenants import tanpa_scope
from tenants.models import Desa, Kecamatan
from tests.admin.conftest import masuk
from tests.conftest import DesaRef


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=list(args))


def test_admin_create_kabupaten_admin_who_can_log_in(cli, portal):
    result = cli("admin", "create", "--username", "bupati", "--password", "rahasia-bupati")
    assert result.exit_code == 0, result.output
    assert "Admin bupati (kabupaten) dibuat." in result.output
    assert masuk(portal, "bupati", "rahasia-bupati").status_code == 302
    assert "Dasbor Kabupaten Kebumen" in portal.get("/admin/").get_data(as_text=True)


def test_admin_create_kecamatan_admin(cli, buat, portal):
    buat.kecamatan("kec-klirong", "Klirong")
    result = cli("admin", "create", "--username", "camat-klirong", "--password", "rahasia-camat", "--kecamatan", "kec-klirong")
    assert result.exit_code == 0, result.output
    assert "(kecamatan kec-klirong)" in result.output
    assert masuk(portal, "camat-klirong", "rahasia-camat").status_code == 302
    assert "Dasbor Kecamatan Klirong" in portal.get("/admin/").get_data(as_text=True)
    assert portal.get("/admin/kecamatan").status_code == 403


@pytest.mark.parametrize("args, message", [
    (["--username", "a", "--password", "rahasia-123"], "Nama pengguna 3-64 karakter"),
    (["--username", "pendek", "--password", "1234567"], "Kata sandi minimal 8 karakter."),
    (["--username", "camat", "--password", "rahasia-123", "--kecamatan", "kec-tidak-ada"], "Kecamatan 'kec-tidak-ada' tidak ditemukan."),
    (["--username", "admin-lama", "--password", "rahasia-123"], "Nama pengguna 'admin-lama' sudah dipakai."),
    (["--username", "tanpa-sandi"], "Missing option '--password'"),
])
def test_admin_create_refuses_bad_input_with_a_message(app, cli, buat, args, message):
    buat.admin("admin-lama")
    result = cli("admin", "create", *args)
    assert result.exit_code != 0
    assert message in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Admin)) == 1


def _hitung(app):
    with app.app_context(), tanpa_scope():
        return {model.__name__: db.session.scalar(select(func.count()).select_from(model))
                for model in (Kecamatan, Desa, Operator, Admin)}


def test_demo_is_idempotent_and_prints_every_login(app, cli, host_client, monkeypatch, operator_bisa_masuk):
    first = cli("demo")
    assert first.exit_code == 0, first.output
    counts = _hitung(app)
    assert counts["Kecamatan"] >= 3 and counts["Desa"] >= 6 and counts["Operator"] >= counts["Desa"]

    second = cli("demo")
    assert second.exit_code == 0, second.output
    assert _hitung(app) == counts
    # the second run creates nothing new, and still prints every login (a login line has "x / y")
    assert set(second.output.splitlines()) <= set(first.output.splitlines())
    logins = [line for line in first.output.splitlines() if re.search(r"\S / \S", line)]
    assert logins and all(line in second.output.splitlines() for line in logins)

    site = host_client("klirong.kec-klirong.localhost")
    assert "Desa Klirong" in site.get("/").get_data(as_text=True)

    # every desa's operator login is printed, and works
    operator_lines = re.findall(r"http://([a-z0-9.-]+):\d+/\s+operator: (\S+) / (\S+)", first.output)
    assert len(operator_lines) == counts["Desa"]
    with app.app_context():
        desa_by_host = {d.host("localhost"): d.id for d in db.session.scalars(select(Desa))}
    for host, username, password in operator_lines:
        desa = DesaRef(desa_by_host[host], host.split(".")[0], host, None)
        assert operator_bisa_masuk(desa, username, password), host

    # the residents' logins printed under each desa work on that desa's site
    host, warga = None, 0
    for line in first.output.splitlines():
        if found := re.search(r"http://([a-z0-9.-]+):\d+/\s+operator:", line):
            host = found.group(1)
        elif found := re.search(r"NIK (\d{16}) / PIN (\d{8}) \(tanggal lahir\) / Nomor KK (\d{16})", line):
            res = host_client(host).post("/api/v1/mandiri/login", json={
                "nik": found.group(1), "pin": found.group(2), "no_kk": found.group(3)})
            assert res.status_code == 200, (host, line, res.get_json())
            warga += 1
    assert warga >= counts["Desa"]

    # both admin logins are printed, and work
    admin_lines = re.findall(r"admin (kabupaten|kecamatan \S+): (\S+) / (\S+)", first.output)
    assert {wilayah.split()[0] for wilayah, _, _ in admin_lines} == {"kabupaten", "kecamatan"}
    for _, username, password in admin_lines:
        client = host_client("desaonline.localhost")
        assert masuk(client, username, password).status_code == 302, username
