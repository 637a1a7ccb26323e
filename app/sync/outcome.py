"""How a cycle ended: its tally as it runs (counts, first failures, the executor's reports,
what stopped or held it), then the outcome decided from it (quarantined, failed, cancelled,
held, completed with failures, completed), with the reason and the next step in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from app.errors import UserFacingError
from app.sync.events import CycleResult, Outcome, Status, SyncEvent
from app.sync.executor import ExecutionReport
from app.sync.plan import HELD_BY_THRESHOLD, PlannedOperation
from app.sync.safety import (
    failure_rate_exceeded,
    next_quarantine,
    quarantine_message,
    unmendable_cause,
)
from app.sync.state import StateStore
from app.webex.errors import NetworkError, WebexError

FIRST_FAILURES = 10  # failures a cycle's result keeps (the failure e-mail shows them)


class InternalError(UserFacingError):
    """Something the program did not expect; the details are in the program log."""


@dataclass(slots=True)
class CycleTally:
    """What a cycle has done so far: counts per action and status, the first failures, the
    executors' reports, and what stopped or held it."""

    cycle_id: str
    started: datetime
    mode: str
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    failures: list[SyncEvent] = field(default_factory=list)
    report: ExecutionReport = field(default_factory=ExecutionReport)
    stop_error: UserFacingError | None = None
    held_reason: str = ""
    held_next: str = ""

    def add(self, report: ExecutionReport) -> None:
        """Count an executor's run (resumed operations, the plan's writes, those sent ahead)."""
        merge_counts(self.counts, report.counts)
        self.failures.extend(report.first_failures)
        self.report = _combine(self.report, report)

    def count(self, action: str, status: Status) -> None:
        """Count one operation that was not sent (skipped, held, nothing to change)."""
        per_action = self.counts.setdefault(action, {})
        per_action[status.value] = per_action.get(status.value, 0) + 1


class _Ending(NamedTuple):
    outcome: Outcome
    reason: str = ""
    next_step: str = ""
    cause: str = ""
    next_attempt: datetime | None = None


def cycle_outcome(
    tally: CycleTally,
    state: StateStore,
    *,
    profile_name: str,
    cancel_requested: bool,
    finished: datetime,
) -> CycleResult:
    """The cycle's result; the profile's quarantine set, or cleared by a cycle that ran."""
    report = tally.report
    fatal: UserFacingError | None = tally.stop_error or report.fatal
    cause = unmendable_cause(fatal) if fatal is not None else ""
    reason = next_step = ""
    if not cause and failure_rate_exceeded(report.failed, report.attempted):
        cause = "failure_rate"
        reason = (
            f"{report.failed} of {report.attempted} operations failed (more than 40 %): "
            "something is wrong with the target or the mappings, not with a few users."
        )
        next_step = "Read the failures in the provisioning log (`webex-provisioner logs`)."
    if cause:
        if fatal is not None and cause in ("auth", "permission"):
            reason = fatal.message
            next_step = fatal.next_step
        ending = _quarantined(state, cause, reason, next_step, profile_name, finished)
    else:
        ending = _ended(tally, fatal, cancel_requested=cancel_requested)
        if ending.outcome in ("completed", "completed_with_failures", "held"):
            state.clear_quarantine()
    return CycleResult(
        cycle_id=tally.cycle_id,
        started=tally.started,
        finished=finished,
        outcome=ending.outcome,
        counts=tally.counts,
        reason=ending.reason,
        next_step=ending.next_step,
        mode="incremental" if tally.mode == "incremental" else "full",
        cause=ending.cause,
        first_failures=tuple(tally.failures[:FIRST_FAILURES]),
        next_attempt=ending.next_attempt,
    )


def _quarantined(
    state: StateStore,
    cause: str,
    reason: str,
    next_step: str,
    profile_name: str,
    finished: datetime,
) -> _Ending:
    """A failure no retry can mend: the profile waits, longer each time (see safety)."""
    quarantine = next_quarantine(
        state.quarantine(), reason=reason, next_step=next_step, cause=cause, now=finished
    )
    state.set_quarantine(quarantine)
    return _Ending(
        "quarantined",
        quarantine_message(quarantine),
        f"{next_step} Then run `webex-provisioner restart --profile "
        f"{profile_name}` to try again at once.",
        cause,
        quarantine.next_attempt,
    )


def _ended(tally: CycleTally, fatal: UserFacingError | None, *, cancel_requested: bool) -> _Ending:
    """Any other end: stopped by an error, cancelled, held by the threshold, or done."""
    report = tally.report
    if fatal is not None:
        if isinstance(fatal, NetworkError):
            cause = "network"
        elif isinstance(fatal, WebexError):
            cause = "target"
        elif isinstance(fatal, InternalError):
            cause = "internal"
        else:
            cause = "input"
        return _Ending("failed", fatal.message, fatal.next_step, cause)
    if report.cancelled or cancel_requested:
        return _Ending(
            "cancelled",
            "The cycle was cancelled; the operations not sent yet are kept.",
            "Run a cycle again to finish them.",
        )
    if tally.held_reason:
        return _Ending("held", tally.held_reason, tally.held_next, "threshold")
    if report.failed:
        return _Ending(
            "completed_with_failures",
            f"{report.failed} operations failed.",
            "Read the failures in the provisioning log; the next cycle retries them.",
        )
    return _Ending("completed")


def merge_counts(counts: dict[str, dict[str, int]], more: Mapping[str, Mapping[str, int]]) -> None:
    """Add `more` (action -> status -> number) into `counts`."""
    for action, statuses in more.items():
        per_action = counts.setdefault(action, {})
        for status, number in statuses.items():
            per_action[status] = per_action.get(status, 0) + number


def _combine(first: ExecutionReport, second: ExecutionReport) -> ExecutionReport:
    return ExecutionReport(
        counts={},
        attempted=first.attempted + second.attempted,
        failed=first.failed + second.failed,
        cancelled=first.cancelled or second.cancelled,
        fatal=first.fatal or second.fatal,
        first_failures=[*first.first_failures, *second.first_failures],
        unsent=first.unsent + second.unsent,
    )


def skipped_event(cycle_id: str, op: PlannedOperation) -> SyncEvent:
    """The event of an operation the plan skips (the log and the activity view show it)."""
    return SyncEvent(
        kind="operation",
        cycle_id=cycle_id,
        object_type=op.object_type,
        action=op.action.value,
        status=Status.SKIPPED,
        source_id=op.source_id,
        user_name=op.key,
        target_id=op.target_id,
        error_code=op.reason,
        message=op.detail or op.reason,
    )


def held_event(cycle_id: str, op: PlannedOperation) -> SyncEvent:
    """The event of a write the deletion threshold held (a held cycle sends nothing)."""
    return SyncEvent(
        kind="operation",
        cycle_id=cycle_id,
        object_type=op.object_type,
        action=op.action.value,
        status=Status.HELD,
        source_id=op.source_id,
        user_name=op.key,
        target_id=op.target_id,
        modified=tuple(op.changes),
        error_code=HELD_BY_THRESHOLD,
        message=(
            f"{op.detail}; held by the accidental-deletion threshold"
            if op.detail
            else "held by the accidental-deletion threshold: the cycle sent nothing"
        ),
        next_step="Run `webex-provisioner sync --allow-deletes` if the removals are intended.",
    )
