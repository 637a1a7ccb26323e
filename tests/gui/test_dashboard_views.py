"""The dashboard's parts on their own: the cycle chart, the provisioning logs view, the models."""

from __future__ import annotations

import asyncio
import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.paths import state_file
from app.sync.events import Status, SyncEvent
from app.sync.state import StateStore
from app.sync.state.records import LogEntry
from app.ui.chart import ChartBar, CycleChart, bar_from_counts
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.snapshot import cycle_bars, read_snapshot
from app.ui.i18n import local_time_text
from app.ui.logs_view import LogModel, LogsView

START = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


@pytest.fixture
def dashboard_bridge(qloop: asyncio.AbstractEventLoop) -> DashboardBridge:
    return DashboardBridge(qloop.tasks)  # type: ignore[attr-defined]


# --- the chart ----------------------------------------------------------------------------


def colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_counts_become_bars_of_sent_failed_and_skipped() -> None:
    bar = bar_from_counts(
        START,
        {
            "Create": {"Success": 5, "Failure": 2},
            "Update": {"Success": 3},
            "Disable": {"Skipped": 4},
            "NoChange": {"Success": 990},
        },
        "held",
    )
    assert (bar.sent, bar.failed, bar.skipped, bar.unchanged) == (8, 2, 4, 990)
    assert bar.total == 14  # unchanged users do not dwarf the changes


def test_the_chart_paints_the_last_cycles(qtbot: QtBot) -> None:
    chart = CycleChart()
    qtbot.addWidget(chart)
    chart.resize(420, 170)
    chart.show()
    empty = chart.grab().toImage()
    assert chart.accessibleDescription() == "No cycle has run yet."

    bars = [
        ChartBar(
            START + timedelta(minutes=40 * n), 10 + n, n % 3, 2 if n == 5 else 0, 100, "completed"
        )
        for n in range(8)
    ]
    bars[5] = ChartBar(bars[5].started, 0, 0, 30, 100, "held")
    chart.set_bars(bars)
    painted = chart.grab().toImage()
    assert painted != empty
    seen = colours(painted)
    assert len(seen) > 5  # not a blank widget
    assert QColor("#2e7d32").name() in seen  # sent, in green
    assert QColor("#c62828").name() in seen  # failed, in red
    assert QColor("#f9a825").name() in seen  # the held cycle's marker
    assert "8 cycles shown" in chart.accessibleDescription()
    assert "17 sent, 1 failed" in chart.accessibleDescription()


def test_the_chart_never_draws_the_time_labels_over_each_other(qtbot: QtBot) -> None:
    chart = CycleChart()
    qtbot.addWidget(chart)
    chart.resize(420, 170)
    chart.show()
    # Four cycles a minute apart sit at the right end: one time, not two on top of each other.
    chart.set_bars(
        [ChartBar(START + timedelta(minutes=n), 5, 0, 0, 10, "completed") for n in range(4)]
    )
    chart.grab()
    assert [text for text, _box, _align in chart.time_labels] == [
        local_time_text(START + timedelta(minutes=3))
    ]
    # Twenty cycles fill the width: the first and the last time, apart.
    chart.set_bars(
        [ChartBar(START + timedelta(hours=n), 5, 0, 0, 10, "completed") for n in range(20)]
    )
    chart.grab()
    (first, first_box, _), (last, last_box, _) = chart.time_labels
    assert first == local_time_text(START) and last == local_time_text(START + timedelta(hours=19))
    assert first_box.right() < last_box.left()
    assert chart.rect().contains(first_box.toRect()) and chart.rect().contains(last_box.toRect())


def test_the_chart_keeps_the_last_twenty_cycles_oldest_first(qtbot: QtBot) -> None:
    chart = CycleChart()
    qtbot.addWidget(chart)
    chart.set_bars(
        [ChartBar(START + timedelta(hours=n), n, 0, 0, 0, "completed") for n in range(30)]
    )
    assert len(chart.bars) == CycleChart.MAX_BARS
    assert [bar.sent for bar in chart.bars] == list(range(10, 30))


def test_the_dashboard_charts_real_cycles_from_the_state_file() -> None:
    from app.sync.events import CycleResult

    with StateStore(state_file("acme")) as state:
        for n in range(3):
            state.finish_cycle(
                CycleResult(
                    cycle_id=f"c{n}",
                    started=START + timedelta(minutes=40 * n),
                    finished=START + timedelta(minutes=40 * n + 1),
                    outcome="completed",
                    counts={"Create": {"Success": n + 1}},
                )
            )
        state.start_cycle("one", START + timedelta(hours=3), "one")  # on demand: not a cycle
    snapshot = read_snapshot("acme")
    assert [cycle.cycle_id for cycle in snapshot.cycles] == ["c2", "c1", "c0"]
    assert [bar.sent for bar in cycle_bars(snapshot.cycles)] == [1, 2, 3]


# --- the provisioning logs ------------------------------------------------------------------


def operation(n: int, user: str, status: Status, message: str = "") -> SyncEvent:
    return SyncEvent(
        kind="operation",
        cycle_id="20261126-080000-aaaaaa",
        time=START + timedelta(seconds=n),
        action="Update" if status is Status.SUCCESS else "Create",
        status=status,
        source_id=user,
        user_name=user,
        target_id=f"id-{n}" if status is Status.SUCCESS else "",
        modified=(("title", "Engineer", "Directrice"),) if status is Status.SUCCESS else (),
        error_code="uniqueness" if status is Status.FAILURE else "",
        message=message,
        next_step="Fix the duplicate in Webex." if status is Status.FAILURE else "",
        tracking_id="ROUTER_1234" if status is Status.FAILURE else "",
    )


@pytest.fixture
def logged() -> list[SyncEvent]:
    events = [
        operation(1, "zoe.dupre@example.com", Status.SUCCESS),
        operation(2, "jerome.lefevre@example.com", Status.SUCCESS),
        operation(3, "anais.cote@example.com", Status.FAILURE, "userName already exists"),
        operation(4, "zoe.martin@example.com", Status.SKIPPED, "out of scope"),
        operation(5, "oliver.smith@example.com", Status.FAILURE, "userName already exists"),
    ]
    with StateStore(state_file("acme")) as state:
        state.add_events(events)
    return events


def test_the_logs_view_filters_by_text_and_status(
    qtbot: QtBot, dashboard_bridge: DashboardBridge, logged: list[SyncEvent]
) -> None:
    view = LogsView(dashboard_bridge)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=5_000) as loaded:
        view.set_profile("acme")
    assert loaded.args == [5]
    assert view.count_label.text() == "5 row(s)."
    # Newest first.
    assert view.model.entry_at(0).user_name == "oliver.smith@example.com"

    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.filter_text.setText("zoe")
    names = {view.model.entry_at(row).user_name for row in range(view.model.rowCount())}
    assert names == {"zoe.dupre@example.com", "zoe.martin@example.com"}

    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.filter_text.clear()
    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.set_status_filter(Status.FAILURE.value)
    assert view.model.rowCount() == 2
    assert all(view.model.entry_at(r).status == "Failure" for r in range(2))

    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.filter_text.setText("nobody")
    assert view.model.rowCount() == 0
    assert view.count_label.text() == "No row matches these filters."

    # One row's detail says everything it recorded, next step and TrackingID included.
    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.filter_text.setText("anais")
    view.table.selectRow(0)
    detail = view.detail.toPlainText()
    assert "anais.cote@example.com" in detail
    assert "userName already exists" in detail
    assert "Next step: Fix the duplicate in Webex." in detail
    assert "Tracking id: ROUTER_1234" in detail


def test_the_logs_view_exports_what_the_filters_match(
    qtbot: QtBot, dashboard_bridge: DashboardBridge, logged: list[SyncEvent], tmp_path: Path
) -> None:
    view = LogsView(dashboard_bridge)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.set_profile("acme")
    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.set_status_filter(Status.SUCCESS.value)
    target = tmp_path / "export" / "acme-log.csv"
    target.parent.mkdir()
    with qtbot.waitSignal(view.exported, timeout=5_000):
        view.export_to(target)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["user_name"] for row in rows] == [
        "zoe.dupre@example.com",
        "jerome.lefevre@example.com",
    ]
    assert rows[0]["modified"] == 'title: "Engineer" -> "Directrice"'
    assert f"Exported to {target}." == view.message.text()

    # A folder that does not exist: the admin is told what to do, nothing is half written.
    missing = tmp_path / "nowhere" / "log.csv"
    operation = view.export_to(missing)
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=5_000)
    assert "Could not write" in view.message.text()
    assert "Choose another folder" in view.message.text()
    assert not missing.exists()


def test_the_export_dialog_is_opened_not_executed(
    qtbot: QtBot, dashboard_bridge: DashboardBridge, logged: list[SyncEvent]
) -> None:
    view = LogsView(dashboard_bridge)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.set_profile("acme")
    dialog = view.choose_export_file()
    assert dialog.isVisible()
    assert dialog.objectName() == "exportLogsDialog"
    dialog.reject()


def test_an_empty_log_says_no_cycle_has_run(
    qtbot: QtBot, dashboard_bridge: DashboardBridge
) -> None:
    view = LogsView(dashboard_bridge)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5_000):
        view.set_profile("acme")
    assert view.count_label.text() == "The log is empty: no cycle has run yet."
    assert not state_file("acme").exists()  # looking does not create the state file


# --- models ---------------------------------------------------------------------------------


def test_the_log_model_passes_the_model_tester(qtmodeltester, logged: list[SyncEvent]) -> None:
    with StateStore(state_file("acme")) as state:
        entries: list[LogEntry] = state.query_log(newest_first=True)
    model = LogModel()
    model.set_entries(entries)
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.headerData(3, Qt.Orientation.Horizontal) == "User or group"
    first = model.index(0, LogModel.DETAILS)
    assert model.data(first) == "userName already exists"  # the newest row: a failure


def test_the_on_demand_user_list_passes_the_model_tester(
    qtmodeltester, qtbot: QtBot, dashboard_bridge: DashboardBridge, tmp_path: Path
) -> None:
    from app.config.profile import Profile
    from app.ui.on_demand import OnDemandDialog

    profile = Profile.model_validate(
        {
            "name": "acme",
            "target": {
                "tenant_url": "https://webexapis.com/identity/scim/"
                "96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
            },
            "source": {"kind": "csv", "csv": {"path": str(tmp_path / "users.csv")}},
        }
    )
    dialog = OnDemandDialog(dashboard_bridge, profile)
    qtbot.addWidget(dialog)
    dialog.users_model.setStringList(["b@example.com", "a@example.com", "c@example.org"])
    dialog.search.setText("example.com")
    qtmodeltester.check(dialog.users_proxy)
    assert dialog.users_proxy.rowCount() == 2
    assert dialog.user_count.text() == "2 of 3 users"
