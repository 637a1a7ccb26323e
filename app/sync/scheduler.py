"""Incremental cycles every N minutes on the running event loop, never two at once.

The scheduler owns no engine: it calls `run_cycle()` (an async callable returning a
CycleResult) when a cycle is due, and tells its listeners what it is doing. A "Sync now"
while a cycle runs is queued once, never stacked. Automatic cycles wait for the
quarantine's "not before" time; a "Sync now" is the admin's explicit request and does not.
Automatic cycles do not run while `enabled()` says no (the profile's provisioning status is
Off): each is skipped, nothing sent; a "Sync now" still runs (the caller asked first).
The clock and the sleep are injected, so tests run hours of schedule in no time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from app.errors import UserFacingError
from app.messages import Message
from app.sync import outcome_messages as said
from app.sync.events import CycleResult
from app.sync.lock import LockHeld

log = logging.getLogger(__name__)

# A long wait is taken in naps of at most this many seconds and the clock read again after
# each, so that a laptop waking from sleep runs an overdue cycle at once.
MAX_NAP_SECONDS = 60.0


class SchedulerState(StrEnum):
    IDLE = "idle"  # waiting for the next cycle; the last one (if any) completed
    RUNNING = "running"
    HELD = "held"  # the last cycle was held by the deletion threshold
    QUARANTINED = "quarantined"  # the profile is quarantined; cycles wait for next_attempt
    FAILED = "failed"  # the last cycle ended with failures or could not run


_STATE_OF_OUTCOME: dict[str, SchedulerState] = {
    "completed": SchedulerState.IDLE,
    "cancelled": SchedulerState.IDLE,
    "completed_with_failures": SchedulerState.FAILED,
    "failed": SchedulerState.FAILED,
    "held": SchedulerState.HELD,
    "quarantined": SchedulerState.QUARANTINED,
}


@dataclass(frozen=True, slots=True)
class SchedulerStatus:
    """What listeners are told after every change."""

    state: SchedulerState
    next_cycle_at: datetime | None  # None while stopped
    running_since: datetime | None
    queued: bool  # a "Sync now" waits for the running cycle to end
    last_result: CycleResult | None
    last_error: str  # why the last attempt could not run (plain words), else ""
    cycles_run: int
    coded_last_error: Message | None = None  # `last_error` as a coded message, when it is


StatusListener = Callable[[SchedulerStatus], None]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CycleScheduler:
    """Runs `run_cycle` every `every`, one at a time, on the current event loop."""

    def __init__(
        self,
        run_cycle: Callable[[], Awaitable[CycleResult]],
        *,
        every: timedelta,
        clock: Callable[[], datetime] = _utc_now,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        not_before: Callable[[], datetime | None] | None = None,
        enabled: Callable[[], bool] | None = None,
    ) -> None:
        self._check_interval(every)
        self._enabled = enabled
        self._cycles_skipped = 0
        self._run_cycle = run_cycle
        self._every = every
        self._clock = clock
        self._sleep = sleep
        self._not_before = not_before
        self._listeners: list[StatusListener] = []
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._requested = False
        self._due: datetime | None = None
        self._state = SchedulerState.IDLE
        self._running_since: datetime | None = None
        self._last_result: CycleResult | None = None
        self._last_error = ""
        self._coded_last_error: Message | None = None
        self._cycles_run = 0

    # What the dashboard shows.
    @property
    def every(self) -> timedelta:
        return self._every

    @property
    def state(self) -> SchedulerState:
        return self._state

    @property
    def running(self) -> bool:
        return self._state is SchedulerState.RUNNING

    @property
    def started(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def next_cycle_at(self) -> datetime | None:
        """When the next cycle starts (now, if one is queued); None while stopped."""
        if not self.started or self._due is None:
            return None
        if self._requested:
            return self._running_since or self._clock()
        not_before = self._quarantine_until()
        if not_before is not None and not_before > self._due:
            return not_before
        return self._due

    @property
    def last_result(self) -> CycleResult | None:
        return self._last_result

    @property
    def last_error(self) -> str:
        return self._last_error

    @property
    def cycles_run(self) -> int:
        return self._cycles_run

    @property
    def cycles_skipped(self) -> int:
        """Automatic cycles not run because provisioning was off."""
        return self._cycles_skipped

    def status(self) -> SchedulerStatus:
        return SchedulerStatus(
            state=self._state,
            next_cycle_at=self.next_cycle_at,
            running_since=self._running_since,
            queued=self._requested and self.running,
            last_result=self._last_result,
            last_error=self._last_error,
            cycles_run=self._cycles_run,
            coded_last_error=self._coded_last_error,
        )

    def add_listener(self, listener: StatusListener) -> Callable[[], None]:
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    # What the admin (or the program) does.
    def start(self, *, first_cycle_at: datetime | None = None) -> None:
        """Start on the running loop; the first cycle runs at `first_cycle_at` (default now)."""
        if self.started:
            return
        self._due = first_cycle_at if first_cycle_at is not None else self._clock()
        self._task = asyncio.get_running_loop().create_task(
            self._loop(), name="webex-provisioner cycle scheduler"
        )
        self._notify()

    async def stop(self) -> None:
        """Stop scheduling; a running cycle is cancelled and awaited."""
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        self._requested = False
        if self._state is SchedulerState.RUNNING:
            self._state = SchedulerState.IDLE
        self._running_since = None
        self._notify()

    def sync_now(self) -> None:
        """Run a cycle as soon as possible: now, or right after the running one (once)."""
        if not self.started:
            raise RuntimeError("the scheduler is not started")  # a programming error
        self._requested = True
        self._wake.set()
        self._notify()

    def set_interval(self, every: timedelta) -> None:
        """Change the interval; the next cycle moves to the last start plus the new interval."""
        self._check_interval(every)
        if self._due is not None:
            self._due = self._due - self._every + every
        self._every = every
        self._wake.set()
        self._notify()

    # The loop.
    async def _loop(self) -> None:
        while True:
            delay = self._seconds_until_due()
            if delay > 0:
                await self._nap(min(delay, MAX_NAP_SECONDS))
                continue
            await self._run_one()

    def _seconds_until_due(self) -> float:
        if self._requested:
            return 0.0
        assert self._due is not None
        due = self._due
        not_before = self._quarantine_until()
        if not_before is not None and not_before > due:
            due = not_before
            if self._state is not SchedulerState.QUARANTINED:
                self._state = SchedulerState.QUARANTINED
                self._notify()
        return (due - self._clock()).total_seconds()

    async def _nap(self, seconds: float) -> None:
        self._wake.clear()
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in (sleeper, waker):
                waiter.cancel()
            await asyncio.gather(sleeper, waker, return_exceptions=True)

    async def _run_one(self) -> None:
        started = self._clock()
        requested, self._requested = self._requested, False
        self._due = started + self._every
        if not requested and not self._is_enabled():
            # Provisioning status Off: a scheduled cycle does not run (issue 23).
            self._cycles_skipped += 1
            log.info("Scheduled cycle skipped: provisioning is off; nothing was sent.")
            self._notify()
            return
        previous_state = self._state
        self._state = SchedulerState.RUNNING
        self._running_since = started
        self._notify()
        try:
            result = await self._run_cycle()
        except asyncio.CancelledError:
            raise
        except UserFacingError as exc:
            words = exc.said()
            self._last_error = str(words)
            self._coded_last_error = words if isinstance(words, Message) else None
            if isinstance(exc, LockHeld):
                # Another process (a scheduled run, another window) does this cycle.
                log.info("Cycle skipped: %s", exc)
                self._state = previous_state
            else:
                log.warning("The cycle could not run: %s", exc)
                self._state = SchedulerState.FAILED
        except Exception as exc:  # the schedule must outlive a broken cycle
            log.exception("The cycle stopped on an unexpected error")
            unexpected = said.UNEXPECTED(kind=type(exc).__name__)
            self._last_error, self._coded_last_error = unexpected.english, unexpected
            self._state = SchedulerState.FAILED
        else:
            self._last_result = result
            self._last_error, self._coded_last_error = "", None
            self._cycles_run += 1
            self._state = _STATE_OF_OUTCOME.get(result.outcome, SchedulerState.FAILED)
        finally:
            self._running_since = None
        self._notify()

    def _is_enabled(self) -> bool:
        if self._enabled is None:
            return True
        try:
            return bool(self._enabled())
        except Exception:  # an unreadable profile: better no cycle than a wrong one
            log.exception("Could not read whether provisioning is on")
            return False

    def _quarantine_until(self) -> datetime | None:
        if self._not_before is not None:
            try:
                return self._not_before()
            except Exception:  # a broken state file must not stop the schedule
                log.exception("Could not read the quarantine's next attempt time")
                return None
        if self._last_result is not None and self._last_result.outcome == "quarantined":
            return self._last_result.next_attempt
        return None

    def _notify(self) -> None:
        status = self.status()
        for listener in tuple(self._listeners):
            try:
                listener(status)
            except Exception:  # a broken view must not stop the schedule
                log.exception("A scheduler listener failed")

    @staticmethod
    def _check_interval(every: timedelta) -> None:
        if every <= timedelta(0):
            raise ValueError("the cycle interval must be positive")  # a programming error
