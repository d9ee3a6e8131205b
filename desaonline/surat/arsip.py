"""Where a letter's files are kept, in the deployment's storage (``desaonline.penyimpanan``:
``STORAGE_DIR`` on disk, or the bucket of ``STORAGE_URL``):

- signed letters: ``<desa_id>/<sha256[:2]>/<sha256>.pdf`` (what ``Surat.pdf_path`` holds);
- other files of a desa in a folder of their own (``bagian``), e.g.
  ``<desa_id>/lampiran/<sha256[:2]>/<sha256>.jpg``.

Content-addressed, so storing the same bytes twice keeps one file and a re-run of
the worker cannot leave two different letters behind one record. The same key
works on disk and in a bucket; callers never see paths.
"""
import hashlib

from desaonline.penyimpanan import jawaban, penyimpanan


def kunci_untuk(desa_id, isi, akhiran=".pdf", bagian=None):
    """(sha256 hex, key) of bytes for a desa; ``bagian`` is a folder inside it (``lampiran``)."""
    sha = hashlib.sha256(isi).hexdigest()
    folder = f"{int(desa_id)}/{bagian}" if bagian else f"{int(desa_id)}"
    return sha, f"{folder}/{sha[:2]}/{sha}{akhiran}"


def simpan(desa_id, isi, akhiran=".pdf", bagian=None):
    """Store bytes for a desa; returns (sha256 hex, key)."""
    sha, kunci = kunci_untuk(desa_id, isi, akhiran, bagian)
    penyimpanan().put(kunci, isi)
    return sha, kunci


def kirim(kunci, mimetype, nama, unduh=True, sha256=None):
    """The stored file as a response named ``nama`` (a download, or shown inline when
    ``unduh`` is false); its SHA-256, when known, is the ETag."""
    return jawaban(kunci, mimetype=mimetype, download_name=nama, etag=sha256, as_attachment=unduh)


def baca(kunci):
    return penyimpanan().get(kunci)


def hapus(kunci):
    penyimpanan().delete(kunci)
