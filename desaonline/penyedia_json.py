"""The app's JSON answers, written by orjson under Flask's own rules.

Every API answer is JSON, and for a letter list Python's ``json`` module took 7% of the
request (py-spy; ``make bench BENCH=instruksi`` counts the difference). orjson writes
the same document: keys sorted and compact as Flask writes them, dates as HTTP dates,
decimals and UUIDs as strings and dataclasses as objects (Flask's ``_default``, which
orjson is told to ask for those types); only text outside ASCII is written as UTF-8
instead of ``\\uXXXX`` escapes, the same JSON to any reader. Flask's own provider
writes what orjson cannot (an integer beyond 64 bits), debug mode's indented answers
and calls that ask for ``json``'s options. Reading stays Flask's: what a client may
send is not changed by this.
"""
import orjson
from flask.json.provider import DefaultJSONProvider, _default

_OPSI = (orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
         | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS)


class PenyediaJson(DefaultJSONProvider):
    def dumps(self, obj, **kwargs):
        if not kwargs:
            try:
                return orjson.dumps(obj, default=_default, option=_OPSI).decode()
            except orjson.JSONEncodeError:
                pass   # what orjson cannot write (an integer beyond 64 bits, echoed back in an error): json's way
        return super().dumps(obj, **kwargs)

    def response(self, *args, **kwargs):
        if self.compact is not False and not (self.compact is None and self._app.debug):
            try:
                isi = orjson.dumps(self._prepare_response_obj(args, kwargs), default=_default,
                                   option=_OPSI | orjson.OPT_APPEND_NEWLINE)
                return self._app.response_class(isi, mimetype=self.mimetype)
            except orjson.JSONEncodeError:
                pass
        return super().response(*args, **kwargs)
