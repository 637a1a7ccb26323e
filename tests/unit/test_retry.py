"""The waits both HTTP clients share (app.retry): Retry-After as seconds or a date, the
jittered back-off, and the Graph client waiting on an injected sleep (no server, no wall
clock: httpx.MockTransport answers)."""

from __future__ import annotations

import email.utils
import random

import httpx
import pytest

from app.directory.graph import GraphClient, GraphUnavailable
from app.retry import backoff_delay, retry_after_seconds

NOW = 1_800_000_000.0


def test_retry_after_in_whole_or_fractional_seconds() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(" 12 ") == 12.0
    assert retry_after_seconds("1.5") == 1.5
    assert retry_after_seconds("-3") == 0.0


def test_retry_after_as_an_http_date_is_measured_from_the_given_now() -> None:
    assert retry_after_seconds(email.utils.formatdate(NOW + 30, usegmt=True), now=NOW) == 30.0
    assert retry_after_seconds(email.utils.formatdate(NOW - 30, usegmt=True), now=NOW) == 0.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


@pytest.mark.parametrize("value", [None, "", "  ", "soon", "Mon, 99 Foo"])
def test_an_unreadable_retry_after_is_none(value: str | None) -> None:
    assert retry_after_seconds(value, now=NOW) is None


def test_the_backoff_doubles_within_half_and_all_of_its_ceiling() -> None:
    rng = random.Random(3)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0)]:
        for _ in range(50):
            delay = backoff_delay(attempt, base=0.5, cap=30.0, rng=rng)
            assert ceiling / 2 <= delay <= ceiling


def test_the_backoff_never_passes_its_cap() -> None:
    rng = random.Random(5)
    delays = [backoff_delay(40, base=1.0, cap=30.0, rng=rng) for _ in range(100)]
    assert all(15.0 <= d <= 30.0 for d in delays)
    assert backoff_delay(0, base=2.0, cap=30.0, rng=random.Random(1)) >= 1.0


def test_the_same_seed_gives_the_same_backoff() -> None:
    first = [backoff_delay(n, base=1.0, cap=300.0, rng=random.Random(9)) for n in range(1, 6)]
    second = [backoff_delay(n, base=1.0, cap=300.0, rng=random.Random(9)) for n in range(1, 6)]
    assert first == second


class _Tokens:
    permission_kind = "application"

    async def token(self) -> str:
        return "t"

    async def refresh(self) -> str:
        return "t2"


def _graph(answers: list[httpx.Response], waits: list[float]) -> GraphClient:
    pending = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        return pending.pop(0)

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    return GraphClient(
        "https://graph.microsoft.com",
        _Tokens(),
        client=httpx.AsyncClient(transport=httpx.MockTransport(answer)),
        sleep=sleep,
        rng=random.Random(1),
        wall_clock=lambda: NOW,
        max_wait=60.0,
    )


async def test_graph_waits_what_retry_after_asks_capped_at_max_wait() -> None:
    waits: list[float] = []
    date = email.utils.formatdate(NOW + 20, usegmt=True)
    graph = _graph(
        [
            httpx.Response(429, headers={"Retry-After": "3"}),
            httpx.Response(503, headers={"Retry-After": date}),
            httpx.Response(429, headers={"Retry-After": "3600"}),
            httpx.Response(200, json={"id": "u1"}),
        ],
        waits,
    )
    async with graph:
        assert await graph.get("users/u1") == {"id": "u1"}
    assert waits == [3.0, 20.0, 60.0]
    assert graph.stats.throttled == 3 and graph.stats.waited_seconds == 83.0


async def test_graph_backs_off_without_retry_after_and_gives_up_after_its_attempts() -> None:
    waits: list[float] = []
    graph = _graph([httpx.Response(502) for _ in range(8)], waits)
    async with graph:
        with pytest.raises(GraphUnavailable):
            await graph.get("users")
    assert len(waits) == 7
    for attempt, wait in enumerate(waits, start=1):
        ceiling = min(60.0, 2.0 ** (attempt - 1))
        assert ceiling / 2 <= wait <= ceiling
