"""Letter tasks: the task boundary only; what happens to a letter is ``desaonline.surat``.

``proses_surat`` enters the desa's scope and runs ``surat.terbitkan.terbitkan``;
this module decides what a failure means for the task: ``GagalProses`` that
trying again cannot mend marks the letter ``gagal`` at once, anything else is
retried with backoff and marks it ``gagal`` after the last try.

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
    with desa_scope(desa_id):
        try:
            return terbitkan.terbitkan(surat_id, sandi)
        except GagalProses as err:
            db.session.rollback()
            if not err.sementara:
                return terbitkan.gagal(surat_id, str(err))
            return _ulangi_nanti(self, surat_id, err)
        except Exception as err:  # noqa: BLE001: database, disk, anything that may pass
            db.session.rollback()
            log.exception("surat %s: gagal diproses (percobaan %s)", surat_id, self.request.retries + 1)
            return _ulangi_nanti(self, surat_id, err)


def _ulangi_nanti(task, surat_id, err):
    if task.request.retries >= task.max_retries:
        return terbitkan.gagal(surat_id, f"Gagal setelah {task.request.retries + 1} percobaan: {_alasan(err)}")
    raise task.retry(exc=err, countdown=BACKOFF[task.request.retries])


def _alasan(err):
    teks = str(err).strip() or err.__class__.__name__
    return teks.splitlines()[0][:300]


@shared_task(name=tugas.SAPU_SURAT_MACET)
def sapu_surat_macet():
    """Re-send letters stuck in ``diproses`` for longer than SURAT_MACET_DETIK (every desa)."""
    return terbitkan.sapu_macet()
