"""Where signed letters are kept: key ``<desa_id>/<sha256[:2]>/<sha256>.pdf`` in the
deployment's storage (``desaonline.penyimpanan``: ``STORAGE_DIR`` or ``STORAGE_URL``).

Content-addressed, so storing the same signed bytes twice keeps one file and a
re-run of the worker cannot leave two different letters behind one record. The key
is what ``Surat.pdf_path`` holds; the same key works on disk and in a bucket.
"""
import hashlib

from desaonline.penyimpanan import jawaban, penyimpanan


def kunci(desa_id, sha, akhiran="pdf"):
    """The key of a desa's file with this SHA-256."""
    return f"{int(desa_id)}/{sha[:2]}/{sha}.{akhiran}"


def simpan(desa_id, isi, akhiran="pdf"):
    """Store bytes for a desa; returns (sha256 hex, key)."""
    sha = hashlib.sha256(isi).hexdigest()
    k = kunci(desa_id, sha, akhiran)
    penyimpanan().put(k, isi)
    return sha, k


def unduh(k, *, nama, mimetype="application/pdf", sha256=None):
    """The stored file as a download named ``nama`` (its SHA-256, when known, is the ETag)."""
    return jawaban(k, mimetype=mimetype, download_name=nama, etag=sha256)
