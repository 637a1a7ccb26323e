"""What the engine tells the world: one SyncEvent per step, and the CycleResult at the end.

Listeners are plain callables taking a SyncEvent; the GUI adapts them with a Qt bridge.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal

from app.messages import Message
from app.sync import outcome_messages as said

log = logging.getLogger(__name__)

EventKind = Literal[
    "cycle_started", "plan_ready", "operation", "note", "cycle_finished", "progress"
]
Outcome = Literal[
    "completed", "completed_with_failures", "held", "quarantined", "cancelled", "failed"
]
ObjectType = Literal["User", "Group"]

# (SCIM path, old value, new value) as shown in the plan and the provisioning log.
Change = tuple[str, Any, Any]


class Status(StrEnum):
    SUCCESS = "Success"
    FAILURE = "Failure"
    SKIPPED = "Skipped"
    WARNING = "Warning"
    # Not sent: the cycle was held by the accidental-deletion threshold (issue 23).
    HELD = "Held"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class SyncEvent:
    """One thing that happened in a cycle, for the provisioning log and the activity view."""

    kind: EventKind
    cycle_id: str = ""
    time: datetime = field(default_factory=utc_now)
    object_type: ObjectType = "User"
    action: str = ""  # plan.Action value ("Create", "Update", ...), empty for notes
    status: Status | None = None
    source_id: str = ""
    user_name: str = ""  # the userName, or the group's display name
    target_id: str = ""
    modified: tuple[Change, ...] = ()
    steps: tuple[str, ...] = ()  # plain-words steps (provisioning on demand, detail pane)
    error_code: str = ""
    message: str = ""
    next_step: str = ""
    tracking_id: str = ""
    duration_ms: int = 0
    done: int = 0  # progress, counted in users
    total: int = 0
    result: CycleResult | None = None  # set on cycle_finished
    # `message` and `next_step` as coded messages (app.messages), for the log in any language
    coded_message: Message | None = None
    coded_next_step: Message | None = None
    coded_steps: tuple[Message, ...] = ()  # `steps` as coded messages, when made so


@dataclass(frozen=True, slots=True)
class CycleResult:
    """How a cycle ended: counts, outcome, and in plain words why and what to do next."""

    cycle_id: str
    started: datetime
    finished: datetime
    outcome: Outcome
    # action -> status -> number of objects, e.g. {"Create": {"Success": 998, "Failure": 2}}
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    reason: str = ""
    next_step: str = ""
    mode: Literal["full", "incremental", "resume", "dry_run", "one"] = "full"
    # What stopped the cycle, when something did: "auth", "permission", "failure_rate",
    # "network", "target", "input", "threshold", "internal" (the CLI turns it into an
    # exit code).
    cause: str = ""
    first_failures: tuple[SyncEvent, ...] = ()  # up to 10, for the failure e-mail
    next_attempt: datetime | None = None  # quarantined: when the next cycle may run
    # True when nothing ran: the profile waits for its quarantine's next attempt.
    skipped: bool = False
    # `reason` and `next_step` as coded messages (app.messages), for any language
    coded_reason: Message | None = None
    coded_next_step: Message | None = None

    def by_action(self) -> dict[str, int]:
        return {action: sum(statuses.values()) for action, statuses in self.counts.items()}

    def by_status(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for statuses in self.counts.values():
            for status, number in statuses.items():
                totals[status] = totals.get(status, 0) + number
        return totals

    @property
    def failures(self) -> int:
        return self.by_status().get(Status.FAILURE.value, 0)

    @property
    def ok(self) -> bool:
        return self.outcome == "completed"

    def summary(self) -> str:
        """One line for a terminal or a notification: what was done, and how it ended."""
        return self.summary_said().english

    def summary_said(self) -> Message:
        """summary(), as a coded message."""
        parts = [f"{action} {number}" for action, number in sorted(self.by_action().items())]
        done = ", ".join(parts) if parts else said.SUMMARY_NOTHING()
        words = said.OUTCOME_WORDS.get(self.outcome)
        outcome = words() if words is not None else self.outcome.replace("_", " ")
        text = said.SUMMARY(cycle_id=self.cycle_id, outcome=outcome, done=done)
        if self.failures:
            text = said.SUMMARY_FAILED(summary=text, count=self.failures)
        if self.reason:
            text = said.SUMMARY_REASON(summary=text, reason=self.coded_reason or self.reason)
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "cycle_id": self.cycle_id,
            "started": self.started.isoformat(),
            "finished": self.finished.isoformat(),
            "mode": self.mode,
            "outcome": self.outcome,
            "reason": self.reason,
            "next_step": self.next_step,
            "cause": self.cause,
            "counts": {action: dict(statuses) for action, statuses in self.counts.items()},
            "next_attempt": self.next_attempt.isoformat() if self.next_attempt else None,
            "skipped": self.skipped,
            "failures": [
                {
                    "user_name": event.user_name,
                    "action": event.action,
                    "error_code": event.error_code,
                    "message": event.message,
                    "next_step": event.next_step,
                    "tracking_id": event.tracking_id,
                }
                for event in self.first_failures
            ],
        }


Listener = Callable[[SyncEvent], None]


class EventHub:
    """Plain-callable listeners; a listener that raises is logged and never stops the cycle."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def add(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    def emit(self, event: SyncEvent) -> None:
        for listener in tuple(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken view must not break provisioning
                log.exception("A sync event listener failed on a %s event", event.kind)

    def emit_all(self, events: Sequence[SyncEvent]) -> None:
        for event in events:
            self.emit(event)
