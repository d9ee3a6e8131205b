"""The storage every stored file goes through (desaonline.penyimpanan): local disk, and
S3-compatible object storage on a real local S3 server (moto), keeping one contract."""
import uuid

import pytest

from desaonline import create_app
from desaonline.penyimpanan import S3, Disk, TidakAda, dari_config


@pytest.fixture(params=["disk", "s3"])
def tempat(request, tmp_path):
    if request.param == "disk":
        return Disk(tmp_path / "storage")
    s3 = request.getfixturevalue("s3_lokal")
    bucket = s3.bucket_baru()
    return S3(bucket, "kebumen/surat", endpoint_url=s3.endpoint, region="us-east-1",
              access_key=s3.KUNCI, secret_key=s3.RAHASIA)


def test_a_stored_file_comes_back_whole_and_goes_away_when_deleted(tempat):
    isi = b"%PDF-1.7 " + bytes(range(256)) * 400
    assert not tempat.exists("7/ab/ab12.pdf")
    tempat.put("7/ab/ab12.pdf", isi)
    assert tempat.exists("7/ab/ab12.pdf")
    assert tempat.get("7/ab/ab12.pdf") == isi
    with tempat.stream("7/ab/ab12.pdf") as aliran:
        assert aliran.ukuran == len(isi)
        assert aliran.read(5) == b"%PDF-" and aliran.read() == isi[5:]
    tempat.put("7/ab/ab12.pdf", b"lain")  # a second put replaces the file
    assert tempat.get("7/ab/ab12.pdf") == b"lain"
    tempat.delete("7/ab/ab12.pdf")
    tempat.delete("7/ab/ab12.pdf")  # deleting what is gone is no error
    assert not tempat.exists("7/ab/ab12.pdf")


def test_a_missing_file_is_tidak_ada(tempat):
    with pytest.raises(TidakAda):
        tempat.get("1/00/tidak-ada.pdf")
    with pytest.raises(TidakAda):
        tempat.stream("1/00/tidak-ada.pdf")


@pytest.mark.parametrize("kunci", ["../rahasia", "1/../../etc/passwd", "/etc/passwd", "1//a.pdf", "1/a\\b.pdf",
                                   "", "1/./a.pdf", ".hidden/a", "1/a.pdf\n"])
def test_keys_that_could_leave_the_storage_are_refused(tempat, kunci):
    for aksi in (lambda: tempat.put(kunci, b"x"), lambda: tempat.get(kunci), lambda: tempat.exists(kunci),
                 lambda: tempat.delete(kunci), lambda: tempat.stream(kunci)):
        with pytest.raises(ValueError):
            aksi()


def test_two_prefixes_in_one_bucket_never_see_each_others_files(s3_lokal):
    bucket = s3_lokal.bucket_baru()
    opsi = dict(endpoint_url=s3_lokal.endpoint, region="us-east-1", access_key=s3_lokal.KUNCI,
                secret_key=s3_lokal.RAHASIA)
    kebumen, cilacap = S3(bucket, "kebumen", **opsi), S3(bucket, "/cilacap/", **opsi)
    kebumen.put("1/aa/aa.pdf", b"kebumen")
    assert not cilacap.exists("1/aa/aa.pdf")
    assert s3_lokal.isi(bucket) == {"kebumen/1/aa/aa.pdf"}


def test_storage_url_picks_the_bucket_and_its_absence_the_disk(tmp_path, s3_lokal):
    disk = dari_config({"STORAGE_DIR": str(tmp_path / "surat")})
    assert isinstance(disk, Disk) and disk.akar == (tmp_path / "surat").resolve()
    s3 = dari_config({"STORAGE_DIR": str(tmp_path / "surat"), "STORAGE_URL": "s3://arsip-desa/kebumen/surat",
                      "S3_ENDPOINT_URL": s3_lokal.endpoint})
    assert isinstance(s3, S3) and (s3.bucket, s3.prefix) == ("arsip-desa", "kebumen/surat")


@pytest.mark.parametrize("url", ["arsip-desa/surat", "file:///srv/surat", "s3:///surat", "gs://arsip/surat"])
def test_a_storage_url_that_is_not_s3_stops_the_app_with_a_clear_message(tmp_path, url):
    with pytest.raises(RuntimeError, match="s3://bucket/prefix"):
        create_app("testing", {"STORAGE_DIR": str(tmp_path), "STORAGE_URL": url,
                               "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / uuid.uuid4().hex}.sqlite"})
