"""Page forms. They carry CSRF and render the fields; the rules are checked by the
services (``layanan``, ``pengaturan``, ``pejabat``) so pages and API agree."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, IntegerField, PasswordField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from desaonline.surat import isian as isian_surat, katalog
from desaonline.surat.status import DIAJUKAN, DIKIRIM
from desaonline.surat.pejabat import ATAS_NAMA
from desaonline.surat.pengaturan import KERTAS, PENOMORAN

_ANGKA = {"inputmode": "numeric"}


def pilihan(pasangan):
    """[(value, label)] as WTForms 3.3 wants select options."""
    return [SelectChoice(nilai, label) for nilai, label in pasangan]


class AksiForm(FlaskForm):
    """A button that changes something (Ajukan, Hapus, Batalkan): CSRF only."""


def form_surat(jenis, anggota, daftar_pejabat, konteks=None, **kwargs):
    """The letter form of one type: NIK (the KK members), Kode Klasifikasi, Keperluan,
    Keterangan, Penandatangan, then the type's own fields; button Simpan. ``konteks``
    (``layanan.konteks``) gives the KK the person and member fields choose from."""

    class FormSurat(FlaskForm):
        # Name first: on a 360 px screen the end of a long option is cut off.
        nik = SelectField("NIK", choices=pilihan((a.nik, f"{a.nama.title()} - {a.nik}" + (
            f" ({a.hubungan_keluarga.title()})" if a.hubungan_keluarga else "")) for a in anggota),
            validate_choice=False)
        klasifikasi = StringField("Kode Klasifikasi", description="Biarkan terisi bila ragu, contoh 470",
                                  render_kw={"maxlength": 20, "inputmode": "decimal", "autocomplete": "off",
                                             "list": "daftar-klasifikasi"})
        keperluan = TextAreaField("Keperluan", description="Untuk apa surat ini, contoh: melamar pekerjaan",
                                  render_kw={"rows": 2, "maxlength": 500})
        keterangan = TextAreaField("Keterangan", description="Tidak wajib: keterangan tambahan",
                                   render_kw={"rows": 2, "maxlength": 1000})
        penandatangan = SelectField("Penandatangan", choices=pilihan(
            (str(p.id), f"{p.atas_nama + ' ' if p.atas_nama else ''}{p.jabatan} - {p.nama}")
            for p in daftar_pejabat), validate_choice=False)
        simpan = SubmitField("Simpan")

    for isian in jenis.isian:
        setattr(FormSurat, isian.nama, isian_surat.field(isian, konteks))
    form = FormSurat(**kwargs)
    form.isian_jenis = [form[i.nama] for i in jenis.isian]
    form.konteks = konteks or isian_surat.Konteks()
    return form


def data_form_surat(form, jenis):
    """What the form holds, as the services take it."""
    data = {k: form[k].data for k in katalog.KUNCI_DASAR if k in form}
    for isian in jenis.isian:
        data[isian.nama] = form[isian.nama].data
    return data


class SaringForm(FlaskForm):
    """The operator's queue filter (GET: nothing changes, no CSRF)."""

    class Meta:
        csrf = False

    status = SelectField("Status", choices=pilihan([("", "Semua status")] + [(s, s) for s in DIKIRIM]),
                         default=DIAJUKAN)
    jenis = SelectField("Jenis surat", choices=pilihan([("", "Semua jenis")] + [(j.kode, j.nama) for j in katalog.DAFTAR]))
    tampilkan = SubmitField("Tampilkan")


class SetujuiForm(FlaskForm):
    klasifikasi = StringField("Kode Klasifikasi", description="Bawaan desa untuk jenis surat ini; ganti bila perlu",
                              render_kw={"maxlength": 20, "inputmode": "decimal", "autocomplete": "off",
                                         "list": "daftar-klasifikasi"})
    penandatangan = SelectField("Penandatangan", validate_choice=False)
    passphrase = PasswordField("Passphrase BSrE Kepala Desa",
                               description="Diketik oleh Kepala Desa; dipakai sekali dan tidak disimpan.")
    totp = StringField("Kode TOTP dari email BSrE", validators=[Optional(), Length(max=32)],
                       description="Pengganti passphrase (BSrE API versi 2).",
                       render_kw={"inputmode": "numeric", "autocomplete": "one-time-code"})
    setujui = SubmitField("Setujui")


class SetujuiBanyakForm(FlaskForm):
    surat = SelectMultipleField("Surat", coerce=int, validate_choice=False)
    passphrase = PasswordField("Passphrase BSrE Kepala Desa", validators=[Optional(), Length(max=256)],
                               description="Satu passphrase untuk semua surat yang dipilih; tidak disimpan.")
    totp = StringField("Kode TOTP dari email BSrE", validators=[Optional(), Length(max=32)],
                       description="Pengganti passphrase (BSrE API versi 2).",
                       render_kw={"inputmode": "numeric", "autocomplete": "one-time-code"})
    setujui = SubmitField("Setujui yang Dipilih")


class UlangiForm(FlaskForm):
    passphrase = PasswordField("Passphrase BSrE Kepala Desa", validators=[Optional(), Length(max=256)],
                               render_kw={"autocomplete": "off"})
    totp = StringField("Kode TOTP dari email BSrE", validators=[Optional(), Length(max=32)],
                       render_kw={"inputmode": "numeric", "autocomplete": "one-time-code"})
    ulangi = SubmitField("Ulangi Penandatanganan")


class TolakForm(FlaskForm):
    alasan = TextAreaField("Alasan", description="Terlihat oleh pemohon; tulis apa yang perlu diperbaiki.",
                           render_kw={"rows": 3, "maxlength": 1000})
    tolak = SubmitField("Tolak")


class PengaturanForm(FlaskForm):
    kop_kabupaten = StringField("Kop baris 1 (kabupaten)", render_kw={"maxlength": 120})
    kop_kecamatan = StringField("Kop baris 2 (kecamatan)", render_kw={"maxlength": 120})
    kop_desa = StringField("Kop baris 3 (desa)", render_kw={"maxlength": 120})
    kop_alamat = StringField("Alamat pada kop", render_kw={"maxlength": 255})
    logo = FileField("Logo (PNG atau JPEG, paling besar 512 KB)", render_kw={"accept": "image/png,image/jpeg"})
    hapus_logo = BooleanField("Hapus logo")
    tempat_surat = StringField("Tempat penandatanganan", description="Ditulis sebelum tanggal surat, contoh: Klirong",
                               render_kw={"maxlength": 60})
    ukuran_kertas = SelectField("Ukuran kertas", choices=pilihan((k, k) for k in KERTAS))
    margin_atas_mm = IntegerField("Margin atas (mm)", render_kw=_ANGKA)
    margin_bawah_mm = IntegerField("Margin bawah (mm)", render_kw=_ANGKA)
    margin_kiri_mm = IntegerField("Margin kiri (mm)", render_kw=_ANGKA)
    margin_kanan_mm = IntegerField("Margin kanan (mm)", render_kw=_ANGKA)
    format_nomor = StringField("Format nomor surat", render_kw={"maxlength": 120, "spellcheck": "false"})
    penomoran = SelectField("Penomoran", choices=pilihan(PENOMORAN.items()))
    wa_operator = StringField("Nomor WhatsApp operator", description="Contoh 081234567890",
                              render_kw={"inputmode": "tel", "maxlength": 20})
    wa_operator_lain = StringField("Nomor WhatsApp lain (tidak wajib)", description="Pisahkan dengan koma",
                                   render_kw={"inputmode": "tel", "maxlength": 120})
    jam_layanan = StringField("Jam layanan kantor", description="Contoh: Senin-Jumat 08.00-14.00 WIB",
                              render_kw={"maxlength": 120})
    alamat_kantor = StringField("Alamat kantor desa", render_kw={"maxlength": 255})
    telepon = StringField("Telepon kantor", render_kw={"maxlength": 30, "inputmode": "tel"})
    email = StringField("Email kantor", render_kw={"maxlength": 120, "type": "email"})
    simpan = SubmitField("Simpan")


class PejabatForm(FlaskForm):
    nama = StringField("Nama", render_kw={"maxlength": 120})
    jabatan = StringField("Jabatan", description="Contoh: Kepala Desa Klirong, Sekretaris Desa",
                          render_kw={"maxlength": 120})
    nip = StringField("NIP (tidak wajib)", render_kw={"maxlength": 30, "inputmode": "numeric"})
    atas_nama = SelectField("Cara menandatangani", choices=pilihan(ATAS_NAMA.items()),
                            validate_choice=False)
    kepala_desa = BooleanField("Ini Kepala Desa (penandatangan bawaan)")
    aktif = BooleanField("Aktif", default=True)
    simpan = SubmitField("Simpan")


class KlasifikasiForm(FlaskForm):
    berkas = FileField("Berkas klasifikasi (CSV atau XLSX)",
                       validators=[FileRequired("Pilih berkas klasifikasi_surat.csv atau XLSX-nya.")],
                       render_kw={"accept": ".csv,.xlsx,text/csv,"
                                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ganti = BooleanField("Ganti seluruh daftar (kode yang tidak ada di berkas dihapus)")
    impor = SubmitField("Impor")
