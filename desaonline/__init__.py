"""desaonline: Layanan Mandiri for every desa of a kabupaten, from one Flask deployment."""
from apiflask import APIFlask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from config import INSTANCE, ROOT, get_config

from desaonline import basisdata, errors, penyimpanan
from desaonline.extensions import celery_init_app, csrf, db, migrate, pasang_limiter, pasang_login_dan_csrf
from desaonline.penyedia_json import PenyediaJson


def create_app(config_name=None, overrides=None):
    """The app factory: one app serves the portal and every desa, chosen by host."""
    config = get_config(config_name)
    app = APIFlask(
        __name__, title="desaonline API", version="1.0.0",
        spec_path="/api/v1/openapi.json", docs_path=None,  # no docs UI: it would load from a CDN
        json_errors=False, template_folder=str(ROOT / "templates"), instance_path=str(INSTANCE),
    )
    app.json = PenyediaJson(app)
    app.config.from_object(config)
    app.config.update(overrides or {})
    config.init(app)

    if app.config["PROXY_FIX"]:
        # Behind the kabupaten's reverse proxy the desa is in X-Forwarded-Host.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    from desaonline import models  # noqa: F401  (the whole schema, before anything queries)
    db.init_app(app)
    basisdata.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    pasang_login_dan_csrf(app)
    pasang_limiter(app)
    celery_init_app(app)
    penyimpanan.init_app(app)

    # Tenancy first: every later before_request already knows its desa.
    from tenants import resolver
    resolver.init_app(app)
    errors.init_app(app)
    # Before the blueprints: their <int:...> routes take the bounded converter.
    from desaonline import audit, batas, keamanan, openapi
    batas.init_app(app)
    openapi.init_app(app)
    keamanan.init_app(app)
    audit.init_app(app)

    _register_blueprints(app)
    _register_commands(app)
    _register_template_helpers(app)
    return app


def _register_blueprints(app):
    from desaonline import admin, mandiri, operator, penduduk, portal, signing, surat, verifikasi
    for feature in (portal, admin, operator, penduduk, mandiri, surat, signing, verifikasi):
        for bp in feature.blueprints():
            if not hasattr(bp, "enable_openapi"):
                bp.enable_openapi = False  # HTML pages stay out of the OpenAPI document
            app.register_blueprint(bp)
            if bp.name.endswith("_api"):
                csrf.exempt(bp)  # bearer tokens, not cookies: no CSRF to defend against


def _register_commands(app):
    from desaonline.admin.cli import admin_cli
    from desaonline.demo import demo_command
    app.cli.add_command(admin_cli)
    app.cli.add_command(demo_command)


def _register_template_helpers(app):
    from desaonline import templating
    templating.init_app(app)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    # SQLite is the development default: enforce foreign keys and let the web
    # process and the worker write without "database is locked".
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        # With WAL, NORMAL syncs at checkpoints instead of every commit: safe against
        # a crashed process, a power cut may lose only the last commits (SQLite's
        # own advice for WAL; production runs on PostgreSQL).
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
