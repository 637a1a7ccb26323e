"""page-mappings: the attribute mappings, their editor, and a preview on a real source user."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
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

from app.config.defaults import csv_mapping_set
from app.config.rules import AttributeMapping, MappingSet
from app.errors import UserFacingError
from app.ui.i18n import tr_error_text
from app.ui.mapping_editor import MappingEditor
from app.ui.models import MappingsModel, pretty_json
from app.ui.pages.base import BasePage
from app.ui.widgets import BusyBar, FieldMessage, compact_rows, labelled

if TYPE_CHECKING:
    from app.directory.base import SourceUser
    from app.ui.pages.host import WizardHost

MAX_LISTED_USERS = 200


class MappingsPage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-mappings")
        self.setTitle(self.tr("Attribute mappings"))
        self.setSubTitle(
            self.tr(
                "Review the user attributes that are synchronized to Cisco Webex. The "
                "attributes selected as Matching properties are used to match the user "
                "accounts in Cisco Webex for update operations."
            )
        )
        layout = QVBoxLayout(self)
        # The table above, full width (every column, matching precedence included, shows);
        # the preview below it.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("mappingsSplitter")
        splitter.setChildrenCollapsible(False)
        left = self._build_mappings_panel(splitter)
        preview_box = self._build_preview_panel(splitter)
        splitter.addWidget(left)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 360])
        layout.addWidget(splitter, 1)

        self._mappings_kind: tuple[Any, ...] | None = None  # what the defaults were made for
        self._defaults_shown: list[AttributeMapping] = []
        self._loading: Any = None
        self._editor: MappingEditor | None = None
        self._users: list[SourceUser] = []
        self._before_change: list[AttributeMapping] | None = None  # what Undo brings back
        self._connect_signals()
        self._selection_changed()

    def _build_mappings_panel(self, splitter: QSplitter) -> QWidget:
        """The table of mappings, its buttons (add, edit, remove, restore, undo), its messages."""
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = MappingsModel(self)
        self.table = QTableView(left)
        self.table.setObjectName("mappingsTable")
        self.table.setAccessibleName(self.tr("Attribute mappings"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add mapping"), left)
        self.add_button.setObjectName("addMapping")
        self.edit_button = QPushButton(self.tr("&Edit…"), left)
        self.edit_button.setObjectName("editMapping")
        self.remove_button = QPushButton(self.tr("&Remove"), left)
        self.remove_button.setObjectName("removeMapping")
        self.restore_button = QPushButton(self.tr("Restore &defaults"), left)
        self.restore_button.setObjectName("restoreMappings")
        self.undo_button = QPushButton(self.tr("Und&o"), left)
        self.undo_button.setObjectName("undoMappings")
        self.undo_button.setEnabled(False)
        for button in (self.add_button, self.edit_button, self.remove_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        left_layout.addLayout(buttons)
        self.mappings_message = FieldMessage("mappingsMessage", left)
        left_layout.addWidget(self.mappings_message)
        self.undo_message = FieldMessage("mappingsUndoMessage", left)
        left_layout.addWidget(self.undo_message)
        return left

    def _build_preview_panel(self, splitter: QSplitter) -> QGroupBox:
        """A source user to pick, and the SCIM body the target would receive for them."""
        preview_box = QGroupBox(self.tr("Preview on a source user"), splitter)
        preview_layout = QVBoxLayout(preview_box)
        form = QHBoxLayout()
        self.search = QLineEdit(preview_box)
        self.search.setObjectName("previewSearch")
        self.search.setPlaceholderText(self.tr("Type part of a userName"))
        self.search.setClearButtonEnabled(True)
        form.addWidget(labelled(self.tr("Searc&h:"), self.search, preview_box))
        form.addWidget(self.search, 1)
        self.user_choice = QComboBox(preview_box)
        self.user_choice.setObjectName("previewUser")
        self.user_choice.setMinimumContentsLength(28)
        form.addWidget(labelled(self.tr("&User:"), self.user_choice, preview_box))
        form.addWidget(self.user_choice, 1)
        preview_layout.addLayout(form)
        self.busy = BusyBar("sourceBusy", preview_box)
        self.busy.cancelRequested.connect(self.stop_work)
        preview_layout.addWidget(self.busy)
        self.preview = QPlainTextEdit(preview_box)
        self.preview.setObjectName("mappingPreview")
        self.preview.setAccessibleName(self.tr("What the target would receive"))
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        preview_layout.addWidget(self.preview, 1)
        self.preview_message = FieldMessage("previewMessage", preview_box)
        preview_layout.addWidget(self.preview_message)
        caption = QLabel(
            self.tr("The SCIM body the target would receive if this user were created now."),
            preview_box,
        )
        caption.setWordWrap(True)
        preview_layout.addWidget(caption)
        return preview_box

    def _connect_signals(self) -> None:
        """What the buttons, the preview's search and a change of the mappings do."""
        self.undo_button.clicked.connect(self.undo)
        self.add_button.clicked.connect(self.add_mapping)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.restore_button.clicked.connect(self.restore_defaults)
        self.search.textChanged.connect(self._fill_users)
        self.user_choice.currentIndexChanged.connect(self.update_preview)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._mappings_changed)
        self.model.dataChanged.connect(self._mappings_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    # --- set-up -----------------------------------------------------------------------

    def defaults(self) -> MappingSet:
        """The default mappings for this target and source: a CSV file's from its columns."""
        kind = self.draft.target_kind
        source = self.draft.source
        if source is not None and source.kind == "csv" and source.csv is not None:
            return csv_mapping_set(
                list(self.draft.source_attributes),
                source.csv.user_name_column,
                "scim" if kind == "scim" else "webex",
            )
        return self.bridge.default_mappings(kind)

    def _defaults_key(self) -> tuple[Any, ...]:
        source = self.draft.source
        csv = source.csv if source is not None and source.kind == "csv" else None
        column = csv.user_name_column if csv is not None else ""
        return (self.draft.target_kind, source.kind if source else "", column)

    def initializePage(self) -> None:
        key = self._defaults_key()
        if self._mappings_kind != key:  # first visit, or the target or the source changed
            first_visit = self._mappings_kind is None
            if first_visit and self.draft.mappings is not None:
                self.model.set_mappings(self.draft.mappings.users)
            elif first_visit or self.model.mappings() == self._defaults_shown:
                # The defaults of another target or source, unchanged: this one's instead.
                # (The admin's own mappings are kept; Restore defaults offers these.)
                self.draft.mappings = None
                self._defaults_shown = self.defaults().users
                self.model.set_mappings(self._defaults_shown)
        self._mappings_kind = key
        self.table.resizeColumnsToContents()
        if not self.draft.source_users:
            self._load_users()
        else:
            self._users = self.draft.source_users
            self._fill_users()

    def _load_users(self) -> None:
        self.stop_work()
        self._users = []
        self.user_choice.clear()
        self.preview.clear()
        self.preview_message.clear_message()
        try:
            profile = self.draft.profile()
        except Exception as error:
            self.preview_message.show_error(tr_error_text(error))
            return
        operation = self.track(self.bridge.read_source_users(profile, self.draft.draft_secrets()))
        self._loading = operation
        self.busy.start(self.tr("Reading the users of the source directory…"))
        operation.succeeded.connect(self._users_loaded)
        operation.failed.connect(self.preview_message.show_exception)
        operation.finished.connect(self._loaded)

    def _loaded(self) -> None:
        self._loading = None
        self.busy.stop()

    def _users_loaded(self, users: list[SourceUser]) -> None:
        self._users = users
        self.draft.source_users = users
        if not users:
            self.preview_message.show_info(self.tr("The source has no user to preview."))
        self._fill_users()

    def _fill_users(self) -> None:
        text = self.search.text().strip().lower()
        current = self.user_choice.currentText()
        matches = [u for u in self._users if text in u.user_name.lower()][:MAX_LISTED_USERS]
        self.user_choice.blockSignals(True)
        self.user_choice.clear()
        for user in matches:
            self.user_choice.addItem(user.user_name, user.source_id)
        index = self.user_choice.findText(current)
        self.user_choice.setCurrentIndex(index if index >= 0 else (0 if matches else -1))
        self.user_choice.blockSignals(False)
        self.update_preview()

    # --- editing ----------------------------------------------------------------------

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self) -> None:
        has = self.selected_row() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _open_editor(self, mapping: AttributeMapping | None, row: int | None) -> None:
        editor = MappingEditor(
            self.bridge,
            mapping,
            target_attributes=self.bridge.target_attributes(self.draft.target_kind),
            source_attributes=self.draft.source_attributes,
            parent=self,
        )
        editor.accepted_mapping.connect(lambda edited: self._edited(row, edited))
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        self._editor = editor
        editor.open()  # never exec(): the qasync loop keeps running

    def _editor_closed(self, editor: MappingEditor) -> None:
        if self._editor is editor:
            self._editor = None
        editor.deleteLater()

    @property
    def editor(self) -> MappingEditor | None:
        return self._editor

    def add_mapping(self) -> None:
        self._open_editor(None, None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_editor(self.model.mapping_at(row), row)

    def _edited(self, row: int | None, mapping: AttributeMapping) -> None:
        self.setup.mark_changed()
        self._forget_undo()
        if row is None:
            row = self.model.add(mapping)
        else:
            self.model.replace(row, mapping)
        self.table.selectRow(row)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        removed = self.model.mapping_at(row)
        self._keep_for_undo(
            self.tr("The mapping to {target} was removed.").format(target=removed.target)
        )
        self.model.remove(row)

    def restore_defaults(self) -> None:
        self._keep_for_undo(self.tr("The default mappings were restored."))
        self._defaults_shown = self.defaults().users
        self.model.set_mappings(self._defaults_shown)

    def _keep_for_undo(self, what: str) -> None:
        """Remove and Restore defaults can be taken back: the list before them is kept."""
        self.setup.mark_changed()
        self._before_change = self.model.mappings()
        self.undo_button.setEnabled(True)
        self.undo_button.setToolTip(what)
        self.undo_message.show_info(
            self.tr("{what} Undo brings the previous mappings back.").format(what=what)
        )

    def _forget_undo(self) -> None:
        self._before_change = None
        self.undo_button.setEnabled(False)
        self.undo_button.setToolTip("")
        self.undo_message.clear_message()

    def undo(self) -> None:
        before = self._before_change
        if before is None:
            return
        self._forget_undo()
        self.model.set_mappings(before)
        self.undo_message.show_info(self.tr("The previous mappings are back."))

    def mapping_set(self) -> MappingSet:
        base = self.draft.mappings or self.defaults()
        return base.model_copy(update={"users": self.model.mappings()})

    def _problem(self) -> UserFacingError | None:
        # The engine accepts attributes the source may lack (Coalesce over them is common):
        # unknown names are flagged in the editor, not here.
        return self.bridge.check_mappings(self.mapping_set())

    def _mappings_changed(self) -> None:
        problem = self._problem()
        if problem is not None:
            self.mappings_message.show_exception(problem)
        else:
            self.mappings_message.clear_message()
        self.update_preview()
        self.completeChanged.emit()

    # --- preview ----------------------------------------------------------------------

    def current_user(self) -> SourceUser | None:
        source_id = self.user_choice.currentData()
        return next((u for u in self._users if u.source_id == source_id), None)

    def update_preview(self) -> None:
        user = self.current_user()
        if user is None:
            self.preview.clear()
            return
        try:
            payload = self.bridge.preview_payload(self.mapping_set(), user)
        except UserFacingError as error:
            self.preview.clear()
            self.preview_message.show_exception(error)
            return
        self.preview_message.clear_message()
        self.preview.setPlainText(pretty_json(payload))

    # --- the page ---------------------------------------------------------------------

    def isComplete(self) -> bool:
        return self._problem() is None

    def validatePage(self) -> bool:
        self.draft.mappings = self.mapping_set()
        self.draft.plan = None
        return True
