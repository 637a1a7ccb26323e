"""The application shell: QApplication, translations, one qasync loop, error hooks, first window.

`webex-provisioner` opens the set-up wizard when no profile exists, else the dashboard;
`--sandbox` starts the local Webex and Graph sandboxes and opens the wizard filled in for
them, under a banner that says nothing leaves this computer.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from typing import Any

import qasync
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app.config.store import ProfileStore
from app.errors import ExitCode
from app.gc_pause import collect_everything, keep_long_lived_aside
from app.ui.bridge import EngineBridge
from app.ui.crash import ErrorReporter
from app.ui.i18n import install_translators, remove_translators
from app.ui.resources import icon_path
from app.ui.tasks import TaskRegistry
from app.ui.wizard_draft import WizardDefaults
from app.ui.wizard_window import WizardWindow

log = logging.getLogger(__name__)


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
            dashboard = self._open_dashboard()
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
        try:
            return bool(ProfileStore().list())
        except OSError:
            return False

    def _open_dashboard(self) -> QWidget:
        # The wizard's first page paints sooner without the dashboard and its engine (P5).
        # deferred: the dashboard loads once a profile exists
        from app.ui.dashboard.entry import open_dashboard

        return open_dashboard(self)

    def _profile_saved(self, profile: Any) -> None:
        """After Finish, the dashboard takes over (shown before the wizard's window closes)."""
        log.info("profile %s saved", profile.name)
        dashboard = self._open_dashboard()
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
                # deferred: the sandboxes' web servers load only for --sandbox
                from app.ui.sandbox_session import start_sandboxes

                defaults = start_sandboxes(stack)
            shell.open_first_window(defaults)
            return shell.run()
    finally:
        remove_translators(app, translators)
        keep_long_lived_aside(False)
        asyncio.set_event_loop(None)
        loop.close()
