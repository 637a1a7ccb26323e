"""StateStore.interrupted_cycle: a cycle that started and never recorded its end, with how
far its journal got (N of M) and when it last wrote."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.sync.events import CycleResult
from app.sync.plan import Action, PlannedOperation
from app.sync.state import StateStore
from app.sync.state.records import INTERRUPTED_REASON

STARTED = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


def op(n: int) -> PlannedOperation:
    return PlannedOperation(
        object_type="User",
        action=Action.CREATE,
        source_id=f"user{n}@example.com",
        key=f"user{n}@example.com",
        payload={"userName": f"user{n}@example.com"},
        payload_hash=f"h{n}",
    )


def test_a_cycle_without_an_end_is_interrupted_at_n_of_m(tmp_path: Path) -> None:
    with StateStore(tmp_path / "acme.sqlite3") as state:
        assert state.interrupted_cycle() is None
        state.start_cycle("c1", STARTED, "full")
        operations = [op(n) for n in range(5)]
        state.journal_add("c1", operations)
        state.journal_mark([operations[0].op_id, operations[1].op_id], "done")
        state.journal_mark([operations[2].op_id], "failed")
        state.journal_mark([operations[3].op_id], "in_flight")
        found = state.interrupted_cycle()
        assert found is not None
        assert (found.cycle_id, found.done, found.planned) == ("c1", 3, 5)
        assert found.stopped >= found.started
        assert "interrupted at 3 of 5 operations" in found.describe()
        assert found.to_dict()["planned"] == 5


def test_a_finished_cycle_or_a_newer_one_ends_the_interruption(tmp_path: Path) -> None:
    with StateStore(tmp_path / "acme.sqlite3") as state:
        state.start_cycle("c1", STARTED, "full")
        state.journal_add("c1", [op(1)])
        later = STARTED + timedelta(minutes=5)
        state.start_cycle("c2", later, "full")
        # The next cycle resumed it: the old one is recorded with the interrupted reason.
        state.finish_cycle(
            CycleResult(
                cycle_id="c1",
                started=STARTED,
                finished=later,
                outcome="failed",
                mode="full",
                reason=INTERRUPTED_REASON,
            )
        )
        state.finish_cycle(
            CycleResult(
                cycle_id="c2", started=later, finished=later, outcome="completed", mode="full"
            )
        )
        assert state.interrupted_cycle() is None
        records = {record.cycle_id: record for record in state.cycles()}
        assert records["c1"].was_interrupted
        assert not records["c2"].was_interrupted
