"""Trivselslinealen over time: the child's levels as a small chart with the intervention
ladder shaded, and its moves in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QWidget,
)

from stevnsmoeder.domain.dates import month_year, short_date
from stevnsmoeder.model.case_history import (
    LevelPoint,
    ScaleStep,
)

STEP_SHADES = {
    "none": QColor("#ffffff"),
    "prevention": QColor("#eef3ee"),
    "early": QColor("#fdf1d6"),
    "intrusive": QColor("#f8dcdc"),
}


class LevelChart(QWidget):
    """Level (1 at the bottom) against time as steps, the ladder steps shaded behind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[LevelPoint, ...] = ()
        self.scale: tuple[ScaleStep, ...] = ()
        self.today = date.today()
        self.setMinimumHeight(170)
        self.setObjectName("level-chart")

    def set_data(
        self, points: tuple[LevelPoint, ...], scale: tuple[ScaleStep, ...], today: date
    ) -> None:
        self.points, self.scale, self.today = points, scale, today
        self.setToolTip(
            "\n".join(
                f"{short_date(p.day)}: {p.level} {p.label} ({p.meeting_type})" for p in points
            )
        )
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_w = max((metrics.horizontalAdvance(f"{s.level} {s.label}") for s in self.scale),
                      default=80) + 12  # fmt: skip
        left, right = float(label_w), float(self.width() - 8)
        top, bottom = 6.0, float(self.height() - metrics.height() - 8)
        levels = [s.level for s in self.scale] or [1, 2, 3, 4, 5]
        low, high = min(levels), max(levels)
        band = (bottom - top) / (high - low + 1)

        def y(level: int) -> float:
            return bottom - (level - low + 0.5) * band

        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        for step in self.scale:
            rect = QRectF(left, bottom - (step.level - low + 1) * band, right - left, band)
            painter.fillRect(rect, STEP_SHADES.get(step.step, QColor("#ffffff")))
            painter.setPen(QPen(QColor("#cccccc"), 0.5))
            painter.drawRect(rect)
            painter.setPen(self.palette().text().color())
            painter.setFont(self.font())
            painter.drawText(
                QRectF(2, rect.top(), label_w - 6, band),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{step.level} {step.label}",
            )
            painter.setFont(small)
            painter.setPen(QColor("#666666"))
            painter.drawText(
                rect.adjusted(0, 0, -4, -1),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                step.step_label,
            )
        painter.setFont(self.font())
        if not self.points:
            painter.setPen(QColor("#666666"))
            painter.drawText(
                QRectF(left, top, right - left, bottom - top),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("case_view", "No level has been given yet."),
            )
            return
        first = self.points[0].day
        last = max(self.points[-1].day, self.today)
        span = max(60, (last - first).days)

        def x(day: date) -> float:
            return left + (day - first).days / span * (right - left)

        painter.setPen(self.palette().text().color())
        ticks = [(first, month_year(first))]
        ticks += [(date(yr, 1, 1), str(yr)) for yr in range(first.year + 1, last.year + 1)]
        free = 0.0  # where the last label drawn ends: a narrow chart skips labels, not ticks
        for day, label in ticks:
            painter.drawLine(QPointF(x(day), bottom), QPointF(x(day), bottom + 4))
            if x(day) + 2 >= free:
                painter.drawText(QPointF(x(day) + 2, bottom + metrics.ascent() + 4), label)
                free = x(day) + 2 + metrics.horizontalAdvance(label) + 8
        path = QPainterPath(QPointF(x(self.points[0].day), y(self.points[0].level)))
        for previous, p in zip(self.points, self.points[1:], strict=False):
            path.lineTo(QPointF(x(p.day), y(previous.level)))
            path.lineTo(QPointF(x(p.day), y(p.level)))
        path.lineTo(QPointF(x(last), y(self.points[-1].level)))
        painter.setPen(QPen(QColor("#1f3b63"), 2.2))
        painter.drawPath(path)
        for p in self.points:
            moved = p.change != 0
            painter.setBrush(QColor("#1f3b63") if moved else QColor("#ffffff"))
            painter.setPen(QPen(QColor("#1f3b63"), 1.2))
            radius = 4.0 if moved else 3.0
            painter.drawEllipse(QPointF(x(p.day), y(p.level)), radius, radius)


def describe_moves(points: tuple[LevelPoint, ...]) -> str:
    """The level's moves in words ("Flyttet: op til 3 den 05.01.2027; …"); empty when the
    level never moved."""
    parts = []
    for p in points:
        if p.change > 0:
            parts.append(
                QCoreApplication.translate("case_view", "up to %1 on %2")
                .replace("%1", str(p.level))
                .replace("%2", short_date(p.day))
            )
        elif p.change < 0:
            parts.append(
                QCoreApplication.translate("case_view", "down to %1 on %2")
                .replace("%1", str(p.level))
                .replace("%2", short_date(p.day))
            )
    if not parts:
        return ""
    return QCoreApplication.translate("case_view", "Moved") + ": " + "; ".join(parts)
