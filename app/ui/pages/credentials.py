"""page-credentials: tenant URL, secret token, "Get my orgId" and "Test connection"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.config.secrets import TOKEN_ENV
from app.errors import UserFacingError
from app.ui.i18n import tr_check
from app.ui.models import ConnectionReportModel, check_title
from app.ui.pages.base import BasePage
from app.ui.widgets import BusyBar, FieldMessage, SecretField, compact_rows, labelled
from app.webex.urls import host_kind

if TYPE_CHECKING:
    from app.ui.pages.host import WizardHost
    from app.webex.checks import ConnectionReport


class CredentialsPage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-credentials")
        self.setTitle(self.tr("Admin credentials"))
        layout = QVBoxLayout(self)
        self._build_help(layout)
        layout.addLayout(self._build_form())
        layout.addLayout(self._build_buttons())
        self._build_results(layout)
        self._passed_for: tuple[str, str] | None = None
        self._shown_for: tuple[str, str] | None = None  # the input the messages are about
        self._advance_after_test = False
        self._finish_after_test = False  # Save was pressed here: save once the test passes
        self._running: Any = None
        self.report: Any = None
        self._fill_in(wizard)
        self._connect_signals(wizard)

    def _build_help(self, layout: QVBoxLayout) -> None:
        """The page's help, and the notice when no keyring can keep the token."""
        self.help = QLabel(self)
        self.help.setObjectName("credentialsHelp")
        self.help.setWordWrap(True)
        self.help.setOpenExternalLinks(True)
        layout.addWidget(self.help)
        # No keyring on this computer (found out when the wizard opened): said here, where
        # the token is asked for, without stopping anyone.
        self.keyring_notice = FieldMessage("keyringNotice", self)
        self.keyring_notice.setAccessibleName(self.tr("Where the token is kept"))
        self.keyring_notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.keyring_notice.setMargin(6)
        layout.addWidget(self.keyring_notice)
        layout.addSpacing(8)

    def _build_form(self) -> QFormLayout:
        """The tenant URL and the secret token, each with its message."""
        form = QFormLayout()
        self.tenant_url = QLineEdit(self)
        self.tenant_url.setObjectName("tenantUrl")
        self.tenant_url.setPlaceholderText("https://webexapis.com/identity/scim/{orgId}/v2/")
        form.addRow(labelled(self.tr("&Tenant URL:"), self.tenant_url, self), self.tenant_url)
        self.tenant_url_message = FieldMessage("tenantUrlMessage", self, reserve_lines=2)
        form.addRow("", self.tenant_url_message)
        token_box = self._build_token_field()
        form.addRow(labelled(self.tr("&Secret token:"), self.token.edit, self), token_box)
        self._typing_own_token = False
        self.token_message = FieldMessage("secretTokenMessage", self, reserve_lines=2)
        form.addRow("", self.token_message)
        return form

    def _build_token_field(self) -> QWidget:
        """The token field, or the line saying it comes from the environment."""
        self.token = SecretField("secretToken", self.tr("Secret token"), self)
        # The token of WEBEX_PROVISIONER_TOKEN, when nothing is stored for the profile: a
        # read-only line instead of an empty field that would block Next and Save.
        self.env_row = QWidget(self)
        env_layout = QHBoxLayout(self.env_row)
        env_layout.setContentsMargins(0, 0, 0, 0)
        self.token_from_env = QLabel(
            self.tr("From the environment variable {variable}").format(variable=TOKEN_ENV),
            self.env_row,
        )
        self.token_from_env.setObjectName("tokenFromEnvironment")
        self.token_from_env.setAccessibleName(self.tr("Secret token"))
        self.token_from_env.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_another_token = QPushButton(self.tr("Type &another token"), self.env_row)
        self.use_another_token.setObjectName("useAnotherToken")
        self.use_another_token.setAccessibleName(self.tr("Type another token"))
        env_layout.addWidget(self.token_from_env, 1)
        env_layout.addWidget(self.use_another_token)
        token_box = QWidget(self)
        token_layout = QVBoxLayout(token_box)
        token_layout.setContentsMargins(0, 0, 0, 0)
        token_layout.addWidget(self.token)
        token_layout.addWidget(self.env_row)
        return token_box

    def _build_buttons(self) -> QHBoxLayout:
        """Get my orgId and Test connection."""
        buttons = QHBoxLayout()
        self.fetch_button = QPushButton(self.tr("&Get my orgId"), self)
        self.fetch_button.setObjectName("fetchOrgId")
        self.fetch_button.setToolTip(
            self.tr("Calls “Get My Own Details” (people/me) with the token and fills the orgId in.")
        )
        self.test_button = QPushButton(self.tr("Test &connection"), self)
        self.test_button.setObjectName("testConnection")
        buttons.addWidget(self.fetch_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        return buttons

    def _build_results(self, layout: QVBoxLayout) -> None:
        """The busy bar, the connection message and the table of the test's checks."""
        self.busy = BusyBar("credentialsBusy", self, keep_space=True)
        self.busy.cancelRequested.connect(self.stop_work)
        layout.addWidget(self.busy)
        self.connection_message = FieldMessage("connectionMessage", self, reserve_lines=2)
        layout.addWidget(self.connection_message)

        self.report_model = ConnectionReportModel(self)
        self.report_view = QTableView(self)
        self.report_view.setObjectName("connectionReport")
        self.report_view.setAccessibleName(self.tr("Connection test results"))
        self.report_view.setModel(self.report_model)
        compact_rows(self.report_view)
        self.report_view.verticalHeader().hide()
        header = self.report_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.report_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout.addWidget(self.report_view, 1)

    def _fill_in(self, wizard: WizardHost) -> None:
        """The fields as the saved profile or the defaults have them."""
        if wizard.editing is not None:
            self.tenant_url.setText(wizard.editing.target.tenant_url)
            self.token.setText("")  # the stored token is kept unless a new one is typed
        else:
            self.tenant_url.setText(wizard.defaults.tenant_url)
            self.token.setText(wizard.defaults.token)
        if self._stored_token():
            self.token.show_stored(self.tr("Stored in the keyring; paste a new one to replace it"))
        self._show_token_note()

    def _connect_signals(self, wizard: WizardHost) -> None:
        """What typing and the buttons do; the keyring's answer, now or when it comes."""
        self.tenant_url.textChanged.connect(self._input_changed)
        self.token.textChanged.connect(self._input_changed)
        self.token.textChanged.connect(self._show_token_note)
        self.fetch_button.clicked.connect(self.fetch_org_id)
        self.test_button.clicked.connect(lambda: self.run_test(advance=False))
        self.use_another_token.clicked.connect(self._type_own_token)
        self._show_token_source()
        wizard.keyringChecked.connect(self._keyring_checked)
        if wizard.keyring_checked:
            self._keyring_checked(wizard.keyring_problem)
        self._input_changed()

    def initializePage(self) -> None:
        webex = self.draft.target_kind == "webex"
        self.fetch_button.setVisible(webex)
        if webex:
            self.setSubTitle(
                self.tr(
                    "Enter the tenant URL and the secret token of a Webex administrator. "
                    "Next tests the connection first."
                )
            )
            self.help.setText(
                self.tr(
                    "The tenant URL has the form https://webexapis.com/identity/scim/"
                    "[orgId]/v2/ (the tutorial's https://api.webex.com/v1/scim/[Tenant ID]/ "
                    "works too). The secret token is the access token of an administrator: "
                    "sign in at developer.webex.com with your admin account and copy it. "
                    "<b>Get my orgId</b> then fills the orgId in for you."
                )
            )
        else:
            self.setSubTitle(
                self.tr(
                    "Enter the SCIM 2.0 base URL of the application and its bearer token. "
                    "Next tests the connection first."
                )
            )
            self.help.setText(
                self.tr(
                    "The base URL is the address the application documents for SCIM 2.0, "
                    "e.g. https://scim.example.com/scim/v2/."
                )
            )
        self._input_changed()

    # --- input ------------------------------------------------------------------------

    # --- where the token comes from ---------------------------------------------------

    def _env_token(self) -> str:
        return self.draft.environment.get("webex-token", "")

    @property
    def token_from_environment(self) -> bool:
        """Nothing typed and nothing stored: the token of WEBEX_PROVISIONER_TOKEN is used."""
        return (
            bool(self._env_token())
            and not self._stored_token()
            and not self._typing_own_token
            and not self.token.text().strip()
        )

    def _show_token_source(self) -> None:
        from_env = self.token_from_environment
        self.env_row.setVisible(from_env)
        self.token.setVisible(not from_env)

    def _type_own_token(self) -> None:
        self._typing_own_token = True
        self._show_token_source()
        self.token.setFocus()
        self._input_changed()

    def _keyring_checked(self, problem: Any) -> None:
        if problem is None:
            self.keyring_notice.clear_message()
            return
        if self._env_token():
            self.keyring_notice.show_info(
                self.tr(
                    "This computer has no keyring to keep secrets. The profile is saved "
                    "without the token: every cycle reads it from the environment variable "
                    "{variable}, as this wizard does now."
                ).format(variable=TOKEN_ENV)
            )
        else:
            self.keyring_notice.show_error(
                self.tr(
                    "This computer has no keyring to keep secrets, so a token typed here "
                    "cannot be saved with the profile."
                ),
                self.tr(
                    "Set the environment variable {variable} to the token and start the "
                    "program again: the profile is then saved without it and every cycle "
                    "reads it from there."
                ).format(variable=TOKEN_ENV),
            )

    def _stored_token(self) -> str:
        return self.draft.stored_secrets.get("webex-token", "")

    def _token(self) -> str:
        """The token typed here, else the one stored for the profile being edited, else the
        environment's (when it is shown as the token's source)."""
        typed = self.token.text().strip() or self._stored_token()
        if typed:
            return typed
        return self._env_token() if self.token_from_environment else ""

    def _show_token_note(self) -> None:
        if not self._stored_token():
            return
        if self.token.text().strip():
            self.token_message.show_info(
                self.tr("The token typed here replaces the stored one when you save.")
            )
        else:
            self.token_message.show_info(
                self.tr(
                    "A token is stored in the keyring for this profile; it is used unless "
                    "you paste a new one."
                )
            )

    def _key(self) -> tuple[str, str]:
        return (self.tenant_url.text().strip(), self._token())

    def _url_problem(self) -> UserFacingError | None:
        text = self.tenant_url.text().strip()
        if not text:
            return None
        try:
            target = self.bridge.parse_tenant_url(text)
        except UserFacingError as error:
            return error
        if self.draft.target_kind == "webex" and target.kind != "webex":
            return UserFacingError(
                self.tr("This is not a Webex tenant URL."),
                self.tr(
                    "Use https://webexapis.com/identity/scim/[orgId]/v2/, or go back and "
                    "choose “Another SCIM 2.0 application”."
                ),
            )
        return None

    def _input_changed(self) -> None:
        problem = self._url_problem()
        if problem is not None:
            self.tenant_url_message.show_exception(problem)
        else:
            self.tenant_url_message.clear_message()
        if self._shown_for != self._key():
            # Results and errors of another URL or token would mislead: they go.
            self._shown_for = self._key()
            self._passed_for = None
            self.report = None
            self.connection_message.clear_message()
            self.report_model.set_checks([])
            if self.token_message.kind != "info":
                self.token_message.clear_message()
            self._show_token_note()
        self._update_buttons()
        self.completeChanged.emit()

    def _update_buttons(self) -> None:
        idle = self._running is None
        has_token = bool(self._token())
        self.fetch_button.setEnabled(idle and has_token)
        self.test_button.setEnabled(
            idle and has_token and bool(self.tenant_url.text().strip()) and not self._url_problem()
        )

    def _busy(self, text: str, operation: Any) -> None:
        self._running = self.track(operation)
        self.busy.start(text)
        self._update_buttons()
        self.completeChanged.emit()
        operation.finished.connect(self._idle)

    def _idle(self) -> None:
        self._running = None
        self.busy.stop()
        self._update_buttons()
        self.completeChanged.emit()

    # --- Get my orgId -----------------------------------------------------------------

    def fetch_org_id(self) -> None:
        token = self._token()
        if not token:
            self.token_message.show_error(self.tr("Paste the secret token first."))
            return
        self.token_message.clear_message()
        self.connection_message.clear_message()
        url_text, in_sandbox = self._org_source()
        key = self._key()
        operation = self.bridge.fetch_org_id(url_text, token)
        operation.succeeded.connect(lambda me: self._org_fetched(key, url_text, in_sandbox, me))
        operation.failed.connect(lambda error: self._fetch_failed(key, error))
        if in_sandbox:
            self._busy(self.tr("Asking the sandbox who this token belongs to…"), operation)
        else:
            self._busy(self.tr("Asking Webex who this token belongs to…"), operation)

    def _org_source(self) -> tuple[str, bool]:
        """The tenant URL whose people/me "Get my orgId" asks, and whether it is the sandbox's.

        In the sandbox the token is the sandbox's: it is never sent to Webex (an empty field
        or a webexapis.com URL would ask webexapis.com), the sandbox answers instead.
        """
        text = self.tenant_url.text().strip()
        defaults = self.setup.defaults
        if not defaults.sandbox or not defaults.tenant_url:
            return text, False
        try:
            host = urlsplit(text).hostname or ""
        except ValueError:
            host = ""
        if text and host_kind(host) == "loopback":
            return text, True
        return defaults.tenant_url, True

    def _fetch_failed(self, key: tuple[str, str], error: BaseException) -> None:
        if key == self._key():  # else the input changed meanwhile: the error is about old input
            self.token_message.show_exception(error)

    def _org_fetched(self, key: tuple[str, str], url_text: str, sandbox: bool, me: Any) -> None:
        if key != self._key():
            return
        try:
            new_url = self.bridge.tenant_url_with_org(url_text, me.org_uuid)
        except UserFacingError as error:
            self.tenant_url_message.show_exception(error)
            return
        self.tenant_url.setText(new_url)
        who = me.display_name or (me.emails[0] if me.emails else "")
        if sandbox:
            text = self.tr(
                "The sandbox says the token belongs to {who}; the sandbox's tenant URL with "
                "orgId {org} filled in."
            )
        else:
            text = self.tr("The token belongs to {who}; orgId {org} filled in.")
        self.token_message.show_ok(text.format(who=who, org=me.org_uuid))

    # --- Test connection --------------------------------------------------------------

    def run_test(self, *, advance: bool = False) -> Any:
        """Start the named checks; returns the operation (None when one already runs)."""
        if self._running is not None:
            return None
        url, token = self._key()
        self._advance_after_test = advance
        self.connection_message.clear_message()
        self.report_model.set_checks([])
        operation = self.bridge.test_connection(url, token)
        key = (url, token)
        operation.succeeded.connect(lambda report: self._tested(key, report))
        operation.failed.connect(lambda error: self._test_failed(key, error))
        self._busy(self.tr("Testing the connection…"), operation)
        return operation

    def _test_failed(self, key: tuple[str, str], error: BaseException) -> None:
        if key == self._key():
            self.connection_message.show_exception(error)

    def _tested(self, key: tuple[str, str], report: ConnectionReport) -> None:
        if key != self._key():
            return  # the URL or token changed while testing: this report is about old input
        self.report = report
        checks = [tr_check(check) for check in report.checks]
        self.report_model.set_checks(checks)
        self.report_view.resizeRowsToContents()
        if report.ok:
            self._passed_for = key
            self.connection_message.show_ok(
                self.tr("The connection works: every check passed or could not be told.")
            )
            if self._advance_after_test:
                self._advance_after_test = False
                self.completeChanged.emit()
                if self._finish_after_test:
                    self.setup.accept()
                else:
                    self.setup.next()
            return
        failed = [check for check in checks if str(check.status) == "failed"]
        titles = "; ".join(check_title(check.id, check.title) for check in failed)
        self.connection_message.show_error(
            self.tr("Checks that failed: {titles}.").format(titles=titles),
            failed[0].next_step if failed else "",
        )

    # --- the page ---------------------------------------------------------------------

    def isComplete(self) -> bool:
        url, token = self._key()
        return bool(url and token) and self._url_problem() is None and self._running is None

    def validatePage(self) -> bool:
        if self._passed_for != self._key():
            self._finish_after_test = self.setup.finishing
            self.run_test(advance=True)  # Next = test, then move on when it passes
            return False
        url, _token = self._key()
        self.draft.tenant_url = url
        self.draft.token = self.token.text().strip()  # empty: the stored token stays
        self.draft.plan = None
        return True
