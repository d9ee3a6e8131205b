"""Where files are kept (signed letters, attachments): one small interface, two places.

- Local disk under ``STORAGE_DIR``, the default: nothing to set up, but only the
  processes of one machine see the files.
- ``STORAGE_URL=s3://bucket/prefix``: S3-compatible object storage (MinIO, Ceph, a
  cloud) through boto3 (``S3_ENDPOINT_URL``, ``AWS_ACCESS_KEY_ID``,
  ``AWS_SECRET_ACCESS_KEY``), so web processes and workers on different machines
  share nothing but the database, the broker and the bucket.

Both take the same keys: relative paths with ``/`` (``12/ab/ab12....pdf``). A key
names the same file under ``STORAGE_DIR`` and under the bucket's prefix, so moving a
deployment from disk to a bucket is copying the tree (``aws s3 sync``). Everything
that stores a file goes through ``penyimpanan()``: ``put``, ``get``, ``exists``,
``delete``, ``stream``; ``jawaban`` answers a download from either.
"""
import os
import re
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app, request, send_file

_EXT = "desaonline.penyimpanan"
_SEGMEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class TidakAda(LookupError):
    """No file is stored under this key."""


def kunci_sah(kunci):
    """``kunci`` if it is a relative path of plain segments; ValueError otherwise (no
    ``..``, no absolute path, nothing that could leave ``STORAGE_DIR`` or the prefix)."""
    bagian = kunci.split("/") if isinstance(kunci, str) else []
    if not bagian or not all(_SEGMEN.fullmatch(b) and b not in (".", "..") for b in bagian):
        raise ValueError(f"kunci penyimpanan tidak sah: {kunci!r}")
    return kunci


class Aliran:
    """A stored file opened for reading: a binary file object that knows its size."""

    def __init__(self, berkas, ukuran):
        self._berkas, self.ukuran = berkas, ukuran

    def read(self, n=-1):
        return self._berkas.read(n)

    def close(self):
        self._berkas.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Disk:
    """Files under a directory; written to a temporary file and renamed, so a reader
    never sees half a file."""

    def __init__(self, akar):
        self.akar = Path(akar).resolve()

    def __repr__(self):
        return f"<Disk {self.akar}>"

    def _path(self, kunci):
        return self.akar / kunci_sah(kunci)

    def put(self, kunci, data):
        target = self._path(kunci)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, kunci):
        try:
            return self._path(kunci).read_bytes()
        except FileNotFoundError as err:
            raise TidakAda(kunci) from err

    def exists(self, kunci):
        return self._path(kunci).is_file()

    def delete(self, kunci):
        self._path(kunci).unlink(missing_ok=True)

    def stream(self, kunci):
        try:
            berkas = open(self._path(kunci), "rb")  # noqa: SIM115 (closed by the response)
        except FileNotFoundError as err:
            raise TidakAda(kunci) from err
        return Aliran(berkas, os.fstat(berkas.fileno()).st_size)


class S3:
    """Objects under ``prefix/`` in an S3-compatible bucket.

    One boto3 client per process, made on first use: a client made before a fork
    (gunicorn, Celery's prefork pool) would share its connections with the child."""

    def __init__(self, bucket, prefix="", *, endpoint_url=None, region=None, access_key=None, secret_key=None):
        self.bucket, self.prefix = bucket, prefix.strip("/")
        self._opsi = {"endpoint_url": endpoint_url, "region_name": region,
                      "aws_access_key_id": access_key, "aws_secret_access_key": secret_key}
        self._lock = threading.Lock()
        self._klien, self._pid = None, None

    def __repr__(self):
        return f"<S3 s3://{self.bucket}/{self.prefix}>"

    @property
    def klien(self):
        if self._pid != os.getpid():
            with self._lock:
                if self._pid != os.getpid():
                    self._klien, self._pid = self._buat_klien(), os.getpid()
        return self._klien

    def _buat_klien(self):
        import boto3
        from botocore.config import Config
        config = Config(
            # MinIO, Ceph and most self-hosted stores want path-style URLs on their own endpoint.
            s3={"addressing_style": "path" if self._opsi["endpoint_url"] else "auto"},
            retries={"max_attempts": 4, "mode": "standard"}, connect_timeout=5, read_timeout=30,
            # botocore's default checksums (CRC32 trailers) are refused by older S3-compatible servers.
            request_checksum_calculation="when_required", response_checksum_validation="when_required",
            max_pool_connections=16)
        return boto3.session.Session().client("s3", config=config, **{k: v for k, v in self._opsi.items() if v})

    def _key(self, kunci):
        kunci_sah(kunci)
        return f"{self.prefix}/{kunci}" if self.prefix else kunci

    @staticmethod
    def _tidak_ada(err):
        return err.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound")

    def put(self, kunci, data):
        self.klien.put_object(Bucket=self.bucket, Key=self._key(kunci), Body=data)

    def get(self, kunci):
        with self.stream(kunci) as aliran:
            return aliran.read()

    def exists(self, kunci):
        from botocore.exceptions import ClientError
        try:
            self.klien.head_object(Bucket=self.bucket, Key=self._key(kunci))
        except ClientError as err:
            if self._tidak_ada(err):
                return False
            raise
        return True

    def delete(self, kunci):
        self.klien.delete_object(Bucket=self.bucket, Key=self._key(kunci))

    def stream(self, kunci):
        from botocore.exceptions import ClientError
        try:
            obj = self.klien.get_object(Bucket=self.bucket, Key=self._key(kunci))
        except ClientError as err:
            if self._tidak_ada(err):
                raise TidakAda(kunci) from err
            raise
        return Aliran(obj["Body"], obj["ContentLength"])


def dari_config(config):
    """The storage a configuration names: ``STORAGE_URL`` when set, else ``STORAGE_DIR``."""
    url = config.get("STORAGE_URL")
    if not url:
        return Disk(config["STORAGE_DIR"])
    bagian = urlsplit(url)
    if bagian.scheme != "s3" or not bagian.netloc:
        raise RuntimeError(f"STORAGE_URL harus berbentuk s3://bucket/prefix, bukan {url!r}")
    return S3(bagian.netloc, bagian.path, endpoint_url=config.get("S3_ENDPOINT_URL"),
              region=config.get("S3_REGION"), access_key=config.get("AWS_ACCESS_KEY_ID"),
              secret_key=config.get("AWS_SECRET_ACCESS_KEY"))


def init_app(app):
    tempat = dari_config(app.config)
    if isinstance(tempat, Disk):
        tempat.akar.mkdir(parents=True, exist_ok=True)
    app.extensions[_EXT] = tempat


def penyimpanan():
    """The current app's storage."""
    return current_app.extensions[_EXT]


def jawaban(kunci, *, mimetype, download_name, etag=None, as_attachment=True):
    """A download of a stored file from either place: its size, ``ETag`` (when given),
    ``If-None-Match`` and ``Range`` answered; the file is streamed, never read whole."""
    aliran = penyimpanan().stream(kunci)
    respon = send_file(aliran, mimetype=mimetype, as_attachment=as_attachment, download_name=download_name,
                       etag=etag or False, conditional=False)
    respon.content_length = aliran.ukuran
    return respon.make_conditional(request.environ, accept_ranges=True, complete_length=aliran.ukuran)
