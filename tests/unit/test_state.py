"""The state file: links, journal, provisioning log, cycles, watermarks, quarantine, retention."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.sync.events import CycleResult, Status, SyncEvent
from app.sync.plan import Action, PlannedOperation
from app.sync.retention import prune_log
from app.sync.state import StateStore
from app.sync.state.records import Link, Quarantine, StateBatch

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def store(tmp_path: Path) -> StateStore:
    return StateStore(tmp_path / "acme.sqlite3")


def op(n: int, action: Action = Action.CREATE) -> PlannedOperation:
    return PlannedOperation(
        object_type="User",
        action=action,
        source_id=f"user{n}@example.com",
        key=f"user{n}@example.com",
        payload={"userName": f"user{n}@example.com", "name": {"givenName": "Zoé"}},
        payload_hash=f"h{n}",
    )


def event(
    n: int, *, status: Status = Status.SUCCESS, cycle: str = "c1", **extra: object
) -> SyncEvent:
    return SyncEvent(
        kind="operation",
        cycle_id=cycle,
        action="Update",
        status=status,
        source_id=f"user{n}@example.com",
        user_name=f"user{n}@example.com",
        target_id=f"t{n}",
        modified=(("title", "Engineer", "Director"),),
        **extra,  # type: ignore[arg-type]
    )


def test_the_file_is_sqlite_in_wal_mode(tmp_path: Path) -> None:
    with store(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / "acme.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_links_survive_reopening_and_update_in_place(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        state.save_links(
            [
                Link("User", "a", "t-a", "a@example.com", "h1"),
                Link("Group", "g", "t-g", "Sales", "hg"),
            ]
        )
        state.save_links([Link("User", "a", "t-a", "a@example.com", "h2", active=False)])
    with store(tmp_path) as state:
        links = state.links("User")
        assert links == {"a": Link("User", "a", "t-a", "a@example.com", "h2", active=False)}
        assert state.link_for_target("Group", "t-g") == Link("Group", "g", "t-g", "Sales", "hg")
        assert state.count_links("User") == 1
        assert state.count_links("User", active_only=True) == 0


def test_journal_entries_come_back_until_marked_done(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        ops = [op(n) for n in range(3)]
        state.journal_add("c1", ops)
        assert [o.op_id for o in ops] == ["c1:0", "c1:1", "c1:2"]
        state.journal_mark(["c1:0", "c1:1"], "in_flight", bulk_id="b1")
        state.apply(StateBatch(marks=[("c1:0", "done", "t0", "")]))
    with store(tmp_path) as state:
        pending = state.journal_pending()
        assert [(e.op_id, e.state) for e in pending] == [("c1:1", "in_flight"), ("c1:2", "planned")]
        resumed = pending[0].operation
        # An in-flight create may have reached the target: it is looked up before a resend.
        assert resumed.verify_before_create
        assert not pending[1].operation.verify_before_create
        assert resumed.payload == {"userName": "user1@example.com", "name": {"givenName": "Zoé"}}
        assert resumed.payload_hash == "h1"
        assert pending[0].bulk_id == "b1"
        assert state.journal_forget_finished() == 1
        assert state.journal_counts() == {"in_flight": 1, "planned": 1}


def test_a_cycle_journaled_in_several_calls_keeps_every_operation(tmp_path: Path) -> None:
    """Creations sent while planning are journaled a Bulk request at a time, then the
    rest: no call may replace what an earlier one recorded."""
    with store(tmp_path) as state:
        first, second, rest = [op(1), op(2)], [op(3), op(4)], [op(5)]
        state.journal_add("c1", first)
        state.journal_add("c1", second)
        state.journal_add("c1", rest)
        state.journal_add("c2", [op(6)])
        ids = [o.op_id for o in (*first, *second, *rest)]
        assert ids == ["c1:0", "c1:1", "c1:2", "c1:3", "c1:4"]
        pending = state.journal_pending()
        assert [e.op_id for e in pending] == [*ids, "c2:0"]
        assert [e.operation.key for e in pending] == [f"user{n}@example.com" for n in range(1, 7)]


def test_one_batch_writes_links_marks_and_log_rows_together(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        state.journal_add("c1", [op(1)])
        batch = StateBatch(
            links=[Link("User", "user1@example.com", "t1", "user1@example.com", "h1")],
            marks=[("c1:0", "done", "t1", "")],
            events=[event(1), SyncEvent(kind="progress", cycle_id="c1", done=1, total=1)],
        )
        state.apply(batch)
        assert state.link("User", "user1@example.com") is not None
        assert state.journal_pending() == []
        # Only operations go to the provisioning log; progress is for listeners.
        assert state.count_log() == 1


def test_batches_larger_than_one_statement_are_written_whole_and_in_order(
    tmp_path: Path,
) -> None:
    """Rows are written a few hundred per statement: a batch of 1,200 of each lands whole,
    and marks of one operation apply as if one after the other."""
    count = 1_200
    with store(tmp_path) as state:
        ops = [op(n) for n in range(count)]
        state.journal_add("c1", ops)
        state.journal_mark([o.op_id for o in ops[:700]], "in_flight", bulk_id="b1")
        marks = [(o.op_id, "done", f"t{n}", "") for n, o in enumerate(ops[:1_000])]
        # A later mark without a target keeps the earlier one; the last state and error win.
        marks += [("c1:5", "failed", "", "HTTP 409"), ("c1:6", "failed", "", "x")]
        marks += [("c1:6", "done", "", "")]
        links = [Link("User", f"user{n}@example.com", f"t{n}", f"u{n}", "h") for n in range(count)]
        links.append(Link("User", "user7@example.com", "t7-new", "u7", "h2"))
        state.apply(StateBatch(links=links, marks=marks, events=[event(n) for n in range(count)]))
        assert state.journal_counts() == {"done": 999, "failed": 1, "planned": 200}
        assert len(state.links()) == count
        assert state.link("User", "user7@example.com") == Link(
            "User", "user7@example.com", "t7-new", "u7", "h2"
        )
        assert state.count_log() == count
    db = sqlite3.connect(tmp_path / "acme.sqlite3")
    rows = dict(
        (op_id, (target, error, bulk_id))
        for op_id, target, error, bulk_id in db.execute(
            "SELECT op_id, target_id, error, bulk_id FROM journal"
        )
    )
    db.close()
    assert rows["c1:5"] == ("t5", "HTTP 409", "b1")
    assert rows["c1:6"] == ("t6", "", "b1")
    assert rows["c1:699"] == ("t699", "", "b1")
    assert rows["c1:700"] == ("t700", "", "")
    assert rows["c1:1100"] == ("", "", "")


def test_the_log_is_filtered_by_cycle_text_and_status(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        state.add_events([event(n, cycle="c1") for n in range(5)])
        state.add_events(
            [
                event(
                    7,
                    cycle="c2",
                    status=Status.FAILURE,
                    error_code="Conflict (409)",
                    message="userName taken",
                ),
                event(8, cycle="c2", status=Status.SKIPPED, message="out of scope: department"),
            ]
        )
        assert state.count_log(cycle_id="c1") == 5
        assert [e.user_name for e in state.query_log(status="Failure")] == ["user7@example.com"]
        assert [e.user_name for e in state.query_log(text="TAKEN")] == ["user7@example.com"]
        assert [e.user_name for e in state.query_log(text="user3@")] == ["user3@example.com"]
        assert state.count_log(status=["Failure", "Skipped"]) == 2
        # The filter's % and _ are taken literally.
        assert state.query_log(text="100%") == []
        newest = state.query_log(limit=2, newest_first=True)
        assert [e.user_name for e in newest] == ["user8@example.com", "user7@example.com"]
        entry = state.query_log(cycle_id="c2", status="Failure")[0]
        assert entry.modified == [("title", "Engineer", "Director")]
        assert entry.error_code == "Conflict (409)"


def test_a_hundred_thousand_rows_are_filtered_and_counted(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        events = [
            event(n, status=Status.FAILURE if n % 1000 == 0 else Status.SUCCESS)
            for n in range(100_000)
        ]
        state.add_events(events)
        assert state.count_log() == 100_000
        assert state.count_log(status="Failure") == 100
        page = state.query_log(text="user4242@", limit=50)
        assert [e.user_name for e in page] == ["user4242@example.com"]


def test_the_log_exports_as_csv_and_json(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        state.add_events([event(1, tracking_id="ROUTER_1", duration_ms=12)])
        rows = list(csv.DictReader(io.StringIO(state.export_log("csv"))))
        assert rows[0]["user_name"] == "user1@example.com"
        assert rows[0]["modified"] == 'title: "Engineer" -> "Director"'
        assert rows[0]["tracking_id"] == "ROUTER_1"
        (item,) = json.loads(state.export_log("json"))
        assert item["modified"] == [{"path": "title", "old": "Engineer", "new": "Director"}]
        assert item["duration_ms"] == 12


def test_cycles_are_recorded_with_their_counts(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        state.start_cycle("c1", T0, "full")
        assert [c.cycle_id for c in state.unfinished_cycles()] == ["c1"]
        state.finish_cycle(
            CycleResult(
                cycle_id="c1",
                started=T0,
                finished=T0 + timedelta(minutes=2),
                outcome="completed_with_failures",
                counts={"Create": {"Success": 998, "Failure": 2}},
                reason="2 operations failed.",
            )
        )
        assert state.unfinished_cycles() == []
        last = state.last_cycle()
        assert last is not None
        assert (last.cycle_id, last.outcome) == ("c1", "completed_with_failures")
        assert last.counts == {"Create": {"Success": 998, "Failure": 2}}
        assert last.finished == T0 + timedelta(minutes=2)


def test_restart_clears_watermarks_quarantine_and_journal_but_keeps_links_and_log(
    tmp_path: Path,
) -> None:
    with store(tmp_path) as state:
        state.set_watermark("delta-1")
        state.set_quarantine(
            Quarantine("Token expired.", "New token.", "auth", T0, T0 + timedelta(hours=6), 1)
        )
        state.journal_add("c1", [op(1)])
        state.save_links([Link("User", "a", "t-a", "a@example.com", "h")])
        state.add_events([event(1)])
        state.start_cycle("c1", T0, "full")
        cleared = state.restart()
        assert cleared == {"watermarks": 1, "quarantine": 1, "journal": 1}
        assert state.watermark() is None
        assert state.quarantine() is None
        assert state.journal_pending() == []
        assert state.unfinished_cycles() == []
        assert state.count_links() == 1
        assert state.count_log() == 1


def test_quarantine_and_notification_reason_round_trip(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        quarantine = Quarantine(
            "Token expired.", "Paste a new token.", "auth", T0, T0 + timedelta(hours=12), 2
        )
        state.set_quarantine(quarantine)
        state.set_last_notification_reason("Token expired.")
    with store(tmp_path) as state:
        assert state.quarantine() == quarantine
        assert state.last_notification_reason() == "Token expired."
        state.clear_quarantine()
        state.set_last_notification_reason(None)
        assert state.quarantine() is None
        assert state.last_notification_reason() is None


def test_retention_prunes_only_old_rows_and_only_when_there_are_some(tmp_path: Path) -> None:
    with store(tmp_path) as state:
        old = [
            SyncEvent(**{**_fields(event(n)), "time": T0 - timedelta(days=40)}) for n in range(3)
        ]
        recent = [
            SyncEvent(**{**_fields(event(n)), "time": T0 - timedelta(days=2)}) for n in range(2)
        ]
        state.add_events(old + recent)
        assert prune_log(state, days=30, now=T0) == 3
        assert state.count_log() == 2
        assert prune_log(state, days=30, now=T0) == 0  # nothing older: no delete, no VACUUM
        oldest = state.oldest_log_time()
        assert oldest == T0 - timedelta(days=2)


def _fields(item: SyncEvent) -> dict[str, object]:
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


def test_a_read_only_state_file_is_named_with_the_permissions_to_give(tmp_path: Path) -> None:
    """The error SQLite gives for a read-only file (opened read-only here: the suite runs as
    root, whom file modes do not stop) becomes a message naming the file and the fix."""
    import sqlite3

    from app.errors import ExitCode
    from app.sync.state import StateStore
    from app.sync.state.files import state_file_error

    path = tmp_path / "acme.sqlite3"
    StateStore(path).close()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            db.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    finally:
        db.close()
    error = state_file_error(path, caught.value)
    assert f"The state file {path} cannot be opened for writing" in error.message
    assert f"Give this user write permission on {path}" in error.next_step
    assert error.exit_code == ExitCode.BAD_INPUT
