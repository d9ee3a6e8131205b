"""What can happen to a letter request: the one module the pages and the API both call.

konsep -> diajukan -> (ditolak | diproses -> selesai | gagal); dibatalkan by the
resident before approval. Every step is a conditional UPDATE (``WHERE status IN
...``), so two people acting on the same request at once cannot both succeed, and
every step writes a ``RiwayatSurat`` row saying who did it and when. Bad input
raises ``SuratError`` and changes nothing.
"""
import logging
import re
from datetime import date, datetime

from flask import current_app
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from desaonline.extensions import db
from desaonline.mandiri.models import Penduduk
from desaonline.surat import katalog, pejabat as pejabat_svc
from desaonline.surat.galat import SuratError, tidak_ditemukan
from desaonline.surat.models import RiwayatSurat, Surat
from desaonline.surat.pengaturan import desa_ini, jenis_ditawarkan, klasifikasi_desa, pengaturan
from desaonline.surat.penomoran import format_nomor, nomor_berikutnya
from desaonline.templating import WIB
from tenants import current_desa_id
from tenants.models import utcnow

log = logging.getLogger(__name__)

# Control characters break PDF text and have no place in a letter; newlines and tabs stay.
_KONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PANJANG = {"teks": 200, "teks_panjang": 1000, "keperluan": 500, "keterangan": 1000, "alasan": 1000}


def teks_bersih(nilai):
    teks = "" if nilai is None else str(nilai)
    return _KONTROL.sub("", teks.replace("\r\n", "\n").replace("\r", "\n")).strip()


def hari_ini():
    return datetime.now(WIB).date()


# --- Who may be the subject of a letter ---------------------------------------------

def keluarga(penduduk):
    """The resident and the active members of the resident's KK (the only possible subjects)."""
    if penduduk.keluarga_id is None:
        return [penduduk]
    anggota = db.session.scalars(
        select(Penduduk).where(Penduduk.keluarga_id == penduduk.keluarga_id, Penduduk.aktif.is_(True))
        .order_by(Penduduk.id)).all()
    return anggota if any(a.id == penduduk.id for a in anggota) else [penduduk, *anggota]


def _subjek(penduduk, nik):
    nik = teks_bersih(nik) or penduduk.nik
    subjek = next((a for a in keluarga(penduduk) if a.nik == nik), None)
    if subjek is None:
        # The same answer whether the NIK exists elsewhere or not: nothing to learn from it.
        raise SuratError(422, "nik_bukan_anggota_keluarga",
                         "NIK harus NIK Anda sendiri atau anggota Kartu Keluarga Anda.",
                         {"nik": "Pilih NIK Anda atau anggota Kartu Keluarga Anda."})
    return subjek


# --- Checking what a resident typed -------------------------------------------------

def _isian(isian, mentah):
    """(value to store or None, message or None) for one of the type's own fields."""
    teks = teks_bersih(mentah)
    if not teks:
        return None, (f"{isian.label} wajib diisi." if isian.wajib else None)
    jenis = isian.jenis
    if jenis in ("teks", "teks_panjang"):
        if len(teks) > PANJANG[jenis]:
            return None, f"{isian.label} paling panjang {PANJANG[jenis]} karakter."
        return teks, None
    if jenis == "tanggal":
        try:
            nilai = date.fromisoformat(teks)
        except ValueError:
            return None, f"{isian.label}: tanggal tidak valid (format TTTT-BB-HH)."
        if not 1900 <= nilai.year <= 2100:
            return None, f"{isian.label}: tahun tidak masuk akal."
        return nilai.isoformat(), None
    if jenis == "jam":
        cocok = re.fullmatch(r"(\d{1,2})[.:](\d{2})", teks)
        if not cocok or int(cocok[1]) > 23 or int(cocok[2]) > 59:
            return None, f"{isian.label}: jam tidak valid, contoh 14:30."
        return f"{int(cocok[1]):02d}:{cocok[2]}", None
    if jenis == "angka":
        if not re.fullmatch(r"\d{1,9}", teks):
            return None, f"{isian.label} harus berupa angka."
        return str(int(teks)), None
    if jenis == "uang":
        angka = re.sub(r"^rp\.?\s*|[.\s]|,00$", "", teks.lower())
        if not re.fullmatch(r"\d{1,13}", angka):
            return None, f"{isian.label} harus berupa jumlah rupiah, contoh 1500000."
        return str(int(angka)), None
    if jenis == "nik":
        if not re.fullmatch(r"\d{16}", teks):
            return None, f"{isian.label} harus 16 angka."
        return teks, None
    if jenis == "pilihan":
        pilihan = {p.lower(): p for p in isian.pilihan}
        if teks.lower() not in pilihan:
            return None, f"{isian.label}: pilih salah satu dari " + ", ".join(isian.pilihan) + "."
        return pilihan[teks.lower()], None
    raise AssertionError(jenis)


def _periksa(penduduk, jenis, klasifikasi_bawaan, masukan, lama=None):
    """Check a whole request; returns the column values or raises with every problem named."""
    lama = lama or {}
    rincian = {}
    nilai = {}
    kode = "data_tidak_valid"

    def ambil(kunci):
        return masukan[kunci] if kunci in masukan else lama.get(kunci)

    try:
        nilai["subjek_id"] = _subjek(penduduk, ambil("nik")).id
    except SuratError as err:
        rincian.update(err.rincian)
        kode = err.code   # the one that matters most: someone outside the KK

    klasifikasi = teks_bersih(ambil("klasifikasi")) or klasifikasi_bawaan
    if not katalog.klasifikasi_sah(klasifikasi):
        rincian["klasifikasi"] = "Kode klasifikasi tidak valid, contoh 470 atau 474.1."
    nilai["klasifikasi"] = klasifikasi

    keperluan = teks_bersih(ambil("keperluan"))
    if len(keperluan) < 3:
        rincian["keperluan"] = "Keperluan wajib diisi (paling sedikit 3 karakter)."
    elif len(keperluan) > PANJANG["keperluan"]:
        rincian["keperluan"] = f"Keperluan paling panjang {PANJANG['keperluan']} karakter."
    nilai["keperluan"] = keperluan

    keterangan = teks_bersih(ambil("keterangan"))
    if len(keterangan) > PANJANG["keterangan"]:
        rincian["keterangan"] = f"Keterangan paling panjang {PANJANG['keterangan']} karakter."
    nilai["keterangan"] = keterangan or None

    pilihan_ttd = ambil("penandatangan")
    ttd = pejabat_svc.aktif(pilihan_ttd) if pilihan_ttd not in (None, "") else pejabat_svc.bawaan()
    if ttd is None:
        rincian["penandatangan"] = ("Pilih penandatangan yang tersedia." if pilihan_ttd not in (None, "")
                                    else "Desa belum menetapkan penandatangan surat; hubungi operator desa.")
    else:
        nilai["pejabat_id"] = ttd.id

    dikenal = set(katalog.KUNCI_DASAR) | {i.nama for i in jenis.isian}
    asing = sorted(k for k in masukan if k not in dikenal)
    if asing:
        rincian["_"] = "Isian tidak dikenal untuk surat ini: " + ", ".join(asing) + "."
    data = {}
    lama_data = lama.get("data") or {}
    for isian in jenis.isian:
        mentah = masukan[isian.nama] if isian.nama in masukan else lama_data.get(isian.nama)
        isi, pesan = _isian(isian, mentah)
        if pesan:
            rincian[isian.nama] = pesan
        elif isi is not None:
            data[isian.nama] = isi
    nilai["data"] = data

    if rincian:
        raise SuratError(422, kode, " ".join(rincian.values()), rincian)
    return nilai


def _jenis(kode):
    ditawarkan = jenis_ditawarkan(kode)
    if ditawarkan is None:
        pesan = "Jenis surat tidak tersedia di desa ini."
        raise SuratError(422, "jenis_tidak_tersedia", pesan, {"jenis": pesan})
    return ditawarkan


# --- State changes ----------------------------------------------------------------

_TIDAK_BOLEH = {
    "ubah": "Hanya konsep yang dapat diubah",
    "hapus": "Hanya konsep yang dapat dihapus",
    "ajukan": "Hanya konsep yang dapat diajukan",
    "batalkan": "Surat hanya dapat dibatalkan sebelum disetujui",
    "setujui": "Hanya surat yang diajukan yang dapat disetujui",
    "tolak": "Hanya surat yang diajukan yang dapat ditolak",
}


def _gagal_pindah(surat_id, aksi):
    """After a conditional update touched nothing: 404 if gone, else 409 naming the status."""
    db.session.rollback()
    status = db.session.scalar(select(Surat.status).where(Surat.id == surat_id))
    if status is None:
        return tidak_ditemukan()
    return SuratError(409, "status_tidak_sesuai", f"{_TIDAK_BOLEH[aksi]}; surat ini berstatus {status}.")


def _ubah_bersyarat(surat_id, dari, aksi, **nilai):
    hasil = db.session.execute(
        update(Surat).where(Surat.id == surat_id, Surat.status.in_(dari)).values(**nilai)
        .execution_options(synchronize_session=False))
    if hasil.rowcount != 1:
        raise _gagal_pindah(surat_id, aksi)


def _catat(surat_id, status, aktor, aktor_nama, catatan=None):
    db.session.add(RiwayatSurat(surat_id=surat_id, status=status, aktor=aktor, aktor_nama=aktor_nama,
                                catatan=catatan))


def _nama(akun):
    return getattr(akun, "nama", None) or getattr(akun, "username", None)


def buat_konsep(penduduk, masukan):
    """A new draft for the resident (or a member of the resident's KK)."""
    masukan = dict(masukan)
    kode = teks_bersih(masukan.pop("jenis", ""))
    jenis, klasifikasi = _jenis(kode)
    nilai = _periksa(penduduk, jenis, klasifikasi, masukan)
    surat = Surat(jenis=jenis.kode, pemohon_id=penduduk.id, status="konsep", **nilai)
    db.session.add(surat)
    db.session.flush()
    _catat(surat.id, "konsep", "penduduk", _nama(penduduk), "Konsep dibuat.")
    db.session.commit()
    return surat


def salin(surat, penduduk):
    """A new draft with the same content (after a rejection or a cancellation)."""
    masukan = {"jenis": surat.jenis, "nik": surat.subjek.nik, "klasifikasi": surat.klasifikasi,
               "keperluan": surat.keperluan, "keterangan": surat.keterangan,
               "penandatangan": surat.pejabat_id if pejabat_svc.aktif(surat.pejabat_id) else None,
               **(surat.data or {})}
    return buat_konsep(penduduk, masukan)


def ubah_konsep(surat, penduduk, masukan):
    """Change a draft; fields not given keep their value."""
    masukan = dict(masukan)
    masukan.pop("jenis", None)   # the type of a draft stays; make a new draft for another type
    jenis = katalog.jenis(surat.jenis)
    lama = {"nik": surat.subjek.nik, "klasifikasi": surat.klasifikasi, "keperluan": surat.keperluan,
            "keterangan": surat.keterangan, "penandatangan": surat.pejabat_id, "data": surat.data}
    if surat.status != "konsep":
        raise SuratError(409, "status_tidak_sesuai", f"{_TIDAK_BOLEH['ubah']}; surat ini berstatus {surat.status}.")
    nilai = _periksa(penduduk, jenis, klasifikasi_desa(surat.jenis), masukan, lama)
    surat_id = surat.id
    _ubah_bersyarat(surat_id, ("konsep",), "ubah", **nilai)
    _catat(surat_id, "konsep", "penduduk", _nama(penduduk), "Konsep diubah.")
    db.session.commit()
    return surat


def hapus_konsep(surat):
    surat_id = surat.id
    hasil = db.session.execute(delete(Surat).where(Surat.id == surat_id, Surat.status == "konsep")
                               .execution_options(synchronize_session=False))
    if hasil.rowcount != 1:
        raise _gagal_pindah(surat_id, "hapus")
    db.session.commit()


def ajukan(surat, penduduk):
    """Send a draft to the desa's operators."""
    surat_id, kode, pejabat_id = surat.id, surat.jenis, surat.pejabat_id
    if surat.status == "konsep":
        if jenis_ditawarkan(kode) is None:
            raise SuratError(409, "jenis_tidak_tersedia", "Jenis surat ini tidak lagi dilayani desa.")
        if pejabat_svc.aktif(pejabat_id) is None:
            pesan = "Penandatangan yang dipilih tidak lagi tersedia; ubah konsep dan pilih yang lain."
            raise SuratError(422, "penandatangan_tidak_tersedia", pesan, {"penandatangan": pesan})
    _ubah_bersyarat(surat_id, ("konsep",), "ajukan", status="diajukan", diajukan=utcnow())
    _catat(surat_id, "diajukan", "penduduk", _nama(penduduk), "Diajukan ke operator desa.")
    db.session.commit()
    return surat


def batalkan(surat, penduduk, alasan=None):
    surat_id = surat.id
    alasan = teks_bersih(alasan)[:PANJANG["alasan"]] or None
    _ubah_bersyarat(surat_id, ("konsep", "diajukan"), "batalkan", status="dibatalkan")
    _catat(surat_id, "dibatalkan", "penduduk", _nama(penduduk), alasan or "Dibatalkan oleh pemohon.")
    db.session.commit()
    return surat


def tolak(surat_id, operator, alasan):
    alasan = teks_bersih(alasan)
    if len(alasan) < 3:
        pesan = "Alasan penolakan wajib diisi agar pemohon tahu apa yang harus diperbaiki."
        raise SuratError(422, "alasan_wajib", pesan, {"alasan": pesan})
    if len(alasan) > PANJANG["alasan"]:
        pesan = f"Alasan paling panjang {PANJANG['alasan']} karakter."
        raise SuratError(422, "alasan_terlalu_panjang", pesan, {"alasan": pesan})
    nama = _nama(operator)
    _ubah_bersyarat(surat_id, ("diajukan",), "tolak", status="ditolak", alasan_tolak=alasan)
    _catat(surat_id, "ditolak", "operator", nama, alasan)
    db.session.commit()


def setujui(surat_id, operator, penandatangan=None, passphrase=None):
    """Approve: number the letter, copy the signatory, and hand it to the workers.

    One transaction: the conditional status change (only one of two operators
    approving the same letter gets past it), the next number of the sequence, the
    number and signatory written into the letter, the history row. The task is sent
    only after COMMIT; if the broker is down the letter stays ``diproses`` and the
    sweeper sends it again (the database is the truth). ``passphrase`` is the Kepala
    Desa's BSrE passphrase when the desa signs through BSrE: passed on, never stored.
    """
    from desaonline.signing.penanda import perlu_passphrase
    operator_id, nama, desa_id = operator.id, _nama(operator), current_desa_id()
    passphrase = (passphrase or "").strip() or None
    if passphrase is None and perlu_passphrase():
        pesan = "Desa ini menandatangani lewat BSrE: ketik passphrase Kepala Desa untuk menyetujui."
        raise SuratError(422, "passphrase_wajib", pesan, {"passphrase": pesan})
    # End the read transaction this request already has: the approval must start with
    # its write (SQLite cannot turn an old read snapshot into a write transaction).
    db.session.commit()
    sekarang = utcnow()
    tanggal = hari_ini()
    _ubah_bersyarat(surat_id, ("diajukan",), "setujui", status="diproses", disetujui=sekarang,
                    disetujui_oleh=operator_id, tanggal_surat=tanggal, alasan_gagal=None)
    try:
        surat = db.session.scalar(select(Surat).where(Surat.id == surat_id))
        ttd = pejabat_svc.aktif(penandatangan if penandatangan not in (None, "") else surat.pejabat_id)
        if ttd is None:
            pesan = ("Penandatangan yang dipilih tidak tersedia." if penandatangan not in (None, "")
                     else "Penandatangan surat ini tidak lagi aktif; pilih penandatangan lain.")
            raise SuratError(422, "penandatangan_tidak_tersedia", pesan, {"penandatangan": pesan})
        atur = pengaturan(desa_ini())
        kunci = surat.jenis if atur.penomoran == "per_jenis" else "*"
        urut = nomor_berikutnya(desa_id, kunci, tanggal.year)
        nomor = format_nomor(atur.format_nomor, nomor=urut, klasifikasi=surat.klasifikasi, kode=surat.jenis,
                             kode_desa=desa_ini().kode, tanggal=tanggal)
        db.session.execute(
            update(Surat).where(Surat.id == surat_id)
            .values(nomor=nomor, kunci_nomor=kunci, tahun=tanggal.year, nomor_urut=urut, pejabat_id=ttd.id,
                    ttd_nama=ttd.nama, ttd_jabatan=ttd.jabatan, ttd_nip=ttd.nip, ttd_atas_nama=ttd.atas_nama)
            .execution_options(synchronize_session=False))
        _catat(surat_id, "diproses", "operator", nama, f"Disetujui dengan nomor {nomor}; surat sedang ditandatangani.")
        db.session.commit()
    except IntegrityError:
        # The unique constraint on the number is the last guard; it should never fire.
        db.session.rollback()
        log.exception("nomor surat bentrok (surat %s)", surat_id)
        raise SuratError(409, "nomor_bentrok", "Nomor surat bentrok; silakan coba setujui lagi.")
    except Exception:
        db.session.rollback()
        raise
    kirim_ke_pekerja(surat_id, desa_id, passphrase)
    return nomor


def kirim_ke_pekerja(surat_id, desa_id, passphrase=None):
    """Queue the signing task (after COMMIT only)."""
    try:
        from workers.surat import antrekan
        antrekan(surat_id, desa_id, passphrase) if passphrase else antrekan(surat_id, desa_id)
    except Exception:  # noqa: BLE001: the letter is safe in "diproses"; the sweeper re-sends it
        current_app.logger.exception("surat %s: gagal mengirim ke antrean pekerja", surat_id)


# --- Finding a request -----------------------------------------------------------------

def _id(surat_id):
    try:
        return int(surat_id)
    except (TypeError, ValueError):
        raise tidak_ditemukan() from None


def surat_pemohon(penduduk, surat_id):
    """A request of this resident; 404 for anyone else's (never a 403 that confirms it exists)."""
    surat = db.session.scalar(select(Surat).where(Surat.id == _id(surat_id), Surat.pemohon_id == penduduk.id))
    if surat is None:
        raise tidak_ditemukan()
    return surat


def surat_operator(surat_id):
    """A request the operator may see: anything but a resident's unsent draft."""
    surat = db.session.scalar(select(Surat).where(Surat.id == _id(surat_id), Surat.status != "konsep"))
    if surat is None:
        raise tidak_ditemukan()
    return surat
