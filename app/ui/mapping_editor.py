"""The dialog that adds or edits one attribute mapping, with the expression checked as typed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.config.rules import ApplyWhen, AttributeMapping, MappingType
from app.ui.bridge import EngineBridge
from app.ui.i18n import tr_error, tr_said
from app.ui.models import mapping_type_label
from app.ui.widgets import FieldMessage, labelled


class MappingEditor(QDialog):
    """Edits a copy of a mapping; `accepted_mapping` carries the result when OK is pressed."""

    accepted_mapping = Signal(object)  # AttributeMapping

    def __init__(
        self,
        bridge: EngineBridge,
        mapping: AttributeMapping | None,
        *,
        target_attributes: Sequence[str],
        source_attributes: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mappingEditor")
        self.setWindowTitle(
            self.tr("Edit attribute mapping") if mapping else self.tr("Add attribute mapping")
        )
        self.setModal(True)
        self.bridge = bridge
        self.source_attributes = list(source_attributes)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self._add_value_rows(form)
        self._add_target_rows(form, target_attributes)
        layout.addLayout(form)
        self.message = FieldMessage("mappingEditorMessage", self)
        layout.addWidget(self.message)
        layout.addStretch(1)  # extra height goes below the form, not between its rows
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("mappingEditorButtons")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if mapping is not None:
            self._load(mapping)
        self.mapping_type.currentIndexChanged.connect(self._type_changed)
        self.expression.textChanged.connect(self._check)
        self.target.currentTextChanged.connect(self._check)
        self.source_attribute.currentTextChanged.connect(self._check)
        self._type_changed()

    def _add_value_rows(self, form: QFormLayout) -> None:
        """The mapping's type and what it takes the value from: a source attribute, a
        constant, an expression (with its error under it), or nothing."""
        self.mapping_type = QComboBox(self)
        self.mapping_type.setObjectName("mappingType")
        for kind in MappingType:
            self.mapping_type.addItem(mapping_type_label(kind), kind.value)
        form.addRow(labelled(self.tr("Mapping &type:"), self.mapping_type, self), self.mapping_type)

        self.value_stack = QStackedWidget(self)
        self.value_stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.source_attribute = QComboBox(self)
        self.source_attribute.setObjectName("sourceAttribute")
        self.source_attribute.setEditable(True)
        self.source_attribute.addItems(self.source_attributes)
        self.source_attribute.setAccessibleName(self.tr("Source attribute"))
        self.constant = QLineEdit(self)
        self.constant.setObjectName("constantValue")
        self.constant.setAccessibleName(self.tr("Constant value"))
        self.expression = QPlainTextEdit(self)
        self.expression.setObjectName("expressionEdit")
        self.expression.setAccessibleName(self.tr("Expression"))
        self.expression.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.expression.setTabChangesFocus(True)
        self.expression.setFixedHeight(self.expression.fontMetrics().height() * 4 + 12)
        self.expression.setPlaceholderText('Join(" ", [givenName], [surname])')
        none_hint = QLineEdit(self.tr("(nothing is sent)"), self)
        none_hint.setReadOnly(True)
        none_hint.setAccessibleName(self.tr("No value"))
        for widget in (self.source_attribute, self.constant, self.expression, none_hint):
            self.value_stack.addWidget(widget)
        self.value_label = labelled(self.tr("&Source attribute:"), self.source_attribute, self)
        # The stack is as tall as its current page, not as its tallest (the expression box).
        self.value_stack.currentChanged.connect(self._fit_stack)
        form.addRow(self.value_label, self.value_stack)
        self.expression_error = FieldMessage("expressionError", self)
        self.expression_error.setWordWrap(False)  # the caret must stay under its column
        self.expression_error.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        form.addRow("", self.expression_error)

    def _add_target_rows(self, form: QFormLayout, target_attributes: Sequence[str]) -> None:
        """The default value, the target attribute, when it applies, the matching precedence."""
        self.default_value = QLineEdit(self)
        self.default_value.setObjectName("defaultValue")
        self.default_value.setPlaceholderText(self.tr("(none)"))
        form.addRow(
            labelled(self.tr("&Default value if empty:"), self.default_value, self),
            self.default_value,
        )
        self.target = QComboBox(self)
        self.target.setObjectName("targetAttribute")
        self.target.setEditable(True)
        self.target.addItems(list(target_attributes))
        form.addRow(labelled(self.tr("Target &attribute:"), self.target, self), self.target)
        self.apply_when = QComboBox(self)
        self.apply_when.setObjectName("applyWhen")
        self.apply_when.addItem(self.tr("Always"), ApplyWhen.ALWAYS.value)
        self.apply_when.addItem(self.tr("Only during object creation"), ApplyWhen.ON_CREATE.value)
        form.addRow(
            labelled(self.tr("A&pply this mapping:"), self.apply_when, self), self.apply_when
        )
        self.matching = QSpinBox(self)
        self.matching.setObjectName("matchingPrecedence")
        self.matching.setRange(0, 9)
        self.matching.setSpecialValueText(self.tr("Not a matching attribute"))
        form.addRow(labelled(self.tr("&Matching precedence:"), self.matching, self), self.matching)

    def _fit_stack(self, index: int) -> None:
        # QStackedWidget takes the tallest size hint of its pages (the expression box's is
        # 192 px whatever its fixed height): size it to the page shown instead.
        current = self.value_stack.widget(index)
        if current is None:
            return
        height = (
            current.maximumHeight() if current is self.expression else current.sizeHint().height()
        )
        self.value_stack.setFixedHeight(height)

    def _load(self, mapping: AttributeMapping) -> None:
        self.mapping_type.setCurrentIndex(self.mapping_type.findData(mapping.type.value))
        self.source_attribute.setCurrentText(mapping.source)
        self.constant.setText(mapping.constant)
        self.expression.setPlainText(mapping.expression)
        self.default_value.setText(mapping.default or "")
        self.target.setCurrentText(mapping.target)
        self.apply_when.setCurrentIndex(self.apply_when.findData(mapping.apply.value))
        self.matching.setValue(mapping.matching_precedence)

    def kind(self) -> MappingType:
        return MappingType(self.mapping_type.currentData())

    def _type_changed(self) -> None:
        kind = self.kind()
        index = {
            MappingType.DIRECT: 0,
            MappingType.CONSTANT: 1,
            MappingType.EXPRESSION: 2,
            MappingType.NONE: 3,
        }[kind]
        self.value_stack.setCurrentIndex(index)
        self._fit_stack(index)
        words = {
            MappingType.DIRECT: self.tr("&Source attribute:"),
            MappingType.CONSTANT: self.tr("Constant &value:"),
            MappingType.EXPRESSION: self.tr("E&xpression:"),
            MappingType.NONE: self.tr("Value:"),
        }
        self.value_label.setText(words[kind])
        current = self.value_stack.currentWidget()
        if current is not None:
            self.value_label.setBuddy(current)
        self._check()

    def mapping(self) -> AttributeMapping:
        kind = self.kind()
        return AttributeMapping(
            target=self.target.currentText().strip(),
            type=kind,
            source=self.source_attribute.currentText().strip()
            if kind == MappingType.DIRECT
            else "",
            constant=self.constant.text() if kind == MappingType.CONSTANT else "",
            expression=self.expression.toPlainText().strip()
            if kind == MappingType.EXPRESSION
            else "",
            default=self.default_value.text() or None,
            apply=ApplyWhen(self.apply_when.currentData()),
            matching_precedence=self.matching.value(),
        )

    def _mark(self, column: int | None) -> None:
        """Underline the character where the expression is wrong (or clear the mark)."""
        if column is None:
            self.expression.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        text_format = QTextCharFormat()
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        text_format.setUnderlineColor(QColor("red"))
        text_format.setBackground(QColor(255, 0, 0, 50))
        selection.format = text_format
        cursor = QTextCursor(self.expression.document())
        length = len(self.expression.toPlainText())
        start = max(0, min(column - 1, max(length - 1, 0)))
        cursor.setPosition(start)
        cursor.setPosition(min(start + 1, length), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.expression.setExtraSelections([selection])

    def problem(self) -> str | None:
        kind = self.kind()
        self._mark(None)
        self.expression_error.clear_message()
        if not self.target.currentText().strip():
            return self.tr("Choose the target attribute.")
        if kind == MappingType.DIRECT and not self.source_attribute.currentText().strip():
            return self.tr("Choose the source attribute.")
        if kind == MappingType.EXPRESSION:
            text = self.expression.toPlainText().strip()
            if not text:
                return self.tr("Write the expression.")
            error = self.bridge.check_expression(self.expression.toPlainText())
            if error is not None:
                self._mark(error.column)
                self.expression_error.show_error(error.pointer())
                return tr_error(error)[0]
            unknown = self.bridge.check_expression(
                self.expression.toPlainText(), self.source_attributes
            )
            if unknown is not None and self.source_attributes:
                # Allowed (the value is simply empty for every user), but worth a word.
                self._mark(unknown.column)
                self.expression_error.show_info(
                    self.tr("Note: {problem} It is empty for every user of this source.").format(
                        problem=tr_said(unknown.problem, unknown.coded_problem).rstrip(".") + "."
                    )
                    + "\n"
                    + unknown.pointer()
                )
        return None

    def _check(self) -> None:
        problem = self.problem()
        if problem:
            self.message.show_error(problem)
        else:
            self.message.clear_message()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)

    def _accept(self) -> None:
        if self.problem() is not None:
            return
        self.accepted_mapping.emit(self.mapping())
        self.accept()


__all__ = ["MappingEditor"]
