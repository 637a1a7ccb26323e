"""The plan: one action per user and group. A dry run is a plan shown and not executed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from json.encoder import encode_basestring
from typing import Any

from app.messages import Message
from app.sync.events import Change, ObjectType
from app.sync.spreadsheet import spreadsheet_row
from app.webex.shapes import PatchOperation, ScimPayload, ScimUserPayload


class Action(StrEnum):
    CREATE = "Create"
    UPDATE = "Update"
    DISABLE = "Disable"  # PATCH active=false
    DELETE = "Delete"
    SKIP = "Skip"
    NO_CHANGE = "NoChange"


# Actions that send a request when the plan is executed.
WRITE_ACTIONS = frozenset({Action.CREATE, Action.UPDATE, Action.DISABLE, Action.DELETE})
# Actions counted by the accidental-deletion threshold.
REMOVAL_ACTIONS = frozenset({Action.DISABLE, Action.DELETE})

# Skip reasons: stable codes, explained in plain words in `PlannedOperation.reason_text`.
DUPLICATE_TARGET_ENTRIES = "DuplicateTargetEntries"
OUT_OF_SCOPE = "OutOfScope"
DISABLED_IN_SOURCE = "DisabledInSource"
MISSING_FROM_SOURCE = "MissingFromSource"
UNASSIGNED = "Unassigned"
DELETED_IN_SOURCE = "DeletedInSource"
HELD_BY_THRESHOLD = "HeldByDeletionThreshold"
OUT_OF_SCOPE_DELETIONS_SKIPPED = "OutOfScopeDeletionSkipped"
GROUP_KEPT = "GroupKept"
MAPPING_ERROR = "MappingError"
NO_MATCHING_KEY = "NoMatchingKey"
TARGET_UNREADABLE = "TargetUnreadable"  # the target's copy does not match its schema
GROUPS_NOT_WRITABLE = "GroupsNotWritable"  # the token may not write groups (403)
# Update reasons: a user's references (manager.value) set once the users they name exist.
SET_REFERENCES = "SetReferences"


@dataclass(slots=True)
class PlannedOperation:
    """What the engine will do for one user or group, and why."""

    object_type: ObjectType
    action: Action
    source_id: str
    key: str  # userName, or the group's display name
    target_id: str = ""
    changes: list[Change] = field(default_factory=list)
    # SCIM body (create) or desired state
    payload: ScimPayload = field(default_factory=ScimUserPayload)
    reason: str = ""  # a stable code for skips and removals, e.g. "DuplicateTargetEntries"
    detail: str = ""  # plain words for the plan and the log
    payload_hash: str = ""  # hash of the desired state, stored once the write succeeded
    # Users: the hash of the source record that gave `payload_hash` (stored in the link with
    # it; see planner.source_record_hash). Empty: nothing to remember.
    source_hash: str = ""
    # Groups: members as source ids; the executor turns them into target ids once the
    # users they name exist (a member created in the same cycle has no target id yet).
    # A user's reference update (reason SET_REFERENCES): the source ids of the users its
    # references name, one per entry of `changes` (whose path is the target attribute and
    # whose new value shows the referenced user's key); `payload_hash` is then the hash the
    # user's own operation stored, `payload` the user's payload without these references.
    member_source_ids: tuple[str, ...] = ()
    # Groups: target ids of the current members (read when the group was matched).
    current_member_ids: tuple[str, ...] = ()
    # A resumed create whose request may have reached the target before the process died:
    # look it up before sending it again.
    verify_before_create: bool = False
    # NoChange that still must be remembered: a user matched on the target for the first
    # time, or whose target already holds the desired values (the link or hash is stored).
    relink: bool = False
    # Update: the PATCH operations, worked out when the target's current values were known.
    patch: list[PatchOperation] = field(default_factory=list)
    active: bool = True  # the desired `active` of a user (stored in its link)
    op_id: str = ""  # set when the operation is journaled
    coded_detail: Message | None = None  # `detail` as a coded message (app.messages)

    @property
    def writes(self) -> bool:
        return self.action in WRITE_ACTIONS

    @property
    def sets_references(self) -> bool:
        """A user's reference update, sent after every other user operation."""
        return self.reason == SET_REFERENCES and self.object_type == "User"

    def to_dict(self) -> dict[str, Any]:
        return {
            "object_type": self.object_type,
            "action": self.action.value,
            "source_id": self.source_id,
            "key": self.key,
            "target_id": self.target_id,
            "reason": self.reason,
            "detail": self.detail,
            "changes": [{"path": p, "old": old, "new": new} for p, old, new in self.changes],
            "payload": self.payload,
            "members": list(self.member_source_ids),
            "patch": self.patch,
        }


@dataclass(frozen=True, slots=True)
class Hold:
    """Why the cycle of this plan would be held by the accidental-deletion threshold.

    The numbers are measured against what the profile had provisioned (linked) when the
    plan was made: a held cycle sends nothing at all until the admin allows it.
    """

    reason: str
    next_step: str
    users_removed: int
    users_linked: int
    groups_removed: int = 0
    groups_linked: int = 0
    coded_reason: Message | None = None  # `reason` and `next_step` as coded messages
    coded_next_step: Message | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "next_step": self.next_step,
            "users": {"removals": self.users_removed, "linked": self.users_linked},
            "groups": {"removals": self.groups_removed, "linked": self.groups_linked},
        }


@dataclass(slots=True)
class Plan:
    """All operations of one cycle, users first then groups, in a stable order."""

    operations: list[PlannedOperation] = field(default_factory=list)
    full: bool = True  # the source read was complete (missing linked users -> Disable)
    notes: list[str] = field(default_factory=list)  # plain words, e.g. source notes
    # `notes` again, one for one: a coded message when the note was made as one, else its
    # English (see add_note and said_notes)
    coded_notes: list[Message | str] = field(default_factory=list)
    target_reads: int = 0  # requests sent to the target while planning
    # Set when the cycle would be held by the accidental-deletion threshold (nothing sent).
    hold: Hold | None = None
    # The source's watermark after the read this plan was made from, and the one the read
    # started from: a plan handed to run_cycle (the wizard's reviewed dry run) moves the
    # state's watermark on when its cycle completes, as a cycle's own read does.
    watermark: str | None = None
    read_from: str | None = None

    def __iter__(self) -> Iterator[PlannedOperation]:
        return iter(self.operations)

    def __len__(self) -> int:
        return len(self.operations)

    def add_note(self, note: Message | str) -> None:
        """A note in both lists: its English in `notes`, the note itself in `coded_notes`."""
        self.notes.append(str(note))
        self.coded_notes.append(note)

    def said_notes(self) -> list[Message | str]:
        """The notes, each coded when it was made so (all English when the lists differ)."""
        if len(self.coded_notes) == len(self.notes):
            return list(self.coded_notes)
        return list(self.notes)

    def add(self, operation: PlannedOperation) -> None:
        self.operations.append(operation)

    def extend(self, operations: Iterable[PlannedOperation]) -> None:
        self.operations.extend(operations)

    def counts(self) -> dict[str, int]:
        """Number of operations per action, every action listed (zero included)."""
        totals = {action.value: 0 for action in Action}
        for operation in self.operations:
            totals[operation.action.value] += 1
        return totals

    def writes(self) -> list[PlannedOperation]:
        return [op for op in self.operations if op.writes]

    def removals(self, object_type: ObjectType = "User") -> list[PlannedOperation]:
        return [
            op
            for op in self.operations
            if op.action in REMOVAL_ACTIONS and op.object_type == object_type
        ]

    def by_action(self, action: Action) -> list[PlannedOperation]:
        return [op for op in self.operations if op.action == action]

    def users_total(self) -> int:
        """Users with something to send: what progress is counted in."""
        return sum(1 for op in self.operations if op.writes and op.object_type == "User")

    def to_json(self, *, indent: int | None = 2) -> str:
        body = {
            "counts": self.counts(),
            "full": self.full,
            "notes": self.notes,
            "held": self.hold.to_dict() if self.hold is not None else None,
            "operations": [op.to_dict() for op in self.operations],
        }
        return json.dumps(body, indent=indent, ensure_ascii=False, default=str)

    def to_csv(self) -> str:
        """One row per operation; modified properties as `path: old -> new` joined by `; `."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ["object_type", "action", "key", "source_id", "target_id", "reason", "changes"]
        )
        for op in self.operations:
            writer.writerow(
                spreadsheet_row(  # formula cells neutralised (issue 22)
                    [
                        op.object_type,
                        op.action.value,
                        op.key,
                        op.source_id,
                        op.target_id,
                        op.detail or op.reason,
                        "; ".join(format_change(change) for change in op.changes),
                    ]
                )
            )
        return out.getvalue()

    def render_text(self, *, limit: int = 200) -> str:
        """A readable plan for a terminal: totals, then each operation that does something."""
        counts = self.counts()
        lines = [
            "Plan (dry run, nothing was sent): "
            + ", ".join(f"{name} {number}" for name, number in counts.items())
        ]
        if self.hold is not None:
            lines.append(f"HELD: {self.hold.reason}")
            lines.append(f"Next step: {self.hold.next_step}")
        lines.extend(f"note: {note}" for note in self.notes)
        shown = 0
        for op in self.operations:
            if op.action == Action.NO_CHANGE:
                continue
            if shown >= limit:
                rest = sum(1 for o in self.operations if o.action != Action.NO_CHANGE) - shown
                lines.append(f"... and {rest} more (use --json for all of them)")
                break
            shown += 1
            head = f"{op.action.value:<8} {op.object_type:<5} {op.key}"
            if op.detail or op.reason:
                head += f"  ({op.detail or op.reason})"
            lines.append(head)
            if op.action != Action.CREATE:  # a create's values are in --json and the CSV
                lines.extend(f"           {format_change(change)}" for change in op.changes)
        return "\n".join(lines)


def format_change(change: Change) -> str:
    path, old, new = change
    return f"{path}: {show_value(old)} -> {show_value(new)}"


def show_value(value: Any) -> str:
    """A value as a change line shows it: JSON, "(empty)" for an absent one."""
    if value is None:
        return "(empty)"
    # What json.dumps(value, ensure_ascii=False) writes, for the common values without its
    # set-up (a tenth of the time: the activity view shows a line of these per user).
    if type(value) is str:
        return encode_basestring(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    return json.dumps(value, ensure_ascii=False, default=str)
