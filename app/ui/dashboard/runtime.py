"""The Qt side of one profile's cycles in this process: ProfileRuntime turns the callbacks of
its ProfileSchedule (app.run.schedule) into signals, and runs each cycle as a LockedCycle
(app.run.cycle) whose events, sign-in and steering reach the window through a CycleRun."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from app.config.profile import Profile
from app.config.secrets import aresolve_webex_token
from app.errors import UserFacingError
from app.run.cycle import LockedCycle
from app.run.schedule import CycleRunner, ProfileSchedule
from app.sync.events import CycleResult, SyncEvent
from app.sync.scheduler import CycleScheduler, SchedulerStatus
from app.ui.bridge import Operation, SyncRun, operation_sign_in
from app.ui.tasks import TaskRegistry


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ProfileRuntime(QObject):
    """One profile's cycles in this process: its ProfileSchedule, as Qt signals."""

    statusChanged = Signal(object)  # SchedulerStatus
    eventReceived = Signal(object)  # SyncEvent of the running cycle
    cycleFinished = Signal(object)  # CycleResult
    # An Operation per engine cycle that reports its Microsoft sign-in by device code
    # (deviceCodeShown, signedIn, finished when the cycle ends); cancelling it stops the cycle.
    signInWatched = Signal(object)
    # The same object as a SyncRun (events, pause, resume, graceful cancel), for the
    # dashboard's live activity view.
    runStarted = Signal(object)
    # The profile file changed on disk (`webex-provisioner profile ...`): read again before
    # the cycle that follows.
    profileReloaded = Signal(object)

    def __init__(
        self,
        profile: Profile,
        tasks: TaskRegistry,
        *,
        run_cycle: CycleRunner | None = None,
        clock: Callable[[], datetime] = _utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._keeper: asyncio.Task[None] | None = None
        self.current_run: SyncRun | None = None
        self.schedule = ProfileSchedule(
            profile,
            run_cycle or self._run_engine_cycle,
            clock=clock,
            on_status=self.statusChanged.emit,
            on_cycle_finished=self.cycleFinished.emit,
            on_profile_reloaded=self.profileReloaded.emit,
        )

    def __repr__(self) -> str:
        return f"<ProfileRuntime {self.profile.name!r} {self.scheduler.state.value}>"

    @property
    def profile(self) -> Profile:
        return self.schedule.profile

    @property
    def scheduler(self) -> CycleScheduler:
        return self.schedule.scheduler

    @property
    def automatic(self) -> bool:
        return self.schedule.automatic

    @property
    def status(self) -> SchedulerStatus:
        return self.schedule.status

    @property
    def running(self) -> bool:
        return self.schedule.running

    def start(self, last_started: datetime | None = None) -> None:
        """Start the schedule: the first automatic cycle is due one interval after the last."""
        if self.schedule.started:
            return
        self.schedule.start(last_started)
        # The registry cancels this keeper on quit; its clean-up stops the scheduler (and
        # the cycle in flight) before the loop closes.
        self._keeper = self._tasks.start(self.schedule.hold(), name=f"schedule {self.profile.name}")

    async def stop(self) -> None:
        keeper, self._keeper = self._keeper, None
        if keeper is not None and not keeper.done():
            keeper.cancel()
            await asyncio.gather(keeper, return_exceptions=True)
        await self.schedule.stop()

    def update_profile(self, profile: Profile) -> None:
        """The profile was saved again: new settings for the next cycles (the schedule too)."""
        self.schedule.update_profile(profile)

    def sync_now(self, *, allow_deletes: bool = False) -> None:
        """A cycle now, or right after the running one; `allow_deletes` for that cycle only."""
        if not self.schedule.started:
            self.start()
        self.schedule.sync_now(allow_deletes=allow_deletes)

    def wake(self) -> None:
        """Look at the quarantine again (after a restart lifted it)."""
        self.schedule.wake()

    async def reload_profile(self) -> bool:
        """Read the profile file again when it changed on disk (see ProfileSchedule)."""
        return await self.schedule.reload_profile()

    async def _run_engine_cycle(self, allow_deletes: bool) -> CycleResult:
        """One LockedCycle of the profile, reported through a CycleRun (signInWatched,
        runStarted); it runs as a task of its own: "Cancel the sign-in" cancels it, and the
        schedule goes on (it stops only when its own task is cancelled)."""
        profile = self.profile
        token = await aresolve_webex_token(profile.name)
        run = CycleRun(f"cycle {profile.name}")
        self.current_run = run
        task = asyncio.ensure_future(self._locked_cycle(profile, token, run, allow_deletes))
        run.task = task
        self.signInWatched.emit(run)
        self.runStarted.emit(run)
        try:
            result = await task
        except UserFacingError as error:
            run._fail(error)
            raise
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if not task.cancelled() or (current is not None and current.cancelling()):
                raise
            raise SignInCancelled(
                self.tr("The Microsoft sign-in was cancelled: the cycle did not run."),
                self.tr("Press Sync now and sign in with the code shown."),
            ) from None
        else:
            run._succeed(result)
            return result
        finally:
            run._cancelled()  # finished: a device-code prompt still shown closes
            if self.current_run is run:
                self.current_run = None

    async def _locked_cycle(
        self, profile: Profile, token: str, run: CycleRun, allow_deletes: bool
    ) -> CycleResult:
        def relay(event: SyncEvent) -> None:
            self.eventReceived.emit(event)
            run.eventReceived.emit(event)

        hooks = operation_sign_in(None, run)
        async with LockedCycle(profile, token=token, purpose="gui", sign_in=hooks) as cycle:
            remove = cycle.engine.add_listener(relay)
            run.engine = cycle.engine
            try:
                return await cycle.run(allow_deletes=allow_deletes)
            finally:
                run.engine = None
                remove()


class CycleRun(SyncRun):
    """A dashboard cycle as a SyncRun. While its Microsoft sign-in waits for a device code,
    cancel() ends the cycle at once (the prompt's Cancel: nothing was sent); afterwards it is
    the engine's graceful cancel (the operations in flight finish)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._signing_in = False
        self.deviceCodeShown.connect(self._code_shown)
        self.signedIn.connect(self._signed_in)

    def _code_shown(self, _prompt: object) -> None:
        self._signing_in = True

    def _signed_in(self) -> None:
        self._signing_in = False

    def cancel(self) -> None:
        if self._signing_in:
            Operation.cancel(self)
        else:
            super().cancel()


class SignInCancelled(UserFacingError):
    """The admin closed the device-code prompt of a cycle."""
