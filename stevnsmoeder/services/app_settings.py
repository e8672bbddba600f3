"""The municipality's own settings kept in the database (not per laptop), by key: e.g. how
long closed cases are kept, or where the access log is exported to."""

from __future__ import annotations

from typing import overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import AppSetting


@overload
def get(s: Session, key: str) -> str | None: ...
@overload
def get(s: Session, key: str, default: str) -> str: ...
def get(s: Session, key: str, default: str | None = None) -> str | None:
    value = s.scalar(select(AppSetting.value).where(AppSetting.key == key))
    return default if value is None else value


def put(s: Session, key: str, value: str) -> None:
    row = s.scalar(select(AppSetting).where(AppSetting.key == key))
    if row is None:
        s.add(AppSetting(key=key, value=value))
    else:
        row.value = value
