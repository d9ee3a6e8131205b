"""Production refuses to start without its secrets and a shared rate-limit store, and
says which setting is missing and what it is for (config/)."""
import os
import subprocess
import sys

import pytest

from tests.services import ROOT, free_port

WAJIB = ("SECRET_KEY", "CERT_ENCRYPTION_KEY", "REDIS_URL")


def _app_produksi(app, **isi):
    from desaonline import create_app
    return create_app("production", {
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "STORAGE_DIR": app.config["STORAGE_DIR"],
        **{nama: None for nama in WAJIB}, **isi})


def test_production_names_every_missing_setting(app):
    from config import KonfigurasiKurang
    with pytest.raises(KonfigurasiKurang) as err:
        _app_produksi(app)
    pesan = str(err.value)
    assert all(f"  {nama}: " in pesan for nama in WAJIB), pesan
    assert "rate limiter" in pesan and "README" in pesan

    with pytest.raises(KonfigurasiKurang) as err:
        _app_produksi(app, SECRET_KEY="k" * 48)
    assert "without CERT_ENCRYPTION_KEY, REDIS_URL:" in str(err.value) and "  SECRET_KEY:" not in str(err.value)
    assert _app_produksi(app, SECRET_KEY="k" * 48, CERT_ENCRYPTION_KEY="c" * 48, REDIS_URL="redis://127.0.0.1:6379/15")


def _lingkungan_produksi(tmp_path, **isi):
    env = {k: v for k, v in os.environ.items() if k not in WAJIB and not k.startswith(("DESAONLINE_", "TEST_"))}
    return {**env, "DESAONLINE_CONFIG": "production", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}",
            "INSTANCE_DIR": str(tmp_path), **isi}


@pytest.mark.parametrize("perintah", [
    ["-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app", "-b", "127.0.0.1:{port}"],
    ["-m", "celery", "-A", "celery_app", "worker", "--loglevel", "INFO"],
], ids=["gunicorn", "celery"])
def test_the_web_server_and_the_worker_refuse_to_start_and_say_why(tmp_path, perintah):
    port = free_port()
    hasil = subprocess.run([sys.executable, *[p.format(port=port) for p in perintah]], cwd=ROOT,
                           env=_lingkungan_produksi(tmp_path, SECRET_KEY="k" * 48),
                           capture_output=True, text=True, timeout=120)
    keluaran = hasil.stdout + hasil.stderr
    assert hasil.returncode != 0, keluaran
    assert "will not start in production without CERT_ENCRYPTION_KEY, REDIS_URL" in keluaran, keluaran
