"""A small bar chart of the last cycles, painted with QPainter (QtCharts would need PySide6-Addons).

One bar per cycle, oldest on the left: what was sent (green), what failed (red), what was
skipped or held (grey), stacked, on a square-root scale. Operations with nothing to change are left out: a quiet
cycle is a short tick on the baseline, so that the changes stand out. A marker above a bar
says how the cycle ended when it did not complete (held, quarantined, failed). A cycle
that was interrupted (killed, crashed, its window closed) is drawn hollow, dashed, with a
ring above it: what it had done, and that it never ended.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.i18n import local_time_text

WRITE_ACTIONS = ("Create", "Update", "Disable", "Delete")


@dataclass(frozen=True, slots=True)
class ChartBar:
    """One cycle as the chart draws it."""

    started: datetime
    sent: int  # writes that succeeded
    failed: int
    skipped: int  # skipped or held by the threshold
    unchanged: int  # looked at, nothing to send
    outcome: str

    @property
    def total(self) -> int:
        return self.sent + self.failed + self.skipped


def bar_from_counts(
    started: datetime, counts: Mapping[str, Mapping[str, int]], outcome: str
) -> ChartBar:
    sent = failed = skipped = unchanged = 0
    for action, statuses in counts.items():
        for status, number in statuses.items():
            if status == "Failure":
                failed += number
            elif status in ("Skipped", "Held"):  # held: not sent (deletion threshold)
                skipped += number
            elif action in WRITE_ACTIONS:
                sent += number
            else:
                unchanged += number
    return ChartBar(started, sent, failed, skipped, unchanged, outcome)


INTERRUPTED = "interrupted"  # a bar's outcome when its cycle never ended (not an engine outcome)


def interrupted_bar(started: datetime, done: int) -> ChartBar:
    """An interrupted cycle: the operations its journal says were answered."""
    return ChartBar(started, done, 0, 0, 0, INTERRUPTED)


def _colors(dark: bool) -> dict[str, QColor]:
    if dark:
        return {
            "sent": QColor("#81c784"),
            "failed": QColor("#ff8a80"),
            "skipped": QColor("#9e9e9e"),
            "held": QColor("#ffd54f"),
        }
    return {
        "sent": QColor("#2e7d32"),
        "failed": QColor("#c62828"),
        "skipped": QColor("#9e9e9e"),
        "held": QColor("#f9a825"),
    }


class CycleChart(QWidget):
    """cycleChart: the last cycles (at most MAX_BARS), newest on the right."""

    MAX_BARS = 20
    MIN_SLOTS = 10  # a few cycles stay slim bars on the right, not wide blocks

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cycleChart")
        self.setAccessibleName(self.tr("Chart of the last cycles"))
        self.setMinimumSize(260, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._bars: list[ChartBar] = []
        self.time_labels: list[tuple[str, QRectF, Qt.AlignmentFlag]] = []  # as last painted
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(420, 170)

    @property
    def bars(self) -> list[ChartBar]:
        return list(self._bars)

    def set_bars(self, bars: Sequence[ChartBar]) -> None:
        """Bars in time order, oldest first; only the last MAX_BARS are kept."""
        self._bars = list(bars)[-self.MAX_BARS :]
        self._describe()
        self.update()

    def _describe(self) -> None:
        if not self._bars:
            text = self.tr("No cycle has run yet.")
        else:
            last = self._bars[-1]
            if last.outcome == INTERRUPTED:
                text = self.tr(
                    "{count} cycles shown. The last one, at {time}, was interrupted after "
                    "{sent} operations."
                ).format(count=len(self._bars), time=local_time_text(last.started), sent=last.sent)
                self.setAccessibleDescription(text)
                self.setToolTip(text)
                return
            text = self.tr(
                "{count} cycles shown. The last one, at {time}: {sent} sent, {failed} failed, "
                "{skipped} skipped, {unchanged} unchanged."
            ).format(
                count=len(self._bars),
                time=local_time_text(last.started),
                sent=last.sent,
                failed=last.failed,
                skipped=last.skipped,
                unchanged=last.unchanged,
            )
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text_color = palette.color(QPalette.ColorRole.WindowText)
        colors = _colors(base.lightness() < 128)
        painter.fillRect(self.rect(), base)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, line + 10, -8, -(line + 8))
        painter.setPen(text_color)
        if not self._bars:
            painter.drawText(
                QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No cycle has run yet.")
            )
            return
        self._paint_legend(painter, colors, text_color, metrics)
        highest = max((bar.total for bar in self._bars), default=0)
        scale_label = str(highest)
        left = area.left() + metrics.horizontalAdvance(scale_label) + 6
        plot = QRectF(left, area.top(), area.right() - left, area.height())
        grid = QColor(text_color)
        grid.setAlpha(70)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.topRight())
        painter.setPen(text_color)
        painter.drawText(
            QRectF(area.left(), plot.top() - line / 2, left - area.left() - 4, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            scale_label,
        )
        painter.drawText(
            QRectF(area.left(), plot.bottom() - line / 2, left - area.left() - 4, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "0",
        )
        slot = plot.width() / max(len(self._bars), self.MIN_SLOTS)
        width = max(3.0, slot * 0.65)
        first_x = plot.right() - slot * len(self._bars)
        for number, bar in enumerate(self._bars):
            x = first_x + slot * number + (slot - width) / 2
            self._paint_bar(painter, bar, QRectF(x, plot.top(), width, plot.height()), highest)
            self._paint_marker(painter, bar, x + width / 2, plot.top(), colors)
        painter.setPen(text_color)
        self.time_labels = self._time_labels(metrics, plot, area.left(), first_x)
        for text, box, align in self.time_labels:
            painter.drawText(box, align | Qt.AlignmentFlag.AlignTop, text)

    def _time_labels(
        self, metrics: QFontMetrics, plot: QRectF, left: float, first_x: float
    ) -> list[tuple[str, QRectF, Qt.AlignmentFlag]]:
        """The time of the last cycle under its bar, right-aligned; the first cycle's time
        under the first bar only when the two do not run into each other."""
        line = metrics.height()
        last_text = local_time_text(self._bars[-1].started)
        last_span = metrics.horizontalAdvance(last_text) + 4
        last_box = QRectF(plot.right() - last_span, plot.bottom() + 3, last_span, line)
        labels = [(last_text, last_box, Qt.AlignmentFlag.AlignRight)]
        if len(self._bars) > 1:
            first_text = local_time_text(self._bars[0].started)
            first_span = metrics.horizontalAdvance(first_text) + 4
            first_box = QRectF(max(first_x, left), plot.bottom() + 3, first_span, line)
            if first_box.right() + metrics.horizontalAdvance("  ") < last_box.left():
                labels.insert(0, (first_text, first_box, Qt.AlignmentFlag.AlignLeft))
        return labels

    def _paint_legend(
        self,
        painter: QPainter,
        colors: dict[str, QColor],
        text_color: QColor,
        metrics: QFontMetrics,
    ) -> None:
        x = 8.0
        y = 4.0
        size = metrics.ascent() - 2
        for key, label in (
            ("sent", self.tr("Sent")),
            ("failed", self.tr("Failed")),
            ("skipped", self.tr("Skipped or held")),
        ):
            painter.fillRect(QRectF(x, y + 2, size, size), colors[key])
            x += size + 4
            painter.setPen(text_color)
            painter.drawText(QPointF(x, y + metrics.ascent()), label)
            x += metrics.horizontalAdvance(label) + 14
        label = self.tr("Interrupted")
        fits = x + size + 4 + metrics.horizontalAdvance(label) <= self.width() - 4
        if fits and any(bar.outcome == INTERRUPTED for bar in self._bars):
            painter.setPen(QPen(colors["held"], 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(x, y + 2, size, size))
            x += size + 4
            painter.setPen(text_color)
            painter.drawText(QPointF(x, y + metrics.ascent()), label)

    def _paint_bar(self, painter: QPainter, bar: ChartBar, column: QRectF, highest: int) -> None:
        colors = _colors(self.palette().color(QPalette.ColorRole.Base).lightness() < 128)
        bottom = column.bottom()
        if bar.outcome == INTERRUPTED:
            # Hollow and dashed: started, never ended.
            height = column.height() * math.sqrt(bar.total / highest) if highest else 0.0
            pen = QPen(colors["held"], 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(column.left(), bottom - max(height, 4.0), column.width(),
                                    max(height, 4.0)))  # fmt: skip
            return
        if bar.total == 0 or highest == 0:
            quiet = QColor(colors["sent"])
            quiet.setAlpha(120)
            painter.fillRect(QRectF(column.left(), bottom - 2, column.width(), 2), quiet)
            return
        # A square-root scale: a first full cycle of thousands of creates leaves the usual
        # handful of updates visible. The bar's parts keep their share of its height.
        full = column.height() * math.sqrt(bar.total / highest)
        for key, number in (("sent", bar.sent), ("failed", bar.failed), ("skipped", bar.skipped)):
            if not number:
                continue
            height = max(2.0, full * number / bar.total)
            painter.fillRect(QRectF(column.left(), bottom - height, column.width(), height),
                             colors[key])  # fmt: skip
            bottom -= height

    def _paint_marker(
        self, painter: QPainter, bar: ChartBar, x: float, top: float, colors: dict[str, QColor]
    ) -> None:
        if bar.outcome in ("completed", "cancelled", ""):
            return
        if bar.outcome == INTERRUPTED:  # a ring, not the failures' triangle
            painter.setPen(QPen(colors["held"], 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x, top - 6), 4.0, 4.0)
            return
        color = colors["held"] if bar.outcome == "held" else colors["failed"]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        size = 5.0
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x - size, top - size - 2),
                    QPointF(x + size, top - size - 2),
                    QPointF(x, top - 1),
                ]
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
