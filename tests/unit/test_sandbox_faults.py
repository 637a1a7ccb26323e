"""Fault specifications and the sandbox's rate limiter."""

from __future__ import annotations

import random

import pytest

from app.errors import InputError
from app.sandbox.faults import Fault, FaultSpec, FaultSpecError, RateLimiter, retry_after_header


def test_a_full_specification_is_read_in_any_order_and_written_back() -> None:
    spec = FaultSpec.parse(" reset=0.01, 5xx=0.1,429=0.05 ,MALFORMED=0.01")
    assert spec == FaultSpec(server_error=0.1, reset=0.01, malformed=0.01, too_many_requests=0.05)
    assert str(spec) == "5xx=0.1,reset=0.01,malformed=0.01,429=0.05"
    assert FaultSpec.parse(str(spec)) == spec


@pytest.mark.parametrize("text", ["", "  ", "none", "off", None])
def test_no_faults(text: str | None) -> None:
    spec = FaultSpec.parse(text)
    assert not spec
    assert str(spec) == "none"
    assert spec.draw(random.Random(1)) is None


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("5xx", "has no probability", "NAME=PROBABILITY"),
        ("timeout=0.1", "Unknown fault 'timeout'", "5xx, reset, malformed or 429"),
        ("5xx=ten", "not a number: 'ten'", "between 0 and 1"),
        ("5xx=1.5", "between 0 and 1, not 1.5", "5xx=0.05"),
        ("reset=-0.1", "between 0 and 1", "fraction"),
        ("5xx=nan", "between 0 and 1", "fraction"),
        ("5xx=0.1,,reset=0.1", "empty entry", "single commas"),
        ("5xx=0.1,5XX=0.2", "given twice", "once"),
        ("5xx=0.6,429=0.3,reset=0.2", "add up to 1.1", "at most 1"),
    ],
)
def test_a_bad_specification_says_what_is_wrong_and_how_to_fix_it(
    text: str, message: str, hint: str
) -> None:
    with pytest.raises(FaultSpecError) as caught:
        FaultSpec.parse(text)
    assert message in caught.value.message
    assert hint in caught.value.next_step
    assert isinstance(caught.value, InputError)


def test_draws_follow_the_probabilities() -> None:
    spec = FaultSpec.parse("5xx=0.2,reset=0.1,malformed=0.05,429=0.15")
    rng = random.Random(42)
    draws = [spec.draw(rng) for _ in range(20_000)]
    expected = {
        Fault.SERVER_ERROR: 0.2,
        Fault.RESET: 0.1,
        Fault.MALFORMED: 0.05,
        Fault.TOO_MANY_REQUESTS: 0.15,
        None: 0.5,
    }
    for fault, p in expected.items():
        assert abs(draws.count(fault) / len(draws) - p) < 0.015, fault


def test_a_certain_fault_always_happens() -> None:
    rng = random.Random(0)
    assert {FaultSpec(reset=1.0).draw(rng) for _ in range(100)} == {Fault.RESET}


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_allows_a_burst_of_one_second_then_refills() -> None:
    clock = FakeClock()
    limiter = RateLimiter(4, clock=clock)
    assert [limiter.acquire() for _ in range(4)] == [None] * 4
    wait = limiter.acquire()
    assert wait == pytest.approx(0.25)
    clock.now += 0.25
    assert limiter.acquire() is None
    assert limiter.acquire() == pytest.approx(0.25)
    clock.now += 10  # idle time does not bank more than one second's worth
    assert [limiter.acquire() for _ in range(5)][-1] == pytest.approx(0.25)


def test_rate_limiter_below_one_request_per_second() -> None:
    clock = FakeClock()
    limiter = RateLimiter(0.5, clock=clock)
    assert limiter.acquire() is None
    wait = limiter.acquire()
    assert wait == pytest.approx(2.0)
    assert retry_after_header(wait or 0) == "2"


def test_rate_limiter_changes_and_lifts() -> None:
    limiter = RateLimiter(None, clock=FakeClock())
    assert all(limiter.acquire() is None for _ in range(1000))
    limiter.set_rate(1)
    assert limiter.acquire() is None
    assert limiter.acquire() is not None
    limiter.set_rate(None)
    assert limiter.acquire() is None
    with pytest.raises(InputError, match="positive number"):
        limiter.set_rate(0)


@pytest.mark.parametrize(("seconds", "header"), [(0.01, "1"), (1.0, "1"), (1.2, "2"), (0, "1")])
def test_retry_after_is_whole_seconds_at_least_one(seconds: float, header: str) -> None:
    assert retry_after_header(seconds) == header
