"""Qt item models over the engine's data: activity (sync events), mappings, dry run, checks.

The views only draw; these adapters turn plain engine objects into rows. The activity model
is fed one event at a time through the bridge and inserts them in batches on a short timer,
so that ten thousand events cost a handful of repaints instead of ten thousand.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.config.rules import AttributeMapping, MappingType
from app.sync.events import Status, SyncEvent
from app.sync.plan import Action, PlannedOperation, format_change
from app.ui.i18n import local_time_text, seconds_time_format

AnyIndex = QModelIndex | QPersistentModelIndex
ObjectRole = Qt.ItemDataRole.UserRole + 1  # the row's engine object
StatusRole = Qt.ItemDataRole.UserRole + 2  # the row's status value, for filtering

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


def status_label(status: str) -> str:
    labels = {
        Status.SUCCESS.value: QCoreApplication.translate("models", "Success"),
        Status.FAILURE.value: QCoreApplication.translate("models", "Failure"),
        Status.SKIPPED.value: QCoreApplication.translate("models", "Skipped"),
        Status.WARNING.value: QCoreApplication.translate("models", "Warning"),
        Status.HELD.value: QCoreApplication.translate("models", "Held"),
    }
    return labels.get(status, status)


def action_label(action: str) -> str:
    labels = {
        Action.CREATE.value: QCoreApplication.translate("models", "Create"),
        Action.UPDATE.value: QCoreApplication.translate("models", "Update"),
        Action.DISABLE.value: QCoreApplication.translate("models", "Disable"),
        Action.DELETE.value: QCoreApplication.translate("models", "Delete"),
        Action.SKIP.value: QCoreApplication.translate("models", "Skip"),
        Action.NO_CHANGE.value: QCoreApplication.translate("models", "No change"),
    }
    return labels.get(action, action)


def failure_brush() -> QBrush:
    """The failure colour of table rows: a red that stays readable on the system palette,
    light or dark."""
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    return QBrush(QColor("#ff8a80") if base.lightness() < 128 else QColor("#b00020"))


class TableModel(QAbstractTableModel):
    """Shared plumbing of the program's tables: a fixed list of column titles (`headers()`,
    translated when asked) and numbered rows; subclasses give rowCount and data."""

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers()):
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


RowT = TypeVar("RowT")


class RowListModel(TableModel, Generic[RowT]):
    """A table over a plain list of rows: replaced whole by set_rows, read by row_at."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)


# --- Activity -----------------------------------------------------------------------------


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


def event_summary(event: SyncEvent) -> str:
    """The Details column: the error, else the modified properties, else the message."""
    if event.status == Status.FAILURE and event.message:
        return event.message
    if event.modified:
        return "; ".join(format_change(change) for change in event.modified)
    return event.message


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
        lines.extend(f"  {number}. {step}" for number, step in enumerate(event.steps, 1))
    if event.modified:
        lines.append(translate("models", "Modified properties:"))
        lines.extend(f"  {format_change(change)}" for change in event.modified)
    tail: list[tuple[str, str]] = [
        (translate("models", "Message"), event.message),
        (translate("models", "Error code"), event.error_code),
        (translate("models", "Next step"), event.next_step),
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


# --- Mappings -----------------------------------------------------------------------------


def mapping_type_label(kind: MappingType) -> str:
    labels = {
        MappingType.DIRECT: QCoreApplication.translate("models", "Direct"),
        MappingType.CONSTANT: QCoreApplication.translate("models", "Constant"),
        MappingType.EXPRESSION: QCoreApplication.translate("models", "Expression"),
        MappingType.NONE: QCoreApplication.translate("models", "None"),
    }
    return labels[kind]


def mapping_source_text(mapping: AttributeMapping) -> str:
    if mapping.type == MappingType.DIRECT:
        return mapping.source
    if mapping.type == MappingType.CONSTANT:
        return f'"{mapping.constant}"'
    if mapping.type == MappingType.EXPRESSION:
        return mapping.expression
    return ""


class MappingsModel(RowListModel[AttributeMapping]):
    """mappingsTable: target attribute, mapping type, source, default, apply, matching."""

    TARGET, TYPE, SOURCE, DEFAULT, APPLY, MATCHING = range(6)

    def headers(self) -> Sequence[str]:
        return (
            QCoreApplication.translate("models", "Target attribute"),
            QCoreApplication.translate("models", "Mapping type"),
            QCoreApplication.translate("models", "Source attribute or value"),
            QCoreApplication.translate("models", "Default if empty"),
            QCoreApplication.translate("models", "Apply"),
            QCoreApplication.translate("models", "Matching precedence"),
        )

    def set_mappings(self, mappings: Iterable[AttributeMapping]) -> None:
        self.set_rows(mapping.model_copy() for mapping in mappings)

    def mappings(self) -> list[AttributeMapping]:
        return [mapping.model_copy() for mapping in self._rows]

    def mapping_at(self, row: int) -> AttributeMapping:
        return self.row_at(row)

    def add(self, mapping: AttributeMapping) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(mapping)
        self.endInsertRows()
        return row

    def replace(self, row: int, mapping: AttributeMapping) -> None:
        self._rows[row] = mapping
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        mapping = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.TARGET:
                return mapping.target
            if column == self.TYPE:
                return mapping_type_label(mapping.type)
            if column == self.SOURCE:
                return mapping_source_text(mapping)
            if column == self.DEFAULT:
                return mapping.default or ""
            if column == self.APPLY:
                return (
                    QCoreApplication.translate("models", "Always")
                    if mapping.apply == "always"
                    else QCoreApplication.translate("models", "Only on create")
                )
            if column == self.MATCHING:
                return str(mapping.matching_precedence) if mapping.matching_precedence else ""
        if role == ObjectRole:
            return mapping
        return None


# --- Dry run ------------------------------------------------------------------------------


class DryRunModel(RowListModel[PlannedOperation]):
    """dryRunTable: each object, its action, the modified properties old -> new, the reason."""

    OBJECT, TYPE, ACTION, CHANGES, REASON = range(5)

    def headers(self) -> Sequence[str]:
        return (
            QCoreApplication.translate("models", "Object"),
            QCoreApplication.translate("models", "Type"),
            QCoreApplication.translate("models", "Action"),
            QCoreApplication.translate("models", "Modified properties"),
            QCoreApplication.translate("models", "Reason"),
        )

    def set_operations(self, operations: Iterable[PlannedOperation]) -> None:
        self.set_rows(operations)

    def operation_at(self, row: int) -> PlannedOperation:
        return self.row_at(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        operation = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.OBJECT:
                return operation.key
            if column == self.TYPE:
                return (
                    QCoreApplication.translate("models", "User")
                    if operation.object_type == "User"
                    else QCoreApplication.translate("models", "Group")
                )
            if column == self.ACTION:
                return action_label(operation.action.value)
            if column == self.CHANGES:
                return "; ".join(format_change(change) for change in operation.changes)
            if column == self.REASON:
                return operation.detail or operation.reason
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CHANGES:
            return "\n".join(format_change(change) for change in operation.changes) or None
        if role == ObjectRole:
            return operation
        return None


# --- Connection report --------------------------------------------------------------------


class CheckLike(Protocol):
    """What the connection report view needs from app.webex.checks.CheckResult."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def next_step(self) -> str: ...


def check_status_label(status: str) -> str:
    labels = {
        "passed": QCoreApplication.translate("models", "Passed"),
        "failed": QCoreApplication.translate("models", "Failed"),
        "unknown": QCoreApplication.translate("models", "Unknown"),
        "skipped": QCoreApplication.translate("models", "Skipped"),
    }
    return labels.get(status, status)


def check_title(check_id: str, title: str) -> str:
    """The check's title in the interface language (the engine names them in English)."""
    titles = {
        "url": QCoreApplication.translate("models", "Tenant URL"),
        "reachable": QCoreApplication.translate("models", "Network (DNS, TCP, TLS)"),
        "token": QCoreApplication.translate("models", "Token accepted (people/me)"),
        "person": QCoreApplication.translate("models", "Token of a person, not a bot"),
        "org": QCoreApplication.translate("models", "Token of the URL's organisation"),
        "discovery": QCoreApplication.translate("models", "SCIM discovery (ServiceProviderConfig)"),
        "scim_read": QCoreApplication.translate("models", "SCIM read (Users)"),
        "write": QCoreApplication.translate("models", "Permission to create and change users"),
        "write_groups": QCoreApplication.translate(
            "models", "Permission to create and change groups"
        ),
        "token_expiry": QCoreApplication.translate("models", "Token lifetime"),
    }
    return titles.get(check_id, title)


class ConnectionReportModel(RowListModel[CheckLike]):
    """connectionReport: each named check, its result, the reason and the next step."""

    CHECK, RESULT, REASON, NEXT_STEP = range(4)

    def headers(self) -> Sequence[str]:
        return (
            QCoreApplication.translate("models", "Check"),
            QCoreApplication.translate("models", "Result"),
            QCoreApplication.translate("models", "Reason"),
            QCoreApplication.translate("models", "Next step"),
        )

    def set_checks(self, checks: Iterable[CheckLike]) -> None:
        self.set_rows(checks)

    def checks(self) -> list[CheckLike]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        check = self._rows[index.row()]
        column = index.column()
        status = str(check.status)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.CHECK:
                return check_title(check.id, check.title)
            if column == self.RESULT:
                return check_status_label(status)
            if column == self.REASON:
                return check.reason
            if column == self.NEXT_STEP:
                return check.next_step if status == "failed" else ""
        if role == Qt.ItemDataRole.ForegroundRole and status == "failed":
            return failure_brush()
        if role == ObjectRole:
            return check
        if role == StatusRole:
            return status
        return None


def pretty_json(payload: Any) -> str:
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)
