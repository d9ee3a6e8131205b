"""The dashboard's figures for the kabupaten, one kecamatan or one desa, over a period.

One function (``ringkasan``) computes them; the page, its CSV tables and
``GET /api/v1/admin/statistik`` all show its result, so they cannot disagree.

The letters counted are the requests *submitted* (``diajukan``) on a day of the
period, in the desa's calendar: per day, per status (their status now), per type,
per desa; the time from submission to signed letter is over those of them that are
signed. "Signed per day" counts letters signed on each day of the period, whenever
they were submitted. What waits, readiness and Layanan Mandiri accounts are
as they are now, whatever the period.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from desaonline.admin import akses
from desaonline.admin.kesiapan import SEMUA, kesiapan
from desaonline.errors import Penolakan
from desaonline.extensions import db
from desaonline.surat import statistik
from desaonline.surat.models import Surat
from desaonline.surat.status import DIKIRIM, DITOLAK, SELESAI
from desaonline.surat.tampil import nama_jenis
from desaonline.waktu import UTC, WIB, hari_ini, sekarang
from tenants.models import Desa, Kecamatan, desa_host

BAWAAN_HARI = 30
MAKS_HARI = 366


@dataclass
class Lingkup:
    tingkat: str                 # kabupaten | kecamatan | desa
    nama: str
    kecamatan: Kecamatan | None
    desa: Desa | None
    dari: date
    sampai: date


def baca_tanggal(nilai, nama):
    if nilai in (None, ""):
        return None
    if isinstance(nilai, date):
        return nilai
    try:
        return date.fromisoformat(str(nilai).strip())
    except ValueError:
        pesan = "Tanggal tidak valid (format TTTT-BB-HH)."
        raise Penolakan(422, "tanggal_tidak_valid", pesan, {nama: pesan}) from None


def periode(dari=None, sampai=None):
    """(dari, sampai) from the request; default the last 30 days up to today."""
    sampai = baca_tanggal(sampai, "sampai") or hari_ini()
    dari = baca_tanggal(dari, "dari") or sampai - timedelta(days=BAWAAN_HARI - 1)
    if dari > sampai:
        raise Penolakan(422, "periode_tidak_valid", "Tanggal awal sesudah tanggal akhir.",
                        {"dari": "Tanggal awal sesudah tanggal akhir."})
    if (sampai - dari).days + 1 > MAKS_HARI:
        pesan = f"Periode paling panjang {MAKS_HARI} hari."
        raise Penolakan(422, "periode_tidak_valid", pesan, {"dari": pesan})
    return dari, sampai


def lingkup(admin, kabupaten_nama, kecamatan=None, desa_id=None, dari=None, sampai=None):
    """What the admin asked to see, within what it may see: a camat always sees its own
    kecamatan, and another kecamatan or its desa do not exist for it (404)."""
    dari, sampai = periode(dari, sampai)
    if desa_id:
        desa = db.session.scalar(akses.desa_query(admin).where(Desa.id == desa_id)
                                 .options(contains_eager(Desa.kecamatan)))
        if desa is None:
            raise Penolakan(404, "desa_tidak_ditemukan", "Desa tidak ditemukan di wilayah Anda.")
        return Lingkup("desa", f"{desa.jenis.capitalize()} {desa.nama}", desa.kecamatan, desa, dari, sampai)
    if kecamatan or admin.kecamatan_id is not None:
        query = akses.kecamatan_query(admin)
        if kecamatan:
            query = query.where(Kecamatan.slug == kecamatan)
        kec = db.session.scalar(query)
        if kec is None:
            raise Penolakan(404, "kecamatan_tidak_ditemukan", "Kecamatan tidak ditemukan di wilayah Anda.")
        return Lingkup("kecamatan", f"Kecamatan {kec.nama}", kec, None, dari, sampai)
    return Lingkup("kabupaten", kabupaten_nama, None, None, dari, sampai)


def awal_hari_utc(hari):
    return datetime.combine(hari, time(0), WIB).astimezone(UTC)


@dataclass(frozen=True)
class _Desa:
    """A desa as the dashboard names it: plain columns, no ORM objects (460 of them per page)."""
    id: int
    slug: str
    nama: str
    jenis: str
    aktif: bool
    kecamatan_id: int
    kecamatan_slug: str
    kecamatan_nama: str


def _desa_lingkup(lk):
    query = (select(Desa.id, Desa.slug, Desa.nama, Desa.jenis, Desa.aktif, Desa.kecamatan_id, Kecamatan.slug,
                    Kecamatan.nama).join(Kecamatan, Kecamatan.id == Desa.kecamatan_id))
    if lk.desa is not None:
        query = query.where(Desa.id == lk.desa.id)
    elif lk.kecamatan is not None:
        query = query.where(Desa.kecamatan_id == lk.kecamatan.id)
    return [_Desa(*baris) for baris in db.session.execute(query.order_by(Kecamatan.nama, Desa.nama))]


def _pilih_desa(lk):
    """The desa of ``lk`` in SQL: all of them, a kecamatan's (a subquery) or one."""
    if lk.desa is not None:
        return [lk.desa.id]
    if lk.kecamatan is not None:
        return select(Desa.id).where(Desa.kecamatan_id == lk.kecamatan.id)
    return SEMUA


def _syarat_wilayah(lk):
    if lk.desa is not None:
        return [Surat.desa_id == lk.desa.id]
    if lk.kecamatan is not None:
        return [Surat.desa_id.in_(select(Desa.id).where(Desa.kecamatan_id == lk.kecamatan.id))]
    return []


def _durasi(waktu):
    """{selesai, median_detik, p90_detik} of (n, median, p90) or None."""
    n, median, p90 = waktu or (0, None, None)
    return {"selesai": n, "median_detik": _bulat(median), "p90_detik": _bulat(p90)}


def _bulat(detik):
    return None if detik is None else round(detik)


def ringkasan(lk, base_domain):
    """Every figure of the dashboard for ``lk``, as plain values (JSON-ready but dates)."""
    awal, akhir = awal_hari_utc(lk.dari), awal_hari_utc(lk.sampai + timedelta(days=1))
    wilayah = _syarat_wilayah(lk)
    daftar_desa = _desa_lingkup(lk)
    siap = kesiapan([d.id for d in daftar_desa], _pilih_desa(lk))
    kini = sekarang()
    h = statistik.periode([*wilayah, Surat.diajukan >= awal, Surat.diajukan < akhir])

    status = dict.fromkeys(DIKIRIM, 0)
    desa = []
    for d in daftar_desa:
        hitung = dict.fromkeys(DIKIRIM, 0) | h.status.get(d.id, {})
        for s_ in DIKIRIM:
            status[s_] += hitung[s_]
        sd = siap[d.id]
        desa.append({
            "id": d.id, "slug": d.slug, "nama": f"{d.jenis.capitalize()} {d.nama}", "kecamatan": d.kecamatan_slug,
            "kecamatan_nama": d.kecamatan_nama, "host": desa_host(d.slug, d.kecamatan_slug, base_domain),
            "aktif": d.aktif,
            "status": {s_: hitung[s_] for s_ in DIKIRIM}, "total": sum(hitung[s_] for s_ in DIKIRIM),
            "ditolak": hitung[DITOLAK], **_durasi(h.waktu.get(("desa", d.id))),
            "menunggu": sd.menunggu, "menunggu_sejak": sd.menunggu_sejak,
            "menunggu_detik": _bulat((kini - sd.menunggu_sejak).total_seconds()) if sd.menunggu_sejak else None,
            "penduduk": sd.penduduk, "mandiri_aktif": sd.mandiri, "siap": sd.siap, "kurang": sd.kurang,
            "sertifikat_berlaku_sampai": sd.sertifikat_sampai if sd.metode_ttd != "bsre" else None,
            "sertifikat_segera_habis": sd.sertifikat_segera_habis,
        })

    if lk.tingkat == "kabupaten":
        wilayah_baris = _per_kecamatan(desa, h.waktu, daftar_desa)
    else:
        wilayah_baris = [{**{k: b[k] for k in _KOLOM_WILAYAH if k in b}, "tingkat": "desa",
                          "jumlah_desa": 1, "desa_siap": int(b["siap"])} for b in desa]

    selesai = statistik.per_hari(Surat.selesai, [*wilayah, Surat.selesai >= awal, Surat.selesai < akhir,
                                                 Surat.status == SELESAI])
    harian = [{"tanggal": t, "diajukan": h.hari.get(t, 0), "selesai": selesai.get(t, 0)}
              for t in (lk.dari + timedelta(days=i) for i in range((lk.sampai - lk.dari).days + 1))]

    jenis = sorted(({"kode": kode, "nama": nama_jenis(kode), "jumlah": n, **_durasi(h.waktu.get(("jenis", kode)))}
                    for kode, n in h.jenis.items()), key=lambda j: (-j["jumlah"], j["nama"]))

    nama_desa = {d["id"]: d for d in desa}
    menunggu = [{"id": i, "desa_id": desa_id, "desa": nama_desa[desa_id]["nama"],
                 "kecamatan": nama_desa[desa_id]["kecamatan_nama"], "jenis": kode, "nama_jenis": nama_jenis(kode),
                 "diajukan": waktu, "menunggu_detik": _bulat((kini - waktu).total_seconds())}
                for i, desa_id, kode, waktu in statistik.menunggu_terlama(wilayah) if desa_id in nama_desa]

    return {
        "lingkup": {"tingkat": lk.tingkat, "nama": lk.nama,
                    "kecamatan": lk.kecamatan.slug if lk.kecamatan else None,
                    "desa": lk.desa.id if lk.desa else None},
        "dari": lk.dari, "sampai": lk.sampai,
        "jumlah": sum(status.values()), "status": status,
        "waktu_selesai": _durasi(h.waktu.get("semua")),
        "harian": harian, "jenis": jenis, "wilayah": wilayah_baris, "desa": desa,
        "total": status,
        "menunggu_terlama": menunggu,
        "belum_siap": [b["id"] for b in desa if not b["siap"]],
        "sertifikat_segera_habis": [b["id"] for b in desa if b["sertifikat_segera_habis"]],
    }


_KOLOM_WILAYAH = ("id", "slug", "nama", "total", "ditolak", "selesai", "median_detik", "p90_detik",
                  "menunggu", "menunggu_sejak", "menunggu_detik", "penduduk", "mandiri_aktif")


def _per_kecamatan(desa, waktu, daftar_desa):
    """The desa rows summed per kecamatan (medians computed per kecamatan, not averaged)."""
    hasil = {}
    for d, b in zip(daftar_desa, desa):
        baris = hasil.get(d.kecamatan_id)
        if baris is None:
            baris = hasil[d.kecamatan_id] = {
                "id": d.kecamatan_id, "slug": d.kecamatan_slug, "nama": f"Kecamatan {d.kecamatan_nama}",
                "tingkat": "kecamatan", "total": 0, "ditolak": 0, "menunggu": 0, "menunggu_sejak": None,
                "menunggu_detik": None, "penduduk": 0, "mandiri_aktif": 0, "jumlah_desa": 0, "desa_siap": 0,
                **_durasi(waktu.get(("kecamatan", d.kecamatan_id)))}
        for k in ("total", "ditolak", "menunggu", "penduduk", "mandiri_aktif"):
            baris[k] += b[k]
        baris["jumlah_desa"] += 1
        baris["desa_siap"] += int(b["siap"])
        if b["menunggu_sejak"] and (baris["menunggu_sejak"] is None or b["menunggu_sejak"] < baris["menunggu_sejak"]):
            baris["menunggu_sejak"], baris["menunggu_detik"] = b["menunggu_sejak"], b["menunggu_detik"]
    return list(hasil.values())
