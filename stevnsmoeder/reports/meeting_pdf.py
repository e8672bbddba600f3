"""Dagsorden, referat and the per-child extract as PDF, in the form Stevns Kommune files.

Header with the meeting, its date written out ("tirsdag den 5. januar 2027, kl. 13.00–15.30,
uge 1") and place; participants by role, with afbud and those absent; numbered items. The
minutes add per item the resumé, decision, actions (hvem / hvad / hvornår), the
Trivselslinealen level and follow-up; a draft carries an UDKAST watermark, approved minutes
say who approved them and when, their addenda and the checksum of the approved content.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.dates import (
    LOCAL_TZ,
    clock,
    date_words,
    long_date,
    long_datetime,
    short_date,
    week_label,
)
from stevnsmoeder.i18n import _, danish
from stevnsmoeder.model.documents import AGENDA, EXTRACT, RUNSHEET, DocItem, MeetingDocument
from stevnsmoeder.model.enums import AgendaItemStatus, Attendance
from stevnsmoeder.model.minutes import AddendumNote, ItemMinutesView
from stevnsmoeder.reports.base import (
    FONT,
    FONT_BOLD,
    Paragraph,
    Styles,
    render_pdf,
    styles,
    write_atomically,
)

GRID = colors.HexColor("#999999")
HEAD_BG = colors.HexColor("#e8e8e8")


def para(text: str, style: object) -> Paragraph:
    """A paragraph of user text: escaped, line breaks kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def table(rows: list[list[object]], widths: Sequence[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        style += [("FONT", (0, 0), (-1, 0), FONT_BOLD, 9), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)]
    table.setStyle(TableStyle(style))
    return table


def _title(doc: MeetingDocument) -> str:
    if doc.kind == AGENDA:
        return _("Agenda")
    if doc.kind == RUNSHEET:
        return _("Run sheet for the chair")
    if doc.kind == EXTRACT:
        return _("Extract of the minutes")
    return _("Minutes")


def _when(doc: MeetingDocument) -> str:
    day = doc.starts_at.date()
    return f"{long_datetime(doc.starts_at)}–{clock(doc.ends_at)[-5:]} ({week_label(day)})"


def _people(doc: MeetingDocument, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    coming = [p for p in doc.people if p.attendance in (Attendance.PRESENT, Attendance.INVITED)]
    afbud = [p for p in doc.people if p.attendance is Attendance.AFBUD]
    absent = [p for p in doc.people if p.attendance is Attendance.ABSENT]
    label = _("Participants") if doc.kind == AGENDA else _("Present")
    if coming:
        rows: list[list[object]] = [[_("Name"), _("Role"), _("Organisation")]]
        rows += [
            [para(p.name, st.small), para(p.role, st.small), para(p.organisation, st.small)]
            for p in coming
        ]
        out += [
            Paragraph(label, st.heading),
            table(rows, (60 * mm, 50 * mm, 60 * mm)),
            Spacer(1, 2 * mm),
        ]
    if afbud:
        names = ", ".join(p.name for p in afbud)
        out.append(para(f"{_('Sent apologies (afbud)')}: {names}", st.body))
    if absent:
        names = ", ".join(p.name for p in absent)
        out.append(para(f"{_('Did not attend')}: {names}", st.body))
    return out


def _agenda_item(item: DocItem, st: Styles) -> list[Flowable]:
    line = f"{item.number}. {item.title}"
    meta = f"{clock(item.planned_at)} · {item.time_box_minutes} min."
    out: list[Flowable] = [para(line, st.heading), para(meta, st.small)]
    if item.child:
        out.append(para(f"{_('Child')}: {item.child} · {_('Legal basis')}: {item.basis}", st.body))
    return out


def _runsheet_item(item: DocItem, st: Styles) -> list[Flowable]:
    out = _agenda_item(item, st)
    if item.internal_note:
        out.append(para(item.internal_note, st.body))
    if item.open_agreements:
        rows: list[list[object]] = [[_("Who"), _("Open agreement"), _("When")]]
        for a in item.open_agreements:
            when = short_date(a.when) if a.when else ""
            rows.append([para(a.who, st.small), para(a.what, st.small), para(when, st.small)])
        out += [table(rows, (40 * mm, 105 * mm, 25 * mm)), Spacer(1, 2 * mm)]
    return out


def _minutes_item(item: DocItem, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [para(f"{item.number}. {item.title}", st.heading)]
    if item.child:
        detail = f" ({item.child_detail})" if item.child_detail else ""
        out.append(
            para(f"{_('Child')}: {item.child}{detail} · {_('Legal basis')}: {item.basis}", st.small)
        )
    if item.present:
        out.append(para(f"{_('Present for this item')}: {', '.join(item.present)}", st.small))
    if item.status is AgendaItemStatus.NOT_REACHED:
        out.append(para(_("Not reached; moved to the next meeting."), st.body))
    elif item.status is AgendaItemStatus.NEXT_TIME:
        out.append(para(_("Postponed to the next meeting."), st.body))
    return out + record_flowables(item.record, st)


def record_flowables(r: ItemMinutesView, st: Styles) -> list[Flowable]:
    """What was written about an item: rounds, notes, decision, actions, level, follow-up."""
    out: list[Flowable] = []
    for f in minutes_fields.printed():  # every free-text field, in the registry's print order
        text: str = getattr(r, f.name)
        if not text:
            continue
        if f.cites_legal_reference and r.legal_reference:
            text += f" ({r.legal_reference})"
        if not f.title:
            out.append(para(text, st.body))
        elif f.emphasised:
            body = escape(text).replace("\n", "<br/>")
            out.append(Paragraph(f"<b>{escape(str(f.title))}:</b> {body}", st.body))
        else:
            out.append(para(f"{f.title}: {text}", st.body))
    if r.actions:
        rows: list[list[object]] = [[_("Who"), _("What"), _("When")]]
        for a in r.actions:
            when = short_date(a.due_on) if a.due_on else ""
            what = a.text + (f" ({_('done')})" if a.status.value == "done" else "")
            rows.append([para(a.owner, st.small), para(what, st.small), para(when, st.small)])
        out += [table(rows, (40 * mm, 105 * mm, 25 * mm)), Spacer(1, 2 * mm)]
    if r.level:
        out.append(
            para(f"{_('Trivselslinealen')}: {r.level} – {r.level_label} ({r.step_label})", st.body)
        )
    if r.follow_up_on:
        out.append(para(f"{_('Next follow-up')}: {long_date(r.follow_up_on)}", st.body))
    out += [_addendum(note, st) for note in r.addenda]
    return out


def meeting_story(doc: MeetingDocument) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        Paragraph(escape(_title(doc)), st.title),
        para(doc.title, st.heading),
        para(_when(doc), st.body),
    ]
    if doc.place:
        story.append(para(f"{_('Place')}: {doc.place}", st.body))
    if doc.anonymised:
        story.append(
            para(_("Anonymised: children are shown by initials or pseudonym; no CPR."), st.small)
        )
    story += _people(doc, st)
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(escape(_("Items")), st.heading))
    for item in doc.items:
        if doc.kind == AGENDA:
            parts = _agenda_item(item, st)
        elif doc.kind == RUNSHEET:
            parts = _runsheet_item(item, st)
        else:
            parts = _minutes_item(item, st)
        # A heading never ends a page alone: it stays with the start of its item.
        story.append(KeepTogether(parts[:2]))
        story += parts[2:]
    if doc.kind == RUNSHEET:
        story.append(para(_("For the chair's own use: not for filing or handing out."), st.small))
    if doc.next_meeting is not None and doc.kind != EXTRACT:
        story.append(Spacer(1, 3 * mm))
        story.append(para(f"{_('Next meeting')}: {long_datetime(doc.next_meeting)}", st.body))
    if doc.approval is not None:
        a = doc.approval
        local = a.at.astimezone(LOCAL_TZ)
        story += [
            Spacer(1, 4 * mm),
            para(
                _(
                    "Approved on {day} at {time} by {who}.",
                    day=short_date(local.date()),
                    time=local.strftime("%H.%M"),
                    who=a.by,
                ),
                st.body,
            ),
            para(f"{_('Checksum of the approved minutes (SHA-256)')}: {a.checksum}", st.small),
        ]
        story += [_addendum(note, st) for note in a.addenda]
    return story


def _addendum(note: AddendumNote, st: Styles) -> Flowable:
    day = note.at.astimezone(LOCAL_TZ).date()
    return para(f"{_('Addendum')} {short_date(day)} ({note.by}): {note.text}", st.body)


def render_meeting_document(doc: MeetingDocument) -> tuple[bytes, int]:
    """The document as PDF bytes, and its number of pages."""
    header = f"{_title(doc)} – {doc.title} – {long_date(doc.starts_at.date())}"
    return render_pdf(
        header,
        lambda: meeting_story(doc),
        # "Referat – Distriktsmøde Hother/Hårlev – 5. januar 2027": never a child's name.
        title=f"{_title(doc)} – {doc.title} – {date_words(doc.starts_at.date())}",
        watermark=_("DRAFT") if doc.draft else None,
    )


def archival_title(doc: MeetingDocument) -> str:
    """'Referat – Distriktsmøde Hother/Hårlev – 24. november 2026': the kind of document, the
    meeting type, its forum and the date, in Danish (for the case system). Never the meeting's
    own title, which is free text and could name a child."""
    forum = f"{doc.type_name} {doc.district}" if doc.district else doc.type_name
    return f"{document_type(doc)} – {forum} – {date_words(doc.starts_at.date(), 'da')}"


def document_type(doc: MeetingDocument) -> str:
    """The kind of document in Danish, as the case system records it."""
    if doc.kind == AGENDA:
        return danish("Agenda")
    if doc.kind == RUNSHEET:
        return danish("Run sheet for the chair")
    if doc.kind == EXTRACT:
        return danish("Extract of the minutes")
    return danish("Minutes")


def file_name(doc: MeetingDocument) -> str:
    """'2026-11-24 Referat Distriktsmøde Hother-Hårlev.pdf': date and short title, as filed
    in ESDH."""
    title = doc.title.replace("/", "-")
    return f"{doc.starts_at:%Y-%m-%d} {_title(doc)} {title}.pdf"


def write_meeting_document(doc: MeetingDocument, path: Path) -> int:
    """Write the document atomically; returns its number of pages."""
    data, pages = render_meeting_document(doc)
    write_atomically(path, data)
    return pages
