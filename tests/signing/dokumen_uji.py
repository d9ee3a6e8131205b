"""A letter's content for renderer and signer tests (the catalogue builds real ones)."""
from datetime import date

from desaonline.surat.dokumen import DokumenSurat, Kop, Penandatangan

JAHAT = "BUDI <b>&</font> SANTOSO <para>&amp;"


def dokumen(**ubah):
    isi = dict(
        kop=Kop("PEMERINTAH KABUPATEN KEBUMEN", "KECAMATAN KLIRONG", "DESA KLIRONG",
                "Jl. Raya Klirong No. 1, Kode Pos 54381"),
        judul="SURAT KETERANGAN PENGANTAR",
        nomor="470/001/33.05.05.2012/XI/2026",
        pembuka=["Yang bertanda tangan di bawah ini Kepala Desa Klirong menerangkan bahwa:"],
        data=[("Nama Lengkap", JAHAT), ("NIK", "3305050101010001"), ("Alamat", "Jl. Melati 1 RT 001 / RW 002")],
        isi=["Orang tersebut benar penduduk Desa Klirong.", "Keperluan: <i>melamar</i> & bekerja"],
        penutup=["Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."],
        tempat="Klirong", tanggal=date(2026, 11, 27),
        penandatangan=Penandatangan("Sekretaris Desa", "SITI <AMINAH>", "197001012000012001", "a.n.",
                                    "Kepala Desa Klirong"),
        url_verifikasi="https://klirong.kec-klirong.localhost/verifikasi/kode-uji-123",
        catatan_tte="Dokumen ini telah ditandatangani secara elektronik.",
    )
    isi.update(ubah)
    return DokumenSurat(**isi)
