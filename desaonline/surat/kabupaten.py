"""Letter types the kabupaten publishes to every desa or to one kecamatan.

A kabupaten admin writes a type once (its fields and its text) and publishes it;
every desa it reaches offers it like a catalogue type, with the desa's own choices
(served or not, office only, kode klasifikasi, signatory, documents) kept in the
desa's ``JenisSuratDesa`` row: publishing a new version changes the fields and the
text, never those choices. The catalogue finds these types through
``katalog.SUMBER_LAIN`` for a code it does not hold itself, so the draft, the
preview, the signed letter and its verification read them like any other type. A
type is never deleted (its letters keep their text); it is withdrawn instead.

The text is ``str.format`` over the names the letter supplies (``susun.isian_surat``)
and the type's own fields, checked here: only plain names, each one known.
"""
import re
import string

from sqlalchemy import or_, select

from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.surat import katalog
from desaonline.surat.katalog.dasar import PEMBUKA, PENUTUP, Isian, JenisSurat
from desaonline.surat.models import JenisSuratKabupaten
from tenants.models import Desa, Kecamatan
from tenants.scoping import current_desa_id

KODE = re.compile(r"^[a-z][a-z0-9_]{2,39}$")
NAMA_ISIAN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
# Kinds a type written on the portal may use (those that pick residents belong to the catalogue's own types).
JENIS_ISIAN = ("teks", "teks_panjang", "tanggal", "jam", "angka", "desimal", "uang", "nik", "pilihan")
# What every letter's text may name (susun.isian_surat), besides the type's own fields.
NAMA_TEKS = ("nama", "nik", "pekerjaan", "desa", "jenis_desa", "kecamatan", "kabupaten_lengkap", "kepala",
             "wilayah_tanpa_desa", "keperluan", "keterangan", "alamat_domisili_atau_kk")
MAKS_ISIAN, MAKS_PARAGRAF, MAKS_TEKS = 20, 12, 2000


def _tolak(isian, pesan):
    return Penolakan(422, "data_tidak_valid", pesan, {isian: pesan})


def sebagai_jenis(baris):
    """The catalogue's shape of a published type (what drafts, letters and pages read)."""
    return JenisSurat(
        baris.kode, baris.nama, baris.klasifikasi, baris.uraian or baris.nama,
        isian=tuple(Isian(i["nama"], i["label"], jenis=i.get("jenis", "teks"), wajib=bool(i.get("wajib", True)),
                          pilihan=tuple(i.get("pilihan") or ()), petunjuk=i.get("petunjuk") or None)
                    for i in baris.isian or ()),
        isi=tuple(baris.isi or ()), pembuka=(PEMBUKA,), penutup=PENUTUP)


def cari(kode):
    """A published type by its code, whoever it reaches and even withdrawn (its letters
    still need their text), or None."""
    baris = db.session.scalar(select(JenisSuratKabupaten).where(JenisSuratKabupaten.kode == kode)
                              .execution_options(tanpa_scope=True))
    return sebagai_jenis(baris) if baris is not None else None


katalog.SUMBER_LAIN.append(cari)


def untuk_desa(desa_id=None):
    """The published types the current desa offers (not withdrawn, for every desa or its kecamatan)."""
    desa_id = desa_id or current_desa_id()
    if desa_id is None:
        return []
    kecamatan = select(Desa.kecamatan_id).where(Desa.id == desa_id).scalar_subquery()
    baris = db.session.scalars(
        select(JenisSuratKabupaten).where(JenisSuratKabupaten.aktif.is_(True), or_(
            JenisSuratKabupaten.kecamatan_id.is_(None), JenisSuratKabupaten.kecamatan_id == kecamatan))
        .order_by(JenisSuratKabupaten.nama).execution_options(tanpa_scope=True))
    return [sebagai_jenis(b) for b in baris]


def daftar():
    """Every published type, for the kabupaten's page and API."""
    return db.session.scalars(select(JenisSuratKabupaten).order_by(JenisSuratKabupaten.nama)).all()


def satu(kode):
    baris = db.session.scalar(select(JenisSuratKabupaten).where(JenisSuratKabupaten.kode == kode))
    if baris is None:
        raise Penolakan(404, "jenis_tidak_ditemukan", "Jenis surat kabupaten tidak ditemukan.")
    return baris


def _isian(daftar_isian, rincian):
    hasil, nama_dipakai = [], set()
    if not isinstance(daftar_isian, list) or len(daftar_isian) > MAKS_ISIAN:
        rincian["isian"] = f"Isian berupa daftar, paling banyak {MAKS_ISIAN}."
        return []
    for n, i in enumerate(daftar_isian, start=1):
        if not isinstance(i, dict):
            rincian["isian"] = f"Isian ke-{n} tidak valid."
            continue
        nama, label = str(i.get("nama") or "").strip(), str(i.get("label") or "").strip()
        jenis = str(i.get("jenis") or "teks").strip()
        pilihan = [str(p).strip() for p in (i.get("pilihan") or []) if str(p).strip()]
        if not NAMA_ISIAN.match(nama):
            rincian["isian"] = f"Isian ke-{n}: nama huruf kecil, angka dan garis bawah, contoh nama_usaha."
        elif nama in katalog.KUNCI_DASAR or nama in NAMA_TEKS or nama in nama_dipakai:
            rincian["isian"] = f"Isian ke-{n}: nama '{nama}' sudah dipakai surat; pilih nama lain."
        elif not label or len(label) > 120:
            rincian["isian"] = f"Isian ke-{n}: label wajib diisi (paling panjang 120 karakter)."
        elif jenis not in JENIS_ISIAN:
            rincian["isian"] = f"Isian ke-{n}: jenis harus salah satu dari {', '.join(JENIS_ISIAN)}."
        elif jenis == "pilihan" and not pilihan:
            rincian["isian"] = f"Isian ke-{n}: jenis pilihan perlu daftar pilihannya."
        nama_dipakai.add(nama)
        hasil.append({"nama": nama, "label": label, "jenis": jenis, "wajib": bool(i.get("wajib", True)),
                      **({"pilihan": pilihan} if jenis == "pilihan" else {}),
                      **({"petunjuk": str(i["petunjuk"]).strip()[:200]} if i.get("petunjuk") else {})})
    return hasil


def _isi(paragraf, isian, rincian):
    """The paragraphs, each a template naming only what the letter knows."""
    if isinstance(paragraf, str):
        paragraf = [p.strip() for p in re.split(r"\n\s*\n", paragraf)]
    if not isinstance(paragraf, list):
        rincian["isi"] = "Isi surat berupa daftar paragraf."
        return []
    paragraf = [str(p).strip() for p in paragraf if str(p).strip()]
    if not paragraf or len(paragraf) > MAKS_PARAGRAF or any(len(p) > MAKS_TEKS for p in paragraf):
        rincian["isi"] = f"Isi surat 1 sampai {MAKS_PARAGRAF} paragraf, masing-masing paling panjang {MAKS_TEKS} karakter."
        return paragraf
    boleh = set(NAMA_TEKS) | {i["nama"] for i in isian} | {f"{i['nama']}_kecil" for i in isian if i["jenis"] == "pilihan"}
    for p in paragraf:
        try:
            bagian = list(string.Formatter().parse(p))
        except ValueError:
            rincian["isi"] = "Kurung kurawal { } hanya untuk nama isian, contoh {nama_usaha}."
            return paragraf
        for _teks, nama, format_, ubah in bagian:
            if nama is None:
                continue
            if nama not in boleh or format_ or ubah:
                rincian["isi"] = (f"Isi surat menyebut {{{nama}}}, yang tidak dikenal. Yang boleh: "
                                  + ", ".join("{" + b + "}" for b in sorted(boleh)) + ".")
                return paragraf
    return paragraf


def periksa(data, kode=None):
    """The checked values of a type from the page or the API; 422 naming every bad field."""
    rincian = {}
    kode = kode or str(data.get("kode") or "").strip()
    if not KODE.match(kode):
        rincian["kode"] = "Kode huruf kecil, angka dan garis bawah (3-40), contoh surat_ket_bantuan_sosial."
    elif kode in katalog.KATALOG:
        rincian["kode"] = f"Kode '{kode}' sudah dipakai katalog desaonline; pilih kode lain."
    nama = str(data.get("nama") or "").strip()
    if not nama or len(nama) > 120:
        rincian["nama"] = "Nama jenis surat wajib diisi (paling panjang 120 karakter)."
    klasifikasi = str(data.get("klasifikasi") or "").strip()
    if not katalog.klasifikasi_sah(klasifikasi):
        rincian["klasifikasi"] = "Kode klasifikasi tidak valid, contoh 470 atau 472.11."
    uraian = str(data.get("uraian") or "").strip()[:255]
    isian = _isian(data.get("isian") or [], rincian)
    isi = _isi(data.get("isi") or [], isian, rincian)
    kecamatan = None
    if data.get("kecamatan"):
        kecamatan = db.session.scalar(select(Kecamatan).where(Kecamatan.slug == data["kecamatan"]))
        if kecamatan is None:
            rincian["kecamatan"] = f"Kecamatan '{data['kecamatan']}' tidak ditemukan."
    if rincian:
        raise Penolakan.data(rincian)
    hasil = {"kode": kode, "nama": nama, "klasifikasi": klasifikasi, "uraian": uraian, "isian": isian, "isi": isi,
             "kecamatan_id": kecamatan.id if kecamatan else None}
    sebagai_jenis(JenisSuratKabupaten(**hasil))   # the catalogue's own checks, once more
    return hasil


def terbitkan(data, admin):
    """Publish a new type."""
    nilai = periksa(data)
    if db.session.scalar(select(JenisSuratKabupaten.id).where(JenisSuratKabupaten.kode == nilai["kode"])):
        raise Penolakan(409, "kode_dipakai", f"Jenis surat '{nilai['kode']}' sudah ada; ubah yang itu.",
                        {"kode": "Kode sudah dipakai."})
    baris = JenisSuratKabupaten(**nilai, admin_id=admin.id)
    db.session.add(baris)
    db.session.commit()
    return baris


def ubah(kode, data, admin):
    """A new version of a published type (fields, text, where it reaches, withdrawn or not).
    Every desa's own choices for it stay as they were."""
    baris = satu(kode)
    nilai = periksa(data, kode=kode)
    for kunci, isi in nilai.items():
        setattr(baris, kunci, isi)
    if "aktif" in data:
        baris.aktif = bool(data["aktif"])
    baris.versi += 1
    baris.admin_id = admin.id
    db.session.commit()
    return baris
