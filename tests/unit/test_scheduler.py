"""The in-process cycle scheduler on a fake clock: spacing, no overlap, Sync now, quarantine, stop."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from app.sync.events import CycleResult, Outcome
from app.sync.lock import LockHeld, LockOwner
from app.sync.scheduler import CycleScheduler, SchedulerState, SchedulerStatus
from tests.support.clock import T0, FakeClock, settle

EVERY = timedelta(minutes=40)


def result(outcome: Outcome = "completed", *, next_attempt: datetime | None = None) -> CycleResult:
    return CycleResult(
        cycle_id="c", started=T0, finished=T0, outcome=outcome, next_attempt=next_attempt
    )


class Cycles:
    """A run_cycle that records when each cycle ran and how many ran at once."""

    def __init__(self, clock: FakeClock, *, takes: timedelta = timedelta(0)) -> None:
        self.clock = clock
        self.takes = takes
        self.spans: list[tuple[datetime, datetime]] = []
        self.running = 0
        self.most_at_once = 0
        self.outcomes: list[Outcome] = []
        self.gate: asyncio.Event | None = None
        self.stop_after: int | None = None
        self.enough = asyncio.Event()
        self.cancelled = False

    async def __call__(self) -> CycleResult:
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        start = self.clock()
        try:
            if self.stop_after is not None and len(self.spans) >= self.stop_after:
                self.enough.set()
                await asyncio.Event().wait()  # park the scheduler until the test stops it
            if self.gate is not None:
                await self.gate.wait()
                self.gate.clear()
            if self.takes:
                await self.clock.sleep(self.takes.total_seconds())
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        finally:
            self.running -= 1
        self.spans.append((start, self.clock()))
        return result(self.outcomes.pop(0) if self.outcomes else "completed")


async def test_two_cycles_a_short_interval_apart_run_one_after_the_other() -> None:
    clock = FakeClock(autojump=True)
    cycles = Cycles(clock, takes=timedelta(minutes=3))
    cycles.stop_after = 3
    scheduler = CycleScheduler(cycles, every=timedelta(minutes=1), clock=clock, sleep=clock.sleep)
    scheduler.start()
    await asyncio.wait_for(cycles.enough.wait(), 10)
    await scheduler.stop()

    assert cycles.most_at_once == 1
    assert [start for start, _ in cycles.spans] == [
        T0,
        T0 + timedelta(minutes=3),
        T0 + timedelta(minutes=6),
    ]
    for (_, end), (next_start, _) in zip(cycles.spans, cycles.spans[1:], strict=False):
        assert next_start >= end


async def test_cycles_start_every_interval_and_the_next_one_is_announced() -> None:
    clock = FakeClock(autojump=True)
    cycles = Cycles(clock, takes=timedelta(minutes=2))
    cycles.stop_after = 3
    seen: list[datetime | None] = []
    scheduler = CycleScheduler(cycles, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.add_listener(lambda status: seen.append(status.next_cycle_at))
    scheduler.start()
    await asyncio.wait_for(cycles.enough.wait(), 10)
    assert scheduler.state is SchedulerState.RUNNING
    await scheduler.stop()

    assert [start for start, _ in cycles.spans] == [T0, T0 + EVERY, T0 + 2 * EVERY]
    assert T0 + EVERY in seen and T0 + 2 * EVERY in seen
    assert scheduler.next_cycle_at is None
    assert scheduler.cycles_run == 3


async def test_sync_now_during_a_cycle_is_queued_once_not_stacked() -> None:
    clock = FakeClock()
    cycles = Cycles(clock)
    cycles.gate = asyncio.Event()
    scheduler = CycleScheduler(cycles, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.start()
    await settle()
    assert scheduler.running

    for _ in range(3):
        scheduler.sync_now()
    assert scheduler.status().queued
    cycles.gate.set()
    await settle()
    assert len(cycles.spans) == 1 and scheduler.running  # the queued one started at once
    cycles.gate.set()
    await settle()
    assert len(cycles.spans) == 2
    assert scheduler.state is SchedulerState.IDLE
    assert scheduler.next_cycle_at == T0 + EVERY

    await clock.advance(EVERY - timedelta(seconds=1))
    assert len(cycles.spans) == 2  # three presses, one extra cycle, none stacked
    cycles.gate.set()
    await clock.advance(timedelta(seconds=1))
    assert len(cycles.spans) == 3
    assert cycles.most_at_once == 1
    await scheduler.stop()


async def test_sync_now_while_waiting_runs_at_once_and_moves_the_next_cycle() -> None:
    clock = FakeClock()
    cycles = Cycles(clock)
    scheduler = CycleScheduler(cycles, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.start(first_cycle_at=T0 + timedelta(minutes=25))
    await clock.advance(timedelta(minutes=10))
    assert cycles.spans == []
    assert scheduler.next_cycle_at == T0 + timedelta(minutes=25)

    scheduler.sync_now()
    await settle()
    assert [start for start, _ in cycles.spans] == [T0 + timedelta(minutes=10)]
    assert scheduler.next_cycle_at == T0 + timedelta(minutes=50)
    await scheduler.stop()


async def test_automatic_cycles_wait_for_the_quarantine_but_sync_now_does_not() -> None:
    clock = FakeClock()
    cycles = Cycles(clock)
    cycles.outcomes = ["quarantined"]
    release = T0 + timedelta(hours=6)
    quarantined_until: list[datetime | None] = [None]
    states: list[SchedulerState] = []

    async def run() -> CycleResult:
        outcome = await cycles()
        if outcome.outcome == "quarantined":
            quarantined_until[0] = release
        return outcome

    scheduler = CycleScheduler(
        run, every=EVERY, clock=clock, sleep=clock.sleep, not_before=lambda: quarantined_until[0]
    )
    scheduler.add_listener(lambda status: states.append(status.state))
    scheduler.start()
    await settle()
    assert scheduler.state is SchedulerState.QUARANTINED
    assert scheduler.next_cycle_at == release

    await clock.advance(timedelta(hours=2))
    assert len(cycles.spans) == 1  # the 40-minute cycles do not run while quarantined

    scheduler.sync_now()
    await settle()
    assert len(cycles.spans) == 2  # the admin asked: it runs
    assert SchedulerState.RUNNING in states

    quarantined_until[0] = release
    await clock.advance(release - clock.now - timedelta(seconds=1))
    assert len(cycles.spans) == 2
    await clock.advance(timedelta(seconds=1))
    assert len(cycles.spans) == 3
    await scheduler.stop()


async def test_without_a_state_callable_the_results_next_attempt_is_honoured() -> None:
    clock = FakeClock()
    release = T0 + timedelta(hours=12)

    async def run() -> CycleResult:
        calls.append(clock())
        return result("quarantined", next_attempt=release)

    calls: list[datetime] = []
    scheduler = CycleScheduler(run, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.start()
    await settle()
    assert scheduler.next_cycle_at == release
    await clock.advance(timedelta(hours=1))
    assert calls == [T0]
    await scheduler.stop()


@pytest.mark.parametrize(
    ("outcome", "state"),
    [
        ("completed", SchedulerState.IDLE),
        ("completed_with_failures", SchedulerState.FAILED),
        ("failed", SchedulerState.FAILED),
        ("held", SchedulerState.HELD),
        ("quarantined", SchedulerState.QUARANTINED),
    ],
)
async def test_the_state_after_a_cycle_follows_its_outcome(
    outcome: Outcome, state: SchedulerState
) -> None:
    clock = FakeClock()
    cycles = Cycles(clock)
    cycles.outcomes = [outcome]
    scheduler = CycleScheduler(cycles, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.start()
    await settle()
    assert scheduler.state is state
    assert scheduler.last_result is not None and scheduler.last_result.outcome == outcome
    await scheduler.stop()


async def test_a_cycle_that_raises_marks_failed_and_the_schedule_goes_on() -> None:
    clock = FakeClock()
    calls: list[datetime] = []

    async def broken() -> CycleResult:
        calls.append(clock())
        raise RuntimeError("boom")

    scheduler = CycleScheduler(broken, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.start()
    await settle()
    assert scheduler.state is SchedulerState.FAILED
    assert "unexpected error (RuntimeError)" in scheduler.last_error
    await clock.advance(EVERY)
    assert calls == [T0, T0 + EVERY]
    await scheduler.stop()


async def test_a_cycle_run_by_another_process_is_skipped_without_failing() -> None:
    clock = FakeClock()
    owner = LockOwner(pid=4321, host="elsewhere", started=T0, purpose="sync")

    async def locked() -> CycleResult:
        raise LockHeld("acme", owner)

    scheduler = CycleScheduler(locked, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.start()
    await settle()
    assert scheduler.state is SchedulerState.IDLE
    assert "pid 4321 on elsewhere" in scheduler.last_error
    assert scheduler.next_cycle_at == T0 + EVERY
    await scheduler.stop()


async def test_stop_cancels_the_running_cycle_and_waits_for_it() -> None:
    clock = FakeClock()
    cycles = Cycles(clock)
    cycles.gate = asyncio.Event()
    scheduler = CycleScheduler(cycles, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.start()
    await settle()
    assert scheduler.running
    await scheduler.stop()
    assert cycles.cancelled
    assert cycles.running == 0
    assert not scheduler.started
    assert scheduler.state is SchedulerState.IDLE
    with pytest.raises(RuntimeError):
        scheduler.sync_now()


async def test_a_new_interval_moves_the_next_cycle() -> None:
    clock = FakeClock()
    cycles = Cycles(clock)
    scheduler = CycleScheduler(cycles, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.start()
    await settle()
    scheduler.set_interval(timedelta(minutes=10))
    assert scheduler.next_cycle_at == T0 + timedelta(minutes=10)
    await clock.advance(timedelta(minutes=10))
    assert len(cycles.spans) == 2
    await scheduler.stop()


async def test_a_failing_listener_does_not_stop_the_schedule() -> None:
    clock = FakeClock()
    cycles = Cycles(clock)
    statuses: list[SchedulerStatus] = []

    def broken(status: SchedulerStatus) -> None:
        raise ValueError("view gone")

    scheduler = CycleScheduler(cycles, every=EVERY, clock=clock, sleep=clock.sleep)
    scheduler.add_listener(broken)
    remove = scheduler.add_listener(statuses.append)
    scheduler.start()
    await settle()
    assert len(cycles.spans) == 1
    assert [s.state for s in statuses][-2:] == [SchedulerState.RUNNING, SchedulerState.IDLE]
    remove()
    count = len(statuses)
    await scheduler.stop()
    assert len(statuses) == count


async def test_real_sleep_is_the_default_and_a_zero_interval_is_refused() -> None:
    with pytest.raises(ValueError):
        CycleScheduler(_never, every=timedelta(0))
    ran = asyncio.Event()

    async def once() -> CycleResult:
        ran.set()
        return result()

    scheduler = CycleScheduler(once, every=EVERY)
    scheduler.start()
    await asyncio.wait_for(ran.wait(), 5)
    await scheduler.stop()


async def _never() -> CycleResult:  # pragma: no cover - never called
    raise AssertionError


async def test_scheduled_cycles_do_not_run_while_provisioning_is_off() -> None:
    # Provisioning status Off: each due cycle is skipped (nothing run, nothing sent);
    # the admin's own "Sync now" still runs; switched On, the schedule resumes.
    clock = FakeClock()
    cycles = Cycles(clock)
    on = [False]
    scheduler = CycleScheduler(
        cycles, every=EVERY, clock=clock, sleep=clock.sleep, enabled=lambda: on[0]
    )
    scheduler.start()
    await clock.advance(3 * EVERY)
    assert cycles.spans == []
    assert scheduler.cycles_skipped == 4  # at T0, +40, +80, +120 minutes
    assert scheduler.cycles_run == 0
    assert scheduler.state is SchedulerState.IDLE
    assert scheduler.next_cycle_at == T0 + 4 * EVERY

    scheduler.sync_now()
    await settle()
    assert [start for start, _ in cycles.spans] == [T0 + 3 * EVERY]

    on[0] = True
    await clock.advance(EVERY)
    assert [start for start, _ in cycles.spans] == [T0 + 3 * EVERY, T0 + 4 * EVERY]
    assert scheduler.cycles_skipped == 4
    await scheduler.stop()


async def test_an_unreadable_status_counts_as_off() -> None:
    clock = FakeClock()
    cycles = Cycles(clock)

    def broken() -> bool:
        raise OSError("the profile file cannot be read")

    scheduler = CycleScheduler(cycles, every=EVERY, clock=clock, sleep=clock.sleep, enabled=broken)
    scheduler.start()
    await clock.advance(EVERY)
    assert cycles.spans == [] and scheduler.cycles_skipped == 2
    await scheduler.stop()
