"""Time, in one place: instants are UTC, the calendar is the desa's (WIB).

Every timestamp column is ``WaktuUTC`` (the declarative base maps ``datetime`` to
it): the database keeps naive UTC (SQLite has no zones, and a PostgreSQL
``timestamp`` would shift an aware value by the server's zone), and Python always
gets an aware UTC ``datetime`` back, so comparisons never mix naive and aware.
"""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
UTC = timezone.utc
# Kebumen, like all of Java, keeps Western Indonesian Time.
WIB = ZoneInfo("Asia/Jakarta")


def sekarang() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


def hari_ini() -> date:
    """Today's date in the desa (a letter dated at 06:30 WIB is dated today, not yesterday)."""
    return datetime.now(WIB).date()


def sebagai_utc(waktu):
    """An aware UTC value; a naive one is taken to be UTC already."""
    if waktu is None:
        return None
    return waktu.replace(tzinfo=UTC) if waktu.tzinfo is None else waktu.astimezone(UTC)


def tanggal_indonesia(nilai, jam=False):
    """27 November 2026 (and 14.05 WIB when ``jam``); an instant is shown in WIB."""
    if nilai is None:
        return "-"
    if isinstance(nilai, datetime):
        nilai = sebagai_utc(nilai).astimezone(WIB)
        teks = f"{nilai.day} {BULAN[nilai.month - 1]} {nilai.year}"
        return f"{teks} {nilai:%H.%M} WIB" if jam else teks
    if isinstance(nilai, date):
        return f"{nilai.day} {BULAN[nilai.month - 1]} {nilai.year}"
    return str(nilai)


class WaktuUTC(TypeDecorator):
    """A timestamp stored as naive UTC and read back as aware UTC."""
    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return sebagai_utc(value).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return sebagai_utc(value)
