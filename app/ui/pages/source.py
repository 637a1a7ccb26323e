"""page-source: the source directory (CSV file or Microsoft Entra ID) and its validation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.config.profile import (
    DEFAULT_APP_NAME,
    DEFAULT_AUTHORITY,
    DEFAULT_GRAPH_URL,
    CsvSettings,
    EntraSettings,
    SourceSettings,
)
from app.directory.entra.attributes import ENTRA_USER_ATTRIBUTES
from app.errors import UserFacingError
from app.ui.i18n import plural, tr_error, tr_error_text, tr_message
from app.ui.pages.base import BasePage
from app.ui.widgets import BusyBar, FieldMessage, SecretField, compact_rows, labelled

if TYPE_CHECKING:
    from app.directory.csv import CsvValidation
    from app.ui.pages.host import WizardHost

PREVIEW_ROWS = 20
MAX_PREVIEW_ERRORS = 200  # invalid rows shown in the preview beyond its first rows
# The encodings offered (codec name, shown name); "auto" tells UTF-8, UTF-16 and
# Windows-1252 apart by themselves.
ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("utf-16", "UTF-16"),
    ("cp1252", "Windows-1252 (Western European)"),
    ("iso8859-15", "ISO-8859-15 (Latin-9)"),
    ("iso8859-1", "ISO-8859-1 (Latin-1)"),
    ("mac_roman", "Mac OS Roman"),
)
INVALID_ROLE = Qt.ItemDataRole.UserRole + 1  # a preview cell of an invalid row
_INVALID_BACKGROUND = QColor(255, 205, 210)  # a light red that dark text reads well on
_INVALID_BACKGROUND_DARK = QColor(110, 30, 40)


def validation_view(
    result: CsvValidation | None,
) -> tuple[list[str], list[tuple[int, list[str]]], list[tuple[int, str]], int]:
    """(headers, rows shown as (spreadsheet row number, cells), errors by row number, valid
    users) of a CSV validation. The rows shown are the first ones and every invalid one
    (up to MAX_PREVIEW_ERRORS), so that each error can be seen in the preview."""
    if result is None:
        return [], [], [], 0
    headers = list(result.header)
    coded = result.coded_errors_by_row
    errors = [
        (row, tr_message(coded[row]) if row in coded else "; ".join(messages))
        for row, messages in result.errors_by_row.items()
    ]
    invalid = {row for row, _message in errors[:MAX_PREVIEW_ERRORS]}
    shown = [
        (row.number, [row.cells.get(h, "") for h in headers])
        for index, row in enumerate(result.rows)
        if index < PREVIEW_ROWS or row.number in invalid
    ]
    return headers, shown, errors, len(result.users)


class SourcePage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-source")
        self.setTitle(self.tr("Source directory and assignments"))
        self.setSubTitle(
            self.tr(
                "Choose where the users come from. With Microsoft Entra ID, only the users "
                "and groups assigned to the Cisco Webex application are provisioned; users "
                "assigned with the role “Default Access” are left out."
            )
        )
        layout = QVBoxLayout(self)
        choice = QHBoxLayout()
        self.source_csv = QRadioButton(self.tr("A &CSV file"), self)
        self.source_csv.setObjectName("sourceCsv")
        self.source_entra = QRadioButton(self.tr("Microsoft &Entra ID"), self)
        self.source_entra.setObjectName("sourceEntra")
        group = QButtonGroup(self)
        group.addButton(self.source_csv)
        group.addButton(self.source_entra)
        choice.addWidget(self.source_csv)
        choice.addWidget(self.source_entra)
        choice.addStretch(1)
        layout.addLayout(choice)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("sourceStack")
        self.stack.addWidget(self._build_csv_panel())
        self.stack.addWidget(self._build_entra_panel())
        layout.addWidget(self.stack, 1)

        self._validation: CsvValidation | None = None
        self._validated_key: tuple[str, str, str] | None = None
        self._preview_rows: dict[int, int] = {}  # spreadsheet row number -> preview row
        self._validation_error = False
        self._operation: Any = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self._validate_csv)

        defaults = wizard.defaults
        editing = wizard.editing
        # Settings the page does not show (encoding, delimiter, app id, CA file...) are kept.
        self._base_csv: CsvSettings | None = None
        self._base_entra: EntraSettings | None = defaults.entra
        csv_path = defaults.csv_path
        entra_secret = defaults.entra_client_secret
        source_kind = defaults.source_kind
        if editing is not None:
            source_kind = editing.source.kind
            self._base_csv = editing.source.csv
            self._base_entra = editing.source.entra
            csv_path = editing.source.csv.path if editing.source.csv is not None else None
            entra_secret = ""  # the stored one is kept unless a new one is typed
        if csv_path is not None:
            self.csv_path.setText(str(csv_path))
        if self._base_csv is not None:
            self.csv_column.setCurrentText(self._base_csv.user_name_column)
            self.skip_invalid.setChecked(self._base_csv.skip_invalid)
            self._choose_encoding(self._base_csv.encoding)
        if self._base_entra is not None:
            self.entra_tenant.setText(self._base_entra.tenant_id)
            self.entra_client.setText(self._base_entra.client_id)
            self.entra_app.setText(self._base_entra.app_name)
            self.entra_authority.setText(self._base_entra.authority)
            self.entra_graph.setText(self._base_entra.graph_url)
            device_code = self._base_entra.auth == "device_code"
            (self.entra_auth_device if device_code else self.entra_auth_secret).setChecked(True)
        self.entra_secret.setText(entra_secret)
        if self._secret_stored():
            self.entra_secret.show_stored(
                self.tr("Stored in the keyring; type a new one to replace it")
            )
        (self.source_entra if source_kind == "entra" else self.source_csv).setChecked(True)
        self.source_csv.toggled.connect(self._kind_changed)
        self.stack.setCurrentIndex(0 if self.source_csv.isChecked() else 1)

    def initializePage(self) -> None:
        self._kind_changed()

    def stop_work(self) -> None:
        self._debounce.stop()
        super().stop_work()

    # --- CSV --------------------------------------------------------------------------

    def _build_csv_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("csvPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        path_row = QHBoxLayout()
        self.csv_path = QLineEdit(panel)
        self.csv_path.setObjectName("csvPath")
        self.csv_path.setPlaceholderText(self.tr("The CSV export of your users"))
        self.browse = QPushButton(self.tr("B&rowse…"), panel)
        self.browse.setObjectName("browseCsv")
        self.browse.setAccessibleName(self.tr("Browse for the CSV file"))
        path_row.addWidget(self.csv_path, 1)
        path_row.addWidget(self.browse)
        form.addRow(labelled(self.tr("CSV &file:"), self.csv_path, panel), path_row)
        self.csv_encoding = QComboBox(panel)
        self.csv_encoding.setObjectName("csvEncoding")
        self.csv_encoding.addItem(self.tr("Automatic (UTF-8, UTF-16 or Windows-1252)"), "auto")
        for codec, name in ENCODINGS:
            self.csv_encoding.addItem(name, codec)
        self.csv_encoding.setToolTip(
            self.tr(
                "How the file's letters are written. Automatic reads UTF-8 (“CSV UTF-8” in "
                "Excel) and UTF-16, else Windows-1252; choose another when accents look wrong."
            )
        )
        form.addRow(labelled(self.tr("Enc&oding:"), self.csv_encoding, panel), self.csv_encoding)
        # The file's columns once it is read; a name can be typed too (a file not read yet).
        self.csv_column = QComboBox(panel)
        self.csv_column.setObjectName("csvUserNameColumn")
        self.csv_column.setEditable(True)
        self.csv_column.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.csv_column.setCurrentText("userPrincipalName")
        self.csv_column.setToolTip(
            self.tr("The column that holds each user's sign-in e-mail address (the userName).")
        )
        form.addRow(labelled(self.tr("&userName column:"), self.csv_column, panel), self.csv_column)
        self.skip_invalid = QCheckBox(
            self.tr("&Skip invalid rows (they are logged) instead of stopping the sync"), panel
        )
        self.skip_invalid.setObjectName("skipInvalidRows")
        form.addRow("", self.skip_invalid)
        layout.addLayout(form)
        self.csv_busy = BusyBar("csvBusy", panel)
        self.csv_busy.cancelRequested.connect(self._cancel_validation)
        layout.addWidget(self.csv_busy)
        self.csv_message = FieldMessage("csvMessage", panel)
        layout.addWidget(self.csv_message)

        splitter = QSplitter(Qt.Orientation.Vertical, panel)
        self.csv_preview = QTableWidget(0, 0, splitter)
        self.csv_preview.setObjectName("csvPreview")
        self.csv_preview.setAccessibleName(self.tr("First rows of the CSV file"))
        self.csv_preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        compact_rows(self.csv_preview)
        self.csv_preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.csv_errors = QListWidget(splitter)
        self.csv_errors.setObjectName("csvErrors")
        self.csv_errors.setAccessibleName(self.tr("Rows with errors"))
        self.csv_errors.hide()
        self.csv_errors.currentItemChanged.connect(self._show_error_row)
        splitter.addWidget(self.csv_preview)
        splitter.addWidget(self.csv_errors)
        splitter.setSizes([300, 100])
        layout.addWidget(splitter, 1)

        self.browse.clicked.connect(self._browse)
        self.csv_path.textChanged.connect(self._csv_input_changed)
        self.csv_column.currentTextChanged.connect(self._csv_input_changed)
        self.csv_encoding.currentIndexChanged.connect(self._csv_input_changed)
        self.skip_invalid.toggled.connect(self._csv_input_changed)
        return panel

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the CSV file"))
        dialog.setObjectName("csvFileDialog")
        dialog.setNameFilters([self.tr("CSV files (*.csv *.txt)"), self.tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        current = Path(self.csv_path.text()).expanduser()
        if current.parent.is_dir():
            dialog.setDirectory(str(current.parent))
        dialog.fileSelected.connect(self.csv_path.setText)
        dialog.open()  # never exec(): the qasync loop keeps running

    def _choose_encoding(self, codec: str) -> None:
        index = self.csv_encoding.findData(codec)
        if index < 0:  # a codec the profile names that the list lacks: offered as it is
            self.csv_encoding.addItem(codec, codec)
            index = self.csv_encoding.count() - 1
        self.csv_encoding.setCurrentIndex(index)

    def _encoding(self) -> str:
        return str(self.csv_encoding.currentData() or "auto")

    def _csv_key(self) -> tuple[str, str, str]:
        return (
            self.csv_path.text().strip(),
            self.csv_column.currentText().strip(),
            self._encoding(),
        )

    def _csv_input_changed(self) -> None:
        self.completeChanged.emit()
        if not self.isVisible():
            return  # validated when the page shows
        if self._csv_key() != self._validated_key:
            self._debounce.start()
        else:
            self._show_validation()

    def _cancel_validation(self) -> None:
        if self._operation is not None:
            self._operation.cancel()

    def _csv_settings(self) -> CsvSettings:
        path, column, encoding = self._csv_key()
        shown = {
            "path": Path(path).expanduser(),
            "user_name_column": column or "userPrincipalName",
            "skip_invalid": self.skip_invalid.isChecked(),
            "encoding": encoding,
        }
        if self._base_csv is None:
            return CsvSettings.model_validate(shown)
        return CsvSettings.model_validate({**self._base_csv.model_dump(), **shown})

    def _validate_csv(self) -> None:
        if not self.source_csv.isChecked():
            return
        key = self._csv_key()
        path, column, _encoding = key
        self._validation = None
        self._validated_key = None
        self._clear_preview()
        if not path:
            self.csv_message.show_error(
                self.tr("Choose the CSV file that lists your users: type its path or use Browse…")
            )
            return
        if not column:
            self.csv_message.show_error(
                self.tr(
                    "Choose the column that holds the userName in “userName column” "
                    "(e.g. userPrincipalName)."
                )
            )
            return
        chosen = Path(path).expanduser()
        if chosen.is_dir():
            self.csv_message.show_error(
                self.tr("{path} is a folder, not a CSV file.").format(path=path),
                self.tr("Choose the CSV file inside it with Browse…"),
            )
            return
        if not chosen.is_file():
            self.csv_message.show_error(
                self.tr("There is no file at {path}.").format(path=path),
                self.tr("Check the path or use Browse…"),
            )
            return
        self._cancel_validation()
        settings = self._csv_settings()
        self.csv_message.clear_message()
        self.csv_busy.start(self.tr("Reading the CSV file…"))
        operation = self.track(self.bridge.validate_csv(settings.path, settings))
        self._operation = operation
        operation.succeeded.connect(lambda result: self._validated(key, result))
        operation.failed.connect(lambda error: self._validation_failed(key, error))
        operation.finished.connect(self.csv_busy.stop)

    def _validated(self, key: tuple[str, str, str], result: CsvValidation) -> None:
        if key != self._csv_key():
            return
        self._validation = result
        self._validated_key = key
        self._validation_error = False
        self._show_validation()
        self.completeChanged.emit()

    def _validation_failed(self, key: tuple[str, str, str], error: BaseException) -> None:
        if key != self._csv_key():
            return
        self._validation = None
        self._validated_key = key
        self._validation_error = True
        if isinstance(error, UserFacingError):
            self.csv_message.show_error(tr_error(error)[0], self._next_step_here(error))
        else:
            self.csv_message.show_exception(error)
        self.completeChanged.emit()

    def _next_step_here(self, error: UserFacingError) -> str:
        """The reader's next step in this page's words: its controls, not the command's
        options (--encoding, --user-name-column, ...)."""
        step = error.next_step
        text = f"{error.message} {step}"
        if "--encoding" in step or "encoding" in error.message.lower():
            return self.tr(
                "Choose the file's encoding in “Encoding” (Windows-1252 for most older Excel "
                "exports), or save the file again as “CSV UTF-8”."
            )
        if "--user-name-column" in step or "--delimiter" in step:
            return self.tr(
                "Choose the column that holds each user's sign-in address in “userName "
                "column”, or save the file again separated by commas or semicolons."
            )
        if "--" in text:
            return self.tr("Correct the file, or choose another one with Browse…")
        return tr_error(error)[1]

    def _clear_preview(self) -> None:
        self.csv_preview.clear()
        self.csv_preview.setRowCount(0)
        self.csv_preview.setColumnCount(0)
        self.csv_errors.clear()

    def _show_validation(self) -> None:
        if self._validation is None:
            return
        headers, rows, errors, valid = validation_view(self._validation)
        self._offer_columns(headers)
        problems = dict(errors)
        background = _INVALID_BACKGROUND
        if QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128:
            background = _INVALID_BACKGROUND_DARK
        locale = QLocale()
        self.csv_preview.setColumnCount(len(headers))
        self.csv_preview.setHorizontalHeaderLabels(headers)
        self.csv_preview.setRowCount(len(rows))
        self._preview_rows = {}
        for r, (number, cells) in enumerate(rows):
            # The spreadsheet's row numbers (the header is row 1), as the errors give them.
            label = QTableWidgetItem(locale.toString(number))
            self.csv_preview.setVerticalHeaderItem(r, label)
            self._preview_rows[number] = r
            problem = problems.get(number)
            for c, value in enumerate(cells[: len(headers)]):
                item = QTableWidgetItem(value)
                if problem is not None:
                    item.setBackground(background)
                    item.setToolTip(problem)
                    item.setData(INVALID_ROLE, True)
                self.csv_preview.setItem(r, c, item)
            if problem is not None:
                label.setToolTip(problem)
                label.setText(self.tr("{row} ✗").format(row=locale.toString(number)))
        self.csv_errors.clear()
        self.csv_errors.setVisible(bool(errors))
        for row_number, message in errors:
            entry = QListWidgetItem(
                self.tr("Row {row}: {message}").format(
                    row=locale.toString(row_number), message=message
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, row_number)
            self.csv_errors.addItem(entry)
        bad = len(errors)
        if not errors and valid == 0:
            self.csv_message.show_error(
                self.tr("The file has a header row but no users below it, so Next stays off."),
                self.tr(
                    "Add one row per user under the header, save the file, and it is read again."
                ),
            )
        elif not errors:
            self.csv_message.show_ok(
                plural(self.tr("%Ln user(s) read; no errors.", "", valid), valid)
            )
        elif self.skip_invalid.isChecked():
            self.csv_message.show_info(
                plural(self.tr("%Ln valid user(s);", "", valid), valid)
                + " "
                + plural(
                    self.tr("%Ln row(s) with errors will be skipped and logged.", "", bad), bad
                )
            )
        else:
            self.csv_message.show_error(
                plural(
                    self.tr(
                        "%Ln row(s) with errors, marked in the preview and listed below.", "", bad
                    ),
                    bad,
                ),
                self.tr("Correct the file, or tick “Skip invalid rows”."),
            )

    def _offer_columns(self, headers: list[str]) -> None:
        """The file's columns in the userName column's list (the choice stays as it is)."""
        current = self.csv_column.currentText()
        if [self.csv_column.itemText(i) for i in range(self.csv_column.count())] == headers:
            return
        self.csv_column.blockSignals(True)
        self.csv_column.clear()
        self.csv_column.addItems(headers)
        self.csv_column.setCurrentText(current)
        self.csv_column.blockSignals(False)

    def _show_error_row(self, item: QListWidgetItem | None) -> None:
        """An error chosen in the list: its row in the preview."""
        if item is None:
            return
        row = self._preview_rows.get(int(item.data(Qt.ItemDataRole.UserRole)))
        if row is not None:
            self.csv_preview.selectRow(row)
            self.csv_preview.scrollTo(self.csv_preview.model().index(row, 0))

    def _csv_complete(self) -> bool:
        if self._validation is None or self._validated_key != self._csv_key():
            return False
        if not self._validation.users:
            return False  # a header and no user: the message says so
        return not self._validation.errors or self.skip_invalid.isChecked()

    # --- Entra ------------------------------------------------------------------------

    def _build_entra_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("entraPanel")
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        auth_row = QHBoxLayout()
        self.entra_auth_device = QRadioButton(
            self.tr("Sign in as an a&dministrator (device code)"), panel
        )
        self.entra_auth_device.setObjectName("entraAuthDeviceCode")
        self.entra_auth_secret = QRadioButton(self.tr("App &registration client secret"), panel)
        self.entra_auth_secret.setObjectName("entraAuthSecret")
        self.entra_auth_secret.setChecked(True)
        auth_group = QButtonGroup(panel)
        auth_group.addButton(self.entra_auth_device)
        auth_group.addButton(self.entra_auth_secret)
        auth_row.addWidget(self.entra_auth_secret)
        auth_row.addWidget(self.entra_auth_device)
        auth_row.addStretch(1)
        form.addRow(auth_row)
        self.entra_intro = QLabel(panel)
        self.entra_intro.setObjectName("entraAuthIntro")
        self.entra_intro.setWordWrap(True)
        form.addRow(self.entra_intro)
        self.entra_tenant = QLineEdit(panel)
        self.entra_tenant.setObjectName("entraTenantId")
        form.addRow(labelled(self.tr("&Tenant ID:"), self.entra_tenant, panel), self.entra_tenant)
        self.entra_client = QLineEdit(panel)
        self.entra_client.setObjectName("entraClientId")
        form.addRow(
            labelled(self.tr("Application (client) &ID:"), self.entra_client, panel),
            self.entra_client,
        )
        self.entra_secret = SecretField("entraClientSecret", self.tr("Client secret"), panel)
        form.addRow(
            labelled(self.tr("Client &secret:"), self.entra_secret, panel), self.entra_secret
        )
        self._entra_form = form
        self.entra_app = QLineEdit(DEFAULT_APP_NAME, panel)
        self.entra_app.setObjectName("entraAppName")
        form.addRow(
            labelled(self.tr("Enterprise &application:"), self.entra_app, panel), self.entra_app
        )
        self.entra_authority = QLineEdit(DEFAULT_AUTHORITY, panel)
        self.entra_authority.setObjectName("entraAuthority")
        form.addRow(
            labelled(self.tr("Sign-in a&uthority:"), self.entra_authority, panel),
            self.entra_authority,
        )
        self.entra_graph = QLineEdit(DEFAULT_GRAPH_URL, panel)
        self.entra_graph.setObjectName("entraGraphUrl")
        form.addRow(
            labelled(self.tr("Microsoft &Graph:"), self.entra_graph, panel), self.entra_graph
        )
        self.entra_message = FieldMessage("entraMessage", panel)
        form.addRow(self.entra_message)
        for edit in (
            self.entra_tenant,
            self.entra_client,
            self.entra_app,
            self.entra_authority,
            self.entra_graph,
        ):
            edit.textChanged.connect(self._entra_changed)
        self.entra_secret.textChanged.connect(self._entra_changed)
        self.entra_auth_device.toggled.connect(self._entra_auth_changed)
        self._show_entra_auth()
        return panel

    def _device_code(self) -> bool:
        return self.entra_auth_device.isChecked()

    def _entra_auth_changed(self) -> None:
        self._show_entra_auth()
        self._entra_changed()

    def _show_entra_auth(self) -> None:
        """The intro and the fields of the chosen way to sign in."""
        device_code = self._device_code()
        if device_code:
            self.entra_intro.setText(
                self.tr(
                    "An app registration in your tenant that allows public client flows, "
                    "with the delegated permissions User.Read.All, Group.Read.All and "
                    "Application.Read.All (admin consent granted). When the users are first "
                    "read, you sign in as an administrator with a code shown here; the "
                    "sign-in is then kept in the keyring."
                )
            )
        else:
            self.entra_intro.setText(
                self.tr(
                    "An app registration in your tenant with the application permissions "
                    "User.Read.All, Group.Read.All and Application.Read.All (admin consent "
                    "granted) and a client secret."
                )
            )
        self._entra_form.setRowVisible(self.entra_secret, not device_code)

    def _entra_settings(self) -> EntraSettings:
        shown = {
            "tenant_id": self.entra_tenant.text().strip(),
            "client_id": self.entra_client.text().strip(),
            "app_name": self.entra_app.text().strip() or DEFAULT_APP_NAME,
            "authority": self.entra_authority.text().strip() or DEFAULT_AUTHORITY,
            "graph_url": self.entra_graph.text().strip() or DEFAULT_GRAPH_URL,
            "auth": "device_code" if self._device_code() else "client_secret",
        }
        if self._base_entra is None:
            return EntraSettings.model_validate(shown)
        return EntraSettings.model_validate({**self._base_entra.model_dump(), **shown})

    def _secret_stored(self) -> bool:
        return bool(self.draft.stored_secrets.get("entra-client-secret"))

    def _entra_problem(self) -> str | None:
        if not self.entra_tenant.text().strip() or not self.entra_client.text().strip():
            return self.tr("Give the tenant ID and the application (client) ID.")
        if not self._device_code() and not self.entra_secret.text() and not self._secret_stored():
            return self.tr("Paste the client secret of the app registration.")
        try:
            self._entra_settings()
        except ValueError as error:
            return _first_error(error)
        return None

    def _entra_changed(self) -> None:
        problem = self._entra_problem()
        filled = (
            self.entra_tenant.text()
            and self.entra_client.text()
            and (self._device_code() or self.entra_secret.text() or self._secret_stored())
        )
        if problem and filled:
            self.entra_message.show_error(problem)
        else:
            self.entra_message.clear_message()
        self.completeChanged.emit()

    # --- the page ---------------------------------------------------------------------

    def _kind_changed(self) -> None:
        csv = self.source_csv.isChecked()
        self.stack.setCurrentIndex(0 if csv else 1)
        if csv and self._validated_key != self._csv_key():
            self._debounce.start()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.source_csv.isChecked():
            return self._csv_complete()
        return self._entra_problem() is None

    def validatePage(self) -> bool:
        draft = self.draft
        kind_changed = draft.source is None or draft.source.kind != (
            "csv" if self.source_csv.isChecked() else "entra"
        )
        if self.source_csv.isChecked():
            settings = self._csv_settings()
            draft.source = SourceSettings(kind="csv", csv=settings)
            headers = list(self._validation.header) if self._validation is not None else []
            draft.source_attributes = headers
            draft.entra_client_secret = ""
            draft.scope = "all"
        else:
            entra = self._entra_settings()
            before = draft.source.entra if draft.source is not None else None
            if before is not None and before != entra:
                draft.forget_sign_in()  # another tenant, app or way in: sign in afresh
            draft.source = SourceSettings(kind="entra", entra=entra)
            # A device-code sign-in needs no secret: none is kept or saved.
            draft.entra_client_secret = "" if self._device_code() else self.entra_secret.text()
            draft.source_attributes = [attribute.name for attribute in ENTRA_USER_ATTRIBUTES]
            if kind_changed:  # the tutorial's default; a scope already chosen is kept
                draft.scope = "assigned"
        draft.source_users = []  # read again for the mapping preview and scoping count
        draft.plan = None
        return True


def _first_error(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            cause = (found[0].get("ctx") or {}).get("error")
            if isinstance(cause, UserFacingError):  # said in the window's language
                return tr_error_text(cause)
            return str(found[0].get("msg", error)).removeprefix("Value error, ")
    return tr_error_text(error)
