"""The annual policy follow-up as published: tables, key figures, charts and sentences that
hold nothing about any one child (services.statistics builds it, after the suppression rule
of domain.suppression; the PDF, the workbook, the command line and the window show it).

Every number here has already been through the rule: a hidden count is text ("<5", "x") with
no number behind it, so nothing that renders this can show more than the rule allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class TableView:
    """One year's table as printed. ``cells`` holds the text of every cell (totals last, ""
    where a total is not printed); ``numbers`` the count where it is shown, else None;
    ``percents`` the share (of the column total, or of the row total, as ``percent_of`` says)
    where the rule allows one."""

    year: int
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    numbers: tuple[tuple[int | None, ...], ...]
    percents: tuple[tuple[float | None, ...], ...] | None = None
    percent_of: str = ""  # "column", "row" or ""
    total_row: bool = False  # the last row is the column totals
    total_column: bool = False  # the last column is the row totals
    merged: bool = False
    withheld: bool = False  # only totals shown: the table could not be shown safely
    too_few: bool = False  # the year had too few discussions to show anything

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "rows": list(self.rows),
            "columns": list(self.columns),
            "cells": [list(row) for row in self.cells],
            "percents": [list(row) for row in self.percents] if self.percents else None,
            "percent_of": self.percent_of or None,
            "merged": self.merged,
            "withheld": self.withheld,
            "too_few": self.too_few,
        }


@dataclass(frozen=True)
class TablePair:
    """A table for the year and the same table for the year before, laid out alike."""

    key: str
    title: str
    unit: str  # what is counted: "discussions", "children", "agreements" (translated)
    corner: str  # the heading over the row labels
    current: TableView
    previous: TableView
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "unit": self.unit,
            "corner": self.corner,
            "note": self.note or None,
            "current": self.current.to_json(),
            "previous": self.previous.to_json(),
        }


@dataclass(frozen=True)
class Figure:
    """A key figure for both years, as text ("46 %", "12 dage", "–" when not shown)."""

    label: str
    current: str
    previous: str

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "current": self.current, "previous": self.previous}


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    intro: str
    tables: tuple[TablePair, ...] = ()
    figures: tuple[Figure, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "intro": self.intro,
            "tables": [t.to_json() for t in self.tables],
            "figures": [f.to_json() for f in self.figures],
        }


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its value, or None when the rule hides it (then ``text`` says how,
    "<5" or "x")."""

    value: float | None
    text: str


@dataclass(frozen=True)
class Chart:
    """Bars by category, one series per year ("grouped"), or each category's shares stacked
    to 100 % ("stacked": one series per part, in ``series`` order, with the hidden remainder
    left over)."""

    key: str
    title: str
    kind: str  # "grouped" or "stacked"
    categories: tuple[str, ...]
    series: tuple[str, ...]
    bars: tuple[tuple[Bar, ...], ...]  # per series, a bar per category
    unit: str = ""  # "%" or "" (counts)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "kind": self.kind,
            "unit": self.unit,
            "categories": list(self.categories),
            "series": [
                {"label": label, "bars": [{"value": b.value, "text": b.text} for b in bars]}
                for label, bars in zip(self.series, self.bars, strict=True)
            ],
        }


@dataclass(frozen=True)
class PolicyReport:
    """The follow-up for one year (and the year before), for the whole municipality or one
    district."""

    year: int
    previous_year: int
    district: str | None  # the district's name, None for the whole municipality
    as_of: date  # open agreements are counted as of this day
    headline: tuple[Figure, ...]
    sections: tuple[Section, ...]
    trends: tuple[str, ...]  # section 8: what changed since last year, in words
    charts: tuple[Chart, ...]
    method: tuple[str, ...]  # how each figure is made, paragraph by paragraph
    rule: str  # the suppression rule, as the footnote states it
    legend: str = ""  # what "<5" and "x" mean, in one line

    @property
    def tables(self) -> tuple[TablePair, ...]:
        return tuple(t for s in self.sections for t in s.tables)

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "previous_year": self.previous_year,
            "district": self.district,
            "as_of": self.as_of.isoformat(),
            "headline": [f.to_json() for f in self.headline],
            "sections": [s.to_json() for s in self.sections],
            "trends": list(self.trends),
            "charts": [c.to_json() for c in self.charts],
            "method": list(self.method),
            "rule": self.rule,
            "legend": self.legend,
        }
