"""Provisioning on demand in words: the steps one user's provisioning shows (found in the
source? in scope? matched? payload, action, result) and the event that carries them. No
I/O: SyncEngine.provision_one reads, plans and sends, and hands these the answers."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from app.directory.base import SourceRead, SourceUser
from app.messages import Message
from app.sync import on_demand_messages as said
from app.sync import plan as p
from app.sync.events import Change, Status, SyncEvent
from app.sync.mapping_messages import EMPTY_TARGET
from app.sync.plan import Action, PlannedOperation, show_value
from app.sync.state.records import Link
from app.sync.word_messages import ACTION_WORDS, STATUS_WORDS, word
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
        steps = [said.LEFT_OUT(reason=skip.detail or skip.reason)]
        return one_event(cycle_id, None, steps, Status.SKIPPED, skip.reason, user_name)
    missing = said.NOT_IN_SOURCE(user=user_name)
    return SyncEvent(
        kind="operation",
        cycle_id=cycle_id,
        action=Action.SKIP.value,
        status=Status.SKIPPED,
        user_name=user_name,
        steps=(missing.english,),
        message=missing.english,
        next_step=said.NOT_IN_SOURCE_NEXT().english,
        coded_message=missing,
        coded_next_step=said.NOT_IN_SOURCE_NEXT(),
        coded_steps=(missing,),
    )


def found_words(user: SourceUser) -> Message:
    who = {"user": user.user_name, "source_id": user.source_id}
    if user.row:
        template = said.FOUND_ROW if user.enabled else said.FOUND_ROW_DISABLED
        return template(**who, row=user.row)
    return (said.FOUND if user.enabled else said.FOUND_DISABLED)(**who)


def scope_words(in_scope: bool, why: str | Message) -> Message:
    return said.IN_SCOPE() if in_scope else said.NOT_IN_SCOPE(why=why)


def plan_words(op: PlannedOperation, link: Link | None, payload: ScimPayload) -> list[Message]:
    """How the user was matched on the target, its payload, and the action planned."""
    detail = op.coded_detail or op.detail
    if link is not None:
        steps = [said.MATCHED_LINK(target_id=link.target_id)]
    elif op.target_id:
        steps = [said.MATCHED(target_id=op.target_id)]
    elif op.reason == p.DUPLICATE_TARGET_ENTRIES:
        steps = [said.NOT_MATCHED(why=detail)]
    else:
        steps = [said.NOT_ON_TARGET()]
    steps.append(said.PAYLOAD(payload=json.dumps(payload, ensure_ascii=False, sort_keys=True)))
    action = word(ACTION_WORDS, op.action.value)
    steps.append(
        said.ACTION_WHY(action=action, why=detail) if op.detail else said.ACTION(action=action)
    )
    steps.extend(change_said(change) for change in op.changes)
    return steps


def change_said(change: Change) -> Message:
    """One changed attribute, "path: old -> new", an absent value said in the reader's words."""
    path, old, new = change
    return said.CHANGE_VALUES(path=path, old=_value_said(old), new=_value_said(new))


def _value_said(value: Any) -> str | Message:
    return EMPTY_TARGET() if value is None else show_value(value)


def result_words(outcome: SyncEvent, status: Status) -> list[Message]:
    """The answer of the target, and the next step when there is one."""
    message = outcome.coded_message or outcome.message
    if outcome.message:
        steps = [said.RESULT_WHY(status=word(STATUS_WORDS, status.value), message=message)]
    else:
        steps = [said.RESULT(status=word(STATUS_WORDS, status.value))]
    if outcome.next_step:
        steps.append(said.NEXT_STEP(step=outcome.coded_next_step or outcome.next_step))
    return steps


def with_steps(event: SyncEvent, steps: list[Message]) -> SyncEvent:
    """The event with these steps, in English and coded."""
    return replace(event, steps=tuple(s.english for s in steps), coded_steps=tuple(steps))


def one_event(
    cycle_id: str,
    op: PlannedOperation | None,
    steps: list[Message],
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
        steps=tuple(s.english for s in steps),
        coded_steps=tuple(steps),
        error_code=reason if status == Status.SKIPPED else "",
        message=(op.detail if op else "") or reason,
        coded_message=op.coded_detail if op and op.detail else None,
    )
