"""Issuing an approved letter: from ``diproses`` to a signed, stored PDF.

The approval (``layanan.setujui``) commits the number and ``diproses`` and hands
the letter's id to ``kirim_ke_pekerja``; after the commit a worker runs
``workers.surat.proses_surat``, which calls ``terbitkan`` inside the desa's
scope. ``terbitkan`` claims the row (``status.klaim``), composes the letter
(``susun``), renders it (``render``), signs it (``signing.penanda``), stores it
(``arsip``) and records the hash, the verification code and ``selesai``
(``status.selesai``), all in one transaction. The database is the truth, the
broker only a messenger:

- Idempotent: a letter that is no longer ``diproses`` is left alone, and the
  claim holds the row's lock while the letter is signed; running it twice, or on
  two workers at once, gives one letter.
- A failure that trying again cannot mend raises ``GagalProses`` and the worker
  marks the letter ``gagal`` (``gagal``) with the reason the operator sees; any
  other failure is retried by the worker with backoff.
- ``sapu_macet`` (the sweeper) sends letters stuck in ``diproses`` again: a broker
  may lose a message, and kombu's SQL broker never gives back the messages of a
  worker killed with SIGKILL.
"""
import logging
import re
from datetime import timedelta

from flask import current_app, has_request_context, request
from sqlalchemy import select, update

from desaonline import tugas
from desaonline.errors import GagalProses
from desaonline.extensions import db
from desaonline.signing import kunci, penanda
from desaonline.surat import arsip, kode_verifikasi, status
from desaonline.surat.models import Surat
from desaonline.surat.render import render
from desaonline.surat.susun import susun_dokumen
from desaonline.waktu import sekarang
from tenants import tanpa_scope
from tenants.resolver import desa_by_id

log = logging.getLogger(__name__)


def alamat_publik(host):
    """The desa's public address for the QR code: ``https://klirong.kec-klirong.kebumenkab.go.id``.

    PUBLIC_SCHEME and PUBLIC_PORT when set; otherwise the scheme and port of the request
    being served (the approval), so a development server on :5000 prints a link that
    opens. The host is always the desa's own address."""
    cfg = current_app.config
    dari_permintaan = has_request_context() and not cfg.get("PUBLIC_SCHEME")
    skema = cfg.get("PUBLIC_SCHEME") or (request.scheme if has_request_context() else "https")
    port = cfg.get("PUBLIC_PORT")
    if port is None and dari_permintaan and re.search(r":\d+$", request.host):
        port = request.host.rsplit(":", 1)[1]
    if port and (skema, str(port)) not in (("https", "443"), ("http", "80")):
        return f"{skema}://{host}:{port}"
    return f"{skema}://{host}"


def kirim_ke_pekerja(surat_id, desa_id, passphrase=None):
    """Queue the letter for the workers; it leaves when the current transaction commits.

    ``passphrase`` (the Kepala Desa's BSrE passphrase) travels encrypted and expires
    after ``kunci.PASSPHRASE_TTL``; the worker's log never shows it."""
    kwargs = {"sandi": kunci.bungkus_passphrase(passphrase)} if passphrase else {}
    tugas.setelah_commit(tugas.PROSES_SURAT, (surat_id, desa_id), kwargs, rahasia=("sandi",))


def terbitkan(surat_id, sandi=None):
    """Sign and store one approved letter of the current desa; returns the new status or None."""
    try:
        passphrase = kunci.buka_passphrase(sandi) if sandi else None
    except kunci.KunciSalah as err:
        raise GagalProses(f"{err} Ulangi surat ini dan ketik passphrase BSrE lagi.") from err
    surat = status.klaim(surat_id)
    if surat is None:
        return None  # already done (or never approved): nothing to do
    desa = desa_by_id(surat.desa_id)
    if desa is None:
        raise GagalProses("Desa tidak aktif.")
    signer = penanda.pilih_penanda(passphrase)
    kode = kode_verifikasi.buat()
    waktu = sekarang()   # the signing time: in the signature, on the box, and the PDF's creation date
    try:
        dokumen = susun_dokumen(surat, konsep=False, catatan_tte=signer.catatan_tte, waktu=waktu,
                                url_verifikasi=f"{surat.alamat_publik or 'https://' + desa.host}/verifikasi/{kode}",
                                kode_verifikasi=kode_verifikasi.tampil(kode))
    except (KeyError, ValueError) as err:  # stored data the letter cannot hold: retrying will not help
        raise GagalProses(f"Isi surat tidak dapat disusun: {err}") from err
    hasil = render(dokumen)
    ket = penanda.KeteranganTtd(
        nama=surat.ttd_nama or dokumen.penandatangan.nama,
        jabatan=surat.ttd_jabatan or dokumen.penandatangan.jabatan,
        alasan=f"{dokumen.judul} nomor {surat.nomor}",
        lokasi=f"{desa.jenis.capitalize()} {desa.nama}, {desa.kabupaten_nama}",
        waktu=waktu,
    )
    pdf = signer.tandatangani(hasil.pdf, hasil.kotak_ttd, ket)
    sha, path = arsip.simpan(surat.desa_id, pdf)
    if not status.selesai(surat_id, kode, sha, path, waktu):
        return None  # another run finished it first
    db.session.commit()
    return status.SELESAI


def gagal(surat_id, alasan):
    """Mark a letter ``gagal`` with the reason the operator sees (only if still diproses)."""
    log.warning("surat %s gagal: %s", surat_id, alasan)
    db.session.rollback()
    diubah = status.gagal(surat_id, alasan[:1000])
    db.session.commit()
    return status.GAGAL if diubah else None


def sapu_macet():
    """Send every letter stuck in ``diproses`` for longer than SURAT_MACET_DETIK again (all desa)."""
    batas = sekarang() - timedelta(seconds=current_app.config["SURAT_MACET_DETIK"])
    # Kabupaten-wide by nature: the one place of the pipeline without a desa's scope.
    with tanpa_scope():
        macet = db.session.execute(
            select(Surat.id, Surat.desa_id).where(Surat.status == status.DIPROSES, Surat.diubah < batas)
            .order_by(Surat.id).limit(1000)).all()
        if not macet:
            return 0
        # Stamp them first, so the next sweep waits another period before sending them again.
        db.session.execute(
            update(Surat).where(Surat.id.in_([m.id for m in macet]), Surat.status == status.DIPROSES)
            .values(diubah=sekarang()).execution_options(synchronize_session=False))
        for m in macet:
            tugas.setelah_commit(tugas.PROSES_SURAT, (m.id, m.desa_id))
        db.session.commit()
    log.info("penyapu: %s surat dikirim ulang", len(macet))
    return len(macet)
