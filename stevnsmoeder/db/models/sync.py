"""What the sync reads besides the rows: the tombstones of deleted rows (on the server)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from stevnsmoeder.db.base import Base, UTCDateTime


class Tombstone(Base):
    """A row deleted on the server: which table, which id, when, at which version. Written
    by the database's own trigger; no personal data (the row itself is gone)."""

    __tablename__ = "tombstone"

    row_version: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column()
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime())
