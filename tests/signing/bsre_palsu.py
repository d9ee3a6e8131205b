"""A small stand-in for a kabupaten's BSrE "esign client" (v1 API), for tests.

``POST /api/sign/pdf`` with HTTP Basic credentials, multipart ``file``, ``nik``,
``passphrase``, ``tampilan`` and the box (``page``, ``xAxis``, ``yAxis``, ``width``,
``height``); answers the signed PDF, or a JSON error as the real one does. It signs
with a key of the tests' CA, so its letters validate like real ones would against
BSrE's root. It remembers what it received so tests can check the request.
"""
import threading
from datetime import datetime, timezone

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from desaonline.signing import pades, pki


class BsrePalsu:
    USER, PASSWORD = "esign", "qwerty"

    def __init__(self, ca_key, ca, nik="3305050101010001", passphrase="pass-kades-123"):
        key, cert = pki.terbitkan(ca_key, ca, "SITI AMINAH (BSrE)")
        self.kunci = pades.KunciTtd(key, cert, [ca])
        self.ca, self.nik, self.passphrase = ca, nik, passphrase
        self.permintaan = []
        self.mati = False  # answer 503, as an overloaded esign client does
        self._server = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self):
        self._server.shutdown()

    @Request.application
    def wsgi(self, request):
        if request.path != "/api/sign/pdf" or request.method != "POST":
            return Response("not found", 404)
        auth = request.authorization
        if auth is None or (auth.username, auth.password) != (self.USER, self.PASSWORD):
            return Response('{"error": "Unauthorized"}', 401, content_type="application/json")
        form = request.form
        self.permintaan.append({k: form[k] for k in form})
        if self.mati:
            return Response('{"error": "Service Unavailable"}', 503, content_type="application/json")
        if form.get("nik") != self.nik:
            return Response('{"error": "NIK tidak terdaftar", "status_code": 1111}', 400,
                            content_type="application/json")
        if form.get("passphrase") != self.passphrase:
            return Response('{"error": "Passphrase anda salah", "status_code": 2031}', 400,
                            content_type="application/json")
        pdf = request.files["file"].read()
        tampilan = None
        if form.get("tampilan") == "visible":
            x, y = float(form["xAxis"]), float(form["yAxis"])
            tampilan = pades.Tampilan(int(form.get("page", "1")) - 1,
                                      (x, y, x + float(form["width"]), y + float(form["height"])),
                                      "Ditandatangani secara elektronik\nBSrE")
        signed = pades.tandatangani(pdf, self.kunci, waktu=datetime.now(timezone.utc),
                                    tampilan=tampilan, nama="SITI AMINAH", alasan=form.get("reason", ""),
                                    lokasi=form.get("location", ""))
        return Response(signed, 200, content_type="application/pdf", headers={"id_dokumen": "palsu-1"})
