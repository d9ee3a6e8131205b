"""A letter's life, defined once: its statuses and every step between them.

    konsep --ajukan--> diajukan --setujui--> diproses --selesai--> selesai
      |  ^               |   \\--tolak--> ditolak         |  ^
      |  ubah            batalkan           |          gagal ulangi
      hapus              v                  |             v  |
      batalkan ----> dibatalkan             |            gagal
                     diajukan <--lengkapi---'  (when the rejection asked for a document)

The pages, the API, the workers and the sweeper all move a letter through
``pindah`` (or the workers' ``klaim``/``selesai``/``gagal``). Each step is one
conditional UPDATE (``WHERE status IN <from>``): of two people, or two workers,
acting on the same letter at once only one gets past it; the other learns why
(404 when the letter is not there, 409 naming its status). Each step also writes a
``RiwayatSurat`` row saying who did it and when. The caller commits.
"""
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, insert, select, update

from desaonline.errors import Penolakan, tidak_ditemukan
from desaonline.extensions import db
from desaonline.surat.models import RiwayatSurat, Surat
from desaonline.waktu import sekarang
from tenants import berlingkup

KONSEP, DIAJUKAN, DITOLAK, DIPROSES, SELESAI, GAGAL, DIBATALKAN = (
    "konsep", "diajukan", "ditolak", "diproses", "selesai", "gagal", "dibatalkan")
STATUS = (KONSEP, DIAJUKAN, DITOLAK, DIPROSES, SELESAI, GAGAL, DIBATALKAN)
LABEL = {KONSEP: "Konsep", DIAJUKAN: "Diajukan", DITOLAK: "Ditolak", DIPROSES: "Diproses",
         SELESAI: "Selesai", GAGAL: "Gagal", DIBATALKAN: "Dibatalkan"}
# While a letter is in these states, the pages showing it keep asking for news.
MENUNGGU = (DIAJUKAN, DIPROSES)
# What the operator's queue can show: everything the resident has sent (never a draft).
DIKIRIM = tuple(s for s in STATUS if s != KONSEP)
# What an operator works on; the dashboard counts them.
KERJA_OPERATOR = (DIAJUKAN, DIPROSES, GAGAL)
# Attachments are added while the office has not decided yet (and to a rejection that
# asked for a document, see ``boleh_melampirkan``); removed only from a draft.
LAMPIRAN_DITAMBAH = (KONSEP, DIAJUKAN)
LAMPIRAN_DIHAPUS = (KONSEP,)

PENDUDUK, OPERATOR, SISTEM = "penduduk", "operator", "sistem"


@dataclass(frozen=True)
class Langkah:
    """One step: from which statuses, to which, by whom; and the words for a refusal."""
    nama: str
    dari: tuple[str, ...]
    ke: str | None          # None: the row is deleted
    oleh: str
    tidak_boleh: str        # "Hanya konsep yang dapat diajukan"
    catatan: str | None = None
    bila_ada: str | None = None   # a column of Surat that must be set for the step (besides the status)

    def boleh_dari(self, status):
        return status in self.dari


UBAH = Langkah("ubah", (KONSEP,), KONSEP, PENDUDUK, "Hanya konsep yang dapat diubah", "Konsep diubah.")
HAPUS = Langkah("hapus", (KONSEP,), None, PENDUDUK, "Hanya konsep yang dapat dihapus")
AJUKAN = Langkah("ajukan", (KONSEP,), DIAJUKAN, PENDUDUK, "Hanya konsep yang dapat diajukan",
                 "Diajukan ke operator desa.")
BATALKAN = Langkah("batalkan", (KONSEP, DIAJUKAN), DIBATALKAN, PENDUDUK,
                   "Surat hanya dapat dibatalkan sebelum disetujui", "Dibatalkan oleh pemohon.")
TOLAK = Langkah("tolak", (DIAJUKAN,), DITOLAK, OPERATOR, "Hanya surat yang diajukan yang dapat ditolak")
# The resident answers a rejection that asked for a document (``Surat.lengkapi``) and
# the request goes back to the queue.
LENGKAPI = Langkah("lengkapi", (DITOLAK,), DIAJUKAN, PENDUDUK,
                   "Hanya permohonan yang diminta melengkapi dokumen yang dapat dikirim kembali",
                   "Dokumen dilengkapi; diajukan kembali ke operator desa.", bila_ada="lengkapi")
SETUJUI = Langkah("setujui", (DIAJUKAN,), DIPROSES, OPERATOR, "Hanya surat yang diajukan yang dapat disetujui")
ULANGI = Langkah("ulangi", (GAGAL,), DIPROSES, OPERATOR, "Hanya surat berstatus gagal yang dapat diulangi",
                 "Diulangi oleh operator.")
# The workers' steps: a worker claims a letter it signs, then finishes or fails it.
PROSES = Langkah("proses", (DIPROSES,), DIPROSES, SISTEM, "Surat tidak sedang diproses")
SELESAIKAN = Langkah("selesai", (DIPROSES,), SELESAI, SISTEM, "Surat tidak sedang diproses",
                     "Surat ditandatangani secara elektronik.")
GAGALKAN = Langkah("gagal", (DIPROSES,), GAGAL, SISTEM, "Surat tidak sedang diproses")
LANGKAH = {l.nama: l for l in (UBAH, HAPUS, AJUKAN, BATALKAN, TOLAK, LENGKAPI, SETUJUI, ULANGI, PROSES, SELESAIKAN,
                                GAGALKAN)}


def boleh_melampirkan(surat):
    """Whether the resident may add an attachment to this request now."""
    return surat.status in LAMPIRAN_DITAMBAH or (surat.status == DITOLAK and surat.lengkapi is not None)


def _ditolak(surat_id, langkah):
    """After a step touched nothing: 404 if the letter is gone (or not this desa's), else 409."""
    db.session.rollback()
    status = db.session.scalar(select(Surat.status).where(Surat.id == surat_id))
    if status is None:
        return tidak_ditemukan("surat_tidak_ditemukan", "Surat tidak ditemukan.")
    return Penolakan(409, "status_tidak_sesuai", f"{langkah.tidak_boleh}; surat ini berstatus {status}.")


def catat(surat_id, status, oleh, nama=None, catatan=None):
    """A history row (the desa is stamped by the tenancy listener)."""
    db.session.execute(_RIWAYAT, {"r_surat": surat_id, "r_waktu": sekarang(), "r_status": status,
                                  "r_aktor": oleh, "r_nama": nama, "r_catatan": catatan})


def pindah(surat_id, langkah, nama=None, catatan=None, riwayat=True, **nilai):
    """Take ``langkah`` on a letter of the current desa, or raise ``Penolakan``.

    ``nilai``: columns the step sets besides the status. ``nama`` and ``catatan`` go
    into the history row (``catatan`` defaults to the step's own words); a caller
    that knows more only after the step (the number) writes it with ``riwayat=False``
    and ``catat``."""
    if langkah.ke is None:
        stmt = delete(Surat).where(Surat.id == surat_id, Surat.status.in_(langkah.dari))
    else:
        stmt = (update(Surat).where(Surat.id == surat_id, Surat.status.in_(langkah.dari))
                .values(status=langkah.ke, diubah=sekarang(), **nilai))
    if langkah.bila_ada:
        stmt = stmt.where(getattr(Surat, langkah.bila_ada).is_not(None))
    if db.session.execute(stmt.execution_options(synchronize_session=False)).rowcount != 1:
        raise _ditolak(surat_id, langkah)
    if riwayat and langkah.ke is not None:
        catat(surat_id, langkah.ke, langkah.oleh, nama, catatan or langkah.catatan)


# The workers' steps run for every letter: their statements are built once per process
# (values as bound parameters, the desa's criteria built in: ``berlingkup``).
_RIWAYAT = insert(RiwayatSurat).values(
    surat_id=bindparam("r_surat"), waktu=bindparam("r_waktu"), status=bindparam("r_status"),
    aktor=bindparam("r_aktor"), aktor_nama=bindparam("r_nama"), catatan=bindparam("r_catatan"))
_KLAIM = berlingkup(update(Surat)
                    .where(Surat.id == bindparam("k_surat"), Surat.status == DIPROSES)
                    .values(percobaan=Surat.percobaan + 1).returning(Surat)
                    .execution_options(synchronize_session=False, populate_existing=True))
_KLAIM_BANYAK = berlingkup(update(Surat)
                           .where(Surat.id.in_(bindparam("k_surat", expanding=True)), Surat.status == DIPROSES)
                           .values(percobaan=Surat.percobaan + 1).returning(Surat)
                           .execution_options(synchronize_session=False, populate_existing=True))
_SELESAI = berlingkup(update(Surat)
            .where(Surat.id == bindparam("k_surat"), Surat.status == DIPROSES)
            .values(status=SELESAI, kode_verifikasi=bindparam("k_kode"), pdf_sha256=bindparam("k_sha"),
                    pdf_path=bindparam("k_path"), selesai=bindparam("k_waktu"), alasan_gagal=None,
                    diubah=bindparam("k_waktu"))
            .execution_options(synchronize_session=False))
_GAGAL = berlingkup(update(Surat)
          .where(Surat.id == bindparam("k_surat"), Surat.status == DIPROSES)
          .values(status=GAGAL, alasan_gagal=bindparam("k_alasan"), percobaan=Surat.percobaan + 1,
                  diubah=bindparam("k_waktu"))
          .execution_options(synchronize_session=False))


def klaim(surat_id):
    """A worker takes a ``diproses`` letter (None when it is not, e.g. already done).

    A write first: on PostgreSQL it locks the row until COMMIT (a second run waits,
    then finds it no longer ``diproses``); on SQLite it takes the write lock at once,
    as SQLite cannot turn an old read into a write later."""
    surat = db.session.scalar(_KLAIM, {"k_surat": surat_id})
    if surat is None:
        db.session.rollback()
    return surat


def klaim_banyak(surat_ids):
    """A worker takes several ``diproses`` letters at once (those signed in one request);
    the ones no longer ``diproses`` are left out."""
    return list(db.session.scalars(_KLAIM_BANYAK, {"k_surat": list(surat_ids)}))


def selesai(surat_id, kode_verifikasi, pdf_sha256, pdf_path, waktu):
    """The signed letter is stored: ``selesai`` (False when another run finished it first)."""
    nilai = {"k_surat": surat_id, "k_kode": kode_verifikasi, "k_sha": pdf_sha256, "k_path": pdf_path,
             "k_waktu": waktu}
    if db.session.execute(_SELESAI, nilai).rowcount != 1:
        db.session.rollback()
        return False
    catat(surat_id, SELESAI, SISTEM, "Sistem", SELESAIKAN.catatan)
    return True


def gagal(surat_id, alasan):
    """Signing cannot succeed: ``gagal`` with the reason the operator sees."""
    if db.session.execute(_GAGAL, {"k_surat": surat_id, "k_alasan": alasan, "k_waktu": sekarang()}).rowcount != 1:
        return False
    catat(surat_id, GAGAL, SISTEM, "Sistem", alasan)
    return True
