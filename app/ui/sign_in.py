"""The Microsoft Entra ID sign-in by device code: the page to open and the code to enter.

When a profile signs in as an administrator (device code), the engine's source hands a
DeviceCodePrompt to the bridge, which reports it on the operation that reads the source
(Operation.deviceCodeShown). DeviceCodeHost shows it in a dialog opened with open() (the
event loop keeps running while the admin signs in on another device) and closes it when the
sign-in succeeded (Operation.signedIn) or the operation ended (a refused or expired code
fails it, and the page says why).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import local_time_text

if TYPE_CHECKING:
    from app.directory.entra import DeviceCodePrompt
    from app.ui.bridge import Operation


def _link(url: str) -> str:
    escaped = url.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return f'<a href="{escaped}">{escaped}</a>'


class DeviceCodeDialog(QDialog):
    """deviceCodeDialog: open the page (deviceCodeUrl), enter the code (deviceCodeValue)."""

    cancelRequested = Signal()

    def __init__(self, prompt: DeviceCodePrompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceCodeDialog")
        self.setWindowTitle(self.tr("Sign in to Microsoft Entra ID"))
        self.prompt = prompt
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Sign in as an administrator of your tenant: on this or any other device, "
                "open the page below, enter the code, and sign in. This window closes by "
                "itself once you are signed in."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.url = QLabel(_link(prompt.verification_uri), self)
        self.url.setObjectName("deviceCodeUrl")
        self.url.setAccessibleName(self.tr("Sign-in page"))
        self.url.setTextFormat(Qt.TextFormat.RichText)
        self.url.setOpenExternalLinks(True)
        self.url.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.url)

        row = QHBoxLayout()
        self.code = QLineEdit(prompt.user_code, self)
        self.code.setObjectName("deviceCodeValue")
        self.code.setAccessibleName(self.tr("Code to enter"))
        self.code.setReadOnly(True)  # selectable and copyable, not editable
        font = QFont(self.code.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2.0)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy = QPushButton(self.tr("&Copy the code"), self)
        self.copy.setObjectName("copyDeviceCode")
        row.addWidget(self.code, 1)
        row.addWidget(self.copy)
        layout.addLayout(row)

        expires = local_time_text(datetime.fromtimestamp(prompt.expires_at), with_date=False)
        self.expiry = QLabel(
            self.tr("The code can be used until {time}.").format(time=expires), self
        )
        self.expiry.setObjectName("deviceCodeExpiry")
        layout.addWidget(self.expiry)
        self.status = QLabel(self.tr("Waiting for you to sign in…"), self)
        self.status.setObjectName("deviceCodeStatus")
        layout.addWidget(self.status)

        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(
            self.tr("Cancel the sign-in"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("cancelDeviceCode")
        layout.addWidget(buttons)

        self.copy.clicked.connect(self.copy_code)
        buttons.rejected.connect(self.reject)
        self.code.setFocus()
        self.code.selectAll()

    @property
    def user_code(self) -> str:
        return self.code.text()

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.prompt.user_code)
        self.status.setText(self.tr("Code copied. Paste it on the sign-in page."))

    def reject(self) -> None:
        """Cancel (or Escape): the admin gives up; the operation that waits is cancelled."""
        if self.isVisible():
            self.cancelRequested.emit()
        super().reject()


class DeviceCodeHost(QObject):
    """Shows the device-code dialog of the operations it watches, over `parent_widget`."""

    shown = Signal(object)  # the DeviceCodeDialog just opened
    closed = Signal()

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self.dialog: DeviceCodeDialog | None = None
        self._operation: Operation[Any] | None = None

    def watch(self, operation: Operation[Any]) -> Operation[Any]:
        """Show this operation's device-code prompts; returns the operation."""
        operation.deviceCodeShown.connect(lambda prompt: self.show_prompt(prompt, operation))
        return operation

    def show_prompt(
        self, prompt: DeviceCodePrompt, operation: Operation[Any] | None = None
    ) -> DeviceCodeDialog:
        self.close_prompt()
        dialog = DeviceCodeDialog(prompt, self._parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        self._operation = operation
        if operation is not None:
            # Slots that check the sender: a later prompt of another operation is not closed
            # by this one's end (nothing is disconnected, which PySide would warn about).
            operation.signedIn.connect(self._operation_done)
            operation.finished.connect(self._operation_done)
            dialog.cancelRequested.connect(operation.cancel)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()  # never exec(): the sign-in polls on the same event loop
        self.shown.emit(dialog)
        return dialog

    def _operation_done(self) -> None:
        if self._operation is not None and self.sender() is self._operation:
            self.close_prompt()

    def _dialog_closed(self, dialog: DeviceCodeDialog) -> None:
        if dialog is self.dialog:  # closed by the admin (Cancel, Escape)
            self.dialog, self._operation = None, None
            self.closed.emit()

    def close_prompt(self) -> None:
        """Close the dialog, if one is open (the sign-in is over)."""
        dialog, self.dialog = self.dialog, None
        self._operation = None
        if dialog is not None:
            dialog.done(int(QDialog.DialogCode.Accepted))  # not reject(): nothing to cancel
            self.closed.emit()
