"""The task boundary: work for the Celery workers, sent by name after the commit.

The web side never imports ``workers``: it names a task (``PROSES_SURAT``) and this
module sends it through the app's own Celery. ``setelah_commit`` holds the task
until the session's transaction commits (and drops it on a rollback), so a worker
never looks for a row that is not there yet, and a letter approved in a failed
transaction is never signed. The database is the truth: when the broker cannot be
reached the task is logged and dropped, and the sweeper sends the letter again.
"""
import logging

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

PROSES_SURAT = "workers.surat.proses_surat"
PROSES_SURAT_BANYAK = "workers.surat.proses_surat_banyak"
SAPU_SURAT_MACET = "workers.surat.sapu_surat_macet"

_KUNCI = "desaonline.tugas"


def repr_aman(kwargs, rahasia):
    """The task's keyword arguments as its log lines show them: secrets as ``***``."""
    return repr({k: ("***" if k in rahasia else v) for k, v in kwargs.items()}) if rahasia else None


def kirim(nama, args=(), kwargs=None, rahasia=()):
    """Send task ``nama`` now; False when the broker cannot be reached.

    ``rahasia``: names of keyword arguments that the worker's log must not show."""
    kwargs = kwargs or {}
    kwargsrepr = repr_aman(kwargs, rahasia)
    try:
        current_app.extensions["celery"].send_task(nama, args=args, kwargs=kwargs, kwargsrepr=kwargsrepr)
    except Exception:  # noqa: BLE001: broker down; the database keeps the work for the sweeper
        log.exception("tugas %s%r tidak dapat dikirim ke pekerja", nama, tuple(args))
        return False
    return True


def setelah_commit(nama, args=(), kwargs=None, rahasia=()):
    """Send task ``nama`` once the current transaction of ``db.session`` commits."""
    from desaonline.extensions import db
    db.session().info.setdefault(_KUNCI, []).append((nama, tuple(args), kwargs or {}, tuple(rahasia)))


@event.listens_for(Session, "after_commit")
def _kirim_antrean(session):
    for nama, args, kwargs, rahasia in session.info.pop(_KUNCI, ()):
        kirim(nama, args, kwargs, rahasia)


@event.listens_for(Session, "after_rollback")
def _buang_antrean(session):
    session.info.pop(_KUNCI, None)
