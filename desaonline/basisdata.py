"""Round trips to the database, the cost of a request once the data is indexed.

On a busy 2-core server each round trip to PostgreSQL is a wake-up of its backend
and of the web thread, so a request's cost follows how many it makes, not how much
data there is (``make bench BENCH=skala``). Two are avoidable:

- the ping before each use of a pooled connection (``pool_pre_ping``): a connection
  used a moment ago is alive; only one idle for longer than ``DB_PING_SETELAH_DETIK``
  is pinged first (SQLAlchemy's recipe for pessimistic disconnect handling, done
  only where a server restart or a firewall may have cut it). A connection cut
  within that window fails one request, and the pool then starts afresh;
- ``BEGIN`` and ``ROLLBACK`` around a request that only reads: views marked
  ``baca_saja`` run their queries in autocommit, each statement its own snapshot.

And one cost per column of every result: psycopg builds ``cursor.description``, a
Python object per column, whenever it is asked, and SQLAlchemy asks at every
execution although it reads it only the first time it runs a statement (it then
keeps the result's shape with the compiled statement). On PostgreSQL the cursors
here describe their columns only when one is read (``KursorPsycopg``): for a
resident's session lookup (48 columns) that was a third of its cost.
"""
import time
from collections.abc import Sequence
from functools import wraps

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from desaonline.extensions import db

_KEMBALI = "desaonline.kembali"
_batas = {"detik": 10.0}


def init_app(app):
    _batas["detik"] = float(app.config.get("DB_PING_SETELAH_DETIK", 10.0))


@event.listens_for(Pool, "checkin")
def _catat_kembali(dbapi_connection, record):
    if record is not None:
        record.info[_KEMBALI] = time.monotonic()


@event.listens_for(Pool, "checkout")
def _ping_bila_lama(dbapi_connection, record, proxy):
    kembali = record.info.get(_KEMBALI)
    if kembali is not None and time.monotonic() - kembali < _batas["detik"]:
        return
    try:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT 1")
        cursor.close()
        if not getattr(dbapi_connection, "autocommit", True):
            dbapi_connection.rollback()  # the ping opened a transaction (psycopg): leave none behind
    except Exception as err:  # noqa: BLE001: any failure means the connection is gone
        # The pool discards this connection and checks out another (up to three times).
        raise exc.DisconnectionError() from err


def baca_saja(view):
    """A view that only reads: its queries run without a transaction, so the request
    makes no BEGIN and no ROLLBACK round trip. Never for a view that writes."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not db.session().in_transaction():
            db.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        return view(*args, **kwargs)
    return wrapped


try:
    import psycopg
    from psycopg.pq import ExecStatus
except ImportError:  # an installation for SQLite only: nothing to describe lazily
    pass
else:
    _DENGAN_BARIS = (ExecStatus.TUPLES_OK, ExecStatus.SINGLE_TUPLE, ExecStatus.TUPLES_CHUNK)

    class _Hasil:
        """What psycopg's ``Column`` reads of its cursor, kept from the moment the
        description was asked for (the cursor may have run another statement since)."""
        __slots__ = ("pgresult", "_encoding", "adapters")

        def __init__(self, kursor):
            self.pgresult, self._encoding, self.adapters = kursor.pgresult, kursor._encoding, kursor.adapters

    class _Deskripsi(Sequence):
        """``cursor.description`` whose ``Column`` objects are made when first read."""
        __slots__ = ("_hasil", "_kolom")

        def __init__(self, kursor):
            self._hasil, self._kolom = _Hasil(kursor), None

        def __len__(self):
            return self._hasil.pgresult.nfields

        def __getitem__(self, i):
            if self._kolom is None:
                self._kolom = [psycopg.Column(self._hasil, n) for n in range(len(self))]
            return self._kolom[i]

    class KursorPsycopg(psycopg.Cursor):
        @property
        def description(self):
            res = self.pgresult
            # As psycopg's own: columns, or a statement that said it returns rows ("SELECT ;").
            if res and (res.nfields or res.status in _DENGAN_BARIS):
                return _Deskripsi(self)
            return None

    @event.listens_for(Engine, "connect")
    def _kursor_hemat(dbapi_connection, connection_record):
        if type(dbapi_connection) is psycopg.Connection and dbapi_connection.cursor_factory is psycopg.Cursor:
            dbapi_connection.cursor_factory = KursorPsycopg
