"""New rows' ids, the same on a replica and on the server.

A replica runs an operation first; the server runs the same operation later and must create
the same rows (the user already sees them, and later operations name them). So while an
operation is recorded, every new row's id is noted per table, in order; while it is
replayed, the new rows of each table take the noted ids in the same order (and fresh ones
once those run out: rows the replica did not make, which the next pull brings).
"""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class IdPlan:
    noted: dict[str, list[uuid.UUID]] = field(default_factory=dict)  # recorded here
    given: dict[str, list[uuid.UUID]] = field(default_factory=dict)  # to replay, consumed


# Rows that never travel: their ids are the database's own business.
LOCAL_TABLES = frozenset({"audit_event"})

_plan: ContextVar[IdPlan | None] = ContextVar("stevnsmoeder_id_plan", default=None)


def new_row_id(context: Any) -> uuid.UUID:
    """The column default of every table's id (see the module docstring)."""
    plan = _plan.get()
    if plan is None:
        return uuid.uuid4()
    column = getattr(context, "current_column", None)
    table = column.table.name if column is not None else ""
    if table in LOCAL_TABLES or not table:
        return uuid.uuid4()
    waiting = plan.given.get(table)
    found = waiting.pop(0) if waiting else uuid.uuid4()
    plan.noted.setdefault(table, []).append(found)
    return found


def use(plan: IdPlan | None) -> Any:
    """Make ``plan`` the current one (returns the token to reset it with)."""
    return _plan.set(plan)


def reset(token: Any) -> None:
    _plan.reset(token)
