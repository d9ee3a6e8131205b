"""Automatic per-desa scoping of every ORM query and every new row.

A request on a desa host (or a worker task) runs inside ``desa_scope(desa_id)``.
While it does, SQLAlchemy adds ``desa_id = :current`` to every SELECT, UPDATE and
DELETE issued through the ORM on a ``DesaScoped`` model (joins and relationship
loads included), and new rows get the desa filled in. Views therefore never filter
by desa themselves, and cannot forget to. Code without a scope (the kabupaten
portal) sees every desa; it restricts by role in ``desaonline.admin.akses``.
Raw ``text()`` SQL is not covered: don't use it on tenant tables.
"""
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import ForeignKey, event
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column, with_loader_criteria

_current = ContextVar("desaonline_desa_id", default=None)


class TenantViolation(RuntimeError):
    """A row of one desa was about to be written while another desa is current."""


class DesaScoped:
    """Mixin for every table owned by one desa."""

    @declared_attr
    def desa_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("desa.id", ondelete="CASCADE"), index=True, nullable=False)


def current_desa_id():
    return _current.get()


@contextmanager
def desa_scope(desa_id):
    token = _current.set(desa_id)
    try:
        yield desa_id
    finally:
        _current.reset(token)


@contextmanager
def tanpa_scope():
    """Run without a desa (kabupaten-wide work: statistics, admin, sweeper)."""
    with desa_scope(None):
        yield


def enter(desa_id):
    """Set the scope for the rest of this context (a request); returns a reset token."""
    return _current.set(desa_id)


def leave(token):
    _current.reset(token)


@event.listens_for(Session, "do_orm_execute")
def _scope_queries(state):
    desa_id = _current.get()
    # Column loads refresh a row already loaded (and so already checked).
    if desa_id is None or state.is_column_load:
        return
    if state.execution_options.get("tanpa_scope"):
        return
    if state.is_select or state.is_update or state.is_delete:
        state.statement = state.statement.options(
            with_loader_criteria(DesaScoped, lambda cls: cls.desa_id == desa_id, include_aliases=True)
        )


@event.listens_for(Session, "before_flush")
def _stamp_new_rows(session, flush_context, instances):
    desa_id = _current.get()
    if desa_id is None:
        return
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, DesaScoped):
            continue
        if obj.desa_id is None:
            obj.desa_id = desa_id
        elif obj.desa_id != desa_id:
            raise TenantViolation(f"{type(obj).__name__} of desa {obj.desa_id} written in desa {desa_id}")
