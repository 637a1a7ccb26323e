"""Issue 23 in the window: the deletion guard and provisioning status Off, driven by
objectNames on the sandbox (review page, dashboard)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from app.cli import main
from app.config.profile import Profile
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.sandbox.server import SandboxConfig, SandboxServer
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.window import DashboardWindow
from app.ui.tray import TrayController
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import walk_to
from tests.support.sync import make_profile, make_rows, write_csv, writes


@pytest.fixture
def webex() -> Iterator[SandboxServer]:
    """A tenant of this test's own (the module's sandbox is shared by other tests)."""
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


@pytest.fixture
def dashboard(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[Any]:
    made: list[DashboardWindow] = []

    def make() -> DashboardWindow:
        bridge = DashboardBridge(qloop.tasks)  # type: ignore[attr-defined]
        window = DashboardWindow(bridge, tray=TrayController(available=False))
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        with qtbot.waitSignal(window.snapshotShown, timeout=10_000):
            window.reload()
        return window

    yield make
    for window in made:
        runtimes = list(window.runtimes.values())
        for runtime in runtimes:
            window.bridge.tasks.start(runtime.stop())
        qtbot.waitUntil(partial(all_stopped, runtimes), timeout=10_000)


def all_stopped(runtimes: list[Any]) -> bool:
    return not any(runtime.scheduler.started for runtime in runtimes)


def cli(*args: str) -> int:
    """The command line, as from a terminal: in a thread of its own (its own event loop;
    this thread's loop is the window's)."""
    with ThreadPoolExecutor(1) as pool:
        return int(pool.submit(main, list(args)).result())


def provisioned_60(webex: SandboxServer, tmp_path: Path, *, on: bool) -> tuple[Profile, Path]:
    """A CSV profile with 60 users provisioned to the sandbox, then its CSV replaced by an
    export of 2,000 other people (issue 23)."""
    csv_path = write_csv(tmp_path / "users.csv", make_rows(60))
    profile = make_profile(webex.tenant_url, csv_path)
    ProfileStore().save(profile)
    SecretStore().set(profile.name, "webex-token", webex.tokens.full_admin)
    assert cli("sync", "--profile", profile.name) == 0
    assert len(webex.users()) == 60
    write_csv(csv_path, make_rows(2000, start=60))
    profile = profile.model_copy(update={"provisioning_enabled": on})
    ProfileStore().save(profile)
    return profile, csv_path


def text_of(window: Any, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return str(found.text())


def tenant(sandbox: SandboxServer) -> dict[str, Any]:
    return {u["userName"]: (u["active"], u.get("title")) for u in sandbox.users()}


def test_the_scope_page_says_what_status_off_means(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-scope")
    status = wizard.findChild(QComboBox, "provisioningStatus")
    note = wizard.findChild(QLabel, "provisioningStatusNote")
    status.setCurrentIndex(status.findData(True))
    assert note.text().startswith("On: a cycle runs at the interval below")
    status.setCurrentIndex(status.findData(False))
    assert note.text().startswith("Off: no cycle runs by itself and nothing is sent.")
    assert "`sync --force`" in note.text()


def test_review_with_status_off_says_nothing_is_sent_and_saves_without_syncing(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    from app.config.store import ProfileStore

    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-scope")
    status = wizard.findChild(QComboBox, "provisioningStatus")
    status.setCurrentIndex(status.findData(False))
    users_before = len(sandbox.users())
    sandbox.reset_requests()
    page = walk_to(qtbot, wizard, "page-review")
    qtbot.waitUntil(lambda: page.draft.plan is not None, timeout=20_000)

    note = wizard.findChild(object, "reviewStatusOff")
    assert note.isVisible()
    assert "Provisioning status is Off: nothing will be sent to Webex." in note.text()
    assert "Nothing will be sent" in wizard.findChild(object, "reviewMessage").text()
    start = wizard.findChild(QPushButton, "startSync")
    assert not start.isVisible()
    save = wizard.button(QWizard.WizardButton.FinishButton)
    assert save.objectName() == "wizardFinish"
    assert save.isVisible() and save.isEnabled()
    assert save.text().replace("&", "") == "Save without syncing"
    wizard.grab().save("/tmp/F-review-off.png")

    with qtbot.waitSignal(wizard.finished, timeout=10_000):
        save.click()
    assert ProfileStore().load("sandbox").provisioning_enabled is False
    assert [r for r in sandbox.requests if r.method != "GET"] == []
    assert len(sandbox.users()) == users_before


def test_review_with_status_on_keeps_start_sync(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-review")
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert not wizard.findChild(object, "reviewStatusOff").isVisible()
    assert not wizard.findChild(object, "reviewHoldWarning").isVisible()
    start = wizard.findChild(QPushButton, "startSync")
    assert start.isVisible() and start.text().replace("&", "") == "Start sync"
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()


# -- the deletion guard ---------------------------------------------------------------------


def test_the_60_to_2000_cycle_is_held_from_the_dashboard_with_nothing_sent(
    dashboard, qtbot: QtBot, webex: SandboxServer, tmp_path: Path
) -> None:
    # Provisioning Off, so that the window starts no cycle of its own before Sync now.
    provisioned_60(webex, tmp_path, on=False)
    before = tenant(webex)
    webex.reset_requests()
    window = dashboard()
    runtime = window.runtimes["acme"]

    window.findChild(QPushButton, "syncNow").click()
    box = window.findChild(QMessageBox, "syncWhileOffConfirm")
    with qtbot.waitSignal(runtime.cycleFinished, timeout=60_000) as finished:
        box.findChild(QPushButton, "syncWhileOffYes").click()
    result = finished.args[0]
    assert result.outcome == "held"
    assert writes(webex.requests) == []
    assert tenant(webex) == before

    qtbot.waitUntil(lambda: window.snapshot is not None and window.snapshot.held, timeout=10_000)
    problem = text_of(window, "cycleProblem")
    assert "60 of 60 provisioned users (100 %)" in problem
    assert "nothing was sent" in problem
    assert "Held" in text_of(window, "lastCycle")
    counts = text_of(window, "lastCycleCounts")
    assert "(2000 held)" in counts and "(60 held)" in counts
    assert "not done" not in counts  # held, not skipped
    allow = window.findChild(QPushButton, "allowDeletes")
    assert allow.isVisible() and allow.isEnabled()
    window.grab().save("/tmp/F-dashboard-held.png")


def test_the_review_page_warns_before_start_sync_that_the_cycle_will_be_held(
    make_wizard, qtbot: QtBot, webex: SandboxServer, tmp_path: Path
) -> None:
    profile, _ = provisioned_60(webex, tmp_path, on=True)
    webex.reset_requests()
    wizard = make_wizard(
        WizardDefaults(profile=profile, stored_secrets={"webex-token": webex.tokens.full_admin})
    )
    page = walk_to(qtbot, wizard, "page-review")
    qtbot.waitUntil(lambda: page.draft.plan is not None, timeout=60_000)

    warning = wizard.findChild(QLabel, "reviewHoldWarning")
    assert warning.isVisible()
    assert warning.text().startswith(
        "60 of 60 provisioned users (100 %) would be disabled or deleted. "
        "The threshold is more than 500 or more than 20 %. "
        "The cycle will be held: nothing at all will be sent"
    )
    assert "Start sync will send nothing" in wizard.findChild(QLabel, "reviewMessage").text()
    start = wizard.findChild(QPushButton, "startSync")
    assert start.isVisible() and start.text().replace("&", "") == "Start sync"
    assert writes(webex.requests) == []
    wizard.grab().save("/tmp/F-review-held.png")


# -- provisioning status Off: the schedule -------------------------------------------------


def test_no_scheduled_cycle_runs_while_provisioning_is_off(
    dashboard, qtbot: QtBot, webex: SandboxServer, tmp_path: Path
) -> None:
    # Two profiles that never ran: the one that is On starts its first cycle at once; the
    # one that is Off does not, and its next cycle says so.
    for name, on in (("globex", True), ("acme", False)):
        rows = make_rows(3, start=100 if on else 0)
        csv_path = write_csv(tmp_path / f"{name}.csv", rows)
        profile = make_profile(webex.tenant_url, csv_path, name=name).model_copy(
            update={"provisioning_enabled": on}
        )
        ProfileStore().save(profile)
        SecretStore().set(name, "webex-token", webex.tokens.full_admin)
    window = dashboard()
    globex, acme = window.runtimes["globex"], window.runtimes["acme"]
    if globex.status.cycles_run == 0:
        with qtbot.waitSignal(globex.cycleFinished, timeout=30_000):
            pass
    assert acme.scheduler.started
    assert acme.status.cycles_run == 0 and not acme.running
    names = {u["userName"].split("@")[0].split(".")[-1] for u in webex.users()}
    assert names == {"100", "101", "102"}  # only globex's people
    window.profile_selector.setCurrentIndex(window.profile_selector.findText("acme"))
    qtbot.waitUntil(lambda: window.current_name == "acme", timeout=5_000)
    assert "provisioning status is off" in text_of(window, "nextCycle")


def test_sync_now_while_off_asks_and_cancel_sends_nothing(
    dashboard, qtbot: QtBot, webex: SandboxServer, tmp_path: Path
) -> None:
    csv_path = write_csv(tmp_path / "users.csv", make_rows(5))
    profile = make_profile(webex.tenant_url, csv_path).model_copy(
        update={"provisioning_enabled": False}
    )
    ProfileStore().save(profile)
    SecretStore().set("acme", "webex-token", webex.tokens.full_admin)
    window = dashboard()
    runtime = window.runtimes["acme"]

    window.findChild(QPushButton, "syncNow").click()
    box = window.findChild(QMessageBox, "syncWhileOffConfirm")
    assert box is not None and box.isVisible()
    assert "Provisioning status of acme is Off" in box.text()
    assert "runs one cycle, once; the status stays Off" in box.informativeText()
    box.grab().save("/tmp/F-sync-off-confirm.png")
    with qtbot.waitSignal(box.finished, timeout=5_000):
        box.findChild(QPushButton, "syncWhileOffCancel").click()
    assert not runtime.running and runtime.status.cycles_run == 0
    assert webex.requests == []

    window.findChild(QPushButton, "syncNow").click()
    box = next(b for b in window.findChildren(QMessageBox, "syncWhileOffConfirm") if b.isVisible())
    with qtbot.waitSignal(runtime.cycleFinished, timeout=30_000) as finished:
        box.findChild(QPushButton, "syncWhileOffYes").click()
    assert finished.args[0].outcome == "completed"
    assert len(webex.users()) == 5
    assert ProfileStore().load("acme").provisioning_enabled is False  # still Off
