"""Letter tasks: the task boundary only; what happens to a letter is ``desaonline.surat``.

``proses_surat`` (one letter) and ``proses_surat_banyak`` (letters approved together
with one BSrE passphrase) enter the desa's scope and run
``surat.terbitkan.terbitkan_banyak``; this module decides what a failure means for
the task: ``GagalProses`` that trying again cannot mend marks the letters ``gagal``
at once, anything else is retried with backoff and marks them ``gagal`` after the
last try. No result backend: a task's arguments (the encrypted passphrase) are
kept nowhere once it ran, and its log lines show them as ``***``.

- ``acks_late`` + ``task_reject_on_worker_lost`` (config/): a worker killed in the
  middle leaves the message to be delivered again.
- Every countdown stays below the Redis visibility timeout, so a waiting retry is
  not delivered twice.
- ``sapu_surat_macet`` (beat) re-sends letters stuck in ``diproses``.
"""
import gc
import logging

from celery import shared_task
from celery.signals import worker_process_init, worker_ready

from desaonline import tugas
from desaonline.errors import GagalProses
from desaonline.extensions import db
from desaonline.surat import terbitkan
from tenants import desa_scope

log = logging.getLogger(__name__)

# Seconds before each retry: all well below CELERY_VISIBILITY_TIMEOUT (600 s).
BACKOFF = (5, 20, 60, 180, 300)


@worker_process_init.connect
@worker_ready.connect
def siapkan_proses(**_):
    """Once per worker process (pool child, or the solo worker itself), after the app
    is loaded: move every object that lives for the whole process (modules, the app,
    SQLAlchemy's and ReportLab's tables) out of the garbage collector's sight, so its
    full collections, triggered by the many short-lived objects of each letter, do
    not walk them again and again."""
    gc.freeze()


@shared_task(bind=True, name=tugas.PROSES_SURAT, acks_late=True, reject_on_worker_lost=True,
             max_retries=len(BACKOFF))
def proses_surat(self, surat_id, desa_id, sandi=None):
    """Render, sign and store one approved letter of one desa."""
    return _proses(self, [surat_id], desa_id, sandi).get(surat_id)


@shared_task(bind=True, name=tugas.PROSES_SURAT_BANYAK, acks_late=True, reject_on_worker_lost=True,
             max_retries=len(BACKOFF))
def proses_surat_banyak(self, surat_ids, desa_id, sandi=None):
    """Letters of one desa approved together with one BSrE passphrase."""
    return _proses(self, surat_ids, desa_id, sandi)


def _proses(task, surat_ids, desa_id, sandi):
    with desa_scope(desa_id):
        try:
            return terbitkan.terbitkan_banyak(surat_ids, sandi)
        except GagalProses as err:
            db.session.rollback()
            if not err.sementara:
                return terbitkan.gagal_banyak(surat_ids, str(err))
            return _ulangi_nanti(task, surat_ids, err)
        except Exception as err:  # noqa: BLE001: database, disk, anything that may pass
            db.session.rollback()
            log.exception("surat %s: gagal diproses (percobaan %s)", surat_ids, task.request.retries + 1)
            return _ulangi_nanti(task, surat_ids, err)


def _ulangi_nanti(task, surat_ids, err):
    if task.request.retries >= task.max_retries:
        return terbitkan.gagal_banyak(surat_ids, f"Gagal setelah {task.request.retries + 1} percobaan: {_alasan(err)}")
    # A retry is a new message: its log lines must hide the passphrase token as the first did.
    raise task.retry(exc=err, countdown=BACKOFF[task.request.retries],
                     kwargsrepr=tugas.repr_aman(task.request.kwargs or {}, ("sandi",)))


def _alasan(err):
    teks = str(err).strip() or err.__class__.__name__
    return teks.splitlines()[0][:300]


@shared_task(name=tugas.SAPU_SURAT_MACET)
def sapu_surat_macet():
    """Re-send letters stuck in ``diproses`` for longer than SURAT_MACET_DETIK (every desa)."""
    return terbitkan.sapu_macet()
