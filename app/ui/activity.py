"""The live activity view: progress in users, counters by status, the events, one event's detail.

Used by the wizard's last page and (later) by the dashboard. It listens to a SyncRun's
events; the table fills in batches (ActivityModel) and the progress line is repainted on
a 500 ms timer, never once per event.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.sync.events import CycleResult, Status, SyncEvent
from app.ui.activity_model import ActivityFilterModel, ActivityModel, event_detail_text
from app.ui.bridge import SyncRun
from app.ui.i18n import tr_said
from app.ui.models import ObjectRole, action_label, status_label
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
    """Progress, counters, filterable event table, detail pane, pause and cancel.

    The counters, the progress bar and the table always agree: events wait in a queue and
    are taken a batch at a time, each batch counted, added to the progress and inserted as
    rows in the same turn of the loop (never a repaint between). Used by the wizard's last
    page and by the dashboard while a cycle runs.
    """

    runFinished = Signal(object)  # CycleResult or None (failed / cancelled before a result)
    cancelConfirmShown = Signal(object)  # the QMessageBox that asks before cancelling

    REFRESH_MS = 500
    BATCH_MS = ActivityModel.BATCH_MS
    EVENTS_PER_TURN = ActivityModel.ROWS_PER_TURN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._build_progress(layout)
        self._build_counters(layout)
        self._build_filters(layout)
        self._build_events(layout)
        self._build_timers()
        self.confirm_box: QMessageBox | None = None
        self.run: SyncRun | None = None
        self.result: CycleResult | None = None
        self.done = 0
        self.total = 0
        self.total_fixed = False
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

    def _build_progress(self, layout: QVBoxLayout) -> None:
        """The progress bar in users, Pause and Cancel, and the rate below them."""
        top = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setAccessibleName(self.tr("Sync progress in users"))
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("%v of %m users"))
        top.addWidget(self.progress, 1)
        # The buttons' words, with Alt letters the window around can change (see
        # use_button_texts): the dashboard has its own letters for Pause and Cancel.
        self._pause_text = self.tr("&Pause")
        self._resume_text = self.tr("&Resume")
        self.pause_button = QPushButton(self._pause_text, self)
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

    def _build_counters(self, layout: QVBoxLayout) -> None:
        """One counter per status, and the run's summary."""
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

    def _build_filters(self, layout: QVBoxLayout) -> None:
        """The activity's filters: text and status."""
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

    def _build_events(self, layout: QVBoxLayout) -> None:
        """The table of events over the details of the selected one."""
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

    def _build_timers(self) -> None:
        """The refresh of the counters, and the batches that move queued events to the table."""
        self._refresh = QTimer(self)
        self._refresh.setObjectName("activityRefreshTimer")
        self._refresh.setInterval(self.REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self._queue: list[SyncEvent] = []
        self._drain_timer = QTimer(self)
        self._drain_timer.setObjectName("activityDrainTimer")
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(self.BATCH_MS)
        self._drain_timer.timeout.connect(self._drain_some)

    # --- wiring to a run --------------------------------------------------------------

    def attach(self, run: SyncRun, *, expected_total: int = 0) -> None:
        """Follow a sync run: its events feed the table, its end stops the view."""
        self.detach()
        self.model.clear()
        self._queue = []
        self._drain_timer.stop()
        self.result = None
        self.done, self.total = 0, expected_total
        # The bar's total is fixed once known (the plan's users to send): given here by the
        # wizard, else by the cycle's plan_ready event. Before that, creations sent while
        # planning make the count grow: the bar is busy, not a fraction of a moving total.
        self.total_fixed = expected_total > 0
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

    def use_button_texts(self, pause: str, resume: str, cancel: str) -> None:
        """Other words (other Alt letters) for Pause, Resume and Cancel."""
        self._pause_text, self._resume_text = pause, resume
        paused = self.run is not None and self.run.paused
        self.pause_button.setText(resume if paused else pause)
        self.cancel_button.setText(cancel)

    def detach(self) -> None:
        """Stop following the run attached before (the dashboard shows another profile's)."""
        previous, self.run = self.run, None
        if previous is None:
            return
        self._close_confirm()
        for signal, slot in (
            (previous.eventReceived, self.add_event),
            (previous.pausedChanged, self._paused_changed),
            (previous.succeeded, self._run_succeeded),
            (previous.failed, self._run_failed),
            (previous.finished, self._run_finished),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def add_event(self, event: SyncEvent) -> None:
        """Queue an event; it is counted and shown with the next batch (see the class)."""
        self._queue.append(event)
        if not self._drain_timer.isActive():
            self._drain_timer.start()

    def _apply(self, event: SyncEvent) -> None:
        if event.kind == "plan_ready":
            self.total = max(event.total, self.done)
            self.total_fixed = True
        elif event.total and not self.total_fixed:
            self.total = max(self.total, event.total)
        if event.done:
            self.done = max(self.done, event.done)
        if event.kind == "operation" and event.status is not None:
            self.counts[event.status.value] = self.counts.get(event.status.value, 0) + 1
        if event.kind == "cycle_finished" and event.result is not None:
            self.result = event.result
        self.model.add_event(event)

    def _drain_some(self) -> None:
        """A batch of events: counted, added to the progress and inserted as rows together."""
        batch = self._queue[: self.EVENTS_PER_TURN]
        del self._queue[: self.EVENTS_PER_TURN]
        self._take(batch)
        if self._queue:
            self._drain_timer.start(0)  # the rest at the next turns, each one short
        else:
            self._drain_timer.setInterval(self.BATCH_MS)

    def drain(self) -> None:
        """Take every queued event now (the run ended, or a test looks)."""
        self._drain_timer.stop()
        self._drain_timer.setInterval(self.BATCH_MS)
        batch, self._queue = self._queue, []
        self._take(batch)

    def _take(self, batch: list[SyncEvent]) -> None:
        # The newest rows stay in sight unless the admin scrolled up to read older ones.
        bar = self.table.verticalScrollBar()
        follow = bar.value() >= bar.maximum() - 2
        for event in batch:
            self._apply(event)
        self.model.flush()
        if follow and batch:
            self.table.scrollToBottom()
        self._show_counts()
        self.rate.setText(self.rate_text())

    @property
    def queued(self) -> int:
        return len(self._queue)

    def _run_succeeded(self, result: Any) -> None:
        if isinstance(result, CycleResult):
            self.result = result

    def _run_failed(self, error: BaseException) -> None:
        self.summary.show_exception(error)

    def _run_finished(self) -> None:
        self._finished = True
        self.drain()
        self._close_confirm()
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
        reason = tr_said(result.reason, result.coded_reason)
        if reason:
            text += " " + reason
        return text

    def _show_result(self, result: CycleResult) -> None:
        text = self.outcome_text(result)
        if result.outcome == "completed":
            self.summary.show_ok(text)
        elif result.outcome == "cancelled":
            self.summary.show_info(text)
        else:
            self.summary.show_error(text, tr_said(result.next_step, result.coded_next_step))

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
            self.pause_button.setText(self._pause_text)
            self.pause_button.blockSignals(False)

    def _pause_toggled(self, paused: bool) -> None:
        if self.run is None:
            return
        if paused:
            self.run.pause()
        else:
            self.run.resume()

    def _paused_changed(self, paused: bool) -> None:
        self.pause_button.setText(self._resume_text if paused else self._pause_text)
        self.refresh()

    def cancel(self) -> QMessageBox | None:
        """Ask first (a dialog opened with open()), saying what becomes of what is not sent."""
        if self.run is None or not self.run.running:
            return None
        if self.confirm_box is not None:
            return self.confirm_box
        box = QMessageBox(self)
        box.setObjectName("cancelSyncConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel the sync"))
        box.setText(self.tr("Cancel the sync now?"))
        left = max(self.total - self.done, 0)
        not_sent = (
            self.tr("%n users not reached yet are not sent now.", "", left)
            if self.total_fixed and self.total > self.done
            else self.tr("The operations not sent yet are not sent now.")
        )
        box.setInformativeText(
            self.tr(
                "The operations already sent to Webex finish and are recorded. {not_sent} "
                "Nothing is lost: the next cycle (Sync now, or the next scheduled one) sends "
                "them, without creating anyone twice."
            ).format(not_sent=not_sent)
        )
        yes = box.addButton(self.tr("Cancel the sync"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("cancelSyncYes")
        no = box.addButton(self.tr("Keep syncing"), QMessageBox.ButtonRole.RejectRole)
        no.setObjectName("cancelSyncNo")
        box.setDefaultButton(no)
        box.setEscapeButton(no)

        def answered(_result: int) -> None:
            clicked: QAbstractButton | None = box.clickedButton()
            self.confirm_box = None
            box.deleteLater()
            if clicked is yes:
                self.cancel_now()

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()
        self.cancelConfirmShown.emit(box)
        return box

    def cancel_now(self) -> None:
        """Cancel without asking: the operations in flight finish, the rest stays journaled."""
        if self.run is not None and self.run.running:
            self.cancel_button.setEnabled(False)
            self.summary.show_info(self.tr("Cancelling: the operations in flight finish first…"))
            self.run.cancel()

    def _close_confirm(self) -> None:
        box, self.confirm_box = self.confirm_box, None
        if box is not None:
            box.done(int(QMessageBox.StandardButton.Cancel))

    # --- display ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Progress, rate and time left, counters: repainted on a timer, not per event."""
        self._show_counts()
        self.rate.setText(self.rate_text())

    def _show_counts(self) -> None:
        if not self.total_fixed and not self._finished:
            self.progress.setRange(0, 0)  # busy: the total is not known yet
        elif self.total:
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
        if not self.total_fixed:
            return self.tr("Planning; %n users sent so far.", "", self.done)
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


CLOSE_STOP, CLOSE_TRAY, CLOSE_CANCEL = "stop", "tray", "cancel"


def ask_close_during_cycle(
    parent: QWidget, *, tray_available: bool, on_choice: Callable[[str], None]
) -> QMessageBox:
    """Closing a window while a cycle runs: stop after the operations in flight, keep running
    in the tray, or do not close. Opened with open(); `on_choice` gets CLOSE_STOP, CLOSE_TRAY
    or CLOSE_CANCEL (Esc and the window's close button count as CLOSE_CANCEL)."""

    box = QMessageBox(parent)
    box.setObjectName("closeDuringCycle")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CloseDuringCycle", "A cycle is running"))
    box.setText(
        QCoreApplication.translate(
            "CloseDuringCycle", "A provisioning cycle is running. What should happen to it?"
        )
    )
    lines = [
        QCoreApplication.translate(
            "CloseDuringCycle",
            "Stop: the operations already sent to Webex finish and are recorded; the next "
            "cycle sends the rest, without creating anyone twice.",
        )
    ]
    if tray_available:
        lines.append(
            QCoreApplication.translate(
                "CloseDuringCycle",
                "Keep running: the window hides and the cycle goes on in the tray.",
            )
        )
    box.setInformativeText("\n\n".join(lines))
    stop = box.addButton(
        QCoreApplication.translate("CloseDuringCycle", "&Stop after the operations in flight"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    stop.setObjectName("closeStopAfterInFlight")
    tray: QAbstractButton | None = None
    if tray_available:
        tray = box.addButton(
            QCoreApplication.translate("CloseDuringCycle", "&Keep running in the tray"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        tray.setObjectName("closeKeepInTray")
    cancel = box.addButton(
        QCoreApplication.translate("CloseDuringCycle", "&Cancel closing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    cancel.setObjectName("closeCancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    for button in box.buttons():
        button.setAccessibleName(button.text().replace("&", ""))

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is stop:
            on_choice(CLOSE_STOP)
        elif tray is not None and clicked is tray:
            on_choice(CLOSE_TRAY)
        else:
            on_choice(CLOSE_CANCEL)

    box.finished.connect(answered)
    box.open()
    return box
