"""The content of one letter, ready to be laid out: the boundary between the letter
catalogue (what a letter says) and the PDF renderer (how it looks).

Every string here is plain text exactly as typed or stored; the renderer escapes it
before it meets ReportLab's Paragraph markup.
"""
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Kop:
    """Letterhead (kop surat)."""
    kabupaten: str            # "PEMERINTAH KABUPATEN KEBUMEN"
    kecamatan: str            # "KECAMATAN KLIRONG"
    desa: str                 # "DESA KLIRONG"
    alamat: str               # "Jl. Raya Klirong No. 1, Kode Pos 54381"
    logo_png: bytes | None = None


@dataclass(frozen=True)
class Penandatangan:
    jabatan: str              # "Kepala Desa Klirong" / "Sekretaris Desa"
    nama: str
    nip: str | None = None
    atas_nama: str | None = None          # None | "a.n." | "u.b."
    jabatan_atasan: str | None = None     # for a.n./u.b.: "Kepala Desa Klirong"


@dataclass(frozen=True)
class DokumenSurat:
    kop: Kop
    judul: str                            # "SURAT KETERANGAN PENGANTAR"
    nomor: str | None                     # None on a draft
    pembuka: list[str]                    # paragraphs before the data table
    data: list[tuple[str, str | None]]    # (label, value) rows; no value: a section heading ("Data Bayi")
    isi: list[str]                        # paragraphs after the table (the statement, keperluan...)
    penutup: list[str]
    tempat: str                           # "Klirong"
    tanggal: date
    penandatangan: Penandatangan
    kertas: str = "A4"                    # A4 | F4
    margin_mm: tuple[int, int, int, int] = (20, 20, 20, 25)  # top, right, bottom, left
    konsep: bool = False                  # draft preview: watermark "KONSEP", no number, no QR
    url_verifikasi: str | None = None     # the QR code's target on a signed letter
    kode_verifikasi: str | None = None    # printed beside the QR, for a photocopy ("ABCDE-FGHJK-...")
    waktu: datetime | None = None         # when it was made (the signing time): the PDF's creation date
    catatan_tte: str | None = None        # "Dokumen ini ditandatangani secara elektronik ..."
