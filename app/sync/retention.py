"""Retention: the provisioning log keeps N days; older rows go, then the file is compacted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.sync.state import StateStore

DEFAULT_DAYS = 30


def prune_log(state: StateStore, days: int = DEFAULT_DAYS, *, now: datetime | None = None) -> int:
    """Delete log rows (and finished cycles) older than `days`, then VACUUM.

    Cheap when there is nothing to do: one MIN(time) query, no VACUUM. Returns the number
    of log rows deleted.
    """
    if days <= 0:
        return 0
    cutoff = (now or datetime.now(UTC)) - timedelta(days=days)
    oldest = state.oldest_log_time()
    if oldest is None or oldest >= cutoff:
        return 0
    deleted = state.delete_log_before(cutoff)
    state.vacuum()
    return deleted
