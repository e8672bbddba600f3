"""How the minutes view shows approved minutes: who approved them and when, by name, and the
addenda about the item shown (corrections after approval, each about one item)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from stevnsmoeder.domain.dates import LOCAL_TZ, clock, long_date
from stevnsmoeder.model.minutes import AddendumNote
from stevnsmoeder.services.minutes import MinutesState


def approved_line(state: MinutesState) -> str:
    """ "Afholdt. Referatet blev godkendt mandag den 23. november 2026 kl. 15.00 af Karen Holm og
    er låst." """
    if state.approved_at is None:
        return QCoreApplication.translate(
            "approved_minutes", "Held. The minutes are approved and locked."
        )
    at = state.approved_at.astimezone(LOCAL_TZ)
    return (
        QCoreApplication.translate(
            "approved_minutes", "Held. The minutes were approved %1 by %2 and are locked."
        )
        .replace("%1", f"{long_date(at.date())} {clock(at)}")
        .replace("%2", state.approved_by or "–")
    )


def addenda_label() -> QLabel:
    """The box for the shown item's addenda (hidden while there are none)."""
    label = QLabel()
    label.setObjectName("item-addenda")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("QLabel { background: #fff8e1; border: 1px solid #e0c36a; padding: 6px; }")
    label.hide()
    return label


def show_addenda(label: QLabel, notes: Sequence[AddendumNote]) -> None:
    """The item's addenda, oldest first: "Tillæg tirsdag den 24. november 2026 kl. 15.00
    (Jens Bo): …" """
    parts = []
    for note in notes:
        at = note.at.astimezone(LOCAL_TZ)
        head = (
            QCoreApplication.translate("approved_minutes", "Addendum %1 (%2)")
            .replace("%1", f"{long_date(at.date())} {clock(at)}")
            .replace("%2", note.by or "–")
        )
        text = escape(note.text).replace("\n", "<br>")
        parts.append(f"<b>{escape(head)}:</b><br>{text}")
    label.setText("<br><br>".join(parts))
    label.setVisible(bool(parts))
