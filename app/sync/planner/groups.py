"""Planning groups: each source group becomes Create, Update, Skip or NoChange, and its
members the users that exist on the target once the plan's user operations have run.

A group is matched through its link, else by its matching keys (a filter query, or one
listing of the target's groups when the target does not filter on the key). Its members
are compared by user: only members this profile provisioned are ever removed. A group the
source no longer gives is deleted when the profile allows deletes, else kept with a reason.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from app.directory.base import SourceGroup, SourceRead
from app.errors import UserFacingError
from app.sync import plan as p
from app.sync import plan_messages as said
from app.sync.events import Change
from app.sync.matching import MatchResult, TargetIndex, match_in, patch_operations, payload_hash
from app.sync.plan import Action, PlannedOperation
from app.sync.planner.contracts import Mapper, PlannerOptions
from app.sync.planner.operations import coded, no_change_link
from app.sync.planner.reads import TargetReads
from app.sync.state.records import Link
from app.webex.errors import NotFound, PermissionDenied, ProtocolError
from app.webex.shapes import ScimGroupPayload


class _Group(NamedTuple):
    """A source group whose action needs the target (new, or changed since last written)."""

    group: SourceGroup
    desired: ScimGroupPayload  # without members
    members: tuple[str, ...]  # source ids of the provisioned members, sorted
    digest: str
    link: Link | None


@dataclass(slots=True)
class _Users:
    """The users on the target once the plan's user operations have run."""

    provisioned: dict[str, str] = field(default_factory=dict)  # source id -> key
    key_by_target: dict[str, str] = field(default_factory=dict)  # target id -> key
    managed_targets: set[str] = field(default_factory=set)  # target ids this profile manages

    @classmethod
    def after(cls, user_ops: Sequence[PlannedOperation], user_links: Mapping[str, Link]) -> _Users:
        provisioned = {source_id: link.user_name for source_id, link in user_links.items()}
        for op in user_ops:
            if op.action == Action.CREATE or (op.target_id and op.action != Action.DELETE):
                provisioned[op.source_id] = op.key
            elif op.action == Action.DELETE:
                provisioned.pop(op.source_id, None)
        key_by_target = {link.target_id: link.user_name for link in user_links.values()}
        for op in user_ops:
            if op.target_id:
                key_by_target[op.target_id] = op.key
        return cls(provisioned, key_by_target, set(key_by_target))


class GroupPlanner:
    """The groups' part of a plan."""

    def __init__(
        self,
        mapper: Mapper,
        reads: TargetReads,
        *,
        user_links: Mapping[str, Link],
        group_links: Mapping[str, Link],
        options: PlannerOptions,
    ) -> None:
        self.mapper = mapper
        self.reads = reads
        self.user_links = user_links
        self.group_links = group_links
        self.options = options
        self._index: TargetIndex | None = None  # the target's groups, listed when needed

    async def plan(
        self, read: SourceRead, user_ops: Sequence[PlannedOperation]
    ) -> list[PlannedOperation]:
        """Every group's operation, after the users' (`user_ops`) that give its members."""
        self._index = None
        if not read.groups and not read.deleted_group_ids and not self.group_links:
            return []  # no group now, none provisioned before: nothing to plan
        users = _Users.after(user_ops, self.user_links)
        ops: list[PlannedOperation] = []
        pending: list[_Group] = []
        seen: set[str] = set()
        for group in read.groups:
            seen.add(group.source_id)
            planned = self._desired(group, users, pending)
            if planned is not None:
                ops.append(planned)
        ops.extend(await asyncio.gather(*(self._planned(item, users) for item in pending)))
        removed = list(read.deleted_group_ids)
        if read.full:
            removed.extend(g for g in self.group_links if g not in seen)
        ops.extend(self._removals(removed))
        return ops

    def _desired(
        self, group: SourceGroup, users: _Users, pending: list[_Group]
    ) -> PlannedOperation | None:
        """A group mapped: its operation when the mapping fails or its link shows it
        unchanged; else None, and the group joins `pending`."""
        members = tuple(sorted(m for m in group.member_ids if m in users.provisioned))
        try:
            desired = _without_members(self.mapper.group_payload(group, []))
        except UserFacingError as error:
            return PlannedOperation(
                object_type="Group",
                action=Action.SKIP,
                source_id=group.source_id,
                key=group.display_name,
                reason=p.MAPPING_ERROR,
                detail=str(error),
                coded_detail=coded(error.said()),
            )
        digest = payload_hash({**desired, "members": list(members)})
        link = self.group_links.get(group.source_id)
        if link is not None and link.hash == digest and not self.options.compare_always:
            return no_change_link(link)
        pending.append(_Group(group, desired, members, digest, link))
        return None

    async def _planned(self, item: _Group, users: _Users) -> PlannedOperation:
        try:
            return await self._plan_one(item, users)
        except (PermissionDenied, ProtocolError, NotFound) as error:
            return _unplannable(item, error)

    async def _plan_one(self, item: _Group, users: _Users) -> PlannedOperation:
        """Read the group's copy on the target (through its link, else matched): Create
        when there is none, else Update or NoChange."""
        group = item.group
        current: Mapping[str, Any] | None = None
        own_answer = False  # current is the group's own answer (GET /Groups/{id})
        if item.link is not None:
            current = await self.reads.get("Group", item.link.target_id)
            own_answer = current is not None
        if current is None:
            match = await self._match(group)
            if match.duplicate:
                duplicates = said.DUPLICATE_GROUPS(
                    count=len(match.duplicates),
                    attribute=match.attribute,
                    ids=", ".join(match.duplicates),
                )
                return PlannedOperation(
                    object_type="Group",
                    action=Action.SKIP,
                    source_id=group.source_id,
                    key=group.display_name,
                    reason=p.DUPLICATE_TARGET_ENTRIES,
                    detail=duplicates.english,
                    coded_detail=duplicates,
                )
            current = match.target
        key = str(item.desired.get("displayName") or group.display_name)
        if current is None:
            return self._create(item, key, users)
        current_ids = await self.reads.member_ids(current, own_answer)
        return self._compare(item, key, current, current_ids, users)

    def _create(self, item: _Group, key: str, users: _Users) -> PlannedOperation:
        member_keys = [users.provisioned[m] for m in item.members]
        return PlannedOperation(
            object_type="Group",
            action=Action.CREATE,
            source_id=item.group.source_id,
            key=key,
            changes=[
                *_attribute_changes(self.mapper.diff_group({}, item.desired)),
                ("members", None, member_keys),
            ],
            payload=item.desired,
            payload_hash=item.digest,
            member_source_ids=item.members,
        )

    def _compare(
        self,
        item: _Group,
        key: str,
        current: Mapping[str, Any],
        current_ids: tuple[str, ...],
        users: _Users,
    ) -> PlannedOperation:
        """Update (attributes, and members added or removed by user) or NoChange."""
        desired, members = item.desired, item.members
        changes: list[Change] = _attribute_changes(self.mapper.diff_group(current, desired))
        wanted_targets = {self.user_links[m].target_id for m in members if m in self.user_links}
        pending_creates = [m for m in members if m not in self.user_links]
        key_by_target = users.key_by_target
        removed = sorted(
            key_by_target.get(t, t)
            for t in current_ids
            if t in users.managed_targets and t not in wanted_targets
        )
        added = sorted(
            [key_by_target.get(t, t) for t in wanted_targets if t not in current_ids]
            + [users.provisioned[m] for m in pending_creates]
        )
        if removed or added:
            changes.append(("members", removed or None, added or None))
        op = PlannedOperation(
            object_type="Group",
            action=Action.UPDATE if changes else Action.NO_CHANGE,
            source_id=item.group.source_id,
            key=key,
            target_id=str(current.get("id", "")),
            changes=changes,
            payload=desired,
            payload_hash=item.digest,
            member_source_ids=members,
            current_member_ids=current_ids,
            patch=patch_operations(_attribute_changes(changes), desired, current),
        )
        op.relink = not changes
        return op

    def _removals(self, removed: Iterable[str]) -> list[PlannedOperation]:
        """Linked groups the source no longer gives: deleted, or kept with the reason."""
        ops: list[PlannedOperation] = []
        for source_id in removed:
            link = self.group_links.get(source_id)
            if link is None:
                continue
            if self.options.safety.allow_hard_delete:
                ops.append(
                    PlannedOperation(
                        object_type="Group",
                        action=Action.DELETE,
                        source_id=source_id,
                        key=link.user_name,
                        target_id=link.target_id,
                        reason=p.MISSING_FROM_SOURCE,
                        detail=said.MISSING_FROM_SOURCE.english,
                        coded_detail=said.MISSING_FROM_SOURCE(),
                    )
                )
            else:
                ops.append(
                    PlannedOperation(
                        object_type="Group",
                        action=Action.SKIP,
                        source_id=source_id,
                        key=link.user_name,
                        target_id=link.target_id,
                        reason=p.GROUP_KEPT,
                        detail=said.GROUP_KEPT.english,
                        coded_detail=said.GROUP_KEPT(),
                    )
                )
        return ops

    async def _match(self, group: SourceGroup) -> MatchResult:
        keys = [(a, v) for a, v in self.mapper.group_matching_keys(group) if v]
        for attribute, value in keys or [("displayName", group.display_name)]:
            if self.reads.filterable("Group", attribute):
                found: Sequence[Mapping[str, Any]] = await self.reads.search(
                    "Group", attribute, str(value)
                )
            else:
                found = (await self._listing()).lookup(attribute, str(value))
            if found:
                return match_in([(attribute, found)])
        return MatchResult()

    async def _listing(self) -> TargetIndex:
        """The target's groups (without their members), indexed by their matching keys."""
        async with self.reads.listing_lock:
            if self._index is None:
                index = TargetIndex(
                    attributes=self._key_attributes(), case_sensitive=self.options.case_sensitive
                )
                self._index = await self.reads.listing("Group", index)
            return self._index

    def _key_attributes(self) -> list[str]:
        names = getattr(self.mapper, "group_matching_attributes", None)
        return sorted({"displayName", "externalId", *(names or ())})


def _unplannable(
    item: _Group, error: PermissionDenied | ProtocolError | NotFound
) -> PlannedOperation:
    """A group the target would not let the planner read; the rest of the cycle goes on.

    PermissionDenied: a user admin's token, which Webex refuses groups (id_user_admin); the
    users are provisioned, the groups wait with the reason. ProtocolError: the target's
    copy of the group does not match its schema; it is left as it is. NotFound: the group
    went while it was read.
    """
    problem = error.coded_message or error.message
    if isinstance(error, PermissionDenied):
        reason = p.GROUPS_NOT_WRITABLE
        detail = said.GROUPS_NOT_WRITABLE(error=problem)
    elif isinstance(error, ProtocolError):
        reason = p.TARGET_UNREADABLE
        detail = said.UNREADABLE_GROUP(error=problem)
    else:
        reason = p.TARGET_UNREADABLE
        detail = said.GROUP_LEFT()
    return PlannedOperation(
        object_type="Group",
        action=Action.SKIP,
        source_id=item.group.source_id,
        key=item.group.display_name,
        target_id=item.link.target_id if item.link else "",
        reason=reason,
        detail=detail.english,
        coded_detail=detail,
    )


def _attribute_changes(changes: Iterable[Change]) -> list[Change]:
    """Group changes without `members`, which the planner compares itself (by user)."""
    return [c for c in changes if c[0].lower() != "members"]


def _without_members(payload: ScimGroupPayload) -> ScimGroupPayload:
    desired = payload.copy()
    desired.pop("members", None)
    return desired
