"""A wall clock for tests that moves only when told, and a few loop turns to let tasks run.

The schedulers take a clock and a sleep; with these, a test of a 40-minute interval takes no
time and never depends on the machine's speed."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeClock:
    """A wall clock that moves only when told; `autojump` moves it to each sleeper's deadline."""

    def __init__(self, *, autojump: bool = False) -> None:
        self.now = T0
        self.autojump = autojump
        self._sleepers: list[tuple[datetime, asyncio.Future[None]]] = []

    def __call__(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        if self.autojump:
            self.now += timedelta(seconds=seconds)
            await asyncio.sleep(0)
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (self.now + timedelta(seconds=seconds), waiter)
        self._sleepers.append(entry)
        try:
            await waiter
        finally:
            self._sleepers.remove(entry)

    async def advance(self, delta: timedelta) -> None:
        """Move time forward from one sleeper's deadline to the next, letting each run."""
        end = self.now + delta
        await settle()
        while True:
            due = [deadline for deadline, waiter in self._sleepers if not waiter.done()]
            step = min([*due, end])
            self.now = max(self.now, step)
            for deadline, waiter in list(self._sleepers):
                if deadline <= self.now and not waiter.done():
                    waiter.set_result(None)
            await settle()
            if self.now >= end:
                return


async def settle() -> None:
    for _ in range(30):
        await asyncio.sleep(0)
