"""``flask demo`` gives every Kepala Desa a certificate from a demo CA, once."""
from cryptography.x509 import load_pem_x509_certificate

from tests.pipeline.bantu import baris
from tests.signing.validasi import sah


def test_demo_certificate_signs_letters_and_is_made_once(app, alur, tmp_path, monkeypatch, tugas):
    from desaonline.extensions import db
    from desaonline.signing import demo
    from tenants import desa_scope
    from tenants.models import Desa
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    a = alur()
    a.pejabat()
    with app.app_context(), desa_scope(a.desa.id):
        desa = db.session.get(Desa, a.desa.id)
        laporan = demo.seed_demo(desa)
        db.session.commit()
        assert len(laporan) == 1 and "SITI AMINAH" in laporan[0]
        assert demo.seed_demo(desa) == []
    info = a.kirim("get", "/api/v1/operator/tanda-tangan", a.op).json
    assert info["sertifikat"] == "SITI AMINAH <Kades> & Co" and "Demo CA" in info["penerbit"]

    _, token = a.warga()
    sid = a.surat_diajukan(token)
    a.setujui(sid)
    assert tugas.proses(sid, a.desa.id) == "selesai"
    ca = load_pem_x509_certificate((tmp_path / "demo-ca" / "ca.pem").read_bytes())
    sah(a.pdf(sid, token), ca)
    assert baris(app, sid).status == "selesai"
