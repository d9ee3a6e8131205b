"""Reading the database and the in-memory broker from pipeline tests."""
import json

from sqlalchemy import select, update

from desaonline.extensions import db
from desaonline.surat.models import RiwayatSurat, Surat


def baris(app, surat_id):
    with app.app_context():
        s = db.session.scalar(select(Surat).where(Surat.id == surat_id).execution_options(tanpa_scope=True))
        db.session.expunge(s)
        return s


def riwayat(app, surat_id):
    with app.app_context():
        return [r.status for r in db.session.scalars(
            select(RiwayatSurat).where(RiwayatSurat.surat_id == surat_id).order_by(RiwayatSurat.id)
            .execution_options(tanpa_scope=True))]


def mundurkan(app, surat_id, detik):
    """Pretend the letter has been ``diproses`` for ``detik`` seconds already."""
    from datetime import timedelta

    from desaonline.waktu import sekarang
    with app.app_context():
        db.session.execute(update(Surat).where(Surat.id == surat_id).values(diubah=sekarang() - timedelta(seconds=detik))
                           .execution_options(tanpa_scope=True, synchronize_session=False))
        db.session.commit()


def pesan_antrean(app):
    """Every task message waiting in the in-memory broker (they are consumed here)."""
    celery = app.extensions["celery"]
    hasil = []
    with celery.connection_for_read() as conn:
        antre = conn.SimpleQueue(celery.conf.task_default_queue, no_ack=True)
        while True:
            try:
                m = antre.get(block=False)
            except antre.Empty:
                break
            hasil.append({"headers": m.headers, "body": m.body if isinstance(m.body, str) else json.dumps(m.payload)})
        antre.close()
    return hasil
