"""A stand-in for a kabupaten's BSrE "esign client", for tests: API v1 and v2 as the
public clients call them (docs/bsre.md says which client shows what).

- HTTP Basic on every endpoint (401 otherwise).
- v1 ``POST /api/sign/pdf`` (multipart) and ``GET /api/user/status/{nik}``; v2
  ``POST /api/v2/sign/pdf`` (JSON, base64 files, several at once),
  ``POST /api/v2/user/check/status`` and ``POST /api/v2/sign/get/totp``.
  ``hanya_v2=True`` is a deployment that serves v2 only (v1 answers 404).
- Refuses what the real service refuses, as the clients document it: ``image=false``
  without ``linkQR``, ``image=true`` without an ``imageTTD`` image, visible without
  ``width``/``height``, decimal or missing coordinates (v1's are integers), a
  ``tag_koordinat`` longer than one character or not found in the letter.
- Errors as clients see them: HTTP 400 ``{"error": "...", "status_code": 2011}`` for an
  unknown NIK, ``2031`` ("Passphrase anda salah") for a wrong passphrase. Codes for
  other refusals are not known from any client, so it sends none.
- Statuses as v1 clients show them: ``{"status_code": 1111, "status": "ISSUE",
  "message": ...}``, ``1110`` NOT_REGISTERED; any other status as set in ``pengguna``.
- Signs for real: PAdES (pyHanko) with a key of the tests' CA, the visible signature
  a QR code of ``linkQR`` or the specimen image, placed at the box asked for or at
  the tag. It remembers every request (``permintaan``) so tests can check them.
"""
import base64
import io
import json
import re
import secrets
import threading
from datetime import datetime, timezone

from asn1crypto import keys as asn1_keys, x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from desaonline.signing import pki

BULAT = re.compile(r"^-?\d+$")


def _json(body, status=200):
    return Response(json.dumps(body), status, content_type="application/json")


def _tolak(pesan, kode=None, status=400):
    body = {"error": pesan}
    if kode is not None:
        body["status_code"] = kode
    return _json(body, status)


class Ditolak(Exception):
    def __init__(self, pesan, kode=None, status=400):
        super().__init__(pesan)
        self.jawaban = _tolak(pesan, kode, status)


class BsrePalsu:
    USER, PASSWORD = "esign", "qwerty"

    def __init__(self, ca_key, ca, nik="3305050101010001", passphrase="pass-kades-123", hanya_v2=False):
        key, cert = pki.terbitkan(ca_key, ca, "SITI AMINAH")
        self.cert = cert
        self._signer = self._pyhanko_signer(key, cert, ca)
        self.nik, self.passphrase, self.hanya_v2 = nik, passphrase, hanya_v2
        self.pengguna = {nik: {"passphrase": passphrase, "status": "ISSUE"}}
        self.permintaan = []
        self.totp = {}       # nik -> (code, files it may sign): what BSrE mails the Kepala Desa
        self.mati = False    # answer 503, as an overloaded esign client does
        self._kunci = threading.Lock()
        self._server = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self):
        self._server.shutdown()

    @property
    def penandatanganan(self):
        """The signing requests received (an outage's included), not the status checks."""
        return [p for p in self.permintaan if p["api"].startswith("sign") or p["api"] == "mati"]

    @staticmethod
    def _pyhanko_signer(key, cert, ca):
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore
        der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        return signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            signing_key=asn1_keys.PrivateKeyInfo.load(der),
            cert_registry=SimpleCertificateStore.from_certs(
                [asn1_x509.Certificate.load(ca.public_bytes(serialization.Encoding.DER))]))

    # --- HTTP ---------------------------------------------------------------------
    @Request.application
    def wsgi(self, request):
        rute = {
            ("POST", "/api/sign/pdf"): self._sign_v1,
            ("POST", "/api/v2/sign/pdf"): self._sign_v2,
            ("POST", "/api/v2/user/check/status"): self._status_v2,
            ("POST", "/api/v2/sign/get/totp"): self._totp_v2,
        }
        kerja = rute.get((request.method, request.path))
        if kerja is None and request.method == "GET" and request.path.startswith("/api/user/status/"):
            kerja = self._status_v1
        if kerja is None or (self.hanya_v2 and not request.path.startswith("/api/v2/")):
            return _json({"error": "Not Found"}, 404)
        auth = request.authorization
        if auth is None or (auth.username, auth.password) != (self.USER, self.PASSWORD):
            return _json({"error": "Unauthorized"}, 401)
        if self.mati:
            self.permintaan.append({"api": "mati", "path": request.path})
            return _json({"error": "Service Unavailable"}, 503)
        try:
            return kerja(request)
        except Ditolak as err:
            return err.jawaban

    # --- users --------------------------------------------------------------------
    def _status(self, nik):
        user = self.pengguna.get(nik)
        if user is None:
            return {"status_code": 1110, "status": "NOT_REGISTERED", "message": "User belum terdaftar"}
        status = user["status"]
        kode = 1111 if status == "ISSUE" else None
        body = {"status": status, "message": f"User sudah terdaftar dan memiliki sertifikat dengan status {status}"}
        return {"status_code": kode, **body} if kode else body

    def _status_v1(self, request):
        nik = request.path.rsplit("/", 1)[1]
        self.permintaan.append({"api": "status-v1", "nik": nik})
        return _json(self._status(nik))

    def _status_v2(self, request):
        body = request.get_json(silent=True) or {}
        self.permintaan.append({"api": "status-v2", **body})
        return _json(self._status(str(body.get("nik") or "")))

    def _periksa_penanda(self, nik, passphrase=None, totp=None, jumlah=1):
        user = self.pengguna.get(nik)
        if user is None:
            raise Ditolak("User tidak terdaftar", 2011)
        if user["status"] != "ISSUE":
            raise Ditolak(f"Sertifikat user berstatus {user['status']}")
        if totp is not None:
            with self._kunci:
                terkirim = self.totp.pop(nik, None)
            if terkirim is None or terkirim[0] != totp or terkirim[1] < jumlah:
                raise Ditolak("TOTP salah atau kedaluwarsa")
        elif passphrase != user["passphrase"]:
            raise Ditolak("Passphrase anda salah", 2031)

    def _totp_v2(self, request):
        body = request.get_json(silent=True) or {}
        self.permintaan.append({"api": "totp-v2", **body})
        nik = str(body.get("nik") or "")
        if nik not in self.pengguna:
            raise Ditolak("User tidak terdaftar", 2011)
        self.totp[nik] = (f"{secrets.randbelow(10 ** 6):06d}", int(body.get("data") or 1))
        return _json({"message": "OTP telah dikirim ke email user"})

    # --- v1 -----------------------------------------------------------------------
    def _sign_v1(self, request):
        form = request.form
        self.permintaan.append({"api": "sign-v1", **{k: form[k] for k in form},
                                "berkas": sorted(request.files)})
        berkas = request.files.get("file")
        pdf = berkas.read() if berkas else b""
        if not pdf.startswith(b"%PDF"):
            raise Ditolak("File harus berupa PDF")
        if not re.fullmatch(r"\d{16}", form.get("nik", "")):
            raise Ditolak("NIK harus 16 digit")
        tampilan = (form.get("tampilan") or "").lower()
        if tampilan not in ("visible", "invisible"):
            raise Ditolak("tampilan harus visible atau invisible")
        visual = None
        if tampilan == "visible":
            lebar, tinggi = self._bulat(form, "width"), self._bulat(form, "height")
            image = (form.get("image") or "").lower()
            gambar = request.files.get("imageTTD")
            if image == "true":
                visual = ("gambar", self._gambar(gambar.read() if gambar else b""))
            elif image == "false" or (not image and form.get("linkQR")):  # OpenSID sends linkQR alone
                if not re.match(r"^https?://\S+$", form.get("linkQR") or ""):
                    raise Ditolak("linkQR wajib diisi jika image false")
                visual = ("qr", form["linkQR"])
            else:
                raise Ditolak("image harus true atau false")
            tempat = self._tempat(pdf, form.get("tag_koordinat"),
                                  lambda: (self._bulat(form, "page"), self._bulat(form, "xAxis"),
                                           self._bulat(form, "yAxis")), lebar, tinggi)
            visual = (*visual, *tempat)
        self._periksa_penanda(form.get("nik"), passphrase=form.get("passphrase"))
        bertanda = self._tandatangani(pdf, visual, form.get("reason"), form.get("location"))
        return Response(bertanda, 200, content_type="application/pdf",
                        headers={"id_dokumen": secrets.token_hex(8)})

    @staticmethod
    def _bulat(form, nama):
        nilai = form.get(nama)
        if nilai is None or not BULAT.match(nilai):
            raise Ditolak(f"{nama} harus bilangan bulat")
        return int(nilai)

    # --- v2 -----------------------------------------------------------------------
    def _sign_v2(self, request):
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise Ditolak("Body harus JSON")
        self.permintaan.append({"api": "sign-v2", **{k: v for k, v in body.items() if k != "file"},
                                "jumlah_file": len(body.get("file") or [])})
        berkas = body.get("file")
        if not isinstance(berkas, list) or not berkas:
            raise Ditolak("file wajib diisi")
        pdfs = [self._b64(f, "file") for f in berkas]
        if not all(p.startswith(b"%PDF") for p in pdfs):
            raise Ditolak("File harus berupa PDF")
        properti = body.get("signatureProperties")
        if not isinstance(properti, list) or len(properti) not in (1, len(pdfs)):
            raise Ditolak("signatureProperties harus satu atau sebanyak file")
        visual = [self._visual_v2(p, pdf) for p, pdf in zip(properti * len(pdfs) if len(properti) == 1
                                                            else properti, pdfs)]
        if not (body.get("passphrase") or body.get("totp")):
            raise Ditolak("passphrase atau totp wajib diisi")
        self._periksa_penanda(str(body.get("nik") or ""), passphrase=body.get("passphrase"),
                              totp=body.get("totp"), jumlah=len(pdfs))
        hasil = [self._tandatangani(pdf, v, p.get("reason"), p.get("location"))
                 for pdf, v, p in zip(pdfs, visual, properti * len(pdfs) if len(properti) == 1 else properti)]
        return _json({"time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                      "file": [base64.b64encode(p).decode() for p in hasil]})

    def _visual_v2(self, p, pdf):
        if not isinstance(p, dict) or str(p.get("tampilan", "")).upper() not in ("VISIBLE", "INVISIBLE"):
            raise Ditolak("tampilan harus VISIBLE atau INVISIBLE")
        if str(p["tampilan"]).upper() == "INVISIBLE":
            return None
        gambar = self._gambar(self._b64(p.get("imageBase64"), "imageBase64"))
        lebar, tinggi = self._angka(p, "width"), self._angka(p, "height")
        tempat = self._tempat(pdf, p.get("tag_koordinat"),
                              lambda: (int(self._angka(p, "page")), self._angka(p, "originX"),
                                       self._angka(p, "originY")), lebar, tinggi)
        return ("gambar", gambar, *tempat)

    @staticmethod
    def _angka(p, nama):
        nilai = p.get(nama)
        if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
            raise Ditolak(f"{nama} harus angka")
        return nilai

    @staticmethod
    def _b64(teks, nama):
        try:
            return base64.b64decode(teks or "", validate=True)
        except (ValueError, TypeError) as err:
            raise Ditolak(f"{nama} bukan base64") from err

    # --- placing and signing --------------------------------------------------------
    @staticmethod
    def _gambar(data):
        if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8\xff")):
            raise Ditolak("imageTTD harus gambar PNG atau JPEG")
        return data

    def _tempat(self, pdf, tag, koordinat, lebar, tinggi):
        """(0-based page, box) from a tag found in the text, or from page and coordinates."""
        if lebar <= 0 or tinggi <= 0:
            raise Ditolak("width dan height harus lebih dari 0")
        if tag is not None and tag != "":
            if len(tag) != 1:
                raise Ditolak("tag_koordinat harus satu karakter")
            halaman, x, y = self._cari_tag(pdf, tag)
        else:
            halaman, x, y = koordinat()
            halaman -= 1
        return halaman, (x, y, x + lebar, y + tinggi)

    @staticmethod
    def _cari_tag(pdf, tag):
        from pypdf import PdfReader
        for nomor, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
            ketemu = []

            def lihat(teks, cm, tm, *_):
                if teks.strip() == tag:
                    ketemu.append((cm[0] * tm[4] + cm[2] * tm[5] + cm[4], cm[1] * tm[4] + cm[3] * tm[5] + cm[5]))
            page.extract_text(visitor_text=lihat)
            if ketemu:
                return nomor, *ketemu[0]
        raise Ditolak("tag_koordinat tidak ditemukan di dokumen")

    def _tandatangani(self, pdf, visual, alasan, lokasi):
        from pyhanko.pdf_utils.images import PdfImage
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign import fields, signers
        from pyhanko.stamp import QRStampStyle, TextStampStyle
        from PIL import Image

        nama = f"sig_{secrets.token_hex(6)}"
        penulis = IncrementalPdfFileWriter(io.BytesIO(pdf))
        meta = signers.PdfSignatureMetadata(field_name=nama, reason=alasan or None, location=lokasi or None,
                                            subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
        gaya, parameter, spec = None, None, None
        if visual is not None:
            jenis, isi, halaman, kotak = visual
            jumlah = int(PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Count"])
            if not 0 <= halaman < jumlah:
                raise Ditolak("page di luar jumlah halaman dokumen")
            spec = fields.SigFieldSpec(nama, on_page=halaman, box=tuple(kotak))
            if jenis == "qr":
                gaya, parameter = QRStampStyle(stamp_text="", border_width=0), {"url": isi}
            else:
                gaya = TextStampStyle(stamp_text="", border_width=0,
                                      background=PdfImage(Image.open(io.BytesIO(isi)).convert("RGB")),
                                      background_opacity=1)
        penanda = signers.PdfSigner(meta, signer=self._signer, stamp_style=gaya, new_field_spec=spec)
        keluar = io.BytesIO()
        penanda.sign_pdf(penulis, output=keluar, appearance_text_params=parameter)
        return keluar.getvalue()
