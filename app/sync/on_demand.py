"""Provisioning on demand in words: the steps one user's provisioning shows (found in the
source? in scope? matched? payload, action, result) and the event that carries them. No
I/O: SyncEngine.provision_one reads, plans and sends, and hands these the answers."""

from __future__ import annotations

import json

from app.directory.base import SourceRead, SourceUser
from app.sync import plan as p
from app.sync.events import Status, SyncEvent
from app.sync.plan import Action, PlannedOperation, format_change
from app.sync.state.records import Link
from app.webex.shapes import ScimPayload


def find_user(read: SourceRead, user_name: str) -> SourceUser | None:
    """The source's user of that userName (case-insensitive), or None."""
    wanted = user_name.strip().casefold()
    return next((u for u in read.users if u.user_name.casefold() == wanted), None)


def not_found_event(read: SourceRead, user_name: str, cycle_id: str) -> SyncEvent:
    """The answer for a userName the source does not give: left out by the source (with its
    reason), or not there at all."""
    wanted = user_name.strip().casefold()
    skip = next((s for s in read.skipped if s.user_name.casefold() == wanted), None)
    if skip is not None:
        steps = [f"Found in the source, but left out: {skip.detail or skip.reason}."]
        return one_event(cycle_id, None, steps, Status.SKIPPED, skip.reason, user_name)
    return SyncEvent(
        kind="operation",
        cycle_id=cycle_id,
        action=Action.SKIP.value,
        status=Status.SKIPPED,
        user_name=user_name,
        steps=(f"{user_name} is not in the source.",),
        message=f"{user_name} is not in the source.",
        next_step="Check the spelling of the userName, or the source's scope.",
    )


def found_words(user: SourceUser) -> str:
    where = f", row {user.row}" if user.row else ""
    state = "" if user.enabled else " (disabled in the source)"
    return f"Found in the source: {user.user_name} (source id {user.source_id}{where}){state}."


def scope_words(in_scope: bool, why: str) -> str:
    return "In scope." if in_scope else f"Not in scope: {why}."


def plan_words(op: PlannedOperation, link: Link | None, payload: ScimPayload) -> list[str]:
    """How the user was matched on the target, its payload, and the action planned."""
    if link is not None:
        steps = [f"Matched on the target through its link: id {link.target_id}."]
    elif op.target_id:
        steps = [f"Matched on the target: id {op.target_id}."]
    elif op.reason == p.DUPLICATE_TARGET_ENTRIES:
        steps = [f"Not matched: {op.detail}."]
    else:
        steps = ["Not on the target yet."]
    steps.append("Payload: " + json.dumps(payload, ensure_ascii=False, sort_keys=True))
    action_words = f"Action: {op.action.value}"
    if op.detail:
        action_words += f" ({op.detail})"
    steps.append(action_words + ".")
    steps.extend(f"  {format_change(change)}" for change in op.changes)
    return steps


def result_words(outcome: SyncEvent, status: Status) -> list[str]:
    """The answer of the target, and the next step when there is one."""
    result = f"Result: {status.value}"
    if outcome.message:
        result += f": {outcome.message}"
    steps = [result + "."]
    if outcome.next_step:
        steps.append(f"Next step: {outcome.next_step}")
    return steps


def one_event(
    cycle_id: str,
    op: PlannedOperation | None,
    steps: list[str],
    status: Status,
    reason: str,
    user_name: str,
) -> SyncEvent:
    """The event of a provisioning on demand that sent nothing (or got no answer)."""
    return SyncEvent(
        kind="operation",
        cycle_id=cycle_id,
        action=op.action.value if op else Action.SKIP.value,
        status=status,
        source_id=op.source_id if op else "",
        user_name=op.key if op else user_name,
        target_id=op.target_id if op else "",
        modified=tuple(op.changes) if op else (),
        steps=tuple(steps),
        error_code=reason if status == Status.SKIPPED else "",
        message=(op.detail if op else "") or reason,
    )
