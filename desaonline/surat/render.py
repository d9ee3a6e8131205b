"""Lay out one letter (a ``DokumenSurat``) as PDF with ReportLab.

The same renderer serves the draft preview (watermark "KONSEP", no number, no QR)
and the letter the workers sign. It also reports where the signature box sits
(page and rectangle in PDF points) so the signer puts the visible signature on
the signatory block, not somewhere fixed on the page.

Every text comes from a resident, an operator or the letter catalogue and is plain
text: it is escaped here, once, before it meets Paragraph markup (``teks()``).
Output is reproducible (ReportLab's invariant mode): the same letter gives the
same bytes, which the tests and the content-addressed archive rely on. Invariant mode
would date every PDF 2000-01-01; the letter's own time (``DokumenSurat.waktu``, the
signing time of a signed letter) is written instead.

A letter that runs over a page keeps what paper needs: each later page repeats the
number, every page says "Halaman i dari n" (counted once all pages are laid out), a
section of the data table stays on one page with its heading, and the signature block
never stands on a page without the closing text.
"""
import functools
import io
import itertools
from dataclasses import dataclass
from datetime import datetime, time
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (CondPageBreak, Flowable, HRFlowable, Image, KeepTogether, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

from desaonline.surat.dokumen import DokumenSurat
from desaonline.waktu import WIB, tanggal_indonesia

# F4 ("folio") is what many Indonesian offices print on.
KERTAS = {"A4": (210 * mm, 297 * mm), "F4": (215 * mm, 330 * mm)}

# The visible signature goes here: wide enough for a name and a date in 7 pt.
KOTAK_TTD_LEBAR = 62 * mm
KOTAK_TTD_TINGGI = 20 * mm
QR_UKURAN = 26 * mm

_dasar = ParagraphStyle("dasar", fontName="Times-Roman", fontSize=12, leading=16, alignment=TA_JUSTIFY)
GAYA = {
    "isi": _dasar,
    "isi_kiri": ParagraphStyle("isi_kiri", parent=_dasar, alignment=TA_LEFT),
    "kop_kecil": ParagraphStyle("kop_kecil", parent=_dasar, fontName="Times-Bold", fontSize=14, leading=17,
                                alignment=TA_CENTER),
    "kop_desa": ParagraphStyle("kop_desa", parent=_dasar, fontName="Times-Bold", fontSize=16, leading=20,
                               alignment=TA_CENTER),
    "kop_alamat": ParagraphStyle("kop_alamat", parent=_dasar, fontName="Times-Italic", fontSize=10, leading=12,
                                 alignment=TA_CENTER),
    "judul": ParagraphStyle("judul", parent=_dasar, fontName="Times-Bold", fontSize=13, leading=16,
                            alignment=TA_CENTER),
    "nomor": ParagraphStyle("nomor", parent=_dasar, alignment=TA_CENTER),
    "subjudul": ParagraphStyle("subjudul", parent=_dasar, fontName="Times-Bold", alignment=TA_LEFT),
    "ttd": ParagraphStyle("ttd", parent=_dasar, alignment=TA_CENTER, leading=15),
    "ttd_nama": ParagraphStyle("ttd_nama", parent=_dasar, fontName="Times-Bold", alignment=TA_CENTER, leading=15),
    "qr_kode": ParagraphStyle("qr_kode", parent=_dasar, fontName="Helvetica", fontSize=7.5, leading=9.5,
                              alignment=TA_LEFT),
    "kaki": ParagraphStyle("kaki", parent=_dasar, fontName="Helvetica-Oblique", fontSize=7.5, leading=9,
                           alignment=TA_CENTER, textColor=colors.HexColor("#333333")),
}


def teks(nilai):
    """Plain text -> Paragraph markup: escaped, line breaks kept."""
    return escape(str(nilai or "")).replace("\r\n", "\n").replace("\n", "<br/>")


@dataclass
class KotakTtd:
    """Where the visible signature goes: 0-based page and (x1, y1, x2, y2) in points."""
    halaman: int = 0
    x1: float = 0.0
    y1: float = 0.0
    x2: float = 0.0
    y2: float = 0.0

    @property
    def kotak(self):
        return (self.x1, self.y1, self.x2, self.y2)


@dataclass(frozen=True)
class SuratPdf:
    pdf: bytes
    kotak_ttd: KotakTtd
    halaman: int


class _RuangTtd(Flowable):
    """Empty room in the signatory block; records its place on the page when drawn.

    ``tag``: a character written (white, tiny) at the room's lower-left corner, for a
    signer that places the signature by finding it in the text (BSrE's tag_koordinat)."""

    def __init__(self, lebar, tinggi, catat: KotakTtd, tag=None):
        super().__init__()
        self.width, self.height, self._catat, self._tag = lebar, tinggi, catat, tag

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        x, y = self.canv.absolutePosition(0, 0)
        c = self._catat
        c.halaman = self.canv.getPageNumber() - 1
        c.x1, c.y1, c.x2, c.y2 = round(x, 2), round(y, 2), round(x + self.width, 2), round(y + self.height, 2)
        if self._tag:
            self.canv.saveState()
            self.canv.setFillColor(colors.white)
            self.canv.setFont("Helvetica", 2)
            self.canv.drawString(0, 0, self._tag)
            self.canv.restoreState()


class _KodeQr(QrCode):
    """ReportLab's QR flowable, made cheaper for a worker that signs many letters.

    ``make()`` normally tries all 8 mask patterns and scores each in pure Python
    (about 15 ms a letter, a third of the render); any mask is valid for a reader,
    so one fixed mask is used. The dark modules are written as one path in module
    units (integers: no float formatting), not one rectangle object each.
    """
    MASK = 2

    def draw(self):
        qr = self.qr
        qr.version = qr.version or qr.calculate_version()
        qr.makeImpl(False, self.MASK)
        n = qr.getModuleCount()
        ops = []
        for r, baris in enumerate(qr.modules):
            c = 0
            for gelap, run in itertools.groupby(baris):
                jumlah = sum(1 for _ in run)
                if gelap:
                    # 1.05 high: no hairline seams between rows in anti-aliasing viewers
                    ops.append(f"{c} {n - 1 - r} {jumlah} 1.05 re")
                c += jumlah
        self.canv.saveState()
        self.canv.transform(self.width / n, 0, 0, self.height / n, 0, 0)
        self.canv.addLiteral(" ".join(ops) + " f")
        self.canv.restoreState()


def _qr(url):
    return _KodeQr(url, width=QR_UKURAN, height=QR_UKURAN, qrBorder=0, qrLevel="M")


@functools.lru_cache(maxsize=64)
def _logo_siap(data):
    """The logo as JPEG on white, at most 400 px, and its size: made once per process.

    ReportLab embeds a JPEG as it is, while a PNG is decoded and compressed again in
    every letter (a fifth of a letter's render time for a 240x280 logo).
    """
    from PIL import Image as PilImage
    gambar = PilImage.open(io.BytesIO(data))
    gambar.thumbnail((400, 400))
    if gambar.mode in ("RGBA", "LA", "P"):
        gambar = gambar.convert("RGBA")
        latar = PilImage.new("RGB", gambar.size, (255, 255, 255))
        latar.paste(gambar, mask=gambar.getchannel("A"))
        gambar = latar
    buf = io.BytesIO()
    gambar.convert("RGB").save(buf, "JPEG", quality=92, subsampling=0)
    return buf.getvalue(), gambar.size


def _logo(data):
    """The desa's logo, or None when the stored image cannot be read (a letter still goes out)."""
    try:
        jpeg, (lebar, tinggi) = _logo_siap(data)
    except Exception:  # noqa: BLE001: a broken logo must not stop every letter of the desa
        return None
    sisi = 22 * mm
    skala = min(sisi / lebar, sisi / tinggi)
    return Image(io.BytesIO(jpeg), width=lebar * skala, height=tinggi * skala)


def _kop(dok: DokumenSurat, lebar):
    kop = dok.kop
    baris = [Paragraph(teks(kop.kabupaten), GAYA["kop_kecil"]), Paragraph(teks(kop.kecamatan), GAYA["kop_kecil"]),
             Paragraph(teks(kop.desa), GAYA["kop_desa"])]
    if kop.alamat:
        baris.append(Paragraph(teks(kop.alamat), GAYA["kop_alamat"]))
    logo = _logo(kop.logo_png) if kop.logo_png else None
    kolom_logo = 26 * mm
    # Text stays centred on the page: an empty column of the logo's width on the right.
    tabel = Table([[logo or "", baris, ""]], colWidths=[kolom_logo, lebar - 2 * kolom_logo, kolom_logo])
    tabel.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return [tabel,
            HRFlowable(width="100%", thickness=2.2, color=colors.black, spaceBefore=2, spaceAfter=1.2),
            HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=0, spaceAfter=10)]


def _judul(dok: DokumenSurat):
    judul = [Paragraph(f"<u>{teks(dok.judul)}</u>", GAYA["judul"])]
    nomor = teks(dok.nomor) if dok.nomor and not dok.konsep else "." * 30
    judul.append(Paragraph(f"Nomor : {nomor}", GAYA["nomor"]))
    judul.append(Spacer(1, 10))
    return judul


def _tabel_data(baris, lebar):
    """Label : value rows; a row without a value is a section heading across the table.

    Each headed section is its own table kept on one page (a heading never ends a page
    with its rows on the next); rows before the first heading may split over pages."""
    if not baris:
        return []
    bagian, sekarang = [], []
    for label, nilai in baris:
        if nilai is None and sekarang:
            bagian.append(sekarang)
            sekarang = []
        sekarang.append((label, nilai))
    bagian.append(sekarang)
    kolom_label = 52 * mm
    hasil = []
    for n, rows in enumerate(bagian):
        isi, gaya = [], []
        for r, (label, nilai) in enumerate(rows):
            if nilai is None:
                isi.append([Paragraph(teks(label), GAYA["subjudul"]), "", ""])
                gaya += [("SPAN", (0, r), (-1, r)), ("TOPPADDING", (0, r), (-1, r), 5 if n else 0)]
            else:
                isi.append([Paragraph(teks(label), GAYA["isi_kiri"]), ":", Paragraph(teks(nilai), GAYA["isi_kiri"])])
        tabel = Table(isi, colWidths=[kolom_label, 5 * mm, lebar - kolom_label - 15 * mm], hAlign="RIGHT",
                      repeatRows=0)
        tabel.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (1, 0), (1, -1), "Times-Roman", 12),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            *gaya,
        ]))
        hasil.append(KeepTogether([tabel]) if rows[0][1] is None else tabel)
    return [*hasil, Spacer(1, 8)]


def _paragraf(daftar):
    hasil = []
    for isi in daftar:
        hasil.append(Paragraph(teks(isi), GAYA["isi"], ))
        hasil.append(Spacer(1, 6))
    return hasil


def _blok_ttd(dok: DokumenSurat, lebar, catat: KotakTtd, tag=None):
    """Place and date, a.n./u.b., jabatan, room for the signature, name, NIP; QR on the left."""
    p = dok.penandatangan
    kanan = [Paragraph(f"{teks(dok.tempat)}, {teks(tanggal_indonesia(dok.tanggal))}", GAYA["ttd"])]
    if p.atas_nama:
        kanan.append(Paragraph(f"{teks(p.atas_nama)} {teks(p.jabatan_atasan)}", GAYA["ttd"]))
    kanan.append(Paragraph(teks(p.jabatan), GAYA["ttd"]))
    kanan.append(Spacer(1, 3))
    kanan.append(_RuangTtd(KOTAK_TTD_LEBAR, KOTAK_TTD_TINGGI, catat, tag))
    kanan.append(Spacer(1, 3))
    kanan.append(Paragraph(f"<u>{teks(p.nama)}</u>", GAYA["ttd_nama"]))
    if p.nip:
        kanan.append(Paragraph(f"NIP. {teks(p.nip)}", GAYA["ttd"]))
    kolom_kanan = KOTAK_TTD_LEBAR + 16 * mm
    kiri = _verifikasi(dok, lebar - kolom_kanan) if dok.url_verifikasi and not dok.konsep else ""
    tabel = Table([[kiri, kanan]], colWidths=[lebar - kolom_kanan, kolom_kanan])
    tabel.setStyle(TableStyle([
        ("VALIGN", (0, 0), (0, 0), "BOTTOM"), ("VALIGN", (1, 0), (1, 0), "TOP"),
        ("ALIGN", (0, 0), (0, 0), "LEFT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [Spacer(1, 8), tabel]


def _verifikasi(dok: DokumenSurat, lebar):
    """The QR code and, beside it, the code in text and where to check it: a photocopy
    or a phone without a camera can still verify the letter."""
    if not dok.kode_verifikasi:
        return _qr(dok.url_verifikasi)
    halaman = dok.url_verifikasi.rsplit("/", 1)[0]
    keterangan = Paragraph(
        f"Kode verifikasi:<br/><font name=\"Courier-Bold\" size=\"8.5\">{teks(dok.kode_verifikasi)}</font><br/>"
        f"Scan kode QR atau buka {teks(halaman)} lalu ketik kode di atas.", GAYA["qr_kode"])
    tabel = Table([[_qr(dok.url_verifikasi), keterangan]], colWidths=[QR_UKURAN + 3 * mm, lebar - QR_UKURAN - 5 * mm])
    tabel.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return tabel


class _Halaman:
    """What is drawn on every page as it is laid out: the "KONSEP" watermark and the TTE footer."""

    def __init__(self, dok: DokumenSurat, ukuran, margin_bawah, margin_kiri, margin_kanan):
        self.dok, self.ukuran = dok, ukuran
        self.margin_bawah, self.margin_kiri, self.margin_kanan = margin_bawah, margin_kiri, margin_kanan
        self.kaki = (Paragraph(teks(dok.catatan_tte), GAYA["kaki"])
                     if dok.catatan_tte and not dok.konsep else None)

    def __call__(self, canvas, doc):
        lebar, tinggi = self.ukuran
        if self.dok.konsep:
            canvas.saveState()
            canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.45))
            canvas.setFont("Helvetica-Bold", 110)
            canvas.translate(lebar / 2, tinggi / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -38, "KONSEP")
            canvas.restoreState()
        if self.kaki is not None:
            ruang = lebar - self.margin_kiri - self.margin_kanan
            _, h = self.kaki.wrap(ruang, self.margin_bawah)
            y = max(4 * mm, (self.margin_bawah - h) / 2)
            canvas.saveState()
            canvas.setStrokeColor(colors.HexColor("#777777"))
            canvas.setLineWidth(0.4)
            canvas.line(self.margin_kiri, y + h + 2, lebar - self.margin_kanan, y + h + 2)
            self.kaki.drawOn(canvas, self.margin_kiri, y)
            canvas.restoreState()


@dataclass(frozen=True)
class _Stempel:
    """The letter's time in the shape ReportLab's PDF info dictionary reads (CreationDate)."""
    YMDhms: tuple
    dhh: int
    dmm: int
    t: float


def _stempel(dok: DokumenSurat):
    waktu = dok.waktu or datetime.combine(dok.tanggal, time(), WIB)
    waktu = waktu.astimezone(WIB)
    geser = int(waktu.utcoffset().total_seconds() // 60)
    return _Stempel(tuple(waktu.timetuple())[:6], geser // 60, geser % 60, waktu.timestamp())


def _kanvas(dok: DokumenSurat, ukuran, margin):
    """A canvas that holds its pages until the end, so each can say "Halaman i dari n";
    later pages repeat the letter's number at the top."""
    atas, kanan, bawah, kiri = margin
    lebar, tinggi = ukuran
    nomor = dok.nomor if dok.nomor and not dok.konsep else None
    kepala = f"{dok.judul} Nomor {nomor}" if nomor else f"{dok.judul} (KONSEP)"

    class Kanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _stempel(dok)
            self._tertunda = []

        def showPage(self):
            self._tertunda.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            jumlah = len(self._tertunda)
            for keadaan in self._tertunda:
                self.__dict__.update(keadaan)
                if jumlah > 1:
                    self._nomor_halaman(jumlah)
                Canvas.showPage(self)
            Canvas.save(self)

        def _nomor_halaman(self, jumlah):
            ke = self.getPageNumber()
            self.saveState()
            self.setFont("Times-Roman", 9)
            self.setFillColor(colors.HexColor("#333333"))
            if ke > 1:
                y = tinggi - atas / 2
                self.drawString(kiri, y, kepala[:110])
                self.drawRightString(lebar - kanan, y, f"Halaman {ke} dari {jumlah}")
                self.setStrokeColor(colors.HexColor("#777777"))
                self.setLineWidth(0.4)
                self.line(kiri, y - 3, lebar - kanan, y - 3)
            else:
                self.drawRightString(lebar - kanan, bawah - 3 * mm, f"Halaman {ke} dari {jumlah}")
            self.restoreState()

    return Kanvas


def render(dok: DokumenSurat, tag_ttd: str | None = None) -> SuratPdf:
    """The PDF of one letter and where its signature box is (marked with ``tag_ttd``)."""
    ukuran = KERTAS.get(dok.kertas, KERTAS["A4"])
    atas, kanan, bawah, kiri = (v * mm for v in dok.margin_mm)
    buf = io.BytesIO()
    judul = f"{dok.judul} {dok.nomor or ''}".strip()
    doc = SimpleDocTemplate(
        buf, pagesize=ukuran, topMargin=atas, rightMargin=kanan, bottomMargin=bawah, leftMargin=kiri,
        title=judul, author=dok.kop.desa, subject=judul, creator="desaonline", producer="desaonline",
        invariant=1, pageCompression=1, lang="id-ID",
    )
    lebar = doc.width
    catat = KotakTtd()
    # The closing text and the signature block are one unit: never split, never apart.
    isi = [*_kop(dok, lebar), *_judul(dok), *_paragraf(dok.pembuka), *_tabel_data(dok.data, lebar),
           *_paragraf(dok.isi), CondPageBreak(10 * mm),
           KeepTogether([*_paragraf(dok.penutup), *_blok_ttd(dok, lebar, catat, tag_ttd)])]
    halaman = _Halaman(dok, ukuran, bawah, kiri, kanan)
    doc.build(isi, onFirstPage=halaman, onLaterPages=halaman,
              canvasmaker=_kanvas(dok, ukuran, (atas, kanan, bawah, kiri)))
    return SuratPdf(pdf=buf.getvalue(), kotak_ttd=catat, halaman=doc.page)


def render_pdf(dok: DokumenSurat) -> bytes:
    """PDF bytes of one letter (drafts included)."""
    return render(dok).pdf
