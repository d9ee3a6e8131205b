"""A test CA and the Kepala Desa's certificates (valid and every kind of bad one)."""
from datetime import datetime, timedelta, timezone

import pytest

from desaonline.signing import pki
from tests.signing.alur import Alur, lewat_klien

SANDI = "rahasia-kades"


class Pki:
    def __init__(self):
        self.ca_key, self.ca = pki.buat_ca("Desa Online Test CA")
        self.key, self.cert = pki.terbitkan(self.ca_key, self.ca, "SITI AMINAH")
        self.p12 = pki.ke_pkcs12(self.key, self.cert, [self.ca], SANDI)

    def p12_lain(self, sandi=SANDI, **kw):
        key, cert = pki.terbitkan(self.ca_key, self.ca, kw.pop("nama", "Kepala Desa Lain"), **kw)
        return pki.ke_pkcs12(key, cert, [self.ca], sandi)

    def kedaluwarsa(self):
        now = datetime.now(timezone.utc)
        return self.p12_lain(mulai=now - timedelta(days=400), sampai=now - timedelta(days=1))


@pytest.fixture(scope="session")
def pki_uji():
    return Pki()


@pytest.fixture
def alur(host_client, buat):
    """A fresh desa driven through the in-process API."""
    def make(desa=None):
        desa = desa or buat.desa()
        return Alur(lewat_klien(host_client(desa.host)), buat, desa)
    return make


@pytest.fixture
def bsre(pki_uji, app):
    """The stand-in BSrE esign client (v1 and v2), and the app pointed at it as the kabupaten's."""
    from tests.signing.bsre_palsu import BsrePalsu
    palsu = BsrePalsu(pki_uji.ca_key, pki_uji.ca)
    lama = {k: app.config.get(k) for k in ("BSRE_URL", "BSRE_USERNAME", "BSRE_PASSWORD", "BSRE_VERSION")}
    app.config.update(BSRE_URL=palsu.url, BSRE_USERNAME=palsu.USER, BSRE_PASSWORD=palsu.PASSWORD, BSRE_VERSION="1")
    yield palsu
    app.config.update(lama)
    palsu.stop()


@pytest.fixture
def bsre_v2(pki_uji, app):
    """A stand-in that serves API v2 only, as the kabupaten's esign client (BSRE_VERSION=2)."""
    from tests.signing.bsre_palsu import BsrePalsu
    palsu = BsrePalsu(pki_uji.ca_key, pki_uji.ca, hanya_v2=True)
    lama = {k: app.config.get(k) for k in ("BSRE_URL", "BSRE_USERNAME", "BSRE_PASSWORD", "BSRE_VERSION")}
    app.config.update(BSRE_URL=palsu.url, BSRE_USERNAME=palsu.USER, BSRE_PASSWORD=palsu.PASSWORD, BSRE_VERSION="2")
    yield palsu
    app.config.update(lama)
    palsu.stop()
