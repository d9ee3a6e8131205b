"""BSrE's esign client over HTTP, API v1 and v2, as the public clients call it.

BSrE publishes no open specification; every field here is what public clients send
and what BSrE's own technical guide shows (``docs/bsre.md`` names each source and
lists what only a real account can confirm). In short:

- HTTP Basic with the application's username and password from the esign client's
  admin page, on every endpoint.
- v1 ``POST /api/sign/pdf`` multipart: ``file``, ``nik``, ``passphrase``,
  ``tampilan`` (visible | invisible). Visible: ``image=false`` + ``linkQR`` (the
  service draws a QR code) or ``image=true`` + ``imageTTD`` (a specimen image),
  ``width``/``height``, and the place: ``page`` + ``xAxis``/``yAxis`` (integers,
  PDF points from the page's lower-left corner), or ``tag_koordinat`` (one
  character in the letter's text). ``reason``, ``location`` optional. Answers the
  signed PDF (header ``id_dokumen``) or JSON ``{"error", "status_code"}``: 2011 an
  unknown NIK, 2031 a wrong passphrase, with HTTP 400.
- v2 ``POST /api/v2/sign/pdf`` JSON ``{nik, passphrase | totp, signatureProperties:
  [{tampilan: VISIBLE | INVISIBLE, imageBase64, page, originX, originY, width,
  height, tag_koordinat, reason, location}], file: [base64...]}`` -> ``{"time",
  "file": [base64...]}``: several letters in one request, one property set for all
  or one per file. ``POST /api/v2/sign/get/totp {nik, data: count}`` mails the
  Kepala Desa a one-time code for that many files.
- Signer status: v1 ``GET /api/user/status/{nik}``, v2 ``POST
  /api/v2/user/check/status {nik}``; ``status`` is ISSUE (may sign), EXPIRED,
  RENEW, WAITING_FOR_VERIFICATION, NEW, NO_CERTIFICATE, NOT_REGISTERED, SUSPEND,
  REVOKE.

Failures become ``GagalProses`` with a Bahasa Indonesia reason for the operator;
``sementara`` only when trying again can help (the service unreachable, a timeout,
HTTP 429 or 5xx), never for a wrong passphrase: BSrE may lock a certificate after
repeated wrong passphrases. The passphrase never appears in a message or a log.
"""
import base64
import binascii
from dataclasses import dataclass

import requests

from desaonline.errors import GagalProses

VERSI = ("1", "2")
PASSPHRASE_SALAH, NIK_TIDAK_TERDAFTAR = 2031, 2011


@dataclass(frozen=True)
class Akun:
    """The esign client a desa signs through: the kabupaten's, or the desa's own."""
    url: str
    username: str
    password: str = ""
    versi: str = "1"
    timeout: float = 60.0
    milik: str = "kabupaten"     # kabupaten | desa

    def __repr__(self):  # the password never reaches a log or a traceback
        return f"Akun(url={self.url!r}, versi={self.versi!r}, milik={self.milik!r})"


@dataclass(frozen=True)
class Rahasia:
    """What the Kepala Desa typed at approval: the passphrase, or (v2) a TOTP."""
    passphrase: str | None = None
    totp: str | None = None

    def __repr__(self):
        return "Rahasia(***)"


@dataclass(frozen=True)
class Tampilan:
    """The visible signature asked of the service for one letter."""
    visual: str                 # qr | spesimen
    halaman: int                # 1-based
    x: int
    y: int
    lebar: int
    tinggi: int
    tag: str | None = None      # place by this one character instead of page/x/y
    link_qr: str | None = None  # v1 qr: the letter's verification page
    gambar: bytes | None = None  # spesimen (v1, v2) or the QR as PNG (v2)
    alasan: str = ""
    lokasi: str = ""


@dataclass(frozen=True)
class StatusPenanda:
    """The Kepala Desa's certificate as BSrE sees it."""
    status: str
    pesan: str
    bisa_menandatangani: bool


PESAN_STATUS = {
    "ISSUE": "Sertifikat elektronik Kepala Desa aktif: surat dapat ditandatangani lewat BSrE.",
    "EXPIRED": "Masa berlaku sertifikat elektronik Kepala Desa sudah habis. Kepala Desa perlu memperbarui "
               "sertifikatnya di BSrE sebelum surat dapat ditandatangani.",
    "RENEW": "Sertifikat elektronik Kepala Desa sedang diperbarui di BSrE. Tunggu sampai pembaruan selesai.",
    "WAITING_FOR_VERIFICATION": "Pendaftaran sertifikat elektronik Kepala Desa sedang diverifikasi BSrE.",
    "NEW": "Kepala Desa sudah memiliki sertifikat elektronik tetapi belum mengaktifkannya. Aktifkan lewat "
           "tautan dari email BSrE.",
    "NO_CERTIFICATE": "NIK ini terdaftar di BSrE tetapi belum memiliki sertifikat elektronik.",
    "NOT_REGISTERED": "NIK ini belum terdaftar di BSrE. Daftarkan Kepala Desa lewat admin TTE kabupaten.",
    "SUSPEND": "Sertifikat elektronik Kepala Desa ditangguhkan (suspend) oleh BSrE. Hubungi admin TTE kabupaten.",
    "REVOKE": "Sertifikat elektronik Kepala Desa sudah dicabut. Kepala Desa perlu mengajukan sertifikat baru.",
}


def pesan_status(status):
    return PESAN_STATUS.get(status, f"Status sertifikat elektronik di BSrE: {status}. Hanya status ISSUE yang "
                                    "dapat menandatangani.")


# --- HTTP ---------------------------------------------------------------------------

def _kirim(akun, method, path, sesi=None, timeout=None, **kw):
    """One request to the esign client; transport failures are temporary."""
    try:
        return (sesi or requests).request(method, akun.url.rstrip("/") + path, auth=(akun.username, akun.password),
                                          timeout=timeout or akun.timeout, **kw)
    except requests.Timeout:
        raise GagalProses("Layanan BSrE tidak menjawab (waktu habis).", sementara=True) from None
    except requests.RequestException as err:
        # Only the exception's class: its text carries the URL (with a NIK on v1's status path).
        raise GagalProses(f"Layanan BSrE tidak dapat dihubungi ({err.__class__.__name__}).",
                          sementara=True) from None


def _json(resp):
    try:
        body = resp.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _isi_galat(body):
    """``(status_code, message)`` from an error body, wherever the client put them."""
    if not body:
        return None, None
    data = body.get("data") if isinstance(body.get("data"), dict) else {}
    kode = body.get("status_code", data.get("status_code"))
    pesan = body.get("error") or body.get("message") or data.get("message") or data.get("error")
    if isinstance(pesan, dict):  # {"error": {"status_code": ..., "msg": ...}}
        kode, pesan = pesan.get("status_code", kode), pesan.get("msg") or pesan.get("message")
    try:
        kode = int(kode) if kode is not None else None
    except (TypeError, ValueError):
        kode = None
    return kode, (str(pesan)[:300] if pesan else None)


def galat(resp, versi, nik=None):
    """The operator's reason for a refused request (``GagalProses``)."""
    kode, pesan = _isi_galat(_json(resp))
    rinci = f" (BSrE: {pesan})" if pesan else ""
    if kode == PASSPHRASE_SALAH:
        return GagalProses("Passphrase BSrE salah. Ulangi surat ini dan minta Kepala Desa mengetik passphrase yang "
                           f"benar; terlalu sering salah dapat membuat sertifikatnya dikunci BSrE.{rinci}")
    if kode == NIK_TIDAK_TERDAFTAR:
        return GagalProses(f"NIK Kepala Desa {nik or ''} tidak terdaftar di BSrE. Periksa NIK di menu Sertifikat "
                           f"atau daftarkan Kepala Desa lewat admin TTE kabupaten.{rinci}".replace("  ", " "))
    status = resp.status_code
    if status in (401, 403):
        return GagalProses("Akun aplikasi esign client BSrE ditolak (nama pengguna atau kata sandi aplikasi salah). "
                           f"Periksa pengaturan BSrE.{rinci}")
    if status == 404:
        lain = "2" if versi == "1" else "1"
        return GagalProses(f"Esign client BSrE tidak mengenal API versi {versi}. Periksa alamatnya, atau ubah versi "
                           f"API BSrE ke {lain}.{rinci}")
    if status == 429 or status >= 500:
        return GagalProses(f"Layanan BSrE sedang bermasalah (HTTP {status}).{rinci}", sementara=True)
    return GagalProses(f"BSrE menolak penandatanganan (HTTP {status}){rinci or '.'}")


# --- Signer status ------------------------------------------------------------------

def _status_dari(body):
    if not body:
        return None
    for tempat in (body, body.get("data") if isinstance(body.get("data"), dict) else {}):
        for kunci in ("status", "userStatus"):
            nilai = tempat.get(kunci)
            if isinstance(nilai, str) and nilai.strip():
                return nilai.strip().upper()
    return None


def cek_status(akun, nik, timeout=None):
    """The Kepala Desa's certificate status (``GagalProses`` when the service cannot say)."""
    if akun.versi == "2":
        resp = _kirim(akun, "POST", "/api/v2/user/check/status", json={"nik": nik}, timeout=timeout)
    else:
        resp = _kirim(akun, "GET", f"/api/user/status/{nik}", timeout=timeout)
    status = _status_dari(_json(resp)) if resp.status_code < 500 else None
    if status is None:
        raise galat(resp, akun.versi, nik) if resp.status_code != 200 else GagalProses(
            "Jawaban esign client BSrE tentang status sertifikat tidak dikenali.")
    return StatusPenanda(status, pesan_status(status), status == "ISSUE")


def minta_totp(akun, nik, jumlah):
    """v2: ask BSrE to mail the Kepala Desa a TOTP for ``jumlah`` letters."""
    if akun.versi != "2":
        raise GagalProses("Kode TOTP hanya tersedia pada API BSrE versi 2; desa ini memakai passphrase.")
    resp = _kirim(akun, "POST", "/api/v2/sign/get/totp", json={"nik": nik, "data": int(jumlah)})
    if resp.status_code != 200 or (_json(resp) or {}).get("error"):
        raise galat(resp, akun.versi, nik)


# --- Signing ------------------------------------------------------------------------

def _pdf_dari(resp):
    """v1 answers the PDF itself; some builds wrap it as ``{"file": [base64]}``."""
    if resp.content.startswith(b"%PDF"):
        return resp.content
    body = _json(resp)
    berkas = (body or {}).get("file")
    if isinstance(berkas, list) and len(berkas) == 1:
        return _b64_pdf(berkas[0])
    return None


def _b64_pdf(teks):
    try:
        pdf = base64.b64decode(teks, validate=True)
    except (binascii.Error, TypeError, ValueError):
        return None
    return pdf if pdf.startswith(b"%PDF") else None


def _form_v1(t: Tampilan):
    data = {"tampilan": "visible", "width": str(t.lebar), "height": str(t.tinggi)}
    if t.tag:
        data["tag_koordinat"] = t.tag
    else:
        data.update(page=str(t.halaman), xAxis=str(t.x), yAxis=str(t.y))
    files = {}
    if t.visual == "spesimen":
        data["image"] = "true"
        files["imageTTD"] = ("spesimen.png" if t.gambar.startswith(b"\x89PNG") else "spesimen.jpg", t.gambar)
    else:
        data.update(image="false", linkQR=t.link_qr)
    if t.alasan:
        data["reason"] = t.alasan
    if t.lokasi:
        data["location"] = t.lokasi
    return data, files


def _properti_v2(t: Tampilan):
    p = {"tampilan": "VISIBLE", "imageBase64": base64.b64encode(t.gambar).decode(),
         "width": t.lebar, "height": t.tinggi, "reason": t.alasan, "location": t.lokasi}
    if t.tag:
        p["tag_koordinat"] = t.tag
    else:
        p.update(page=t.halaman, originX=t.x, originY=t.y)
    return p


def tandatangani(akun, nik, rahasia: Rahasia, surat: list[tuple[bytes, Tampilan]]) -> list[bytes]:
    """Sign letters as one approval: v1 one request each (stopping at the first refusal, so
    a wrong passphrase is sent once), v2 one request for all."""
    if akun.versi == "2":
        return _tandatangani_v2(akun, nik, rahasia, surat)
    if not rahasia.passphrase:
        raise GagalProses("API BSrE versi 1 hanya menerima passphrase; kode TOTP hanya untuk versi 2.")
    hasil = []
    with requests.Session() as sesi:
        for pdf, t in surat:
            data, files = _form_v1(t)
            data.update(nik=nik, passphrase=rahasia.passphrase)
            files["file"] = ("surat.pdf", pdf, "application/pdf")
            resp = _kirim(akun, "POST", "/api/sign/pdf", sesi=sesi, data=data, files=files)
            bertanda = _pdf_dari(resp) if resp.status_code == 200 else None
            if bertanda is None:
                raise galat(resp, akun.versi, nik)
            hasil.append(bertanda)
    return hasil


def _tandatangani_v2(akun, nik, rahasia, surat):
    body = {"nik": nik, "signatureProperties": [_properti_v2(t) for _, t in surat],
            "file": [base64.b64encode(pdf).decode() for pdf, _ in surat]}
    if rahasia.totp:
        body["totp"] = rahasia.totp
    else:
        body["passphrase"] = rahasia.passphrase
    resp = _kirim(akun, "POST", "/api/v2/sign/pdf", json=body, headers={"Accept": "application/json"})
    isi = _json(resp) if resp.status_code == 200 else None
    berkas = (isi or {}).get("file") if not (isi or {}).get("error") else None
    hasil = [_b64_pdf(b) for b in berkas] if isinstance(berkas, list) else []
    if len(hasil) != len(surat) or None in hasil:
        if resp.status_code == 200 and not (isi or {}).get("error"):
            raise GagalProses(f"Jawaban BSrE tidak berisi {len(surat)} PDF bertanda tangan.")
        raise galat(resp, akun.versi, nik)
    return hasil
