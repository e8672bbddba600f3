"""A meeting's revision: raised by every change to it, written by compare-and-set.

A window or a laptop makes its change against the revision it showed; ``planning.for_edit``
refuses an older one. Two writers that read the same revision at the same moment (two
sessions on the server) are kept apart by the database itself: the mapper writes the row
"… WHERE revision = <the one read>" (``version_id_col``), and ``bump`` flushes at once, so
the second writer waits for the first's row lock and then finds its revision gone.
"""

from __future__ import annotations

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from stevnsmoeder.db.models import Meeting
from stevnsmoeder.i18n import _
from stevnsmoeder.services.errors import ConflictError


def bump(s: Session, meeting: Meeting) -> None:
    """Raise the meeting's revision now; ConflictError if another writer got there first."""
    meeting.revision += 1
    try:
        s.flush()
    except StaleDataError:
        raise ConflictError(
            _(
                "The meeting was changed elsewhere in the meantime. It has been reloaded; "
                "make your change again."
            )
        ) from None
