"""Celery tasks. They take ids (never ORM objects) and load what they need."""
from workers import surat  # noqa: F401
