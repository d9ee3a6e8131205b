"""The audit log on the portal: filterable, paged, read-only (there is nothing to edit)."""
from flask import render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from desaonline.admin import akses, bp
from desaonline.admin.routes import admin_required
from desaonline.audit import layanan
from desaonline.extensions import db
from tenants.models import Kecamatan


def _angka(nilai):
    return int(nilai) if (nilai or "").isdigit() and len(nilai) < 10 else None


@bp.get("/audit")
@admin_required
def audit():
    """Who changed what, when, in which desa, from which address."""
    a = request.args
    saringan = layanan.Saringan(dari=a.get("dari") or None, sampai=a.get("sampai") or None,
                                kecamatan=a.get("kecamatan") or None, desa=_angka(a.get("desa")),
                                aktor=(a.get("aktor") or "").strip() or None, peran=a.get("peran") or None,
                                aksi=(a.get("aksi") or "").strip() or None)
    hal = layanan.cari(current_user, saringan, _angka(a.get("halaman")) or 1)
    kecamatan = db.session.scalars(akses.kecamatan_query(current_user).order_by(Kecamatan.nama)).all()
    lanjut = url_for("admin.audit", halaman=hal.halaman + 1, **saringan.sebagai_args()) if hal.ada_sesudah else None
    sebelum = url_for("admin.audit", halaman=hal.halaman - 1, **saringan.sebagai_args()) if hal.ada_sebelum else None
    return render_template("admin/audit.html", hal=hal, saringan=saringan, kecamatan=kecamatan,
                           peran=layanan.PERAN, lanjut=lanjut, sebelum=sebelum)
