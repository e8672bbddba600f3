"""The case page's tables and text: the timeline of the child's items across meetings, the open
agreements (overdue first), and an entry of the timeline written out."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.dates import LOCAL_TZ, long_date, short_date
from stevnsmoeder.model.case_history import (
    OpenAction,
    TimelineEntry,
)
from stevnsmoeder.model.enums import AgendaItemStatus
from stevnsmoeder.ui.common.models import Column
from stevnsmoeder.ui.filing.filing_dialog import short_status, status_text

OVERDUE = QColor("#b00020")


def _para(text: str, tag: str = "") -> str:
    body = escape(text).replace(chr(10), "<br>")
    return f"<p><{tag}>{body}</{tag}></p>" if tag else f"<p>{body}</p>"


def timeline_columns() -> list[Column[TimelineEntry]]:
    def level(e: TimelineEntry) -> str:
        return str(e.record.level) if e.record.level else ""

    def minutes_state(e: TimelineEntry) -> str:
        if e.minutes_approved:
            approved = QCoreApplication.translate("case_view", "approved")
            filed = short_status(e.filing) if e.filing else ""  # the extract in ESDH
            return f"{approved} · {filed}" if filed else approved
        return QCoreApplication.translate("case_view", "not approved") if e.held else ""

    def decision(e: TimelineEntry) -> str:
        if not e.held:
            return QCoreApplication.translate("case_view", "Planned")
        text = next((t for f in minutes_fields.decisions() if (t := getattr(e.record, f.name))), "")
        return " ".join(text.split())

    return [
        Column(
            QCoreApplication.translate("case_view", "Date"),
            lambda e: short_date(e.day),
            lambda e: e.starts_at,
        ),
        Column(
            QCoreApplication.translate("case_view", "Meeting"),
            lambda e: e.type_name + (f", {e.district}" if e.district else ""),
        ),
        Column(QCoreApplication.translate("case_view", "Item"), lambda e: e.title),
        Column(
            QCoreApplication.translate("case_view", "Level"),
            level,
            lambda e: e.record.level or 0,
            align_right=True,
            tooltip=lambda e: (
                f"{e.record.level_label} ({e.record.step_label})" if e.record.level else ""
            ),
        ),
        Column(QCoreApplication.translate("case_view", "Minutes"), minutes_state),
        Column(QCoreApplication.translate("case_view", "Decision"), decision),
    ]


def action_columns() -> list[Column[OpenAction]]:
    def due(a: OpenAction) -> str:
        if a.due_on is None:
            return ""
        late = " (" + QCoreApplication.translate("case_view", "overdue") + ")" if a.overdue else ""
        return short_date(a.due_on) + late

    return [
        Column(
            QCoreApplication.translate("case_view", "Due"),
            due,
            lambda a: (a.due_on is None, a.due_on or date.max),
            foreground=lambda a: OVERDUE if a.overdue else None,
            bold=lambda a: a.overdue,
        ),
        Column(QCoreApplication.translate("case_view", "Who"), lambda a: a.who),
        Column(QCoreApplication.translate("case_view", "What"), lambda a: a.what),
        Column(
            QCoreApplication.translate("case_view", "Agreed"),
            lambda a: f"{short_date(a.agreed_on)} {a.meeting_type}",
            lambda a: a.agreed_on,
        ),
    ]


def entry_html(e: TimelineEntry) -> str:
    """The selected item as it reads in the minutes."""
    r = e.record
    where = escape(e.type_name + (f", {e.district}" if e.district else ""))
    out = [f"<h3>{escape(long_date(e.day))} – {where}</h3>", f"<p><b>{escape(e.title)}</b>"]
    if e.basis:
        out.append(
            " · "
            + escape(QCoreApplication.translate("case_view", "Legal basis"))
            + ": "
            + escape(e.basis)
        )
    out.append("</p>")
    if not e.held:
        out.append(
            _para(
                QCoreApplication.translate(
                    "case_view", "Planned; the meeting has not been held yet."
                ),
                "i",
            )
        )
        return "".join(out)
    if e.present:
        out.append(
            _para(
                QCoreApplication.translate("case_view", "Present") + ": " + ", ".join(e.present),
                "small",
            )
        )
    if e.status is AgendaItemStatus.NOT_REACHED:
        out.append(
            _para(
                QCoreApplication.translate("case_view", "Not reached; moved to the next meeting."),
                "i",
            )
        )
    for label, text in (  # every free-text field, in the registry's print order
        (str(f.title), getattr(r, f.name)) for f in minutes_fields.printed()
    ):
        if text:
            lead = f"<b>{escape(label)}:</b> " if label else ""
            out.append(f"<p>{lead}{escape(text).replace(chr(10), '<br>')}</p>")
    if r.actions:
        done = QCoreApplication.translate("case_view", "done")
        rows = "".join(
            f"<tr><td>{escape(a.owner)}</td><td>{escape(a.text)}</td>"
            f"<td>{short_date(a.due_on) if a.due_on else ''}</td>"
            f"<td>{escape(done if a.status.value == 'done' else '')}</td></tr>"
            for a in r.actions
        )
        head = "".join(
            f"<th align='left'>{escape(h)}</th>"
            for h in (
                QCoreApplication.translate("case_view", "Who"),
                QCoreApplication.translate("case_view", "What"),
                QCoreApplication.translate("case_view", "When"),
                "",
            )
        )
        out.append(
            f"<table cellspacing='0' cellpadding='3' border='1'><tr>{head}</tr>{rows}</table>"
        )
    if r.level:
        out.append(
            _para(
                QCoreApplication.translate("case_view", "Trivselslinealen")
                + f": {r.level} – {r.level_label} ({r.step_label})"
            )
        )
    if r.follow_up_on:
        out.append(
            _para(
                QCoreApplication.translate("case_view", "Next follow-up")
                + ": "
                + long_date(r.follow_up_on)
            )
        )
    for note in r.addenda:  # corrections after approval, as far as the reader sees the item
        day = short_date(note.at.astimezone(LOCAL_TZ).date())
        label = QCoreApplication.translate("case_view", "Addendum")
        out.append(_para(f"{label} {day} ({note.by}): {note.text}"))
    if e.filing is not None:  # the child's extract in ESDH
        label = QCoreApplication.translate("case_view", "Extract in ESDH")
        out.append(_para(f"{label}: {status_text(e.filing)}", "small"))
    return "".join(out)
