"""Tasks that turn an approved letter into a signed PDF.

The approval commits the number and the status ``diproses``, then (after the
commit) calls ``antrekan``. ``proses_surat`` renders the letter, signs it, stores
the PDF, and in one conditional UPDATE records the hash, the verification code and
``selesai``. The database is the truth and the broker only a messenger:

- Idempotent: a letter that is no longer ``diproses`` is left alone, and the row
  is claimed by a conditional UPDATE that holds its lock while the letter is
  signed; the final UPDATE is conditional too. Running the task twice, or two
  workers at once, gives one letter.
- ``acks_late`` + ``task_reject_on_worker_lost`` (config/): a worker killed in the
  middle leaves the message to be delivered again.
- Transient failures retry with backoff; every countdown stays below the Redis
  visibility timeout so a waiting retry is not delivered twice. After the last one
  the letter becomes ``gagal`` with the reason, and the operator can retry it.
- ``sapu_surat_macet`` (beat) re-sends letters stuck in ``diproses``: kombu's SQL
  broker marks a message as taken when delivered and never gives back the messages
  of a worker killed with SIGKILL, and any broker can lose a message.
"""
import gc
import logging
import secrets
from datetime import datetime, timedelta, timezone

from celery import shared_task
from celery.signals import worker_process_init, worker_ready
from flask import current_app
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import joinedload

from desaonline.extensions import db
from desaonline.signing import kunci, penanda
from desaonline.surat import arsip
from desaonline.surat.models import RiwayatSurat, Surat
from desaonline.surat.render import render
from tenants import desa_scope, tanpa_scope
from tenants.models import Desa, Kecamatan, utcnow
from tenants.resolver import desa_by_id

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


class GagalPermanen(Exception):
    """Trying again will not help (no certificate, letter data missing...)."""


def antrekan(surat_id, desa_id, passphrase=None):
    """Send an approved letter to the workers. Call it only after the commit.

    ``passphrase`` is the Kepala Desa's BSrE passphrase when the desa signs through
    BSrE; it travels encrypted and expires after ``kunci.PASSPHRASE_TTL``. When the
    broker cannot be reached the letter stays ``diproses`` and the sweeper sends it
    later, so the approval itself never fails on this.
    """
    kwargs = {"sandi": kunci.bungkus_passphrase(passphrase)} if passphrase else {}
    try:
        # Through this app's own Celery (its broker), not whichever app was made last.
        tugas = current_app.extensions["celery"].tasks[proses_surat.name]
        tugas.apply_async(args=(surat_id, desa_id), kwargs=kwargs, kwargsrepr="{'sandi': '***'}" if kwargs else None)
    except Exception:  # noqa: BLE001: broker down; the sweeper is the backstop
        log.exception("surat %s: tidak dapat dikirim ke worker, menunggu penyapu", surat_id)
        return False
    return True


@shared_task(bind=True, name="workers.surat.proses_surat", acks_late=True, reject_on_worker_lost=True,
             max_retries=len(BACKOFF))
def proses_surat(self, surat_id, desa_id, sandi=None):
    """Render, sign and store one approved letter (see the module docstring)."""
    with desa_scope(desa_id):
        try:
            passphrase = kunci.buka_passphrase(sandi) if sandi else None
        except kunci.KunciSalah as err:
            return _gagal(surat_id, f"{err} Ulangi surat ini dan ketik passphrase BSrE lagi.")
        try:
            return tandatangani_surat(surat_id, desa_id, passphrase)
        except GagalPermanen as err:
            db.session.rollback()
            return _gagal(surat_id, str(err))
        except penanda.GagalTtd as err:
            db.session.rollback()
            if not err.sementara:
                return _gagal(surat_id, str(err))
            return _ulangi_nanti(self, surat_id, err)
        except Exception as err:  # noqa: BLE001: database, disk, anything that may pass
            db.session.rollback()
            log.exception("surat %s: gagal diproses (percobaan %s)", surat_id, self.request.retries + 1)
            return _ulangi_nanti(self, surat_id, err)


def _ulangi_nanti(task, surat_id, err):
    if task.request.retries >= task.max_retries:
        return _gagal(surat_id, f"Gagal setelah {task.request.retries + 1} percobaan: {_alasan(err)}")
    raise task.retry(exc=err, countdown=BACKOFF[task.request.retries])


def _alasan(err):
    teks = str(err).strip() or err.__class__.__name__
    return teks.splitlines()[0][:300]


# The task's statements, built once per process (bound values as parameters): building
# a statement anew costs more Python per letter than SQLite spends running it.
# Claim: the desa is named and the tenancy listener stands aside (``tanpa_scope``):
# its per-statement loader criteria cost more than the query, and the filter says the same.
_KLAIM = (update(Surat)
          .where(Surat.id == bindparam("k_surat"), Surat.desa_id == bindparam("k_desa"), Surat.status == "diproses")
          .values(percobaan=Surat.percobaan + 1).returning(Surat)
          .execution_options(synchronize_session=False, populate_existing=True, tanpa_scope=True))
_SURAT = Surat.__table__
# Final update and history row as Core statements on the tables (no ORM bulk machinery).
_SELESAI = (update(_SURAT)
            .where(_SURAT.c.id == bindparam("k_surat"), _SURAT.c.desa_id == bindparam("k_desa"),
                   _SURAT.c.status == "diproses")
            .values(status="selesai", kode_verifikasi=bindparam("k_kode"), pdf_sha256=bindparam("k_sha"),
                    pdf_path=bindparam("k_path"), selesai=bindparam("k_waktu"), alasan_gagal=None,
                    diubah=bindparam("k_waktu")))
_RIWAYAT_SELESAI = insert(RiwayatSurat.__table__).values(
    desa_id=bindparam("k_desa"), surat_id=bindparam("k_surat"), waktu=bindparam("k_waktu"), status="selesai",
    aktor="sistem", aktor_nama="Sistem", catatan="Surat ditandatangani secara elektronik.")
_DESA_LENGKAP = [joinedload(Desa.kecamatan).joinedload(Kecamatan.kabupaten)]
_TANPA_SCOPE = {"tanpa_scope": True}


def tandatangani_surat(surat_id, desa_id, passphrase=None):
    """The pipeline for one letter, inside ``desa_scope``; returns the new status or None."""
    from desaonline.surat.susun import susun_dokumen

    # Claim the row with a write first: on PostgreSQL it locks the row until COMMIT
    # (a second run waits, then finds it no longer "diproses"); on SQLite it takes
    # the write lock at once, as SQLite cannot turn an old read into a write later.
    surat = db.session.scalar(_KLAIM, {"k_surat": surat_id, "k_desa": desa_id})
    if surat is None:
        db.session.rollback()  # already done (or never approved): nothing to do
        return None
    desa = desa_by_id(desa_id)
    if desa is None:
        raise GagalPermanen("Desa tidak aktif.")
    # The desa with its kecamatan and kabupaten in one query, for the letterhead and
    # the texts: susun_dokumen finds them in the session (held here: the session's
    # identity map only keeps objects someone refers to) instead of three queries.
    baris_desa = db.session.get(Desa, desa_id, options=_DESA_LENGKAP, execution_options=_TANPA_SCOPE)
    signer = penanda.pilih_penanda(passphrase)
    kode = secrets.token_urlsafe(18)
    try:
        dokumen = susun_dokumen(surat, konsep=False, url_verifikasi=f"https://{desa.host}/verifikasi/{kode}",
                                catatan_tte=signer.catatan_tte)
    except (KeyError, ValueError, LookupError) as err:
        raise GagalPermanen(f"Isi surat tidak dapat disusun: {_alasan(err)}") from err
    hasil = render(dokumen)
    waktu = datetime.now(timezone.utc)
    ket = penanda.KeteranganTtd(
        nama=surat.ttd_nama or dokumen.penandatangan.nama,
        jabatan=surat.ttd_jabatan or dokumen.penandatangan.jabatan,
        alasan=f"{dokumen.judul} nomor {surat.nomor}",
        lokasi=f"{desa.jenis.capitalize()} {desa.nama}, {desa.kabupaten_nama}",
        waktu=waktu,
    )
    pdf = signer.tandatangani(hasil.pdf, hasil.kotak_ttd, ket)
    del baris_desa
    sha, path = arsip.simpan(desa_id, pdf)
    nilai = {"k_surat": surat_id, "k_desa": desa_id, "k_kode": kode, "k_sha": sha, "k_path": path, "k_waktu": waktu}
    if db.session.execute(_SELESAI, nilai).rowcount != 1:
        db.session.rollback()  # another run finished it first
        return None
    # The history row (desa named here, as the flush listener would stamp it): no ORM
    # object, no flush bookkeeping, no identity-map entry to expire at commit.
    db.session.execute(_RIWAYAT_SELESAI, nilai)
    db.session.commit()
    return "selesai"


def _gagal(surat_id, alasan):
    """Mark a letter ``gagal`` with the reason the operator sees (only if still diproses)."""
    log.warning("surat %s gagal: %s", surat_id, alasan)
    diubah = db.session.execute(
        update(Surat).where(Surat.id == surat_id, Surat.status == "diproses")
        .values(status="gagal", alasan_gagal=alasan, percobaan=Surat.percobaan + 1, diubah=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if diubah:
        db.session.add(RiwayatSurat(surat_id=surat_id, status="gagal", aktor="sistem", aktor_nama="Sistem",
                                    catatan=alasan))
    db.session.commit()
    return "gagal" if diubah else None


def ulangi(surat, operator=None, passphrase=None):
    """The operator sends a failed letter to the workers again (commit, then send)."""
    if surat.status != "gagal":
        raise ValueError("Hanya surat berstatus gagal yang dapat diulangi.")
    surat.status = "diproses"
    surat.alasan_gagal = None
    db.session.add(RiwayatSurat(surat_id=surat.id, status="diproses", aktor="operator",
                                aktor_nama=getattr(operator, "nama", None) or getattr(operator, "username", None),
                                catatan="Diulangi oleh operator."))
    db.session.commit()
    antrekan(surat.id, surat.desa_id, passphrase)


@shared_task(name="workers.surat.sapu_surat_macet")
def sapu_surat_macet():
    """Re-send letters stuck in ``diproses`` for longer than SURAT_MACET_DETIK (every desa)."""
    batas = utcnow() - timedelta(seconds=current_app.config["SURAT_MACET_DETIK"])
    with tanpa_scope():
        macet = db.session.execute(
            select(Surat.id, Surat.desa_id).where(Surat.status == "diproses", Surat.diubah < batas)
            .order_by(Surat.id).limit(1000)
        ).all()
        if not macet:
            return 0
        # Stamp them first, so the next sweep waits another period before re-sending.
        db.session.execute(
            update(Surat).where(Surat.id.in_([m.id for m in macet]), Surat.status == "diproses")
            .values(diubah=utcnow()).execution_options(synchronize_session=False))
        db.session.commit()
    for m in macet:
        antrekan(m.id, m.desa_id)
    log.info("penyapu: %s surat dikirim ulang", len(macet))
    return len(macet)
