"""Adaptive concurrency for one target: additive increase, multiplicative decrease (AIMD).

Webex publishes no numeric rate limit, so the client finds it: every clean response adds
1/limit to the limit (about +1 per round of `limit` requests) up to the cap, and a 429
halves it. All the requests that were already in flight when the limit was halved belong
to the same "epoch" and cannot halve it again: one burst of 429s is one decrease, not ten.
A Retry-After also holds back every new request until it has passed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Permit:
    """One request's slot; `epoch` says which limit it was admitted under."""

    epoch: int


class AdaptiveLimiter:
    def __init__(
        self,
        cap: int,
        *,
        initial: int | None = None,
        minimum: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if cap < 1 or minimum < 1 or minimum > cap:
            raise ValueError("need 1 <= minimum <= cap")
        self.cap = cap
        self.minimum = minimum
        self._limit = float(min(cap, initial if initial is not None else cap))
        self._in_flight = 0
        self._epoch = 0
        self._paused_until = 0.0
        self._clock = clock
        self._sleep = sleep
        self._changed = asyncio.Condition()
        self.decreases = 0
        self.peak_in_flight = 0

    @property
    def limit(self) -> int:
        """How many requests may be in flight now."""
        return max(self.minimum, int(self._limit))

    @property
    def in_flight(self) -> int:
        return self._in_flight

    async def acquire(self) -> Permit:
        while True:
            wait = self._paused_until - self._clock()
            if wait > 0:
                await self._sleep(wait)
                continue
            async with self._changed:
                if self._in_flight < self.limit and self._paused_until <= self._clock():
                    self._in_flight += 1
                    self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
                    return Permit(self._epoch)
                if self._paused_until > self._clock():
                    continue
                await self._changed.wait()

    async def release(
        self, permit: Permit, *, throttled: bool = False, retry_after: float | None = None
    ) -> None:
        """Give the slot back; `throttled` for a 429/423, with its Retry-After if any."""
        async with self._changed:
            self._in_flight -= 1
            if throttled:
                self._on_throttle(permit, retry_after)
            else:
                self._on_success()
            self._changed.notify_all()

    def _on_success(self) -> None:
        if self._limit < self.cap:
            self._limit = min(float(self.cap), self._limit + 1.0 / max(self._limit, 1.0))

    def _on_throttle(self, permit: Permit, retry_after: float | None) -> None:
        if retry_after is not None and retry_after > 0:
            self._paused_until = max(self._paused_until, self._clock() + retry_after)
        if permit.epoch != self._epoch:
            return  # admitted before the last decrease: that decrease already answered it
        self._limit = max(float(self.minimum), self._limit / 2.0)
        self._epoch += 1
        self.decreases += 1
