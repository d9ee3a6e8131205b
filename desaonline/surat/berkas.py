"""PDF answers shared by the pages and the API: the draft preview and the signed letter."""
import io
import re

from flask import send_file

from desaonline.errors import Penolakan
from desaonline.surat import arsip
from desaonline.surat.render import render_pdf
from desaonline.surat.status import SELESAI
from desaonline.surat.susun import susun_dokumen


def _nama_berkas(surat, awalan):
    nomor = re.sub(r"[^0-9A-Za-z]+", "-", surat.nomor or "").strip("-")
    return f"{awalan}-{surat.jenis.replace('_', '-')}-{nomor or surat.id}.pdf"


def pratinjau(surat):
    """The draft as PDF, marked KONSEP, with no number and no signature."""
    pdf = render_pdf(susun_dokumen(surat, konsep=True))
    respon = send_file(io.BytesIO(pdf), mimetype="application/pdf", as_attachment=False,
                       download_name=_nama_berkas(surat, "konsep"))
    respon.headers["Cache-Control"] = "no-store"
    return respon


def unduh(surat):
    """The signed letter once it is ``selesai``; 409 before."""
    if surat.status != SELESAI or not surat.pdf_path:
        raise Penolakan(409, "surat_belum_selesai",
                         f"Surat belum selesai ditandatangani (status: {surat.status}).")
    respon = arsip.kirim(surat.pdf_path, "application/pdf", _nama_berkas(surat, "surat"), sha256=surat.pdf_sha256)
    respon.headers["Cache-Control"] = "private, no-cache"
    return respon
