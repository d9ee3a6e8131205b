"""A stand-in for the kabupaten's RFC 3161 timestamp authority and its CA's CRL, for tests.

``POST /tsa`` takes an ``application/timestamp-query`` and answers an
``application/timestamp-reply`` signed by a TSA certificate of the tests' CA
(extended key usage timeStamping), as RFC 3161 says; pyHanko's ``DummyTimeStamper``
builds the token. ``GET /crl`` serves the CA's current CRL (DER), the URL the CA
writes into the certificates it issues (``pki.terbitkan(..., crl_url=...)``), so
a signer can gather revocation data and a validator can check it.
"""
import threading
from datetime import datetime, timedelta, timezone

from asn1crypto import keys as asn1_keys, tsp, x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from desaonline.signing import pki


def _asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class TsaPalsu:
    def __init__(self, ca_key, ca):
        self.ca_key, self.ca = ca_key, ca
        self.dicabut = set()   # serial numbers on the CRL
        self.jam = None        # when set: the CA's clock for new CRLs (a test validating in the future)
        self.permintaan = 0
        self._server = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}/tsa"
        self.crl_url = f"http://127.0.0.1:{self._server.server_port}/crl"
        key, cert = pki.terbitkan(ca_key, ca, "Desa Online Test TSA", untuk_ttd=False, timestamping=True,
                                  crl_url=self.crl_url)
        from pyhanko.sign.timestamps import DummyTimeStamper
        der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        self._tsa = DummyTimeStamper(tsa_cert=_asn1(cert), tsa_key=asn1_keys.PrivateKeyInfo.load(der),
                                     certs_to_embed=[_asn1(ca)])
        self.cert = cert
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self):
        self._server.shutdown()

    def crl(self):
        now = self.jam or datetime.now(timezone.utc)
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.ca.subject)
                   .last_update(now - timedelta(minutes=1)).next_update(now + timedelta(days=7)))
        for serial in self.dicabut:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(now).build())
        return builder.sign(self.ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    @Request.application
    def wsgi(self, request):
        if request.method == "GET" and request.path == "/crl":
            return Response(self.crl(), 200, content_type="application/pkix-crl")
        if request.method != "POST" or request.path != "/tsa":
            return Response("not found", 404)
        if request.mimetype != "application/timestamp-query":
            return Response("bad content type", 400)
        self.permintaan += 1
        jawab = self._tsa.request_tsa_response(tsp.TimeStampReq.load(request.get_data()))
        return Response(jawab.dump(), 200, content_type="application/timestamp-reply")
