"""One locked cycle of a profile: the one way the CLI, the wizard and the dashboard run it.

What a cycle run does, in order (`LockedCycle`):

1. It takes the profile's lock (`ProfileLock`, with the caller's purpose: "sync" for the
   CLI, "gui" for the window). Taking it never waits: another holder raises `LockHeld`,
   whose message names the holder (the CLI's exit code 5; the window shows it).
2. It opens the profile's source with the caller's secrets and sign-in hooks
   (`SignInHooks`: the Microsoft Entra ID device-code prompt, the news that the sign-in is
   done), then builds the `SyncEngine` on it; both in a worker thread, because the engine's
   imports and its state file would stall a window's event loop (benchmark P4).
3. The caller listens and steers: `cycle.engine.add_listener(...)` for the events,
   `engine.pause()`, `resume()` and `cancel()` (the window's buttons, the CLI's Ctrl+C).
4. `await cycle.run(allow_deletes=..., plan=...)` runs one cycle and returns its
   `CycleResult`; the CLI's --every calls it again and again under the same lock.
5. After each cycle, the failure e-mail goes out per app.notify.policy (one mail per new
   reason; a completed cycle clears the reason), unless the caller asked for none (the
   wizard's profile is not saved yet). A mail problem never fails the cycle: it goes to
   `on_mail_problem` (default: the log).
6. On leaving, it closes the engine, then the source (its sign-in and Graph connections),
   then releases the lock. `cycle.sign_in_error` then still tells whether the source's
   sign-in failed (the CLI's exit code 3).

How to call it::

    hooks = SignInHooks(secrets=None, device_code=show_prompt, signed_in=close_prompt)
    async with LockedCycle(profile, token=token, purpose="gui", sign_in=hooks) as cycle:
        remove = cycle.engine.add_listener(on_event)
        try:
            result = await cycle.run(allow_deletes=False)
        finally:
            remove()

A dry run or a provisioning on demand takes no lock of its own: `ProfileEngine` gives the
same source and engine, opened and closed the same way (steps 2 and 6).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from types import TracebackType
from typing import Self

from app.config.profile import Profile
from app.errors import UserFacingError
from app.notify.policy import FailureNotifier
from app.run.signin import SignInFailureWatch, SignInHooks, open_signing_in_source
from app.sync.engine import SyncEngine
from app.sync.events import CycleResult
from app.sync.lock import ProfileLock, Purpose
from app.sync.plan import Plan
from app.sync.state import StateStore

log = logging.getLogger(__name__)

MailProblem = Callable[[Exception], None]


class ProfileEngine:
    """A profile's engine on its source, opened together and closed together (engine
    first, then the source: the engine closes only what it opened itself). No lock."""

    def __init__(self, profile: Profile, *, token: str, sign_in: SignInHooks | None = None) -> None:
        self.profile = profile
        self._token = token
        self._sign_in = sign_in if sign_in is not None else SignInHooks()
        self._source: SignInFailureWatch | None = None
        self._engine: SyncEngine | None = None

    def __repr__(self) -> str:  # never the token
        return f"ProfileEngine(profile={self.profile.name!r})"

    @property
    def engine(self) -> SyncEngine:
        if self._engine is None:
            raise RuntimeError("the engine is open only inside `async with`")  # a caller's bug
        return self._engine

    @property
    def sign_in_error(self) -> UserFacingError | None:
        """The Microsoft Entra ID sign-in failure the source last raised, if any."""
        return self._source.sign_in_error if self._source is not None else None

    async def open(self) -> SyncEngine:
        """Open the source, then build the engine on it, in a worker thread (step 2)."""
        self._source = await asyncio.to_thread(open_signing_in_source, self.profile, self._sign_in)
        try:
            self._engine = await asyncio.to_thread(self._build_engine, self._source)
        except BaseException:
            await self._source.aclose()
            raise
        return self._engine

    def _build_engine(self, source: SignInFailureWatch) -> SyncEngine:
        return SyncEngine(self.profile, token=self._token, source=source)

    async def aclose(self) -> None:
        engine, self._engine = self._engine, None
        try:
            if engine is not None:
                await engine.aclose()
        finally:
            if self._source is not None:
                await self._source.aclose()

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class LockedCycle(ProfileEngine):
    """The profile's lock, its source and engine, and the failure e-mail after each cycle:
    the steps in the module docstring. Use it with `async with`."""

    def __init__(
        self,
        profile: Profile,
        *,
        token: str,
        purpose: Purpose,
        sign_in: SignInHooks | None = None,
        notify: bool = True,
        on_mail_problem: MailProblem | None = None,
    ) -> None:
        super().__init__(profile, token=token, sign_in=sign_in)
        self._lock = ProfileLock(profile.name, purpose=purpose)
        self._notify = notify
        self._on_mail_problem = on_mail_problem

    def __repr__(self) -> str:  # never the token
        return f"LockedCycle(profile={self.profile.name!r}, lock={self._lock!r})"

    async def open(self) -> SyncEngine:
        self._lock.acquire()  # raises LockHeld at once when another holder has it (step 1)
        try:
            return await super().open()
        except BaseException:
            self._lock.release()
            raise

    async def run(self, *, allow_deletes: bool = False, plan: Plan | None = None) -> CycleResult:
        """One cycle (`plan`: a dry run's, to send as planned), then its failure e-mail."""
        result = await self.engine.run_cycle(allow_deletes=allow_deletes, plan=plan)
        if self._notify:
            await notify_failure(
                self.profile, self.engine.state, result, on_problem=self._on_mail_problem
            )
        return result

    async def aclose(self) -> None:
        try:
            await super().aclose()
        finally:
            self._lock.release()


async def notify_failure(
    profile: Profile,
    state: StateStore,
    result: CycleResult,
    *,
    on_problem: MailProblem | None = None,
) -> None:
    """The failure e-mail policy (app.notify.policy) for `result`; never raises except a
    cancellation: a mail problem goes to `on_problem`, by default the log."""
    try:
        notifier = FailureNotifier.for_profile(
            profile,
            get_last_reason=state.last_notification_reason,
            set_last_reason=state.set_last_notification_reason,
        )
        await notifier.notify(result)
    except asyncio.CancelledError:
        raise
    except Exception as error:  # a mail problem never fails the cycle
        if on_problem is not None:
            on_problem(error)
        else:
            log.exception("The failure e-mail of profile %s was not sent", profile.name)


__all__ = ["LockedCycle", "MailProblem", "ProfileEngine", "notify_failure"]
