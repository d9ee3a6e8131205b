"""Flask extensions, created unbound and attached in the app factory."""
from celery import Celery, Task
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from datetime import datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase, registry

from desaonline.waktu import WaktuUTC


def client_address():
    from flask import request
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
