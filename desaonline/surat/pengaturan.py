"""A desa's letter settings: letterhead, paper, numbering, offered types, contact.

Everything runs inside the desa's scope (a request on its host, or ``desa_scope``),
so the queries here never name the desa.
"""
from dataclasses import dataclass

from sqlalchemy import select

from desaonline import whatsapp
from desaonline.extensions import db
from desaonline.surat import kabupaten, katalog, pejabat as pejabat_svc
from desaonline.errors import Penolakan
from desaonline.surat.models import JenisSuratDesa, PengaturanSurat
from desaonline.surat.penomoran import FORMAT_BAWAAN, periksa_format
from tenants.scoping import desa_wajib
from tenants.models import Desa

KERTAS = ("A4", "F4")
PENOMORAN = {"per_jenis": "Per jenis surat", "desa": "Satu urutan untuk semua surat desa"}
LOGO_MAKS = 512 * 1024
_PNG, _JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"


def desa_ini():
    """The current desa's row (kecamatan and kabupaten reachable through it)."""
    return db.session.get(Desa, desa_wajib())


def sebutan(desa):
    """'Desa' or 'Kelurahan'."""
    return "Kelurahan" if desa.jenis == "kelurahan" else "Desa"


def kepala(desa):
    """The head's title: 'Kepala Desa Klirong' or 'Lurah Panjer'."""
    return f"Lurah {desa.nama}" if desa.jenis == "kelurahan" else f"Kepala Desa {desa.nama}"


def pengaturan_bawaan(desa):
    """Settings a desa has before its operator saves any (not stored)."""
    kab = desa.kecamatan.kabupaten.nama
    alamat = ", ".join(x for x in (desa.alamat_kantor, f"Kode Pos {desa.kode_pos}" if desa.kode_pos else None) if x)
    return PengaturanSurat(
        kop_kabupaten=f"PEMERINTAH {kab.upper()}", kop_kecamatan=f"KECAMATAN {desa.kecamatan.nama.upper()}",
        kop_desa=f"{sebutan(desa).upper()} {desa.nama.upper()}", kop_alamat=alamat, logo=None,
        tempat_surat=desa.nama, ukuran_kertas="A4", margin_atas_mm=20, margin_bawah_mm=20,
        margin_kiri_mm=25, margin_kanan_mm=20, format_nomor=FORMAT_BAWAAN, penomoran="per_jenis",
        wa_operator_lain=None, jam_layanan=None,
    )


def pengaturan(desa=None):
    """The desa's saved settings, or its defaults."""
    desa = desa or desa_ini()
    tersimpan = db.session.scalar(select(PengaturanSurat))
    return tersimpan if tersimpan is not None else pengaturan_bawaan(desa)


def _teks(data, nama, label, maks, wajib=False, rincian=None):
    nilai = (data.get(nama) or "").strip()
    if wajib and not nilai:
        rincian[nama] = f"{label} wajib diisi."
    elif len(nilai) > maks:
        rincian[nama] = f"{label} paling panjang {maks} karakter."
    return nilai


def _angka(data, nama, label, bawah, atas, rincian):
    try:
        nilai = int(str(data.get(nama, "")).strip())
    except ValueError:
        rincian[nama] = f"{label} harus berupa angka."
        return None
    if not bawah <= nilai <= atas:
        rincian[nama] = f"{label} antara {bawah} dan {atas} mm."
    return nilai


def _wa_daftar(teks, rincian):
    hasil = []
    for bagian in (teks or "").replace(";", ",").split(","):
        if not bagian.strip():
            continue
        try:
            hasil.append(whatsapp.normalisasi(bagian, "wa_operator_lain"))
        except Penolakan as err:
            rincian.update(err.rincian)
    return ", ".join(hasil) or None


def periksa_logo(isi):
    """PNG or JPEG up to 512 KB (it is printed on every letter)."""
    if len(isi) > LOGO_MAKS:
        raise Penolakan(422, "logo_terlalu_besar", "Logo paling besar 512 KB.", {"logo": "Logo paling besar 512 KB."})
    if not isi.startswith((_PNG, _JPEG)):
        pesan = "Logo harus berupa gambar PNG atau JPEG."
        raise Penolakan(422, "logo_tidak_valid", pesan, {"logo": pesan})
    return isi


def simpan_pengaturan(data, logo=None, hapus_logo=False):
    """Check and store the settings and the desa's contact; all or nothing."""
    desa = desa_ini()
    rincian = {}
    nilai = {
        "kop_kabupaten": _teks(data, "kop_kabupaten", "Baris kabupaten", 120, True, rincian),
        "kop_kecamatan": _teks(data, "kop_kecamatan", "Baris kecamatan", 120, True, rincian),
        "kop_desa": _teks(data, "kop_desa", "Baris desa", 120, True, rincian),
        "kop_alamat": _teks(data, "kop_alamat", "Alamat pada kop", 255, False, rincian),
        "tempat_surat": _teks(data, "tempat_surat", "Tempat surat", 60, True, rincian),
        "jam_layanan": _teks(data, "jam_layanan", "Jam layanan", 120, False, rincian) or None,
        "ukuran_kertas": data.get("ukuran_kertas"),
        "penomoran": data.get("penomoran"),
    }
    if nilai["ukuran_kertas"] not in KERTAS:
        rincian["ukuran_kertas"] = "Ukuran kertas A4 atau F4."
    if nilai["penomoran"] not in PENOMORAN:
        rincian["penomoran"] = "Pilih cara penomoran."
    for sisi in ("atas", "bawah", "kiri", "kanan"):
        nilai[f"margin_{sisi}_mm"] = _angka(data, f"margin_{sisi}_mm", f"Margin {sisi}", 5, 50, rincian)
    try:
        nilai["format_nomor"] = periksa_format(data.get("format_nomor"), nilai["penomoran"] or "per_jenis")
    except Penolakan as err:
        rincian.update(err.rincian)
    nilai["wa_operator_lain"] = _wa_daftar(data.get("wa_operator_lain"), rincian)
    kontak = {
        "alamat_kantor": _teks(data, "alamat_kantor", "Alamat kantor", 255, False, rincian) or None,
        "telepon": _teks(data, "telepon", "Telepon", 30, False, rincian) or None,
        "email": _teks(data, "email", "Email", 120, False, rincian) or None,
    }
    try:
        kontak["wa_operator"] = whatsapp.normalisasi(data.get("wa_operator"))
    except Penolakan as err:
        rincian.update(err.rincian)
    if logo:
        try:
            periksa_logo(logo)
        except Penolakan as err:
            rincian.update(err.rincian)
    if rincian:
        raise Penolakan(422, "data_tidak_valid", "Periksa kembali isian yang ditandai.", rincian)

    baris = db.session.scalar(select(PengaturanSurat))
    if baris is None:
        baris = PengaturanSurat()
        db.session.add(baris)
    for kunci, isi in nilai.items():
        setattr(baris, kunci, isi)
    if logo:
        baris.logo = logo
    elif hapus_logo:
        baris.logo = None
    for kunci, isi in kontak.items():
        setattr(desa, kunci, isi)
    db.session.commit()
    return baris


# --- Which letter types the desa offers --------------------------------------------

@dataclass(frozen=True)
class PilihanJenis:
    """A catalogue type as this desa serves it. Without a row of its own a type is offered
    in Layanan Mandiri with the catalogue's kode klasifikasi and the Kepala Desa signing."""
    jenis: katalog.JenisSurat
    aktif: bool = True           # served at all
    hanya_kantor: bool = False   # served at the office only, not requested online
    klasifikasi: str = ""        # the desa's default kode klasifikasi for the type
    pejabat_id: int | None = None  # the desa's default signatory for the type (None: the Kepala Desa)

    @property
    def mandiri(self):
        """Residents may request it in Layanan Mandiri."""
        return self.aktif and not self.hanya_kantor


def _pilihan(jenis, baris):
    if baris is None:
        return PilihanJenis(jenis, klasifikasi=jenis.klasifikasi)
    return PilihanJenis(jenis, aktif=baris.aktif, hanya_kantor=bool(baris.hanya_kantor),
                        klasifikasi=baris.klasifikasi or jenis.klasifikasi, pejabat_id=baris.pejabat_id)


def semua_jenis():
    """The types this desa may serve: the catalogue's, then those the kabupaten published to it."""
    return (*katalog.DAFTAR, *kabupaten.untuk_desa())


def pilihan_jenis():
    """Every type with this desa's choice, in catalogue order: [PilihanJenis]."""
    pilihan = {j.kode: j for j in db.session.scalars(select(JenisSuratDesa))}
    return [_pilihan(jenis, pilihan.get(jenis.kode)) for jenis in semua_jenis()]


def pilihan_satu(kode):
    """This desa's choice for one type (None for a code the desa cannot serve)."""
    jenis = katalog.KATALOG.get(kode) or next((j for j in kabupaten.untuk_desa() if j.kode == kode), None)
    if jenis is None:
        return None
    return _pilihan(jenis, db.session.scalar(select(JenisSuratDesa).where(JenisSuratDesa.kode == kode)))


def jenis_tersedia():
    """The types residents of this desa may request online: [(JenisSurat, klasifikasi)]."""
    return [(p.jenis, p.klasifikasi) for p in pilihan_jenis() if p.mandiri]


def jenis_di_kantor():
    """The types this desa serves only at its office (listed to residents, not requestable)."""
    return [p.jenis for p in pilihan_jenis() if p.aktif and p.hanya_kantor]


def jenis_ditawarkan(kode):
    """(JenisSurat, klasifikasi) if residents may request that type online, else None."""
    p = pilihan_satu(kode)
    return (p.jenis, p.klasifikasi) if p is not None and p.mandiri else None


def klasifikasi_desa(kode):
    """The desa's default kode klasifikasi for a type (its override, or the catalogue's)."""
    p = pilihan_satu(kode)
    return p.klasifikasi if p is not None else ""


def ttd_bawaan(kode):
    """The signatory a new request of this type gets: the desa's choice for the type while
    that official is active, else the Kepala Desa (``pejabat.bawaan``)."""
    p = pilihan_satu(kode)
    pilihan = pejabat_svc.aktif(p.pejabat_id) if p is not None and p.pejabat_id else None
    return pilihan or pejabat_svc.bawaan()


def _bool(nilai):
    if isinstance(nilai, bool):
        return nilai
    return str(nilai).strip().lower() in ("1", "true", "ya", "on")


def simpan_jenis(pilihan):
    """``pilihan``: {kode: {aktif?, hanya_kantor?, klasifikasi?, penandatangan?}}; what is not
    named keeps its value. All or nothing; the types not named keep their state."""
    rincian = {}
    dikenal = {j.kode for j in semua_jenis()}
    for kode, isi in pilihan.items():
        if kode not in dikenal:
            rincian[kode] = f"Jenis surat '{kode}' tidak dikenal."
            continue
        klasifikasi = (isi.get("klasifikasi") or "").strip()
        if klasifikasi and not katalog.klasifikasi_sah(klasifikasi):
            rincian[kode] = f"Kode klasifikasi '{klasifikasi}' tidak valid, contoh 470 atau 472.11."
        ttd = isi.get("penandatangan")
        if ttd not in (None, "") and pejabat_svc.aktif(ttd) is None:
            rincian[kode] = "Pilih penandatangan yang tersedia."
    if rincian:
        raise Penolakan(422, "data_tidak_valid", "Periksa kembali isian yang ditandai.", rincian)
    ada = {j.kode: j for j in db.session.scalars(select(JenisSuratDesa))}
    for kode, isi in pilihan.items():
        baris = ada.get(kode)
        if baris is None:
            baris = JenisSuratDesa(kode=kode, aktif=True, hanya_kantor=False)
            db.session.add(baris)
            ada[kode] = baris
        if "aktif" in isi:
            baris.aktif = _bool(isi["aktif"])
        if "hanya_kantor" in isi:
            baris.hanya_kantor = _bool(isi["hanya_kantor"])
        if "klasifikasi" in isi:
            baris.klasifikasi = (isi["klasifikasi"] or "").strip() or None
        if "penandatangan" in isi:
            baris.pejabat_id = int(isi["penandatangan"]) if isi["penandatangan"] not in (None, "") else None
    if all(k in ada for k in katalog.KATALOG) and not any(ada[k].aktif and not ada[k].hanya_kantor
                                                          for k in katalog.KATALOG):
        db.session.rollback()
        raise Penolakan(422, "tidak_ada_jenis", "Sisakan paling sedikit satu jenis surat yang dapat dimohon warga.")
    db.session.commit()
