"""Charts drawn on the server as SVG: no script, no CDN, readable on a 360 px phone.

Widths are percentages of the chart's own width and heights are pixels, so the text
keeps its size on a phone and on a laptop (a scaled viewBox would shrink or blow it
up). Each function returns the geometry; ``templates/admin/_grafik.html`` draws it.
Every chart has a table behind it with the same values.
"""
from dataclasses import dataclass

BARIS = 34          # px per bar of a horizontal chart: a label line and the bar
TINGGI_HARIAN = 150  # px of the daily chart's plot area


@dataclass(frozen=True)
class Batang:
    label: str
    teks: str        # the value as shown
    persen: float    # bar width, % of the chart
    y: int           # px, top of the label line


def batang(baris, label, nilai, teks=None, batas=12):
    """A horizontal bar per row (the largest ``batas``), longest bar = largest value."""
    terpilih = [b for b in baris if nilai(b)][:batas]
    maks = max((nilai(b) for b in terpilih), default=0) or 1
    teks = teks or (lambda b: str(nilai(b)))
    return {"batang": [Batang(label(b), teks(b), max(round(nilai(b) / maks * 100, 2), 0.5), i * BARIS)
                       for i, b in enumerate(terpilih)],
            "tinggi": max(len(terpilih), 1) * BARIS, "sisa": max(0, len([b for b in baris if nilai(b)]) - batas)}


@dataclass(frozen=True)
class Tiang:
    x: float          # % of the chart's width
    lebar: float      # %
    y: int            # px
    tinggi: int       # px
    judul: str        # tooltip: "27 Nov: 12 diajukan"


def _skala(maks):
    """A round top for the axis: 1, 2, 5, 10, 20, 50..."""
    langkah = 1
    while True:
        for f in (1, 2, 5):
            if langkah * f >= maks:
                return langkah * f
        langkah *= 10


def harian(hari, seri, label_hari):
    """Side-by-side columns per day for each series ``[(key, name)]``; ``hari`` are dicts."""
    maks = _skala(max((h[k] for h in hari for k, _ in seri), default=0) or 1)
    n = max(len(hari), 1)
    slot = 100 / n
    lebar = slot * 0.8 / len(seri)
    kolom = {k: [] for k, _ in seri}
    for i, h in enumerate(hari):
        for j, (k, nama) in enumerate(seri):
            tinggi = round(h[k] / maks * TINGGI_HARIAN)
            kolom[k].append(Tiang(round(i * slot + slot * 0.1 + j * lebar, 3), round(lebar, 3),
                                  TINGGI_HARIAN - tinggi, tinggi, f"{label_hari(h['tanggal'])}: {h[k]} {nama}"))
    return {"kolom": kolom, "maks": maks, "tinggi": TINGGI_HARIAN,
            "awal": label_hari(hari[0]["tanggal"]) if hari else "", "akhir": label_hari(hari[-1]["tanggal"]) if hari else ""}
