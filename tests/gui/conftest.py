"""GUI test set-up: a qasync loop on pytest-qt's QApplication, the sandbox, a wizard.

The loop is created with already_running=True (pytest-qt runs the Qt event loop in its
waits). It is never stopped in teardown: loop.stop() calls QApplication.exit(), after
which every qtbot wait returns at once. The running-loop marker is cleared instead, so
that pytest-asyncio tests in the same session get a loop of their own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.sandbox.server import SandboxConfig, SandboxServer
from app.ui.bridge import EngineBridge
from app.ui.tasks import TaskRegistry
from app.ui.wizard import SetupWizard
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import SAMPLE_CSV


@pytest.fixture
def qloop(qapp: QApplication, qtbot: QtBot) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = qasync.QThreadExecutor(4)  # asyncio.to_thread runs here; joined below
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    tasks = TaskRegistry()
    loop.tasks = tasks  # type: ignore[attr-defined]
    try:
        yield loop
    finally:
        pending = tasks.pending
        for task in pending:
            task.cancel()
        if pending:
            qtbot.waitUntil(lambda: all(task.done() for task in pending), timeout=10_000)
        executor.shutdown(wait=True)
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)


@pytest.fixture
def bridge(qloop: asyncio.AbstractEventLoop) -> EngineBridge:
    return EngineBridge(qloop.tasks)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig(seed_users=3)) as server:
        yield server


def _forget_changes(wizard: Any) -> None:
    wizard.changed = False


@pytest.fixture
def make_wizard(qtbot: QtBot, bridge: EngineBridge) -> Any:
    made: list[SetupWizard] = []

    def make(defaults: WizardDefaults | None = None) -> SetupWizard:
        wizard = SetupWizard(bridge, defaults or WizardDefaults(csv_path=SAMPLE_CSV))
        # The test's end closes the wizard: no "unsaved changes?" question left open.
        qtbot.addWidget(wizard, before_close_func=_forget_changes)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        for page_id in wizard.pageIds():
            stop = getattr(wizard.page(page_id), "stop_work", None)
            if stop is not None:
                stop()


@pytest.fixture
def sandbox_defaults(sandbox: SandboxServer) -> WizardDefaults:
    return WizardDefaults(
        profile_name="sandbox",
        tenant_url=sandbox.tenant_url,
        token=sandbox.tokens.full_admin,
        csv_path=SAMPLE_CSV,
        sandbox=True,
    )
