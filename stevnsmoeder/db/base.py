"""Declarative base, naming convention and the column kinds every table shares."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar

from sqlalchemy import BigInteger, DateTime, Enum, MetaData, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from stevnsmoeder.db.row_ids import new_row_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime, stored naive-UTC so SQLite and PostgreSQL agree."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def str_enum(cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: VARCHAR plus a named CHECK constraint, storing the values."""
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


uuid_pk = Annotated[uuid.UUID, mapped_column(primary_key=True, default=new_row_id)]
name200 = Annotated[str, mapped_column(String(200))]
text = Annotated[str, mapped_column(Text, default="")]
opt_text = Annotated[str | None, mapped_column(Text)]
opt_date = Annotated[date | None, mapped_column()]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Entity(Base):
    """Every row: a UUID key (records move between laptop and server without clashing) and
    created/updated timestamps."""

    __abstract__ = True

    id: Mapped[uuid_pk]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    # The version the record's database gave the row's last change: on the server a trigger
    # stamps it from one sequence (and updated_at from the server's clock); a replica keeps
    # the server's. A pull asks for the rows above the last version it has.
    row_version: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0", index=True)
