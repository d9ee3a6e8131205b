"""The embedded broker (no server): kombu's SQL transport, polling to suit the load.

kombu's virtual transports sleep ``polling_interval`` (1 s) whenever a poll finds
nothing to take, and a busy Celery worker meets such a poll between two tasks
(about two per task here): with the default a worker signs about one letter a
second. This transport polls every 5 ms while messages keep coming and every
200 ms once it has been idle for two seconds. The interval cannot be given as a
transport option (kombu hands unknown options to ``create_engine()``, which refuses
them), so the subclass is registered as the URL scheme ``sqladesa+sqlite:///...``
(config/).
"""
from time import monotonic

from kombu.transport import TRANSPORT_ALIASES, sqlalchemy

ALIAS = "sqladesa"


class Transport(sqlalchemy.Transport):
    SIBUK, SENGGANG, JEDA_SIBUK = 0.005, 0.2, 2.0
    _pesan_terakhir = 0.0

    @property
    def polling_interval(self):
        sibuk = monotonic() - self._pesan_terakhir < self.JEDA_SIBUK
        return self.SIBUK if sibuk else self.SENGGANG

    @polling_interval.setter
    def polling_interval(self, nilai):
        pass  # kombu assigns a transport option here; the load decides instead

    def _deliver(self, message, queue):
        self._pesan_terakhir = monotonic()
        return super()._deliver(message, queue)


TRANSPORT_ALIASES.setdefault(ALIAS, "workers.broker:Transport")
