"""What the admin reads: the plan's totals and text, cycle summaries, the progress bar."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest

from app.sync.events import CycleResult, EventHub, Status, SyncEvent
from app.sync.plan import Action, Plan, PlannedOperation
from app.sync.progress import ProgressBar, format_duration


def test_counts_list_every_action_even_at_zero() -> None:
    plan = Plan(
        operations=[
            PlannedOperation("User", Action.CREATE, "a", "a@x.com"),
            PlannedOperation("User", Action.NO_CHANGE, "b", "b@x.com"),
            PlannedOperation("Group", Action.CREATE, "g", "Sales"),
        ]
    )
    assert plan.counts() == {
        "Create": 2,
        "Update": 0,
        "Disable": 0,
        "Delete": 0,
        "Skip": 0,
        "NoChange": 1,
    }
    assert plan.users_total() == 1
    assert json.loads(plan.to_json())["counts"]["Create"] == 2


def test_the_text_plan_leaves_out_unchanged_users_and_says_nothing_was_sent() -> None:
    plan = Plan(
        operations=[
            PlannedOperation("User", Action.NO_CHANGE, "quiet", "quiet@x.com"),
            PlannedOperation(
                "User",
                Action.DISABLE,
                "gone",
                "gone@x.com",
                changes=[("active", True, False)],
                detail="no longer in the source",
            ),
        ]
    )
    text = plan.render_text()
    assert "nothing was sent" in text
    assert "quiet@x.com" not in text
    assert "gone@x.com  (no longer in the source)" in text
    assert "active: true -> false" in text


def test_a_long_plan_is_cut_with_a_pointer_to_json() -> None:
    plan = Plan(
        operations=[
            PlannedOperation("User", Action.CREATE, str(n), f"u{n}@x.com") for n in range(12)
        ]
    )
    text = plan.render_text(limit=10)
    assert "... and 2 more (use --json for all of them)" in text


def test_a_cycle_summary_counts_by_action_and_status() -> None:
    when = datetime(2026, 11, 26, tzinfo=UTC)
    result = CycleResult(
        cycle_id="c1",
        started=when,
        finished=when,
        outcome="completed_with_failures",
        counts={"Create": {"Success": 8, "Failure": 2}, "NoChange": {"Success": 90}},
    )
    assert result.by_action() == {"Create": 10, "NoChange": 90}
    assert result.by_status() == {"Success": 98, "Failure": 2}
    assert result.failures == 2
    assert result.summary() == "Cycle c1 completed with failures: Create 10, NoChange 90. 2 failed."
    assert result.to_dict()["counts"]["Create"] == {"Success": 8, "Failure": 2}


def test_a_broken_listener_does_not_stop_the_others() -> None:
    hub = EventHub()
    seen: list[str] = []

    def broken(event: SyncEvent) -> None:
        raise RuntimeError("view closed")

    hub.add(broken)
    remove = hub.add(lambda e: seen.append(e.kind))
    hub.emit(SyncEvent(kind="note", message="hello"))
    remove()
    hub.emit(SyncEvent(kind="note", message="again"))
    assert seen == ["note"]


def test_the_progress_bar_shows_users_rate_and_time_left() -> None:
    now = [0.0]
    out = io.StringIO()
    bar = ProgressBar(out, width=10, clock=lambda: now[0])
    bar(SyncEvent(kind="progress", done=0, total=1000))
    now[0] = 5.0
    bar(SyncEvent(kind="progress", done=500, total=1000))
    assert out.getvalue().endswith("[#####-----] 500/1000 users 100/s 0:05 left")
    now[0] = 5.05  # within the redraw interval: not drawn
    bar(SyncEvent(kind="progress", done=501, total=1000))
    assert "501/1000" not in out.getvalue()
    now[0] = 10.0
    bar(SyncEvent(kind="progress", done=1000, total=1000))
    bar(SyncEvent(kind="cycle_finished", status=Status.SUCCESS))
    last_line = out.getvalue().rsplit("\r", 1)[-1]
    assert last_line.endswith("\n")  # the shell prompt starts on a fresh line
    assert last_line.rstrip() == "[##########] 1000/1000 users 100/s in 0:10"


def test_durations_read_like_a_clock() -> None:
    assert format_duration(5) == "0:05"
    assert format_duration(3725) == "1:02:05"


@pytest.mark.parametrize(
    ("outcome", "cause", "skipped", "code"),
    [
        ("completed", "", False, 0),
        ("completed_with_failures", "", False, 1),
        ("cancelled", "", False, 1),
        ("failed", "input", False, 2),
        ("failed", "internal", False, 1),
        ("held", "threshold", False, 3),
        ("quarantined", "failure_rate", False, 3),
        ("quarantined", "auth", True, 3),  # waiting: nothing ran this time
        ("quarantined", "auth", False, 4),  # this cycle found the token refused
        ("quarantined", "permission", False, 4),
        ("failed", "network", False, 4),
        ("failed", "target", False, 4),
    ],
)
def test_exit_codes_follow_the_outcome(outcome: str, cause: str, skipped: bool, code: int) -> None:
    from app.commands.sync import exit_code_for

    when = datetime(2026, 11, 26, tzinfo=UTC)
    result = CycleResult(
        cycle_id="c",
        started=when,
        finished=when,
        outcome=outcome,  # type: ignore[arg-type]
        cause=cause,
        skipped=skipped,
    )
    assert exit_code_for(result) == code


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "",
        'quote " and \\ backslash',
        "line\nbreak\ttab\x01",
        "é ü 中 \u2028",
        True,
        False,
        0,
        -3,
        1.5,
        [1, "x"],
        {"a": None},
    ],
)
def test_a_change_shows_values_as_json_writes_them(value: object) -> None:
    from app.sync.plan import format_change

    assert format_change(("path", None, value)) == (
        f"path: (empty) -> {json.dumps(value, ensure_ascii=False)}"
    )
