"""One place where unexpected errors end: logged (redacted) and shown in a dialog opened with open().

Installed once by the application as sys.excepthook (errors in Qt slots and virtual methods
land there) and as the asyncio loop's exception handler (errors in tasks nobody awaited).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserFacingError
from app.paths import log_dir
from app.ui.i18n import tr_error

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def describe(error: BaseException) -> tuple[str, str]:
    """The message and next step an admin sees for an error (never the raw text of a crash)."""
    if isinstance(error, UserFacingError):
        return tr_error(error)
    # str(error) of an unexpected exception could carry anything (a URL with a query, a
    # header): it goes to the (redacted) log only; the dialog names the log file.
    return (
        QCoreApplication.translate("ErrorReporter", "Something unexpected went wrong."),
        QCoreApplication.translate(
            "ErrorReporter", "The details are in the log file in {folder}; try again."
        ).format(folder=str(log_dir())),
    )


class ErrorReporter(QObject):
    """Logs an unexpected error and shows it, one dialog at a time."""

    def __init__(self, parent_widget: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._dialog: QMessageBox | None = None
        self._shown = 0
        self._previous_hook: ExceptHook | None = None
        self.reported: list[BaseException] = []

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.excepthook
        loop.set_exception_handler(self.loop_exception_handler)

    def uninstall(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        loop.set_exception_handler(None)

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        log.error("Unexpected error", exc_info=(kind, error, tb))
        self.report(error)

    def loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        error = context.get("exception")
        message = context.get("message", "Unhandled error in the event loop")
        if isinstance(error, asyncio.CancelledError):
            return
        if error is None:
            log.error("%s", message)
            return
        log.error("%s", message, exc_info=(type(error), error, error.__traceback__))
        self.report(error)

    def report(self, error: BaseException) -> None:
        self.reported.append(error)
        message, next_step = describe(error)
        self._shown += 1
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.setInformativeText(
                QCoreApplication.translate(
                    "ErrorReporter", "{count} errors happened; the last one: {message} {step}"
                ).format(count=self._shown, message=message, step=next_step)
            )
            return
        self._shown = 1
        dialog = QMessageBox(self._parent_widget())
        dialog.setObjectName("errorDialog")
        dialog.setIcon(QMessageBox.Icon.Critical)
        dialog.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Error"))
        dialog.setText(message)
        dialog.setInformativeText(next_step)
        dialog.setStandardButtons(QMessageBox.StandardButton.Close)
        dialog.finished.connect(self._closed)
        self._dialog = dialog
        dialog.open()  # never exec(): this may run inside a coroutine on the qasync loop

    def _closed(self, _result: int) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = None

    @property
    def dialog(self) -> QMessageBox | None:
        return self._dialog
