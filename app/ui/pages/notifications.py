"""page-notifications: the tutorial's "Notification Email" and the mail server that sends it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.config.config_messages import CodedValueError
from app.config.profile import NotificationSettings, SmtpSettings, looks_like_email
from app.config.settings import setting
from app.ui.i18n import tr_message
from app.ui.pages.base import BasePage
from app.ui.widgets import BusyBar, FieldMessage, SecretField, labelled

if TYPE_CHECKING:
    from app.ui.pages.host import WizardHost

SECURITY_PORTS = {"starttls": 587, "tls": 465, "none": 25}


def _words(text: str) -> str:
    """A label or placeholder of the settings table (app/config/settings.py), translated in
    this page's context."""
    return QCoreApplication.translate("NotificationsPage", text)


def split_addresses(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class NotificationsPage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-notifications")
        self.setTitle(self.tr("Notification e-mail"))
        self.setSubTitle(
            self.tr(
                "Enter the e-mail address of a person or group who should receive "
                "provisioning error notifications, and tick the box to send them."
            )
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._recipient_form())
        layout.addWidget(self._smtp_box())
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Send &test e-mail"), self)
        self.test_button.setObjectName("sendTestMail")
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.busy = BusyBar("mailBusy", self)
        self.busy.cancelRequested.connect(self.stop_work)
        layout.addWidget(self.busy)
        self.message = FieldMessage("testMailMessage", self)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self._running: Any = None
        if wizard.editing is not None:
            self._load(wizard.editing.notifications)
        if self._stored_password():
            self.smtp_password.show_stored(
                self.tr("Stored in the keyring; type a new one to replace it")
            )
        self._connect_changes()
        self._changed()

    def _recipient_form(self) -> QFormLayout:
        """Who is told, and whether they are."""
        form = QFormLayout()
        emails = setting("--notify-email")
        self.email = QLineEdit(self)
        self.email.setObjectName("notificationEmail")
        self.email.setPlaceholderText(_words(emails.placeholder))
        form.addRow(labelled(_words(emails.label), self.email, self), self.email)
        self.email_message = FieldMessage("notificationEmailMessage", self)
        form.addRow("", self.email_message)
        self.send_on_failure = QCheckBox(_words(setting("--send-on-failure").label), self)
        self.send_on_failure.setObjectName("sendFailureEmail")
        form.addRow("", self.send_on_failure)
        language = setting("--mail-language")
        self.mail_language = QComboBox(self)
        self.mail_language.setObjectName("mailLanguage")
        for value in language.choices:
            self.mail_language.addItem(_words(language.choice_label(value)), value)
        form.addRow(labelled(_words(language.label), self.mail_language, self), self.mail_language)
        return form

    def _smtp_box(self) -> QGroupBox:
        """The mail server that sends the e-mail."""
        smtp_box = QGroupBox(self.tr("Mail server (SMTP)"), self)
        smtp_box.setObjectName("smtpSettings")
        smtp = QFormLayout(smtp_box)
        host = setting("--smtp-host")
        self.smtp_host = QLineEdit(smtp_box)
        self.smtp_host.setObjectName("smtpHost")
        self.smtp_host.setPlaceholderText(_words(host.placeholder))
        smtp.addRow(labelled(_words(host.label), self.smtp_host, smtp_box), self.smtp_host)
        port_row = QHBoxLayout()
        self.smtp_port = QSpinBox(smtp_box)
        self.smtp_port.setObjectName("smtpPort")
        self.smtp_port.setRange(1, 65535)
        self.smtp_port.setValue(587)
        security = setting("--smtp-security")
        self.smtp_security = QComboBox(smtp_box)
        self.smtp_security.setObjectName("smtpSecurity")
        for value in SECURITY_PORTS:  # the usual first
            self.smtp_security.addItem(_words(security.choice_label(value)), value)
        self.smtp_security.setAccessibleName(_words(security.label))
        port_row.addWidget(self.smtp_port)
        port_row.addWidget(self.smtp_security, 1)
        port = setting("--smtp-port")
        smtp.addRow(labelled(_words(port.label), self.smtp_port, smtp_box), port_row)
        self.smtp_user = QLineEdit(smtp_box)
        self.smtp_user.setObjectName("smtpUser")
        user = setting("--smtp-user")
        smtp.addRow(labelled(_words(user.label), self.smtp_user, smtp_box), self.smtp_user)
        self.smtp_password = SecretField("smtpPassword", self.tr("SMTP password"), smtp_box)
        password = setting("--smtp-password-stdin")
        smtp.addRow(
            labelled(_words(password.label), self.smtp_password.edit, smtp_box),
            self.smtp_password,
        )
        sender = setting("--smtp-sender")
        self.smtp_sender = QLineEdit(smtp_box)
        self.smtp_sender.setObjectName("smtpSender")
        self.smtp_sender.setPlaceholderText(_words(sender.placeholder))
        smtp.addRow(labelled(_words(sender.label), self.smtp_sender, smtp_box), self.smtp_sender)
        return smtp_box

    def _connect_changes(self) -> None:
        for edit in (self.email, self.smtp_host, self.smtp_user, self.smtp_sender):
            edit.textChanged.connect(self._changed)
        self.smtp_password.textChanged.connect(self._changed)
        self.send_on_failure.toggled.connect(self._changed)
        self.smtp_port.valueChanged.connect(self._changed)
        self.smtp_security.currentIndexChanged.connect(self._security_changed)
        self.test_button.clicked.connect(self.send_test)

    def _load(self, settings: NotificationSettings) -> None:
        """Show saved settings (Settings of a profile)."""
        self.email.setText(", ".join(settings.emails))
        self.send_on_failure.setChecked(settings.send_on_failure)
        self.smtp_host.setText(settings.smtp.host)
        self.smtp_security.setCurrentIndex(self.smtp_security.findData(settings.smtp.security))
        self.smtp_port.setValue(settings.smtp.port)
        self.smtp_user.setText(settings.smtp.user)
        self.smtp_sender.setText(settings.smtp.sender)
        self.mail_language.setCurrentIndex(self.mail_language.findData(settings.language))

    def _stored_password(self) -> str:
        return self.draft.stored_secrets.get("smtp-password", "")

    def _security_changed(self) -> None:
        if self.smtp_port.value() in SECURITY_PORTS.values():
            self.smtp_port.setValue(SECURITY_PORTS[self.smtp_security.currentData()])
        self._changed()

    def settings(self) -> NotificationSettings:
        """The page as NotificationSettings (raises ValidationError with plain words)."""
        return NotificationSettings(
            emails=split_addresses(self.email.text()),
            send_on_failure=self.send_on_failure.isChecked(),
            smtp=SmtpSettings(
                host=self.smtp_host.text(),
                port=self.smtp_port.value(),
                security=self.smtp_security.currentData(),
                user=self.smtp_user.text(),
                sender=self.smtp_sender.text(),
            ),
            language=self.mail_language.currentData(),
        )

    def _problem(self) -> str | None:
        for address in split_addresses(self.email.text()):
            if not looks_like_email(address):
                return self.tr("{address} is not an e-mail address.").format(address=address)
        if self.send_on_failure.isChecked():
            if not split_addresses(self.email.text()):
                return self.tr("Enter the address that receives the notifications.")
            if not self.smtp_host.text().strip():
                return self.tr("Enter the mail server (SMTP) that sends the notifications.")
        sender = self.smtp_sender.text().strip()
        if sender and not looks_like_email(sender):
            return self.tr("The sender {address} is not an e-mail address.").format(address=sender)
        try:
            self.settings()
        except ValidationError as error:
            first = error.errors()[0]
            cause = (first.get("ctx") or {}).get("error")
            if isinstance(cause, CodedValueError):  # the model's own words, translated
                return tr_message(cause.coded)
            return str(first["msg"]).removeprefix("Value error, ")
        return None

    def _changed(self) -> None:
        problem = self._problem()
        if problem:
            self.email_message.show_error(problem)
        else:
            self.email_message.clear_message()
        self.test_button.setEnabled(
            self._running is None
            and bool(self.smtp_host.text().strip())
            and bool(split_addresses(self.email.text()))
            and problem is None
        )
        self.completeChanged.emit()

    def send_test(self) -> None:
        if self._problem() is not None:
            return
        self.message.clear_message()
        operation = self.track(
            self.bridge.send_test_mail(
                self.settings(),
                self.smtp_password.text() or self._stored_password() or None,
                profile_name=self.draft.name,
            )
        )
        self._running = operation
        self.busy.start(self.tr("Sending a test e-mail…"))
        operation.succeeded.connect(
            lambda _message: self.message.show_ok(
                self.tr("The test e-mail was sent to {to}.").format(
                    to=", ".join(split_addresses(self.email.text()))
                )
            )
        )
        operation.failed.connect(self.message.show_exception)
        operation.finished.connect(self._idle)
        self._changed()

    def _idle(self) -> None:
        self._running = None
        self.busy.stop()
        self._changed()

    def isComplete(self) -> bool:
        return self._problem() is None

    def validatePage(self) -> bool:
        self.draft.notifications = self.settings()
        self.draft.smtp_password = self.smtp_password.text()
        return True
