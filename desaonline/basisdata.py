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
"""
import time
from functools import wraps

from sqlalchemy import event, exc
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
