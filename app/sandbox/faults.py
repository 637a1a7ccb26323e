"""Injected trouble for the sandbox: fault specifications (5xx, resets, malformed bodies, 429s)
and the requests-per-second limiter."""

from __future__ import annotations

import enum
import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.errors import InputError


class Fault(enum.Enum):
    """One kind of trouble the sandbox can inject into a response."""

    SERVER_ERROR = "5xx"  # 500, 502 or 503; the request is not processed
    RESET = "reset"  # the connection drops, before or after the request was processed
    MALFORMED = "malformed"  # the request is processed, the body sent back is not valid JSON
    TOO_MANY_REQUESTS = "429"  # 429 with Retry-After; the request is not processed


_NAMES = {fault.value: fault for fault in Fault}
_EXAMPLE = "5xx=0.1,reset=0.01,malformed=0.01,429=0.05"


class FaultSpecError(InputError):
    """A fault specification that cannot be read."""


@dataclass(frozen=True)
class FaultSpec:
    """How often each fault happens, as a probability per request (0 to 1, summing to 1 at most).

    Written as text: `5xx=0.1,reset=0.01,malformed=0.01,429=0.05` (any subset, any order);
    an empty text or `none` means no faults.
    """

    server_error: float = 0.0
    reset: float = 0.0
    malformed: float = 0.0
    too_many_requests: float = 0.0

    def __post_init__(self) -> None:
        for fault, probability in self.probabilities().items():
            if not 0.0 <= probability <= 1.0 or math.isnan(probability):
                raise FaultSpecError(
                    f"The probability of {fault.value} must be between 0 and 1, not {probability}.",
                    f"Write it as a fraction, e.g. {fault.value}=0.05 for 5 %.",
                )
        if self.total > 1.0 + 1e-9:
            raise FaultSpecError(
                f"The fault probabilities add up to {self.total:g}, more than 1.",
                "Lower them so that their sum is at most 1.",
            )

    @classmethod
    def parse(cls, text: str | None) -> FaultSpec:
        """Read `NAME=PROBABILITY,...`; raise FaultSpecError saying what is wrong and how to fix it."""
        if text is None or text.strip().lower() in {"", "none", "off"}:
            return cls()
        values: dict[Fault, float] = {}
        for raw_item in text.split(","):
            item = raw_item.strip()
            if not item:
                raise FaultSpecError(
                    f"The fault specification {text!r} has an empty entry.",
                    f"Separate entries with single commas, e.g. {_EXAMPLE}.",
                )
            name, sep, raw_value = item.partition("=")
            name = name.strip().lower()
            if not sep:
                raise FaultSpecError(
                    f"The fault entry {item!r} has no probability.",
                    f"Write NAME=PROBABILITY, e.g. {_EXAMPLE}.",
                )
            fault = _NAMES.get(name)
            if fault is None:
                raise FaultSpecError(
                    f"Unknown fault {name!r} in {text!r}.",
                    "Use 5xx, reset, malformed or 429, e.g. " + _EXAMPLE + ".",
                )
            if fault in values:
                raise FaultSpecError(
                    f"The fault {name!r} is given twice in {text!r}.",
                    "Give each fault once.",
                )
            try:
                value = float(raw_value.strip())
            except ValueError:
                raise FaultSpecError(
                    f"The probability of {name} is not a number: {raw_value.strip()!r}.",
                    f"Write a fraction between 0 and 1, e.g. {name}=0.05.",
                ) from None
            values[fault] = value
        return cls(
            server_error=values.get(Fault.SERVER_ERROR, 0.0),
            reset=values.get(Fault.RESET, 0.0),
            malformed=values.get(Fault.MALFORMED, 0.0),
            too_many_requests=values.get(Fault.TOO_MANY_REQUESTS, 0.0),
        )

    def probabilities(self) -> dict[Fault, float]:
        return {
            Fault.SERVER_ERROR: self.server_error,
            Fault.RESET: self.reset,
            Fault.MALFORMED: self.malformed,
            Fault.TOO_MANY_REQUESTS: self.too_many_requests,
        }

    @property
    def total(self) -> float:
        return sum(self.probabilities().values())

    def __bool__(self) -> bool:
        return self.total > 0.0

    def __str__(self) -> str:
        parts = [f"{fault.value}={p:g}" for fault, p in self.probabilities().items() if p > 0.0]
        return ",".join(parts) or "none"

    def draw(self, rng: random.Random) -> Fault | None:
        """The fault for one request, or None: one draw against the cumulative probabilities."""
        if not self:
            return None
        roll = rng.random()
        threshold = 0.0
        for fault, probability in self.probabilities().items():
            threshold += probability
            if roll < threshold:
                return fault
        return None


class RateLimiter:
    """A token bucket: `rate` requests per second, with a burst of one second's worth.

    Thread-safe, because the rate can be changed from another thread while the server runs.
    """

    def __init__(self, rate: float | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._rate: float | None = None
        self._tokens = 0.0
        self._updated = clock()
        self.set_rate(rate)

    @property
    def rate(self) -> float | None:
        return self._rate

    def set_rate(self, rate: float | None) -> None:
        if rate is not None and (rate <= 0 or math.isnan(rate) or math.isinf(rate)):
            raise InputError(
                f"The rate limit must be a positive number of requests per second, not {rate}.",
                "Give a value such as 5 or 0.5, or leave the limit out.",
            )
        with self._lock:
            self._rate = rate
            self._tokens = self._capacity()
            self._updated = self._clock()

    def _capacity(self) -> float:
        return max(1.0, self._rate or 0.0)

    def acquire(self) -> float | None:
        """Take one request's token: None when allowed, else the seconds until one is free."""
        with self._lock:
            if self._rate is None:
                return None
            now = self._clock()
            self._tokens = min(self._capacity(), self._tokens + (now - self._updated) * self._rate)
            self._updated = now
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return None
            return (1.0 - self._tokens) / self._rate


def retry_after_header(seconds: float) -> str:
    """Retry-After in whole seconds (RFC 9110 allows no fractions), at least 1."""
    return str(max(1, math.ceil(seconds)))
