"""What the operator does with signing: upload the certificate, choose how the desa
signs, and set up BSrE (the Kepala Desa's NIK and status, the visible signature, the
desa's own esign client). Pages and API both call these; they refuse with
``Penolakan``."""
import json
from urllib.parse import urlsplit

from flask import current_app

from desaonline.errors import GagalProses, Penolakan
from desaonline.extensions import db
from desaonline.signing import bsre, gambar, kunci, penanda, sertifikat
from desaonline.signing.models import PengaturanTtd

VISUAL = ("qr", "spesimen")
LETAK = ("koordinat", "tag")


def _tolak(kode, pesan, isian=None, status=422):
    return Penolakan(status, kode, pesan, {isian: pesan} if isian else None)


def _pengaturan():
    return penanda.pengaturan() or PengaturanTtd(metode="sertifikat", bsre_visual="qr", bsre_letak="koordinat")


def _simpan(p):
    db.session.add(p)
    db.session.commit()
    return p


def unggah_sertifikat(data, sandi):
    try:
        baru = sertifikat.simpan(data, sandi)
    except Penolakan:
        db.session.rollback()
        raise
    db.session.commit()
    return baru


def atur_metode(metode, bsre_nik=None, bsre_visual=None, bsre_letak=None):
    """Choose the certificate or BSrE. Switching to BSrE asks the esign client first:
    only a Kepala Desa whose certificate is ISSUE there can sign."""
    if metode not in ("sertifikat", "bsre"):
        raise _tolak("metode_tidak_valid", "Pilih Sertifikat desa atau BSrE.", "metode")
    bsre_nik = (bsre_nik or "").strip() or None
    if metode == "bsre" and not (bsre_nik and bsre_nik.isdigit() and len(bsre_nik) == 16):
        raise _tolak("nik_bsre_wajib", "NIK Kepala Desa untuk BSrE wajib 16 angka.", "bsre_nik")
    p = _pengaturan()
    _atur_tampilan(p, bsre_visual, bsre_letak)
    if metode == "bsre":
        hasil = status_penanda(bsre_nik, p)
        if not hasil.bisa_menandatangani:
            raise _tolak(f"bsre_status_{hasil.status.lower()}", hasil.pesan, "bsre_nik")
        p.bsre_nik = bsre_nik
    p.metode = metode
    return _simpan(p)


def _atur_tampilan(p, visual, letak):
    if visual is not None:
        if visual not in VISUAL:
            raise _tolak("tampilan_tidak_valid", "Pilih kode QR atau gambar spesimen.", "bsre_visual")
        if visual == "spesimen" and not p.bsre_spesimen:
            raise _tolak("spesimen_belum_ada", "Unggah dulu gambar spesimen tanda tangan Kepala Desa.",
                         "bsre_visual")
        p.bsre_visual = visual
    if letak is not None:
        if letak not in LETAK:
            raise _tolak("letak_tidak_valid", "Pilih letak menurut kotak tanda tangan atau tanda (tag).",
                         "bsre_letak")
        p.bsre_letak = letak


def status_penanda(nik=None, p=None) -> bsre.StatusPenanda:
    """The Kepala Desa's certificate status at the esign client (``Penolakan`` when it cannot say)."""
    p = p if p is not None else _pengaturan()
    nik = nik or p.bsre_nik
    if not nik:
        raise _tolak("nik_bsre_wajib", "NIK Kepala Desa untuk BSrE belum diisi.", "bsre_nik")
    akun = penanda.akun_bsre(p)
    if akun is None:
        raise _tolak("bsre_belum_diatur", "Esign client BSrE belum diatur: kabupaten belum mengisi BSRE_URL dan "
                                          "desa belum memasang esign client sendiri.")
    try:
        return bsre.cek_status(akun, nik, timeout=current_app.config.get("BSRE_STATUS_TIMEOUT", 8))
    except GagalProses as err:
        if err.sementara:
            raise _tolak("bsre_tidak_tersedia", f"{err} Coba lagi beberapa saat lagi.", status=503) from None
        raise _tolak("bsre_menolak", str(err)) from None


def _host_diizinkan(bagian):
    """Only esign clients the kabupaten listed: letters and passphrases go there."""
    diizinkan = current_app.config["BSRE_HOST_DESA"]
    host = bagian.hostname.lower()
    return host in diizinkan or (bagian.port is not None and f"{host}:{bagian.port}" in diizinkan)


def atur_akun_desa(url, versi, username, password=None):
    """The desa's own esign client; an empty password keeps the one stored."""
    url = (url or "").strip().rstrip("/")
    bagian = urlsplit(url)
    rincian = {}
    if bagian.scheme not in ("http", "https") or not bagian.hostname or bagian.query or bagian.fragment:
        rincian["url"] = "Alamat esign client harus berupa http:// atau https:// beserta nama host."
    elif not _host_diizinkan(bagian):
        rincian["url"] = ("Alamat esign client ini belum didaftarkan kabupaten. Minta tim TI kabupaten "
                          "menambahkannya ke BSRE_HOST_DESA.")
    if str(versi) not in bsre.VERSI:
        rincian["versi"] = "Versi API BSrE harus 1 atau 2."
    if not (username or "").strip():
        rincian["username"] = "Nama pengguna aplikasi esign client wajib diisi."
    p = _pengaturan()
    lama = penanda.kredensial_desa(p)
    if not password and not lama.get("password"):
        rincian["password"] = "Kata sandi aplikasi esign client wajib diisi."
    if rincian:
        raise Penolakan.data(rincian, "akun_bsre_tidak_valid")
    kredensial = {"username": username.strip(), "password": password or lama["password"]}
    p.bsre_url, p.bsre_versi = url[:255], str(versi)
    p.bsre_kredensial_terenkripsi = kunci.enkripsi(json.dumps(kredensial).encode())
    return _simpan(p)


def hapus_akun_desa():
    """Back to the kabupaten's esign client."""
    p = _pengaturan()
    p.bsre_url = p.bsre_versi = p.bsre_kredensial_terenkripsi = None
    return _simpan(p)


def unggah_spesimen(data):
    alasan = gambar.periksa_spesimen(data)
    if alasan:
        raise _tolak("spesimen_ditolak", alasan, "file")
    p = _pengaturan()
    p.bsre_spesimen = data
    return _simpan(p)


def minta_totp(jumlah=1):
    """v2: BSrE mails the Kepala Desa a one-time code for ``jumlah`` letters."""
    p = _pengaturan()
    akun = penanda.akun_bsre(p)
    if p.metode != "bsre" or akun is None or not p.bsre_nik:
        raise _tolak("bsre_belum_diatur", "Desa ini belum menandatangani lewat BSrE.")
    batas = current_app.config.get("BSRE_BATCH_MAKS", 20)
    if not 1 <= int(jumlah) <= batas:
        raise _tolak("jumlah_tidak_valid", f"Jumlah surat 1 sampai {batas}.", "jumlah")
    try:
        bsre.minta_totp(akun, p.bsre_nik, int(jumlah))
    except GagalProses as err:
        raise _tolak("bsre_tidak_tersedia" if err.sementara else "bsre_menolak", str(err),
                     status=503 if err.sementara else 422) from None


def ringkasan():
    """The desa's signing set-up for the operator: method, certificate, BSrE (no secret)."""
    p = penanda.pengaturan()
    aktif = sertifikat.aktif()
    akun = penanda.akun_bsre(p)
    return {
        "metode": p.metode if p else "sertifikat",
        "bsre_nik": p.bsre_nik if p else None,
        "bsre_visual": p.bsre_visual if p else "qr",
        "bsre_letak": p.bsre_letak if p else "koordinat",
        "bsre_spesimen": bool(p and p.bsre_spesimen),
        "bsre_esign_client": akun.milik if akun else None,
        "bsre_url_desa": p.bsre_url if p else None,
        "bsre_versi": akun.versi if akun else None,
        "sertifikat": aktif.subjek if aktif else None,
        "penerbit": aktif.penerbit if aktif else None,
        "berlaku_mulai": aktif.berlaku_mulai if aktif else None,
        "berlaku_sampai": aktif.berlaku_sampai if aktif else None,
        "sidik_sha256": aktif.sidik_sha256 if aktif else None,
    }
