"""--self-test: the wizard on the sandbox, walked by objectName to "Test connection"; 0 if all passed.

What an installed bundle must prove it can do: start Qt (offscreen unless a platform was
asked for through QT_QPA_PLATFORM), load its plug-ins and resources, serve the sandbox
tenant, and run the connection checks through the same button an admin presses. The
walk goes through the widgets' objectNames (setupWizard, page-credentials,
testConnection, connectionReport), so a renamed widget fails the self-test, as it would
fail the tests and assistive technologies.

Run it with `webex-provisioner --self-test` (or `python -m app --self-test`). The output
is for a console and a CI log: English, one line per check, then the verdict.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TextIO

import qasync
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTableView,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import __version__
from app.config.store import ProfileStore
from app.errors import ExitCode
from app.ui.bridge import EngineBridge
from app.ui.i18n import LANGUAGES, install_translators, remove_translators
from app.ui.models import StatusRole
from app.ui.sandbox_session import start_sandboxes
from app.ui.tasks import TaskRegistry
from app.ui.wizard_window import WizardWindow

TIMEOUT_ENV = "WEBEX_PROVISIONER_SELF_TEST_TIMEOUT"
DEFAULT_TIMEOUT_S = 120.0  # a cold bundle on a slow CI runner starts in a few seconds
POLL_S = 0.05
MAX_PAGES_BEFORE_CREDENTIALS = 8  # a wizard that never reaches the page is a failure, not a hang

WIZARD = "setupWizard"
CREDENTIALS_PAGE = "page-credentials"
TEST_BUTTON = "testConnection"
REPORT_VIEW = "connectionReport"
CONNECTION_MESSAGE = "connectionMessage"
NEXT_BUTTON = "wizardNext"


class SelfTestFailure(Exception):
    """The walk could not go on: what was missing or never happened (printed as is)."""


@dataclass(frozen=True, slots=True)
class CheckLine:
    """One row of the connectionReport table, as the window shows it."""

    title: str
    status: str  # passed | failed | unknown | skipped (the engine's word)
    result: str  # the table's label for it, in the interface language
    reason: str
    next_step: str

    def render(self) -> str:
        line = f"  [{self.status:<7}] {self.title}: {self.reason}"
        if self.status != "passed" and self.next_step:
            line += f"\n            next step: {self.next_step}"
        return line


@dataclass(slots=True)
class SelfTestOutcome:
    """The checks the window reported, and the message it showed when there were none."""

    checks: list[CheckLine] = field(default_factory=list)
    message: str = ""

    @property
    def passed(self) -> bool:
        """Every check passed: an unknown or skipped check is not a pass for a self-test."""
        return bool(self.checks) and all(check.status == "passed" for check in self.checks)

    @property
    def exit_code(self) -> int:
        return int(ExitCode.OK) if self.passed else int(ExitCode.FAILURES)

    def render(self) -> str:
        lines = [check.render() for check in self.checks]
        if not self.checks:
            lines.append(f"  no check ran: {self.message or 'the window showed no report'}")
        if self.passed:
            lines.append(f"Self-test passed: all {len(self.checks)} checks passed.")
        else:
            not_passed = sum(1 for check in self.checks if check.status != "passed")
            lines.append(
                f"Self-test failed: {not_passed} of {len(self.checks)} checks did not pass."
                if self.checks
                else "Self-test failed: the connection test did not report."
            )
        return "\n".join(lines)


# --- the walk, by objectName ----------------------------------------------------------


def find_wizard(root: QWidget) -> QWizard:
    if isinstance(root, QWizard) and root.objectName() == WIZARD:
        return root
    wizard = root.findChild(QWizard, WIZARD)
    if wizard is None:
        raise SelfTestFailure(f"The window has no wizard named {WIZARD}.")
    return wizard


def _find(parent: QWidget, kind: type[Any], name: str) -> Any:
    found = parent.findChild(kind, name)
    if found is None:
        raise SelfTestFailure(f"{parent.objectName() or 'The window'} has no widget named {name}.")
    return found


class SelfTestWalk:
    """The walk from the window to the connection report; `step` says what it waits for."""

    def __init__(self, root: QWidget, *, poll_s: float = POLL_S) -> None:
        self.root = root
        self.poll_s = poll_s
        self.step = "starting"

    async def _wait_until(self, condition: Callable[[], bool], step: str) -> None:
        """Poll on the event loop (never a nested Qt loop); the caller bounds the time."""
        self.step = step
        # Widget state (enabled, current page) has no signal of its own: polling is the way.
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(self.poll_s)

    async def run(self) -> SelfTestOutcome:
        self.step = f"the wizard {WIZARD}"
        wizard = find_wizard(self.root)
        page = await self.walk_to_credentials(wizard)
        return await self.run_test_connection(page)

    async def walk_to_credentials(self, wizard: QWizard) -> QWizardPage:
        """Press Next, as an admin would, until page-credentials shows; return it."""
        next_button = wizard.findChild(QAbstractButton, NEXT_BUTTON) or wizard.button(
            QWizard.WizardButton.NextButton
        )
        for _ in range(MAX_PAGES_BEFORE_CREDENTIALS):
            page = wizard.currentPage()
            if page is None:
                raise SelfTestFailure("The wizard shows no page.")
            name = page.objectName()
            if name == CREDENTIALS_PAGE:
                return page

            def left(page: QWizardPage = page) -> bool:
                return wizard.currentPage() is not page

            await self._wait_until(
                lambda: next_button.isVisible() and next_button.isEnabled(),
                f"Next to be enabled on {name}",
            )
            next_button.click()
            await self._wait_until(left, f"the page after {name}")
        raise SelfTestFailure(
            f"The wizard did not reach {CREDENTIALS_PAGE} "
            f"within {MAX_PAGES_BEFORE_CREDENTIALS} pages."
        )

    async def run_test_connection(self, page: QWizardPage) -> SelfTestOutcome:
        """Press "Test connection", wait until the page is idle again, read what it shows."""
        button: QAbstractButton = _find(page, QAbstractButton, TEST_BUTTON)
        view: QTableView = _find(page, QTableView, REPORT_VIEW)
        await self._wait_until(button.isEnabled, f"{TEST_BUTTON} to be enabled")
        button.click()
        # The page disables the button while the checks run: still enabled = nothing started.
        if button.isEnabled():
            raise SelfTestFailure("Pressing Test connection started nothing.")
        await self._wait_until(button.isEnabled, "the connection test to end")
        message = page.findChild(QLabel, CONNECTION_MESSAGE)
        shown = message.text() if message is not None and message.isVisible() else ""
        return SelfTestOutcome(checks=read_report(view), message=shown)


def read_report(view: QTableView) -> list[CheckLine]:
    """The rows of the connectionReport table: display texts, and the status each row holds."""
    model = view.model()
    rows: list[CheckLine] = []
    for row in range(model.rowCount(QModelIndex())):

        def text(column: int, row: int = row) -> str:
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            return "" if value is None else str(value)

        status = model.index(row, 1).data(StatusRole)
        rows.append(
            CheckLine(
                title=text(0),
                status=str(status) if status is not None else "unknown",
                result=text(1),
                reason=text(2),
                next_step=text(3),
            )
        )
    return rows


# --- the process ----------------------------------------------------------------------


def self_test_timeout(value: float | None = None) -> float:
    """The time the whole self-test may take: the argument, else the environment, else 120 s."""
    if value is not None:
        return value
    text = os.environ.get(TIMEOUT_ENV, "").strip()
    if text:
        try:
            seconds = float(text)
        except ValueError:
            seconds = -1.0
        if seconds > 0:
            return seconds
        print(
            f"warning: {TIMEOUT_ENV}={text!r} is not a positive number of seconds; "
            f"using {DEFAULT_TIMEOUT_S:.0f}.",
            file=sys.stderr,
        )
    return DEFAULT_TIMEOUT_S


def free_profile_name(base: str = "sandbox") -> str:
    """A profile name nobody uses, so that the welcome page lets Next through."""
    try:
        taken = set(ProfileStore().list())
    except OSError:
        taken = set()
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def check_translations(lang: str | None, loaded: int) -> str:
    """'' when a shipped language's catalogues loaded (the program's and Qt's), else why not.

    English needs none, and a language the program does not ship falls back to English
    (the log says so): neither is a fault of the installation.
    """
    language = (lang or "").replace("-", "_").split("_")[0].lower()
    if not language or language == "en" or language not in LANGUAGES:
        return ""
    if loaded >= 2:
        return ""
    return (
        f"the {lang} translation did not load ({loaded} of 2 catalogues: the program's, "
        "from resources/translations, and Qt's own); the installation is missing files."
    )


class _Unexpected:
    """Collects errors nobody caught (Qt slots, loop callbacks): any of them fails the self-test."""

    def __init__(self, err: TextIO) -> None:
        self.errors: list[str] = []
        self._err = err

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        self.errors.append(f"{kind.__name__}: {error}")
        traceback.print_exception(kind, error, tb, file=self._err)

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, asyncio.CancelledError):
            return
        if error is None:
            self._err.write(f"{context.get('message', 'event loop error')}\n")
            return
        self.excepthook(type(error), error, error.__traceback__)


def run_self_test(
    args: argparse.Namespace,
    *,
    timeout: float | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """The wizard on the sandbox, walked to Test connection; 0 only if every check passed."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    limit = self_test_timeout(timeout)
    # Offscreen unless a platform was asked for: a self-test must run on a server or in CI.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("webex-provisioner")
    app.setQuitOnLastWindowClosed(False)
    lang = getattr(args, "lang", None)
    translators = install_translators(app, lang)
    language_problem = check_translations(lang, len(translators))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    unexpected = _Unexpected(err)
    previous_hook = sys.excepthook
    sys.excepthook = unexpected.excepthook
    loop.set_exception_handler(unexpected.loop_handler)
    try:
        outcome = walk_on_the_sandbox(loop, limit, out, lang=lang, catalogues=len(translators))
    finally:
        sys.excepthook = previous_hook
        loop.set_exception_handler(None)
        remove_translators(app, translators)
        asyncio.set_event_loop(None)
        loop.close()
    if outcome is None:
        return int(ExitCode.FAILURES)
    print(outcome.render(), file=out)
    print(f"Self-test took {time.monotonic() - started:.1f} s.", file=out)
    return verdict(outcome, language_problem, unexpected.errors, out)


def walk_on_the_sandbox(
    loop: asyncio.AbstractEventLoop,
    limit: float,
    out: TextIO,
    *,
    lang: str | None = None,
    catalogues: int = 0,
) -> SelfTestOutcome | None:
    """Start the sandboxes, open the wizard on them and walk it within `limit` seconds;
    None when the walk failed (said on `out`). `lang` and `catalogues`: the interface
    language asked for and the translation catalogues loaded, for the heading."""
    tasks = TaskRegistry()
    bridge = EngineBridge(tasks)
    window: WizardWindow | None = None
    walk: SelfTestWalk | None = None
    with contextlib.ExitStack() as stack:
        try:
            defaults = start_sandboxes(stack)
            defaults.profile_name = free_profile_name(defaults.profile_name)
            print(
                f"Self-test: webex-provisioner {__version__}, Qt platform "
                f"{QGuiApplication.platformName()}, sandbox tenant {defaults.tenant_url}",
                file=out,
            )
            if lang:
                print(f"Interface language {lang}: {catalogues} catalogues.", file=out)
            window = WizardWindow(bridge, defaults)
            window.show()
            walk = SelfTestWalk(window)
            outcome: SelfTestOutcome = loop.run_until_complete(
                asyncio.wait_for(walk.run(), timeout=limit)
            )
            return outcome
        except TimeoutError:
            waiting = walk.step if walk is not None else "the sandbox to start"
            print(
                f"Self-test failed: it did not finish within {limit:g} s "
                f"(still waiting for {waiting}).",
                file=out,
            )
        except SelfTestFailure as failure:
            print(f"Self-test failed: {failure}", file=out)
        finally:
            bridge.cancel_all()
            loop.run_until_complete(tasks.shutdown())
            if window is not None:
                window.close()
                window.deleteLater()
    return None


def verdict(
    outcome: SelfTestOutcome, language_problem: str, unexpected: list[str], out: TextIO
) -> int:
    """The exit code: the checks' verdict, unless a translation did not load or an error
    nobody caught happened (said on `out`)."""
    if language_problem:
        print(f"Self-test failed: {language_problem}", file=out)
        return int(ExitCode.FAILURES)
    if unexpected:
        print(
            f"Self-test failed: {len(unexpected)} unexpected error(s), the first: {unexpected[0]}",
            file=out,
        )
        return int(ExitCode.FAILURES)
    return outcome.exit_code
