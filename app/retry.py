"""Waiting before a retry: the Retry-After header (RFC 9110) and jittered exponential back-off.

Shared by the Webex transport (app.webex.transport) and the Graph client
(app.directory.graph). Both functions are pure: the caller brings the clock, the random
source and the sleep, so tests never wait on the wall clock. Each caller keeps its own cap:
the Webex transport refuses a wait that would overrun its budget of seconds, the Graph
client shortens any wait to its max_wait.
"""

from __future__ import annotations

import email.utils
import random
import time


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Read Retry-After: delay-seconds or an HTTP-date; None when absent or unreadable.

    A date in the past, or a negative number, reads as 0. `now` is the wall-clock time
    (seconds since the epoch) a date is measured from; time.time() when not given."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(0.0, seconds)
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, moment.timestamp() - current)


def backoff_delay(attempt: int, *, base: float, cap: float, rng: random.Random) -> float:
    """Seconds to wait after failed attempt number `attempt` (1, 2, ...) with no Retry-After.

    Exponential with "equal jitter": the ceiling base * 2**(attempt-1), capped at `cap`,
    halved, plus a random share of the other half, so clients that failed together do not
    come back together."""
    ceiling = min(cap, base * 2.0 ** max(0, attempt - 1))
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


__all__ = ["backoff_delay", "retry_after_seconds"]
