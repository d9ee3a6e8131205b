"""Automatic per-desa scoping of every ORM statement and every new row.

A request on a desa host (or a worker task) runs inside ``desa_scope(desa_id)``.
While it does, SQLAlchemy adds ``desa_id = :current`` to every SELECT, UPDATE and
DELETE issued through the ORM on a ``DesaScoped`` model (joins and relationship
loads included), fills in the desa of every ORM INSERT and every new object, and
refuses a row of another desa. Views and workers therefore never filter by desa
themselves, and cannot forget to. Code that needs a desa asks ``desa_wajib()``,
which fails closed outside a scope. Code without a scope (the kabupaten portal,
the sweeper) sees every desa and restricts by role in ``desaonline.admin.akses``;
``tanpa_scope`` marks such kabupaten-wide work. Raw ``text()`` SQL and Core
statements on tables are not covered: don't use them on tenant tables.

One criteria option serves every desa: the desa is a bound parameter
(``desa_lingkup``) that the listener supplies, so SQLAlchemy compiles each
statement once for all desa. A statement built once per process and run for every
letter (the workers') is made with ``berlingkup(stmt)``: it carries the criteria
already, its cache key is computed once, and the listener only adds the desa;
outside a desa's scope it refuses to run (``TanpaDesa``).
"""
from contextlib import contextmanager
from contextvars import ContextVar
from sqlalchemy import ForeignKey, bindparam, event
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column, with_loader_criteria

_current = ContextVar("desaonline_desa_id", default=None)


class TenantViolation(RuntimeError):
    """A row of one desa was about to be written while another desa is current."""


class TanpaDesa(RuntimeError):
    """Work that belongs to one desa ran without a desa's scope (and was refused)."""


class DesaScoped:
    """Mixin for every table owned by one desa."""

    @declared_attr
    def desa_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("desa.id", ondelete="CASCADE"), index=True, nullable=False)


def current_desa_id():
    return _current.get()


def desa_wajib():
    """The current desa's id; raises ``TanpaDesa`` outside a desa's scope (fail closed)."""
    desa_id = _current.get()
    if desa_id is None:
        raise TanpaDesa("this work belongs to one desa: run it inside desa_scope(desa_id)")
    return desa_id


@contextmanager
def desa_scope(desa_id):
    token = _current.set(desa_id)
    try:
        yield desa_id
    finally:
        _current.reset(token)


@contextmanager
def tanpa_scope():
    """Run without a desa (kabupaten-wide work: host map, statistics, admin, sweeper)."""
    with desa_scope(None):
        yield


def enter(desa_id):
    """Set the scope for the rest of this context (a request); returns a reset token."""
    return _current.set(desa_id)


def leave(token):
    _current.reset(token)


PARAMETER = "desa_lingkup"
# The name is spelled inside the lambda: SQLAlchemy's lambda analysis would track a variable.
_KRITERIA = with_loader_criteria(DesaScoped, lambda cls: cls.desa_id == bindparam("desa_lingkup"),
                                 include_aliases=True)


def berlingkup(stmt):
    """``stmt`` with the desa's criteria built in, for statements made once and run often."""
    return stmt.options(_KRITERIA).execution_options(berlingkup=True)


def _dengan_desa(params, desa_id):
    if isinstance(params, list):
        return [{**row, PARAMETER: desa_id} for row in params]
    return {**(params or {}), PARAMETER: desa_id}


def _stamp(params, desa_id, entity):
    """The parameters of an ORM INSERT with the desa filled in (or a violation)."""
    rows = params if isinstance(params, list) else [params]
    for row in rows:
        ada = row.get("desa_id")
        if ada is not None and ada != desa_id:
            raise TenantViolation(f"{entity.__name__} of desa {ada} inserted in desa {desa_id}")
    if isinstance(params, list):
        return [row if "desa_id" in row else {**row, "desa_id": desa_id} for row in params]
    return params if "desa_id" in params else {**params, "desa_id": desa_id}


@event.listens_for(Session, "do_orm_execute")
def _scope_queries(state):
    desa_id = _current.get()
    # Column loads refresh a row already loaded (and so already checked); an eager load
    # they repeat (the KK loaded with a resident) still names the desa.
    if state.is_column_load or state.execution_options.get("tanpa_scope"):
        if state.is_column_load and desa_id is not None:
            state.parameters = _dengan_desa(state.parameters, desa_id)
        return
    if desa_id is None:
        if state.execution_options.get("berlingkup"):
            raise TanpaDesa("a statement of one desa ran without a desa's scope")
        return
    if state.is_select or state.is_update or state.is_delete:
        if not state.execution_options.get("berlingkup"):
            state.statement = state.statement.options(_KRITERIA)
        state.parameters = _dengan_desa(state.parameters, desa_id)
    elif state.is_insert:
        entity = state.statement.entity_description.get("entity") if state.is_orm_statement else None
        if entity is not None and issubclass(entity, DesaScoped) and state.parameters:
            state.parameters = _stamp(state.parameters, desa_id, entity)


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
