"""The policy follow-up as an .xlsx workbook (XlsxWriter): an overview sheet with the key
figures, the year's changes in words, the method and the suppression rule, then one sheet per
table with the year and the year before. A count the rule hides is the text "<5" or "x",
never a number; shares are whole-number percentages where the rule allows them.
"""

from __future__ import annotations

import io
from pathlib import Path

import xlsxwriter

from stevnsmoeder.domain.dates import date_words
from stevnsmoeder.i18n import _
from stevnsmoeder.model.policy import PolicyReport, TablePair, TableView
from stevnsmoeder.reports.base import write_atomically

MAX_SHEET_NAME = 31
_NOT_IN_NAMES = str.maketrans({c: " " for c in "[]:*?/\\"})


def sheet_names() -> dict[str, str]:
    return {
        "quarters": _("1 Discussions"),
        "named": _("1 Named or anonymous"),
        "districts": _("1 Districts"),
        "levels": _("2 Level and age"),
        "steps": _("3 Steps"),
        "movement": _("4 Movement"),
        "timely": _("5 Timely action"),
        "outcomes": _("6 Outcomes"),
        "repeated": _("6 Discussed again"),
        "agreements": _("7 Agreements"),
    }


def title(report: PolicyReport) -> str:
    where = report.district or _("the whole municipality")
    return _("Policy follow-up {year}: {where}", year=report.year, where=where)


class _Book:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.bold = book.add_format({"bold": True})
        self.head = book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
        self.count = book.add_format({"align": "right"})
        self.total = book.add_format({"align": "right", "bold": True, "top": 1})
        self.label_total = book.add_format({"bold": True, "top": 1})
        self.percent = book.add_format({"align": "right", "num_format": '0" %"'})
        self.small = book.add_format({"italic": True, "font_color": "#444444", "text_wrap": True})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})


def _table(
    b: _Book, sheet: xlsxwriter.worksheet.Worksheet, row: int, view: TableView, corner: str
) -> int:
    """Write one year's table from ``row``; returns the next free row."""
    sheet.write(row, 0, str(view.year), b.bold)
    row += 1
    if view.too_few:
        sheet.write(row, 0, _("Too few discussions this year to show any figure."), b.small)
        return row + 2
    if view.withheld:
        sheet.write(row, 0, _("Only the totals can be shown without revealing a small count."),
                    b.small)  # fmt: skip
        row += 1
    sheet.write(row, 0, corner, b.head)
    for j, label in enumerate(view.columns):
        sheet.write(row, 1 + j, label, b.head)
    row += 1
    last = len(view.rows) - 1
    for i, label in enumerate(view.rows):
        is_total = view.total_row and i == last
        sheet.write(row, 0, label, b.label_total if is_total else None)
        for j, text in enumerate(view.cells[i]):
            number = view.numbers[i][j]
            fmt = b.total if is_total else b.count
            if number is not None:
                sheet.write_number(row, 1 + j, number, fmt)
            elif text:
                sheet.write_string(row, 1 + j, text, fmt)
        row += 1
    if view.percents:
        row += 1
        which = (
            _("Share of the column (%)")
            if view.percent_of == "column"
            else _("Share of the row (%)")
        )
        sheet.write(row, 0, which, b.head)
        for j, label in enumerate(view.columns):
            sheet.write(row, 1 + j, label, b.head)
        row += 1
        for i, label in enumerate(view.rows):
            sheet.write(row, 0, label)
            for j, value in enumerate(view.percents[i]):
                if value is not None:
                    sheet.write_number(row, 1 + j, round(value), b.percent)
            row += 1
    return row + 1


def _pair_sheet(b: _Book, name: str, pair: TablePair, report: PolicyReport) -> None:
    sheet = b.book.add_worksheet(name)
    sheet.set_column(0, 0, 38)
    sheet.set_column(1, 1 + len(pair.current.columns), 14)
    sheet.write(0, 0, pair.title, b.title)
    sheet.write(1, 0, _("Counted: {unit}. {where}.", unit=pair.unit, where=title(report)), b.small)
    row = 3
    row = _table(b, sheet, row, pair.current, pair.corner)
    row = _table(b, sheet, row, pair.previous, pair.corner)
    sheet.merge_range(row, 0, row + 4, 6, report.rule, b.small)


def render_policy_xlsx(report: PolicyReport) -> tuple[bytes, int]:
    """The workbook in memory, and its number of sheets."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties(
        {"title": title(report), "author": "Stevns Kommune", "company": "Stevns Kommune"}
    )
    b = _Book(book)
    overview = book.add_worksheet(_("Overview")[:MAX_SHEET_NAME])
    overview.set_column(0, 0, 60)
    overview.set_column(1, 2, 16)
    overview.write(0, 0, title(report), b.title)
    overview.write(1, 0, _("Agreements as of {day}.", day=date_words(report.as_of)), b.small)
    row = 3
    overview.write(row, 0, _("Key figures"), b.head)
    overview.write(row, 1, str(report.year), b.head)
    overview.write(row, 2, str(report.previous_year), b.head)
    row += 1
    figures = list(report.headline) + [f for s in report.sections for f in s.figures]
    for figure in figures:
        overview.write(row, 0, figure.label)
        overview.write_string(row, 1, figure.current, b.count)
        overview.write_string(row, 2, figure.previous, b.count)
        row += 1
    row += 1
    overview.write(row, 0, _("Compared with last year"), b.head)
    row += 1
    for sentence in report.trends:
        overview.write(row, 0, sentence, b.wrap)
        row += 1
    row += 1
    overview.write(row, 0, _("Method"), b.head)
    row += 1
    for paragraph in (*report.method, report.rule):
        overview.merge_range(row, 0, row, 2, paragraph, b.wrap)
        overview.set_row(row, 15 * (1 + len(paragraph) // 90))
        row += 1
    names = sheet_names()
    for pair in report.tables:
        name = names.get(pair.key, pair.key).translate(_NOT_IN_NAMES)[:MAX_SHEET_NAME]
        _pair_sheet(b, name, pair, report)
    sheets = len(book.worksheets())
    book.close()
    return buffer.getvalue(), sheets


def write_policy_xlsx(report: PolicyReport, path: Path) -> int:
    data, sheets = render_policy_xlsx(report)
    write_atomically(path, data)
    return sheets
