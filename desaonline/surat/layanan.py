"""What people do with a letter request: the one module the pages and the API call.

Residents make, change, delete, submit and cancel drafts; operators approve, reject
and retry. The input is checked here (bad input raises ``Penolakan`` naming every
field and changes nothing); the steps themselves are ``status.pindah``.
"""
import logging

from flask import current_app
from sqlalchemy import null, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from desaonline.errors import Penolakan, tidak_ditemukan
from desaonline.extensions import db
from desaonline.penduduk.models import Penduduk
from desaonline.penduduk.referensi import HIDUP
from desaonline.signing.bsre import Rahasia
from desaonline.signing.penanda import perlu_passphrase
from desaonline.surat import (isian as isian_surat, katalog, lampiran as lampiran_svc, pejabat as pejabat_svc, status,
                              syarat as syarat_svc, terbitkan)
from desaonline.surat.isian import teks_bersih
from desaonline.surat.models import Surat
from desaonline.surat.pengaturan import (desa_ini, jenis_ditawarkan, klasifikasi_desa, pengaturan, pilihan_satu,
                                         ttd_bawaan)
from desaonline.surat.penomoran import format_nomor, nomor_berikutnya
from desaonline.surat.susun import alamat_penduduk
from desaonline.waktu import hari_ini, sekarang
from tenants import desa_wajib

log = logging.getLogger(__name__)

PANJANG = {"keperluan": 500, "keterangan": 1000, "alasan": 1000}


# --- Who may be the subject of a letter ---------------------------------------------

def keluarga(penduduk):
    """The resident and the living members of the resident's KK (the only possible subjects):
    a member who died or moved (status_dasar other than HIDUP) is no subject of a letter."""
    if penduduk.keluarga_id is None:
        return [penduduk] if penduduk.aktif else []
    return db.session.scalars(
        select(Penduduk).where(Penduduk.keluarga_id == penduduk.keluarga_id, Penduduk.aktif)
        .order_by(Penduduk.id)).all()


def _seisi_kk(penduduk):
    """Every member of the resident's KK, whatever their status."""
    if penduduk.keluarga_id is None:
        return [penduduk]
    return db.session.scalars(select(Penduduk).where(Penduduk.keluarga_id == penduduk.keluarga_id)
                              .order_by(Penduduk.id)).all()


def calon_subjek(penduduk, jenis):
    """Who a letter of this type may be about: the living members of the KK, and for a
    death also a member already marked MATI (the deceased is its subject)."""
    if jenis.status_subjek == (HIDUP,):
        return keluarga(penduduk)
    return [a for a in _seisi_kk(penduduk) if a.status_dasar in jenis.status_subjek]


def _subjek_hidup(surat):
    """A letter is only for a living resident (or the deceased of a death): one who died or
    moved since the draft is refused."""
    jenis = katalog.jenis(surat.jenis)
    boleh = jenis.status_subjek if jenis else (HIDUP,)
    if surat.subjek.status_dasar not in boleh:
        raise Penolakan(409, "subjek_tidak_aktif",
                        f"{surat.subjek.nama} berstatus {surat.subjek.status_dasar} dalam data penduduk: "
                        "surat tidak dapat dibuat untuknya.")


def _subjek(penduduk, nik, jenis):
    nik = teks_bersih(nik) or penduduk.nik
    subjek = next((a for a in calon_subjek(penduduk, jenis) if a.nik == nik), None)
    if subjek is None:
        # The same answer whether the NIK exists elsewhere or not: nothing to learn from it.
        raise Penolakan(422, "nik_bukan_anggota_keluarga",
                        "NIK harus NIK Anda sendiri atau anggota Kartu Keluarga Anda.",
                        {"nik": "Pilih NIK Anda atau anggota Kartu Keluarga Anda."})
    return subjek


def orang(p, desa):
    """A resident as the field kinds take a person (``isian.Konteks``)."""
    return {"nik": p.nik, "nama": p.nama, "tempat_lahir": p.tempat_lahir,
            "tanggal_lahir": p.tanggal_lahir.isoformat() if p.tanggal_lahir else None,
            "jenis_kelamin": p.jenis_kelamin, "pekerjaan": p.pekerjaan, "alamat": alamat_penduduk(p, desa),
            "hubungan": p.hubungan_keluarga, "status_dasar": p.status_dasar}


def konteks(penduduk, jenis=None):
    """What the person and KK-member fields of a request may choose from: the resident's KK
    and, by NIK, the desa's register (queried only for types that have such fields)."""
    if jenis is not None and not any(isian_surat.JENIS[i.jenis].terstruktur for i in jenis.isian):
        return isian_surat.Konteks()
    desa = desa_ini()

    def cari(nik):
        p = db.session.scalar(select(Penduduk).options(joinedload(Penduduk.keluarga))
                              .where(Penduduk.nik == nik).limit(1))
        return orang(p, desa) if p is not None else None

    return isian_surat.Konteks(keluarga=tuple(orang(a, desa) for a in _seisi_kk(penduduk)), cari=cari)


def _orang_berbeda(jenis, nik_subjek, data, rincian):
    """Fields that must be different people (a witness is not the reporter, nor the deceased)."""
    label = {i.nama: i.label for i in jenis.isian} | {"nik": "orang yang diterangkan surat ini"}
    for grup in jenis.orang_berbeda:
        dilihat = {}
        for nama in grup:
            nik = nik_subjek if nama == "nik" else (data.get(nama) or {}).get("nik")
            if not nik or nama in rincian:
                continue
            if nik in dilihat:
                rincian[nama] = f"{label[nama]} tidak boleh orang yang sama dengan {label[dilihat[nik]].lower()}."
            else:
                dilihat[nik] = nama


# --- Checking what a resident typed -------------------------------------------------

def _periksa(penduduk, jenis, klasifikasi_bawaan, masukan, lama=None):
    """Check a whole request; returns the column values or raises with every problem named."""
    lama = lama or {}
    rincian = {}
    nilai = {}
    kode = "data_tidak_valid"

    def ambil(kunci):
        return masukan[kunci] if kunci in masukan else lama.get(kunci)

    subjek = None
    try:
        subjek = _subjek(penduduk, ambil("nik"), jenis)
        nilai["subjek_id"] = subjek.id
    except Penolakan as err:
        rincian.update(err.rincian)
        kode = err.kode   # the one that matters most: someone outside the KK

    klasifikasi = teks_bersih(ambil("klasifikasi")) or klasifikasi_bawaan
    if not katalog.klasifikasi_sah(klasifikasi):
        rincian["klasifikasi"] = "Kode klasifikasi tidak valid, contoh 470 atau 472.11."
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
    ttd = pejabat_svc.aktif(pilihan_ttd) if pilihan_ttd not in (None, "") else ttd_bawaan(jenis.kode)
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
    kk = konteks(penduduk, jenis)
    for isian in jenis.isian:
        mentah = masukan[isian.nama] if isian.nama in masukan else lama_data.get(isian.nama)
        isi, pesan = isian_surat.periksa(isian, mentah, kk)
        if pesan:
            rincian[isian.nama] = pesan
        elif isi is not None:
            data[isian.nama] = isi
    _orang_berbeda(jenis, subjek.nik if subjek else None, data, rincian)
    nilai["data"] = data

    if rincian:
        raise Penolakan.data(rincian, kode)
    return nilai


def _jenis(kode, status_http=422):
    """The type and its default kode klasifikasi, if residents may request it online."""
    ditawarkan = jenis_ditawarkan(kode)
    if ditawarkan is not None:
        return ditawarkan
    pilihan = pilihan_satu(kode)
    if pilihan is not None and pilihan.aktif and pilihan.hanya_kantor:
        pesan = (f"{pilihan.jenis.nama} dilayani langsung di kantor desa: datanglah ke kantor desa dengan "
                 "membawa persyaratannya.")
        raise Penolakan(status_http, "jenis_hanya_di_kantor", pesan, {"jenis": pesan})
    pesan = "Jenis surat tidak tersedia di desa ini."
    raise Penolakan(status_http, "jenis_tidak_tersedia", pesan, {"jenis": pesan})


def _base_domain():
    return current_app.config["BASE_DOMAIN"]


def _nama(akun):
    return getattr(akun, "nama", None) or getattr(akun, "username", None)


# --- The resident's steps -------------------------------------------------------------

def buat_konsep(penduduk, masukan):
    """A new draft for the resident (or a member of the resident's KK)."""
    masukan = dict(masukan)
    kode = teks_bersih(masukan.pop("jenis", ""))
    jenis, klasifikasi = _jenis(kode)
    nilai = _periksa(penduduk, jenis, klasifikasi, masukan)
    surat = Surat(jenis=jenis.kode, pemohon_id=penduduk.id, status=status.KONSEP, **nilai)
    db.session.add(surat)
    db.session.flush()
    status.catat(surat.id, status.KONSEP, status.PENDUDUK, _nama(penduduk), "Konsep dibuat.")
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
    if not status.UBAH.boleh_dari(surat.status):
        raise Penolakan(409, "status_tidak_sesuai", f"{status.UBAH.tidak_boleh}; surat ini berstatus {surat.status}.")
    masukan = dict(masukan)
    masukan.pop("jenis", None)   # the type of a draft stays; make a new draft for another type
    lama = {"nik": surat.subjek.nik, "klasifikasi": surat.klasifikasi, "keperluan": surat.keperluan,
            "keterangan": surat.keterangan, "penandatangan": surat.pejabat_id, "data": surat.data}
    nilai = _periksa(penduduk, katalog.jenis(surat.jenis), klasifikasi_desa(surat.jenis), masukan, lama)
    status.pindah(surat.id, status.UBAH, _nama(penduduk), **nilai)
    db.session.commit()
    return surat


def hapus_konsep(surat):
    berkas = lampiran_svc.kunci_surat(surat.id)
    status.pindah(surat.id, status.HAPUS)    # the attachments' rows go with it (ON DELETE CASCADE)
    db.session.commit()
    lampiran_svc.buang_yatim(berkas)


def ajukan(surat, penduduk):
    """Send a draft to the desa's operators."""
    if status.AJUKAN.boleh_dari(surat.status):
        _subjek_hidup(surat)
        _jenis(surat.jenis, 409)
        if pejabat_svc.aktif(surat.pejabat_id) is None:
            pesan = "Penandatangan yang dipilih tidak lagi tersedia; ubah konsep dan pilih yang lain."
            raise Penolakan(422, "penandatangan_tidak_tersedia", pesan, {"penandatangan": pesan})
    status.pindah(surat.id, status.AJUKAN, _nama(penduduk), diajukan=sekarang())
    db.session.commit()
    return surat


def lengkapi(surat, penduduk):
    """Answer a rejection that asked for documents: the request goes back to the queue."""
    if status.LENGKAPI.boleh_dari(surat.status) and surat.lengkapi is not None:
        if not lampiran_svc.ada_sejak(surat, lampiran_svc.waktu_ditolak(surat)):
            pesan = "Lampirkan dulu dokumen yang diminta operator, lalu kirim kembali."
            raise Penolakan(422, "lampiran_belum_ada", pesan, {"file": pesan})
        _subjek_hidup(surat)
    status.pindah(surat.id, status.LENGKAPI, _nama(penduduk), lengkapi=None)
    db.session.commit()
    return surat


def batalkan(surat, penduduk, alasan=None):
    alasan = teks_bersih(alasan)[:PANJANG["alasan"]] or None
    status.pindah(surat.id, status.BATALKAN, _nama(penduduk), alasan)
    db.session.commit()
    return surat


# --- The operator's steps ---------------------------------------------------------------

def tolak(surat_id, operator, alasan, lengkapi=None):
    """Reject with a reason; ``lengkapi`` (document codes, [] for those named in the reason)
    asks the resident for documents, which they answer with (``lengkapi`` above)."""
    alasan = teks_bersih(alasan)
    if len(alasan) < 3:
        pesan = "Alasan penolakan wajib diisi agar pemohon tahu apa yang harus diperbaiki."
        raise Penolakan(422, "alasan_wajib", pesan, {"alasan": pesan})
    if len(alasan) > PANJANG["alasan"]:
        pesan = f"Alasan paling panjang {PANJANG['alasan']} karakter."
        raise Penolakan(422, "alasan_terlalu_panjang", pesan, {"alasan": pesan})
    if lengkapi is not None:
        asing = [k for k in lengkapi if k not in syarat_svc.DOKUMEN_PER_KODE]
        if asing:
            pesan = "Dokumen tidak dikenal: " + ", ".join(map(str, asing[:5])) + "."
            raise Penolakan(422, "syarat_tidak_valid", pesan, {"lengkapi": pesan})
        lengkapi = [d.kode for d in syarat_svc.DOKUMEN if d.kode in lengkapi]
        diminta = ", ".join(syarat_svc.DOKUMEN_PER_KODE[k].nama for k in lengkapi)
        catatan = f"{alasan} (Mohon lengkapi{': ' + diminta if diminta else ' dokumennya'}.)"
    else:
        catatan = alasan
    status.pindah(surat_id, status.TOLAK, _nama(operator), catatan, alasan_tolak=alasan,
                  lengkapi=lengkapi if lengkapi is not None else null())
    db.session.commit()


def _rahasia(passphrase, totp=None):
    """What the Kepala Desa typed when the desa signs through BSrE: passed on, never stored."""
    passphrase = (passphrase or "").strip() or None
    totp = (totp or "").strip() or None
    if passphrase is None and totp is None:
        if perlu_passphrase():
            pesan = "Desa ini menandatangani lewat BSrE: ketik passphrase Kepala Desa."
            raise Penolakan(422, "passphrase_wajib", pesan, {"passphrase": pesan})
        return None
    return Rahasia(passphrase=passphrase, totp=None if passphrase else totp)


def _klasifikasi(klasifikasi):
    klasifikasi = teks_bersih(klasifikasi) or None
    if klasifikasi is not None and not katalog.klasifikasi_sah(klasifikasi):
        pesan = "Kode klasifikasi tidak valid, contoh 470 atau 472.11."
        raise Penolakan(422, "data_tidak_valid", pesan, {"klasifikasi": pesan})
    return klasifikasi


def _setujui_satu(surat_id, operator, penandatangan=None, klasifikasi=None):
    """The approval's own transaction work: the step, the number, the signatory, the history."""
    tanggal = hari_ini()
    status.pindah(surat_id, status.SETUJUI, riwayat=False, disetujui=sekarang(), disetujui_oleh=operator.id,
                  tanggal_surat=tanggal, alasan_gagal=None)
    surat = db.session.scalar(select(Surat).where(Surat.id == surat_id))
    _subjek_hidup(surat)
    ttd = pejabat_svc.aktif(penandatangan if penandatangan not in (None, "") else surat.pejabat_id)
    if ttd is None:
        pesan = ("Penandatangan yang dipilih tidak tersedia." if penandatangan not in (None, "")
                 else "Penandatangan surat ini tidak lagi aktif; pilih penandatangan lain.")
        raise Penolakan(422, "penandatangan_tidak_tersedia", pesan, {"penandatangan": pesan})
    klasifikasi = klasifikasi or surat.klasifikasi
    desa = desa_ini()
    atur = pengaturan(desa)
    kunci = surat.jenis if atur.penomoran == "per_jenis" else "*"
    urut = nomor_berikutnya(desa.id, kunci, tanggal.year)
    nomor = format_nomor(atur.format_nomor, nomor=urut, klasifikasi=klasifikasi, kode=surat.jenis,
                         kode_desa=desa.kode, tanggal=tanggal)
    db.session.execute(
        update(Surat).where(Surat.id == surat_id)
        .values(nomor=nomor, kunci_nomor=kunci, tahun=tanggal.year, nomor_urut=urut, pejabat_id=ttd.id,
                klasifikasi=klasifikasi, alamat_publik=terbitkan.alamat_publik(desa.host(_base_domain())),
                ttd_nama=ttd.nama, ttd_jabatan=ttd.jabatan, ttd_nip=ttd.nip, ttd_atas_nama=ttd.atas_nama)
        .execution_options(synchronize_session=False))
    status.catat(surat_id, status.DIPROSES, status.OPERATOR, _nama(operator),
                 f"Disetujui dengan nomor {nomor}; surat sedang ditandatangani.")
    return nomor, desa.id


def _dalam_transaksi(kerja, surat_id):
    try:
        hasil = kerja()
        db.session.commit()
    except IntegrityError:
        # The unique constraint on the number is the last guard; it should never fire.
        db.session.rollback()
        log.exception("nomor surat bentrok (surat %s)", surat_id)
        raise Penolakan(409, "nomor_bentrok", "Nomor surat bentrok; silakan coba setujui lagi.") from None
    except Exception:
        db.session.rollback()
        raise
    return hasil


def setujui(surat_id, operator, penandatangan=None, passphrase=None, klasifikasi=None, totp=None):
    """Approve: number the letter, copy the signatory, and hand it to the workers.

    The operator may change the signatory and the kode klasifikasi here (both are office
    matters; the resident's draft carries the desa's defaults for the type). One
    transaction: the conditional step (only one of two operators approving the same
    letter gets past it), the next number of the sequence, the number and signatory
    written into the letter, the history row. The task leaves only after COMMIT; if the
    broker is down the letter stays ``diproses`` and the sweeper sends it again (the
    database is the truth).
    """
    rahasia = _rahasia(passphrase, totp)
    klasifikasi = _klasifikasi(klasifikasi)
    # End the read transaction this request already has: the approval must start with
    # its write (SQLite cannot turn an old read snapshot into a write transaction).
    db.session.commit()

    def kerja():
        nomor, desa_id = _setujui_satu(surat_id, operator, penandatangan, klasifikasi)
        terbitkan.kirim_ke_pekerja(surat_id, desa_id, rahasia)
        return nomor
    return _dalam_transaksi(kerja, surat_id)


def setujui_banyak(surat_ids, operator, passphrase=None, totp=None):
    """Approve several letters at once; where the desa signs through BSrE, one passphrase
    (or TOTP) signs them all. Each letter is approved in its own transaction (one that
    cannot be approved does not hold back the others) and the approved ones go to the
    workers together. Returns ``(disetujui: [(id, nomor)], ditolak: [(id, Penolakan)])``."""
    ids = list(dict.fromkeys(surat_ids))
    batas = current_app.config.get("BSRE_BATCH_MAKS", 20)
    if not ids or len(ids) > batas:
        pesan = f"Pilih 1 sampai {batas} surat untuk disetujui bersama."
        raise Penolakan(422, "jumlah_surat_tidak_valid", pesan, {"surat": pesan})
    rahasia = _rahasia(passphrase, totp)
    db.session.commit()
    disetujui, ditolak = [], []
    try:
        for surat_id in ids:
            try:
                nomor, _ = _dalam_transaksi(lambda sid=surat_id: _setujui_satu(sid, operator), surat_id)
            except Penolakan as err:
                ditolak.append((surat_id, err))
            else:
                disetujui.append((surat_id, nomor))
    finally:
        # Whatever stopped the loop, the letters already numbered go to the workers.
        if disetujui:
            terbitkan.kirim_ke_pekerja([sid for sid, _ in disetujui], desa_wajib(), rahasia)
            db.session.commit()
    if not disetujui:
        pertama = ditolak[0][1]
        raise Penolakan(pertama.status, pertama.kode, "Tidak ada surat yang dapat disetujui: " + "; ".join(
            f"surat {sid}: {err.pesan}" for sid, err in ditolak), {str(sid): err.pesan for sid, err in ditolak})
    return disetujui, ditolak


def ulangi(surat_id, operator, passphrase=None, totp=None):
    """Send a ``gagal`` letter to the workers again (its number stays)."""
    surat = surat_operator(surat_id)
    if not status.ULANGI.boleh_dari(surat.status):
        raise Penolakan(409, "status_tidak_sesuai", f"{status.ULANGI.tidak_boleh}; surat ini berstatus {surat.status}.")
    rahasia = _rahasia(passphrase, totp)
    status.pindah(surat.id, status.ULANGI, _nama(operator), alasan_gagal=None)
    terbitkan.kirim_ke_pekerja(surat.id, surat.desa_id, rahasia)
    db.session.commit()
    return surat


# --- Finding a request -----------------------------------------------------------------

def surat_pemohon(penduduk, surat_id):
    """A request of this resident; 404 for anyone else's (never a 403 that confirms it exists)."""
    surat = db.session.scalar(select(Surat).where(Surat.id == surat_id, Surat.pemohon_id == penduduk.id))
    if surat is None:
        raise tidak_ditemukan("surat_tidak_ditemukan", "Surat tidak ditemukan.")
    return surat


def surat_operator(surat_id):
    """A request the operator may see: anything the resident has sent (never a draft)."""
    surat = db.session.scalar(select(Surat).where(Surat.id == surat_id, Surat.status.in_(status.DIKIRIM)))
    if surat is None:
        raise tidak_ditemukan("surat_tidak_ditemukan", "Surat tidak ditemukan.")
    return surat
