"""``flask --app wsgi demo``: idempotent demo data for Kabupaten Kebumen.

Creates the kabupaten, three kecamatan with desa, an operator per desa and admins,
then lets each feature add its part (residents, signatories, certificates) through
its ``seed_demo(desa)`` (inside the desa's scope; it returns the lines to print).
Running it again changes nothing.
"""
import importlib
import os

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from desaonline.admin.models import Admin
from desaonline.admin.layanan import buat_admin, buat_operator, kabupaten_utama
from desaonline.extensions import db
from desaonline.operator.models import Operator
from tenants import desa_scope
from tenants.models import Desa, Kecamatan

WILAYAH = [
    ("kec-klirong", "Klirong", "33.05.05", [
        ("klirong", "Klirong", "33.05.05.2012", "081227000101"),
        ("jogosimo", "Jogosimo", "33.05.05.2001", "081227000102"),
    ]),
    ("kec-petanahan", "Petanahan", "33.05.04", [
        ("karangrejo", "Karangrejo", "33.05.04.2003", "081227000201"),
        ("tegalretno", "Tegalretno", "33.05.04.2007", "081227000202"),
    ]),
    ("kec-kebumen", "Kebumen", "33.05.12", [
        ("jatisari", "Jatisari", "33.05.12.2001", "081227000301"),
        ("panjer", "Panjer", "33.05.12.1004", "081227000302"),
    ]),
]

# Seeders of the features that own the data, in dependency order.
FEATURE_SEEDERS = ("desaonline.penduduk.demo", "desaonline.surat.demo", "desaonline.signing.demo")


def _get_or_create(model, where, **values):
    obj = db.session.scalar(select(model).filter_by(**where))
    if obj is None:
        obj = model(**where, **values)
        db.session.add(obj)
        db.session.flush()
    return obj


def seed():
    """Build the demo; returns the lines that tell a person how to log in."""
    current_app.config.setdefault("KABUPATEN_NAMA", "Kabupaten Kebumen")
    kab = kabupaten_utama()
    kab.nama, kab.kode = "Kabupaten Kebumen", "33.05"
    laporan = []
    base = current_app.config["BASE_DOMAIN"]
    port = os.environ.get("PORT", "5000")  # `make run PORT=...` serves there
    for kec_slug, kec_nama, kec_kode, daftar_desa in WILAYAH:
        kec = _get_or_create(Kecamatan, {"slug": kec_slug}, nama=kec_nama, kode=kec_kode, kabupaten=kab)
        for slug, nama, kode, wa in daftar_desa:
            jenis = "kelurahan" if kode.split(".")[-1].startswith("1") else "desa"
            desa = _get_or_create(Desa, {"kode": kode}, slug=slug, nama=nama, kecamatan=kec, jenis=jenis,
                                  wa_operator="62" + wa[1:], alamat_kantor=f"Jl. Raya {nama} No. 1")
            db.session.commit()
            password = f"operator-{slug}"
            with desa_scope(desa.id):
                if db.session.scalar(select(Operator).where(Operator.username == "operator")) is None:
                    buat_operator(desa, "operator", password, nama=f"Operator {nama}")
            laporan.append(f"Desa {nama}: http://{desa.host(base)}:{port}/  operator: operator / {password}")
            for module in FEATURE_SEEDERS:
                with desa_scope(desa.id):
                    lines = importlib.import_module(module).seed_demo(desa) or []
                    db.session.commit()
                laporan.extend(f"  {line}" for line in lines)
    for username, password, kec in (("admin", "admin-kebumen", None), ("admin-klirong", "admin-klirong", "kec-klirong")):
        admin = db.session.scalar(select(Admin).where(Admin.username == username))
        if admin is None:
            buat_admin(username, password, kec)
        wilayah = f"kecamatan {kec}" if kec else "kabupaten"
        laporan.append(f"Portal http://desaonline.{base}:{port}/admin/masuk  admin {wilayah}: {username} / {password}")
    db.session.commit()
    current_app.extensions["desaonline.hostmap"].clear()
    return laporan


@click.command("demo", help="Isi data demo Kabupaten Kebumen (aman dijalankan berulang).")
@with_appcontext
def demo_command():
    for line in seed():
        click.echo(line)
