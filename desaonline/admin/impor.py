"""Many desa at once from a CSV: ``kecamatan, slug, nama, kode, wa_operator``.

The file is the kabupaten's list as it prints it (Kemendagri codes with dots, e.g.
33.05.01.2001; the same digits without dots pass too). Every row is checked by the
same rules as one desa made by hand (``layanan.periksa_desa``); the good rows are
written in one transaction and every bad row is named with its line and reason.
A row whose desa already exists as the row says is not an error: it is counted as
already there, so the same file twice creates nothing the second time.
"""
import csv
import io
from dataclasses import dataclass, field

from sqlalchemy import select

from desaonline import whatsapp
from desaonline.admin import layanan
from desaonline.errors import Penolakan
from desaonline.extensions import db
from tenants.models import Desa, Kecamatan

KOLOM = ("kecamatan", "slug", "nama", "kode", "wa_operator")
KOLOM_PILIHAN = ("jenis",)
BATAS_BARIS = 5_000   # a kabupaten has a few hundred desa
CONTOH = ("kecamatan,slug,nama,kode,wa_operator\r\n"
          "kec-klirong,klirong,Klirong,33.05.05.2012,081227000101\r\n"
          "kec-klirong,jogosimo,Jogosimo,33.05.05.2001,\r\n")


@dataclass
class HasilImporDesa:
    dibuat: list = field(default_factory=list)      # the new Desa rows
    sudah_ada: list = field(default_factory=list)   # rows that match a desa already there
    ditolak: list = field(default_factory=list)

    def tolak(self, baris, alasan):
        self.ditolak.append({"baris": baris, "alasan": alasan})

    def as_dict(self, base_domain):
        return {"dibuat": len(self.dibuat), "sudah_ada": len(self.sudah_ada), "ditolak": self.ditolak,
                "desa": [{"id": d.id, "slug": d.slug, "nama": d.nama, "host": d.host(base_domain)}
                         for d in self.dibuat]}


def _berkas_tidak_valid(pesan):
    return Penolakan(422, "berkas_tidak_valid", pesan, {"file": pesan})


def _baca(data):
    """The rows of the CSV as dicts with lower-case keys, with their line numbers."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            teks = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _berkas_tidak_valid("Berkas bukan teks CSV (UTF-8 atau Windows-1252).")
    pertama = teks.split("\n", 1)[0]
    pemisah = max((",", ";", "\t"), key=pertama.count)  # Excel in an Indonesian locale writes ";"
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    try:
        judul = [k.strip().lower() for k in next(pembaca)]
    except StopIteration:
        raise _berkas_tidak_valid("Berkas kosong.") from None
    if len(judul) > 50:
        raise _berkas_tidak_valid("Terlalu banyak kolom; kolomnya: " + ", ".join(KOLOM) + ".")
    kurang = [k for k in KOLOM if k not in judul]
    if kurang:
        raise _berkas_tidak_valid("Baris judul harus memuat kolom " + ", ".join(KOLOM)
                                  + "; tidak ada: " + ", ".join(kurang) + ".")
    hasil = []
    for nomor, isi in enumerate(pembaca, start=2):
        if not any(sel.strip() for sel in isi):
            continue
        if len(hasil) >= BATAS_BARIS:
            raise _berkas_tidak_valid(f"Paling banyak {BATAS_BARIS} baris sekali impor.")
        hasil.append((nomor, {k: (isi[i].strip() if i < len(isi) else "") for i, k in enumerate(judul)}))
    return hasil


def impor_desa(data, admin):
    """Create the desa of the CSV ``data`` that ``admin`` may create; all good rows or none."""
    baris = _baca(data)
    hasil = HasilImporDesa()
    kecamatan = {}
    for kec in db.session.scalars(select(Kecamatan)):
        kecamatan[kec.slug] = kecamatan[kec.kode] = kec
    ada_kode = {d.kode: d for d in db.session.scalars(select(Desa))}
    ada_slug = {(d.kecamatan_id, d.slug): d for d in ada_kode.values()}
    dipakai_kode, dipakai_slug = {}, {}
    for nomor, isi in baris:
        kec = kecamatan.get(isi["kecamatan"].lower())
        if kec is None:
            hasil.tolak(nomor, f"Kecamatan '{isi['kecamatan']}' tidak ditemukan (tulis nama di alamat web "
                               "atau kodenya, misalnya kec-klirong atau 33.05.05).")
            continue
        if admin.kecamatan_id is not None and kec.id != admin.kecamatan_id:
            hasil.tolak(nomor, f"Kecamatan {kec.nama} di luar wilayah Anda.")
            continue
        slug, nama, kode = isi["slug"].lower(), isi["nama"].strip(), layanan.rapikan_kode(isi["kode"])
        jenis = (isi.get("jenis") or "").lower() or layanan.jenis_dari_kode(kode)
        try:
            layanan.periksa_desa(kec, slug, nama, kode, jenis)
            wa = whatsapp.normalisasi(isi["wa_operator"])
        except Penolakan as err:
            hasil.tolak(nomor, err.pesan)
            continue
        lama = ada_kode.get(kode)
        if lama is not None and lama.kecamatan_id == kec.id and lama.slug == slug:
            hasil.sudah_ada.append(lama)
            continue
        if lama is not None:
            hasil.tolak(nomor, f"Kode {kode} sudah dipakai {lama.jenis} {lama.nama} ({lama.slug}).")
            continue
        if (kec.id, slug) in ada_slug:
            hasil.tolak(nomor, f"Nama di alamat web '{slug}' sudah dipakai {ada_slug[(kec.id, slug)].nama} "
                               f"di Kecamatan {kec.nama}.")
            continue
        if kode in dipakai_kode or (kec.id, slug) in dipakai_slug:
            sama = dipakai_kode.get(kode) or dipakai_slug[(kec.id, slug)]
            hasil.tolak(nomor, f"Kode atau nama di alamat web sama dengan baris {sama}.")
            continue
        dipakai_kode[kode] = dipakai_slug[(kec.id, slug)] = nomor
        desa = Desa(kecamatan=kec, slug=slug, nama=nama, kode=kode, jenis=jenis, wa_operator=wa)
        db.session.add(desa)
        hasil.dibuat.append(desa)
    db.session.commit()
    if hasil.dibuat:
        layanan._invalidate_hosts()  # the same map change as one desa made by hand
    return hasil
