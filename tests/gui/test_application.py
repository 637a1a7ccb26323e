"""The application shell: first window, sandbox banner, error reporting, tasks on quit, --self-test."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.config.profile import CsvSettings, Profile, SourceSettings, Target
from app.config.store import ProfileStore
from app.errors import UserFacingError
from app.ui.application import Shell
from app.ui.crash import ErrorReporter
from app.ui.tasks import TaskRegistry
from app.ui.wizard_draft import WizardDefaults
from app.ui.wizard_window import WizardWindow
from tests.support.gui import SAMPLE_CSV


@pytest.fixture
def shell(qapp: QApplication, qloop: asyncio.AbstractEventLoop, qtbot: QtBot) -> Shell:
    made = Shell(qapp, qloop)
    yield made
    if made.window is not None:
        made.window.close()


def test_no_profile_opens_the_wizard(shell: Shell, qtbot: QtBot) -> None:
    window = shell.open_first_window(None)
    qtbot.addWidget(window)
    assert isinstance(window, WizardWindow)
    assert window.wizard.objectName() == "setupWizard"
    assert window.banner is None
    assert window.wizard.current_name() == "page-welcome"


def test_sandbox_opens_the_wizard_under_a_banner(shell: Shell, qtbot: QtBot) -> None:
    window = shell.open_first_window(
        WizardDefaults(tenant_url="http://127.0.0.1:1/identity/scim/x/v2/", sandbox=True)
    )
    qtbot.addWidget(window)
    assert isinstance(window, WizardWindow)
    assert window.banner is not None and window.banner.isVisible()
    assert "Nothing leaves this computer" in window.banner.accessibleName()


def test_existing_profile_without_dashboard_still_opens_a_window(
    shell: Shell, qtbot: QtBot
) -> None:
    ProfileStore().save(
        Profile(
            name="acme",
            target=Target(tenant_url="https://example.com/scim/v2/"),
            source=SourceSettings(kind="csv", csv=CsvSettings(path=SAMPLE_CSV)),
        )
    )
    window = shell.open_first_window(None)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.findChild(QWidget, "setupWizard") or window.objectName() == "dashboard"


def test_an_error_is_logged_and_shown_in_one_dialog(qtbot: QtBot, caplog) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    reporter = ErrorReporter(lambda: parent)
    reporter.report(UserFacingError("The token has expired.", "Paste a new one."))
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "errorDialog"
    assert dialog.text() == "The token has expired."
    assert dialog.informativeText() == "Paste a new one."
    loop = asyncio.new_event_loop()
    try:
        reporter.loop_exception_handler(
            loop, {"message": "Task failed", "exception": RuntimeError("Bearer abcdefgh12345")}
        )
    finally:
        loop.close()
    assert reporter.dialog is dialog  # one dialog, not a pile of them
    assert "2 errors" in dialog.informativeText()
    assert "abcdefgh12345" not in dialog.informativeText()  # raw text of a crash stays out
    assert any("Task failed" in record.message for record in caplog.records)
    dialog.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: reporter.dialog is None, timeout=2_000)


def test_quit_cancels_and_awaits_every_task(qloop: asyncio.AbstractEventLoop, qtbot: QtBot) -> None:
    registry = TaskRegistry()
    cleaned: list[str] = []

    async def long_job(name: str) -> None:
        try:
            await asyncio.sleep(3600)
        finally:
            cleaned.append(name)

    registry.start(long_job("a"))
    registry.start(long_job("b"))
    assert len(registry) == 2
    shutdown = qloop.create_task(registry.shutdown())
    qtbot.waitUntil(shutdown.done, timeout=5_000)
    assert sorted(cleaned) == ["a", "b"]
    assert registry.pending == []
    with pytest.raises(RuntimeError):
        registry.start(long_job("late"))


def test_a_failing_task_nobody_awaits_reaches_the_loop_handler(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    seen: list[BaseException] = []
    qloop.set_exception_handler(lambda _loop, context: seen.append(context["exception"]))
    try:
        registry = TaskRegistry()

        async def broken() -> None:
            raise ValueError("boom")

        registry.start(broken())
        qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
        assert isinstance(seen[0], ValueError)
    finally:
        qloop.set_exception_handler(None)


def test_self_test_runs_test_connection_on_the_sandbox_and_exits_zero(tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Self-test passed" in result.stdout
    assert "Destroyed while thread" not in result.stderr


def test_first_window_keeps_long_lived_objects_out_of_full_collections(
    shell: Shell, qtbot: QtBot
) -> None:
    import gc
    import weakref

    from app.gc_pause import keeping_aside, paused_gc, settle

    window = shell.open_first_window(None)
    qtbot.addWidget(window)
    assert keeping_aside()
    assert gc.get_freeze_count() > 0
    assert shell.findChild(QObject, "idleCollectTimer").isActive()

    class Node:
        other: object = None

    with paused_gc():  # a cycle leaves a reference cycle behind
        a, b = Node(), Node()
        a.other, b.other = b, a
        ref = weakref.ref(a)
        del a, b
        settle()
    gc.collect()
    assert ref() is not None  # kept aside: the window's full collections skip it

    assert shell.collect_if_idle() == -1  # the window is shown: no pause it could see
    assert ref() is not None
    window.hide()
    assert shell.collect_if_idle() >= 2
    assert ref() is None
