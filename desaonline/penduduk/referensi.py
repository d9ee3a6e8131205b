"""Reference lists of the population register (Dukcapil), as written on a KK."""

JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}

# In the order a KK lists its members.
HUBUNGAN_KELUARGA = (
    "KEPALA KELUARGA", "SUAMI", "ISTRI", "ANAK", "MENANTU", "CUCU", "ORANG TUA", "MERTUA",
    "FAMILI LAIN", "PEMBANTU", "LAINNYA",
)

AGAMA = ("ISLAM", "KRISTEN", "KATHOLIK", "HINDU", "BUDHA", "KHONGHUCU", "KEPERCAYAAN")

STATUS_PERKAWINAN = ("BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI")


def urutan_hubungan(hubungan):
    try:
        return HUBUNGAN_KELUARGA.index(hubungan)
    except ValueError:
        return len(HUBUNGAN_KELUARGA)
