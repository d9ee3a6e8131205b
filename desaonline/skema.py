"""The API's schemas: apiflask's ``Schema`` with a quicker ``dump`` for answers.

Marshmallow takes each field of each object through four calls (the field's
``serialize`` and ``get_value``, the schema's accessor, marshmallow's ``get_value``)
before the field's own ``_serialize``: for a page of letters with their residents
that is a tenth of the request. ``Schema.dump`` here reads the attribute as
marshmallow's accessor does, in one step, and then calls the same ``_serialize``, so
the answer is marshmallow's own (``tests/test_skema.py`` compares every schema). A
schema with dump hooks or its own accessor, or with a field that reads its value
in its own way or through a dotted attribute, dumps through marshmallow.
"""
from apiflask import Schema as _Schema
from marshmallow import Schema as _Marshmallow, fields, missing
from marshmallow.decorators import POST_DUMP, PRE_DUMP

_RENCANA = "_desaonline_rencana"


def _nilai(obj, kunci):
    """marshmallow's ``get_value`` for a key without dots: an item, else an attribute."""
    if not hasattr(obj, "__getitem__"):
        return getattr(obj, kunci, missing)
    try:
        return obj[kunci]
    except (KeyError, IndexError, TypeError, AttributeError):
        return getattr(obj, kunci, missing)


class Schema(_Schema):
    def _rencana(self):
        """Per field: (output key, name, attribute read, field, whether it reads one),
        built once per schema instance (``only``/``exclude`` make instances differ);
        None when this schema must dump through marshmallow."""
        if _RENCANA not in self.__dict__:
            self.__dict__[_RENCANA] = self._buat_rencana()
        return self.__dict__[_RENCANA]

    def _buat_rencana(self):
        if (self._hooks[PRE_DUMP] or self._hooks[POST_DUMP] or self.dict_class is not dict
                or type(self).get_attribute is not _Marshmallow.get_attribute):
            return None
        rencana = []
        for nama, field in self.dump_fields.items():
            kunci = nama if field.attribute is None else field.attribute
            if (type(field).serialize is not fields.Field.serialize or type(field).get_value is not fields.Field.get_value
                    or "." in kunci):
                return None
            rencana.append((nama if field.data_key is None else field.data_key, nama, kunci, field,
                            field._CHECK_ATTRIBUTE))
        return tuple(rencana)

    def dump(self, obj, *, many=None):
        rencana = self._rencana()
        if rencana is None:
            return super().dump(obj, many=many)
        many = self.many if many is None else bool(many)
        if many and obj is not None:
            return [self._satu(rencana, o) for o in obj]
        return self._satu(rencana, obj)

    @staticmethod
    def _satu(rencana, obj):
        hasil = {}
        for keluar, nama, kunci, field, membaca in rencana:
            if membaca:
                nilai = _nilai(obj, kunci)
                if nilai is missing:
                    bawaan = field.dump_default
                    nilai = bawaan() if callable(bawaan) else bawaan
                    if nilai is missing:
                        continue
            else:
                nilai = None
            nilai = field._serialize(nilai, nama, obj)
            if nilai is not missing:
                hasil[keluar] = nilai
        return hasil
