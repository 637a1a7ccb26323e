"""The planned operations every phase of the planner makes: skips, NoChange, disables, and
the links a plan's NoChange operations leave to store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from app.directory.base import SourceUser
from app.messages import Message
from app.sync import plan as p
from app.sync import plan_messages as said
from app.sync.plan import Action, PlannedOperation
from app.sync.state.records import Link

SKIPPED_REMOVAL = said.SKIPPED_REMOVAL()
REMOVAL_WORDS = {
    p.OUT_OF_SCOPE: said.OUT_OF_SCOPE(),
    p.DISABLED_IN_SOURCE: said.DISABLED_IN_SOURCE(),
    p.MISSING_FROM_SOURCE: said.MISSING_FROM_SOURCE(),
    p.UNASSIGNED: said.UNASSIGNED(),
    p.DELETED_IN_SOURCE: said.DELETED_NOT_ALLOWED(),
}


def coded(detail: str | Message) -> Message | None:
    """The coded message of a detail, when it is one."""
    return detail if isinstance(detail, Message) else None


def skip(
    user: SourceUser, reason: str, detail: str | Message, link: Link | None
) -> PlannedOperation:
    op = PlannedOperation(
        object_type="User",
        action=Action.SKIP,
        source_id=user.source_id,
        key=user.user_name,
        target_id=link.target_id if link else "",
        reason=reason,
        detail=str(detail),
    )
    op.coded_detail = coded(detail)
    return op


def skip_link(link: Link, reason: str, detail: str | Message) -> PlannedOperation:
    op = PlannedOperation(
        object_type=link.object_type,
        action=Action.SKIP,
        source_id=link.source_id,
        key=link.user_name,
        target_id=link.target_id,
        reason=reason,
        detail=str(detail),
    )
    op.coded_detail = coded(detail)
    return op


def unreadable_skip(
    user: SourceUser, target_id: str, problem: str | Message, link: Link | None
) -> PlannedOperation:
    """A user whose copy on the target the client could not read: left as it is."""
    detail = (
        said.UNREADABLE_USER_WHY(target_id=target_id, problem=problem)
        if problem
        else said.UNREADABLE_USER(target_id=target_id)
    )
    return skip(user, p.TARGET_UNREADABLE, detail, link)


def no_change(user: SourceUser, link: Link, digest: str, record: str = "") -> PlannedOperation:
    # Made for most users of an incremental plan (100,000 in benchmark P2): positional
    # arguments (object type, action, source id, key, target id, changes, payload, reason,
    # detail, payload hash, source hash), since keywords take a third longer to bind.
    op = PlannedOperation(
        "User",
        Action.NO_CHANGE,
        user.source_id,
        link.user_name or user.user_name,
        link.target_id,
        [],
        {},
        "",
        "",
        digest,
        record,
    )
    if not link.active:
        op.active = False
    return op


def no_change_link(link: Link) -> PlannedOperation:
    return PlannedOperation(
        object_type=link.object_type,
        action=Action.NO_CHANGE,
        source_id=link.source_id,
        key=link.user_name,
        target_id=link.target_id,
        payload_hash=link.hash,
        active=link.active,
    )


def disable(source_id: str, link: Link, reason: str) -> PlannedOperation:
    return PlannedOperation(
        object_type="User",
        action=Action.DISABLE,
        source_id=source_id,
        key=link.user_name,
        target_id=link.target_id,
        changes=[("active", True, False)],
        payload={"active": False},
        reason=reason,
        detail=str(REMOVAL_WORDS.get(reason, reason)),
        active=False,
        coded_detail=REMOVAL_WORDS.get(reason),
    )


def user_key(user: SourceUser, desired: Mapping[str, Any]) -> str:
    return str(desired.get("userName") or user.user_name)


def is_active(resource: Mapping[str, Any]) -> bool:
    value = resource.get("active", True)
    if isinstance(value, str):
        return value.strip().lower() != "false"
    return value is not False


def links_for(plan: Iterable[PlannedOperation]) -> list[Link]:
    """Links to store for NoChange operations that found something new to remember."""
    return [
        Link(
            object_type=op.object_type,
            source_id=op.source_id,
            target_id=op.target_id,
            user_name=op.key,
            hash=op.payload_hash,
            active=op.active,
            source_hash=op.source_hash if op.payload_hash else "",
        )
        for op in plan
        if op.relink and op.action == Action.NO_CHANGE and op.target_id
    ]
