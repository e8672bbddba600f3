"""People who take part in meetings, and the users who log in."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from stevnsmoeder.db.base import Entity, UTCDateTime, name200, str_enum, text
from stevnsmoeder.model.enums import Role


class Person(Entity):
    __tablename__ = "person"

    name: Mapped[name200]
    profession: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[text]
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Entity):
    __tablename__ = "app_user"

    login: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[Role] = mapped_column(str_enum(Role, "user_role"))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    # Argon2id PHC string; the database key itself is wrapped in the key file beside the db.
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    person: Mapped[Person | None] = relationship()
