"""An interrupted cycle is never hidden: closing during a cycle asks; a cycle killed half-way
is shown on the dashboard, in the chart and by `logs --cycle last`, and Resume finishes it
without creating anyone twice; the dashboard follows a running cycle (Pause, Cancel,
counters that agree with the rows) and reads a profile changed on disk before its cycle.

Every interruption here is real: a `webex-provisioner sync` process killed with SIGKILL
once the sandbox has answered some of its writes, or the engine's own graceful cancel."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.cli import main as cli_main
from app.config.profile import Profile
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.paths import state_file
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.events import Status
from app.sync.state import StateStore
from app.ui.activity import ActivityView
from app.ui.chart import INTERRUPTED
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.window import DashboardWindow
from app.ui.tray import TrayController
from app.ui.wizard_draft import WizardDefaults
from app.ui.wizard_window import WizardWindow
from tests.support.gui import click_next

from ..reliability.support import load_chaos

REPO = Path(__file__).resolve().parents[2]
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
chaos = load_chaos()


def answered_writes(server: SandboxServer) -> int:
    return sum(1 for r in server.requests if r.method in WRITES and 200 <= r.status < 300)


def make_source(tmp_path: Path, count: int, name: str = "users.csv") -> tuple[Path, list[dict]]:
    rows = chaos.make_rows(count, 7)
    return chaos.write_csv(tmp_path / name, rows), rows


def save_profile(name: str, tenant_url: str, csv_path: Path, **extra: object) -> Profile:
    profile = Profile.model_validate(
        {
            "name": name,
            "target": {"tenant_url": tenant_url},
            "source": {"kind": "csv", "csv": {"path": str(csv_path)}},
            "provisioning_enabled": False,  # cycles only when a test asks
            **extra,
        }
    )
    ProfileStore().save(profile)
    return profile


@pytest.fixture
def slow_webex() -> Iterator[SandboxServer]:
    # Slow enough that a cycle of a few hundred users is still running when a test acts.
    with SandboxServer.in_thread(SandboxConfig(latency_ms=150)) as server:
        yield server


@pytest.fixture
def make_dashboard(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[object]:
    made: list[DashboardWindow] = []
    bridge = DashboardBridge(qloop.tasks)  # type: ignore[attr-defined]

    def make() -> DashboardWindow:
        window = DashboardWindow(bridge, tray=TrayController(available=False))
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.snapshotShown, timeout=10_000):
            window.reload()
        made.append(window)
        return window

    yield make
    for window in made:
        for runtime in window.runtimes.values():
            bridge.tasks.start(runtime.stop())


def child(window: QWidget, kind: type, name: str):
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def message_box(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


def wait_box(qtbot: QtBot, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: message_box(name) is not None, timeout=10_000)
    box = message_box(name)
    assert box is not None
    return box


def press(box: QMessageBox, name: str) -> None:
    button = box.findChild(QPushButton, name)
    assert button is not None, name
    assert button.text()
    button.click()


def sync_now(qtbot: QtBot, window: DashboardWindow) -> None:
    """Sync now; provisioning is off in these profiles (no cycle starts by itself), so the
    dashboard asks before running one."""
    child(window, QPushButton, "syncNow").click()
    press(wait_box(qtbot, "syncWhileOffConfirm"), "syncWhileOffYes")


def start_cycle(qtbot: QtBot, window: DashboardWindow, server: SandboxServer) -> ActivityView:
    before = answered_writes(server)
    sync_now(qtbot, window)
    activity = child(window, ActivityView, "dashboardActivity")
    qtbot.waitUntil(lambda: answered_writes(server) > before, timeout=30_000)
    qtbot.waitUntil(lambda: activity.run is not None and activity.run.engine is not None)
    return activity


def last_outcome(name: str) -> str:
    with StateStore(state_file(name)) as state:
        last = state.last_cycle()
        return last.outcome if last is not None else ""


# --- closing during a cycle -----------------------------------------------------------------


def test_closing_the_dashboard_during_a_cycle_asks_and_cancel_or_stop_do_what_they_say(
    make_dashboard, qtbot: QtBot, slow_webex: SandboxServer, tmp_path: Path
) -> None:
    source, _rows = make_source(tmp_path, 600)
    save_profile("closing", slow_webex.tenant_url, source, concurrency_cap=2)
    SecretStore().set("closing", "webex-token", slow_webex.tokens.full_admin)
    window = make_dashboard()
    start_cycle(qtbot, window, slow_webex)

    # Cancel closing: the window stays and the cycle goes on.
    window.close()
    box = wait_box(qtbot, "closeDuringCycle")
    assert box.findChild(QPushButton, "closeKeepInTray") is None  # this desktop has no tray
    press(box, "closeCancel")
    qtbot.waitUntil(lambda: message_box("closeDuringCycle") is None)
    assert window.isVisible()
    runtime = window.current_runtime
    assert runtime is not None and runtime.running
    writes = answered_writes(slow_webex)
    qtbot.waitUntil(lambda: answered_writes(slow_webex) > writes, timeout=30_000)

    # Stop after the operations in flight: the window closes once the cycle has stopped,
    # and the operations not sent are kept for the next cycle.
    window.close()
    box = wait_box(qtbot, "closeDuringCycle")
    press(box, "closeStopAfterInFlight")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert not runtime.running
    assert last_outcome("closing") == "cancelled"
    assert len(slow_webex.users()) < 600


def test_keep_running_in_the_tray_hides_the_window_and_the_cycle_ends(
    make_dashboard, qtbot: QtBot, slow_webex: SandboxServer, tmp_path: Path
) -> None:
    source, rows = make_source(tmp_path, 250)
    save_profile("tray", slow_webex.tenant_url, source, concurrency_cap=2)
    SecretStore().set("tray", "webex-token", slow_webex.tokens.full_admin)
    window = make_dashboard()
    assert window.tray is not None
    window.tray.available = True  # a desktop with a tray (offscreen has none to show)
    start_cycle(qtbot, window, slow_webex)
    window.close()
    box = wait_box(qtbot, "closeDuringCycle")
    press(box, "closeKeepInTray")
    qtbot.waitUntil(lambda: not window.isVisible())
    runtime = window.current_runtime
    assert runtime is not None
    qtbot.waitUntil(lambda: last_outcome("tray") == "completed", timeout=90_000)
    assert len(slow_webex.users()) == len(rows)


def wizard_mid_sync(
    bridge: object,
    qtbot: QtBot,
    webex: SandboxServer,
    tmp_path: Path,
    name: str,
    *,
    tray_factory: Any,
) -> tuple[WizardWindow, Any, list[dict[str, str]]]:
    """The set-up wizard of profile `name` on `webex`, walked with its defaults to its first
    sync of 1,500 users and left there once the first user is answered."""
    source, rows = make_source(tmp_path, 1500)
    window = WizardWindow(
        bridge,
        WizardDefaults(
            profile_name=name,
            tenant_url=webex.tenant_url,
            token=webex.tokens.full_admin,
            csv_path=source,
        ),
    )
    window.tray_factory = tray_factory
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    while wizard.current_name() != "page-run":
        click_next(qtbot, wizard, timeout=60_000)
    activity = wizard.currentPage().activity
    qtbot.waitUntil(lambda: activity.done >= 1, timeout=60_000)
    return window, activity, rows


def test_closing_the_wizard_during_its_first_sync_asks_and_stop_keeps_the_profile(
    bridge, qtbot: QtBot, tmp_path: Path
) -> None:
    with SandboxServer.in_thread(SandboxConfig(latency_ms=300)) as slower:
        close_the_wizard_midway(bridge, qtbot, slower, tmp_path)


def close_the_wizard_midway(
    bridge: object, qtbot: QtBot, slow_webex: SandboxServer, tmp_path: Path
) -> None:
    window, activity, _rows = wizard_mid_sync(
        bridge, qtbot, slow_webex, tmp_path, "first", tray_factory=None
    )
    wizard = window.wizard

    window.close()
    press(wait_box(qtbot, "closeDuringCycle"), "closeCancel")
    assert window.isVisible() and not activity.finished
    # Esc asks the same question (the wizard's Cancel would drop the cycle unseen).
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    press(wait_box(qtbot, "closeDuringCycle"), "closeCancel")
    assert window.isVisible() and wizard.isVisible() and not activity.finished

    window.close()
    press(wait_box(qtbot, "closeDuringCycle"), "closeStopAfterInFlight")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    assert activity.result is not None and activity.result.outcome == "cancelled"
    # Kept, so that the next start shows the dashboard, and its next cycle the rest.
    assert ProfileStore().exists("first")
    assert len(slow_webex.users()) < 1500
    # Its state stays with it (saving the new profile does not archive it as someone else's).
    assert last_outcome("first") == "cancelled"
    assert not list(state_file("first").parent.glob("first.archived-*"))


def test_the_wizard_keeps_its_sync_running_in_the_tray_and_comes_back_for_finish(
    bridge, qtbot: QtBot, tmp_path: Path
) -> None:
    with SandboxServer.in_thread(SandboxConfig(latency_ms=300)) as slower:
        keep_the_wizard_in_the_tray(bridge, qtbot, slower, tmp_path)


def keep_the_wizard_in_the_tray(
    bridge: object, qtbot: QtBot, slow_webex: SandboxServer, tmp_path: Path
) -> None:
    trays: list[TrayController] = []

    def tray() -> TrayController:  # a desktop with a tray (offscreen shows none)
        trays.append(TrayController(window, available=False))
        return trays[-1]

    window, activity, rows = wizard_mid_sync(
        bridge, qtbot, slow_webex, tmp_path, "trayed", tray_factory=tray
    )
    window.close()
    press(wait_box(qtbot, "closeDuringCycle"), "closeKeepInTray")
    qtbot.waitUntil(lambda: not window.isVisible())
    assert trays and trays[0].state.value == "running"
    assert not ProfileStore().exists("trayed")  # nothing saved behind the admin's back
    # The window comes back when the sync ends, for Finish.
    qtbot.waitUntil(window.isVisible, timeout=90_000)
    assert activity.finished and activity.result is not None
    assert activity.result.outcome == "completed"
    assert len(slow_webex.users()) == len(rows)


# --- a killed cycle, shown and resumed -------------------------------------------------------


def journal_done(profile: str) -> int:
    """Operations the journal holds as done, read without taking any lock (read-only)."""
    path = state_file(profile)
    if not path.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return int(
                db.execute("SELECT COUNT(*) FROM journal WHERE state = 'done'").fetchone()[0]
            )
    except sqlite3.OperationalError:  # the file is being created
        return 0


def kill_sync_midway(qtbot: QtBot, server: SandboxServer, profile: str) -> None:
    """`webex-provisioner sync` in a process of its own, SIGKILLed once the sandbox has
    answered writes and the journal has recorded some of them as done."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEBEX_PROVISIONER_")}
    for name in ("CONFIG", "STATE", "LOG"):
        env[f"WEBEX_PROVISIONER_{name}_DIR"] = os.environ[f"WEBEX_PROVISIONER_{name}_DIR"]
    env["WEBEX_PROVISIONER_TOKEN"] = server.tokens.full_admin  # the child has no keyring
    env["PYTHONPATH"] = str(REPO)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "sync", "--profile", profile, "--force", "--json"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        qtbot.waitUntil(
            lambda: (
                process.poll() is not None
                or (answered_writes(server) > 0 and journal_done(profile) > 0)
            ),
            timeout=120_000,
        )
        assert process.poll() is None, "the sync ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)


def test_a_killed_cycle_is_shown_and_resume_finishes_it_without_duplicates(
    make_dashboard,
    qtbot: QtBot,
    slow_webex: SandboxServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source, rows = make_source(tmp_path, 400)
    save_profile("killed", slow_webex.tenant_url, source, concurrency_cap=2)
    kill_sync_midway(qtbot, slow_webex, "killed")
    with StateStore(state_file("killed")) as state:
        interrupted = state.interrupted_cycle()
        counts = state.journal_counts()
    assert interrupted is not None
    done, planned = interrupted.done, interrupted.planned
    assert done == counts.get("done", 0) + counts.get("failed", 0)
    assert 0 < done < planned

    # The CLI: `logs --cycle last` names the interruption.
    assert cli_main(["logs", "--profile", "killed", "--cycle", "last"]) == 0
    out = capsys.readouterr().out
    assert f"was interrupted at {done} of {planned} operations" in out
    assert "sync --profile killed` to resume" in out

    # The dashboard: the banner with N of M and its time, Resume, the chart's mark.
    SecretStore().set("killed", "webex-token", slow_webex.tokens.full_admin)
    window = make_dashboard()
    banner = child(window, QWidget, "interruptedBanner")
    assert banner.isVisible()
    text = child(window, QLabel, "interruptedCycle").text()
    assert f"The last cycle was interrupted at {done} of {planned} operations, at " in text
    assert window.chart.bars[-1].outcome == INTERRUPTED
    assert "interrupted" in window.chart.toolTip()
    resume = child(window, QPushButton, "resumeCycle")
    assert resume.isEnabled()
    window.grab().save(str(tmp_path / "interrupted.png"))

    resume.click()
    assert not banner.isVisible()
    qtbot.waitUntil(lambda: last_outcome("killed") == "completed", timeout=120_000)
    qtbot.waitUntil(lambda: not window.current_runtime.running, timeout=10_000)
    names = Counter(str(user["userName"]).lower() for user in slow_webex.users())
    assert not [name for name, times in names.items() if times > 1]  # nobody twice
    assert set(names) == {row["userPrincipalName"].lower() for row in rows}
    with StateStore(state_file("killed")) as state:
        assert state.interrupted_cycle() is None
        assert not state.journal_pending()
    qtbot.waitUntil(
        lambda: (
            window.snapshot is not None
            and window.snapshot.last_cycle is not None
            and window.snapshot.last_cycle.outcome == "completed"
        ),
        timeout=10_000,
    )
    assert window.snapshot.interrupted is None and not banner.isVisible()
    # The chart still marks the cycle that was interrupted, before the one that resumed it.
    assert [bar.outcome for bar in window.chart.bars][-2:] == [INTERRUPTED, "completed"]
    capsys.readouterr()
    assert cli_main(["logs", "--profile", "killed"]) == 0
    listing = capsys.readouterr().out
    assert f"{interrupted.cycle_id}" in listing and "interrupted, then resumed" in listing
    assert cli_main(["logs", "--profile", "killed", "--cycle", "last"]) == 0
    assert "was interrupted" not in capsys.readouterr().out  # the last cycle completed


# --- the running cycle on the dashboard ------------------------------------------------------


def operation_rows(activity: ActivityView) -> Counter[str]:
    model = activity.model
    statuses: Counter[str] = Counter()
    for row in range(model.rowCount()):
        event = model.event_at(row)
        if event.kind == "operation" and event.status is not None:
            statuses[event.status.value] += 1
    return statuses


def assert_agree(activity: ActivityView) -> None:
    """What the counters say is what the table holds, and the bar shows the view's count."""
    rows = operation_rows(activity)
    for status in Status:
        count = rows.get(status.value, 0)
        assert activity.counts.get(status.value, 0) == count
        assert activity.counters[status.value].text().endswith(f": {count}")
    if activity.total_fixed and activity.total:
        assert activity.progress.maximum() == activity.total
        assert activity.progress.value() == min(activity.done, activity.total)
    elif not activity.finished:
        # Creations sent while the plan is made: the total is not known yet, the bar is busy
        # rather than a fraction of a moving total.
        assert activity.progress.maximum() == 0


def test_pause_stops_the_counters_and_cancel_asks_first(
    make_dashboard, qtbot: QtBot, tmp_path: Path
) -> None:
    with SandboxServer.in_thread(SandboxConfig(latency_ms=300)) as webex:
        pause_and_cancel(make_dashboard, qtbot, webex, tmp_path)


def pause_and_cancel(
    make_dashboard: Callable[[], DashboardWindow],
    qtbot: QtBot,
    webex: SandboxServer,
    tmp_path: Path,
) -> None:
    source, rows = make_source(tmp_path, 1500)
    save_profile("live", webex.tenant_url, source, concurrency_cap=2)
    SecretStore().set("live", "webex-token", webex.tokens.full_admin)
    window = make_dashboard()
    activity = start_cycle(qtbot, window, webex)
    assert window.tabs.currentWidget() is activity
    qtbot.waitUntil(lambda: activity.done >= 1, timeout=30_000)
    assert_agree(activity)

    pause = child(window, QPushButton, "pauseSync")
    pause.click()
    run = activity.run
    assert run is not None and run.paused
    qtbot.waitUntil(lambda: run.engine is not None and run.engine.in_flight == 0, timeout=30_000)
    # Two repaints of the view after the last answer, then two more: nothing moves.
    for _ in range(2):
        with qtbot.waitSignal(activity._refresh.timeout, timeout=5_000):
            pass
    counters = {s: label.text() for s, label in activity.counters.items()}
    writes = answered_writes(webex)
    shown = (activity.model.rowCount(), activity.progress.value(), activity.done)
    for _ in range(2):
        with qtbot.waitSignal(activity._refresh.timeout, timeout=5_000):
            pass
    assert {s: label.text() for s, label in activity.counters.items()} == counters
    assert answered_writes(webex) == writes
    assert (activity.model.rowCount(), activity.progress.value(), activity.done) == shown
    assert activity.rate.text() == "Paused."
    assert_agree(activity)
    # The newest rows are the ones in sight.
    scroll = activity.table.verticalScrollBar()
    assert scroll.maximum() > 0 and scroll.value() == scroll.maximum()

    pause.click()  # resume
    assert not run.paused
    qtbot.waitUntil(lambda: answered_writes(webex) > writes, timeout=30_000)

    # Cancel asks first, and says what becomes of what is not sent.
    cancel = child(window, QPushButton, "cancelSync")
    cancel.click()
    box = wait_box(qtbot, "cancelSyncConfirm")
    words = box.informativeText()
    assert "not sent now" in words and "next cycle" in words and "twice" in words
    press(box, "cancelSyncNo")
    assert run.running
    assert_agree(activity)
    cancel.click()
    press(wait_box(qtbot, "cancelSyncConfirm"), "cancelSyncYes")
    qtbot.waitUntil(lambda: activity.finished, timeout=60_000)
    assert activity.result is not None and activity.result.outcome == "cancelled"
    assert_agree(activity)
    assert len(webex.users()) < len(rows)

    # What the dialog said: the next cycle sends the rest, nobody twice.
    webex.set_latency_ms(0)
    runtime = window.current_runtime
    assert runtime is not None
    qtbot.waitUntil(lambda: not runtime.running, timeout=10_000)
    sync_now(qtbot, window)
    qtbot.waitUntil(lambda: last_outcome("live") == "completed", timeout=120_000)
    names = Counter(str(user["userName"]).lower() for user in webex.users())
    assert len(names) == len(rows) and max(names.values()) == 1
    qtbot.waitUntil(lambda: activity.finished, timeout=10_000)
    assert activity.total_fixed and activity.total == activity.done
    assert_agree(activity)


def test_a_profile_changed_on_disk_is_read_before_the_next_cycle(
    make_dashboard, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SandboxServer.in_thread(SandboxConfig()) as webex:
        first, _ = make_source(tmp_path, 3, "first.csv")
        second, rows = make_source(tmp_path, 5, "second.csv")
        save_profile("ondisk", webex.tenant_url, first)
        SecretStore().set("ondisk", "webex-token", webex.tokens.full_admin)
        window = make_dashboard()
        # The CLI changes the source while the dashboard is open.
        code = cli_main(["profile", "set", "ondisk", "--csv-file", str(second)])
        capsys.readouterr()
        assert code == 0
        runtime = window.current_runtime
        assert runtime is not None
        with qtbot.waitSignal(runtime.profileReloaded, timeout=30_000) as reloaded:
            sync_now(qtbot, window)
        assert reloaded.args is not None and reloaded.args[0].source.csv.path == second
        # Said while the cycle runs on the new settings.
        assert "changed on disk" in child(window, QLabel, "dashboardMessage").text()
        qtbot.waitUntil(lambda: last_outcome("ondisk") == "completed", timeout=60_000)
        assert len(webex.users()) == len(rows)  # the second file's users, not the first's
        assert window.current_profile is not None
        assert window.current_profile.source.csv is not None
        assert window.current_profile.source.csv.path == second
