"""Rows as JSON, the same on both engines: what a pull ships and a replica stores.

Only the record's tables travel (``REPLICATED``, parents before children). A column that
must never leave the server (a password hash) is blanked here, once, for every pull.
"""

from __future__ import annotations

import enum
import functools
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Column, Enum, Table, TypeDecorator

from stevnsmoeder.db.models import Base

# The record's tables, in the order a replica writes them (a row's parents first). The
# access log is the server's own (a replica keeps its reads locally and pushes them), and
# the sync's bookkeeping tables never travel.
_NOT_REPLICATED = frozenset(
    {
        "audit_event",
        "tombstone",
        "device",
        "device_session",
        "applied_operation",
        "meeting_lease",
        "shipment",
        "outbox",
        "sync_conflict",
        "taken_case",
        "app_setting",  # the laptop's own settings; the server's stay there
        "action_draft",  # an action typed but not added: the chair's laptop's own
    }
)
REPLICATED: tuple[Table, ...] = tuple(
    t for t in Base.metadata.sorted_tables if t.name not in _NOT_REPLICATED
)
BY_NAME: dict[str, Table] = {t.name: t for t in REPLICATED}

# Never shipped: blanked in every row that leaves the server.
SECRET_COLUMNS: dict[str, dict[str, Any]] = {
    "app_user": {"password_hash": "", "last_login_at": None}
}


Convert = Callable[[Any], Any]


def encode(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row as JSON values (ids and dates as ISO text, enums as their values)."""
    out: dict[str, Any] = {}
    for name, convert, blank in _encoders(table):
        value = blank if blank is not _KEEP else row[name]
        out[name] = value if value is None or convert is None else convert(value)
    return out


_KEEP = object()  # a column shipped as it is (not blanked)


@functools.cache
def _encoders(table: Table) -> tuple[tuple[str, Convert | None, Any], ...]:
    """Per column: its name, how its value becomes JSON (None: as it is), and the value it
    is blanked to (``_KEEP``: none). Worked out once per table: a first pull ships
    thousands of rows."""
    secret = SECRET_COLUMNS.get(table.name, {})
    return tuple(
        (c.name, _encoder(c), secret.get(c.name) if c.name in secret else _KEEP)
        for c in table.columns
    )


def _encoder(column: Column[Any]) -> Convert | None:
    kind = column.type
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return _to_json
    python = _python_type(column)
    if python is uuid.UUID:
        return str
    if python in (datetime, date, time):
        return _isoformat
    if python in (bool, int, float, str):
        return None
    return _to_json


def _isoformat(value: datetime | date | time) -> str:
    return value.isoformat()


def _to_json(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"cannot ship a {type(value).__name__}")


def decode(table: Table, data: Mapping[str, Any]) -> dict[str, Any]:
    """A shipped row back as column values; unknown columns are refused (a newer server)."""
    decoders = _decoders(table)
    try:
        return {
            name: value if value is None or (convert := decoders[name]) is None
            else convert(value)
            for name, value in data.items()
        }  # fmt: skip
    except KeyError:
        unknown = set(data) - set(decoders)
        raise ValueError(f"{table.name}: unknown columns {sorted(unknown)}") from None


@functools.cache
def _decoders(table: Table) -> dict[str, Convert | None]:
    return {c.name: _decoder(c) for c in table.columns}


def _decoder(column: Column[Any]) -> Convert | None:
    kind = column.type
    if isinstance(kind, Enum) and kind.enum_class is not None:
        members = {m.value: m for m in kind.enum_class}
        enum_class = kind.enum_class

        def member(value: Any) -> Any:
            found = members.get(value)
            return found if found is not None else enum_class(value)  # ValueError if none

        return member
    python = _python_type(column)
    if python is uuid.UUID:
        return uuid.UUID
    if python is datetime:
        return datetime.fromisoformat
    if python is date:
        return date.fromisoformat
    if python is time:
        return time.fromisoformat
    return None


def _python_type(column: Column[Any]) -> type | None:
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    try:
        return kind.python_type
    except NotImplementedError:
        return None
