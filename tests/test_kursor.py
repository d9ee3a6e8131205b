"""The PostgreSQL cursors describe their columns only when asked (desaonline.basisdata)."""
import pytest

from desaonline.extensions import db


def test_a_description_describes_its_own_result_when_read_later(app):
    from desaonline.basisdata import KursorPsycopg
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("psycopg's cursors: PostgreSQL only")
        raw = db.engine.raw_connection()
        try:
            kursor = raw.cursor()
            assert isinstance(kursor, KursorPsycopg)
            kursor.execute("SELECT 1 AS satu, 'dua'::text AS dua")
            pertama = kursor.description
            kursor.execute("SELECT 3 AS tiga")   # the cursor moved on before the first was read
            assert [(k.name, k.type_code) for k in pertama] == [("satu", 23), ("dua", 25)]
            assert len(pertama) == 2 and pertama[-1].name == "dua"
            assert [k.name for k in kursor.description] == ["tiga"]
            kursor.execute("SET LOCAL statement_timeout = 0")
            assert kursor.description is None
            kursor.execute("SELECT")   # no column, but rows: described, as psycopg does
            assert kursor.description is not None and len(kursor.description) == 0
        finally:
            raw.rollback()
            raw.close()
