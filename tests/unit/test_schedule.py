"""A profile's schedule in a running program (app.run.schedule), on a fake clock: the interval
from the provisioning status, the first cycle after the last one recorded, "allow deletes"
for one cycle only, the profile read again before a cycle, the quarantine's next attempt."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from app.config.profile import CsvSettings, Profile, ScheduleSettings, SourceSettings, Target
from app.run.schedule import MANUAL_ONLY, ProfileSchedule, interval_of
from app.sync.events import CycleResult
from app.sync.scheduler import SchedulerStatus
from tests.support.clock import T0, FakeClock, settle


def profile(*, every: int = 40, enabled: bool = True) -> Profile:
    return Profile(
        name="acme",
        target=Target(
            tenant_url="https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
        ),
        source=SourceSettings(kind="csv", csv=CsvSettings(path=Path("users.csv"))),
        schedule=ScheduleSettings(every_minutes=every),
        provisioning_enabled=enabled,
    )


class Recorder:
    """The cycles run (their allow_deletes) and what the schedule told its listeners."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.allow_deletes: list[bool] = []
        self.started: list[datetime] = []
        self.finished: list[CycleResult] = []
        self.statuses: list[SchedulerStatus] = []
        self.reloaded: list[Profile] = []
        self.on_disk: Profile | None = None
        self.next_attempt: datetime | None = None

    async def run_cycle(self, allow_deletes: bool) -> CycleResult:
        self.allow_deletes.append(allow_deletes)
        self.started.append(self.clock())
        return CycleResult(cycle_id="c", started=T0, finished=T0, outcome="completed")

    async def load_profile(self, _name: str) -> Profile | None:
        """The file as the test wrote it, read on the loop: no thread for the fake clock to
        wait for."""
        return self.on_disk

    def schedule(self, saved: Profile) -> ProfileSchedule:
        self.on_disk = saved
        return ProfileSchedule(
            saved,
            self.run_cycle,
            clock=self.clock,
            sleep=self.clock.sleep,
            on_status=self.statuses.append,
            on_cycle_finished=self.finished.append,
            on_profile_reloaded=self.reloaded.append,
            next_attempt=lambda _name: self.next_attempt,
            load_profile=self.load_profile,
        )


def test_the_interval_is_the_profiles_while_on_and_never_while_off() -> None:
    assert interval_of(profile(every=15)) == timedelta(minutes=15)
    assert interval_of(profile(every=15, enabled=False)) == MANUAL_ONLY


async def test_the_first_cycle_is_due_one_interval_after_the_last_one_recorded() -> None:
    clock = FakeClock()
    recorder = Recorder(clock)
    schedule = recorder.schedule(profile(every=40))
    schedule.start(last_started=T0 - timedelta(minutes=10))
    try:
        assert schedule.status.next_cycle_at == T0 + timedelta(minutes=30)
        await clock.advance(timedelta(minutes=29))
        assert recorder.started == []
        await clock.advance(timedelta(minutes=1))
        assert recorder.started == [T0 + timedelta(minutes=30)]
        assert len(recorder.finished) == 1
        assert schedule.status.next_cycle_at == T0 + timedelta(minutes=70)
        assert recorder.statuses[-1].cycles_run == 1
    finally:
        await schedule.stop()


async def test_without_a_recent_cycle_the_first_one_runs_at_once() -> None:
    clock = FakeClock()
    recorder = Recorder(clock)
    schedule = recorder.schedule(profile())
    schedule.start(last_started=T0 - timedelta(hours=3))
    try:
        await clock.advance(timedelta(0))
        assert recorder.started == [T0]
    finally:
        await schedule.stop()


async def test_while_off_only_sync_now_runs_a_cycle() -> None:
    clock = FakeClock()
    recorder = Recorder(clock)
    schedule = recorder.schedule(profile(enabled=False))
    schedule.start()
    try:
        assert not schedule.automatic
        await clock.advance(timedelta(days=2))
        assert recorder.started == []
        schedule.sync_now()
        await clock.advance(timedelta(0))
        assert recorder.started == [T0 + timedelta(days=2)]
    finally:
        await schedule.stop()


async def test_allow_deletes_holds_for_the_next_cycle_only() -> None:
    clock = FakeClock()
    recorder = Recorder(clock)
    schedule = recorder.schedule(profile(every=40))
    schedule.start(last_started=T0)
    try:
        schedule.sync_now(allow_deletes=True)
        await clock.advance(timedelta(0))
        await clock.advance(timedelta(minutes=40))
        assert recorder.allow_deletes == [True, False]
    finally:
        await schedule.stop()


async def test_a_profile_changed_on_disk_is_read_again_before_the_cycle() -> None:
    clock = FakeClock()
    recorder = Recorder(clock)
    schedule = recorder.schedule(profile(every=40))
    schedule.start(last_started=T0)
    try:
        recorder.on_disk = profile(every=10)
        schedule.sync_now()
        await clock.advance(timedelta(0))
        assert recorder.reloaded == [profile(every=10)]
        assert schedule.profile.schedule.every_minutes == 10
        assert schedule.scheduler.every == timedelta(minutes=10)
        assert await schedule.reload_profile() is False  # unchanged since: nothing to do
        recorder.on_disk = None  # the file is gone: the settings in memory stay
        assert await schedule.reload_profile() is False
        assert schedule.profile.schedule.every_minutes == 10
    finally:
        await schedule.stop()


async def test_automatic_cycles_wait_for_the_quarantines_next_attempt() -> None:
    clock = FakeClock()
    recorder = Recorder(clock)
    recorder.next_attempt = T0 + timedelta(hours=2)
    schedule = recorder.schedule(profile(every=40))
    schedule.start()
    try:
        await clock.advance(timedelta(hours=1))
        assert recorder.started == []
        assert schedule.status.next_cycle_at == T0 + timedelta(hours=2)
        recorder.next_attempt = None  # a restart lifted it
        schedule.wake()
        await clock.advance(timedelta(0))
        assert recorder.started == [T0 + timedelta(hours=1)]
    finally:
        await schedule.stop()


async def test_hold_stops_the_schedule_when_cancelled() -> None:
    clock = FakeClock()
    recorder = Recorder(clock)
    schedule = recorder.schedule(profile())
    schedule.start(last_started=T0)
    keeper = asyncio.ensure_future(schedule.hold())
    await settle()
    assert schedule.started
    keeper.cancel()
    await asyncio.gather(keeper, return_exceptions=True)
    assert not schedule.started
