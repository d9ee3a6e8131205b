"""Files that once broke the import's file reading: each answers 422 with a clear
message and writes nothing (issue 10)."""
import io
import zipfile

from openpyxl import Workbook

from desaonline.penduduk.impor import BATAS_KOLOM, BATAS_XLSX_TERBUKA
from desaonline.penduduk.validasi import KOLOM
from tests.penduduk.conftest import baris, csv_bytes, unggah


def _ditolak(resp, *kata):
    assert resp.status_code == 422, resp.get_data(as_text=True)[:300]
    body = resp.get_json()
    assert body["error"] == "berkas_tidak_valid" and body["rincian"] == {"file": body["message"]}
    for k in kata:
        assert k in body["message"], body["message"]
    assert len(body["message"]) < 1000  # a clear sentence, not the whole header
    return body


def _tidak_ada_yang_masuk(situs, token):
    benar = unggah(situs, token, csv_bytes([baris("3305051703850001")]))
    assert benar.get_json()["dibuat"] == 1  # the file before wrote nothing


def test_csv_that_is_neither_utf8_nor_cp1252(situs, token):
    # 0x81 and 0x8d are undefined in cp1252, and no UTF-8 either
    data = csv_bytes([baris("3305051703850001", nama="SUGENG")]).replace(b"SUGENG", b"SU\x81GE\x8dNG")
    _ditolak(unggah(situs, token, data), "UTF-8")
    _tidak_ada_yang_masuk(situs, token)


def test_cp1252_csv_still_imports(situs, token):
    data = csv_bytes([baris("3305051703850001", nama="SUGENG")]).replace(b"SUGENG", "SÜGENG".encode("cp1252"))
    assert unggah(situs, token, data).get_json()["dibuat"] == 1


def test_csv_header_with_thousands_of_columns(situs, token):
    header = list(KOLOM) + ["nama"] * 20_000
    _ditolak(unggah(situs, token, (",".join(header) + "\r\n").encode()), "terlalu banyak kolom", str(BATAS_KOLOM))
    _tidak_ada_yang_masuk(situs, token)


def test_duplicate_and_unknown_columns_are_named_once_each(situs, token):
    header = list(KOLOM) + ["nama", "nama", "foo"] + [f"x{i}" for i in range(50)]
    body = _ditolak(unggah(situs, token, (",".join(header) + "\r\n").encode()), "kolom ganda: nama", "foo")
    assert body["message"].count("foo") == 1 and "lainnya" in body["message"]


def _xlsx(baris_judul):
    buku = Workbook()
    buku.active.append(baris_judul)
    isi = io.BytesIO()
    buku.save(isi)
    return isi.getvalue()


def test_xlsx_header_with_sixteen_thousand_columns(situs, token):
    data = _xlsx(list(KOLOM) + [f"kolom{i}" for i in range(16_000)])  # Excel's own limit is 16,384
    _ditolak(unggah(situs, token, data, "penduduk.xlsx"), "terlalu banyak kolom")


_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _bom_zip():
    """An XLSX whose shared strings open to far more than any register holds (a zip bomb):
    openpyxl reads the whole shared-strings table into memory before the first row."""
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w", zipfile.ZIP_DEFLATED) as z:
        with zipfile.ZipFile(io.BytesIO(_xlsx(list(KOLOM)))) as asli:
            for nama in asli.namelist():
                data = asli.read(nama)
                if nama == "[Content_Types].xml":
                    data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                        b'"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                                        b'sharedStrings+xml"/></Types>')
                elif nama == "xl/_rels/workbook.xml.rels":
                    data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.'
                                        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                        b'Target="sharedStrings.xml"/></Relationships>')
                elif nama == "xl/worksheets/sheet1.xml":
                    sel = b"".join(b'<c r="%s1" t="s"><v>%d</v></c>' % (chr(65 + i).encode(), i)
                                   for i in range(len(KOLOM)))
                    data = b"<worksheet " + _NS + b'><sheetData><row r="1">' + sel + b"</row></sheetData></worksheet>"
                z.writestr(nama, data)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            f.write(b"<sst " + _NS + b">" + b"".join(b"<si><t>%s</t></si>" % k.encode() for k in KOLOM))
            teks = b"<si><t>" + b"A" * 1000 + b"</t></si>"
            for _ in range(BATAS_XLSX_TERBUKA // len(teks) + 10):
                f.write(teks)
            f.write(b"</sst>")
    return isi.getvalue()


def test_xlsx_zip_bomb_is_refused_before_it_is_opened(situs, token):
    data = _bom_zip()
    assert len(data) < BATAS_XLSX_TERBUKA // 100
    _ditolak(unggah(situs, token, data, "penduduk.xlsx"), "terlalu besar")
    _tidak_ada_yang_masuk(situs, token)
