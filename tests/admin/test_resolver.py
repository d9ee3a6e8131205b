"""Finding the desa for a host costs no SQL once the host map is warm (but one read of the
change signal a second), for 3 desa or 460."""
import traceback
from contextlib import contextmanager

from sqlalchemy import event, insert

from desaonline.extensions import db
from tenants.models import Desa, Kecamatan


@contextmanager
def sql_log(app):
    """Every SQL statement sent while inside, with whether the resolver sent it."""
    statements = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        from_resolver = any(frame.filename.endswith("tenants/resolver.py") for frame in traceback.extract_stack())
        statements.append((statement, from_resolver))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before_cursor_execute)


def resolver_sql(statements):
    return [s for s, from_resolver in statements if from_resolver]


def test_warm_requests_cost_the_resolver_no_query(app, buat, host_client, jam):
    desa = buat.desa("klirong", nama="Klirong")
    buat.desa("jogosimo")
    site = host_client(desa.host)
    with sql_log(app) as cold:
        assert site.get("/").status_code == 200
    assert len(resolver_sql(cold)) == 2  # the change signal, then the whole host map in one query

    with sql_log(app) as warm:
        for _ in range(25):
            assert "Desa Klirong" in site.get("/").get_data(as_text=True)
            assert host_client("lain.kec-x.localhost").get("/").status_code == 404  # unknown hosts too
    assert len(resolver_sql(warm)) == 1  # the unknown host's first miss asked the signal, once

    jam.maju(1.1)  # a second later: one read of the signal, no reload (nothing changed)
    with sql_log(app) as later:
        for _ in range(25):
            assert site.get("/").status_code == 200
    assert len(resolver_sql(later)) == 1 and "tenant_versi" in resolver_sql(later)[0]


def test_460_desa_load_in_one_query_and_then_none(app, host_client, jam):
    from desaonline.admin.layanan import kabupaten_utama
    with app.app_context():
        kab_id = kabupaten_utama().id
        db.session.execute(insert(Kecamatan), [
            {"kabupaten_id": kab_id, "slug": f"kec-{k}", "kode": f"33.90.{k:02d}", "nama": f"Kecamatan {k}"}
            for k in range(26)])
        kec_id = {slug: id_ for id_, slug in db.session.query(Kecamatan.id, Kecamatan.slug)}
        db.session.execute(insert(Desa), [
            {"kecamatan_id": kec_id[f"kec-{n % 26}"], "slug": f"desa-{n}", "kode": f"33.90.{n % 26:02d}.{2000 + n}",
             "nama": f"Uji {n:03d}", "jenis": "desa", "aktif": True}
            for n in range(460)])
        db.session.commit()
        app.extensions["desaonline.hostmap"].clear()

    sample = range(0, 460, 23)
    with sql_log(app) as statements:
        for n in list(sample) * 2:
            page = host_client(f"desa-{n}.kec-{n % 26}.localhost").get("/")
            assert page.status_code == 200 and f"Desa Uji {n:03d}" in page.get_data(as_text=True)
    assert len(resolver_sql(statements)) == 2  # the change signal and the map
