"""The policy follow-up as a PDF for the municipal council's committee.

First page: the key figures for the year and the year before, what changed in words, and the
children by step of the ladder as a chart. Then the seven sections with their tables (the
year in full, the year before beside it as its totals) and charts, and last the method. The
charts are grey shades and outlines with their values written on them, so they read the same
printed in black and white; a hidden value is written as "<5" or "x" where its bar would be.
Every page says in its footer what "<5" and "x" mean; the rule itself is the first page's
footnote and closes the method.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from stevnsmoeder.domain.dates import long_date
from stevnsmoeder.i18n import _
from stevnsmoeder.model.policy import Chart, Figure, PolicyReport, TablePair, TableView
from stevnsmoeder.reports.base import (
    FONT,
    FONT_BOLD,
    Paragraph,
    Styles,
    render_pdf,
    styles,
    write_atomically,
)

WIDTH = 170 * mm
GRID = colors.HexColor("#999999")
HEAD_BG = colors.HexColor("#e8e8e8")
TOTAL_BG = colors.HexColor("#f4f4f4")
# Series and parts: outlines and grey shades, told apart without colour.
SHADES = (
    colors.white,
    colors.HexColor("#cfcfcf"),
    colors.HexColor("#8c8c8c"),
    colors.HexColor("#404040"),
    colors.HexColor("#e6e6e6"),
)
DARK = {3}  # shades on which text is written in white
NONE = "–"


def report_title(report: PolicyReport) -> str:
    return _("Follow-up on the child and youth policy {year}", year=report.year)


def where(report: PolicyReport) -> str:
    return report.district or _("The whole municipality")


def footer(report: PolicyReport) -> str:
    return " ".join((_("No personal data."), report.legend, _("The method is at the end.")))


def _p(text: str, style: object) -> Paragraph:
    return Paragraph(escape(text), style)


def _cell(view: TableView, i: int, j: int) -> str:
    text = view.cells[i][j]
    if view.percents is not None:
        share = view.percents[i][j]
        if share is not None and text:
            return f"{text} ({round(share)} %)"
    return text


def _previous_column(pair: TablePair) -> tuple[str, list[str]]:
    """The year before, beside the year: its row totals (or its only column)."""
    prev = pair.previous
    label = _("{year} total", year=prev.year) if prev.total_column else str(prev.year)
    if prev.too_few:
        return label, [NONE] * len(prev.rows)
    column = len(prev.columns) - 1 if prev.total_column else 0
    texts = [row[column] or NONE for row in prev.cells]
    return label, texts


def _notes(pair: TablePair) -> list[str]:
    notes = []
    for view in (pair.current, pair.previous):
        if view.too_few:
            notes.append(_("Too few discussions in {year} to show any figure.", year=view.year))
        elif view.withheld:
            notes.append(
                _(
                    "{year}: only the totals can be shown without revealing a small count.",
                    year=view.year,
                )
            )
    if pair.current.merged:
        notes.append(_("Categories are merged: most counts would otherwise be hidden."))
    if pair.current.percents is not None:
        notes.append(
            _("Shares in brackets are of the column total.")
            if pair.current.percent_of == "column"
            else _("Shares in brackets are of the row total.")
        )
    if pair.note:
        notes.append(pair.note)
    return notes


PAD = 7  # points of padding in a cell, both sides


def _column_widths(
    header: Sequence[str], body: Sequence[Sequence[str]]
) -> tuple[float, list[float]]:
    """A font size and column widths with which no heading word and no cell is broken: each
    number column as wide as its longest word or cell, the labels take what is left (up to
    60 mm), any rest is shared out. Smaller type for a wide table."""
    for size in (8.5, 8, 7.5, 7, 6.5):
        need = [
            max(
                max(stringWidth(w, FONT_BOLD, size) for w in (header[j].split() or [""])),
                max(stringWidth(row[j], FONT_BOLD, size) for row in body),
            )
            + PAD
            for j in range(1, len(header))
        ]
        label_least = max(stringWidth(w, FONT, size) for h in (header[0], *(r[0] for r in body))
                          for w in (h.split() or [""])) + PAD  # fmt: skip
        rest = WIDTH - sum(need)
        if rest >= max(label_least, 30 * mm) or size == 6.5:
            label = min(max(rest, label_least), 60 * mm)
            spare = max(0.0, (WIDTH - label - sum(need)) / len(need))
            return size, [label] + [w + spare for w in need]
    raise AssertionError("unreachable")


def pair_table(pair: TablePair, st: Styles) -> list[Flowable]:
    view = pair.current
    prev_label, prev_cells = _previous_column(pair)
    header = [pair.corner, *view.columns, prev_label]
    body = [
        [view.rows[i], *(_cell(view, i, j) for j in range(len(view.columns))), prev_cells[i]]
        for i in range(len(view.rows))
    ]
    size, widths = _column_widths(header, body)
    head_style = st.small.clone("head", fontName=FONT_BOLD, fontSize=size, leading=size + 2)
    cell_style = st.small.clone("cell", fontSize=size, leading=size + 2, textColor=colors.black)
    rows: list[list[object]] = [[_p(h, head_style) for h in header]]
    rows += [[_p(row[0], cell_style), *row[1:]] for row in body]
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, size),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBEFORE", (-1, 0), (-1, -1), 1.2, colors.black),
    ]
    if view.total_row:
        style += [
            ("FONT", (1, -1), (-1, -1), FONT_BOLD, size),
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG),
        ]
    if view.total_column:
        style += [("FONT", (-2, 1), (-2, -1), FONT_BOLD, size)]
    table.setStyle(TableStyle(style))
    caption = _p(
        _("{title} ({year}; counted: {unit})", title=pair.title, year=view.year, unit=pair.unit),
        st.body.clone("caption", fontName=FONT_BOLD, fontSize=9.5, leading=12),
    )
    notes = [_p(note, st.small) for note in _notes(pair)]
    return [KeepTogether([caption, table, *notes]), Spacer(1, 4 * mm)]


def figures_table(figures: Sequence[Figure], years: tuple[int, int], st: Styles) -> Table:
    rows: list[list[object]] = [["", str(years[0]), str(years[1])]]
    rows += [[_p(f.label, st.body), f.current, f.previous] for f in figures]
    table = Table(rows, colWidths=[110 * mm, 30 * mm, 30 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 10),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, GRID),
            ]
        )
    )
    return table


# -- charts --------------------------------------------------------------------------------------


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:3]


def _value_text(value: float, unit: str) -> str:
    return f"{round(value)} %" if unit == "%" else str(round(value))


LEGEND_LINE = 4.5 * mm


def _legend_lines(labels: Sequence[str], x: float) -> list[list[tuple[int, str, float]]]:
    """The legend's entries (index, label, x) line by line, wrapped at the drawing's width."""
    left = x
    lines: list[list[tuple[int, str, float]]] = [[]]
    for n, label in enumerate(labels):
        width = 4.5 * mm + stringWidth(label, FONT, 7) + 4 * mm
        if x + width > WIDTH and x > left:
            x = left
            lines.append([])
        lines[-1].append((n, label, x))
        x += width
    return lines


def _legend(d: Drawing, x: float, y: float, labels: Sequence[str]) -> None:
    """Swatches with their labels from (x, y) down, on as many lines as the width needs."""
    for line in _legend_lines(labels, x):
        for n, label, at in line:
            d.add(
                Rect(at, y, 3.2 * mm, 3.2 * mm, fillColor=SHADES[_shade(n, len(labels))],
                     strokeColor=colors.black, strokeWidth=0.5)
            )  # fmt: skip
            d.add(String(at + 4.5 * mm, y + 0.6 * mm, label, fontName=FONT, fontSize=7))
        y -= LEGEND_LINE


def _shade(n: int, count: int) -> int:
    """Light to dark; two series are white (the year before) and dark (the year)."""
    if count == 2:
        return (0, 3)[n]
    return n % len(SHADES)


def grouped_chart(chart: Chart) -> Drawing:
    height = 62 * mm
    d = Drawing(WIDTH, height, initialFontName=FONT)
    d.add(String(0, height - 4 * mm, chart.title, fontName=FONT_BOLD, fontSize=9))
    left, bottom, top = 8 * mm, 14 * mm, height - 16 * mm
    values = [b.value for bars in chart.bars for b in bars if b.value is not None]
    high = max(values, default=1.0) or 1.0
    slot = (WIDTH - left) / max(1, len(chart.categories))
    bar = min(12 * mm, slot / (len(chart.series) + 1))
    d.add(Line(left, bottom, WIDTH, bottom, strokeWidth=0.6))
    for c, category in enumerate(chart.categories):
        x0 = left + c * slot + (slot - bar * len(chart.series)) / 2
        for s, bars in enumerate(chart.bars):
            b = bars[c]
            x = x0 + s * bar
            shade = SHADES[_shade(s, len(chart.series))]
            if b.value is None:
                d.add(
                    String(
                        x + bar / 2,
                        bottom + 1.5 * mm,
                        b.text or NONE,
                        fontName=FONT,
                        fontSize=7,
                        textAnchor="middle",
                    )
                )
                continue
            h = (top - bottom) * b.value / high
            d.add(
                Rect(x, bottom, bar, h, fillColor=shade, strokeColor=colors.black, strokeWidth=0.6)
            )
            d.add(
                String(
                    x + bar / 2,
                    bottom + h + 1.2 * mm,
                    _value_text(b.value, chart.unit),
                    fontName=FONT,
                    fontSize=7,
                    textAnchor="middle",
                )
            )
        for n, line in enumerate(_wrap(category, max(8, int(slot / (1.45 * mm))))):
            d.add(
                String(
                    left + c * slot + slot / 2,
                    bottom - (3.5 + 3 * n) * mm,
                    line,
                    fontName=FONT,
                    fontSize=6.5,
                    textAnchor="middle",
                )
            )
    _legend(d, left, height - 10 * mm, chart.series)
    return d


def stacked_chart(chart: Chart) -> Drawing:
    row_height = 7 * mm
    label_width = 42 * mm
    legend = len(_legend_lines(chart.series, 0)) * LEGEND_LINE
    height = len(chart.categories) * row_height + legend + 12 * mm
    d = Drawing(WIDTH, height, initialFontName=FONT)
    d.add(String(0, height - 4 * mm, chart.title, fontName=FONT_BOLD, fontSize=9))
    _legend(d, 0, height - 9.5 * mm, chart.series)
    span = WIDTH - label_width - 2 * mm
    y = height - 9 * mm - legend - row_height
    for c, category in enumerate(chart.categories):
        d.add(String(0, y + 2 * mm, category[:34], fontName=FONT, fontSize=7.5))
        x = label_width
        shown = 0.0
        for s, bars in enumerate(chart.bars):
            b = bars[c]
            if b.value is None:
                continue
            w = span * b.value / 100
            shade = _shade(s, len(chart.series))
            d.add(
                Rect(
                    x,
                    y,
                    w,
                    row_height - 1.5 * mm,
                    fillColor=SHADES[shade],
                    strokeColor=colors.black,
                    strokeWidth=0.4,
                )
            )
            if w > 9 * mm:
                d.add(
                    String(
                        x + w / 2,
                        y + 1.8 * mm,
                        f"{round(b.value)} %",
                        fontName=FONT,
                        fontSize=6.5,
                        textAnchor="middle",
                        fillColor=colors.white if shade in DARK else colors.black,
                    )
                )
            x += w
            shown += b.value
        rest = max(0.0, 100 - shown)
        if rest > 0.5:
            w = span * rest / 100
            d.add(
                Rect(
                    x,
                    y,
                    w,
                    row_height - 1.5 * mm,
                    fillColor=colors.white,
                    strokeColor=colors.black,
                    strokeWidth=0.4,
                    strokeDashArray=[1, 1],
                )
            )
            for k in range(int(w / (1.6 * mm))):  # hatched: hidden parts
                hx = x + k * 1.6 * mm
                d.add(
                    Line(
                        hx,
                        y,
                        min(hx + 3 * mm, x + w),
                        y + row_height - 1.5 * mm,
                        strokeWidth=0.3,
                        strokeColor=colors.HexColor("#666666"),
                    )
                )
            if w > 9 * mm:
                d.add(
                    String(
                        x + w / 2,
                        y + 1.8 * mm,
                        _("hidden"),
                        fontName=FONT,
                        fontSize=6.5,
                        textAnchor="middle",
                    )
                )
        y -= row_height
    return d


def chart_flowable(chart: Chart) -> Flowable:
    return grouped_chart(chart) if chart.kind == "grouped" else stacked_chart(chart)


# -- the document ------------------------------------------------------------------------------

CHART_AFTER = {"children_by_step": 2, "discussions_by_step": 3, "time_to_agreement": 5}


def policy_story(report: PolicyReport) -> list[Flowable]:
    st = styles()
    years = (report.year, report.previous_year)
    story: list[Flowable] = [
        _p(report_title(report), st.title),
        _p(
            _(
                "{where}. Annual follow-up on the coherent child and youth policy, from the "
                "cross-disciplinary meetings' own record. Made on {day}.",
                where=where(report),
                day=long_date(report.as_of),
            ),
            st.body,
        ),
        Spacer(1, 3 * mm),
        _p(_("Key figures") + "¹", st.heading),
        figures_table(report.headline, years, st),
        _p(_("Compared with last year"), st.heading),
    ]
    story += [_p("• " + sentence, st.body) for sentence in report.trends]
    charts = {c.key: c for c in report.charts}
    first = charts.get("children_by_step")
    if first is not None:
        story += [Spacer(1, 3 * mm), chart_flowable(first)]
    story += [
        Spacer(1, 2 * mm),
        _p("¹ " + report.rule, st.small),
    ]
    for section in report.sections:
        story.append(CondPageBreak(60 * mm))
        story.append(_p(f"{section.number}. {section.title}", st.heading))
        story.append(_p(section.intro, st.body))
        for pair in section.tables:
            story += pair_table(pair, st)
        if section.figures:
            story += [figures_table(section.figures, years, st), Spacer(1, 3 * mm)]
        for key, number in CHART_AFTER.items():
            if number == section.number and key in charts and key != "children_by_step":
                story += [KeepTogether([chart_flowable(charts[key])]), Spacer(1, 3 * mm)]
    story += [CondPageBreak(50 * mm), _p(_("Method"), st.heading)]
    story += [_p(paragraph, st.body) for paragraph in report.method]
    story.append(_p(report.rule, st.body))
    return story


def render_policy_pdf(report: PolicyReport) -> tuple[bytes, int]:
    header = f"{report_title(report)} · {where(report)} · Stevns Kommune"
    return render_pdf(
        header,
        lambda: policy_story(report),
        title=f"{report_title(report)} – {where(report)}",
        footer=footer(report),
    )


def write_policy_pdf(report: PolicyReport, path: Path) -> int:
    data, pages = render_policy_pdf(report)
    write_atomically(path, data)
    return pages
