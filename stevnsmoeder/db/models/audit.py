"""The access log: append-only and hash-chained, so a removed or altered event shows."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from stevnsmoeder.db.base import Entity, UTCDateTime


class AuditEvent(Entity):
    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    login: Mapped[str] = mapped_column(String(80))  # kept even if the user is later removed
    action: Mapped[str] = mapped_column(String(60))  # e.g. "case.view", "meeting.list"
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[uuid.UUID | None] = mapped_column()
    # The person (child) the event concerned, for "who looked at this child".
    case_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    # Non-personal detail: a filter, a search term, a count. Never note text.
    detail: Mapped[str] = mapped_column(String(500), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
