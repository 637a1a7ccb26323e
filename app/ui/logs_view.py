"""The provisioning logs of a profile: filter by text and status, read one row, export to CSV.

The rows come from the profile's state file through the dashboard's bridge (read off the
event loop); filters are applied by the state store's own query, so that the view, the
export and `webex-provisioner logs --search/--status` agree on what matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.sync.events import Status
from app.ui.i18n import local_time_text, qt_translate
from app.ui.models import (
    ObjectRole,
    RowListModel,
    StatusRole,
    action_label,
    change_text,
    failure_brush,
)
from app.ui.models import status_label as _status_label
from app.ui.widgets import FieldMessage, compact_rows

if TYPE_CHECKING:
    from app.sync.state.records import LogEntry
    from app.ui.bridge import Operation

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class LogSource(Protocol):
    """What the view needs from the dashboard's bridge."""

    def query_log(
        self, profile_name: str, *, text: str, status: str, limit: int
    ) -> Operation[list[LogEntry]]: ...

    def export_log(
        self, profile_name: str, path: Path, *, text: str, status: str
    ) -> Operation[Path]: ...


class LogModel(RowListModel["LogEntry"]):
    """logTable: time, action, status, object, details; newest first."""

    TIME, ACTION, STATUS, OBJECT, DETAILS = range(5)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Time"),
            self.tr("Action"),
            self.tr("Status"),
            self.tr("User or group"),
            self.tr("Details"),
        )

    def set_entries(self, entries: Sequence[LogEntry]) -> None:
        self.set_rows(entries)

    def entry_at(self, row: int) -> LogEntry:
        return self.row_at(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.TIME:
                return local_time_text(entry.time)
            if column == self.ACTION:
                return action_label(entry.action)
            if column == self.STATUS:
                return _status_label(entry.status)
            if column == self.OBJECT:
                return entry.user_name
            if column == self.DETAILS:
                return log_summary(entry)
        if role == Qt.ItemDataRole.ForegroundRole and entry.status == Status.FAILURE.value:
            return failure_brush()
        if role == ObjectRole:
            return entry
        if role == StatusRole:
            return entry.status
        return None


def log_texts(entry: LogEntry) -> tuple[str, str]:
    """The row's message and next step in the interface language: from their stored codes
    when the producer coded them, else the English stored with the row."""
    return entry.texts(qt_translate, "gui")


def log_summary(entry: LogEntry) -> str:
    message = log_texts(entry)[0]
    if entry.status == Status.FAILURE.value and message:
        return message
    if entry.modified:
        return "; ".join(change_text(change) for change in entry.modified)
    return message


def log_matches(entry: LogEntry, text: str) -> bool:
    """Whether the filter's text is in what the row shows (names, ids, message, next step,
    error code, modified properties), in the interface language; case does not count."""
    needle = text.casefold()
    message, next_step = log_texts(entry)
    changes = "; ".join(change_text(change) for change in entry.modified)
    shown = (entry.user_name, entry.source_id, entry.target_id, message, next_step)
    return any(needle in value.casefold() for value in (*shown, entry.error_code, changes))


def _object_type_label(object_type: str) -> str:
    if object_type == "User":
        return QCoreApplication.translate("models", "User")
    if object_type == "Group":
        return QCoreApplication.translate("models", "Group")
    return object_type


def merge_newest(first: list[LogEntry], second: list[LogEntry], limit: int) -> list[LogEntry]:
    """The rows of both lists once each, newest first, at most `limit`."""
    rows = {entry.id: entry for entry in (*first, *second)}
    return sorted(rows.values(), key=lambda entry: entry.id, reverse=True)[:limit]


def log_detail_text(entry: LogEntry) -> str:
    """Every field of one row, for the detail pane."""

    def line(label: str, value: object) -> str:
        if not value:
            return ""
        return QCoreApplication.translate("LogsView", "{label}: {value}").format(
            label=label, value=value
        )

    lines = [
        line(
            QCoreApplication.translate("LogsView", "User or group"),
            f"{entry.user_name} ({_object_type_label(entry.object_type)})",
        ),
        line(QCoreApplication.translate("LogsView", "Action"), action_label(entry.action)),
        line(QCoreApplication.translate("LogsView", "Status"), _status_label(entry.status)),
        line(QCoreApplication.translate("LogsView", "Time"), local_time_text(entry.time)),
        line(QCoreApplication.translate("LogsView", "Cycle"), entry.cycle_id),
        line(QCoreApplication.translate("LogsView", "Source id"), entry.source_id),
        line(QCoreApplication.translate("LogsView", "Webex id"), entry.target_id),
    ]
    if entry.modified:
        lines.append(QCoreApplication.translate("LogsView", "Modified properties:"))
        lines.extend(f"  {change_text(change)}" for change in entry.modified)
    message, next_step = log_texts(entry)
    lines.append(line(QCoreApplication.translate("LogsView", "Message"), message))
    lines.append(line(QCoreApplication.translate("LogsView", "Error code"), entry.error_code))
    lines.append(line(QCoreApplication.translate("LogsView", "Next step"), next_step))
    lines.append(line(QCoreApplication.translate("LogsView", "Tracking id"), entry.tracking_id))
    return "\n".join(text for text in lines if text)


class LogsView(QWidget):
    """logsView: the filters, the table, the detail of the selected row, and Export."""

    loaded = Signal(int)  # rows shown after a (re)load
    exported = Signal(object)  # the Path written

    LIMIT = 2000  # the newest rows shown; the export has them all
    FILTER_DELAY_MS = 250

    def __init__(self, source: LogSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logsView")
        self._source = source
        self._profile = ""
        self._loading: Operation[Any] | None = None
        self._reload_again = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        bar = QHBoxLayout()
        title = QLabel(self.tr("<b>Provisioning logs</b>"), self)
        title.setObjectName("logsTitle")
        bar.addWidget(title)
        self.filter_text = QLineEdit(self)
        self.filter_text.setObjectName("logFilter")
        self.filter_text.setPlaceholderText(self.tr("Filter by user, id or message"))
        self.filter_text.setAccessibleName(self.tr("Filter the provisioning logs"))
        self.filter_text.setClearButtonEnabled(True)
        bar.addWidget(self.filter_text, 1)
        self.filter_status = QComboBox(self)
        self.filter_status.setObjectName("logStatusFilter")
        self.filter_status.setAccessibleName(self.tr("Show the rows with status"))
        self.filter_status.addItem(self.tr("All statuses"), "")
        for status in Status:
            self.filter_status.addItem(_status_label(status.value), status.value)
        bar.addWidget(self.filter_status)
        self.export_button = QPushButton(self.tr("&Export to CSV…"), self)
        self.export_button.setObjectName("exportLogs")
        self.export_button.setAccessibleName(self.tr("Export the provisioning logs to CSV"))
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("logCount")
        layout.addWidget(self.count_label)
        self.message = FieldMessage("logMessage", self)
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = LogModel(self)
        self.table = QTableView(splitter)
        self.table.setObjectName("logTable")
        self.table.setAccessibleName(self.tr("Provisioning logs"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 130), (1, 110), (2, 80), (3, 220)):
            self.table.setColumnWidth(column, width)
        self.detail = QPlainTextEdit(splitter)
        self.detail.setObjectName("logDetail")
        self.detail.setAccessibleName(self.tr("Details of the selected log row"))
        self.detail.setReadOnly(True)
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail.setPlaceholderText(self.tr("Select a row to see everything it recorded."))
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self._delay = QTimer(self)
        self._delay.setObjectName("logFilterTimer")
        self._delay.setSingleShot(True)
        self._delay.setInterval(self.FILTER_DELAY_MS)
        self._delay.timeout.connect(self.reload)
        self.filter_text.textChanged.connect(lambda _text: self._delay.start())
        self.filter_status.currentIndexChanged.connect(lambda _index: self.reload())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.export_button.clicked.connect(self.choose_export_file)
        self._dialog: QFileDialog | None = None

    # --- filters and loading --------------------------------------------------------------

    @property
    def text_filter(self) -> str:
        return self.filter_text.text().strip()

    @property
    def status_filter(self) -> str:
        value = self.filter_status.currentData()
        return value if isinstance(value, str) else ""

    def set_status_filter(self, status: str) -> None:
        index = self.filter_status.findData(status)
        self.filter_status.setCurrentIndex(max(index, 0))

    def set_profile(self, name: str, *, reload: bool = True) -> None:
        if name != self._profile:
            self._profile = name
            self.model.set_entries([])
            self.detail.clear()
        if reload:
            self.reload()

    def reload(self) -> None:
        """Read the rows that match the filters (the newest LIMIT)."""
        self._delay.stop()
        if not self._profile:
            self.model.set_entries([])
            return
        if self._loading is not None and self._loading.running:
            self._reload_again = True  # the filters changed while a read was under way
            return
        operation = self._source.query_log(
            self._profile, text=self.text_filter, status=self.status_filter, limit=self.LIMIT
        )
        self._loading = operation
        operation.succeeded.connect(self._show_entries)
        operation.failed.connect(self.message.show_exception)
        operation.finished.connect(self._load_finished)

    def _load_finished(self) -> None:
        self._loading = None
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _show_entries(self, entries: list[LogEntry]) -> None:
        self.message.clear_message()
        self.detail.clear()
        self.model.set_entries(entries)
        if not entries:
            text = (
                self.tr("No row matches these filters.")
                if self.text_filter or self.status_filter
                else self.tr("The log is empty: no cycle has run yet.")
            )
        elif len(entries) >= self.LIMIT:
            text = self.tr("The newest {count} rows; the export has them all.").format(
                count=len(entries)
            )
        else:
            text = self.tr("%n row(s).", "", len(entries))
        self.count_label.setText(text)
        self.loaded.emit(len(entries))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self.detail.clear()
            return
        entry = self.model.data(indexes[0], ObjectRole)
        if entry is not None:
            self.detail.setPlainText(log_detail_text(entry))

    # --- export ---------------------------------------------------------------------------

    def choose_export_file(self) -> QFileDialog:
        """Ask where to write the CSV (a dialog opened with open(), never exec())."""
        dialog = QFileDialog(self, self.tr("Export the provisioning logs"))
        dialog.setObjectName("exportLogsDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV files (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(f"{self._profile or 'provisioning'}-log.csv")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, path: Path) -> Operation[Path] | None:
        """Write every row that matches the filters (not only those shown) to `path`."""
        if not self._profile:
            return None
        operation = self._source.export_log(
            self._profile, path, text=self.text_filter, status=self.status_filter
        )
        self.export_button.setEnabled(False)
        operation.succeeded.connect(self._exported)
        operation.failed.connect(self.message.show_exception)
        operation.finished.connect(lambda: self.export_button.setEnabled(True))
        return operation

    def _exported(self, path: Path) -> None:
        self.message.show_ok(self.tr("Exported to {path}.").format(path=str(path)))
        self.exported.emit(path)
