"""Two deployments from one checkout keep their own letters and queue when the
environment names only their databases (CONTRACT: "never share a queue, a database or
stored letters unless their environment says so")."""
from desaonline import create_app


def _app(url, **lain):
    return create_app("testing", {"SQLALCHEMY_DATABASE_URI": url, **lain})


def _milik(app):
    return app.config["STORAGE_DIR"], app.extensions["celery"].conf.task_default_queue


def test_two_databases_give_two_stores_and_two_queues(tmp_path):
    a = _milik(_app(f"sqlite:///{tmp_path / 'a' / 'desaonline.sqlite'}"))
    b = _milik(_app(f"sqlite:///{tmp_path / 'b' / 'desaonline.sqlite'}"))
    pg_a = _milik(_app("postgresql+psycopg://desa@db.kebumenkab.go.id:5432/desa_a"))
    pg_b = _milik(_app("postgresql+psycopg://desa@db.kebumenkab.go.id:5432/desa_b"))
    assert len({a[0], b[0], pg_a[0], pg_b[0]}) == 4
    assert len({a[1], b[1], pg_a[1], pg_b[1]}) == 4
    assert a[0] == str(tmp_path / "a" / "desaonline-berkas")


def test_the_web_and_the_worker_of_one_deployment_meet(tmp_path):
    # The password may differ between machines' environments (or rotate): not part of the tag.
    web = _milik(_app("postgresql+psycopg://desa:lama@db.kebumenkab.go.id:5432/desa_a"))
    worker = _milik(_app("postgresql+psycopg://desa:baru@db.kebumenkab.go.id:5432/desa_a"))
    assert web == worker


def test_what_the_environment_says_wins(tmp_path):
    app = _app(f"sqlite:///{tmp_path / 'x.sqlite'}", STORAGE_DIR="/srv/surat", CELERY_QUEUE="kebumen")
    assert _milik(app) == ("/srv/surat", "kebumen")


def test_the_development_default_keeps_its_plain_names():
    from config import INSTANCE
    app = _app(f"sqlite:///{INSTANCE / 'desaonline.sqlite'}")
    assert _milik(app) == (str(INSTANCE / "storage"), "desaonline")
