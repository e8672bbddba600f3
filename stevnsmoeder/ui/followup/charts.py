"""The follow-up's charts, drawn with QPainter (QtCharts is not part of the program).

Grey shades and outlines with the values written on the bars, as in the PDF, so a chart reads
the same on a grey-scale projector or printed; a value the rule hides is written in place of
its bar ("<5", "x"), and the hidden rest of a stacked bar is hatched. ``layout`` works out
every bar and label of a chart for a given size (what is drawn, and what the tests look at);
``ChartWidget`` paints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from stevnsmoeder.model.policy import Chart

SHADES = ("#ffffff", "#cfcfcf", "#8c8c8c", "#404040", "#e6e6e6")
DARK = {"#404040"}
NONE = "–"


def shade(series: int, count: int) -> str:
    """Light to dark; two series (the years) are white and dark."""
    return ("#ffffff", "#404040")[series] if count == 2 else SHADES[series % len(SHADES)]


@dataclass(frozen=True)
class Mark:
    """One thing drawn: a bar ("bar", with its shade), a hatched hidden rest ("hidden"), or a
    text ("text") in ``rect`` (centred there)."""

    kind: str
    rect: QRectF
    text: str = ""
    fill: str = ""


def _value(value: float, unit: str) -> str:
    return f"{round(value)} %" if unit == "%" else str(round(value))


def _hidden_word() -> str:
    return QCoreApplication.translate("FollowUpChart", "hidden")


def layout(chart: Chart, width: float, height: float, metrics: QFontMetricsF) -> list[Mark]:
    marks: list[Mark] = []
    line = metrics.height()
    marks.append(Mark("title", QRectF(0, 0, width, line * 1.4), chart.title))
    legend_y = line * 1.5
    x = 0.0
    for n, label in enumerate(chart.series):
        swatch = QRectF(x, legend_y + 2, line * 0.8, line * 0.8)
        marks.append(Mark("bar", swatch, fill=shade(n, len(chart.series))))
        w = metrics.horizontalAdvance(label) + line
        marks.append(Mark("legend", QRectF(x + line, legend_y, w, line), label))
        x += line + w + line
    top = legend_y + line * 1.6
    if chart.kind == "grouped":
        marks += _grouped(chart, width, top, height, metrics)
    else:
        marks += _stacked(chart, width, top, height, metrics)
    return marks


def _grouped(
    chart: Chart, width: float, top: float, height: float, metrics: QFontMetricsF
) -> list[Mark]:
    line = metrics.height()
    marks: list[Mark] = []
    bottom = height - line * 2.4
    plot_top = top + line * 1.2
    values = [b.value for bars in chart.bars for b in bars if b.value is not None]
    high = max(values, default=1.0) or 1.0
    slot = width / max(1, len(chart.categories))
    bar = min(line * 2.2, slot / (len(chart.series) + 1))
    marks.append(Mark("axis", QRectF(0, bottom, width, 0)))
    for c, category in enumerate(chart.categories):
        x0 = c * slot + (slot - bar * len(chart.series)) / 2
        for s, bars in enumerate(chart.bars):
            b = bars[c]
            x = x0 + s * bar
            if b.value is None:
                marks.append(Mark("text", QRectF(x - bar, bottom - line * 1.2, bar * 3, line),
                                  b.text or NONE))  # fmt: skip
                continue
            h = (bottom - plot_top) * b.value / high
            marks.append(
                Mark("bar", QRectF(x, bottom - h, bar, h), fill=shade(s, len(chart.series)))
            )
            marks.append(Mark("text", QRectF(x - bar, bottom - h - line * 1.1, bar * 3, line),
                              _value(b.value, chart.unit)))  # fmt: skip
        marks.append(
            Mark("label", QRectF(c * slot, bottom + line * 0.2, slot, line * 2.2), category)
        )
    return marks


def _stacked(
    chart: Chart, width: float, top: float, height: float, metrics: QFontMetricsF
) -> list[Mark]:
    line = metrics.height()
    marks: list[Mark] = []
    label_width = min(width * 0.3, max(metrics.horizontalAdvance(c) for c in chart.categories)
                      + line)  # fmt: skip
    span = width - label_width - line * 0.5
    row = (height - top) / max(1, len(chart.categories))
    for c, category in enumerate(chart.categories):
        y = top + c * row
        marks.append(Mark("label", QRectF(0, y, label_width, row), category))
        x, shown = label_width, 0.0
        for s, bars in enumerate(chart.bars):
            b = bars[c]
            if b.value is None:
                continue
            w = span * b.value / 100
            fill = shade(s, len(chart.series))
            marks.append(Mark("bar", QRectF(x, y + row * 0.15, w, row * 0.7), fill=fill))
            if metrics.horizontalAdvance(_value(b.value, "%")) + 4 < w:
                marks.append(Mark("text", QRectF(x, y, w, row), _value(b.value, "%"), fill))
            x += w
            shown += b.value
        rest = 100 - shown
        if rest > 0.5:
            w = span * rest / 100
            marks.append(Mark("hidden", QRectF(x, y + row * 0.15, w, row * 0.7)))
            if metrics.horizontalAdvance(_hidden_word()) + 4 < w:
                marks.append(Mark("text", QRectF(x, y, w, row), _hidden_word()))
    return marks


def _alignment(mark: str, chart: str) -> Qt.AlignmentFlag:
    """Titles, legends and a stacked chart's row labels start at the left; a bar's value and
    a category under grouped bars are centred."""
    if mark in ("title", "legend") or (mark == "label" and chart == "stacked"):
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    if mark == "text" and chart == "stacked":
        return Qt.AlignmentFlag.AlignCenter
    return Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


class ChartWidget(QWidget):
    """One chart of the follow-up."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        rows = len(chart.categories) if chart.kind == "stacked" else 8
        line = QFontMetricsF(self.font()).height()
        self.setFixedHeight(int(line * (5 + rows * (2 if chart.kind == "stacked" else 1.4))))
        self.setAccessibleName(chart.title)

    def sizeHint(self) -> QSize:
        return QSize(560, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.height())

    def marks(self) -> list[Mark]:
        return layout(self.chart, self.width() - 8, self.height() - 4, QFontMetricsF(self.font()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(4, 2)
        painter.fillRect(QRectF(-4, -2, self.width(), self.height()), QColor("#ffffff"))
        black = QPen(QColor("#000000"))
        black.setWidthF(0.8)
        for mark in self.marks():
            if mark.kind == "bar":
                painter.setPen(black)
                painter.setBrush(QBrush(QColor(mark.fill)))
                painter.drawRect(mark.rect)
            elif mark.kind == "hidden":
                painter.setPen(QPen(QColor("#000000"), 0.8, Qt.PenStyle.DotLine))
                painter.setBrush(QBrush(QColor("#666666"), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(mark.rect)
            elif mark.kind == "axis":
                painter.setPen(black)
                painter.drawLine(mark.rect.topLeft(), QPointF(mark.rect.right(), mark.rect.top()))
            else:
                font = QFont(self.font())
                font.setBold(mark.kind == "title")
                painter.setFont(font)
                white = mark.fill in DARK
                painter.setPen(QColor("#ffffff" if white else "#000000"))
                align = _alignment(mark.kind, self.chart.kind)
                painter.drawText(mark.rect, int(align | Qt.TextFlag.TextWordWrap), mark.text)
        painter.end()
