"""The dashboard over a real state file and the real Webex sandbox, driven through its objectNames."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.config.profile import Profile
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.paths import state_file
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.events import CycleResult
from app.sync.state import StateStore
from app.sync.state.records import Quarantine
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.window import DashboardWindow
from app.ui.on_demand import OnDemandDialog
from app.ui.tray import TrayController, TrayState

# A tenant these tests never reach (no cycle runs against it).
OFFLINE_TENANT = "https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
COLUMNS = ["userPrincipalName", "givenName", "surname", "displayName", "mail", "jobTitle"]
PEOPLE = [
    ("zoe.dupre", "Zoé", "Dupré"),
    ("jerome.lefevre", "Jérôme", "Lefèvre"),
    ("anais.cote", "Anaïs", "Côté"),
    ("oliver.smith", "Oliver", "Smith"),
    ("emily.brown", "Emily", "Brown"),
    ("noah.taylor", "Noah", "Taylor"),
]


def write_users(path: Path, people: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for login, given, family in people:
            writer.writerow(
                {
                    "userPrincipalName": f"{login}@example.com",
                    "givenName": given,
                    "surname": family,
                    "displayName": f"{given} {family}",
                    "mail": f"{login}@example.com",
                    "jobTitle": "Engineer",
                }
            )
    return path


def save_profile(
    name: str, tenant_url: str, csv_path: Path, token: str = "", **safety: int
) -> Profile:
    profile = Profile.model_validate(
        {
            "name": name,
            "target": {"tenant_url": tenant_url},
            "source": {"kind": "csv", "csv": {"path": str(csv_path)}},
            "safety": safety,
        }
    )
    ProfileStore().save(profile)
    if token:
        SecretStore().set(name, "webex-token", token)
    return profile


@pytest.fixture
def webex() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


@pytest.fixture
def dashboard_bridge(qloop: asyncio.AbstractEventLoop) -> DashboardBridge:
    return DashboardBridge(qloop.tasks)  # type: ignore[attr-defined]


@pytest.fixture
def make_dashboard(qtbot: QtBot, dashboard_bridge: DashboardBridge) -> Iterator[object]:
    made: list[DashboardWindow] = []

    def make(**options: object) -> DashboardWindow:
        tray = TrayController(available=False)
        window = DashboardWindow(dashboard_bridge, tray=tray, **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        with qtbot.waitSignal(window.snapshotShown, timeout=10_000):
            window.reload()
        return window

    yield make
    for window in made:
        for runtime in window.runtimes.values():
            window.bridge.tasks.start(runtime.stop())


def label(window: DashboardWindow, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found


def button(window: DashboardWindow, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def press_sync_now_while_off(window: DashboardWindow) -> None:
    """Sync now on a profile whose provisioning is Off: it asks first; run one cycle."""
    button(window, "syncNow").click()
    boxes = window.findChildren(QMessageBox, "syncWhileOffConfirm")
    box = next(found for found in boxes if found.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()


def users_by_name(server: SandboxServer) -> dict[str, dict[str, object]]:
    return {str(user["userName"]): user for user in server.users()}


@pytest.mark.timing
def test_a_held_cycle_shows_why_and_allow_deletes_runs_the_removals(
    make_dashboard, qtbot: QtBot, webex: SandboxServer, tmp_path: Path
) -> None:
    source = write_users(tmp_path / "users.csv", PEOPLE)
    save_profile(
        "acme", webex.tenant_url, source, webex.tokens.full_admin, deletion_threshold_count=2
    )
    window = make_dashboard()
    assert window.objectName() == "dashboard"
    assert label(window, "lastCycle").text() == "No cycle has run yet."
    assert "press Sync now" in label(window, "nextCycle").text()
    allow = button(window, "allowDeletes")
    assert not allow.isVisible()

    # Sync now: the six users are created on the Webex sandbox and the dashboard says so.
    press_sync_now_while_off(window)
    qtbot.waitUntil(lambda: "Completed" in label(window, "lastCycle").text(), timeout=20_000)
    assert len(webex.users()) == 6
    assert "Create 6" in label(window, "lastCycleCounts").text()
    assert "6 active" in label(window, "statistics").text()
    assert not allow.isVisible()
    assert window.tray is not None and window.tray.state is TrayState.IDLE

    # Four rows leave the source: more removals than the threshold, the cycle is held.
    write_users(source, PEOPLE[:2])
    press_sync_now_while_off(window)
    qtbot.waitUntil(lambda: window.snapshot is not None and window.snapshot.held, timeout=20_000)
    problem = label(window, "cycleProblem")
    assert problem.isVisible()
    assert "would disable or delete 4 of 6 provisioned users (67 %)" in problem.text()
    assert "Allow the removals and run" in problem.text()
    assert "Held" in label(window, "lastCycle").text()
    assert allow.isVisible() and allow.isEnabled()
    assert window.tray.state is TrayState.HELD
    assert "held by the accidental-deletion threshold" in window.tray.tooltip
    assert all(user["active"] for user in webex.users())

    # Allow: a confirmation first (opened, not exec'd); Cancel sends nothing.
    box = window.confirm_allow_deletes()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "4 of 6 provisioned users" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    runtime = window.current_runtime
    assert runtime is not None and not runtime.running and not runtime.status.queued
    assert all(user["active"] for user in webex.users())

    allow.click()
    box = window.findChild(QMessageBox, "allowDeletesConfirm")
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: sum(1 for u in webex.users() if not u["active"]) == 4, timeout=20_000)
    qtbot.waitUntil(lambda: "Completed" in label(window, "lastCycle").text(), timeout=20_000)
    assert "Disable 4" in label(window, "lastCycleCounts").text()
    assert not allow.isVisible()
    assert not problem.isVisible()
    assert window.tray.state is TrayState.IDLE
    active = {name for name, user in users_by_name(webex).items() if user["active"]}
    assert active == {"zoe.dupre@example.com", "jerome.lefevre@example.com"}


def test_restart_lifts_a_quarantine_in_the_state_file(
    make_dashboard, qtbot: QtBot, tmp_path: Path
) -> None:
    source = write_users(tmp_path / "users.csv", PEOPLE)
    save_profile("acme", OFFLINE_TENANT, source)
    now = datetime.now(UTC)
    with StateStore(state_file("acme")) as state:
        state.set_watermark("delta-token-1")
        state.finish_cycle(
            CycleResult(
                cycle_id="20261126-100000-abcdef",
                started=now - timedelta(minutes=5),
                finished=now - timedelta(minutes=4),
                outcome="quarantined",
                reason="The token has expired.",
                cause="auth",
            )
        )
        state.set_quarantine(
            Quarantine(
                reason="The token has expired.",
                next_step="Create a new token and save it in the profile's settings.",
                cause="auth",
                since=now - timedelta(minutes=4),
                next_attempt=now + timedelta(hours=6),
                level=1,
            )
        )
    window = make_dashboard()
    problem = label(window, "cycleProblem")
    assert problem.isVisible()
    assert "Quarantined since" in problem.text()
    assert "The token has expired." in problem.text()
    assert "Create a new token" in problem.text()

    button(window, "restartProvisioning").click()
    box = window.findChild(QMessageBox, "restartConfirm")
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not problem.isVisible(), timeout=10_000)
    message = label(window, "dashboardMessage")
    assert "the quarantine is lifted" in message.text()
    with StateStore(state_file("acme")) as state:
        assert state.quarantine() is None
        assert state.watermark() is None
        assert len(state.cycles()) == 1  # the history stays


def test_provision_on_demand_shows_the_plan_then_applies(
    make_dashboard, qtbot: QtBot, webex: SandboxServer, tmp_path: Path
) -> None:
    source = write_users(tmp_path / "users.csv", PEOPLE)
    save_profile("acme", webex.tenant_url, source, webex.tokens.full_admin)
    window = make_dashboard()
    button(window, "provisionOnDemand").click()
    dialog = window.findChild(OnDemandDialog, "onDemandDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.users_model.rowCount() == 6, timeout=10_000)
    assert "6 of 6 users" in dialog.user_count.text()

    dialog.search.setText("anais")
    assert dialog.users_proxy.rowCount() == 1
    assert dialog.chosen_user() == "anais.cote@example.com"
    dialog.plan_button.click()
    qtbot.waitUntil(lambda: dialog.plan_event is not None, timeout=15_000)
    steps = dialog.step_texts()
    assert steps[0].startswith("1. Found in the source: anais.cote@example.com")
    assert any("In scope." in step for step in steps)
    assert any("Not on the target yet." in step for step in steps)
    assert any('"displayName": "Anaïs Côté"' in step for step in steps)
    assert any("Action: Create" in step for step in steps)
    assert steps[-1].endswith("Nothing was sent (dry run).")
    assert "nothing was sent" in dialog.phase.text()
    assert webex.users() == []
    assert dialog.apply_button.isEnabled()

    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.result_event is not None, timeout=15_000)
    assert any(step.endswith("Result: Success.") for step in dialog.step_texts())
    assert "Create of anais.cote@example.com: done." in dialog.message.text()
    held = users_by_name(webex)
    assert list(held) == ["anais.cote@example.com"]
    assert held["anais.cote@example.com"]["displayName"] == "Anaïs Côté"
    assert not dialog.apply_button.isEnabled()  # done: nothing left to send

    # The provisioning log on the dashboard has the row.
    qtbot.waitUntil(lambda: window.logs.model.rowCount() == 1, timeout=10_000)
    entry = window.logs.model.entry_at(0)
    assert (entry.user_name, entry.action, entry.status) == (
        "anais.cote@example.com",
        "Create",
        "Success",
    )

    # The same user again: the plan says there is nothing to send.
    dialog.plan_button.click()
    qtbot.waitUntil(lambda: dialog.plan_event is not None, timeout=15_000)
    assert any("Action: NoChange" in step for step in dialog.step_texts())
    assert not dialog.apply_button.isEnabled()
    assert "up to date" in dialog.message.text()


def test_a_user_missing_from_the_source_is_said_so(
    make_dashboard, qtbot: QtBot, webex: SandboxServer, tmp_path: Path
) -> None:
    source = write_users(tmp_path / "users.csv", PEOPLE[:1])
    save_profile("acme", webex.tenant_url, source, webex.tokens.full_admin)
    window = make_dashboard()
    dialog = window.open_on_demand()
    assert isinstance(dialog, OnDemandDialog)
    qtbot.waitUntil(lambda: dialog.users_model.rowCount() == 1, timeout=10_000)
    dialog.search.setText("nobody@example.com")
    assert dialog.users_proxy.rowCount() == 0
    dialog.show_plan()
    qtbot.waitUntil(lambda: dialog.plan_event is not None, timeout=15_000)
    assert "nobody@example.com is not in the source." in dialog.message.text()
    assert "Check the spelling" in dialog.message.text()
    assert not dialog.apply_button.isEnabled()
    assert webex.requests == [] or all(r.method == "GET" for r in webex.requests)


def test_a_cycle_without_a_token_says_what_to_do(
    make_dashboard, qtbot: QtBot, tmp_path: Path
) -> None:
    source = write_users(tmp_path / "users.csv", PEOPLE)
    save_profile("acme", OFFLINE_TENANT, source)
    window = make_dashboard()
    press_sync_now_while_off(window)
    state = label(window, "schedulerState")
    qtbot.waitUntil(lambda: "The last cycle failed" in state.text(), timeout=10_000)
    assert "WEBEX_PROVISIONER_TOKEN" in state.text()
    assert window.tray is not None and window.tray.state is TrayState.FAILED


def test_closing_keeps_the_cycles_in_the_tray_only_when_chosen(
    qtbot: QtBot, dashboard_bridge: DashboardBridge, tmp_path: Path
) -> None:
    source = write_users(tmp_path / "users.csv", PEOPLE)
    save_profile("acme", OFFLINE_TENANT, source)
    tray = TrayController(available=True)
    window = DashboardWindow(dashboard_bridge, tray=tray)
    qtbot.addWidget(window)
    window.show()
    window.reload()
    qtbot.waitUntil(lambda: "acme" in window.runtimes and window.runtimes["acme"].scheduler.started)
    keep = window.keep_in_tray
    assert keep.isEnabled() and not keep.isChecked()

    keep.setChecked(True)
    assert window.close() is False  # hidden, not closed
    assert not window.isVisible()
    assert window.runtimes["acme"].scheduler.started
    tray.open_action.trigger()
    assert window.isVisible()

    # The choice is remembered for the next start.
    again = DashboardWindow(dashboard_bridge, tray=TrayController(available=True))
    qtbot.addWidget(again)
    assert again.keep_in_tray.isChecked()

    keep.setChecked(False)
    assert window.close() is True
    scheduler = window.runtimes["acme"].scheduler
    qtbot.waitUntil(lambda: not scheduler.started, timeout=5_000)


def test_without_a_tray_closing_always_quits(make_dashboard, qtbot: QtBot, tmp_path: Path) -> None:
    source = write_users(tmp_path / "users.csv", PEOPLE)
    save_profile("acme", OFFLINE_TENANT, source)
    window = make_dashboard()
    assert not window.keep_in_tray.isEnabled()
    assert window.keep_in_tray.toolTip() == "This desktop has no system tray."
    window.keep_in_tray.setChecked(True)
    assert window.close() is True


@pytest.fixture
def graph() -> Iterator[GraphSandbox]:
    with GraphSandbox.in_thread(GraphSandboxConfig(user_count=30)) as server:
        yield server


def save_device_code_profile(name: str, tenant_url: str, graph: GraphSandbox, token: str) -> None:
    settings = graph.entra_settings(auth="device_code")
    profile = Profile.model_validate(
        {
            "name": name,
            "target": {"tenant_url": tenant_url},
            "source": {"kind": "entra", "entra": settings},
            "provisioning_enabled": False,  # cycles only when asked
        }
    )
    ProfileStore().save(profile)
    SecretStore().set(name, "webex-token", token)


def test_a_cycle_that_needs_the_admin_s_sign_in_shows_the_code_then_runs(
    make_dashboard, qtbot: QtBot, webex: SandboxServer, graph: GraphSandbox
) -> None:
    tenant = graph.tenant
    assigned = tenant.expected_user_names()
    save_device_code_profile("entra", webex.tenant_url, graph, webex.tokens.full_admin)
    window = make_dashboard()
    press_sync_now_while_off(window)
    qtbot.waitUntil(lambda: window.device_code.dialog is not None, timeout=15_000)
    dialog = window.device_code.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.prompt.verification_uri.endswith("/devicelogin")
    assert webex.users() == []  # the cycle waits for the admin
    graph.approve_device_code(dialog.user_code)
    qtbot.waitUntil(lambda: window.device_code.dialog is None, timeout=15_000)
    qtbot.waitUntil(lambda: "Completed" in label(window, "lastCycle").text(), timeout=30_000)
    assert {str(u["userName"]).lower() for u in webex.users()} == assigned
    assert SecretStore().get("entra", "msal-cache")  # kept for the next cycles

    # The next cycle signs in from the keyring: no code to enter.
    shown: list[object] = []
    window.device_code.shown.connect(shown.append)
    # An enabled user, the same whatever the hash seed (a user already disabled in Entra
    # was never created in Webex: disabling it again would change nothing there).
    tenant.disable_user(
        next(u for u in sorted(tenant.expected_in_scope()) if tenant.users[u]["accountEnabled"])
    )
    press_sync_now_while_off(window)
    qtbot.waitUntil(lambda: sum(1 for u in webex.users() if not u["active"]) == 1, timeout=30_000)
    runtime = window.runtimes["entra"]
    qtbot.waitUntil(lambda: runtime.status.cycles_run == 2 and not runtime.running, timeout=10_000)
    assert shown == []


def test_cancelling_the_sign_in_of_a_cycle_says_so_and_keeps_the_schedule(
    make_dashboard, qtbot: QtBot, webex: SandboxServer, graph: GraphSandbox
) -> None:
    save_device_code_profile("entra", webex.tenant_url, graph, webex.tokens.full_admin)
    window = make_dashboard()
    press_sync_now_while_off(window)
    qtbot.waitUntil(lambda: window.device_code.dialog is not None, timeout=15_000)
    dialog = window.device_code.dialog
    assert dialog is not None
    dialog.cancel_button.click()
    state = label(window, "schedulerState")
    qtbot.waitUntil(lambda: "The last cycle failed" in state.text(), timeout=10_000)
    runtime = window.runtimes["entra"]
    assert "sign-in was cancelled" in runtime.scheduler.last_error
    assert runtime.scheduler.started  # the schedule goes on
    assert webex.users() == []
