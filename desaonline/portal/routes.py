from flask import current_app, g, render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desaonline.extensions import db
from desaonline.mandiri.kontak import kontak_desa
from desaonline.portal import bp
from tenants.models import Desa, Kecamatan


@bp.get("/")
def beranda():
    """Portal host: every desa by kecamatan. Desa host: the desa's home page."""
    if g.portal:
        kecamatan = db.session.scalars(
            select(Kecamatan).options(selectinload(Kecamatan.desa)).order_by(Kecamatan.nama)).all()
        return render_template("portal/beranda.html", kecamatan=kecamatan,
                               base_domain=current_app.config["BASE_DOMAIN"])
    return render_template("portal/desa.html", kantor=db.session.get(Desa, g.desa.id), kontak=kontak_desa())
