"""The activity's Qt models: sync events as table rows (ActivityModel), fed one event at a
time through the bridge and inserted in batches on a short timer, so that ten thousand events
cost a handful of repaints instead of ten thousand; the filter over them (ActivityFilterModel);
the texts of an event's Details column and detail pane."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    Qt,
    QTimer,
    Signal,
)

from app.sync.events import Status, SyncEvent
from app.ui.i18n import local_time_text, seconds_time_format, tr_message, tr_said
from app.ui.models import (
    AnyIndex,
    ObjectRole,
    StatusRole,
    TableModel,
    action_label,
    change_text,
    failure_brush,
    status_label,
)

_NO_INDEX = QModelIndex()
# Characters of the Details column a row shows (the filter searches all of them): more
# than the widest column holds. Qt lays out a cell's whole text to elide it, at every
# repaint; the tooltip and the detail pane show all of it.
DETAILS_SHOWN = 200
# Looked up once: a repaint asks for several roles of every visible cell.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FAILURE = Status.FAILURE.value


class ActivityModel(TableModel):
    """Sync events as rows: time, action, status, user, details. Appends in timed batches."""

    TIME, ACTION, STATUS, USER, DETAILS = range(5)
    # Rows come in at most this often: each insertion repaints the table (a dozen ms for a
    # window's worth of rows), so a few large batches a second beat many small ones.
    BATCH_MS = 250
    # Rows inserted per event-loop turn when events pour in: each row's texts cost about ten
    # microseconds, and a turn must stay short (benchmark P4: no stall over 50 ms).
    ROWS_PER_TURN = 300

    batchInserted = Signal(int)  # rows added by the last flush

    def __init__(self, parent: QObject | None = None, *, batch_ms: int = BATCH_MS) -> None:
        super().__init__(parent)
        self._rows: list[SyncEvent] = []
        # Built once per row when it is added, so that a filter is one pass over plain strings
        # (no Qt call, no translation per row) and a repaint of the table only looks up text:
        # the five columns as shown, their lower-cased text, and the status value.
        self._texts: list[tuple[str, str, str, str, str]] = []
        self._search: list[str] = []
        self._statuses: list[str] = []
        self._pending: list[SyncEvent] = []
        self._timer = QTimer(self)
        self._timer.setObjectName("activityBatchTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(batch_ms)
        self._batch_ms = batch_ms
        self._timer.timeout.connect(self._flush_some)
        self._failure_brush = failure_brush()

    def headers(self) -> Sequence[str]:
        return (
            QCoreApplication.translate("models", "Time"),
            QCoreApplication.translate("models", "Action"),
            QCoreApplication.translate("models", "Status"),
            QCoreApplication.translate("models", "User"),
            QCoreApplication.translate("models", "Details"),
        )

    @staticmethod
    def shows(event: SyncEvent) -> bool:
        """Per-object outcomes and notes are rows; progress and cycle markers are not."""
        return event.kind in ("operation", "note")

    def add_event(self, event: SyncEvent) -> None:
        if not self.shows(event):
            return
        self._pending.append(event)
        if not self._timer.isActive():
            self._timer.start()

    def add_events(self, events: Iterable[SyncEvent]) -> None:
        for event in events:
            self.add_event(event)

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def flush(self) -> None:
        """Insert every pending event now."""
        self._timer.stop()
        self._timer.setInterval(self._batch_ms)
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        self._insert(batch)

    def _flush_some(self) -> None:
        """The timer's flush: ROWS_PER_TURN rows, the rest at the next turns of the loop."""
        batch = self._pending[: self.ROWS_PER_TURN]
        del self._pending[: self.ROWS_PER_TURN]
        if batch:
            self._insert(batch)
        if self._pending:
            self._timer.start(0)
        else:
            self._timer.setInterval(self._batch_ms)

    def _insert(self, batch: list[SyncEvent]) -> None:
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        texts = self._row_texts(batch)
        self._search.extend("\x00".join(columns).lower() for columns in texts)
        self._texts.extend(
            (*columns[:4], columns[4][: DETAILS_SHOWN - 1] + "…")
            if len(columns[4]) > DETAILS_SHOWN
            else columns
            for columns in texts
        )
        self._statuses.extend(event.status.value if event.status else "" for event in batch)
        self.endInsertRows()
        self.batchInserted.emit(len(batch))

    def clear(self) -> None:
        self._timer.stop()
        self._pending = []
        self.beginResetModel()
        self._rows = []
        self._texts = []
        self._search = []
        self._statuses = []
        self.endResetModel()

    @staticmethod
    def _row_texts(batch: Sequence[SyncEvent]) -> list[tuple[str, str, str, str, str]]:
        """Each row's five columns as shown (the text filter looks in them lower-cased and
        apart: a separator no one types keeps a match inside one column). Labels and clock
        times are worked out once per batch, not once per row."""
        actions: dict[str, str] = {"": QCoreApplication.translate("models", "Note")}
        statuses: dict[str, str] = {"": ""}
        clock: dict[float, str] = {}
        locale = QLocale()
        time_format = seconds_time_format(locale)
        texts: list[tuple[str, str, str, str, str]] = []
        for event in batch:
            action = actions.get(event.action)
            if action is None:
                action = actions[event.action] = action_label(event.action)
            status_value = event.status.value if event.status is not None else ""
            status = statuses.get(status_value)
            if status is None:
                status = statuses[status_value] = status_label(status_value)
            second = event.time.timestamp() // 1
            time_text = clock.get(second)
            if time_text is None:
                moment = QDateTime.fromMSecsSinceEpoch(round(second * 1000))
                time_text = clock[second] = locale.toString(moment.time(), time_format)
            texts.append((time_text, action, status, event.user_name, event_summary(event)))
        return texts

    def matching_rows(self, text: str = "", status: str = "") -> list[int] | None:
        """The rows whose columns contain `text` (any case) and whose status is `status` (any
        when empty), in order; None when there is no filter (every row)."""
        needle = text.lower()
        if not needle and not status:
            return None
        if not status:
            return [row for row, haystack in enumerate(self._search) if needle in haystack]
        if not needle:
            return [row for row, value in enumerate(self._statuses) if value == status]
        return [
            row
            for row, (value, haystack) in enumerate(zip(self._statuses, self._search, strict=True))
            if value == status and needle in haystack
        ]

    def event_at(self, row: int) -> SyncEvent:
        return self._rows[row]

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        # The five columns, without translating their titles: a repaint asks many times.
        return 0 if parent.isValid() else self.DETAILS + 1

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column: int, role: int) -> Any:
        """data() without a model index (the filter proxy reads rows through it)."""
        if role == _DISPLAY:
            return self._texts[row][column] if 0 <= column <= self.DETAILS else None
        if role == _TOOLTIP:
            if column == self.DETAILS:
                return event_summary(self._rows[row])  # whole, where the cell cuts it
            return self._texts[row][column] if 0 <= column <= self.DETAILS else None
        status = self._statuses[row]
        if role == _FOREGROUND and status == _FAILURE:
            return self._failure_brush
        if role == ObjectRole:
            return self._rows[row]
        if role == StatusRole:
            return status
        return None


def event_texts(event: SyncEvent) -> tuple[str, str]:
    """The event's message and next step in the interface language (from their codes when
    the producer coded them, else the English it wrote)."""
    return (
        tr_said(event.message, event.coded_message),
        tr_said(event.next_step, event.coded_next_step),
    )


def event_steps(event: SyncEvent) -> list[tuple[str, str]]:
    """Each step as (its English, what the window shows): from its code when the producer
    coded the steps, else the English it wrote (the English tells a step's shape)."""
    if len(event.coded_steps) == len(event.steps):
        return [
            (step, tr_message(coded))
            for step, coded in zip(event.steps, event.coded_steps, strict=True)
        ]
    return [(step, step) for step in event.steps]


def event_summary(event: SyncEvent) -> str:
    """The Details column: the error, else the modified properties, else the message."""
    message = event_texts(event)[0]
    if event.status == Status.FAILURE and message:
        return message
    if event.modified:
        return "; ".join(change_text(change) for change in event.modified)
    return message


def event_detail_text(event: SyncEvent) -> str:
    """The detail pane: every field an admin needs to understand one row."""
    translate = QCoreApplication.translate
    fields: list[tuple[str, str]] = [
        (translate("models", "User"), event.user_name),
        (
            translate("models", "Object"),
            translate("models", "User")
            if event.object_type == "User"
            else translate("models", "Group"),
        ),
        (translate("models", "Action"), action_label(event.action) if event.action else ""),
        (translate("models", "Status"), status_label(event.status.value) if event.status else ""),
        (
            translate("models", "Time"),
            local_time_text(event.time, seconds=True),
        ),
        (translate("models", "Source id"), event.source_id),
        (translate("models", "Webex id"), event.target_id),
        (translate("models", "Duration"), f"{event.duration_ms} ms" if event.duration_ms else ""),
    ]

    def line(label: str, value: str) -> str:
        return translate("models", "{label}: {value}").format(label=label, value=value)

    lines = [line(label, value) for label, value in fields if value]
    if event.steps:
        lines.append(translate("models", "Steps:"))
        lines.extend(
            f"  {number}. {shown}" for number, (_, shown) in enumerate(event_steps(event), 1)
        )
    if event.modified:
        lines.append(translate("models", "Modified properties:"))
        lines.extend(f"  {change_text(change)}" for change in event.modified)
    message, next_step = event_texts(event)
    tail: list[tuple[str, str]] = [
        (translate("models", "Message"), message),
        (translate("models", "Error code"), event.error_code),
        (translate("models", "Next step"), next_step),
        (translate("models", "Tracking id"), event.tracking_id),
    ]
    lines.extend(line(label, value) for label, value in tail if value)
    return "\n".join(lines)


class ActivityFilterModel(QAbstractProxyModel):
    """activityFilter: free text over every column, and one status (or all).

    A thin proxy over an ActivityModel: a filter change asks the model for the matching rows
    (one pass over strings built when the rows came in) and resets once, instead of asking Qt
    to call back into Python for every row and column. New rows that match are appended as
    they arrive.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status = ""
        self._rows: list[int] | None = None  # source rows shown, ascending; None = all
        self._all = 0  # with no filter: the source rows this proxy has announced
        self._source: ActivityModel | None = None

    # --- the filter -------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._refilter()

    def set_status(self, status: str) -> None:
        if status != self._status:
            self._status = status
            self._refilter()

    @property
    def text(self) -> str:
        return self._text

    @property
    def status(self) -> str:
        return self._status

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = (
            self._source.matching_rows(self._text, self._status)
            if self._source is not None
            else None
        )
        self._all = self._source.rowCount() if self._source is not None else 0
        self.endResetModel()

    # --- the source -------------------------------------------------------------------

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        if not isinstance(source, ActivityModel):
            raise TypeError("ActivityFilterModel filters an ActivityModel")
        self.beginResetModel()
        if self._source is not None:
            self._source.rowsInserted.disconnect(self._source_rows_inserted)
            self._source.rowsRemoved.disconnect(self._refilter)
            self._source.modelReset.disconnect(self._refilter)
            self._source.layoutChanged.disconnect(self._refilter)
            self._source.dataChanged.disconnect(self._refilter)
        super().setSourceModel(source)
        self._source = source
        source.rowsInserted.connect(self._source_rows_inserted)
        source.rowsRemoved.connect(self._refilter)
        source.modelReset.connect(self._refilter)
        source.layoutChanged.connect(self._refilter)
        source.dataChanged.connect(self._refilter)
        self._rows = source.matching_rows(self._text, self._status)
        self._all = source.rowCount()
        self.endResetModel()

    def _source_rows_inserted(self, parent: AnyIndex, first: int, last: int) -> None:
        source = self._source
        if source is None or parent.isValid():
            return
        if self._rows is None:  # no filter: the proxy is the source
            self.beginInsertRows(QModelIndex(), first, last)
            self._all += last - first + 1
            self.endInsertRows()
            return
        if first != source.rowCount() - (last - first + 1):
            self._refilter()  # inserted before other rows: renumber everything
            return
        matching = source.matching_rows(self._text, self._status) or []
        # only the rows just added can be new: they are the tail of the answer
        added = matching[bisect.bisect_left(matching, first) :]
        if added:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()

    # --- the mapping ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        if parent.isValid() or self._source is None:
            return 0
        return self._all if self._rows is None else len(self._rows)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        if parent.isValid() or self._source is None:
            return 0
        return self._source.columnCount()

    def hasChildren(self, parent: AnyIndex = _NO_INDEX) -> bool:
        return not parent.isValid() and self.rowCount() > 0 and self.columnCount() > 0

    def index(self, row: int, column: int, parent: AnyIndex = _NO_INDEX) -> QModelIndex:
        if parent.isValid() or not (
            0 <= row < self.rowCount() and 0 <= column < self.columnCount()
        ):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: AnyIndex = _NO_INDEX) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def sibling(self, row: int, column: int, index: AnyIndex) -> QModelIndex:
        return self.index(row, column)

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        source = self._source
        if source is None or not proxy_index.isValid():
            return QModelIndex()
        row = proxy_index.row()
        if self._rows is not None:
            if not 0 <= row < len(self._rows):
                return QModelIndex()
            row = self._rows[row]
        return source.index(row, proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if self._source is None or not source_index.isValid():
            return QModelIndex()
        row = source_index.row()
        if self._rows is not None:
            position = bisect.bisect_left(self._rows, row)
            if position >= len(self._rows) or self._rows[position] != row:
                return QModelIndex()
            row = position
        return self.index(row, source_index.column())

    def _source_row(self, index: AnyIndex) -> int:
        """The source row of a proxy index; -1 when there is none."""
        if self._source is None or not index.isValid():
            return -1
        row = index.row()
        if self._rows is not None:
            return self._rows[row] if 0 <= row < len(self._rows) else -1
        return row if 0 <= row < self._all else -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the row (no source index).
        row = self._source_row(index)
        if row < 0 or self._source is None:
            return None
        return self._source.cell(row, index.column(), role)

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        # The item delegate asks seven roles of each cell it paints at once: one call into
        # Python per cell instead of seven (a repaint of the activity table during a sync
        # took 30 ms, benchmark P4). What data() answers, role by role.
        row = self._source_row(index)
        source = self._source
        column = index.column()
        wanted: Iterable[QModelRoleData] = (
            (roleDataSpan,)
            if isinstance(roleDataSpan, QModelRoleData)
            else cast(Iterable[QModelRoleData], roleDataSpan)
        )
        if row < 0 or source is None:
            for role_data in wanted:
                role_data.clearData()
            return
        for role_data in wanted:
            # Every role is set or cleared: a delegate hands the same span cell after cell.
            value = source.cell(row, column, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._source is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._source.headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.rowCount():
            return section + 1
        return None
