"""Flask extensions, created unbound and attached in the app factory."""
from celery import Celery, Task
from flask import request
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from datetime import datetime
from functools import wraps

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase, registry

from desaonline.blueprints import permintaan_api
from desaonline.waktu import WaktuUTC


def client_address():
    return request.remote_addr or "unknown"


class Base(DeclarativeBase):
    registry = registry(
        # Explicit constraint names keep Alembic's batch mode (SQLite) and PostgreSQL in step.
        metadata=MetaData(naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }),
        # One UTC column type for every timestamp (desaonline.waktu).
        type_annotation_map={datetime: WaktuUTC},
    )


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=client_address, default_limits=[])
# Views a limit is attached to (``dibatasi``), by qualified name. Flask-Limiter checks a
# view's limits in the view's own wrapper; its per-request hooks serve default and
# application limits, of which there are none, and cost about a sixth of a resident's
# API call, so they run only for these views (``pasang_limiter``).
_DIBATASI = set()


def _nama_view(view):
    return f"{view.__module__}.{view.__qualname__}"


def dibatasi(batas):
    """``batas`` (a ``limiter.limit``/``shared_limit``) as a view decorator; the only way a
    limit is attached here (the app has no default or application limits)."""
    def decorator(view):
        _DIBATASI.add(_nama_view(view))
        return batas(view)
    return decorator


def _pasang_bila(app, pasang, syarat):
    """``pasang(app)`` (an extension's ``init_app``), the request hooks it adds run only
    while ``syarat()`` holds; otherwise they pass the request or response through."""
    hooks = (app.before_request_funcs.setdefault(None, []), app.after_request_funcs.setdefault(None, []),
             app.teardown_request_funcs.setdefault(None, []))
    sebelum = [list(daftar) for daftar in hooks]
    pasang(app)
    for daftar, lama, lewat in zip(hooks, sebelum, (lambda: None, lambda response: response, lambda exc: None)):
        daftar[:] = [f if f in lama else _hanya_bila(syarat, f, lewat) for f in daftar]


def _hanya_bila(syarat, hook, lewat):
    @wraps(hook)
    def wrapped(*args):
        return hook(*args) if syarat() else lewat(*args)
    return wrapped


def pasang_limiter(app):
    """``limiter.init_app``, its request hooks run only for views with a limit. Default,
    application or meta limits would need them on every request: refused at start-up."""
    umum = [k for k in ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META") if app.config.get(k)]
    if umum:
        raise RuntimeError(f"{', '.join(umum)}: desaonline attaches limits to views only (dibatasi)")
    dikenal = {}  # endpoint -> whether a limit is attached to its view

    def berbatas():
        endpoint = request.endpoint
        if endpoint not in dikenal:
            view = app.view_functions.get(endpoint) if endpoint else None
            dikenal[endpoint] = view is not None and _nama_view(view) in _DIBATASI
        return dikenal[endpoint]

    _pasang_bila(app, limiter.init_app, berbatas)


def _halaman():
    return not permintaan_api()


def pasang_login_dan_csrf(app):
    """Flask-Login and CSRF protection, their request hooks for the pages only: the API
    takes bearer tokens and no cookie (``desaonline.keamanan``), so it has neither a
    remember-me cookie to refresh nor a form token to check."""
    _pasang_bila(app, login_manager.init_app, _halaman)
    _pasang_bila(app, csrf.init_app, _halaman)


def celery_init_app(app):
    """Flask's documented Celery wiring: every task runs inside an app context."""

    class FlaskTask(Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)

    celery_app = Celery(app.name, task_cls=FlaskTask)
    celery_app.config_from_object(app.config["CELERY"])
    celery_app.set_default()
    app.extensions["celery"] = celery_app
    return celery_app
