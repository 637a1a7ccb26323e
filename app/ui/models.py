"""Qt item models over the engine's data: the tables' shared plumbing (TableModel,
RowListModel, the roles, the status and action words), the mappings, the dry run and the
connection checks. The activity's models are in app/ui/activity_model.py.

The views only draw; these adapters turn plain engine objects into rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.config.rules import AttributeMapping, MappingType
from app.sync.events import Status
from app.sync.plan import Action, PlannedOperation, format_change
from app.ui.i18n import tr_said

AnyIndex = QModelIndex | QPersistentModelIndex
ObjectRole = Qt.ItemDataRole.UserRole + 1  # the row's engine object
StatusRole = Qt.ItemDataRole.UserRole + 2  # the row's status value, for filtering

_NO_INDEX = QModelIndex()


_EMPTY = "(empty)"  # how format_change says a value that is not there


def change_text(change: tuple[str, Any, Any]) -> str:
    """A modified property as the window shows it ("path: old -> new"), an absent value said
    in the window's language."""
    text = format_change(change)
    path, old, new = change
    if old is None or new is None:
        empty = QCoreApplication.translate("models", "(empty)")
        if old is None:
            text = f"{path}: {empty}{text[len(path) + 2 + len(_EMPTY) :]}"
        if new is None:
            text = text[: -len(_EMPTY)] + empty
    return text


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
                return "; ".join(change_text(change) for change in operation.changes)
            if column == self.REASON:
                return tr_said(operation.detail, operation.coded_detail) or operation.reason
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CHANGES:
            return "\n".join(change_text(change) for change in operation.changes) or None
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
