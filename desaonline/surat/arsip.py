"""Where signed letters are kept: ``STORAGE_DIR/<desa_id>/<sha256[:2]>/<sha256>.pdf``.

Content-addressed, so storing the same signed bytes twice keeps one file and a
re-run of the worker cannot leave two different letters behind one record.
"""
import hashlib
import os
import tempfile
from pathlib import Path

from flask import current_app


def _root():
    return Path(current_app.config["STORAGE_DIR"]).resolve()


def simpan(desa_id, pdf):
    """Store PDF bytes for a desa; returns (sha256 hex, path relative to STORAGE_DIR)."""
    sha = hashlib.sha256(pdf).hexdigest()
    rel = Path(str(int(desa_id))) / sha[:2] / f"{sha}.pdf"
    target = _root() / rel
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
        os.replace(tmp, target)
    return sha, rel.as_posix()


def buka(rel_path):
    """The absolute path of a stored letter (refuses paths that leave STORAGE_DIR)."""
    root = _root()
    path = (root / rel_path).resolve()
    if root not in path.parents:
        raise ValueError("path outside STORAGE_DIR")
    return path
