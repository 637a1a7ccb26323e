"""The item models behind the activity view, the mapping table, the dry run and the checks."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from app.checks import CheckResult
from app.config.rules import AttributeMapping, MappingType
from app.sync.events import Status, SyncEvent
from app.sync.plan import Action, PlannedOperation
from app.ui.activity_model import (
    DETAILS_SHOWN,
    ActivityFilterModel,
    ActivityModel,
    event_detail_text,
)
from app.ui.models import (
    ConnectionReportModel,
    DryRunModel,
    MappingsModel,
    ObjectRole,
)


def _event(n: int, status: Status = Status.SUCCESS, action: str = "Create") -> SyncEvent:
    return SyncEvent(
        kind="operation",
        time=datetime(2026, 11, 26, 10, 0, n % 60, tzinfo=UTC),
        action=action,
        status=status,
        user_name=f"user{n}@example.com",
        source_id=f"user{n}@example.com",
        target_id=f"id-{n}",
        modified=(("displayName", None, f"User {n}"),),
        message="refused by the target" if status == Status.FAILURE else "",
        next_step="Check the user's e-mail." if status == Status.FAILURE else "",
        error_code="uniqueness" if status == Status.FAILURE else "",
    )


def test_activity_model_passes_the_model_tester(qtmodeltester, qtbot: QtBot) -> None:
    model = ActivityModel(batch_ms=10)
    model.add_events(_event(n) for n in range(5))
    model.add_event(_event(5, Status.FAILURE))
    model.flush()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 6
    assert model.data(model.index(5, ActivityModel.STATUS)) == "Failure"
    assert model.data(model.index(5, ActivityModel.DETAILS)) == "refused by the target"
    assert model.data(model.index(0, ActivityModel.DETAILS)) == 'displayName: (empty) -> "User 0"'


def test_progress_events_are_not_rows_but_notes_are(qtbot: QtBot) -> None:
    model = ActivityModel(batch_ms=10)
    model.add_event(SyncEvent(kind="progress", done=3, total=10))
    model.add_event(SyncEvent(kind="cycle_started"))
    model.add_event(SyncEvent(kind="note", message="Read users.csv: 18 users"))
    model.flush()
    assert model.rowCount() == 1
    assert model.data(model.index(0, ActivityModel.ACTION)) == "Note"
    assert model.data(model.index(0, ActivityModel.DETAILS)) == "Read users.csv: 18 users"


def test_ten_thousand_events_arrive_in_a_few_batches(qtbot: QtBot) -> None:
    model = ActivityModel(batch_ms=100)
    inserts: list[int] = []
    model.batchInserted.connect(inserts.append)
    for n in range(10_000):
        model.add_event(_event(n, Status.FAILURE if n % 100 == 0 else Status.SUCCESS))
    # Adding is cheap: nothing was inserted (no view update) while the events poured in.
    assert model.rowCount() == 0
    assert model.pending_count == 10_000
    qtbot.waitUntil(lambda: model.rowCount() == 10_000, timeout=5_000)
    # In slices of ROWS_PER_TURN, one per turn of the event loop: no turn long enough to
    # freeze the window, and no batch interval waited between the slices.
    assert sum(inserts) == 10_000
    assert max(inserts) == ActivityModel.ROWS_PER_TURN
    assert len(inserts) == -(-10_000 // ActivityModel.ROWS_PER_TURN)

    proxy = ActivityFilterModel()
    proxy.setSourceModel(model)
    proxy.set_status(Status.FAILURE.value)
    assert proxy.rowCount() == 100
    proxy.set_text("user500@")
    assert proxy.rowCount() == 1
    assert proxy.data(proxy.index(0, ActivityModel.USER)) == "user500@example.com"
    proxy.set_status("")
    proxy.set_text("")
    assert proxy.rowCount() == 10_000
    model.add_event(_event(10_000))
    assert model.pending_count == 1  # later events wait for the batch interval again
    qtbot.waitUntil(lambda: model.rowCount() == 10_001, timeout=5_000)


def test_activity_filter_passes_the_model_tester(qtmodeltester, qtbot: QtBot) -> None:
    model = ActivityModel(batch_ms=10)
    model.add_events(_event(n, Status.SKIPPED if n % 2 else Status.SUCCESS) for n in range(8))
    model.flush()
    proxy = ActivityFilterModel()
    proxy.setSourceModel(model)
    proxy.set_status(Status.SKIPPED.value)
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 4


def test_filtering_a_hundred_thousand_rows_shows_exactly_the_matching_ones(qtbot: QtBot) -> None:
    model = ActivityModel(batch_ms=10)
    model.add_events(
        _event(n, Status.FAILURE if n % 50 == 0 else Status.SUCCESS) for n in range(100_000)
    )
    model.flush()
    proxy = ActivityFilterModel()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 100_000

    def users() -> list[str]:
        return [proxy.data(proxy.index(row, ActivityModel.USER)) for row in range(proxy.rowCount())]

    proxy.set_text("USER4242@")  # any case, in the User column
    assert users() == ["user4242@example.com"]
    proxy.set_text("refused")  # the Details column: every failure, in order
    assert proxy.rowCount() == 2_000
    assert users()[:3] == ["user0@example.com", "user50@example.com", "user100@example.com"]
    proxy.set_text("user9999")  # user9999@ and user99990@..user99999@
    assert users() == [f"user{n}@example.com" for n in (9999, *range(99_990, 100_000))]
    proxy.set_text("user99")
    proxy.set_status(Status.FAILURE.value)  # and the status: every 50th user failed
    assert users() == [f"user{n}@example.com" for n in (9900, 9950, *range(99_000, 100_000, 50))]
    proxy.set_text("create")  # the Action column, as shown
    assert proxy.rowCount() == 2_000
    proxy.set_text("success")  # the Status column, as shown: no failure row says it
    assert proxy.rowCount() == 0
    proxy.set_status("")
    assert proxy.rowCount() == 98_000
    proxy.set_text("")
    assert proxy.rowCount() == 100_000


def test_rows_that_arrive_while_filtered_appear_only_when_they_match(
    qtmodeltester, qtbot: QtBot
) -> None:
    model = ActivityModel(batch_ms=10)
    model.add_events(_event(n) for n in range(10))
    model.flush()
    proxy = ActivityFilterModel()
    proxy.setSourceModel(model)
    proxy.set_status(Status.FAILURE.value)
    assert proxy.rowCount() == 0
    model.add_events([_event(10), _event(11, Status.FAILURE), _event(12, Status.FAILURE)])
    model.flush()
    assert proxy.rowCount() == 2
    assert proxy.data(proxy.index(1, ActivityModel.USER)) == "user12@example.com"
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_text("user1")  # user1, user10, user11, user12: of these only 11 and 12 failed
    assert proxy.rowCount() == 2
    model.clear()
    assert proxy.rowCount() == 0
    proxy.set_status("")
    proxy.set_text("")
    model.add_events(_event(n) for n in range(3))
    model.flush()
    assert [proxy.data(proxy.index(row, ActivityModel.USER)) for row in range(3)] == [
        "user0@example.com",
        "user1@example.com",
        "user2@example.com",
    ]


def test_event_detail_shows_steps_changes_error_and_next_step() -> None:
    event = SyncEvent(
        kind="operation",
        action="Update",
        status=Status.FAILURE,
        user_name="ana@example.com",
        modified=(("title", "Engineer", "Lead"),),
        steps=("Matched by userName", "PATCH sent"),
        message="The target refused the change.",
        next_step="Check the title's length.",
        tracking_id="ROUTER_123",
    )
    text = event_detail_text(event)
    assert "1. Matched by userName" in text
    assert 'title: "Engineer" -> "Lead"' in text
    assert "Next step: Check the title's length." in text
    assert "ROUTER_123" in text


def test_mappings_model(qtmodeltester) -> None:
    model = MappingsModel()
    model.set_mappings(
        [
            AttributeMapping(target="userName", source="userPrincipalName", matching_precedence=1),
            AttributeMapping(target="userType", type=MappingType.CONSTANT, constant="user"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    row = model.add(
        AttributeMapping(
            target="displayName", type=MappingType.EXPRESSION, expression='Join(" ", [a], [b])'
        )
    )
    model.remove(0)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert row == 2
    assert model.data(model.index(0, MappingsModel.SOURCE)) == '"user"'
    assert model.data(model.index(1, MappingsModel.TYPE)) == "Expression"
    assert [m.target for m in model.mappings()] == ["userType", "displayName"]


def test_dry_run_model(qtmodeltester) -> None:
    model = DryRunModel()
    model.set_operations(
        [
            PlannedOperation("User", Action.CREATE, "a", "a@example.com"),
            PlannedOperation(
                "User", Action.UPDATE, "b", "b@example.com", changes=[("title", "A", "B")]
            ),
            PlannedOperation("Group", Action.SKIP, "g", "Sales", reason="DuplicateTargetEntries"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, DryRunModel.CHANGES)) == 'title: "A" -> "B"'
    assert model.data(model.index(2, DryRunModel.REASON)) == "DuplicateTargetEntries"
    assert model.data(model.index(2, DryRunModel.TYPE)) == "Group"
    assert model.data(model.index(0, 0), ObjectRole).key == "a@example.com"


def test_connection_report_model(qtmodeltester) -> None:
    model = ConnectionReportModel()
    model.set_checks(
        [
            CheckResult("url", "Tenant URL", "passed", "A Webex tenant URL."),
            CheckResult(
                "token", "Token accepted", "failed", "Webex refused it.", "Paste a new one."
            ),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, ConnectionReportModel.RESULT)) == "Failed"
    assert model.data(model.index(1, ConnectionReportModel.NEXT_STEP)) == "Paste a new one."
    assert model.data(model.index(0, ConnectionReportModel.NEXT_STEP)) == ""


def test_the_table_paints_each_cell_from_one_call_with_what_data_gives(qtbot: QtBot) -> None:
    """The item delegate asks every role of a cell at once (multiData): the text and the
    failure colour it paints are data()'s, for every column, filtered or not."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    model = ActivityModel(batch_ms=10)
    model.add_events([_event(0), _event(1, Status.FAILURE), _event(2)])
    model.flush()
    proxy = ActivityFilterModel()
    proxy.setSourceModel(model)
    delegate = QStyledItemDelegate()

    def painted(row: int, column: int) -> tuple[str, str]:
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, proxy.index(row, column))
        return option.text, option.palette.color(QPalette.ColorRole.Text).name()

    normal = painted(0, ActivityModel.USER)[1]
    for status in ("", Status.FAILURE.value):
        proxy.set_status(status)
        for row in range(proxy.rowCount()):
            for column in range(proxy.columnCount()):
                text, colour = painted(row, column)
                assert text == proxy.data(proxy.index(row, column))
                failed = proxy.data(proxy.index(row, ActivityModel.STATUS)) == "Failure"
                assert (colour != normal) == failed, (status, row, column, text)
    assert painted(0, ActivityModel.DETAILS)[0] == "refused by the target"


def test_a_long_details_cell_is_cut_but_searched_and_shown_whole(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    changes = tuple((f"attribute{n}", None, f"value number {n}") for n in range(30))
    model = ActivityModel(batch_ms=10)
    model.add_event(
        SyncEvent(
            kind="operation",
            action="Create",
            user_name="a@x.com",
            status=Status.SUCCESS,
            modified=changes,
        )
    )
    model.flush()
    index = model.index(0, ActivityModel.DETAILS)
    shown = model.data(index)
    whole = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert len(whole) > 2 * DETAILS_SHOWN and whole.endswith('"value number 29"')
    assert len(shown) == DETAILS_SHOWN and shown.endswith("…")
    assert whole.startswith(shown[:-1])
    proxy = ActivityFilterModel()
    proxy.setSourceModel(model)
    proxy.set_text("value number 29")  # beyond the cut
    assert proxy.rowCount() == 1


def test_times_follow_the_users_locale(qtbot: QtBot) -> None:
    """The activity's times and the details' date read as the admin's locale writes them,
    never the C locale's order (issue 23)."""
    from PySide6.QtCore import QLocale

    event = _event(9)  # 26 November 2026, 10:00:09 UTC
    local = event.time.astimezone()
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("fr_FR"))
        model = ActivityModel(batch_ms=10)
        model.add_event(event)
        model.flush()
        assert model.data(model.index(0, ActivityModel.TIME)) == local.strftime("%H:%M:%S")
        assert f"26/11/2026 {local:%H:%M:%S}" in event_detail_text(event)

        QLocale.setDefault(QLocale("en_US"))
        model = ActivityModel(batch_ms=10)
        model.add_event(event)
        model.flush()
        hour = local.hour % 12 or 12
        suffix = "AM" if local.hour < 12 else "PM"
        shown = model.data(model.index(0, ActivityModel.TIME))
        assert shown.replace("\u202f", " ") == f"{hour}:{local:%M:%S} {suffix}"
        assert "11/26/26" in event_detail_text(event)
    finally:
        QLocale.setDefault(previous)
