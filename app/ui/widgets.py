"""Small widgets the pages share: inline messages, a busy bar with Cancel, secret fields, banner,
labels bound to their field (labelled)."""

from __future__ import annotations

import sys
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolButton,
    QWidget,
)

from app.errors import UserFacingError
from app.ui.i18n import tr_error


def compact_rows(view: QTableView) -> None:
    """A table as the program shows them: one line of text per row (not the style's roomy
    default), and Tab moves on to the next control instead of walking every cell (the
    arrow keys move between cells), so that the keyboard never gets stuck in a table."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)


class AltLettersTypeNothing(QObject):
    """An Alt+letter that no control takes (its button is disabled) is not typed into the
    field that has the focus: Alt+letters are for moving, never for text. On macOS the
    Option key types accents and other letters, so it is left alone there."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and sys.platform != "darwin":
            key = cast(QKeyEvent, event)
            modifiers = key.modifiers()
            alt = modifiers & Qt.KeyboardModifier.AltModifier
            if alt and not modifiers & Qt.KeyboardModifier.ControlModifier and key.text():
                return True
        return False


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open `window` at its preferred size, or smaller on a small screen (800x600)."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry().size()
        width, height = min(width, room.width()), min(height, room.height())
    window.resize(width, height)


def center_on(window: QWidget, parent: QWidget) -> None:
    """Put a window of its own (Settings over the dashboard) in the middle of `parent`,
    kept on the screen; dialogs with a parent are centred by Qt itself."""
    frame = window.frameGeometry()
    frame.moveCenter(parent.frameGeometry().center())
    screen = parent.screen() or QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        frame.moveLeft(max(room.left(), min(frame.left(), room.right() - frame.width())))
        frame.moveTop(max(room.top(), min(frame.top(), room.bottom() - frame.height())))
    window.move(frame.topLeft())


def _error_color() -> str:
    base = QApplication.palette().color(QPalette.ColorRole.Window)
    return "#ff8a80" if base.lightness() < 128 else "#b00020"


def _ok_color() -> str:
    base = QApplication.palette().color(QPalette.ColorRole.Window)
    return "#81c784" if base.lightness() < 128 else "#1b5e20"


class FieldMessage(QLabel):
    """A message under a field: the error and its next step, or a short confirmation.

    Errors are shown here, next to what caused them, never in a modal dialog.
    With `reserve_lines`, the message keeps that many lines of room while hidden, so that
    the controls around it do not jump when a message appears.
    """

    def __init__(
        self, object_name: str, parent: QWidget | None = None, *, reserve_lines: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        if reserve_lines:
            self.setMinimumHeight(self.fontMetrics().lineSpacing() * reserve_lines + 2)
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.setSizePolicy(policy)
        self.hide()

    def show_error(self, message: str, next_step: str = "") -> None:
        self.kind = "error"
        self.setStyleSheet(f"color: {_error_color()};")
        self.setText(f"{message} {next_step}".strip())
        self.setAccessibleDescription(self.text())
        self.show()

    def show_exception(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self.show_error(*tr_error(error))
        else:
            self.show_error(
                QCoreApplication.translate(
                    "widgets", "Something unexpected went wrong; the log file has the details."
                )
            )

    def show_ok(self, text: str) -> None:
        self.kind = "ok"
        self.setStyleSheet(f"color: {_ok_color()};")
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def show_info(self, text: str) -> None:
        self.kind = "info"
        self.setStyleSheet("")
        self.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def clear_message(self) -> None:
        self.kind = ""
        self.clear()
        self.hide()


class ElidedLabel(QLabel):
    """One line that fits any width: a long text (a tenant URL) is elided in the middle,
    where a URL's least telling part is, and the whole text is in the tooltip."""

    MIN_CHARS = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def shown_text(self) -> str:
        """The text as drawn at the label's width."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * self.MIN_CHARS, metrics.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )


class BusyBar(QWidget):
    """A long operation in progress: what it is, a moving bar, and Cancel."""

    cancelRequested = Signal()

    def __init__(
        self, object_name: str, parent: QWidget | None = None, *, keep_space: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        if keep_space:  # the page does not jump when the bar shows
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.setSizePolicy(policy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(QCoreApplication.translate("widgets", "Working"))
        self.cancel_button = QPushButton(QCoreApplication.translate("widgets", "Cance&l"), self)
        self.cancel_button.setObjectName(f"{object_name}Cancel")
        self.cancel_button.clicked.connect(self.cancelRequested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()


class SecretField(QWidget):
    """A masked line edit with a Show toggle (tokens, client secrets, SMTP passwords)."""

    textChanged = Signal(str)

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(object_name)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        # No completer, no undo history worth keeping for a secret.
        self.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
        )
        self.toggle = QToolButton(self)
        self.toggle.setObjectName(f"{object_name}Show")
        self.toggle.setCheckable(True)
        self.toggle.setText(QCoreApplication.translate("widgets", "Show"))
        self.toggle.setAccessibleName(
            QCoreApplication.translate("widgets", "Show {name}").format(name=accessible_name)
        )
        self.toggle.toggled.connect(self._reveal)
        self.edit.textChanged.connect(self.textChanged)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.edit)

    def _reveal(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText(
            QCoreApplication.translate("widgets", "Hide")
            if shown
            else QCoreApplication.translate("widgets", "Show")
        )

    def show_stored(self, note: str) -> None:
        """A secret is already stored: say so in the empty field (the value is never shown)."""
        self.edit.setPlaceholderText(note)
        self.edit.setAccessibleDescription(note)
        self.setToolTip(note)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)


class SandboxBanner(QFrame):
    """Shown above the wizard on the sandbox: nothing leaves this computer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sandboxBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText)
        )
        self.setPalette(palette)
        layout = QHBoxLayout(self)
        label = QLabel(
            QCoreApplication.translate(
                "widgets",
                "Sandbox: a Webex tenant and a directory simulated on this computer. "
                "Nothing leaves this computer; no real account is changed.",
            ),
            self,
        )
        label.setObjectName("sandboxBannerText")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.setAccessibleName(label.text())


def labelled(label_text: str, field: QWidget, parent: QWidget) -> QLabel:
    """A label bound to its field (Alt+letter moves there; screen readers read it)."""
    label = QLabel(label_text, parent)
    label.setBuddy(field)
    if not field.accessibleName():
        field.setAccessibleName(label_text.replace("&", ""))
    return label
