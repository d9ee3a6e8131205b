"""Celery tasks (``workers.surat``) and the embedded broker (``workers.broker``).

Tasks take ids (never ORM objects) and load what they need. ``celery_app`` imports
the task modules; importing this package alone loads nothing of the app.
"""
