"""The live activity view: progress in users, counters by status, the events, one event's detail.

Used by the wizard's last page and (later) by the dashboard. It listens to a SyncRun's
events; the table fills in batches (ActivityModel) and the progress line is repainted on
a 500 ms timer, never once per event.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.sync.events import CycleResult, Status, SyncEvent
from app.ui.bridge import SyncRun
from app.ui.models import (
    ActivityFilterModel,
    ActivityModel,
    ObjectRole,
    action_label,
    event_detail_text,
    status_label,
)
from app.ui.widgets import FieldMessage, compact_rows


def format_duration(seconds: float) -> str:
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {rest:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class ActivityView(QWidget):
    """Progress, counters, filterable event table, detail pane, pause and cancel."""

    runFinished = Signal(object)  # CycleResult or None (failed / cancelled before a result)

    REFRESH_MS = 500

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setAccessibleName(self.tr("Sync progress in users"))
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("%v of %m users"))
        top.addWidget(self.progress, 1)
        self.pause_button = QPushButton(self.tr("&Pause"), self)
        self.pause_button.setObjectName("pauseSync")
        self.pause_button.setCheckable(True)
        self.cancel_button = QPushButton(self.tr("Ca&ncel sync"), self)
        self.cancel_button.setObjectName("cancelSync")
        top.addWidget(self.pause_button)
        top.addWidget(self.cancel_button)
        layout.addLayout(top)
        self.rate = QLabel(self)
        self.rate.setObjectName("syncRate")
        layout.addWidget(self.rate)

        counters = QGridLayout()
        self.counters: dict[str, QLabel] = {}
        for column, status in enumerate(Status):
            label = QLabel(self)
            label.setObjectName(f"count{status.value}")
            self.counters[status.value] = label
            counters.addWidget(label, 0, column)
        layout.addLayout(counters)
        self.summary = FieldMessage("runSummary", self)
        layout.addWidget(self.summary)

        filters = QHBoxLayout()
        self.filter_text = QLineEdit(self)
        self.filter_text.setObjectName("activityFilter")
        self.filter_text.setPlaceholderText(self.tr("Filter by user, action or details"))
        self.filter_text.setAccessibleName(self.tr("Filter the activity"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_status = QComboBox(self)
        self.filter_status.setObjectName("activityStatusFilter")
        self.filter_status.setAccessibleName(self.tr("Show status"))
        self.filter_status.addItem(self.tr("All statuses"), "")
        for status in Status:
            self.filter_status.addItem(status_label(status.value), status.value)
        filters.addWidget(self.filter_text, 1)
        filters.addWidget(self.filter_status)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = ActivityModel(self)
        self.proxy = ActivityFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(splitter)
        self.table.setObjectName("activityTable")
        self.table.setAccessibleName(self.tr("Provisioning activity"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 80), (1, 90), (2, 90), (3, 240)):
            self.table.setColumnWidth(column, width)
        self.detail = QPlainTextEdit(splitter)
        self.detail.setObjectName("activityDetail")
        self.detail.setAccessibleName(self.tr("Details of the selected event"))
        self.detail.setReadOnly(True)
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail.setPlaceholderText(self.tr("Select a row to see its steps and details."))
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([320, 120])
        layout.addWidget(splitter, 1)

        self._refresh = QTimer(self)
        self._refresh.setObjectName("activityRefreshTimer")
        self._refresh.setInterval(self.REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self.run: SyncRun | None = None
        self.result: CycleResult | None = None
        self.done = 0
        self.total = 0
        self.counts: dict[str, int] = {status.value: 0 for status in Status}
        self._started = 0.0
        self._finished = False

        self.filter_text.textChanged.connect(self.proxy.set_text)
        self.filter_status.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.filter_status.currentData())
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.cancel_button.clicked.connect(self.cancel)
        self._set_running(False)
        self.refresh()

    # --- wiring to a run --------------------------------------------------------------

    def attach(self, run: SyncRun, *, expected_total: int = 0) -> None:
        """Follow a sync run: its events feed the table, its end stops the view."""
        self.model.clear()
        self.result = None
        self.done, self.total = 0, expected_total
        self.counts = {status.value: 0 for status in Status}
        self.summary.clear_message()
        self.detail.clear()
        self.run = run
        self._finished = False
        self._started = time.monotonic()
        run.eventReceived.connect(self.add_event)
        run.pausedChanged.connect(self._paused_changed)
        run.succeeded.connect(self._run_succeeded)
        run.failed.connect(self._run_failed)
        run.finished.connect(self._run_finished)
        self._set_running(True)
        self._refresh.start()
        self.refresh()

    def add_event(self, event: SyncEvent) -> None:
        if event.total:
            self.total = max(self.total, event.total)
        if event.done:
            self.done = max(self.done, event.done)
        if event.kind == "operation" and event.status is not None:
            self.counts[event.status.value] = self.counts.get(event.status.value, 0) + 1
        if event.kind == "cycle_finished" and event.result is not None:
            self.result = event.result
        self.model.add_event(event)

    def _run_succeeded(self, result: Any) -> None:
        if isinstance(result, CycleResult):
            self.result = result

    def _run_failed(self, error: BaseException) -> None:
        self.summary.show_exception(error)

    def _run_finished(self) -> None:
        self._finished = True
        self.model.flush()
        self._refresh.stop()
        self._set_running(False)
        run = self.run
        if run is not None and run.state == "cancelled" and self.result is None:
            self.summary.show_info(self.tr("The sync was cancelled."))
        elif self.result is not None:
            self._show_result(self.result)
        self.refresh()
        self.runFinished.emit(self.result)

    def outcome_text(self, result: CycleResult) -> str:
        """The cycle's end in the interface language: outcome, then the count of each action."""
        outcomes = {
            "completed": self.tr("The sync completed"),
            "completed_with_failures": self.tr("The sync completed with failures"),
            "held": self.tr("The sync is held"),
            "quarantined": self.tr("Provisioning is quarantined"),
            "cancelled": self.tr("The sync was cancelled"),
            "failed": self.tr("The sync failed"),
        }
        counts = ", ".join(
            self.tr("{action} {count}").format(action=action_label(action), count=number)
            for action, number in sorted(result.by_action().items())
        )
        text = outcomes.get(result.outcome, result.outcome)
        text = (
            self.tr("{outcome}: {counts}.").format(outcome=text, counts=counts)
            if counts
            else text + "."
        )
        if result.reason:
            text += " " + result.reason
        return text

    def _show_result(self, result: CycleResult) -> None:
        text = self.outcome_text(result)
        if result.outcome == "completed":
            self.summary.show_ok(text)
        elif result.outcome == "cancelled":
            self.summary.show_info(text)
        else:
            self.summary.show_error(text, result.next_step)

    @property
    def finished(self) -> bool:
        return self._finished

    # --- controls ---------------------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        self.pause_button.setEnabled(running)
        self.cancel_button.setEnabled(running)
        if not running:
            self.pause_button.blockSignals(True)
            self.pause_button.setChecked(False)
            self.pause_button.setText(self.tr("&Pause"))
            self.pause_button.blockSignals(False)

    def _pause_toggled(self, paused: bool) -> None:
        if self.run is None:
            return
        if paused:
            self.run.pause()
        else:
            self.run.resume()

    def _paused_changed(self, paused: bool) -> None:
        self.pause_button.setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        self.refresh()

    def cancel(self) -> None:
        if self.run is not None and self.run.running:
            self.cancel_button.setEnabled(False)
            self.summary.show_info(self.tr("Cancelling: the operations in flight finish first…"))
            self.run.cancel()

    # --- display ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Progress, rate and time left, counters: repainted on a timer, not per event."""
        if self.total:
            self.progress.setRange(0, self.total)
            self.progress.setValue(min(self.done, self.total))
        elif self._finished:
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.progress.setFormat(self.tr("Nothing to send"))
        for status, label in self.counters.items():
            label.setText(
                self.tr("{status}: {count}").format(
                    status=status_label(status), count=self.counts.get(status, 0)
                )
            )
        self.rate.setText(self.rate_text())

    def rate_text(self) -> str:
        if self.run is None:
            return ""
        if self.run.paused:
            return self.tr("Paused.")
        elapsed = max(time.monotonic() - self._started, 1e-6)
        if self._finished:
            return self.tr("{done} users in {time}.").format(
                done=self.done, time=format_duration(elapsed)
            )
        if not self.done:
            return self.tr("Reading the source and the target…")
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 and self.total else 0.0
        return self.tr("{rate:.1f} users/s, about {left} left.").format(
            rate=rate, left=format_duration(left)
        )

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self.detail.clear()
            return
        event = self.proxy.data(indexes[0], ObjectRole)
        if isinstance(event, SyncEvent):
            self.detail.setPlainText(event_detail_text(event))
