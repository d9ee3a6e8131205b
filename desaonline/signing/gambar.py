"""Images a BSrE signature carries: the Kepala Desa's specimen (checked on upload)
and, for API v2 (which has no ``linkQR``), the QR code of the letter's
verification page drawn as a PNG here."""
import io

from PIL import Image, UnidentifiedImageError
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

UKURAN_MAKS = 512 * 1024
SISI_MAKS = 2000


def periksa_spesimen(data: bytes) -> str | None:
    """The reason a specimen image is refused, or None (PNG or JPEG, checked by content)."""
    if not data:
        return "Berkas spesimen kosong."
    if len(data) > UKURAN_MAKS:
        return "Berkas spesimen terlalu besar (paling besar 512 KB)."
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        return "Spesimen harus gambar PNG atau JPEG."
    try:
        with Image.open(io.BytesIO(data)) as gambar:
            if max(gambar.size) > SISI_MAKS:
                return f"Gambar spesimen terlalu besar (paling besar {SISI_MAKS} piksel per sisi)."
            gambar.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return "Gambar spesimen rusak atau tidak dapat dibaca."
    return None


def qr_png(url: str, modul: int = 6) -> bytes:
    """A QR code of ``url`` as a black-and-white PNG with a quiet zone."""
    qr = QRCode(0, QRErrorCorrectLevel.M)
    qr.addData(url)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 2)  # any mask reads; scoring all eight is slow in pure Python
    n, tepi = qr.getModuleCount(), 4
    gambar = Image.new("1", (n + 2 * tepi,) * 2, 1)
    gambar.putdata([0 if 0 <= r - tepi < n and 0 <= c - tepi < n and qr.isDark(r - tepi, c - tepi) else 1
                    for r in range(n + 2 * tepi) for c in range(n + 2 * tepi)])
    keluar = io.BytesIO()
    gambar.resize((gambar.width * modul,) * 2, Image.NEAREST).save(keluar, "PNG", optimize=True)
    return keluar.getvalue()
