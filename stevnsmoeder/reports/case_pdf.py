"""The case history (sagsforløb) as PDF: one child's path across meetings and years.

First the child and the family, then the Trivselslinealen level over time as a small step
chart with the intervention ladder shaded behind it (readable in black and white; every move
up or down is also written out under the chart), the open agreements with overdue ones first
and the next follow-ups, then every item about the child in date order with the meeting, who
was present, notes, decision, agreements and level.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from stevnsmoeder.domain.dates import date_words, long_date, month_year, short_date
from stevnsmoeder.i18n import _, _n, danish
from stevnsmoeder.model.case_history import CaseHistory, LevelPoint, ScaleStep, TimelineEntry
from stevnsmoeder.model.documents import CaseDocument
from stevnsmoeder.model.enums import AgendaItemStatus
from stevnsmoeder.reports.base import (
    FONT,
    Paragraph,
    Styles,
    render_pdf,
    styles,
    write_atomically,
)
from stevnsmoeder.reports.meeting_pdf import para, record_flowables, table

# Grey shades for the ladder steps: light to dark as the worry grows.
STEP_SHADES = {
    "none": colors.white,
    "prevention": colors.HexColor("#f0f0f0"),
    "early": colors.HexColor("#dddddd"),
    "intrusive": colors.HexColor("#c4c4c4"),
}
CHART_WIDTH = 170 * mm
CHART_HEIGHT = 56 * mm
LABEL_WIDTH = 36 * mm
AXIS_HEIGHT = 7 * mm


def _x_range(points: tuple[LevelPoint, ...], today: date) -> tuple[date, date]:
    first = points[0].day
    last = max(points[-1].day, min(today, date(points[-1].day.year + 1, 12, 31)))
    if (last - first).days < 60:
        last = date.fromordinal(first.toordinal() + 60)
    return first, last


def level_chart(
    points: tuple[LevelPoint, ...], scale: tuple[ScaleStep, ...], today: date
) -> Drawing:
    """Level (1 at the bottom, 5 at the top) against time, as steps; the ladder shaded."""
    d = Drawing(CHART_WIDTH, CHART_HEIGHT)
    left, right = LABEL_WIDTH, CHART_WIDTH - 2 * mm
    bottom, top = AXIS_HEIGHT, CHART_HEIGHT - 2 * mm
    levels = [s.level for s in scale] or [1, 2, 3, 4, 5]
    low, high = min(levels), max(levels)
    band = (top - bottom) / (high - low + 1)

    def y(level: int) -> float:
        return float(bottom + (level - low + 0.5) * band)

    for step in scale:
        y0 = bottom + (step.level - low) * band
        d.add(
            Rect(
                left,
                y0,
                right - left,
                band,
                fillColor=STEP_SHADES.get(step.step, colors.white),
                strokeColor=colors.HexColor("#bbbbbb"),
                strokeWidth=0.3,
            )
        )
        d.add(String(2, y0 + band / 2 - 3, f"{step.level} {step.label}", fontName=FONT, fontSize=7))
        d.add(
            String(
                right - 2,
                y0 + 2,
                step.step_label,
                fontName=FONT,
                fontSize=6,
                fillColor=colors.HexColor("#555555"),
                textAnchor="end",
            )
        )
    if not points:
        return d
    first, last = _x_range(points, today)
    span = max(1, (last - first).days)

    def x(day: date) -> float:
        return float(left + (day - first).days / span * (right - left))

    # The start, each new year, and (within one calendar year) the end.
    ticks = [(first, month_year(first))]
    ticks += [(date(year, 1, 1), str(year)) for year in range(first.year + 1, last.year + 1)]
    if len(ticks) == 1:
        ticks.append((last, month_year(last)))
    for day, label in ticks:
        d.add(Line(x(day), bottom, x(day), bottom - 1.5 * mm, strokeWidth=0.5))
        anchor = "end" if day == last else "start"
        d.add(String(x(day) + (-1 if anchor == "end" else 1), 1.5, label, fontName=FONT,
                     fontSize=7, textAnchor=anchor))  # fmt: skip
    path: list[float] = []
    for i, p in enumerate(points):
        if i:
            path += [x(p.day), y(points[i - 1].level)]
        path += [x(p.day), y(p.level)]
    path += [x(last), y(points[-1].level)]
    d.add(PolyLine(path, strokeColor=colors.black, strokeWidth=1.4))
    for p in points:
        moved = p.change != 0
        d.add(
            Circle(
                x(p.day),
                y(p.level),
                1.6 if moved else 1.1,
                fillColor=colors.black if moved else colors.white,
                strokeColor=colors.black,
                strokeWidth=0.6,
            )
        )
    return d


def _moves(points: tuple[LevelPoint, ...]) -> str:
    parts = []
    for p in points:
        if p.change > 0:
            parts.append(
                _(
                    "up to {level} ({label}) on {day}",
                    level=p.level,
                    label=p.label,
                    day=short_date(p.day),
                )
            )
        elif p.change < 0:
            parts.append(
                _(
                    "down to {level} ({label}) on {day}",
                    level=p.level,
                    label=p.label,
                    day=short_date(p.day),
                )
            )
    return "; ".join(parts)


def _levels(history: CaseHistory, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(_("Trivselslinealen over time"), st.heading)]
    points = history.levels
    if not points:
        return [*out, para(_("No level has been given yet."), st.body)]
    out.append(level_chart(points, history.scale, history.generated_at.date()))
    first, latest = points[0], points[-1]
    out.append(
        para(
            _(
                "First {first} ({first_day}), latest {latest} – {label}, {step} ({latest_day}).",
                first=first.level,
                first_day=short_date(first.day),
                latest=latest.level,
                label=latest.label,
                step=latest.step_label,
                latest_day=short_date(latest.day),
            ),
            st.body,
        )
    )
    moves = _moves(points)
    if moves:
        out.append(para(f"{_('Moved')}: {moves}.", st.small))
    return out


def _open(history: CaseHistory, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(_("Open agreements"), st.heading)]
    if not history.open_actions:
        out.append(para(_("No open agreements."), st.body))
    else:
        rows: list[list[object]] = [[_("Who"), _("What"), _("When"), _("Agreed")]]
        for a in history.open_actions:
            when = short_date(a.due_on) if a.due_on else ""
            if a.overdue:
                when += f" ({_('overdue')})"
            agreed = f"{short_date(a.agreed_on)} {a.meeting_type}"
            rows.append([para(text, st.small) for text in (a.who, a.what, when, agreed)])
        out.append(table(rows, (35 * mm, 75 * mm, 27 * mm, 33 * mm)))
    if history.follow_ups:
        nxt = history.follow_ups[0]
        out.append(Spacer(1, 2 * mm))
        out.append(
            para(
                f"{_('Next follow-up')}: {long_date(nxt.day)} ({nxt.meeting_type}: {nxt.title})",
                st.body,
            )
        )
    return out


def _entry(e: TimelineEntry, st: Styles) -> list[Flowable]:
    where = e.type_name + (f", {e.district}" if e.district else "")
    head = f"{long_date(e.day)} – {where}"
    out: list[Flowable] = [para(head, st.heading)]
    line = e.title + (f" · {_('Legal basis')}: {e.basis}" if e.basis else "")
    out.append(para(line, st.body))
    if not e.held:
        out.append(para(_("Planned; the meeting has not been held yet."), st.small))
        return out
    if e.present:
        out.append(para(f"{_('Present')}: {', '.join(e.present)}", st.small))
    if e.status is AgendaItemStatus.NOT_REACHED:
        out.append(para(_("Not reached; moved to the next meeting."), st.body))
    elif e.status is AgendaItemStatus.NEXT_TIME:
        out.append(para(_("Postponed to the next meeting."), st.body))
    return out + record_flowables(e.record, st)


def case_story(doc: CaseDocument) -> list[Flowable]:
    st = styles()
    h = doc.history
    story: list[Flowable] = [
        Paragraph(_("Case history"), st.title),
        para(_with_reference(doc.child, doc), st.heading),
    ]
    if doc.detail:
        story.append(para(doc.detail, st.body))
    if doc.holders:
        story.append(para(f"{_('Custody holders')}: {', '.join(doc.holders)}", st.body))
    for c in h.consents:
        info = c.info
        until = short_date(info.expires_on) if info.expires_on else _("no expiry")
        state = {
            "valid": _("valid"),
            "expiring": _("expires soon"),
            "expired": _("expired"),
            "withdrawn": _("withdrawn"),
            "future": _("not yet in force"),
        }[c.state]
        story.append(
            para(
                _(
                    "Consent from {holder}, {given}–{until}: {state}.",
                    holder=info.holder,
                    given=short_date(info.given_on),
                    until=until,
                    state=state,
                ),
                st.small,
            )
        )
    if doc.anonymised:
        story.append(
            para(_("Anonymised: the child and family by initials or relation; no CPR."), st.small)
        )
    if h.closed_on:
        story.append(para(_("Case closed on {day}.", day=long_date(h.closed_on)), st.body))
    story.append(
        para(
            _(
                "{items} at {meetings}, {first}–{last}.",
                items=_n("{n} item", "{n} items", len(h.entries)),
                meetings=_n("{n} meeting", "{n} meetings", len({e.meeting_id for e in h.entries})),
                first=short_date(h.entries[0].day) if h.entries else "–",
                last=short_date(h.entries[-1].day) if h.entries else "–",
            ),
            st.small,
        )
    )
    story += _levels(h, st)
    story += _open(h, st)
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(_("The items in date order"), st.heading))
    if not h.entries:
        story.append(para(_("The child has not been on any agenda you may see."), st.body))
    for e in h.entries:
        parts = _entry(e, st)
        story.append(KeepTogether(parts[:3]))
        story += parts[3:]
    return story


def _title(doc: CaseDocument) -> str:
    return _("Case history")


def _with_reference(text: str, doc: CaseDocument) -> str:
    """The text and the case number ("… – S-2025-0043"); just the text for a child shown as
    "anonym drøftelse", whose case number is not the reader's to know."""
    return f"{text} – {doc.reference}" if doc.reference else text


def render_case_document(doc: CaseDocument) -> tuple[bytes, int]:
    """The case history as PDF bytes, and its number of pages. The header and metadata carry
    the case number only, never the child's name."""
    printed = long_date(doc.generated_at.date())
    header = f"{_with_reference(_title(doc), doc)} – {_('printed')} {printed}"
    return render_pdf(
        header,
        lambda: case_story(doc),
        title=_with_reference(_title(doc), doc),
    )


def archival_title(doc: CaseDocument) -> str:
    """'Sagsforløb – S-2025-0043 – 25. november 2026' (the day it was made), in Danish for the
    case system: the case number, never the child's name."""
    parts = [danish("Case history"), doc.reference, date_words(doc.generated_at.date(), "da")]
    return " – ".join(p for p in parts if p)


def file_name(doc: CaseDocument) -> str:
    """'S-2025-0043 Sagsforløb.pdf' (no name: file names end up in mail and ESDH lists)."""
    suffix = f" ({_('anonymised')})" if doc.anonymised else ""
    return f"{doc.reference} {_title(doc)}{suffix}.pdf".lstrip()


def write_case_document(doc: CaseDocument, path: Path) -> int:
    data, pages = render_case_document(doc)
    write_atomically(path, data)
    return pages
