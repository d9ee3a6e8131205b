"""Celery entry point: ``celery -A celery_app worker`` (same environment as the web)."""
from desaonline import create_app

flask_app = create_app()
celery_app = flask_app.extensions["celery"]
app = celery_app  # the name ``celery -A`` looks for first

import workers.surat  # noqa: E402,F401  (registers the tasks)
