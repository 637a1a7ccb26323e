"""The application shell: QApplication, translations, one qasync loop, error hooks, first window.

`webex-provisioner` opens the set-up wizard when no profile exists, else the dashboard;
`--sandbox` starts the local Webex and Graph sandboxes and opens the wizard filled in for
them, under a banner that says nothing leaves this computer.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QVBoxLayout, QWidget

from app.errors import ExitCode
from app.gc_pause import collect_everything, keep_long_lived_aside
from app.ui.activity import CLOSE_CANCEL, CLOSE_STOP, CLOSE_TRAY, ask_close_during_cycle
from app.ui.bridge import EngineBridge, SyncRun
from app.ui.crash import ErrorReporter
from app.ui.i18n import install_translators, remove_translators
from app.ui.resources import icon_path
from app.ui.tasks import TaskRegistry
from app.ui.widgets import SandboxBanner, fit_to_screen
from app.ui.wizard import SetupWizard, WizardDefaults

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
        from app.ui.tray import TrayController

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


class Shell(QObject):
    """Owns the loop's lifetime: the task registry, the bridge, the error reporter, the windows.

    Memory: once the first window is up, long-lived objects are kept out of the collector's
    full passes (app.gc_pause.keep_long_lived_aside), which would otherwise freeze the
    window for 50 ms or more after each cycle; every IDLE_COLLECT_MS, when no window is
    shown and nothing runs, one full collection frees the reference cycles kept meanwhile.
    """

    IDLE_COLLECT_MS = 10 * 60 * 1000

    def __init__(self, app: QApplication, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self.app = app
        self.loop = loop
        self.tasks = TaskRegistry()
        self.bridge = EngineBridge(self.tasks)
        self.window: QWidget | None = None
        self.reporter = ErrorReporter(lambda: self.window)
        self.exit_code = int(ExitCode.OK)
        self._quit: asyncio.Future[int] = loop.create_future()
        self._collector = QTimer(self)
        self._collector.setObjectName("idleCollectTimer")
        self._collector.setInterval(self.IDLE_COLLECT_MS)
        self._collector.timeout.connect(self.collect_if_idle)

    def open_first_window(self, defaults: WizardDefaults | None) -> QWidget:
        window = self._first_window(defaults)
        keep_long_lived_aside()
        self._collector.start()
        return window

    def _first_window(self, defaults: WizardDefaults | None) -> QWidget:
        if defaults is None and self._has_profiles():
            dashboard = self._dashboard()
            if dashboard is not None:
                self.window = dashboard
                dashboard.show()
                return dashboard
        window = WizardWindow(self.bridge, defaults or WizardDefaults())
        window.wizard.profileSaved.connect(self._profile_saved)
        self.window = window
        window.show()
        return window

    def collect_if_idle(self) -> int:
        """A full collection when no window is shown and no engine call runs (a pause
        nobody sees); returns the count of unreachable objects found, -1 when not idle."""
        if self.bridge.busy or any(w.isVisible() for w in QApplication.topLevelWidgets()):
            return -1
        found = collect_everything()
        log.debug("idle collection: %d unreachable objects", found)
        return found

    @staticmethod
    def _has_profiles() -> bool:
        from app.config.store import ProfileStore

        try:
            return bool(ProfileStore().list())
        except OSError:
            return False

    def _dashboard(self) -> QWidget | None:
        # The dashboard lands in app/ui/dashboard.py; until then the wizard opens.
        if importlib.util.find_spec("app.ui.dashboard") is None:
            return None
        from app.ui import dashboard  # type: ignore[attr-defined,unused-ignore]

        window: QWidget = dashboard.open_dashboard(self)
        return window

    def _profile_saved(self, profile: Any) -> None:
        """After Finish, the dashboard takes over (shown before the wizard's window closes)."""
        log.info("profile %s saved", profile.name)
        dashboard = self._dashboard()
        if dashboard is not None:
            self.window = dashboard
            dashboard.show()

    def request_quit(self, code: int | None = None) -> None:
        if code is not None:
            self.exit_code = code
        if not self._quit.done():
            self._quit.set_result(self.exit_code)

    def run(self) -> int:
        """Run the loop until the last window closes, then stop every task cleanly."""
        self.app.setQuitOnLastWindowClosed(False)
        self.app.lastWindowClosed.connect(lambda: self.request_quit())
        self.app.aboutToQuit.connect(lambda: self.request_quit())
        self.reporter.install(self.loop)
        try:
            with contextlib.suppress(RuntimeError):  # the loop was stopped from outside
                self.loop.run_until_complete(self._quit)
        finally:
            self.loop.run_until_complete(self.shutdown())
            self.reporter.uninstall(self.loop)
        return self.exit_code

    async def shutdown(self) -> None:
        self._collector.stop()
        self.bridge.cancel_all()
        await self.tasks.shutdown()


def run_application(args: argparse.Namespace) -> int:
    """The GUI: returns the process exit code."""
    import qasync

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("webex-provisioner")
    app.setApplicationDisplayName("Webex Provisioner")
    app.setOrganizationName("webex-provisioner")
    app.setDesktopFileName("webex-provisioner")
    app.setWindowIcon(QIcon(str(icon_path())))
    translators = install_translators(app, getattr(args, "lang", None))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    shell = Shell(app, loop)
    try:
        with contextlib.ExitStack() as stack:
            defaults: WizardDefaults | None = None
            if getattr(args, "sandbox", False):
                from app.ui.sandbox_session import start_sandboxes

                defaults = start_sandboxes(stack)
            shell.open_first_window(defaults)
            return shell.run()
    finally:
        remove_translators(app, translators)
        keep_long_lived_aside(False)
        asyncio.set_event_loop(None)
        loop.close()
