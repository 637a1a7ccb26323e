"""The set-up wizard's top-level window (WizardWindow): the wizard, the sandbox banner when it
applies, and what closing it during the first sync does."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QVBoxLayout, QWidget

from app.ui.activity import CLOSE_CANCEL, CLOSE_STOP, CLOSE_TRAY, ask_close_during_cycle
from app.ui.bridge import EngineBridge, SyncRun
from app.ui.resources import icon_path
from app.ui.tray import TrayController
from app.ui.widgets import SandboxBanner, fit_to_screen
from app.ui.wizard import SetupWizard
from app.ui.wizard_draft import WizardDefaults

log = logging.getLogger(__name__)


class WizardWindow(QWidget):
    """The top-level window around the wizard, with the sandbox banner when it applies.

    Closing it while the first sync runs asks what becomes of the cycle (never hidden):
    stop after the operations in flight (the profile is then saved, so that the next start
    shows the cycle on the dashboard and can finish it), keep running in the tray (the
    window comes back when the sync ends, for Finish), or do not close.
    """

    def __init__(self, bridge: EngineBridge, defaults: WizardDefaults) -> None:
        super().__init__()
        self.setObjectName("wizardWindow")
        self.bridge = bridge
        self.close_box: QWidget | None = None
        self._stopping = False
        self._may_close = False
        self.tray: Any = None
        # Where the desktop has a tray, "keep running in the tray" is offered.
        self.tray_factory: Callable[[], Any] | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray_factory = self._make_tray
        self.setWindowIcon(QIcon(str(icon_path())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner: SandboxBanner | None = None
        if defaults.sandbox:
            self.banner = SandboxBanner(self)
            layout.addWidget(self.banner)
        self.wizard = SetupWizard(bridge, defaults, self)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)  # embedded, not a dialog of its own
        layout.addWidget(self.wizard, 1)
        self.setWindowTitle(self.wizard.windowTitle())
        fit_to_screen(self, 980, 760)
        self.wizard.finished.connect(lambda _result: self.close())

    def running_sync(self) -> SyncRun | None:
        """The wizard's first sync while it runs."""
        try:
            page = self.wizard.page_named("page-run")
        except KeyError:
            return None
        run = getattr(page, "run", None)
        return run if isinstance(run, SyncRun) and run.running else None

    def _close_choice(self, choice: str) -> None:
        self.close_box = None
        run = self.running_sync()
        if run is None:
            if choice != CLOSE_CANCEL:
                self.close()  # the sync ended meanwhile
            return
        if choice == CLOSE_STOP:
            self._stopping = True
            run.finished.connect(self._stopped)
            page: Any = self.wizard.page_named("page-run")
            page.activity.cancel_now()
        elif choice == CLOSE_TRAY and self.tray_factory is not None:
            if self.tray is None:
                self.tray = self.tray_factory()
                self.tray.openRequested.connect(self._bring_back)
            self.tray.set_profile_state(self.wizard.draft.name, "running")
            self.tray.show()
            run.finished.connect(self._bring_back)
            self.hide()

    def _make_tray(self) -> Any:
        return TrayController(self)

    def _bring_back(self) -> None:
        if self.tray is not None:
            self.tray.set_profile_state(self.wizard.draft.name, "idle")
        self.show()
        self.raise_()
        self.activateWindow()

    def _stopped(self) -> None:
        """The sync stopped after its operations in flight: keep the profile, so that the next
        start shows what was left and can finish it, then close."""
        draft = self.wizard.draft
        try:
            profile = draft.profile()
        except Exception:  # a profile the pages let through invalid: nothing to keep
            log.exception("the profile of a stopped first sync does not validate")
            self._close_now()
            return
        operation = self.bridge.save_profile(
            profile, draft.secrets(), forget=draft.secrets_to_forget()
        )
        operation.succeeded.connect(lambda _saved: self._close_now())
        operation.failed.connect(self._save_failed)

    def _save_failed(self, error: BaseException) -> None:
        self._stopping = False
        page: Any = self.wizard.page_named("page-run")
        page.show_save_error(error)

    def _close_now(self) -> None:
        self._may_close = True
        self.wizard.changed = False  # saved: nothing to discard
        self.close()

    def closeEvent(self, event: Any) -> None:
        if self.running_sync() is not None and not self._may_close:
            event.ignore()
            if not self._stopping and self.close_box is None:
                self.close_box = ask_close_during_cycle(
                    self,
                    tray_available=self.tray_factory is not None,
                    on_choice=self._close_choice,
                )
            return
        if self.tray is not None:
            self.tray.hide()
        if self.wizard.isVisible():
            self.wizard.reject()  # cancels what the pages started
            if self.wizard.isVisible():  # unsaved changes: the wizard asks first
                event.ignore()
                return
        super().closeEvent(event)
