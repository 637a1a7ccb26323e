"""The tray follows the scheduler: its state, icon and tooltip; its menu drives the dashboard."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.config.profile import Profile
from app.config.store import ProfileStore
from app.sync.events import CycleResult, Outcome
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.runtime import ProfileRuntime
from app.ui.dashboard.window import DashboardWindow
from app.ui.tray import (
    BADGE_COLORS,
    TrayController,
    TrayState,
    combined_state,
    state_pixmap,
)

TENANT = "https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"


class ScriptedCycles:
    """Cycles that run until the test lets them end, with the outcome the test chooses."""

    def __init__(self) -> None:
        self.outcomes: asyncio.Queue[Outcome] = asyncio.Queue()
        self.started = 0
        self.allow_deletes: list[bool] = []

    async def __call__(self, allow_deletes: bool) -> CycleResult:
        self.started += 1
        self.allow_deletes.append(allow_deletes)
        outcome = await self.outcomes.get()
        now = datetime.now(UTC)
        return CycleResult(
            cycle_id=f"cycle-{self.started}",
            started=now,
            finished=now,
            outcome=outcome,
            reason="" if outcome == "completed" else f"the cycle was {outcome}",
        )


@pytest.fixture
def scripts(qloop: asyncio.AbstractEventLoop) -> dict[str, ScriptedCycles]:
    return {"acme": ScriptedCycles(), "globex": ScriptedCycles()}


@pytest.fixture
def scripted(scripts: dict[str, ScriptedCycles]) -> ScriptedCycles:
    return scripts["acme"]


@pytest.fixture
def window(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    scripts: dict[str, ScriptedCycles],
    tmp_path: Path,
) -> Iterator[DashboardWindow]:
    for name in ("acme", "globex"):
        ProfileStore().save(
            Profile.model_validate(
                {
                    "name": name,
                    "target": {"tenant_url": TENANT},
                    "source": {"kind": "csv", "csv": {"path": str(tmp_path / "users.csv")}},
                    "provisioning_enabled": name == "globex",
                    "schedule": {"every_minutes": 40},
                }
            )
        )
    bridge = DashboardBridge(qloop.tasks)  # type: ignore[attr-defined]

    def runtime(profile: Profile) -> ProfileRuntime:
        return ProfileRuntime(profile, bridge.tasks, run_cycle=scripts[profile.name])

    window = DashboardWindow(bridge, tray=TrayController(available=False), runtime_factory=runtime)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.snapshotShown, timeout=5_000):
        window.reload(select="acme")
    qtbot.waitUntil(lambda: all(r.scheduler.started for r in window.runtimes.values()))
    # globex's provisioning status is on and it never ran: its first cycle starts at once.
    globex = window.runtimes["globex"]
    qtbot.waitUntil(lambda: globex.running, timeout=5_000)
    scripts["globex"].outcomes.put_nowait("completed")
    qtbot.waitUntil(lambda: not globex.running, timeout=5_000)
    yield window
    for each in window.runtimes.values():
        bridge.tasks.start(each.stop())
    runtimes = list(window.runtimes.values())
    qtbot.waitUntil(lambda: not any(r.scheduler.started for r in runtimes), timeout=5_000)


def run_once_while_off(window: DashboardWindow) -> None:
    boxes = window.findChildren(QMessageBox, "syncWhileOffConfirm")
    box = next(found for found in boxes if found.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()


def badge_colour(state: TrayState) -> str:
    image = state_pixmap(state, 64).toImage()
    # The badge is a disc of 32 px in the lower right corner; just under its top edge the
    # colour shows, clear of the white rim and of the sign in the middle.
    return image.pixelColor(64 - 17, 64 - 32 + 4).name()


def test_every_state_has_its_own_badge(qapp: object) -> None:
    seen = {state: badge_colour(state) for state in TrayState}
    for state, colour in seen.items():
        assert colour == BADGE_COLORS[state].name(), state
    assert len(set(seen.values())) == len(TrayState)


def test_the_profile_that_needs_the_admin_most_sets_the_tray() -> None:
    assert combined_state({}) is TrayState.IDLE
    assert combined_state({"a": "idle", "b": "running"}) is TrayState.RUNNING
    assert combined_state({"a": "running", "b": "held"}) is TrayState.HELD
    assert combined_state({"a": "quarantined", "b": "failed"}) is TrayState.FAILED


def test_the_tray_state_follows_the_scheduler(
    window: DashboardWindow, scripted: ScriptedCycles, qtbot: QtBot
) -> None:
    tray = window.tray
    assert tray is not None
    assert tray.state is TrayState.IDLE
    # globex runs a cycle every 40 minutes: the tooltip says when the next one is.
    assert "globex: idle (next cycle at" in tray.tooltip
    assert "acme: idle" in tray.tooltip and "acme: idle (" not in tray.tooltip  # on request only
    icons = {TrayState.IDLE: tray.icon.cacheKey()}
    acme = window.runtimes["acme"]

    with qtbot.waitSignal(tray.stateChanged, timeout=5_000) as changed:
        window.findChild(object, "syncNow").click()  # type: ignore[union-attr]
        run_once_while_off(window)  # acme's provisioning is off: Sync now asks first
    assert changed.args == ["running"]
    assert tray.state is TrayState.RUNNING
    assert "acme: a cycle is running" in tray.tooltip
    assert "A cycle is running" in window.state_label.text()
    icons[TrayState.RUNNING] = tray.icon.cacheKey()

    for outcome, expected in (
        ("held", TrayState.HELD),
        ("quarantined", TrayState.QUARANTINED),
        ("failed", TrayState.FAILED),
        ("completed", TrayState.IDLE),
    ):
        with qtbot.waitSignal(tray.stateChanged, timeout=5_000) as changed:
            scripted.outcomes.put_nowait(outcome)  # type: ignore[arg-type]
        assert tray.state is expected, outcome
        assert changed.args == [expected.value]
        icons.setdefault(expected, tray.icon.cacheKey())
        if expected is not TrayState.IDLE:
            acme.sync_now()
            qtbot.waitUntil(lambda: acme.running, timeout=5_000)
    assert len(set(icons.values())) == 5  # one icon per state
    assert "acme: idle" in tray.tooltip


@pytest.mark.timing
def test_sync_now_while_a_cycle_runs_is_queued_once(
    window: DashboardWindow, scripted: ScriptedCycles, qtbot: QtBot
) -> None:
    tray = window.tray
    assert tray is not None
    acme = window.runtimes["acme"]
    tray.sync_action.trigger()
    run_once_while_off(window)  # acme's provisioning is off: Sync now asks first
    qtbot.waitUntil(lambda: acme.running, timeout=5_000)
    # Three more requests while it runs: one more cycle, not three, never two at once.
    tray.sync_action.trigger()
    window.sync_now()
    window.sync_now()  # the question already open is not asked twice
    assert len([b for b in window.findChildren(QMessageBox) if b.isVisible()]) == 1
    run_once_while_off(window)
    assert acme.status.queued
    qtbot.waitUntil(lambda: "another cycle is queued" in window.state_label.text(), timeout=2_000)
    scripted.outcomes.put_nowait("completed")
    qtbot.waitUntil(lambda: scripted.started == 2, timeout=5_000)
    assert acme.running
    scripted.outcomes.put_nowait("completed")
    qtbot.waitUntil(lambda: not acme.running, timeout=5_000)
    # Nothing is left queued: no third cycle can start before the schedule says so.
    assert not acme.status.queued
    assert scripted.started == 2
    assert scripted.allow_deletes == [False, False]


def test_allow_deletes_goes_to_the_next_cycle_only(
    window: DashboardWindow, scripted: ScriptedCycles, qtbot: QtBot
) -> None:
    acme = window.runtimes["acme"]
    acme.sync_now(allow_deletes=True)
    qtbot.waitUntil(lambda: acme.running, timeout=5_000)
    scripted.outcomes.put_nowait("completed")
    qtbot.waitUntil(lambda: not acme.running, timeout=5_000)
    acme.sync_now()
    qtbot.waitUntil(lambda: scripted.started == 2, timeout=5_000)
    scripted.outcomes.put_nowait("completed")
    qtbot.waitUntil(lambda: not acme.running, timeout=5_000)
    assert scripted.allow_deletes == [True, False]


def test_the_next_cycle_shows_the_schedule(window: DashboardWindow, qtbot: QtBot) -> None:
    assert "press Sync now" in window.next_cycle_label.text()
    assert window.runtimes["acme"].status.next_cycle_at is not None
    with qtbot.waitSignal(window.snapshotShown, timeout=5_000):
        window.profile_selector.setCurrentIndex(window.profile_selector.findData("globex"))
    assert "(every 40 minutes)" in window.next_cycle_label.text()


def test_the_tray_menu_offers_sync_open_and_quit(qapp: object) -> None:
    tray = TrayController(available=False)
    names = [action.objectName() for action in tray.menu.actions()]
    assert names == ["traySyncNow", "trayOpen", "trayQuit"]
    quits: list[bool] = []
    tray.quitRequested.connect(lambda: quits.append(True))
    tray.quit_action.trigger()
    assert quits == [True]
    assert tray.tray is None  # no tray on this desktop: nothing is shown
    tray.close()
