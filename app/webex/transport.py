"""Sending one request to the target: bearer auth, adaptive concurrency, retries, typed errors.

429 and 423 are retried after their Retry-After (delta seconds or HTTP date), or after an
exponential back-off when they give none; 502, 503, 504 and connection errors are retried with
jittered exponential back-off. All of it inside a budget of attempts and seconds. A request
that is not idempotent (POST) is only resent by this layer when it surely never reached the
server (a 429/423, or a connection that was never made); the client checks the target before
resending a create that may have landed (see client.WebexClient.create).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.retry import backoff_delay
from app.webex.concurrency import AdaptiveLimiter
from app.webex.errors import (
    NetworkError,
    RateLimited,
    ServerError,
    WebexError,
    error_from_response,
    network_error,
)

log = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({423, 429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class BearerToken(httpx.Auth):
    """Adds `Authorization: Bearer ...`; its repr never shows the token."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "BearerToken([redacted])"


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: attempts and seconds per request, and the back-off curve."""

    max_attempts: int = 6
    max_total_seconds: float = 120.0
    base_delay: float = 0.5
    max_delay: float = 30.0


@dataclass
class ClientStats:
    """What the client did: requests sent by method, 429/423 seen, retries."""

    requests: Counter[str] = field(default_factory=Counter)
    throttled: int = 0
    retries: int = 0
    server_errors: int = 0
    network_errors: int = 0

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "requests": dict(self.requests),
            "throttled": self.throttled,
            "retries": self.retries,
            "server_errors": self.server_errors,
            "network_errors": self.network_errors,
        }


class RetryBudget:
    """The attempts and seconds one logical request may still spend."""

    def __init__(
        self, policy: RetryPolicy, *, clock: Callable[[], float], rng: random.Random
    ) -> None:
        self.policy = policy
        self.attempts = 0
        self._clock = clock
        self._rng = rng
        self._started = clock()

    def backoff(self) -> float:
        """Jittered exponential back-off (app.retry.backoff_delay) for the attempt just made."""
        return backoff_delay(
            self.attempts,
            base=self.policy.base_delay,
            cap=self.policy.max_delay,
            rng=self._rng,
        )

    def next_delay(self, retry_after: float | None = None) -> float | None:
        """How long to wait before the next attempt, or None when the budget is spent."""
        if self.attempts >= self.policy.max_attempts:
            return None
        delay = retry_after if retry_after is not None else self.backoff()
        if self._clock() - self._started + delay > self.policy.max_total_seconds:
            return None
        return delay


class Transport:
    """One httpx client, one limiter, one retry policy, one set of stats per target."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        limiter: AdaptiveLimiter,
        policy: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.client = client
        self.limiter = limiter
        self.policy = policy or RetryPolicy()
        self.stats = ClientStats()
        self.last_http_version: str | None = None
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()

    def new_budget(self) -> RetryBudget:
        return RetryBudget(self.policy, clock=self._clock, rng=self._rng)

    async def send(
        self,
        method: str,
        url: str,
        *,
        budget: RetryBudget | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send until a success (returned) or an error that is final or over budget (raised)."""
        method = method.upper()
        budget = budget or self.new_budget()
        idempotent = method in IDEMPOTENT_METHODS
        while True:
            budget.attempts += 1
            try:
                return await self._attempt(method, url, **kwargs)
            except WebexError as error:
                if not error.retryable:
                    raise
                if not idempotent and not _surely_unsent(error):
                    raise  # the caller decides after checking the target
                retry_after = error.retry_after if isinstance(error, RateLimited) else None
                delay = budget.next_delay(retry_after)
                if delay is None:
                    raise
                self.stats.retries += 1
                log.info(
                    "%s %s: %s; retry %d in %.1f s",
                    method,
                    _loggable(url),
                    type(error).__name__,
                    budget.attempts,
                    delay,
                )
                await self._sleep(delay)

    async def _attempt(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        permit = await self.limiter.acquire()
        self.stats.requests[method] += 1
        try:
            response = await self.client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            await self.limiter.release(permit)
            self.stats.network_errors += 1
            error = network_error(exc, url=_absolute(self.client, url))
            log.info("%s %s: %s", method, _loggable(url), error.message)
            raise error from exc
        except BaseException:
            await self.limiter.release(permit)
            raise
        self.last_http_version = response.http_version
        throttled = response.status_code in (429, 423)
        failure = None if response.status_code < 400 else error_from_response(response)
        await self.limiter.release(
            permit,
            throttled=throttled,
            retry_after=failure.retry_after if isinstance(failure, RateLimited) else None,
        )
        log.debug(
            "%s %s -> %d (TrackingID %s)",
            method,
            _loggable(url),
            response.status_code,
            response.headers.get("trackingid", "-"),
        )
        if failure is None:
            return response
        if throttled:
            self.stats.throttled += 1
        elif isinstance(failure, ServerError):
            self.stats.server_errors += 1
        raise failure


def _surely_unsent(error: WebexError) -> bool:
    """True when the server did not act on the request: safe to resend even a POST."""
    if isinstance(error, RateLimited):
        return True
    return isinstance(error, NetworkError) and not error.sent


def _absolute(client: httpx.AsyncClient, url: str) -> str:
    try:
        return str(client.build_request("GET", url).url.copy_with(query=None))
    except (httpx.InvalidURL, TypeError):
        return url


def _loggable(url: str) -> str:
    return url.split("?", 1)[0]
