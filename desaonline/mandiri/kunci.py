"""The resident's lock (``desaonline.auth.kunci`` with the PIN's numbers): five wrong
PINs in a row lock the account, and the message says whom to ask for help."""
from desaonline.auth import kunci
from desaonline.auth.kunci import Kebijakan, Terkunci  # noqa: F401  (what callers catch)
from desaonline.mandiri.kontak import kontak_desa
from desaonline.whatsapp import wa_tampil


def bantuan():
    """How a locked-out resident gets help: the desa operator's WhatsApp."""
    nomor = kontak_desa()["wa_operator"]
    siapa = f"operator desa lewat WhatsApp {wa_tampil(nomor)}" if nomor else "operator di kantor desa"
    return f"Bila bukan Anda yang mencoba, atau Anda perlu segera masuk, hubungi {siapa}."


KEBIJAKAN_PIN = Kebijakan(batas=5, sebutan="PIN", bantuan=bantuan)


def periksa(penduduk):
    kunci.periksa(penduduk, KEBIJAKAN_PIN)


def catat_gagal(penduduk):
    return kunci.catat_gagal(penduduk, KEBIJAKAN_PIN)


def periksa_nik_asing(nik):
    kunci.periksa_asing("penduduk", nik, KEBIJAKAN_PIN)


def catat_nik_asing(nik):
    kunci.catat_asing("penduduk", nik, KEBIJAKAN_PIN)


catat_berhasil = kunci.catat_berhasil
buka = kunci.buka
