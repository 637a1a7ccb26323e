"""Planning users: each source record becomes Create, Update, Disable, Skip or NoChange.

For each source user: map, scope, match (state links first, then the target), compare. An
unchanged user (same hash as last written) costs no request; one whose record hash holds
(app.sync.planner.fingerprints) is not even mapped. A changed one is read from the target
only then, to show each modified property old -> new. Unknown users are matched with one
filter query each when they are few, or against one page-by-page listing of the target when
they are many (a first cycle). Linked users the source no longer gives are disabled (or
deleted, or kept, as the profile's safety settings say). Planning gives the event loop a
turn every SLICE_SECONDS (the GUI stays responsive during a 100,000-user plan).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.directory.base import SourceRead, SourceUser
from app.errors import UserFacingError
from app.gc_pause import paused_gc
from app.messages import Message
from app.sync import plan as p
from app.sync import plan_messages as said
from app.sync.mapping import put_reference
from app.sync.matching import (
    MatchResult,
    TargetIndex,
    match_in,
    patch_operations,
    payload_hash,
    top_level_attributes,
)
from app.sync.plan import Action, PlannedOperation
from app.sync.planner.contracts import Mapper, PlannerOptions, ScopeCheck
from app.sync.planner.fingerprints import record_tag, source_record_hash
from app.sync.planner.operations import (
    SKIPPED_REMOVAL,
    disable,
    is_active,
    no_change,
    no_change_link,
    skip,
    skip_link,
    unreadable_skip,
    user_key,
)
from app.sync.planner.reads import TargetReads
from app.sync.planner.references import References
from app.sync.state.records import Link
from app.webex.errors import ProtocolError
from app.webex.shapes import ScimUserPayload

# The event loop gets a turn at least this often while the planner maps users, so that a
# 10,000-user plan made in the GUI never freezes the window (a repaint of the window can
# come in the same turn: benchmark P4 allows 50 ms in all).
SLICE_SECONDS = 0.005
# Unchanged users planned between two looks at the clock (a look costs a tenth of planning
# one); the clock is read before mapping each other user.
SLICE_CHECK_EVERY = 64
# Requests started together by one asyncio.gather (each waits for the read semaphore).
GATHER_CHUNK = 256


@dataclass(slots=True)
class _Pending:
    """A source user whose action needs the target (unknown, or changed since last write)."""

    user: SourceUser
    desired: ScimUserPayload
    link: Link | None
    record: str = ""  # source_record_hash, stored with the link once written
    keys: list[tuple[str, str]] | None = None  # matching keys, worked out once
    digest: str = ""  # payload_hash(desired), when already worked out
    # References (target path -> referenced user's target id) resolved through the links,
    # and those that wait (target path -> the referenced user's source id).
    resolved: dict[str, str] | None = None
    waiting: dict[str, str] | None = None


class _Slicer:
    """Tells when the planner has worked SLICE_SECONDS without giving the event loop a turn."""

    __slots__ = ("deadline",)

    def __init__(self) -> None:
        self.deadline = time.perf_counter() + SLICE_SECONDS

    def due(self) -> bool:
        return time.perf_counter() >= self.deadline

    async def pause(self) -> None:
        await asyncio.sleep(0)
        self.deadline = time.perf_counter() + SLICE_SECONDS


class UserPlanner:
    """The users' part of a plan."""

    def __init__(
        self,
        mapper: Mapper,
        reads: TargetReads,
        references: References,
        *,
        user_links: Mapping[str, Link],
        scope: ScopeCheck,
        options: PlannerOptions,
    ) -> None:
        self.mapper = mapper
        self.reads = reads
        self.references = references
        self.user_links = user_links
        self.scope = scope
        self.options = options
        self._ready: Callable[[PlannedOperation], None] | None = None
        # The listing of the target's users, made while planning the records when creations
        # are sent ahead (see _hold_or_match), and how many unknown users came before it.
        self._index: TargetIndex | None = None
        self._unknown = 0

    async def plan(
        self, read: SourceRead, ready: Callable[[PlannedOperation], None] | None
    ) -> list[PlannedOperation]:
        """Every user's operation: the source's records, then the linked users it no
        longer gives, then the reference updates. `ready`: see Planner.plan."""
        self._ready, self._index, self._unknown = ready, None, 0
        ops: list[PlannedOperation] = []
        seen: set[str] = set()
        with paused_gc():  # 100,000 operations built and kept: nothing for the collector
            pending = await self._plan_records(read, ops, seen)

        ops.extend(await self._resolve_pending(pending))
        self._plan_removals(read, ops, seen)
        if self.references.waiting:
            self.references.plan_updates(read, ops)
        return ops

    # -- the source's records -----------------------------------------------------------

    async def _plan_records(
        self, read: SourceRead, ops: list[PlannedOperation], seen: set[str]
    ) -> list[_Pending]:
        """One operation per source user into `ops`; those that need the target returned."""
        pending: list[_Pending] = []
        fingerprint = "" if self.options.compare_always else self.options.fingerprint
        context = read.record_context
        tag = record_tag(fingerprint, context) if fingerprint else ""
        slicer = _Slicer()
        links = self.user_links
        add = ops.append
        # The loop runs once per source user (100,000 in benchmark P2), most of them
        # unchanged: those cost a digest look-up, a comparison and one operation.
        for count, user in enumerate(read.users):
            if not count % SLICE_CHECK_EVERY and slicer.due():
                await slicer.pause()  # let the event loop run (the GUI's repaints)
            source_id = user.source_id
            seen.add(source_id)
            link = links.get(source_id)
            if not fingerprint:
                record = ""
            elif user.digest:
                record = tag + user.digest
            else:
                record = source_record_hash(user, fingerprint, context)
            if (
                record
                and link is not None
                and link.source_hash == record
                and link.active
                and link.hash
            ):
                # The record, the mappings and the filters are those that gave link.hash:
                # mapping again would give the same payload, in scope and enabled as then.
                # (The link's record hash: equal to record, and already kept.)
                add(no_change(user, link, link.hash, link.source_hash))
                continue
            if slicer.due():  # mapping costs more: a look at the clock for each user
                await slicer.pause()
            await self._plan_mapped(user, link, record, ops, pending)
        return pending

    async def _plan_mapped(
        self,
        user: SourceUser,
        link: Link | None,
        record: str,
        ops: list[PlannedOperation],
        pending: list[_Pending],
    ) -> None:
        """A user whose record hash does not show it unchanged: mapped, scoped, and
        compared with what its link remembers; into `ops`, or `pending` when its action
        needs the target."""
        refs: dict[str, str] = {}
        try:
            if self.references.targets:
                desired = self.mapper.user_payload(user, creating=False, references=refs)
            else:
                desired = self.mapper.user_payload(user, creating=False)
        except UserFacingError as error:
            ops.append(skip(user, p.MAPPING_ERROR, error.said(), link))
            return
        in_scope, why = self.scope(user)
        if not in_scope:
            ops.append(self._removal_or_skip(user, link, p.OUT_OF_SCOPE, why))
            return
        if not user.enabled:
            if link is not None and not link.active:
                ops.append(no_change_link(link))
            elif link is not None:
                ops.append(disable(user.source_id, link, p.DISABLED_IN_SOURCE))
            else:
                # Not provisioned yet: is it on the target, active? Then disable it.
                await self._hold_or_match(_Pending(user, desired, None), pending, ops)
            return
        resolved = waiting = None
        if refs:
            resolved, waiting = self.references.resolve(desired, refs)
        if waiting:
            # The payload hash carries the waiting references, and the link no record
            # hash: the user is mapped again until they are set.
            digest = self.references.wait(user.source_id, waiting, desired, record)
            record = ""
        else:
            digest = payload_hash(desired)
        compare_always = self.options.compare_always
        if link is not None and link.active and link.hash == digest and not compare_always:
            op = no_change(user, link, digest, record)
            # Same payload from another record (or a link without its record hash):
            # remember this record, so that the next cycle skips the mapping.
            op.relink = bool(record) and link.source_hash != record
            ops.append(op)
            return
        item = _Pending(
            user, desired, link, record, digest=digest, resolved=resolved, waiting=waiting
        )
        await self._hold_or_match(item, pending, ops)

    async def _hold_or_match(
        self, item: _Pending, pending: list[_Pending], ops: list[PlannedOperation]
    ) -> None:
        """Keep a user whose action needs the target for _resolve_pending; or, when
        creations are sent while planning and the target's users are to be listed anyway
        (more than list_target_above unknown users), list them now and match each unknown
        user as soon as it is planned: the first Bulk request of a first cycle leaves
        before the rest of the source is mapped (benchmark P1). The same listing and the
        same matches as _resolve_pending's; only sooner."""
        pending.append(item)
        if item.link is not None or self._ready is None:
            return
        if self._index is None:
            self._unknown += 1
            if self._unknown <= self.options.list_target_above:
                return
            self._index = await self._list_users()
            unknown = [held for held in pending if held.link is None]
            pending[:] = [held for held in pending if held.link is not None]
        else:
            unknown = [pending.pop()]
        for held in unknown:
            await self._match_unknown(held, self._index, ops)

    async def _match_unknown(
        self, item: _Pending, index: TargetIndex, ops: list[PlannedOperation]
    ) -> None:
        """Match a user the target may have against its listing, into `ops`; a creation is
        handed to `ready` at once."""
        planned = await self._unknown_op(item, index)
        ops.extend(planned)
        if self._ready is not None:
            for op in planned:
                if op.action == Action.CREATE and op.object_type == "User":
                    self._ready(op)

    def _plan_removals(self, read: SourceRead, ops: list[PlannedOperation], seen: set[str]) -> None:
        """Linked users the source no longer lists, unassigned or deleted: into `ops`."""
        safety = self.options.safety
        removed_ids: list[tuple[str, str]] = []  # (source id, reason)
        if read.full:
            skipped_ids = {left_out.source_id for left_out in read.skipped}
            removed_ids.extend(
                (source_id, p.MISSING_FROM_SOURCE)
                for source_id in self.user_links
                if source_id not in seen and source_id not in skipped_ids
            )
        removed_ids.extend((source_id, p.UNASSIGNED) for source_id in read.unassigned_user_ids)
        for source_id, reason in removed_ids:
            link = self.user_links.get(source_id)
            if link is None:
                continue
            if not link.active:
                ops.append(no_change_link(link))
            elif safety.skip_out_of_scope_deletions:
                ops.append(skip_link(link, p.OUT_OF_SCOPE_DELETIONS_SKIPPED, SKIPPED_REMOVAL))
            else:
                ops.append(disable(source_id, link, reason))
        for source_id in read.deleted_user_ids:
            link = self.user_links.get(source_id)
            if link is None:
                continue
            if safety.allow_hard_delete:
                ops.append(
                    PlannedOperation(
                        object_type="User",
                        action=Action.DELETE,
                        source_id=source_id,
                        key=link.user_name,
                        target_id=link.target_id,
                        reason=p.DELETED_IN_SOURCE,
                        detail=said.DELETED_IN_SOURCE.english,
                        coded_detail=said.DELETED_IN_SOURCE(),
                    )
                )
            elif link.active:
                ops.append(disable(source_id, link, p.DELETED_IN_SOURCE))
            else:
                ops.append(no_change_link(link))

    def _removal_or_skip(
        self, user: SourceUser, link: Link | None, reason: str, why: str | Message
    ) -> PlannedOperation:
        """An out-of-scope user: disable what we provisioned, else skip with the reason."""
        if link is None:
            return skip(user, reason, why or said.OUT_OF_SCOPE(), None)
        if not link.active:
            return no_change_link(link)
        if self.options.safety.skip_out_of_scope_deletions:
            return skip_link(link, p.OUT_OF_SCOPE_DELETIONS_SKIPPED, SKIPPED_REMOVAL)
        op = disable(user.source_id, link, reason)
        if why:
            op.coded_detail = said.OUT_OF_SCOPE_WHY(why=why)
            op.detail = op.coded_detail.english
        return op

    async def _resolve_pending(self, pending: list[_Pending]) -> list[PlannedOperation]:
        """Read the target for users whose action depends on it."""
        if not pending:
            return []
        linked = [item for item in pending if item.link is not None]
        unknown = [item for item in pending if item.link is None]
        slicer = _Slicer()
        if self._index is None and len(unknown) <= self.options.list_target_above:
            return await self._gathered(
                [
                    *(self._linked_op(item) for item in linked),
                    *(self._unknown_op(item, None) for item in unknown),
                ]
            )
        index = self._index or await self._list_users()
        ops = await self._gathered([self._linked_op(item) for item in linked])
        # Matched against the listing: no request per user, so one after the other, with
        # turns for the event loop (thousands of coroutines at once would hold it).
        for item in unknown:
            if slicer.due():
                await slicer.pause()
            await self._match_unknown(item, index, ops)
        return ops

    @staticmethod
    async def _gathered(
        operations: Sequence[Coroutine[Any, Any, list[PlannedOperation]]],
    ) -> list[PlannedOperation]:
        """The operations of coroutines that read the target, in their order, a chunk at a
        time (the read semaphore bounds the requests in flight)."""
        ops: list[PlannedOperation] = []
        for start in range(0, len(operations), GATHER_CHUNK):
            for result in await asyncio.gather(*operations[start : start + GATHER_CHUNK]):
                ops.extend(result)
        return ops

    async def _list_users(self) -> TargetIndex:
        """Every user of the target, indexed by each attribute users are matched on (a
        user without a value for any is matched on its userName)."""
        keys = self.mapper.matching_attributes
        attributes: list[str] | None = None
        if self.options.managed_user_paths:
            attributes = top_level_attributes(
                ["userName", "externalId", "active", *keys, *self.options.managed_user_paths]
            )
        index = TargetIndex(
            attributes=sorted({*keys, "userName"}), case_sensitive=self.options.case_sensitive
        )
        return await self.reads.listing("User", index, attributes)

    def _pending_keys(self, item: _Pending) -> list[tuple[str, str]]:
        if item.keys is None:
            item.keys = self._keys(item.user, item.desired)
        return item.keys

    def _keys(
        self, user: SourceUser, desired: Mapping[str, Any] | None = None
    ) -> list[tuple[str, str]]:
        keys = [(a, v) for a, v in self.mapper.matching_keys(user, desired) if v not in (None, "")]
        return keys or [("userName", user.user_name)]

    async def _match_user(self, item: _Pending, index: TargetIndex | None) -> MatchResult:
        keys = self._pending_keys(item)
        if index is not None:
            return match_in((attr, index.lookup(attr, value)) for attr, value in keys)
        for attribute, value in keys:
            if self.reads.filterable("User", attribute):
                found: Sequence[Mapping[str, Any]] = await self.reads.search(
                    "User", attribute, value
                )
            else:
                # Not a filter the target takes (Webex's table has no externalId): the
                # target's listing, made once for the whole plan.
                found = (await self._user_listing()).lookup(attribute, value)
            if found:
                return match_in([(attribute, found)])
        return MatchResult()

    async def _user_listing(self) -> TargetIndex:
        async with self.reads.listing_lock:
            if self._index is None:
                self._index = await self._list_users()
            return self._index

    def _unreadable_match(self, rt: str, keys: Sequence[tuple[str, str]]) -> str | None:
        """The id of a target resource the client could not read (it does not match its
        schema) that one of these keys names: such a user is neither matched nor created."""
        unreadable = self.reads.unreadable(rt)
        if not unreadable:
            return None
        index = TargetIndex(
            attributes=sorted({a for a, _ in keys}), case_sensitive=self.options.case_sensitive
        )
        index.extend(u.resource for u in unreadable)
        for attribute, value in keys:
            for resource in index.lookup(attribute, value):
                return str(resource.get("id", "")) or "unknown"
        return None

    async def _linked_op(self, item: _Pending) -> list[PlannedOperation]:
        assert item.link is not None
        try:
            current = await self.reads.get("User", item.link.target_id)
        except ProtocolError as error:
            problem = error.coded_message or error.message
            return [unreadable_skip(item.user, item.link.target_id, problem, item.link)]
        if current is None:
            # The target user is gone (deleted in Control Hub): match again, or create.
            return await self._unknown_op(
                _Pending(
                    item.user,
                    item.desired,
                    None,
                    item.record,
                    digest=item.digest,
                    resolved=item.resolved,
                    waiting=item.waiting,
                ),
                None,
            )
        return [
            self._compare(item.user, item.desired, current, item.record, item.digest, item.waiting)
        ]

    async def _unknown_op(
        self, item: _Pending, index: TargetIndex | None
    ) -> list[PlannedOperation]:
        user = item.user
        match = await self._match_user(item, index)
        if match.duplicate:
            return [
                skip(
                    user,
                    p.DUPLICATE_TARGET_ENTRIES,
                    said.DUPLICATE_USERS(
                        count=len(match.duplicates),
                        attribute=match.attribute,
                        ids=", ".join(match.duplicates),
                    ),
                    None,
                )
            ]
        if match.target is None:
            unreadable = self._unreadable_match("User", self._pending_keys(item))
            if unreadable is not None:
                return [unreadable_skip(user, unreadable, "", None)]
            if not user.enabled:
                return [skip(user, p.DISABLED_IN_SOURCE, said.DISABLED_IN_SOURCE(), None)]
            return [self._create(user, item.desired, item.record, item.digest, item.resolved)]
        if not user.enabled:
            target_id = str(match.target.get("id", ""))
            link = Link("User", user.source_id, target_id, user.user_name, "", True)
            if is_active(match.target):
                return [disable(user.source_id, link, p.DISABLED_IN_SOURCE)]
            op = no_change_link(link)
            op.relink, op.active = True, False
            return [op]
        return [
            self._compare(user, item.desired, match.target, item.record, item.digest, item.waiting)
        ]

    def _create(
        self,
        user: SourceUser,
        desired: ScimUserPayload,
        record: str = "",
        digest: str = "",
        resolved: Mapping[str, str] | None = None,
    ) -> PlannedOperation:
        try:
            if self.references.targets:
                payload = self.mapper.user_payload(user, creating=True, references={})
                for target, target_id in (resolved or {}).items():
                    put_reference(payload, target, target_id)
            else:
                payload = self.mapper.create_payload(user, desired)
        except UserFacingError as error:
            return skip(user, p.MAPPING_ERROR, error.said(), None)
        changes = self.mapper.diff_user({}, payload)
        return PlannedOperation(
            object_type="User",
            action=Action.CREATE,
            source_id=user.source_id,
            key=user_key(user, desired),
            changes=self.references.shown(changes) if resolved else changes,
            payload=payload,
            payload_hash=digest or payload_hash(desired),
            source_hash=record,
            active=is_active(desired),
        )

    def _compare(
        self,
        user: SourceUser,
        desired: ScimUserPayload,
        current: Mapping[str, Any],
        record: str = "",
        digest: str = "",
        waiting: Mapping[str, str] | None = None,
    ) -> PlannedOperation:
        changes = self.mapper.diff_user(current, desired)
        if waiting:
            # Left alone now; the reference update sets it (or nothing, with a note).
            changes = self.references.left_alone(user.source_id, waiting, changes, current)
        patch = patch_operations(changes, desired, current)
        op = PlannedOperation(
            object_type="User",
            action=Action.UPDATE if changes else Action.NO_CHANGE,
            source_id=user.source_id,
            key=user_key(user, desired),
            target_id=str(current.get("id", "")),
            changes=self.references.shown(changes) if self.references.targets else changes,
            payload=desired,
            payload_hash=digest or payload_hash(desired),
            source_hash=record,
            active=is_active(desired),
            patch=patch,
        )
        op.relink = not changes
        return op


def source_skips(read: SourceRead) -> list[PlannedOperation]:
    """The users the source itself left out (a CSV row without a userName, say)."""
    return [
        PlannedOperation(
            object_type="User",
            action=Action.SKIP,
            source_id=left_out.source_id,
            key=left_out.user_name,
            reason=left_out.reason,
            detail=left_out.detail or left_out.reason,
            coded_detail=left_out.coded_detail,
        )
        for left_out in read.skipped
    ]
