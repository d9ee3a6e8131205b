"""What a letter type is made of, and the sentences many types share."""
import re
from dataclasses import dataclass, field

from desaonline.surat.isian import HIDUP, JENIS as JENIS_ISIAN

# Kode klasifikasi: 470, 472.11, 400.12.2.1
KLASIFIKASI = re.compile(r"^\d{1,4}(\.\d{1,4}){0,3}$")

# Keys of the request itself; a type's own fields must not reuse them.
KUNCI_DASAR = ("jenis", "nik", "klasifikasi", "keperluan", "keterangan", "penandatangan")

PEMBUKA = ("Yang bertanda tangan di bawah ini, {kepala}, {wilayah_tanpa_desa}, "
           "menerangkan dengan sebenarnya bahwa:")
PENUTUP = ("Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan "
           "sebagaimana mestinya.",)
PENDUDUK = ("Orang tersebut di atas adalah benar-benar penduduk {jenis_desa} {desa} dan "
            "berdomisili di alamat tersebut.")
PENGANTAR = ("Kepada pihak yang berkepentingan dimohon untuk memberikan bantuan dan pelayanan "
             "seperlunya.")
JENIS_KELAMIN = ("Laki-laki", "Perempuan")
STATUS_KAWIN_PRIA = ("Jejaka", "Duda", "Beristri")
STATUS_KAWIN_WANITA = ("Perawan", "Janda")
AGAMA = ("Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Khonghucu", "Kepercayaan terhadap Tuhan YME")


@dataclass(frozen=True)
class Isian:
    """One field of a letter type."""
    nama: str
    label: str
    jenis: str = "teks"
    wajib: bool = True
    pilihan: tuple[str, ...] = ()
    petunjuk: str | None = None
    di_tabel: bool = True       # shown as a row of the letter's data table
    bagian: str | None = None   # the heading it stands under in the letter ("Data Bayi")
    hari: bool = False          # tanggal: also the day ("Senin, 2 November 2026")
    satuan: str | None = None   # angka/desimal: "kg", "cm", "m²"
    hanya_hidup: bool = True    # penduduk: only a living resident may be chosen

    def as_dict(self):
        hasil = {"nama": self.nama, "label": self.label, "jenis": self.jenis, "wajib": self.wajib}
        if self.pilihan:
            hasil["pilihan"] = list(self.pilihan)
        if self.petunjuk:
            hasil["petunjuk"] = self.petunjuk
        if self.bagian:
            hasil["bagian"] = self.bagian
        return hasil


@dataclass(frozen=True)
class JenisSurat:
    kode: str
    nama: str
    klasifikasi: str
    uraian: str                 # one line for the resident's list of types
    isian: tuple[Isian, ...] = ()
    isi: tuple[str, ...] = (PENDUDUK,)
    pembuka: tuple[str, ...] = (PEMBUKA,)
    penutup: tuple[str, ...] = PENUTUP
    # Which rows about the subject the table shows: "ringkas", "lengkap" (biodata), or
    # "tanpa" (the type's own sections say everything, e.g. a birth).
    data_subjek: str = "ringkas"
    judul_subjek: str | None = None     # heading above the subject's rows ("Yang Meninggal Dunia")
    judul: str = field(default="")
    # Who may be the subject, by status_dasar: only the living, except the deceased of a death.
    status_subjek: tuple[str, ...] = (HIDUP,)
    # Other people take part (a birth, a death, a marriage): a desa may keep it at the office.
    pihak_ketiga: bool = False
    # Groups of fields that must be different people ("nik" is the subject).
    orang_berbeda: tuple[tuple[str, ...], ...] = ()

    def __post_init__(self):
        if not self.judul:
            object.__setattr__(self, "judul", self.nama.upper())
        nama_isian = [i.nama for i in self.isian]
        assert len(set(nama_isian)) == len(nama_isian), self.kode
        assert not set(nama_isian) & set(KUNCI_DASAR), self.kode
        assert all(i.jenis in JENIS_ISIAN for i in self.isian), self.kode
        assert all(i.pilihan for i in self.isian if i.jenis == "pilihan"), self.kode
        assert self.data_subjek in ("ringkas", "lengkap", "tanpa"), self.kode
        assert KLASIFIKASI.match(self.klasifikasi), self.kode
        orang = {i.nama for i in self.isian if i.jenis == "penduduk"} | {"nik"}
        assert all(set(g) <= orang for g in self.orang_berbeda), self.kode

    def isian_dict(self):
        return [i.as_dict() for i in self.isian]

    @property
    def bersekat(self):
        """The letter's table has headed sections (a birth's baby, mother, father...)."""
        return any(i.bagian or i.jenis == "penduduk" for i in self.isian)


def t(nama, label, **kw):
    return Isian(nama, label, **kw)


def orang(nama, label, **kw):
    """A person chosen from the desa's residents by NIK, or typed when from elsewhere."""
    kw.setdefault("petunjuk", "NIK penduduk desa (anggota KK Anda cukup NIK; warga lain NIK dan nama), "
                              "atau data lengkap bila dari luar desa")
    return Isian(nama, label, jenis="penduduk", **kw)


def saksi(jumlah=2, bagian_awal="Saksi"):
    """Witnesses, as Dukcapil's forms and a desa's land letters ask for them."""
    romawi = ("I", "II", "III")
    return tuple(orang(f"saksi_{n}", f"Saksi {romawi[n - 1]}", bagian=f"{bagian_awal} {romawi[n - 1]}")
                 for n in range(1, jumlah + 1))
