"""The annual policy follow-up as published: tables, key figures, charts and sentences that
hold nothing about any one child (services.statistics builds it, after the suppression rule
of domain.suppression; the PDF, the workbook, the command line and the window show it).

Every number here has already been through the rule: a hidden count is text ("<5", "x") with
no number behind it, so nothing that renders this can show more than the rule allowed.

``to_json`` gives all of it and ``from_json`` reads it back to the same object: a laptop's
replica gets the follow-up from the server (which counts the whole record) this way, and
renders it as if it had counted it itself.
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
            "numbers": [list(row) for row in self.numbers],
            "percent_of": self.percent_of or None,
            "total_row": self.total_row,
            "total_column": self.total_column,
            "merged": self.merged,
            "withheld": self.withheld,
            "too_few": self.too_few,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TableView:
        percents = data["percents"]
        return cls(
            year=int(data["year"]),
            rows=_texts(data["rows"]),
            columns=_texts(data["columns"]),
            cells=tuple(_texts(row) for row in data["cells"]),
            numbers=tuple(tuple(_count(n) for n in row) for row in data["numbers"]),
            percents=(
                tuple(tuple(_share(p) for p in row) for row in percents)
                if percents is not None
                else None
            ),
            percent_of=str(data["percent_of"] or ""),
            total_row=bool(data["total_row"]),
            total_column=bool(data["total_column"]),
            merged=bool(data["merged"]),
            withheld=bool(data["withheld"]),
            too_few=bool(data["too_few"]),
        )


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TablePair:
        return cls(
            key=str(data["key"]),
            title=str(data["title"]),
            unit=str(data["unit"]),
            corner=str(data["corner"]),
            current=TableView.from_json(data["current"]),
            previous=TableView.from_json(data["previous"]),
            note=str(data["note"] or ""),
        )


@dataclass(frozen=True)
class Figure:
    """A key figure for both years, as text ("46 %", "12 dage", "–" when not shown)."""

    label: str
    current: str
    previous: str

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "current": self.current, "previous": self.previous}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figure:
        return cls(str(data["label"]), str(data["current"]), str(data["previous"]))


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Section:
        return cls(
            number=int(data["number"]),
            title=str(data["title"]),
            intro=str(data["intro"]),
            tables=tuple(TablePair.from_json(t) for t in data["tables"]),
            figures=tuple(Figure.from_json(f) for f in data["figures"]),
        )


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Chart:
        series = data["series"]
        return cls(
            key=str(data["key"]),
            title=str(data["title"]),
            kind=str(data["kind"]),
            categories=_texts(data["categories"]),
            series=tuple(str(s["label"]) for s in series),
            bars=tuple(
                tuple(Bar(_share(b["value"]), str(b["text"])) for b in s["bars"]) for s in series
            ),
            unit=str(data["unit"]),
        )


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PolicyReport:
        """The report ``to_json`` gave (from the server). Raises ValueError for anything
        else."""
        try:
            district = data["district"]
            return cls(
                year=int(data["year"]),
                previous_year=int(data["previous_year"]),
                district=str(district) if district is not None else None,
                as_of=date.fromisoformat(data["as_of"]),
                headline=tuple(Figure.from_json(f) for f in data["headline"]),
                sections=tuple(Section.from_json(s) for s in data["sections"]),
                trends=_texts(data["trends"]),
                charts=tuple(Chart.from_json(c) for c in data["charts"]),
                method=_texts(data["method"]),
                rule=str(data["rule"]),
                legend=str(data["legend"]),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a policy report: {type(exc).__name__}") from None


def _texts(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError("a list of texts")
    return tuple(str(v) for v in values)


def _count(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("a count")
    return value


def _share(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("a share")
    return float(value)
