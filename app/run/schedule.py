"""One profile's cycles while the program stays open: the schedule the dashboard runs.

A ProfileSchedule keeps a CycleScheduler on the running event loop for one profile: every
`schedule.every_minutes` while the profile's provisioning status is on; on request only
while it is off (the scheduler still exists, so that "Sync now" and "Allow deletes" go
through the one queue that never runs two cycles at once). Before each cycle it reads the
profile file again when it changed on disk (the CLI may have edited it); automatic cycles
wait for the quarantine's next attempt. The clock and the sleep are injected (tests run hours
of schedule in no time). It owns no engine: `run_cycle(allow_deletes)`
runs one cycle, and listeners hear of the scheduler's status, each finished cycle and each
profile read again. No Qt: the dashboard's ProfileRuntime turns these callbacks into signals.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from app.config.profile import Profile
from app.config.store import ProfileStore
from app.paths import state_file
from app.sync.events import CycleResult
from app.sync.scheduler import CycleScheduler, SchedulerStatus, StatusListener
from app.sync.state import StateStore

log = logging.getLogger(__name__)

# With provisioning status off, the profile's scheduler still exists but its interval is so
# long that it never starts a cycle by itself.
MANUAL_ONLY = timedelta(days=3650)

CycleRunner = Callable[[bool], Awaitable[CycleResult]]  # allow_deletes -> the cycle's result


def _utc_now() -> datetime:
    return datetime.now(UTC)


def interval_of(profile: Profile) -> timedelta:
    """The time between automatic cycles: the profile's, or MANUAL_ONLY while it is off."""
    if profile.provisioning_enabled:
        return timedelta(minutes=profile.schedule.every_minutes)
    return MANUAL_ONLY


def quarantine_next_attempt(profile_name: str) -> datetime | None:
    """When the quarantined profile may try again (None: not quarantined, or no state yet)."""
    path = state_file(profile_name)
    if not path.exists():  # no cycle has run: do not create the file just to look at it
        return None
    with StateStore(path) as state:
        quarantine = state.quarantine()
    return quarantine.next_attempt if quarantine is not None else None


def load_saved_profile(profile_name: str) -> Profile | None:
    """The profile as its file holds it now (blocking); None when the file is gone."""
    store = ProfileStore()
    if not store.exists(profile_name):
        return None
    return store.load(profile_name)


async def read_saved_profile(profile_name: str) -> Profile | None:
    """load_saved_profile in a worker thread: the file is read off the event loop."""
    return await asyncio.to_thread(load_saved_profile, profile_name)


class ProfileSchedule:
    """One profile's cycles in this process: its CycleScheduler, its interval, its quarantine."""

    def __init__(
        self,
        profile: Profile,
        run_cycle: CycleRunner,
        *,
        clock: Callable[[], datetime] = _utc_now,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_status: StatusListener | None = None,
        on_cycle_finished: Callable[[CycleResult], None] | None = None,
        on_profile_reloaded: Callable[[Profile], None] | None = None,
        next_attempt: Callable[[str], datetime | None] = quarantine_next_attempt,
        load_profile: Callable[[str], Awaitable[Profile | None]] = read_saved_profile,
    ) -> None:
        self.profile = profile
        self._run = run_cycle
        self._clock = clock
        self._on_cycle_finished = on_cycle_finished
        self._on_profile_reloaded = on_profile_reloaded
        self._next_attempt = next_attempt
        self._load_profile = load_profile
        self._allow_deletes_next = False
        self.scheduler = CycleScheduler(
            self._scheduled_cycle,
            every=interval_of(profile),
            clock=clock,
            sleep=sleep,
            not_before=self._quarantine_until,
            # Status Off: no automatic cycle, whatever the interval (issue 23).
            enabled=lambda: self.profile.provisioning_enabled,
        )
        if on_status is not None:
            self.scheduler.add_listener(on_status)

    @property
    def automatic(self) -> bool:
        return self.profile.provisioning_enabled

    @property
    def status(self) -> SchedulerStatus:
        return self.scheduler.status()

    @property
    def running(self) -> bool:
        return self.scheduler.running

    @property
    def started(self) -> bool:
        return self.scheduler.started

    def start(self, last_started: datetime | None = None) -> None:
        """Start the schedule: the first automatic cycle is due one interval after the last."""
        if self.scheduler.started:
            return
        now = self._clock()
        every = self.scheduler.every
        first = now + every if not self.automatic else now
        if self.automatic and last_started is not None and last_started + every > now:
            first = last_started + every
        self.scheduler.start(first_cycle_at=first)

    async def hold(self) -> None:
        """Wait until cancelled, then stop the scheduler (and the cycle in flight): the task
        that runs this ties the schedule's life to whoever cancels it on quit."""
        try:
            await asyncio.get_running_loop().create_future()
        finally:
            await self.scheduler.stop()

    async def stop(self) -> None:
        await self.scheduler.stop()

    def update_profile(self, profile: Profile) -> None:
        """The profile was saved again: new settings for the next cycles (the schedule too)."""
        self.profile = profile
        every = interval_of(profile)
        if every != self.scheduler.every:
            self.scheduler.set_interval(every)

    def sync_now(self, *, allow_deletes: bool = False) -> None:
        """A cycle now, or right after the running one; `allow_deletes` for that cycle only.
        The schedule must be started."""
        if allow_deletes:
            self._allow_deletes_next = True
        self.scheduler.sync_now()

    def wake(self) -> None:
        """Look at the quarantine again (after a restart lifted it)."""
        if self.scheduler.started:
            self.scheduler.set_interval(self.scheduler.every)

    def _quarantine_until(self) -> datetime | None:
        return self._next_attempt(self.profile.name)

    async def _scheduled_cycle(self) -> CycleResult:
        allow, self._allow_deletes_next = self._allow_deletes_next, False
        await self.reload_profile()
        result = await self._run(allow)
        if self._on_cycle_finished is not None:
            self._on_cycle_finished(result)
        return result

    async def reload_profile(self) -> bool:
        """Read the profile file again when it changed on disk since it was loaded; True when
        the profile changed. A file that no longer loads raises its error: the cycle does not
        run on settings nobody can see."""
        loaded = await self._load_profile(self.profile.name)
        if loaded is None or loaded == self.profile:
            return False
        log.info("Profile %s changed on disk: read again before its cycle", self.profile.name)
        self.update_profile(loaded)
        if self._on_profile_reloaded is not None:
            self._on_profile_reloaded(loaded)
        return True
