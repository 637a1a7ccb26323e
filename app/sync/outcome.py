"""How a cycle ended: its tally as it runs (counts, first failures, the executor's reports,
what stopped or held it), then the outcome decided from it (quarantined, failed, cancelled,
held, completed with failures, completed), with the reason and the next step in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from app.errors import UserFacingError
from app.messages import Message
from app.sync import outcome_messages as said
from app.sync.events import CycleResult, Outcome, Status, SyncEvent
from app.sync.executor import ExecutionReport
from app.sync.plan import HELD_BY_THRESHOLD, PlannedOperation
from app.sync.safety import (
    failure_rate_exceeded,
    next_quarantine,
    quarantine_said,
    unmendable_cause,
)
from app.sync.state import StateStore
from app.sync.state.records import Quarantine
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
    held_coded_reason: Message | None = None  # `held_reason` and `held_next`, coded
    held_coded_next: Message | None = None

    def hold(self, reason: Message, next_step: Message) -> None:
        """The cycle is held by the threshold: why, and what to do."""
        self.held_reason, self.held_next = reason.english, next_step.english
        self.held_coded_reason, self.held_coded_next = reason, next_step

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
    reason: Message | str = ""
    next_step: Message | str = ""
    cause: str = ""
    next_attempt: datetime | None = None


def _coded(text: Message | str) -> Message | None:
    return text if isinstance(text, Message) else None


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
    reason: Message | str = ""
    next_step: Message | str = ""
    if not cause and failure_rate_exceeded(report.failed, report.attempted):
        cause = "failure_rate"
        reason = said.FAILURE_RATE(failed=report.failed, attempted=report.attempted)
        next_step = said.FAILURE_RATE_NEXT()
    if cause:
        if fatal is not None and cause in ("auth", "permission"):
            reason = fatal.coded_message or fatal.message
            next_step = fatal.coded_next_step or fatal.next_step
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
        reason=str(ending.reason),
        next_step=str(ending.next_step),
        mode="incremental" if tally.mode == "incremental" else "full",
        cause=ending.cause,
        first_failures=tuple(tally.failures[:FIRST_FAILURES]),
        next_attempt=ending.next_attempt,
        coded_reason=_coded(ending.reason),
        coded_next_step=_coded(ending.next_step),
    )


def _quarantined(
    state: StateStore,
    cause: str,
    reason: Message | str,
    next_step: Message | str,
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
        quarantine_said(quarantine, _coded(reason)),
        said.QUARANTINE_THEN(next_step=next_step, profile=profile_name),
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
        return _Ending(
            "failed",
            fatal.coded_message or fatal.message,
            fatal.coded_next_step or fatal.next_step,
            cause,
        )
    if report.cancelled or cancel_requested:
        return _Ending("cancelled", said.CANCELLED(), said.CANCELLED_NEXT())
    if tally.held_reason:
        return _Ending(
            "held",
            tally.held_coded_reason or tally.held_reason,
            tally.held_coded_next or tally.held_next,
            "threshold",
        )
    if report.failed:
        return _Ending(
            "completed_with_failures",
            said.FAILED_SOME(failed=report.failed),
            said.FAILED_SOME_NEXT(),
        )
    return _Ending("completed")


def quarantine_wait(
    quarantine: Quarantine, cycle_id: str, started: datetime, profile_name: str
) -> CycleResult:
    """The result of a cycle skipped while the profile's quarantine waits for its next
    attempt."""
    reason = quarantine_said(quarantine)
    next_step = said.QUARANTINE_ONCE_FIXED(
        next_step=quarantine.coded_next_step or quarantine.next_step, profile=profile_name
    )
    return CycleResult(
        cycle_id=cycle_id,
        started=started,
        finished=started,
        outcome="quarantined",
        reason=reason.english,
        next_step=next_step.english,
        cause=quarantine.cause,
        next_attempt=quarantine.next_attempt,
        skipped=True,  # not run: it waits for the quarantine's next attempt
        coded_reason=reason,
        coded_next_step=next_step,
    )


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
        coded_message=op.coded_detail,
    )


def held_event(cycle_id: str, op: PlannedOperation) -> SyncEvent:
    """The event of a write the deletion threshold held (a held cycle sends nothing)."""
    held = (
        said.HELD_OPERATION_DETAIL(detail=op.coded_detail or op.detail)
        if op.detail
        else said.HELD_OPERATION()
    )
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
        message=held.english,
        next_step=said.HELD_OPERATION_NEXT.english,
        coded_message=held,
        coded_next_step=said.HELD_OPERATION_NEXT(),
    )
