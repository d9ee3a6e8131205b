"""The ceiling of the web benchmarks: a bare Flask JSON app, served by the same gunicorn set-up.

``gunicorn bench.polos:app`` with ``DATABASE_URL``: one psycopg connection per
thread, no ORM, no tenancy, no tokens. ``GET /polos/penduduk/<id>`` reads the row a
resident's profile reads (the resident and their KK) and answers it as JSON;
``POST /polos/argon2`` checks one PIN against a full-cost argon2id hash (the
login's unavoidable work). What the real endpoints do beyond these is their cost.
"""
import os
import threading

import psycopg
from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from flask import Flask, abort, jsonify, request

from desaonline.auth.passwords import _hasher

app = Flask(__name__)
_lokal = threading.local()
_HASH = _hasher.hash(os.environ.get("POLOS_PIN", "583920"))
_hasher_polos = PasswordHasher(time_cost=_hasher.time_cost, memory_cost=_hasher.memory_cost,
                               parallelism=_hasher.parallelism)
_SQL = ("SELECT p.id, p.nik, p.nama, p.tempat_lahir, p.tanggal_lahir, p.jenis_kelamin, p.agama, "
        "p.status_perkawinan, p.pekerjaan, p.hubungan_keluarga, p.status_dasar, k.no_kk, k.alamat, k.rt, k.rw, "
        "k.dusun FROM penduduk p LEFT JOIN keluarga k ON k.id = p.keluarga_id WHERE p.id = %s")


def _conn():
    conn = getattr(_lokal, "conn", None)
    if conn is None or conn.closed:
        url = os.environ["DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://")
        conn = _lokal.conn = psycopg.connect(url, autocommit=True)
    return conn


@app.get("/polos/penduduk/<int:penduduk_id>")
def penduduk(penduduk_id):
    cur = _conn().execute(_SQL, (penduduk_id,))
    row = cur.fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(zip([c.name for c in cur.description], row)))


@app.post("/polos/argon2")
def argon2():
    pin = (request.get_json(silent=True) or {}).get("pin", "")
    try:
        ok = _hasher_polos.verify(_HASH, pin)
    except VerificationError:
        ok = False
    return jsonify({"ok": ok}), (200 if ok else 401)
