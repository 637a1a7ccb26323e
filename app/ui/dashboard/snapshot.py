"""What the dashboard reads of a profile: its state file at once (ProfileSnapshot), and the
chart's bars made from its cycles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.paths import state_file
from app.sync.events import Status
from app.sync.lock import ProfileLock
from app.sync.state import StateStore
from app.sync.state.records import CycleRecord, InterruptedCycle, Quarantine
from app.ui.chart import ChartBar, bar_from_counts, interrupted_bar

CHART_CYCLES = 20


@dataclass(frozen=True)
class ProfileSnapshot:
    """One profile's state file, read at once: the last cycles, the quarantine, statistics."""

    profile_name: str
    cycles: list[CycleRecord] = field(default_factory=list)  # newest first, real cycles only
    quarantine: Quarantine | None = None
    users_linked: int = 0
    users_active: int = 0
    groups_linked: int = 0
    log_counts: dict[str, int] = field(default_factory=dict)  # status -> rows to date
    since: datetime | None = None  # the oldest record kept (the log's retention)
    pending_operations: int = 0  # left by an interrupted cycle
    # The last cycle started and never ended, and no process runs it (killed, crashed, its
    # window closed): shown on the dashboard and in the chart until a cycle resumes it.
    interrupted: InterruptedCycle | None = None

    @property
    def last_cycle(self) -> CycleRecord | None:
        return next((cycle for cycle in self.cycles if not cycle.unfinished), None)

    @property
    def held(self) -> bool:
        last = self.last_cycle
        return last is not None and last.outcome == "held"


def read_snapshot(profile_name: str, *, limit: int = 200) -> ProfileSnapshot:
    """Read the profile's state file (blocking: call it through asyncio.to_thread)."""
    path = state_file(profile_name)
    if not path.exists():  # no cycle has run: do not create the file just to look at it
        return ProfileSnapshot(profile_name)
    with StateStore(path) as state:
        cycles = [cycle for cycle in state.cycles(limit=limit) if cycle.mode != "one"]
        times = [cycle.started for cycle in cycles]
        oldest_log = state.oldest_log_time()
        if oldest_log is not None:
            times.append(oldest_log)
        return ProfileSnapshot(
            profile_name=profile_name,
            cycles=cycles,
            quarantine=state.quarantine(),
            users_linked=state.count_links("User"),
            users_active=state.count_links("User", active_only=True),
            groups_linked=state.count_links("Group"),
            log_counts={status.value: state.count_log(status=status.value) for status in Status},
            since=min(times) if times else None,
            pending_operations=len(state.journal_pending()),
            interrupted=interrupted_cycle(profile_name, state),
        )


def interrupted_cycle(profile_name: str, state: StateStore) -> InterruptedCycle | None:
    """The state's unfinished last cycle when nobody runs it (the profile lock is free)."""
    found = state.interrupted_cycle()
    if found is None or ProfileLock(profile_name).current_owner() is not None:
        return None
    return found


def cycle_bars(
    cycles: list[CycleRecord], interrupted: InterruptedCycle | None = None
) -> list[ChartBar]:
    """The chart's bars, oldest first, from cycle records (newest first); an interrupted
    cycle is the last bar, with its own mark."""
    finished = [cycle for cycle in cycles if not cycle.unfinished][:CHART_CYCLES]
    bars = [
        interrupted_bar(c.started, 0)  # resumed by a later cycle: still marked as interrupted
        if c.was_interrupted
        else bar_from_counts(c.started, c.counts, c.outcome)
        for c in reversed(finished)
    ]
    if interrupted is not None:
        bars.append(interrupted_bar(interrupted.started, interrupted.done))
    return bars
