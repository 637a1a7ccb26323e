"""The adaptive limiter: halves on a 429 (once per burst), climbs back one step per round of
clean answers, never above its cap, and holds new requests during a Retry-After."""

from __future__ import annotations

import asyncio

import pytest

from app.webex.concurrency import AdaptiveLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def limiter(cap: int = 8, **kwargs: object) -> tuple[AdaptiveLimiter, FakeClock]:
    clock = FakeClock()
    return AdaptiveLimiter(cap, clock=clock, sleep=clock.sleep, **kwargs), clock  # type: ignore[arg-type]


async def test_a_429_halves_the_limit() -> None:
    lim, _ = limiter(8)
    permit = await lim.acquire()
    await lim.release(permit, throttled=True)
    assert lim.limit == 4
    assert lim.decreases == 1


async def test_a_burst_of_429s_from_the_same_round_halves_once() -> None:
    lim, _ = limiter(8)
    permits = [await lim.acquire() for _ in range(8)]
    for permit in permits:
        await lim.release(permit, throttled=True)
    assert lim.limit == 4
    assert lim.decreases == 1


async def test_a_429_after_the_decrease_halves_again() -> None:
    lim, _ = limiter(8)
    await lim.release(await lim.acquire(), throttled=True)
    await lim.release(await lim.acquire(), throttled=True)
    assert lim.limit == 2


async def test_the_limit_never_falls_below_the_minimum() -> None:
    lim, _ = limiter(8, minimum=2)
    for _ in range(10):
        await lim.release(await lim.acquire(), throttled=True)
    assert lim.limit == 2


async def test_clean_answers_add_about_one_per_round_up_to_the_cap() -> None:
    lim, _ = limiter(8)
    await lim.release(await lim.acquire(), throttled=True)
    assert lim.limit == 4
    for _ in range(3):
        await lim.release(await lim.acquire())
    assert lim.limit == 4  # less than a round: not yet
    for _ in range(2):
        await lim.release(await lim.acquire())
    assert lim.limit == 5  # about one round of 4 clean answers: +1
    for _ in range(200):
        await lim.release(await lim.acquire())
    assert lim.limit == 8


async def test_in_flight_never_exceeds_the_limit() -> None:
    lim, _ = limiter(3)
    in_flight = 0
    peak = 0

    async def work() -> None:
        nonlocal in_flight, peak
        permit = await lim.acquire()
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        in_flight -= 1
        await lim.release(permit)

    await asyncio.gather(*(work() for _ in range(30)))
    assert peak == 3
    assert lim.peak_in_flight == 3
    assert lim.in_flight == 0


async def test_waiters_start_when_a_slot_frees() -> None:
    lim, _ = limiter(1)
    first = await lim.acquire()
    waiter = asyncio.create_task(lim.acquire())
    await asyncio.sleep(0)
    assert not waiter.done()
    await lim.release(first)
    second = await asyncio.wait_for(waiter, 5)
    await lim.release(second)


async def test_retry_after_holds_new_requests_until_it_has_passed() -> None:
    lim, clock = limiter(4)
    await lim.release(await lim.acquire(), throttled=True, retry_after=7.0)
    await lim.acquire()
    assert clock.sleeps == [7.0]
    assert clock.now == 7.0


@pytest.mark.parametrize(("cap", "minimum"), [(0, 1), (2, 3), (4, 0)])
def test_a_nonsense_cap_is_refused(cap: int, minimum: int) -> None:
    with pytest.raises(ValueError):
        AdaptiveLimiter(cap, minimum=minimum)
