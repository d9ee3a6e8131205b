"""The resident's attachments (lampiran): photos and PDFs of the documents a letter needs.

A file is judged by what it is, never by its name or the type the phone claims:
its first bytes must be JPEG, PNG or PDF, and it must really open as one (Pillow
decodes the whole image; pypdf reads every page). Photos are then made fit for a
phone and for the archive: turned upright by their EXIF orientation, at most
``SISI_MAKS`` pixels on the long side, re-encoded, every metadata block (EXIF with
its GPS position, comments) dropped. PDFs are rewritten page by page without the
document's scripts, actions, attachments and annotations, so what an operator opens
is only the pages. Attachments are kept with the letter in the archive
(``surat/arsip.py``) and seen only by the resident who asked and the desa's operators.
"""
import io
import re
import unicodedata
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from sqlalchemy import func, select

from desaonline.errors import Penolakan, tidak_ditemukan
from desaonline.extensions import db
from desaonline.surat import arsip, status, syarat as syarat_svc
from desaonline.surat.models import LampiranSurat, RiwayatSurat

MAKS_BYTE = 5 * 1024 * 1024
SISI_MAKS = 1600
# A photo's pixels are checked before it is decoded: 50 MP is beyond any phone camera
# and keeps a small file that claims a huge image (a decompression bomb) from being opened.
PIKSEL_MAKS = 50_000_000
HALAMAN_MAKS = 30
PALING_BANYAK = 20
KUALITAS_JPEG = 82

JPEG, PNG, PDF = "image/jpeg", "image/png", "application/pdf"
AKHIRAN = {JPEG: ".jpg", PNG: ".png", PDF: ".pdf"}
_AWAL = ((b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG), (b"%PDF-", PDF))

PESAN_BUKAN = ("Berkas harus foto JPEG atau PNG, atau PDF. Isi berkas ini bukan salah satunya "
               "(nama berkasnya tidak menentukan isinya); foto ulang dokumennya atau simpan sebagai PDF.")


@dataclass(frozen=True)
class Berkas:
    """A checked, cleaned file, ready to store."""
    jenis_isi: str
    isi: bytes
    lebar: int | None = None
    tinggi: int | None = None
    halaman: int | None = None


def _tolak(kode, pesan, status_http=422):
    return Penolakan(status_http, kode, pesan, {"file": pesan})


def periksa(isi: bytes) -> Berkas:
    """Judge a file by its content; the cleaned file, or ``Penolakan`` saying why not."""
    if not isi:
        raise _tolak("lampiran_kosong", "Berkas kosong; pilih foto atau PDF dokumennya.")
    if len(isi) > MAKS_BYTE:
        raise _tolak("lampiran_terlalu_besar", "Berkas paling besar 5 MB; kecilkan foto atau PDF-nya.", 413)
    jenis = next((j for awal, j in _AWAL if isi.startswith(awal)), None)
    if jenis is None:
        raise _tolak("lampiran_tidak_dikenal", PESAN_BUKAN)
    return _pdf(isi) if jenis == PDF else _gambar(isi, jenis)


def _gambar(isi, jenis):
    format_ = "JPEG" if jenis == JPEG else "PNG"
    rusak = _tolak("lampiran_rusak", f"Foto tidak dapat dibuka: berkas {format_} ini rusak atau tidak lengkap. "
                                     "Foto ulang dokumennya.")
    raksasa = _tolak("lampiran_terlalu_besar", "Ukuran foto terlalu besar (piksel); kecilkan fotonya.", 413)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            gambar = Image.open(io.BytesIO(isi), formats=[format_])
            if gambar.width * gambar.height > PIKSEL_MAKS:
                raise raksasa
            if format_ == "JPEG":
                gambar.draft("RGB", (SISI_MAKS, SISI_MAKS))   # decode a phone's 12 MP photo at a fraction
            gambar.load()                                      # the whole image, not only its header
            gambar = ImageOps.exif_transpose(gambar)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise raksasa from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise rusak from None
    gambar.thumbnail((SISI_MAKS, SISI_MAKS), Image.Resampling.LANCZOS)
    keluar = io.BytesIO()
    if format_ == "JPEG":
        if gambar.mode not in ("RGB", "L"):
            gambar = gambar.convert("RGB")
        gambar.save(keluar, "JPEG", quality=KUALITAS_JPEG, optimize=True)   # no exif=: the metadata stays behind
    else:
        if gambar.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            gambar = gambar.convert("RGBA")
        gambar.save(keluar, "PNG", optimize=True)
    return Berkas(jenis, keluar.getvalue(), gambar.width, gambar.height)


def _pdf(isi):
    rusak = _tolak("lampiran_rusak", "PDF tidak dapat dibuka: berkasnya rusak atau bukan PDF sungguhan. "
                                     "Simpan ulang dokumennya sebagai PDF atau kirim fotonya.")
    try:
        pembaca = PdfReader(io.BytesIO(isi))
        if pembaca.is_encrypted:
            raise _tolak("lampiran_terkunci", "PDF ini dikunci dengan sandi; kirim PDF tanpa sandi atau fotonya.")
        jumlah = len(pembaca.pages)
        if jumlah == 0:
            raise rusak
        if jumlah > HALAMAN_MAKS:
            raise _tolak("lampiran_terlalu_besar", f"PDF paling banyak {HALAMAN_MAKS} halaman.", 413)
        penulis = PdfWriter()
        for halaman in pembaca.pages:
            baru = penulis.add_page(halaman)
            for kunci in ("/Annots", "/AA"):   # links, form fields, scripts tied to a page
                baru.pop(kunci, None)
        keluar = io.BytesIO()
        penulis.write(keluar)
    except Penolakan:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on a broken file; each means "not a PDF"
        raise rusak from None
    hasil = keluar.getvalue()
    if len(hasil) > MAKS_BYTE:
        raise _tolak("lampiran_terlalu_besar", "Berkas paling besar 5 MB; kecilkan PDF-nya.", 413)
    return Berkas(PDF, hasil, halaman=jumlah)


def nama_bersih(nama):
    """The file's own name for display: no folders, no control characters, at most 120 characters."""
    nama = unicodedata.normalize("NFC", (nama or "").replace("\\", "/").rsplit("/", 1)[-1])
    nama = re.sub(r"[\x00-\x1f\x7f]", "", nama).strip()
    return nama[-120:] or "lampiran"


# --- A request's attachments ----------------------------------------------------------

def daftar(surat):
    return db.session.scalars(select(LampiranSurat).where(LampiranSurat.surat_id == surat.id)
                              .order_by(LampiranSurat.id)).all()


def jumlah_per_surat(surat_ids):
    """{surat_id: number of attachments} for a page of requests (one query)."""
    if not surat_ids:
        return {}
    return dict(db.session.execute(select(LampiranSurat.surat_id, func.count()).where(
        LampiranSurat.surat_id.in_(surat_ids)).group_by(LampiranSurat.surat_id)).all())


def satu(surat, lampiran_id):
    """One attachment of this request; 404 for any other (another request's, another desa's)."""
    baris = db.session.scalar(select(LampiranSurat).where(LampiranSurat.id == lampiran_id,
                                                          LampiranSurat.surat_id == surat.id))
    if baris is None:
        raise tidak_ditemukan("lampiran_tidak_ditemukan", "Lampiran tidak ditemukan.")
    return baris


def _syarat(kode):
    kode = (kode or "").strip() or None
    if kode is not None and kode not in syarat_svc.DOKUMEN_PER_KODE:
        pesan = "Pilih dokumen dari daftar syarat."
        raise Penolakan(422, "syarat_tidak_valid", pesan, {"syarat": pesan})
    return kode


def tambah(surat, nama, isi, syarat=None):
    """Attach a file to the resident's request (``surat`` already checked as theirs)."""
    if not status.boleh_melampirkan(surat):
        raise Penolakan(409, "status_tidak_sesuai",
                        f"Lampiran tidak dapat ditambahkan lagi; surat ini berstatus {surat.status}.")
    kode = _syarat(syarat)
    jumlah = db.session.scalar(select(func.count()).select_from(LampiranSurat)
                               .where(LampiranSurat.surat_id == surat.id))
    if jumlah >= PALING_BANYAK:
        raise _tolak("lampiran_terlalu_banyak", f"Paling banyak {PALING_BANYAK} lampiran untuk satu permohonan.")
    berkas = periksa(isi)
    sha, kunci = arsip.simpan(surat.desa_id, berkas.isi, AKHIRAN[berkas.jenis_isi], bagian="lampiran")
    baris = LampiranSurat(surat_id=surat.id, syarat=kode, nama_asli=nama_bersih(nama), jenis_isi=berkas.jenis_isi,
                          ukuran=len(berkas.isi), lebar=berkas.lebar, tinggi=berkas.tinggi, halaman=berkas.halaman,
                          sha256=sha, kunci=kunci)
    db.session.add(baris)
    db.session.commit()
    return baris


def buang_yatim(kunci_daftar):
    """Remove stored files no attachment row points to any more (the same photo may serve two)."""
    for kunci in set(kunci_daftar):
        if not db.session.scalar(select(func.count()).select_from(LampiranSurat).where(LampiranSurat.kunci == kunci)):
            arsip.hapus(kunci)


def hapus(surat, lampiran_id):
    if surat.status not in status.LAMPIRAN_DIHAPUS:
        raise Penolakan(409, "status_tidak_sesuai",
                        f"Lampiran hanya dapat dihapus dari konsep; surat ini berstatus {surat.status}.")
    baris = satu(surat, lampiran_id)
    kunci = baris.kunci
    db.session.delete(baris)
    db.session.commit()
    buang_yatim([kunci])


def kunci_surat(surat_id):
    """The stored files of a request, before it is deleted (then ``buang_yatim``)."""
    return db.session.scalars(select(LampiranSurat.kunci).where(LampiranSurat.surat_id == surat_id)).all()



def kirim(baris):
    """The attachment as a response; images shown in place, PDFs opened by the browser's viewer."""
    nama = f"lampiran-{baris.surat_id}-{baris.id}{AKHIRAN.get(baris.jenis_isi, '')}"
    respon = arsip.kirim(baris.kunci, baris.jenis_isi, nama, unduh=False, sha256=baris.sha256)
    respon.headers["Cache-Control"] = "private, max-age=3600"
    respon.headers["X-Content-Type-Options"] = "nosniff"
    return respon


def ringkas_syarat(surat, lampiran=None):
    """The type's documents, and any other the operator asked for, each with the attachments
    that answer it: [(Dokumen, [LampiranSurat])]."""
    lampiran = daftar(surat) if lampiran is None else lampiran
    dokumen = syarat_svc.untuk(surat.jenis)
    dokumen += [syarat_svc.DOKUMEN_PER_KODE[k] for k in (surat.lengkapi or [])
                if k in syarat_svc.DOKUMEN_PER_KODE and syarat_svc.DOKUMEN_PER_KODE[k] not in dokumen]
    return [(d, [l for l in lampiran if l.syarat == d.kode]) for d in dokumen]


def waktu_ditolak(surat):
    """When the request was last rejected (its history), or None."""
    return db.session.scalar(select(func.max(RiwayatSurat.waktu)).where(
        RiwayatSurat.surat_id == surat.id, RiwayatSurat.status == status.DITOLAK))


def ada_sejak(surat, waktu):
    """Whether an attachment was added to the request after ``waktu``."""
    if waktu is None:
        return False
    return bool(db.session.scalar(select(func.count()).select_from(LampiranSurat).where(
        LampiranSurat.surat_id == surat.id, LampiranSurat.dibuat > waktu)))

