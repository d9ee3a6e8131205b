"""Turn a request into the content of its letter: the one place that knows what a
letter says (the catalogue's texts, the desa's settings, the subject's data).

Both the draft preview and the workers' final letter come from here, so the
signed letter says exactly what the resident previewed, plus number and signature.
Everything returned is plain text; the renderer escapes it.
"""
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from desaonline.errors import GagalProses
from desaonline.extensions import db
from desaonline.penduduk.models import Penduduk
from desaonline.surat import katalog
from desaonline.surat import isian as ragam_isian
from desaonline.surat.dokumen import DokumenSurat, Kop, Penandatangan
from desaonline.surat.models import Pejabat, PengaturanSurat
from desaonline.surat.pengaturan import kepala, pengaturan_bawaan, sebutan
from desaonline.waktu import hari_ini, sekarang, tanggal_indonesia
from tenants import berlingkup
from tenants.models import Desa, Kecamatan

JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}


class _Isian(dict):
    """Values for the catalogue's text templates; a name with no value reads as '-'."""

    def __missing__(self, kunci):
        return "-"


def _kecil(teks):
    return teks[:1].lower() + teks[1:] if teks else teks


def alamat_penduduk(penduduk, desa):
    kk = penduduk.keluarga
    bagian = []
    if kk is not None:
        if kk.alamat:
            bagian.append(kk.alamat)
        if kk.rt or kk.rw:
            bagian.append(f"RT {kk.rt or '-'} / RW {kk.rw or '-'}")
        if kk.dusun:
            bagian.append(f"Dusun {kk.dusun}")
    bagian.append(f"{sebutan(desa)} {desa.nama}")
    bagian.append(f"Kecamatan {desa.kecamatan.nama}")
    bagian.append(desa.kecamatan.kabupaten.nama)
    return ", ".join(bagian)


def _ttl(p):
    return f"{p.tempat_lahir or '-'}, {tanggal_indonesia(p.tanggal_lahir)}"


def data_penduduk(p, desa, lengkap=False):
    """Rows about a resident, as village letters list them."""
    baris = [("Nama Lengkap", p.nama), ("NIK", p.nik)]
    if lengkap:
        baris.append(("Nomor KK", p.keluarga.no_kk if p.keluarga else "-"))
    baris += [("Tempat, Tanggal Lahir", _ttl(p)), ("Jenis Kelamin", JENIS_KELAMIN.get(p.jenis_kelamin, p.jenis_kelamin))]
    if lengkap:
        baris.append(("Golongan Darah", p.golongan_darah or "-"))
    baris += [("Agama", p.agama or "-"), ("Status Perkawinan", p.status_perkawinan or "-")]
    if lengkap:
        baris += [("Hubungan dalam Keluarga", p.hubungan_keluarga or "-"), ("Pendidikan", p.pendidikan or "-")]
    baris += [("Pekerjaan", p.pekerjaan or "-"), ("Kewarganegaraan", p.kewarganegaraan or "WNI"),
              ("Alamat", alamat_penduduk(p, desa))]
    return baris


def _penandatangan(surat, desa):
    if surat.ttd_nama:   # approved: the signatory as copied into the letter
        nama, jabatan, nip, atas_nama = surat.ttd_nama, surat.ttd_jabatan, surat.ttd_nip, surat.ttd_atas_nama
    else:
        p = db.session.scalar(select(Pejabat).where(Pejabat.id == surat.pejabat_id))
        nama, jabatan, nip, atas_nama = p.nama, p.jabatan, p.nip, p.atas_nama
    return Penandatangan(jabatan=jabatan, nama=nama, nip=nip, atas_nama=atas_nama,
                         jabatan_atasan=kepala(desa) if atas_nama else None)


def isian_surat(surat, jenis, subjek, desa):
    """The names the catalogue's texts may use."""
    kab = desa.kecamatan.kabupaten.nama
    nilai = _Isian(
        nama=subjek.nama, nik=subjek.nik, pekerjaan=(subjek.pekerjaan or "-").lower(),
        desa=desa.nama, jenis_desa=sebutan(desa), kecamatan=desa.kecamatan.nama,
        kabupaten_lengkap=kab, kepala=kepala(desa),
        wilayah_tanpa_desa=f"Kecamatan {desa.kecamatan.nama}, {kab}",
        keperluan=surat.keperluan, keterangan=surat.keterangan or "-",
    )
    data = surat.data or {}
    for isian in jenis.isian:
        teks = ragam_isian.kalimat(isian, data.get(isian.nama))
        if teks is not None:
            nilai[isian.nama] = teks
            if isian.jenis == "pilihan":
                nilai[f"{isian.nama}_kecil"] = _kecil(teks)
    nilai["alamat_domisili_atau_kk"] = data.get("alamat_domisili") or alamat_penduduk(subjek, desa)
    return nilai


def _tabel(surat, jenis, subjek, desa):
    """The data table: the subject, then the type's own fields under their headings.

    A row with no value is a heading ("Data Bayi"). A letter with headed sections says
    its keperluan in the text instead (under the last heading it would read as part of it).
    """
    data = surat.data or {}
    baris = []
    if jenis.data_subjek != "tanpa":
        if jenis.judul_subjek and jenis.bersekat:
            baris.append((jenis.judul_subjek, None))
        baris += data_penduduk(subjek, desa, lengkap=jenis.data_subjek == "lengkap")
    judul = None
    for isian in jenis.isian:
        if not isian.di_tabel:
            continue
        rows = ragam_isian.baris(isian, data.get(isian.nama))
        if not rows:
            continue
        if rows[0][1] is None:          # the kind brings its own heading (a person)
            judul = rows[0][0]
        elif isian.bagian and isian.bagian != judul:
            judul = isian.bagian
            baris.append((judul, None))
        baris += rows
    if not jenis.bersekat:
        baris.append(("Keperluan", surat.keperluan))
        if surat.keterangan:
            baris.append(("Keterangan", surat.keterangan))
    return baris


def _keperluan(surat, jenis):
    """The keperluan as a sentence, for letters whose table is in headed sections."""
    if not jenis.bersekat:
        return []
    kalimat = [f"Surat ini dibuat untuk keperluan: {surat.keperluan.rstrip('.')}."]
    if surat.keterangan:
        kalimat.append(f"Keterangan: {surat.keterangan}")
    return [" ".join(kalimat)]


# Built once per process: the worker runs them for every letter (``berlingkup``: the desa's criteria built in).
_PENGATURAN = berlingkup(select(PengaturanSurat))
# The resident with the family card (the address) in one query.
_SUBJEK = berlingkup(select(Penduduk).options(joinedload(Penduduk.keluarga)).where(Penduduk.id == bindparam("s_id")))
# The desa with its kecamatan and kabupaten (letterhead, texts) in one query.
_DESA_LENGKAP = [joinedload(Desa.kecamatan).joinedload(Kecamatan.kabupaten)]


def desa_dan_pengaturan(desa_id):
    """(the desa with its kecamatan and kabupaten, its letter settings or their defaults)."""
    desa = db.session.get(Desa, desa_id, options=_DESA_LENGKAP)
    return desa, db.session.scalar(_PENGATURAN) or pengaturan_bawaan(desa)


def susun_dokumen(surat, *, konsep, url_verifikasi=None, catatan_tte=None, kode_verifikasi=None,
                  waktu=None, konteks=None) -> DokumenSurat:
    """The letter of ``surat``: a draft (``konsep``: no number, no QR) or the final text.
    ``konteks``: the desa and its settings as a worker keeps them (``surat.konteks``);
    read from the database without it."""
    desa, atur = (konteks.desa, konteks.atur) if konteks is not None else desa_dan_pengaturan(surat.desa_id)
    jenis = katalog.jenis(surat.jenis)
    subjek = db.session.scalar(_SUBJEK, {"s_id": surat.subjek_id})
    # Trying again would not help: the worker marks such a letter "gagal" with the reason.
    if jenis is None:
        raise GagalProses(f"Jenis surat '{surat.jenis}' tidak ada lagi di katalog.")
    if subjek is None:
        raise GagalProses("Data penduduk yang diterangkan surat ini tidak ditemukan.")
    isian = isian_surat(surat, jenis, subjek, desa)
    return DokumenSurat(
        kop=Kop(kabupaten=atur.kop_kabupaten, kecamatan=atur.kop_kecamatan, desa=atur.kop_desa,
                alamat=atur.kop_alamat or "", logo_png=atur.logo),
        judul=jenis.judul,
        nomor=None if konsep else surat.nomor,
        pembuka=[t.format_map(isian) for t in jenis.pembuka],
        data=_tabel(surat, jenis, subjek, desa),
        isi=[t.format_map(isian) for t in jenis.isi] + _keperluan(surat, jenis),
        penutup=[t.format_map(isian) for t in jenis.penutup],
        tempat=atur.tempat_surat or desa.nama,
        tanggal=surat.tanggal_surat or hari_ini(),
        penandatangan=_penandatangan(surat, desa),
        kertas=atur.ukuran_kertas,
        margin_mm=(atur.margin_atas_mm, atur.margin_kanan_mm, atur.margin_bawah_mm, atur.margin_kiri_mm),
        konsep=konsep,
        url_verifikasi=None if konsep else url_verifikasi,
        catatan_tte=None if konsep else catatan_tte,
        kode_verifikasi=None if konsep else kode_verifikasi,
        waktu=waktu or sekarang(),
    )
