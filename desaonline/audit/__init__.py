"""The audit log: every change an admin or an operator makes (who, what, when, which desa,
from which address), recorded for every feature in one place (``catat``), read on the
portal (``admin/routes/audit.py``, ``GET /api/v1/admin/audit``), never changed."""
from desaonline.audit import catat


def init_app(app):
    catat.init_app(app)
