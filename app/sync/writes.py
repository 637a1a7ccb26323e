"""The writes the executor sends and the outcomes it records, worked out without I/O: a
planned write as a Bulk operation, a group's members as PATCH requests, a reference update
resolved to target ids, the link a success leaves, and an error in the log's words. The
executor (app/sync/executor.py) sends them, journals them and records what came back."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import cast

from app.messages import Message
from app.sync import write_messages as said
from app.sync.events import Change, Status
from app.sync.mapping import put_reference
from app.sync.matching import patch_body, patch_operations, payload_hash
from app.sync.plan import Action, PlannedOperation
from app.sync.state.records import Link
from app.webex.errors import WebexError
from app.webex.shapes import BulkOperation, PatchOperation, ScimGroupPayload, ScimPayload

# Members named per group PATCH request. Cisco's spec gives PATCH no size limit; the limits
# it does give are 100 operations per Bulk request and 500 members per group answer. A
# change of more members (700 removals from a group of 1,200) goes out in several requests
# of at most 100, each well within both and answered in good time.
MEMBER_OPS_PER_PATCH = 100


@dataclass(slots=True)
class WriteOutcome:
    """What came of one planned write: its status, and what the state must remember."""

    status: Status
    target_id: str = ""
    message: str | Message = ""  # a coded message, or plain words
    error: WebexError | None = None
    changes: list[Change] | None = None  # when the executor found different changes
    link: Link | None = None
    unlink: bool = False
    requeue: bool = False  # not done: leave it planned for the next run


def success(op: PlannedOperation, target_id: str) -> WriteOutcome:
    """A write the target accepted, with the link it leaves (none after a delete)."""
    outcome = WriteOutcome(Status.SUCCESS, target_id=target_id)
    if op.action == Action.DELETE:
        outcome.unlink = True
        return outcome
    if op.sets_references and not op.payload_hash:
        return outcome  # the link stays as the user's own operation left it
    outcome.link = Link(
        object_type=op.object_type,
        source_id=op.source_id,
        target_id=target_id,
        user_name=op.key,
        hash="" if op.action == Action.DISABLE else op.payload_hash,
        active=False if op.action == Action.DISABLE else op.active,
        # The record behind payload_hash: the next cycle skips mapping it while it holds.
        source_hash="" if op.action == Action.DISABLE or not op.payload_hash else op.source_hash,
    )
    return outcome


def groups_skipped(error: WebexError) -> WriteOutcome:
    """A group not written because the token may not write groups (the users stand)."""
    return WriteOutcome(
        Status.SKIPPED,
        message=said.GROUPS_NOT_WRITABLE(error=error_said(error)),
    )


def resolve_references(
    op: PlannedOperation,
    link: Link | None,
    user_targets: Mapping[str, str],
    failed_users: Set[str],
) -> WriteOutcome | None:
    """Resolve a reference update to target ids (None: ready to send), or the outcome
    when there is nothing to send (the user or the users it names are not there).

    The link then gets the hash of the whole payload, references included, only when
    it still holds what the user's own operation wrote (`payload_hash` of the planned
    update): a user whose own update failed keeps the link that makes the next cycle
    compare it again.
    """
    if op.source_id in failed_users:
        return WriteOutcome(
            Status.SKIPPED,
            message=said.OWN_FAILED(),
        )
    own = op.target_id or user_targets.get(op.source_id, "")
    if not own:
        return WriteOutcome(
            Status.SKIPPED,
            message=said.NOT_ON_TARGET(),
        )
    payload = copy.deepcopy(op.payload)
    operations: list[PatchOperation] = []
    changes: list[Change] = []
    missing: list[Message] = []
    for change, referenced in zip(op.changes, op.member_source_ids, strict=False):
        path, _, shown = change
        target = user_targets.get(referenced)
        if target is None:
            missing.append(said.REFERENCE(label=_label(path), shown=str(shown)))
            continue
        put_reference(payload, path, target)
        operations.append({"op": "replace", "path": path, "value": target})
        changes.append(change)
    words = said.REFERENCES_MISSING(missing=_listed(missing)) if missing else None
    if not operations:
        return WriteOutcome(Status.SKIPPED, message=words or "")
    complete = not missing and link is not None and link.hash == op.payload_hash
    op.target_id = own
    op.patch = operations
    op.changes = changes
    op.payload_hash = payload_hash(payload) if complete else ""
    if words:
        op.detail, op.coded_detail = words.english, words
    return None


def member_targets(op: PlannedOperation, user_targets: Mapping[str, str]) -> list[str]:
    """The target ids of a group's members that are on the target."""
    return [user_targets[m] for m in op.member_source_ids if m in user_targets]


def create_payload(op: PlannedOperation, user_targets: Mapping[str, str]) -> ScimPayload:
    """The body of a create: a group's with its members' target ids."""
    if op.object_type != "Group":
        return op.payload
    members = member_targets(op, user_targets)
    group = cast("ScimGroupPayload", op.payload)  # a Group operation's payload is a group's
    return {**group, "members": [{"value": target} for target in members]}


def member_patches(
    op: PlannedOperation, user_targets: Mapping[str, str]
) -> list[list[PatchOperation]]:
    """A group update's PATCH requests: the members to add and remove (of those this
    profile manages), at most MEMBER_OPS_PER_PATCH a request, the group's own attributes
    with the first."""
    wanted = set(member_targets(op, user_targets))
    current = set(op.current_member_ids)
    managed = set(user_targets.values())
    add = sorted(wanted - current)
    remove = sorted((current & managed) - wanted)
    attribute_changes = [c for c in op.changes if c[0] != "members"]
    operations = op.patch or patch_operations(attribute_changes, op.payload)
    size = MEMBER_OPS_PER_PATCH
    # Each request names at most MEMBER_OPS_PER_PATCH members: additions as one add
    # operation per request, removals one operation each.
    batches: list[list[PatchOperation]] = [
        [{"op": "add", "path": "members", "value": [{"value": t} for t in add[i : i + size]]}]
        for i in range(0, len(add), size)
    ]
    batches.extend(
        [{"op": "remove", "path": f"members[value eq {_quoted(t)}]"} for t in remove[i : i + size]]
        for i in range(0, len(remove), size)
    )
    if operations:  # the group's own attributes go with the first request
        batches = [operations + batches[0], *batches[1:]] if batches else [list(operations)]
    return batches


def bulk_id_of(op: PlannedOperation) -> str:
    """How a Bulk request names a create, and its answer the resource it made."""
    return "op-" + op.op_id.replace(":", "-")


def bulk_operation(op: PlannedOperation) -> BulkOperation:
    """A planned user write as one operation of a Bulk request."""
    path = "/Users" if op.object_type == "User" else "/Groups"
    if op.action == Action.CREATE:
        return {"method": "POST", "path": path, "bulkId": bulk_id_of(op), "data": op.payload}
    if op.action == Action.UPDATE:
        return {
            "method": "PATCH",
            "path": f"{path}/{op.target_id}",
            "data": patch_body(op.patch or patch_operations(op.changes, op.payload)),
        }
    if op.action == Action.DISABLE:
        return {
            "method": "PATCH",
            "path": f"{path}/{op.target_id}",
            "data": patch_body([{"op": "replace", "path": "active", "value": False}]),
        }
    return {"method": "DELETE", "path": f"{path}/{op.target_id}"}


def error_code(error: WebexError) -> str:
    """The log's error code: the error's kind, SCIM type and HTTP status."""
    code = type(error).__name__
    if error.scim_type:
        code += f"/{error.scim_type}"
    if error.status:
        code += f" ({error.status})"
    return code


def error_message(error: WebexError) -> str:
    return str(error_said(error))


def error_said(error: WebexError) -> Message | str:
    """The error's message, and Webex's own words (its detail) when they add something."""
    said_message = error.coded_message or error.message
    if error.detail and error.detail not in error.message:
        return said.WITH_DETAIL(message=said_message, detail=error.detail)
    return said_message


def _listed(items: list[Message]) -> Message:
    """Items joined by ", " (nested, so that each stays in its language)."""
    result = items[-1]
    for item in reversed(items[:-1]):
        result = said.LIST(first=item, rest=result)
    return result


def _label(path: str) -> str:
    """How messages name a reference: "manager" for the enterprise manager.value."""
    return path.rsplit(":", 1)[-1].split(".", 1)[0]


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
