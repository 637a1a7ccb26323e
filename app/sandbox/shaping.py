"""The traffic shaping the sandbox applies before a request reaches a tenant: the added latency,
the rate limit and the injected faults (changed at run time, from any thread), and what they
make of one request: a 429, a 5xx, a dropped connection, a truncated body, or the route's
answer.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Awaitable, Callable
from typing import Any

from app.sandbox.asgi import HeldResponse
from app.sandbox.faults import Fault, FaultSpec, RateLimiter, retry_after_header

_FAULT_STATUSES = (500, 502, 503)
_SERVER_ERROR_MESSAGES = {
    500: "Internal Server Error: something went wrong on the sandbox (injected fault).",
    502: "Bad Gateway: the sandbox's upstream answered badly (injected fault).",
    503: "Service Unavailable: the sandbox is overloaded (injected fault). Try again later.",
}
_TOO_MANY = "Too Many Requests: the request has been rate limited. Retry after the delay given."

# An error in the addressed API's form: (status, message, extra headers) -> the response.
ErrorAnswer = Callable[[int, str, dict[str, str] | None], HeldResponse]


class Shaping:
    """The runtime-adjustable rate limit, latency and faults (changed from any thread)."""

    def __init__(
        self, rate_limit: float | None, latency_ms: float, faults: FaultSpec, seed: int
    ) -> None:
        self.limiter = RateLimiter(rate_limit)
        self.latency_ms = latency_ms
        self.faults = faults
        self._rng = random.Random(f"faults:{seed}")
        self._lock = threading.Lock()

    def draw(self) -> tuple[Fault | None, float]:
        """The fault for one request and one more uniform number to shape it, drawn together."""
        with self._lock:
            return self.faults.draw(self._rng), self._rng.random()

    def settings(self) -> dict[str, Any]:
        return {
            "rate_limit": self.limiter.rate,
            "latency_ms": self.latency_ms,
            "faults": str(self.faults),
        }

    async def answer(
        self,
        route: Callable[[], Awaitable[HeldResponse]],
        error: ErrorAnswer,
        *,
        http2: bool,
    ) -> tuple[HeldResponse | None, Fault | None, str | None]:
        """The answer to one request once shaped: the latency waited, then the rate limit's
        429 or an injected fault, or else `route()`'s answer. Also the fault drawn and the
        name the request's record gives it. No answer: the connection is to be dropped."""
        if self.latency_ms:
            await asyncio.sleep(self.latency_ms / 1000)
        wait = self.limiter.acquire()
        if wait is not None:
            return (
                error(429, _TOO_MANY, {"Retry-After": retry_after_header(wait)}),
                None,
                "rate-limit",
            )
        fault, shape = self.draw()
        name = fault.value if fault is not None else None
        if fault is Fault.TOO_MANY_REQUESTS:
            return error(429, _TOO_MANY, {"Retry-After": "1"}), fault, name
        if fault is Fault.SERVER_ERROR:
            status = _FAULT_STATUSES[int(shape * len(_FAULT_STATUSES))]
            return error(status, _SERVER_ERROR_MESSAGES[status], None), fault, name
        if fault is Fault.RESET and http2:
            # ASGI cannot reset a single HTTP/2 stream: there a reset is answered 502 instead.
            return error(502, _SERVER_ERROR_MESSAGES[502], None), fault, name
        if fault is Fault.RESET:
            # Half of the resets come before the request is processed, half after it: a
            # client cannot tell whether a dropped POST created the user.
            if shape >= 0.5:
                await route()
            return None, fault, name
        return await route(), fault, name


def malform(response: HeldResponse) -> None:
    """The body cut in half (or a cut SCIM opening when there is hardly one): not JSON."""
    body = response.body if len(response.body) > 8 else b'{"schemas": ["urn:ietf:params:scim'
    response.body = body[: max(1, len(body) // 2)]
    if response.status in (204, 304):
        response.status = 200
    response.set_header("Content-Type", "application/json")


__all__ = ["Shaping", "malform"]
