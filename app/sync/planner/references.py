"""References to other users (the enterprise manager.value), resolved to target ids.

A reference mapping (Mapper.user_reference_targets) gives the referenced user's *source*
id; the target wants its target id. A manager already linked is resolved at once (its
target id is in the payload, so the payload hash changes when the manager does). A manager
that this plan creates (or matches) has no target id yet: the user's own operation leaves
the attribute alone, and a second operation (Update, reason SetReferences, the manager's
source id in `member_source_ids`) sets it once the manager exists; the executor runs those
after every other user operation. A manager that is not provisioned at all leaves the
attribute alone, with a note. While a reference waits, the user's payload hash carries a
marker of it and its link keeps no record hash, so that later cycles map the user again and
set the reference as soon as the manager is there. Nothing of this runs without such a
mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.directory.base import SourceRead
from app.messages import Message
from app.sync import plan as p
from app.sync import plan_messages as said
from app.sync.events import Change
from app.sync.mapping import put_reference
from app.sync.matching import payload_hash
from app.sync.payload_diff import flatten
from app.sync.plan import Action, PlannedOperation
from app.sync.state.records import Link
from app.webex.shapes import ScimUserPayload

# Key of the marker hashed with a payload whose references wait (never sent).
_WAITING_REFERENCES = "\u0000waiting references"
# Notes about managers that are not provisioned: at most this many, then a count.
REFERENCE_NOTES = 20


@dataclass(slots=True)
class Waiting:
    """A user whose references wait: what the reference update needs once it is planned."""

    references: dict[str, str]  # target path -> referenced user's source id
    desired: ScimUserPayload  # the payload without them (with those resolved)
    record: str  # the user's real source_record_hash
    current: dict[str, Any] = field(default_factory=dict)  # target path -> current target id


class References:
    """The reference mappings of one planner, and the references that wait in its plan."""

    def __init__(self, targets: tuple[str, ...], user_links: Mapping[str, Link]) -> None:
        self.targets = targets  # the reference mappings' target paths: often none
        self.paths = frozenset(t.lower() for t in targets)
        self.user_links = user_links
        self.waiting: dict[str, Waiting] = {}  # source id -> references that wait
        self.notes: list[Message] = []
        self._target_keys: dict[str, str] | None = None  # target id -> key, built when needed

    def start(self) -> None:
        """A new plan: nothing waits yet."""
        self.waiting, self.notes = {}, []

    def resolve(
        self, desired: ScimUserPayload, refs: Mapping[str, str]
    ) -> tuple[dict[str, str] | None, dict[str, str] | None]:
        """Put the target ids of linked referenced users into `desired`; the rest waits.

        A reference is a source id. A CSV source's ids are its userNames lower-cased, so a
        CSV column naming the manager by userName finds the manager's link too.
        """
        resolved: dict[str, str] = {}
        waiting: dict[str, str] = {}
        links = self.user_links
        for target, source_id in refs.items():
            link = links.get(source_id)
            if link is None:
                link = links.get(source_id.lower())
            if link is not None and link.target_id:
                put_reference(desired, target, link.target_id)
                resolved[target] = link.target_id
            else:
                waiting[target] = source_id
        return resolved or None, waiting or None

    def wait(
        self, source_id: str, waiting: dict[str, str], desired: ScimUserPayload, record: str
    ) -> str:
        """Remember a user's waiting references; the hash of its payload with a marker of
        them (the user is mapped again until they are set)."""
        self.waiting[source_id] = Waiting(waiting, desired, record)
        return payload_hash({**desired, _WAITING_REFERENCES: sorted(waiting.items())})

    def left_alone(
        self,
        source_id: str,
        waiting: Mapping[str, str],
        changes: list[Change],
        current: Mapping[str, Any],
    ) -> list[Change]:
        """The changes of a user's update without its waiting references, which the
        reference update sets (or nothing, with a note); their current values noted."""
        paths = {path.lower() for path in waiting}
        values = {k.lower(): v for k, v in flatten(current).items()}
        self.waiting[source_id].current = {
            path: str(values[path.lower()])
            for path in waiting
            if values.get(path.lower()) not in (None, "")
        }
        return [c for c in changes if c[0].lower() not in paths]

    def key_of_target(self, target_id: Any) -> Any:
        """The key (userName) of a linked target user, for the plan; else the id itself."""
        if self._target_keys is None:
            self._target_keys = {
                link.target_id: link.user_name for link in self.user_links.values()
            }
        return self._target_keys.get(str(target_id), target_id)

    def shown(self, changes: list[Change]) -> list[Change]:
        """Changes as the plan shows them: a reference by the user's key, not an opaque id."""
        paths = self.paths
        if not any(c[0].lower() in paths for c in changes):
            return changes
        return [
            (path, self.key_of_target(old), self.key_of_target(new))
            if path.lower() in paths
            else (path, old, new)
            for path, old, new in changes
        ]

    def plan_updates(self, read: SourceRead, ops: list[PlannedOperation]) -> None:
        """References that wait: an update after the referenced users' own operations, or a
        note when the referenced user is not provisioned (the attribute is left alone)."""
        by_source = {op.source_id: op for op in ops if op.object_type == "User"}
        missing: dict[str, tuple[str, list[str]]] = {}  # source id -> (label, keys waiting)
        names = _SourceNames(read)
        updates: list[PlannedOperation] = []
        for source_id, waiting in self.waiting.items():
            own = by_source.get(source_id)
            if own is None or own.action not in (Action.CREATE, Action.UPDATE, Action.NO_CHANGE):
                continue  # not provisioned, or going away: nothing to refer from
            update = self._update(own, waiting, by_source, names, missing)
            if update is not None:
                updates.append(update)
        ops.extend(updates)
        self._note_missing(missing)

    def _update(
        self,
        own: PlannedOperation,
        waiting: Waiting,
        by_source: Mapping[str, PlannedOperation],
        names: _SourceNames,
        missing: dict[str, tuple[str, list[str]]],
    ) -> PlannedOperation | None:
        """The reference update of one user, or None when none of its references can be
        set in this cycle (each such one noted in `missing`)."""
        source_id = own.source_id
        changes: list[Change] = []
        referenced: list[str] = []
        words: list[Message | str] = []
        for target, ref in waiting.references.items():
            label = _reference_label(target)
            other = by_source.get(ref) or by_source.get(ref.lower())
            if other is not None and other.source_id != source_id and _will_exist(other):
                old = waiting.current.get(target)
                changes.append((target, self.key_of_target(old) if old else None, other.key))
                referenced.append(other.source_id)
                words.append(said.REFERENCE_SET_AFTER(label=label, key=other.key))
                continue
            name = names.get(ref)
            missing.setdefault(ref, (f"{label} {name}", []))[1].append(own.key)
            if own.writes:
                more = said.REFERENCE_MISSING(label=label, name=name)
                own.coded_detail = _joined(own.coded_detail or own.detail, more)
                own.detail = own.coded_detail.english
        if not changes:
            return None
        return PlannedOperation(
            object_type="User",
            action=Action.UPDATE,
            source_id=source_id,
            key=own.key,
            target_id=own.target_id,
            changes=changes,
            payload=waiting.desired,
            reason=p.SET_REFERENCES,
            detail=str(said.listed(words)),
            coded_detail=_coded(said.listed(words)),
            payload_hash=own.payload_hash,
            source_hash=waiting.record,
            member_source_ids=tuple(referenced),
            active=own.active,
        )

    def _note_missing(self, missing: Mapping[str, tuple[str, list[str]]]) -> None:
        for count, (who, keys) in enumerate(sorted(missing.values())):
            if count == REFERENCE_NOTES:
                self.notes.append(said.REFERENCES_MORE(count=len(missing) - count))
                break
            listed = ", ".join(sorted(keys)[:3])
            shown = said.AND_MORE(users=listed, count=len(keys) - 3) if len(keys) > 3 else listed
            label = who.split(" ", 1)[0]
            self.notes.append(said.REFERENCE_NOTE(who=who, label=label, users=shown))


class _SourceNames:
    """Who a referenced user is, when the source read it (out of scope, left out): its
    user name; else its id is all there is. Built at the first question."""

    __slots__ = ("_names", "_read")

    def __init__(self, read: SourceRead) -> None:
        self._read = read
        self._names: dict[str, str] | None = None

    def get(self, source_id: str) -> str:
        if self._names is None:
            read = self._read
            self._names = {u.source_id: u.user_name for u in read.users}
            self._names.update((s.source_id, s.user_name) for s in read.skipped if s.user_name)
        return self._names.get(source_id) or source_id


def _reference_label(target: str) -> str:
    """How notes name a reference: "manager" for the enterprise extension's manager.value."""
    return target.rsplit(":", 1)[-1].split(".", 1)[0]


def _will_exist(op: PlannedOperation) -> bool:
    """Is the user of this operation on the target once the plan has run?"""
    if op.action == Action.CREATE:
        return True
    return bool(op.target_id) and op.action not in (Action.DELETE, Action.SKIP)


def _joined(detail: str | Message, more: Message) -> Message:
    return said.LIST(first=detail, rest=more) if detail else more


def _coded(words: Message | str) -> Message | None:
    return words if isinstance(words, Message) else None
