"""``flask --app wsgi admin create``: kabupaten and kecamatan admins from the shell."""
import click
from flask.cli import with_appcontext

from desaonline.admin.layanan import buat_admin
from desaonline.errors import Penolakan


@click.group("admin", help="Kelola admin kabupaten dan kecamatan.")
def admin_cli():
    pass


@admin_cli.command("create")
@click.option("--username", required=True)
@click.option("--password", required=True)
@click.option("--kecamatan", "kecamatan_slug", default=None, help="Slug kecamatan: admin kecamatan itu saja.")
@with_appcontext
def create(username, password, kecamatan_slug):
    """Create a kabupaten admin, or a kecamatan admin with --kecamatan."""
    try:
        admin = buat_admin(username, password, kecamatan_slug)
    except Penolakan as err:
        raise click.ClickException(err.pesan) from err
    wilayah = f"kecamatan {kecamatan_slug}" if kecamatan_slug else "kabupaten"
    click.echo(f"Admin {admin.username} ({wilayah}) dibuat.")
