"""Issuing an approved letter: from ``diproses`` to a signed, stored PDF.

The approval (``layanan.setujui``, or ``setujui_banyak`` for several letters with
one BSrE passphrase) commits the number and ``diproses`` and hands the letters' ids
to ``kirim_ke_pekerja``; after the commit a worker runs
``workers.surat.proses_surat`` (or ``proses_surat_banyak``), which calls
``terbitkan_banyak`` inside the desa's scope. It claims the rows
(``status.klaim``), composes each letter (``susun``), renders it (``render``),
signs it (``signing.penanda``; the desa's settings as the worker keeps them,
``konteks``), stores it (``arsip``) and records the hash, the
verification code and ``selesai`` (``status.selesai``), one transaction per group
the signer signs at once. The database is the truth, the broker only a messenger:

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
from sqlalchemy import bindparam, select, update

from desaonline import tugas
from desaonline.errors import GagalProses
from desaonline.extensions import db
from desaonline.signing import kunci, penanda
from desaonline.surat import arsip, kode_verifikasi, status
from desaonline.surat.konteks import konteks_desa
from desaonline.surat.models import Surat
from desaonline.surat.render import render
from desaonline.surat.susun import susun_dokumen
from desaonline.waktu import sekarang
from tenants import berlingkup, desa_wajib, tanpa_scope
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


def kirim_ke_pekerja(surat_ids, desa_id, rahasia=None):
    """Queue approved letters for the workers; they leave when the current transaction commits.

    Without a secret (the desa's own certificate) every letter is a task of its own, so
    workers sign them side by side. Letters approved with one BSrE passphrase travel as
    one task: BSrE sees that passphrase once per approval, and a wrong one stops the
    batch at its first letter. The secret travels encrypted and expires after
    ``kunci.PASSPHRASE_TTL``; the worker's log never shows it."""
    ids = [surat_ids] if isinstance(surat_ids, int) else list(surat_ids)
    if rahasia is None:
        for surat_id in ids:
            tugas.setelah_commit(tugas.PROSES_SURAT, (surat_id, desa_id))
        return
    kwargs = {"sandi": kunci.bungkus_rahasia(rahasia)}
    if len(ids) == 1:
        tugas.setelah_commit(tugas.PROSES_SURAT, (ids[0], desa_id), kwargs, rahasia=("sandi",))
    else:
        tugas.setelah_commit(tugas.PROSES_SURAT_BANYAK, (ids, desa_id), kwargs, rahasia=("sandi",))


def _rahasia(sandi):
    try:
        return kunci.buka_rahasia(sandi) if sandi else None
    except kunci.KunciSalah as err:
        raise GagalProses(f"{err} Ulangi surat ini dan ketik passphrase BSrE lagi.") from err


_MASIH_DIPROSES = berlingkup(select(Surat.id).where(Surat.id.in_(bindparam("ids", expanding=True)),
                                                    Surat.status == status.DIPROSES).order_by(Surat.id))


def terbitkan(surat_id, sandi=None):
    """Sign and store one approved letter of the current desa; returns the new status or None."""
    return terbitkan_banyak([surat_id], sandi).get(surat_id)


def terbitkan_banyak(surat_ids, sandi=None):
    """Sign and store letters of the current desa approved together: ``{id: status}``.

    Letters no longer ``diproses`` are left alone (already done, or never approved).
    The signer decides how many go in one request and one transaction
    (``Penanda.kelompok``): a group is claimed, composed, rendered, signed, stored
    and committed together, so a retry after a passing failure redoes only the
    groups not yet committed. A refusal that trying again cannot mend (a wrong
    passphrase) ends the batch: its letters still waiting are marked ``gagal`` with
    the reason, and BSrE is not asked again."""
    rahasia = _rahasia(sandi)
    ids = list(surat_ids)
    if len(ids) > 1:  # one letter needs no look first: its claim says whether it is still diproses
        ids = list(db.session.scalars(_MASIH_DIPROSES, {"ids": ids}))
        if not ids:
            return {}
    desa = desa_by_id(desa_wajib())
    if desa is None:
        raise GagalProses("Desa tidak aktif.")
    konteks = konteks_desa()
    signer = penanda.pilih_penanda(rahasia, konteks.ttd)
    hasil = {}
    try:
        for i in range(0, len(ids), signer.kelompok):
            kelompok = ids[i:i + signer.kelompok]
            try:
                hasil.update(_terbitkan_kelompok(kelompok, signer, desa, konteks))
            except GagalProses as err:
                if err.sementara:
                    raise
                hasil.update(gagal_banyak(ids[i:], str(err)))
                break
    finally:
        signer.lupakan()
    return hasil


def _terbitkan_kelompok(ids, signer, desa, konteks):
    klaim = status.klaim_banyak(ids) if len(ids) > 1 else [s for s in [status.klaim(ids[0])] if s is not None]
    hasil, siap = {}, []
    for surat in klaim:
        kode = kode_verifikasi.buat()
        tautan = f"{surat.alamat_publik or 'https://' + desa.host}/verifikasi/{kode}"
        waktu = sekarang()   # the signing time: in the signature, on the box, and the PDF's creation date
        try:
            dokumen = susun_dokumen(surat, konsep=False, catatan_tte=signer.catatan_tte, waktu=waktu,
                                    url_verifikasi=tautan, kode_verifikasi=kode_verifikasi.tampil(kode),
                                    konteks=konteks)
        except (KeyError, ValueError) as err:  # stored data the letter cannot hold: retrying will not help
            if len(ids) == 1:
                raise GagalProses(f"Isi surat tidak dapat disusun: {err}") from err
            status.gagal(surat.id, f"Isi surat tidak dapat disusun: {err}"[:1000])
            hasil[surat.id] = status.GAGAL
            continue
        hasil_render = render(dokumen, tag_ttd=signer.tag_ttd)
        ket = penanda.KeteranganTtd(
            nama=surat.ttd_nama or dokumen.penandatangan.nama,
            jabatan=surat.ttd_jabatan or dokumen.penandatangan.jabatan,
            alasan=f"{dokumen.judul} nomor {surat.nomor}",
            lokasi=f"{desa.jenis.capitalize()} {desa.nama}, {desa.kabupaten_nama}",
            waktu=waktu, tautan=tautan,
        )
        siap.append((surat, kode, hasil_render, ket))
    if siap:
        pdfs = signer.tandatangani_banyak([(r.pdf, r.kotak_ttd, ket) for _, _, r, ket in siap])
        for (surat, kode, _, ket), pdf in zip(siap, pdfs, strict=True):
            sha, path = arsip.simpan(surat.desa_id, pdf)
            if not status.selesai(surat.id, kode, sha, path, ket.waktu):
                # The claim holds the rows: only a letter changed behind the lock gets here.
                raise RuntimeError(f"surat {surat.id} berubah saat ditandatangani")
            hasil[surat.id] = status.SELESAI
    db.session.commit()
    return hasil


def gagal(surat_id, alasan):
    """Mark a letter ``gagal`` with the reason the operator sees (only if still diproses)."""
    return gagal_banyak([surat_id], alasan).get(surat_id)


def gagal_banyak(surat_ids, alasan):
    """Mark the letters still ``diproses`` ``gagal`` with the reason the operator sees."""
    log.warning("surat %s gagal: %s", list(surat_ids), alasan)
    db.session.rollback()
    hasil = {sid: status.GAGAL for sid in surat_ids if status.gagal(sid, alasan[:1000])}
    db.session.commit()
    return hasil


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
