"""The BSrE signer against the stand-in esign client: what it sends (as public clients
do), what comes back (a PAdES letter that validates), and what each refusal means."""
import base64
import io
from datetime import datetime, timezone

import pytest
import requests
from PIL import Image
from pypdf import PdfReader

from desaonline.errors import GagalProses
from desaonline.signing import bsre as esign
from desaonline.signing.gambar import qr_png
from desaonline.signing.penanda import TAG_TTD, BsreRemoteSigner, KeteranganTtd
from desaonline.surat.render import render
from tests.signing.dokumen_uji import dokumen
from tests.signing.validasi import sah

TAUTAN = "https://klirong.kec-klirong.localhost/verifikasi/kode-uji-123"


def _ket():
    return KeteranganTtd(nama="SITI AMINAH", jabatan="Kepala Desa Klirong", alasan="Surat Keterangan nomor 470/1",
                         lokasi="Desa Klirong, Kabupaten Kebumen", waktu=datetime.now(timezone.utc), tautan=TAUTAN)


def _akun(palsu, versi="1", **kw):
    return esign.Akun(palsu.url, palsu.USER, kw.pop("password", palsu.PASSWORD), versi, **kw)


def _signer(palsu, versi="1", passphrase=None, totp=None, **kw):
    rahasia = esign.Rahasia(passphrase=passphrase if passphrase is not None else (None if totp else palsu.passphrase),
                           totp=totp)
    return BsreRemoteSigner(_akun(palsu, versi, **{k: kw.pop(k) for k in ("password",) if k in kw}),
                            kw.pop("nik", palsu.nik), rahasia, **kw)


def _widget(pdf):
    for nomor, halaman in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        for annot in halaman.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/FT") == "/Sig":
                return nomor, [float(v) for v in a["/Rect"]]
    raise AssertionError("no signature widget")


def _surat(signer, **ubah):
    hasil = render(dokumen(**ubah), tag_ttd=signer.tag_ttd)
    return hasil, signer.tandatangani(hasil.pdf, hasil.kotak_ttd, _ket())


def _kotak_bulat(kotak):
    return [round(v) for v in kotak.kotak]


def test_v1_qr_at_the_signature_box_as_integers_with_the_verification_link(bsre, pki_uji):
    signer = _signer(bsre)
    hasil, pdf = _surat(signer)
    sah(pdf, pki_uji.ca)
    dikirim = bsre.permintaan[-1]
    x1, y1, x2, y2 = _kotak_bulat(hasil.kotak_ttd)
    assert dikirim == {**dikirim, "api": "sign-v1", "nik": bsre.nik, "passphrase": bsre.passphrase,
                       "tampilan": "visible", "image": "false", "linkQR": TAUTAN, "page": "1",
                       "xAxis": str(x1), "yAxis": str(y1), "width": str(x2 - x1), "height": str(y2 - y1),
                       "reason": "Surat Keterangan nomor 470/1", "location": "Desa Klirong, Kabupaten Kebumen"}
    assert "tag_koordinat" not in dikirim and dikirim["berkas"] == ["file"]
    halaman, kotak = _widget(pdf)
    assert halaman == hasil.kotak_ttd.halaman and kotak == pytest.approx([x1, y1, x2, y2])


def test_v1_tag_in_the_letter_places_the_signature_in_the_box(bsre, pki_uji):
    signer = _signer(bsre, letak="tag")
    hasil, pdf = _surat(signer)
    sah(pdf, pki_uji.ca)
    dikirim = bsre.permintaan[-1]
    assert dikirim["tag_koordinat"] == TAG_TTD and len(TAG_TTD) == 1
    assert not {"page", "xAxis", "yAxis"} & set(dikirim) and dikirim["linkQR"] == TAUTAN
    halaman, kotak = _widget(pdf)
    assert halaman == hasil.kotak_ttd.halaman
    assert kotak[:2] == pytest.approx(list(hasil.kotak_ttd.kotak[:2]), abs=1)  # found where the box begins


def test_a_tag_the_resident_typed_too_falls_back_to_coordinates(bsre, pki_uji):
    signer = _signer(bsre, letak="tag")
    _, pdf = _surat(signer, isi=[f"Keperluan: nilai 2{TAG_TTD}3 untuk lamaran"])
    sah(pdf, pki_uji.ca)
    assert "tag_koordinat" not in bsre.permintaan[-1] and bsre.permintaan[-1]["xAxis"].isdigit()


def test_v1_specimen_image(bsre, pki_uji):
    spesimen = qr_png("spesimen SITI AMINAH")
    signer = _signer(bsre, visual="spesimen", spesimen=spesimen)
    _, pdf = _surat(signer)
    sah(pdf, pki_uji.ca)
    dikirim = bsre.permintaan[-1]
    assert dikirim["image"] == "true" and "linkQR" not in dikirim and dikirim["berkas"] == ["file", "imageTTD"]


def test_v2_signs_letters_approved_together_in_one_request(bsre_v2, pki_uji):
    signer = _signer(bsre_v2, versi="2")
    surat = []
    for i in range(3):
        hasil = render(dokumen(nomor=f"470/{i}"))
        surat.append((hasil.pdf, hasil.kotak_ttd, _ket()))
    pdfs = signer.tandatangani_banyak(surat)
    assert len(pdfs) == 3 and len({p for p in pdfs}) == 3
    for pdf in pdfs:
        sah(pdf, pki_uji.ca)
    (dikirim,) = [p for p in bsre_v2.permintaan if p["api"] == "sign-v2"]
    assert dikirim["jumlah_file"] == 3 and dikirim["passphrase"] == bsre_v2.passphrase
    x1, y1, x2, y2 = _kotak_bulat(surat[0][1])
    properti = dikirim["signatureProperties"][0]
    assert properti == {**properti, "tampilan": "VISIBLE", "page": 1, "originX": x1, "originY": y1,
                        "width": x2 - x1, "height": y2 - y1, "reason": "Surat Keterangan nomor 470/1"}
    # v2 has no linkQR: the QR of the verification page travels as the image.
    gambar = Image.open(io.BytesIO(base64.b64decode(properti["imageBase64"])))
    assert gambar.format == "PNG" and gambar.width == gambar.height


def test_v2_with_a_totp_the_kepala_desa_received(bsre_v2, pki_uji):
    esign.minta_totp(_akun(bsre_v2, "2"), bsre_v2.nik, 1)
    kode, _ = bsre_v2.totp[bsre_v2.nik]
    _, pdf = _surat(_signer(bsre_v2, versi="2", totp=kode))
    sah(pdf, pki_uji.ca)
    dikirim = bsre_v2.permintaan[-1]
    assert dikirim["totp"] == kode and "passphrase" not in dikirim
    with pytest.raises(GagalProses, match="TOTP salah") as err:  # a TOTP signs once
        _surat(_signer(bsre_v2, versi="2", totp=kode))
    assert not err.value.sementara


def test_v1_on_a_v2_only_service_names_the_version(bsre_v2):
    with pytest.raises(GagalProses, match="tidak mengenal API versi 1.*ke 2") as err:
        _surat(_signer(bsre_v2, versi="1"))
    assert not err.value.sementara


@pytest.mark.parametrize("versi", ["1", "2"])
def test_wrong_passphrase_is_final_and_sent_once_for_the_whole_batch(bsre, versi, pki_uji):
    signer = _signer(bsre, versi=versi, passphrase="salah")
    surat = [(r.pdf, r.kotak_ttd, _ket()) for r in (render(dokumen(nomor=f"470/{i}")) for i in range(3))]
    with pytest.raises(GagalProses, match="Passphrase BSrE salah") as err:
        signer.tandatangani_banyak(surat)
    assert not err.value.sementara
    assert len([p for p in bsre.permintaan if p["api"].startswith("sign")]) == 1


def test_unknown_nik_and_wrong_application_password(bsre):
    with pytest.raises(GagalProses, match="NIK Kepala Desa 3305059999999999 tidak terdaftar di BSrE") as err:
        _surat(_signer(bsre, nik="3305059999999999"))
    assert not err.value.sementara
    with pytest.raises(GagalProses, match="Akun aplikasi esign client BSrE ditolak") as err:
        _surat(_signer(bsre, password="keliru"))
    assert not err.value.sementara


def test_only_an_outage_is_retried(bsre):
    bsre.mati = True
    with pytest.raises(GagalProses, match="HTTP 503") as err:
        _surat(_signer(bsre))
    assert err.value.sementara
    tertutup = esign.Akun("http://127.0.0.1:9", "u", "p", "1", timeout=2)  # nothing listens on port 9
    with pytest.raises(GagalProses, match="tidak dapat dihubungi") as err:
        _surat(BsreRemoteSigner(tertutup, bsre.nik, esign.Rahasia(passphrase="apa saja")))
    assert err.value.sementara


@pytest.mark.parametrize("versi", ["1", "2"])
@pytest.mark.parametrize("status, bisa", [("ISSUE", True), ("EXPIRED", False), ("SUSPEND", False),
                                          ("REVOKE", False), ("NOT_REGISTERED", False)])
def test_signer_status_in_both_versions(bsre, versi, status, bisa):
    nik = bsre.nik
    if status == "NOT_REGISTERED":
        nik = "3305059999999999"
    else:
        bsre.pengguna[nik]["status"] = status
    hasil = esign.cek_status(_akun(bsre, versi), nik)
    assert hasil.status == status and hasil.bisa_menandatangani is bisa
    assert hasil.pesan == esign.PESAN_STATUS[status]
    assert bsre.permintaan[-1]["api"] == f"status-v{versi}"


def test_the_stand_in_refuses_what_the_real_service_refuses(bsre):
    """Checked against the clients' own validation: image=false needs linkQR, coordinates
    are integers, a tag is one character."""
    pdf = render(dokumen()).pdf
    dasar = {"nik": bsre.nik, "passphrase": bsre.passphrase, "tampilan": "visible", "width": "100",
             "height": "50", "page": "1", "xAxis": "300", "yAxis": "400"}

    def kirim(**ubah):
        data = {k: v for k, v in {**dasar, **ubah}.items() if v is not None}
        return requests.post(f"{bsre.url}/api/sign/pdf", auth=(bsre.USER, bsre.PASSWORD), data=data,
                             files={"file": ("s.pdf", pdf, "application/pdf")}, timeout=30)

    assert kirim(image="false", linkQR=TAUTAN).status_code == 200
    for ubah, pesan in [({"image": "false"}, "linkQR wajib"), ({"image": "false", "linkQR": TAUTAN, "xAxis": "340.00"},
                                                               "xAxis harus bilangan bulat"),
                        ({"image": "true"}, "imageTTD"), ({"image": "false", "linkQR": TAUTAN, "tag_koordinat": "##"},
                                                          "satu karakter"),
                        ({"image": "false", "linkQR": TAUTAN, "width": None}, "width")]:
        r = kirim(**ubah)
        assert r.status_code == 400 and pesan in r.json()["error"], (ubah, r.text)
    r = requests.post(f"{bsre.url}/api/sign/pdf", data=dasar, timeout=10)
    assert r.status_code == 401
