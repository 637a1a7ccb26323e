"""page-scoping: scoping filters (clauses joined by AND, filters by OR) and a live count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.config.rules import ScopingClause, ScopingFilter, ScopingOperator
from app.ui.i18n import plural, tr_error_text
from app.ui.pages.base import BasePage
from app.ui.widgets import FieldMessage, labelled

if TYPE_CHECKING:
    from app.ui.pages.host import WizardHost

NO_VALUE_OPERATORS = frozenset(
    {
        ScopingOperator.IS_TRUE,
        ScopingOperator.IS_FALSE,
        ScopingOperator.IS_NULL,
        ScopingOperator.IS_NOT_NULL,
    }
)
ClauseRole = Qt.ItemDataRole.UserRole + 1


def clause_text(clause: ScopingClause) -> str:
    if clause.operator in NO_VALUE_OPERATORS:
        return f"{clause.attribute or '…'} {clause.operator.value}"
    return f"{clause.attribute or '…'} {clause.operator.value} {clause.value}"


class ScopingPage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-scoping")
        self.setTitle(self.tr("Scoping filters"))
        self.setSubTitle(
            self.tr(
                "Optionally, provision only the users who match a filter. The clauses of a "
                "filter must all hold (AND); a user in any filter is in scope (OR). "
                "Without a filter, every user is in scope."
            )
        )
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = self._build_filters_panel(splitter)
        self._build_clause_editor(splitter)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.message = FieldMessage("scopingMessage", self)
        layout.addWidget(self.message)
        self.count = QLabel(self)
        self.count.setObjectName("scopingCount")
        self.count.setAccessibleName(self.tr("Users in scope"))
        layout.addWidget(self.count)

        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(150)
        self._recount.timeout.connect(self.update_count)
        self._loading_clause = False
        self.add_filter_button.clicked.connect(self.add_filter)
        self.add_clause_button.clicked.connect(self.add_clause)
        self.remove_button.clicked.connect(self.remove_selected)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.attribute.currentTextChanged.connect(self._clause_edited)
        self.operator.currentIndexChanged.connect(self._clause_edited)
        self.value.textChanged.connect(self._clause_edited)
        self.case_insensitive.toggled.connect(self._clause_edited)
        self._current_changed()

    def _build_filters_panel(self, splitter: QSplitter) -> QWidget:
        """The tree of filters and their clauses, with its buttons."""
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(left)
        self.tree.setObjectName("scopingFilters")
        self.tree.setAccessibleName(self.tr("Scoping filters and their clauses"))
        self.tree.setHeaderLabels([self.tr("Filter / clause")])
        left_layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.add_filter_button = QPushButton(self.tr("Add &filter"), left)
        self.add_filter_button.setObjectName("addFilter")
        self.add_clause_button = QPushButton(self.tr("Add &clause"), left)
        self.add_clause_button.setObjectName("addClause")
        self.remove_button = QPushButton(self.tr("&Remove"), left)
        self.remove_button.setObjectName("removeScoping")
        for button in (self.add_filter_button, self.add_clause_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        return left

    def _build_clause_editor(self, splitter: QSplitter) -> None:
        """The selected clause: attribute, operator, value, case."""
        self.editor = QGroupBox(self.tr("Clause"), splitter)
        self.editor.setObjectName("clauseEditor")
        form = QFormLayout(self.editor)
        self.attribute = QComboBox(self.editor)
        self.attribute.setObjectName("clauseAttribute")
        self.attribute.setEditable(True)
        form.addRow(
            labelled(self.tr("Source &attribute:"), self.attribute, self.editor), self.attribute
        )
        self.operator = QComboBox(self.editor)
        self.operator.setObjectName("clauseOperator")
        for op in ScopingOperator:
            self.operator.addItem(op.value, op.value)
        form.addRow(labelled(self.tr("&Operator:"), self.operator, self.editor), self.operator)
        self.value = QLineEdit(self.editor)
        self.value.setObjectName("clauseValue")
        form.addRow(labelled(self.tr("Val&ue:"), self.value, self.editor), self.value)
        self.case_insensitive = QCheckBox(self.tr("I&gnore case"), self.editor)
        self.case_insensitive.setObjectName("clauseCaseInsensitive")
        form.addRow("", self.case_insensitive)
        hint = QLabel(
            self.tr("Includes takes a comma-separated list; & and !& take an integer mask."),
            self.editor,
        )
        hint.setWordWrap(True)
        form.addRow(hint)

    # --- the tree ---------------------------------------------------------------------

    def initializePage(self) -> None:
        current = self.attribute.currentText()
        self.attribute.blockSignals(True)
        self.attribute.clear()
        self.attribute.addItems(self.draft.source_attributes)
        self.attribute.setCurrentText(current)
        self.attribute.blockSignals(False)
        if self.tree.topLevelItemCount() == 0 and self.draft.scoping:
            self.set_filters(self.draft.scoping)
        self.changed()

    def set_filters(self, filters: list[ScopingFilter]) -> None:
        self.tree.clear()
        for scoping_filter in filters:
            item = self._new_filter_item(scoping_filter.name)
            for clause in scoping_filter.clauses:
                self._new_clause_item(item, clause)
        self.tree.expandAll()
        self.changed()

    def _filter_name(self, number: int) -> str:
        return self.tr("Filter {number}").format(number=number)

    def _new_filter_item(self, name: str = "") -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree)
        item.setText(0, name or self._filter_name(self.tree.topLevelItemCount()))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _new_clause_item(self, parent: QTreeWidgetItem, clause: ScopingClause) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setData(0, ClauseRole, clause)
        item.setText(0, clause_text(clause))
        return item

    def add_filter(self) -> None:
        item = self._new_filter_item()
        self.tree.setCurrentItem(item)
        self.add_clause()

    def add_clause(self) -> None:
        current = self.tree.currentItem()
        if current is None:
            self.add_filter()
            return
        parent = current.parent() or current
        first = self.draft.source_attributes[0] if self.draft.source_attributes else ""
        item = self._new_clause_item(
            parent, ScopingClause(attribute=first, operator=ScopingOperator.EQUALS)
        )
        parent.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.value.setFocus()
        self.setup.mark_changed()
        self.changed()

    def remove_selected(self) -> None:
        current = self.tree.currentItem()
        if current is None:
            return
        parent = current.parent()
        if parent is None:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(current))
        else:
            parent.removeChild(current)
        self.setup.mark_changed()
        self.changed()

    def filters(self) -> list[ScopingFilter]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is None:
                continue
            clauses = []
            for j in range(item.childCount()):
                child = item.child(j)
                if child is not None:
                    clauses.append(child.data(0, ClauseRole))
            if clauses:
                out.append(ScopingFilter(name=item.text(0), clauses=clauses))
        return out

    # --- the clause editor ------------------------------------------------------------

    def _current_clause_item(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        if item is not None and item.parent() is not None:
            return item
        return None

    def _current_changed(self) -> None:
        item = self._current_clause_item()
        self.editor.setEnabled(item is not None)
        self.add_clause_button.setEnabled(self.tree.currentItem() is not None)
        self.remove_button.setEnabled(self.tree.currentItem() is not None)
        if item is None:
            return
        clause: ScopingClause = item.data(0, ClauseRole)
        self._loading_clause = True
        self.attribute.setCurrentText(clause.attribute)
        self.operator.setCurrentIndex(self.operator.findData(clause.operator.value))
        self.value.setText(clause.value)
        self.case_insensitive.setChecked(clause.case_insensitive)
        self._loading_clause = False
        self._operator_shown()

    def _operator_shown(self) -> None:
        op = ScopingOperator(self.operator.currentData())
        self.value.setEnabled(op not in NO_VALUE_OPERATORS)

    def _clause_edited(self) -> None:
        self._operator_shown()
        if self._loading_clause:
            return
        item = self._current_clause_item()
        if item is None:
            return
        op = ScopingOperator(self.operator.currentData())
        clause = ScopingClause(
            attribute=self.attribute.currentText().strip(),
            operator=op,
            value="" if op in NO_VALUE_OPERATORS else self.value.text(),
            case_insensitive=self.case_insensitive.isChecked(),
        )
        item.setData(0, ClauseRole, clause)
        item.setText(0, clause_text(clause))
        self.changed()

    # --- validity and the count -------------------------------------------------------

    def _problem(self) -> str | None:
        error = self.bridge.scoping_problem(self.filters())
        return tr_error_text(error) if error is not None else None

    def changed(self) -> None:
        problem = self._problem()
        if problem:
            self.message.show_error(problem)
        else:
            self.message.clear_message()
        self._recount.start()
        self.completeChanged.emit()

    def update_count(self) -> None:
        users = self.draft.source_users
        if not users:
            self.count.setText(self.tr("The source users are not read yet; no count."))
            return
        if self._problem() is not None:
            self.count.setText(self.tr("Correct the clause to count the users in scope."))
            return
        in_scope = self.bridge.count_in_scope(users, self.filters())
        total = len(users)
        # The plural follows the total ("1 of 1 source user", "3 of 40 source users").
        text = plural(self.tr("{count} of %Ln source user(s) in scope.", "", total), total)
        self.count.setText(text.format(count=QLocale().toString(in_scope)))

    def isComplete(self) -> bool:
        return self._problem() is None

    def validatePage(self) -> bool:
        self.draft.scoping = self.filters()
        self.draft.plan = None
        return True
