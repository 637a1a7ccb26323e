"""The records the state file keeps, as the rest of the program reads them: links, journal
entries, provisioning-log rows, cycles, the quarantine, the batch of writes the executor
gathers; and times as the file writes them (UTC text, fixed width)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from app.messages import Medium, Message, Translate
from app.sync import outcome_messages as outcome_said
from app.sync.events import ObjectType, SyncEvent
from app.sync.plan import PlannedOperation

JournalState = Literal["planned", "in_flight", "done", "failed"]

_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def format_time(value: datetime) -> str:
    """UTC, fixed width: text order is time order (the log is filtered and pruned by it)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime(_TIME_FORMAT)


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def now_text() -> str:
    return format_time(datetime.now(UTC))


def said_in(english: str, coded: Message | None, translate: Translate, medium: Medium) -> str:
    """A stored sentence in the language of `translate`: its coded message when it has one,
    else the English text it was stored with."""
    return coded.render(translate, medium) if coded is not None else english


def coded_json(coded: Message | None) -> str:
    """A coded message as the state file keeps it (JSON; empty when there is none)."""
    return json.dumps(coded.to_dict(), ensure_ascii=False) if coded is not None else ""


def coded_from_json(text: str | None) -> Message | None:
    """The coded message a column holds (None: empty, or written by an older version)."""
    if not text:
        return None
    try:
        return Message.from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError):
        return None  # unreadable: the English column still tells it


def coded_dict(**coded: Message | None) -> dict[str, Any]:
    return {name: said.to_dict() for name, said in coded.items() if said is not None}


# Not frozen, though never changed once made: a frozen dataclass takes twice as long to
# build, and a cycle reads every link of the profile (100,000 in benchmark P2).
@dataclass(slots=True)
class Link:
    """A source object and its target twin, with the hash of what was last written."""

    object_type: ObjectType
    source_id: str
    target_id: str
    user_name: str = ""
    hash: str = ""  # empty: unknown, the next cycle compares with the target
    active: bool = True  # False once the engine disabled the target user
    # The source record (and the mappings and scoping filters) that gave `hash`
    # (planner.source_record_hash): while it is the same, the planner skips mapping the
    # user. Empty: not known, the user is mapped and compared by `hash`.
    source_hash: str = ""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    op_id: str
    cycle_id: str
    seq: int
    state: JournalState
    operation: PlannedOperation
    bulk_id: str = ""


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One row of the provisioning log."""

    id: int
    time: datetime
    cycle_id: str
    action: str
    status: str
    object_type: str
    source_id: str
    user_name: str
    target_id: str
    modified: list[tuple[str, Any, Any]]
    error_code: str
    message: str
    next_step: str
    tracking_id: str
    duration_ms: int
    # `message` and `next_step` as coded messages, when the producer made them (a row
    # written before they were kept, or by a producer not yet converted, has None).
    coded_message: Message | None = None
    coded_next_step: Message | None = None

    def texts(self, translate: Translate, medium: Medium = "gui") -> tuple[str, str]:
        """The message and the next step in the language of `translate`."""
        return (
            said_in(self.message, self.coded_message, translate, medium),
            said_in(self.next_step, self.coded_next_step, translate, medium),
        )

    def to_dict(self) -> dict[str, Any]:
        data = self._fields_dict()
        codes = coded_dict(message=self.coded_message, next_step=self.coded_next_step)
        if codes:
            data["messages"] = codes
        return data

    def _fields_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "time": format_time(self.time),
            "cycle_id": self.cycle_id,
            "action": self.action,
            "status": self.status,
            "object_type": self.object_type,
            "source_id": self.source_id,
            "user_name": self.user_name,
            "target_id": self.target_id,
            "modified": [{"path": p, "old": o, "new": n} for p, o, n in self.modified],
            "error_code": self.error_code,
            "message": self.message,
            "next_step": self.next_step,
            "tracking_id": self.tracking_id,
            "duration_ms": self.duration_ms,
        }


@dataclass(frozen=True, slots=True)
class CycleRecord:
    cycle_id: str
    started: datetime
    finished: datetime | None
    mode: str
    counts: dict[str, dict[str, int]]
    outcome: str
    reason: str
    next_step: str
    coded_reason: Message | None = None  # `reason` and `next_step` as coded messages
    coded_next_step: Message | None = None

    def texts(self, translate: Translate, medium: Medium = "gui") -> tuple[str, str]:
        """The reason and the next step in the language of `translate`."""
        return (
            said_in(self.reason, self.coded_reason, translate, medium),
            said_in(self.next_step, self.coded_next_step, translate, medium),
        )

    @property
    def unfinished(self) -> bool:
        return self.finished is None

    @property
    def was_interrupted(self) -> bool:
        """It never ended by itself: a later cycle resumed it (INTERRUPTED_REASON)."""
        return self.outcome == "failed" and self.reason == INTERRUPTED_REASON


# How a cycle that never ended is recorded once the next one resumed it (engine._resume):
# its outcome stays "failed", and the chart and logs still tell it was interrupted.
INTERRUPTED_REASON = (
    "The program stopped before this cycle finished; the next cycle resumed its operations."
)


@dataclass(frozen=True, slots=True)
class InterruptedCycle:
    """A cycle that started and never recorded its end: the program was killed, crashed or
    its window closed. Only a cycle whose profile lock nobody holds is interrupted (the one
    a live process runs is merely unfinished): callers check the lock.

    `done` of `planned` counts the cycle's journal (operations answered, failed included, of
    those it had recorded); `stopped` is the last thing it wrote (journal, log, or its start).
    """

    cycle_id: str
    started: datetime
    stopped: datetime
    mode: str
    done: int
    planned: int

    def describe(self) -> str:
        """One sentence in English (the CLI's; the GUI says it in its own language)."""
        return self.described().english

    def described(self) -> Message:
        """describe(), as a coded message."""
        when = self.stopped.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return outcome_said.INTERRUPTED_AT(
            cycle_id=self.cycle_id, done=self.done, planned=self.planned, when=when
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "cycle_id": self.cycle_id,
            "started": format_time(self.started),
            "stopped": format_time(self.stopped),
            "mode": self.mode,
            "done": self.done,
            "planned": self.planned,
        }


@dataclass(frozen=True, slots=True)
class Quarantine:
    """Why the profile stopped, since when, and when the next cycle may try again."""

    reason: str
    next_step: str
    cause: str
    since: datetime
    next_attempt: datetime
    level: int  # 1: first quarantine (6 h), 2: 12 h, 3: 24 h, then daily
    coded_reason: Message | None = None  # `reason` and `next_step` as coded messages
    coded_next_step: Message | None = None

    def texts(self, translate: Translate, medium: Medium = "gui") -> tuple[str, str]:
        """The reason and the next step in the language of `translate`."""
        return (
            said_in(self.reason, self.coded_reason, translate, medium),
            said_in(self.next_step, self.coded_next_step, translate, medium),
        )


@dataclass(slots=True)
class StateBatch:
    """Writes gathered by the executor and applied in one transaction."""

    links: list[Link] = field(default_factory=list)
    removed_links: list[tuple[str, str]] = field(default_factory=list)  # (type, source id)
    marks: list[tuple[str, JournalState, str, str]] = field(default_factory=list)
    # (op_id, state, target_id, error)
    events: list[SyncEvent] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.links or self.removed_links or self.marks or self.events)

    def take(self) -> StateBatch:
        """Hand the gathered writes over and start empty again."""
        taken = StateBatch(self.links, self.removed_links, self.marks, self.events)
        self.links, self.removed_links, self.marks, self.events = [], [], [], []
        return taken
