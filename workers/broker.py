"""The embedded broker (no server): kombu's SQL transport, polling more often.

kombu's virtual transports sleep ``polling_interval`` (1 s) whenever they cannot
take a message, which includes "this worker already holds its prefetched message"
(``worker_prefetch_multiplier = 1`` with ``acks_late``): a worker would sign at
most about one letter a second. The interval cannot be given as a transport option
(kombu hands unknown options to ``create_engine()``, which refuses them), so this
subclass is registered as the URL scheme ``sqladesa+sqlite:///...`` (config/).
"""
from kombu.transport import TRANSPORT_ALIASES, sqlalchemy

ALIAS = "sqladesa"


class Transport(sqlalchemy.Transport):
    polling_interval = 0.02


TRANSPORT_ALIASES.setdefault(ALIAS, "workers.broker:Transport")
