"""Rows as JSON, the same on both engines: what a pull ships and a replica stores.

Only the record's tables travel (``REPLICATED``, parents before children). A column that
must never leave the server (a password hash) is blanked here, once, for every pull.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
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
        "app_setting",  # the laptop's own settings; the server's stay there
    }
)
REPLICATED: tuple[Table, ...] = tuple(
    t for t in Base.metadata.sorted_tables if t.name not in _NOT_REPLICATED
)
BY_NAME: dict[str, Table] = {t.name: t for t in REPLICATED}

# Never shipped: blanked in every row that leaves the server.
SECRET_COLUMNS: dict[str, dict[str, Any]] = {"app_user": {"password_hash": ""}}


def encode(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row as JSON values (ids and dates as ISO text, enums as their values)."""
    out: dict[str, Any] = {}
    secret = SECRET_COLUMNS.get(table.name, {})
    for column in table.columns:
        value = secret[column.name] if column.name in secret else row[column.name]
        out[column.name] = _to_json(value)
    return out


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
    unknown = set(data) - set(table.columns.keys())
    if unknown:
        raise ValueError(f"{table.name}: unknown columns {sorted(unknown)}")
    return {name: _from_json(table.columns[name], value) for name, value in data.items()}


def _from_json(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    python = _python_type(column)
    if python is uuid.UUID:
        return uuid.UUID(value)
    if python is datetime:
        return datetime.fromisoformat(value)
    if python is date:
        return date.fromisoformat(value)
    if python is time:
        return time.fromisoformat(value)
    return value


def _python_type(column: Column[Any]) -> type | None:
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    try:
        return kind.python_type
    except NotImplementedError:
        return None
