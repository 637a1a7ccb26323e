"""The planner: from what the source says and what the state remembers, one action per object.

For each source user: map, scope, match (state links first, then the target), compare.
An unchanged user (same hash as last written) costs no request. A changed one is read
from the target only then, to show each modified property old -> new. Unknown users are
matched with one filter query each when they are few, or against one page-by-page
listing of the target when they are many (a first cycle).

An unchanged source record is not even mapped: each link keeps, beside the hash of the
payload last written, the hash of the source record that gave it, salted with the
fingerprint of the mappings and scoping filters (source_record_hash, mapping_fingerprint).
The payload is a function of the record and the mappings alone, and so is the scope, so
while both hashes hold the user is planned NoChange at the cost of one hash. Any change of
the record (an attribute, the enabled flag, the user name), of a mapping, of a scoping
filter or of the program's version gives another hash, and the user is mapped and compared
as before. A source that hashes its raw records (a CSV file: SourceUser.digest) saves even
that hash: the record hash is then a tag of the fingerprint and the read's record_context
followed by the digest, and an unchanged user costs a look-up, a comparison and one
operation (benchmark P2). Planning gives the event loop a turn every SLICE_SECONDS (the
GUI stays responsive during a 100,000-user plan).

References to other users (a mapping to the enterprise manager.value, see
Mapper.user_reference_targets) give the referenced user's *source* id; the target wants
its target id. A manager already linked is resolved at once (its target id is in the
payload, so the payload hash changes when the manager does). A manager that this plan
creates (or matches) has no target id yet: the user's own operation leaves the attribute
alone, and a second operation (Update, reason SetReferences, the manager's source id in
`member_source_ids`) sets it once the manager exists; the executor runs those after every
other user operation. A manager that is not provisioned at all leaves the attribute alone,
with a note. While a reference waits, the user's payload hash carries a marker of it and
its link keeps no record hash, so that later cycles map the user again and set the
reference as soon as the manager is there. Nothing of this runs without such a mapping.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import marshal
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.config.rules import MappingSet, ScopingFilter
from app.directory.base import SourceGroup, SourceRead, SourceUser
from app.errors import UserFacingError
from app.gc_pause import paused_gc
from app.sync import plan as p
from app.sync.events import Change
from app.sync.mapping import flatten, put_reference
from app.sync.matching import (
    MatchResult,
    TargetIndex,
    equality_filter,
    match_in,
    normalize_key,
    patch_operations,
    payload_hash,
    top_level_attributes,
)
from app.sync.plan import Action, Plan, PlannedOperation
from app.sync.safety import SafetySettings
from app.sync.state.records import Link
from app.webex.errors import NotFound, PermissionDenied, ProtocolError

log = logging.getLogger(__name__)

# More unknown users than this: list the target once instead of one query per user.
LIST_TARGET_ABOVE = 25
# The event loop gets a turn at least this often while the planner maps users, so that a
# 10,000-user plan made in the GUI never freezes the window (a repaint of the window can
# come in the same turn: benchmark P4 allows 50 ms in all).
SLICE_SECONDS = 0.005
# Unchanged users planned between two looks at the clock (a look costs a tenth of planning
# one); the clock is read before mapping each other user.
SLICE_CHECK_EVERY = 64
# Requests started together by one asyncio.gather (each waits for the read semaphore).
GATHER_CHUNK = 256
# Part of every mapping fingerprint: raise it when the mapping or scoping code changes what
# a record maps to, so that links written by the old code do not skip the new mapping.
# 2: references (manager.value) are sent as the manager's target id.
# 3: preferredLanguage and locale are sent in Webex's ll_CC form (fr-FR gives fr_FR).
MAPPING_LOGIC_VERSION = "3"
# Key of the marker hashed with a payload whose references wait (never sent).
_WAITING_REFERENCES = "\u0000waiting references"
# Notes about managers that are not provisioned: at most this many, then a count.
REFERENCE_NOTES = 20


def mapping_fingerprint(mappings: MappingSet, scoping: Sequence[ScopingFilter] = ()) -> str:
    """A hash of everything besides the record that decides a user's payload and scope."""
    from app import __version__

    parts = [
        MAPPING_LOGIC_VERSION,
        __version__,
        mappings.model_dump_json(),
        *(f.model_dump_json() for f in scoping),
    ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def record_tag(fingerprint: str, context: str) -> str:
    """What a source-supplied digest is prefixed with in a record hash: the mapping
    fingerprint and the read's record_context, in 16 hex digits."""
    data = f"{fingerprint}\x00{context}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def source_record_hash(user: SourceUser, fingerprint: str, context: str = "") -> str:
    """The hash of one source record under one mapping fingerprint (stored in its link).

    A user with a `digest` (a source that hashed its raw record, e.g. a CSV row): the
    record_tag of the fingerprint and the read's record_context (`context`), then the
    digest. Nothing else is hashed per user: a dry run of 100,000 unchanged users spends
    a fraction of a microsecond on each (benchmark P2).

    Otherwise: a hash of everything of the record that mappings and filters can see
    (app.sync.mapping.user_attributes): its id, user name, enabled flag and attributes, in
    their order (a source that reorders them costs one extra mapping, never a missed
    change). The record is serialised with marshal's version 0, which writes plain data
    (text, numbers, booleans, None, lists, dicts) in C, in order, with its types, and
    without the back-references of later versions that would depend on which objects are
    shared: the same record always gives the same bytes. A value marshal cannot write (no
    source gives one today) falls back to repr(). A Python release that writes marshal
    differently only costs one more mapping of each user.

    The two forms differ in length (48 and 32 hex digits), so one never equals the other.
    """
    if user.digest:
        return record_tag(fingerprint, context) + user.digest
    attributes = user.attributes if type(user.attributes) is dict else dict(user.attributes)
    record = (fingerprint, user.source_id, user.user_name, user.enabled, attributes)
    try:
        data = marshal.dumps(record, 0)
    except ValueError:
        data = repr(record).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Mapper(Protocol):
    """What the planner needs of app.sync.mapping.Mapper."""

    def user_payload(
        self, user: SourceUser, *, creating: bool, references: dict[str, str] | None = None
    ) -> dict[str, Any]: ...

    def group_payload(
        self, group: SourceGroup, member_target_ids: Iterable[str] = (), *, creating: bool = True
    ) -> dict[str, Any]: ...

    @property
    def matching_attributes(self) -> tuple[str, ...]: ...

    def matching_keys(
        self, user: SourceUser, payload: Mapping[str, Any] | None = None
    ) -> list[tuple[str, str]]: ...

    def create_payload(self, user: SourceUser, payload: Mapping[str, Any]) -> dict[str, Any]: ...

    def group_matching_keys(self, group: SourceGroup) -> list[tuple[str, str]]: ...

    def diff_user(
        self, old_payload: Mapping[str, Any], new_payload: Mapping[str, Any]
    ) -> list[Change]: ...

    def diff_group(
        self, old_payload: Mapping[str, Any], new_payload: Mapping[str, Any]
    ) -> list[Change]: ...


class TargetReader(Protocol):
    def search(
        self, rt: str, filter: str | None = None, attributes: Sequence[str] | None = None
    ) -> AsyncIterator[dict[str, Any]]: ...

    async def get(self, rt: str, resource_id: str) -> dict[str, Any]: ...


# Scope check of one source user: (in scope?, why not in plain words).
ScopeCheck = Callable[[SourceUser], tuple[bool, str]]


def everything_in_scope(user: SourceUser) -> tuple[bool, str]:
    return True, ""


@dataclass(slots=True)
class PlannerOptions:
    safety: SafetySettings = field(default_factory=SafetySettings)
    case_sensitive: bool = False
    managed_user_paths: Sequence[str] = ()  # SCIM paths the user mappings write
    managed_group_paths: Sequence[str] = ()
    list_target_above: int = LIST_TARGET_ABOVE
    read_concurrency: int = 8
    # Provisioning on demand: read the target even when the hash says nothing changed.
    compare_always: bool = False
    # mapping_fingerprint() of the profile: with it, an unchanged source record skips the
    # mapping (see the module docstring). Empty: every user is mapped.
    fingerprint: str = ""


@dataclass(slots=True)
class _Pending:
    """A source user whose action needs the target (unknown, or changed since last write)."""

    user: SourceUser
    desired: dict[str, Any]
    link: Link | None
    record: str = ""  # source_record_hash, stored with the link once written
    keys: list[tuple[str, str]] | None = None  # matching keys, worked out once
    digest: str = ""  # payload_hash(desired), when already worked out
    # References (target path -> referenced user's target id) resolved through the links,
    # and those that wait (target path -> the referenced user's source id).
    resolved: dict[str, str] | None = None
    waiting: dict[str, str] | None = None


@dataclass(slots=True)
class _Waiting:
    """A user whose references wait: what the reference update needs once it is planned."""

    references: dict[str, str]  # target path -> referenced user's source id
    desired: dict[str, Any]  # the payload without them (with those resolved)
    record: str  # the user's real source_record_hash
    current: dict[str, Any] = field(default_factory=dict)  # target path -> current target id


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


class Planner:
    """Builds a Plan. Reads the target; never writes to it."""

    def __init__(
        self,
        mapper: Mapper,
        target: TargetReader,
        *,
        user_links: Mapping[str, Link],
        group_links: Mapping[str, Link],
        scope: ScopeCheck = everything_in_scope,
        options: PlannerOptions | None = None,
    ) -> None:
        self.mapper = mapper
        self.target = target
        # Only read here: a dict is kept as it is (100,000 links in benchmark P2).
        self.user_links = user_links if type(user_links) is dict else dict(user_links)
        self.group_links = dict(group_links)
        self.scope = scope
        self.options = options or PlannerOptions()
        self.reads = 0
        self._semaphore = asyncio.Semaphore(max(1, self.options.read_concurrency))
        # Reference mappings (manager.value): empty for most profiles, and then nothing of
        # the reference handling runs.
        self._references: tuple[str, ...] = tuple(getattr(mapper, "user_reference_targets", ()))
        self._reference_paths = frozenset(t.lower() for t in self._references)
        self._ready: Callable[[PlannedOperation], None] | None = None
        self._waiting: dict[str, _Waiting] = {}  # source id -> references that wait
        self._notes: list[str] = []
        self._target_keys: dict[str, str] | None = None  # target id -> key, built when needed
        # The listing of the target's users, made while planning the records when creations
        # are sent ahead (see _hold_or_match), and how many unknown users came before it.
        self._index: TargetIndex | None = None
        self._unknown = 0
        # One listing of the target at most per plan, for the attributes the target does not
        # filter on (Webex: externalId, active; see WebexClient.filterable).
        self._listing_lock = asyncio.Lock()
        self._group_index: TargetIndex | None = None

    # -- entry point --------------------------------------------------------------------

    async def plan(
        self,
        read: SourceRead,
        *,
        ready: Callable[[PlannedOperation], None] | None = None,
    ) -> Plan:
        """The plan of one cycle. `ready`, when given, is handed each user creation that
        no later step of the planning can change, as soon as it is planned (the engine
        sends them while the rest is planned); they are in the plan too."""
        plan = Plan(full=read.full, notes=list(read.notes))
        self._waiting, self._notes = {}, []
        self._index, self._unknown, self._group_index = None, 0, None
        # What the target could not read is what this plan's reads met (a user fixed in
        # Control Hub since the last cycle is readable again).
        unreadable = getattr(self.target, "unreadable", None)
        if isinstance(unreadable, list):
            unreadable.clear()
        # Reference updates may still change a creation once every user is planned.
        self._ready = None if self._references else ready
        user_ops = await self._plan_users(read)
        plan.extend(user_ops)
        plan.notes.extend(self._notes)
        plan.extend(self._plan_source_skips(read))
        plan.extend(await self._plan_groups(read, user_ops))
        plan.target_reads = self.reads
        return plan

    # -- users --------------------------------------------------------------------------

    async def _plan_users(self, read: SourceRead) -> list[PlannedOperation]:
        ops: list[PlannedOperation] = []
        seen: set[str] = set()
        with paused_gc():  # 100,000 operations built and kept: nothing for the collector
            pending = await self._plan_user_records(read, ops, seen)

        ops.extend(await self._resolve_pending(pending))
        self._plan_removals(read, ops, seen)
        if self._waiting:
            self._plan_reference_updates(read, ops)
        return ops

    async def _plan_user_records(
        self, read: SourceRead, ops: list[PlannedOperation], seen: set[str]
    ) -> list[_Pending]:
        """One operation per source user into `ops`; those that need the target returned."""
        pending: list[_Pending] = []
        compare_always = self.options.compare_always
        fingerprint = "" if compare_always else self.options.fingerprint
        context = read.record_context
        tag = record_tag(fingerprint, context) if fingerprint else ""
        references = self._references
        refs: dict[str, str] = {}
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
                add(_no_change(user, link, link.hash, link.source_hash))
                continue
            if slicer.due():  # mapping costs more: a look at the clock for each user
                await slicer.pause()
            try:
                if references:
                    refs = {}
                    desired = self.mapper.user_payload(user, creating=False, references=refs)
                else:
                    desired = self.mapper.user_payload(user, creating=False)
            except UserFacingError as error:
                ops.append(_skip(user, p.MAPPING_ERROR, str(error), link))
                continue
            in_scope, why = self.scope(user)
            if not in_scope:
                ops.append(self._removal_or_skip(user, link, p.OUT_OF_SCOPE, why))
                continue
            if not user.enabled:
                if link is not None and not link.active:
                    ops.append(_no_change_link(link))
                elif link is not None:
                    ops.append(self._disable(user.source_id, link, p.DISABLED_IN_SOURCE))
                else:
                    # Not provisioned yet: is it on the target, active? Then disable it.
                    await self._hold_or_match(_Pending(user, desired, None), pending, ops)
                continue
            resolved = waiting = None
            if references and refs:
                resolved, waiting = self._resolve_references(desired, refs)
            if waiting:
                # The payload hash carries the waiting references, and the link no record
                # hash: the user is mapped again until they are set.
                self._waiting[user.source_id] = _Waiting(waiting, desired, record)
                digest = payload_hash({**desired, _WAITING_REFERENCES: sorted(waiting.items())})
                record = ""
            else:
                digest = payload_hash(desired)
            if link is not None and link.active and link.hash == digest and not compare_always:
                op = _no_change(user, link, digest, record)
                # Same payload from another record (or a link without its record hash):
                # remember this record, so that the next cycle skips the mapping.
                op.relink = bool(record) and link.source_hash != record
                ops.append(op)
                continue
            await self._hold_or_match(
                _Pending(
                    user,
                    desired,
                    link,
                    record,
                    digest=digest,
                    resolved=resolved,
                    waiting=waiting,
                ),
                pending,
                ops,
            )
        return pending

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
            skipped_ids = {skip.source_id for skip in read.skipped}
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
                ops.append(_no_change_link(link))
            elif safety.skip_out_of_scope_deletions:
                ops.append(_skip_link(link, p.OUT_OF_SCOPE_DELETIONS_SKIPPED, _SKIPPED_REMOVAL))
            else:
                ops.append(self._disable(source_id, link, reason))
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
                        detail="deleted in the source",
                    )
                )
            elif link.active:
                ops.append(self._disable(source_id, link, p.DELETED_IN_SOURCE))
            else:
                ops.append(_no_change_link(link))

    def _removal_or_skip(
        self, user: SourceUser, link: Link | None, reason: str, why: str
    ) -> PlannedOperation:
        """An out-of-scope user: disable what we provisioned, else skip with the reason."""
        if link is None:
            return _skip(user, reason, why or "out of scope", None)
        if not link.active:
            return _no_change_link(link)
        if self.options.safety.skip_out_of_scope_deletions:
            return _skip_link(link, p.OUT_OF_SCOPE_DELETIONS_SKIPPED, _SKIPPED_REMOVAL)
        op = self._disable(user.source_id, link, reason)
        if why:
            op.detail = f"out of scope: {why}"
        return op

    @staticmethod
    def _disable(source_id: str, link: Link, reason: str) -> PlannedOperation:
        return PlannedOperation(
            object_type="User",
            action=Action.DISABLE,
            source_id=source_id,
            key=link.user_name,
            target_id=link.target_id,
            changes=[("active", True, False)],
            payload={"active": False},
            reason=reason,
            detail=_REMOVAL_WORDS.get(reason, reason),
            active=False,
        )

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
        self.reads += 1
        async for resource in self.target.search("User", attributes=attributes):
            index.add(resource)
        return index

    def _pending_keys(self, item: _Pending) -> list[tuple[str, str]]:
        if item.keys is None:
            item.keys = self._keys(item.user, item.desired)
        return item.keys

    def _keys(
        self, user: SourceUser, desired: Mapping[str, Any] | None = None
    ) -> list[tuple[str, str]]:
        keys = [(a, v) for a, v in self.mapper.matching_keys(user, desired) if v not in (None, "")]
        return keys or [("userName", user.user_name)]

    async def _search(self, rt: str, attribute: str, value: str) -> list[dict[str, Any]]:
        async with self._semaphore:
            self.reads += 1
            found = [
                r async for r in self.target.search(rt, filter=equality_filter(attribute, value))
            ]
        if self.options.case_sensitive:
            found = [r for r in found if _value(r, attribute) == value]
        return found

    async def _get(self, rt: str, target_id: str) -> dict[str, Any] | None:
        async with self._semaphore:
            self.reads += 1
            try:
                return await self.target.get(rt, target_id)
            except NotFound:
                return None

    async def _match_user(self, item: _Pending, index: TargetIndex | None) -> MatchResult:
        keys = self._pending_keys(item)
        if index is not None:
            return match_in((attr, index.lookup(attr, value)) for attr, value in keys)
        for attribute, value in keys:
            if self._filterable("User", attribute):
                found: Sequence[Mapping[str, Any]] = await self._search("User", attribute, value)
            else:
                # Not a filter the target takes (Webex's table has no externalId): the
                # target's listing, made once for the whole plan.
                found = (await self._user_listing()).lookup(attribute, value)
            if found:
                return match_in([(attribute, found)])
        return MatchResult()

    def _filterable(self, rt: str, attribute: str) -> bool:
        """Does the target filter on this attribute? (A reader that does not say: yes.)"""
        filterable = getattr(self.target, "filterable", None)
        return True if filterable is None else bool(filterable(rt, attribute))

    async def _user_listing(self) -> TargetIndex:
        async with self._listing_lock:
            if self._index is None:
                self._index = await self._list_users()
            return self._index

    def _unreadable_match(self, rt: str, keys: Sequence[tuple[str, str]]) -> str | None:
        """The id of a target resource the client could not read (it does not match its
        schema) that one of these keys names: such a user is neither matched nor created."""
        unreadable = [u for u in getattr(self.target, "unreadable", ()) if u.resource_type == rt]
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
            current = await self._get("User", item.link.target_id)
        except ProtocolError as error:
            return [_unreadable_skip(item.user, item.link.target_id, error.message, item.link)]
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
                _skip(
                    user,
                    p.DUPLICATE_TARGET_ENTRIES,
                    f"{len(match.duplicates)} target users share this {match.attribute} "
                    f"({', '.join(match.duplicates)}); none was chosen",
                    None,
                )
            ]
        if match.target is None:
            unreadable = self._unreadable_match("User", self._pending_keys(item))
            if unreadable is not None:
                return [_unreadable_skip(user, unreadable, "", None)]
            if not user.enabled:
                return [_skip(user, p.DISABLED_IN_SOURCE, "disabled in the source", None)]
            return [self._create(user, item.desired, item.record, item.digest, item.resolved)]
        if not user.enabled:
            target_id = str(match.target.get("id", ""))
            link = Link("User", user.source_id, target_id, user.user_name, "", True)
            if _is_active(match.target):
                return [self._disable(user.source_id, link, p.DISABLED_IN_SOURCE)]
            op = _no_change_link(link)
            op.relink, op.active = True, False
            return [op]
        return [
            self._compare(user, item.desired, match.target, item.record, item.digest, item.waiting)
        ]

    def _create(
        self,
        user: SourceUser,
        desired: dict[str, Any],
        record: str = "",
        digest: str = "",
        resolved: Mapping[str, str] | None = None,
    ) -> PlannedOperation:
        try:
            if self._references:
                payload = self.mapper.user_payload(user, creating=True, references={})
                for target, target_id in (resolved or {}).items():
                    put_reference(payload, target, target_id)
            else:
                payload = self.mapper.create_payload(user, desired)
        except UserFacingError as error:
            return _skip(user, p.MAPPING_ERROR, str(error), None)
        changes = self.mapper.diff_user({}, payload)
        return PlannedOperation(
            object_type="User",
            action=Action.CREATE,
            source_id=user.source_id,
            key=_user_key(user, desired),
            changes=self._shown(changes) if resolved else changes,
            payload=payload,
            payload_hash=digest or payload_hash(desired),
            source_hash=record,
            active=_is_active(desired),
        )

    def _compare(
        self,
        user: SourceUser,
        desired: dict[str, Any],
        current: Mapping[str, Any],
        record: str = "",
        digest: str = "",
        waiting: Mapping[str, str] | None = None,
    ) -> PlannedOperation:
        changes = self.mapper.diff_user(current, desired)
        if waiting:
            # Left alone now; the reference update sets it (or nothing, with a note).
            paths = {path.lower() for path in waiting}
            changes = [c for c in changes if c[0].lower() not in paths]
            values = {k.lower(): v for k, v in flatten(current).items()}
            self._waiting[user.source_id].current = {
                path: str(values[path.lower()])
                for path in waiting
                if values.get(path.lower()) not in (None, "")
            }
        patch = patch_operations(changes, desired, current)
        op = PlannedOperation(
            object_type="User",
            action=Action.UPDATE if changes else Action.NO_CHANGE,
            source_id=user.source_id,
            key=_user_key(user, desired),
            target_id=str(current.get("id", "")),
            changes=self._shown(changes) if self._references else changes,
            payload=desired,
            payload_hash=digest or payload_hash(desired),
            source_hash=record,
            active=_is_active(desired),
            patch=patch,
        )
        op.relink = not changes
        return op

    # -- references (manager.value) -----------------------------------------------------

    def _resolve_references(
        self, desired: dict[str, Any], refs: Mapping[str, str]
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

    def _key_of_target(self, target_id: Any) -> Any:
        """The key (userName) of a linked target user, for the plan; else the id itself."""
        if self._target_keys is None:
            self._target_keys = {
                link.target_id: link.user_name for link in self.user_links.values()
            }
        return self._target_keys.get(str(target_id), target_id)

    def _shown(self, changes: list[Change]) -> list[Change]:
        """Changes as the plan shows them: a reference by the user's key, not an opaque id."""
        paths = self._reference_paths
        if not any(c[0].lower() in paths for c in changes):
            return changes
        return [
            (path, self._key_of_target(old), self._key_of_target(new))
            if path.lower() in paths
            else (path, old, new)
            for path, old, new in changes
        ]

    def _plan_reference_updates(self, read: SourceRead, ops: list[PlannedOperation]) -> None:
        """References that wait: an update after the referenced users' own operations, or a
        note when the referenced user is not provisioned (the attribute is left alone)."""
        by_source = {op.source_id: op for op in ops if op.object_type == "User"}
        missing: dict[str, tuple[str, list[str]]] = {}  # source id -> (label, keys waiting)
        names: dict[str, str] | None = None
        updates: list[PlannedOperation] = []
        for source_id, waiting in self._waiting.items():
            own = by_source.get(source_id)
            if own is None or own.action not in (Action.CREATE, Action.UPDATE, Action.NO_CHANGE):
                continue  # not provisioned, or going away: nothing to refer from
            changes: list[Change] = []
            referenced: list[str] = []
            words: list[str] = []
            for target, ref in waiting.references.items():
                label = _reference_label(target)
                other = by_source.get(ref) or by_source.get(ref.lower())
                if other is not None and other.source_id != source_id and _will_exist(other):
                    old = waiting.current.get(target)
                    changes.append((target, self._key_of_target(old) if old else None, other.key))
                    referenced.append(other.source_id)
                    words.append(f"{label} {other.key} is provisioned in this cycle: set after it")
                    continue
                if names is None:
                    # Who the referenced user is, when the source read it (out of scope,
                    # left out): its user name; else its id is all there is.
                    names = {u.source_id: u.user_name for u in read.users}
                    names.update((s.source_id, s.user_name) for s in read.skipped if s.user_name)
                name = names.get(ref) or ref
                missing.setdefault(ref, (f"{label} {name}", []))[1].append(own.key)
                if own.writes:
                    own.detail = _joined(own.detail, f"{label} {name} is not provisioned")
            if changes:
                updates.append(
                    PlannedOperation(
                        object_type="User",
                        action=Action.UPDATE,
                        source_id=source_id,
                        key=own.key,
                        target_id=own.target_id,
                        changes=changes,
                        payload=waiting.desired,
                        reason=p.SET_REFERENCES,
                        detail="; ".join(words),
                        payload_hash=own.payload_hash,
                        source_hash=waiting.record,
                        member_source_ids=tuple(referenced),
                        active=own.active,
                    )
                )
        ops.extend(updates)
        for count, (who, keys) in enumerate(sorted(missing.values())):
            if count == REFERENCE_NOTES:
                self._notes.append(
                    f"... and {len(missing) - count} more referenced users are not provisioned."
                )
                break
            shown = ", ".join(sorted(keys)[:3])
            if len(keys) > 3:
                shown += f" and {len(keys) - 3} more"
            label = who.split(" ", 1)[0]
            self._notes.append(
                f"{who} is not provisioned: the {label} of {shown} is left as it is."
            )

    # -- source skips -------------------------------------------------------------------

    @staticmethod
    def _plan_source_skips(read: SourceRead) -> list[PlannedOperation]:
        return [
            PlannedOperation(
                object_type="User",
                action=Action.SKIP,
                source_id=skip.source_id,
                key=skip.user_name,
                reason=skip.reason,
                detail=skip.detail or skip.reason,
            )
            for skip in read.skipped
        ]

    # -- groups -------------------------------------------------------------------------

    async def _plan_groups(
        self, read: SourceRead, user_ops: Sequence[PlannedOperation]
    ) -> list[PlannedOperation]:
        if not read.groups and not read.deleted_group_ids and not self.group_links:
            return []  # no group now, none provisioned before: nothing to plan
        # Users that exist on the target after this cycle, by source id -> key.
        provisioned: dict[str, str] = {
            source_id: link.user_name for source_id, link in self.user_links.items()
        }
        for op in user_ops:
            if op.action == Action.CREATE or (op.target_id and op.action != Action.DELETE):
                provisioned[op.source_id] = op.key
            elif op.action == Action.DELETE:
                provisioned.pop(op.source_id, None)
        user_key_by_target = {link.target_id: link.user_name for link in self.user_links.values()}
        for op in user_ops:
            if op.target_id:
                user_key_by_target[op.target_id] = op.key
        managed_targets = set(user_key_by_target)

        ops: list[PlannedOperation] = []
        pending: list[tuple[SourceGroup, dict[str, Any], tuple[str, ...], str, Link | None]] = []
        seen: set[str] = set()
        for group in read.groups:
            seen.add(group.source_id)
            members = tuple(sorted(m for m in group.member_ids if m in provisioned))
            try:
                desired = _without_members(self.mapper.group_payload(group, []))
            except UserFacingError as error:
                ops.append(
                    PlannedOperation(
                        object_type="Group",
                        action=Action.SKIP,
                        source_id=group.source_id,
                        key=group.display_name,
                        reason=p.MAPPING_ERROR,
                        detail=str(error),
                    )
                )
                continue
            digest = payload_hash({**desired, "members": list(members)})
            link = self.group_links.get(group.source_id)
            if link is not None and link.hash == digest and not self.options.compare_always:
                ops.append(_no_change_link(link))
                continue
            pending.append((group, desired, members, digest, link))

        async def plan_one(
            group: SourceGroup,
            desired: dict[str, Any],
            members: tuple[str, ...],
            digest: str,
            link: Link | None,
        ) -> PlannedOperation:
            current: Mapping[str, Any] | None = None
            own_answer = False  # current is the group's own answer (GET /Groups/{id})
            if link is not None:
                current = await self._get("Group", link.target_id)
                own_answer = current is not None
            if current is None:
                match = await self._match_group(group, desired)
                if match.duplicate:
                    return PlannedOperation(
                        object_type="Group",
                        action=Action.SKIP,
                        source_id=group.source_id,
                        key=group.display_name,
                        reason=p.DUPLICATE_TARGET_ENTRIES,
                        detail=f"{len(match.duplicates)} target groups share this "
                        f"{match.attribute} ({', '.join(match.duplicates)}); none was chosen",
                    )
                current = match.target
            key = str(desired.get("displayName") or group.display_name)
            member_keys = [provisioned[m] for m in members]
            if current is None:
                return PlannedOperation(
                    object_type="Group",
                    action=Action.CREATE,
                    source_id=group.source_id,
                    key=key,
                    changes=[
                        *_attribute_changes(self.mapper.diff_group({}, desired)),
                        ("members", None, member_keys),
                    ],
                    payload=desired,
                    payload_hash=digest,
                    member_source_ids=members,
                )
            current_ids = await self._group_member_ids(current, own_answer)
            changes: list[Change] = _attribute_changes(self.mapper.diff_group(current, desired))
            wanted_targets = {self.user_links[m].target_id for m in members if m in self.user_links}
            pending_creates = [m for m in members if m not in self.user_links]
            removed = sorted(
                user_key_by_target.get(t, t)
                for t in current_ids
                if t in managed_targets and t not in wanted_targets
            )
            added = sorted(
                [user_key_by_target.get(t, t) for t in wanted_targets if t not in current_ids]
                + [provisioned[m] for m in pending_creates]
            )
            if removed or added:
                changes.append(("members", removed or None, added or None))
            op = PlannedOperation(
                object_type="Group",
                action=Action.UPDATE if changes else Action.NO_CHANGE,
                source_id=group.source_id,
                key=key,
                target_id=str(current.get("id", "")),
                changes=changes,
                payload=desired,
                payload_hash=digest,
                member_source_ids=members,
                current_member_ids=current_ids,
                patch=patch_operations(_attribute_changes(changes), desired, current),
            )
            op.relink = not changes
            return op

        async def planned(
            item: tuple[SourceGroup, dict[str, Any], tuple[str, ...], str, Link | None],
        ) -> PlannedOperation:
            try:
                return await plan_one(*item)
            except (PermissionDenied, ProtocolError, NotFound) as error:
                # PermissionDenied: a user admin's token, which Webex refuses groups
                # (id_user_admin); the users are provisioned, the groups wait with the
                # reason. ProtocolError: the target's copy of the group does not match its
                # schema; it is left as it is. NotFound: the group went while it was read.
                # Either way the rest of the cycle goes on.
                group, link = item[0], item[4]
                if isinstance(error, PermissionDenied):
                    reason = p.GROUPS_NOT_WRITABLE
                    detail = f"the token may not write groups: {error.message}"
                elif isinstance(error, ProtocolError):
                    reason = p.TARGET_UNREADABLE
                    detail = (
                        f"the target's group could not be read ({error.message}); it was "
                        "left as it is"
                    )
                else:
                    reason = p.TARGET_UNREADABLE
                    detail = "the group left the target while it was read; the next cycle "
                    detail += "looks for it again"
                return PlannedOperation(
                    object_type="Group",
                    action=Action.SKIP,
                    source_id=group.source_id,
                    key=group.display_name,
                    target_id=link.target_id if link else "",
                    reason=reason,
                    detail=detail,
                )

        ops.extend(await asyncio.gather(*(planned(item) for item in pending)))

        removed_groups = list(read.deleted_group_ids)
        if read.full:
            removed_groups.extend(g for g in self.group_links if g not in seen)
        for source_id in removed_groups:
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
                        detail="no longer in the source",
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
                        detail="no longer in the source; kept on the target because the "
                        "profile does not allow deletes",
                    )
                )
        return ops

    async def _match_group(self, group: SourceGroup, desired: Mapping[str, Any]) -> MatchResult:
        keys = [(a, v) for a, v in self.mapper.group_matching_keys(group) if v]
        for attribute, value in keys or [("displayName", group.display_name)]:
            if self._filterable("Group", attribute):
                found: Sequence[Mapping[str, Any]] = await self._search(
                    "Group", attribute, str(value)
                )
            else:
                found = (await self._group_listing()).lookup(attribute, str(value))
            if found:
                return match_in([(attribute, found)])
        return MatchResult()

    async def _group_listing(self) -> TargetIndex:
        """The target's groups (without their members), indexed by their matching keys."""
        async with self._listing_lock:
            if self._group_index is None:
                attributes = self._group_key_attributes()
                index = TargetIndex(
                    attributes=attributes, case_sensitive=self.options.case_sensitive
                )
                self.reads += 1
                async for resource in self.target.search("Group"):
                    index.add(resource)
                self._group_index = index
            return self._group_index

    def _group_key_attributes(self) -> list[str]:
        names = getattr(self.mapper, "group_matching_attributes", None)
        return sorted({"displayName", "externalId", *(names or ())})

    async def _group_member_ids(
        self, current: Mapping[str, Any], own_answer: bool
    ) -> tuple[str, ...]:
        """The target ids of a group's members. A search's answer carries none (Webex sends
        members only when asked, and at most 500 in a group's own answer): the client reads
        them all (GET /Groups/{id}/Members). A reader without group_members: the answer's."""
        read_members = getattr(self.target, "group_members", None)
        if read_members is None:
            members: Sequence[Any] = current.get("members") or []
        else:
            async with self._semaphore:
                self.reads += 1
                members = await read_members(
                    str(current.get("id", "")), dict(current) if own_answer else None
                )
        return tuple(
            str(m.get("value")) for m in members if isinstance(m, Mapping) and m.get("value")
        )


# -- helpers ------------------------------------------------------------------------------

_SKIPPED_REMOVAL = "would be disabled, but the profile skips out-of-scope deletions; left as it is"
_REMOVAL_WORDS = {
    p.OUT_OF_SCOPE: "out of scope",
    p.DISABLED_IN_SOURCE: "disabled in the source",
    p.MISSING_FROM_SOURCE: "no longer in the source",
    p.UNASSIGNED: "unassigned in the source",
    p.DELETED_IN_SOURCE: "deleted in the source (the profile does not allow deletes)",
}


def _unreadable_skip(
    user: SourceUser, target_id: str, problem: str, link: Link | None
) -> PlannedOperation:
    """A user whose copy on the target the client could not read: left as it is."""
    detail = (
        f"the target's user {target_id} does not match Webex's schema"
        + (f" ({problem})" if problem else "")
        + "; it was neither matched nor changed. Fix or remove it in Control Hub."
    )
    return _skip(user, p.TARGET_UNREADABLE, detail, link)


def _reference_label(target: str) -> str:
    """How notes name a reference: "manager" for the enterprise extension's manager.value."""
    return target.rsplit(":", 1)[-1].split(".", 1)[0]


def _will_exist(op: PlannedOperation) -> bool:
    """Is the user of this operation on the target once the plan has run?"""
    if op.action == Action.CREATE:
        return True
    return bool(op.target_id) and op.action not in (Action.DELETE, Action.SKIP)


def _joined(detail: str, more: str) -> str:
    return f"{detail}; {more}" if detail else more


def _user_key(user: SourceUser, desired: Mapping[str, Any]) -> str:
    return str(desired.get("userName") or user.user_name)


def _value(resource: Mapping[str, Any], attribute: str) -> Any:
    from app.sync.matching import value_at

    return value_at(resource, attribute)


def _is_active(resource: Mapping[str, Any]) -> bool:
    value = resource.get("active", True)
    if isinstance(value, str):
        return value.strip().lower() != "false"
    return value is not False


def _attribute_changes(changes: Iterable[Change]) -> list[Change]:
    """Group changes without `members`, which the planner compares itself (by user)."""
    return [c for c in changes if c[0].lower() != "members"]


def _without_members(payload: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k != "members"}


def _skip(user: SourceUser, reason: str, detail: str, link: Link | None) -> PlannedOperation:
    return PlannedOperation(
        object_type="User",
        action=Action.SKIP,
        source_id=user.source_id,
        key=user.user_name,
        target_id=link.target_id if link else "",
        reason=reason,
        detail=detail,
    )


def _skip_link(link: Link, reason: str, detail: str) -> PlannedOperation:
    return PlannedOperation(
        object_type=link.object_type,
        action=Action.SKIP,
        source_id=link.source_id,
        key=link.user_name,
        target_id=link.target_id,
        reason=reason,
        detail=detail,
    )


def _no_change(user: SourceUser, link: Link, digest: str, record: str = "") -> PlannedOperation:
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


def _no_change_link(link: Link) -> PlannedOperation:
    return PlannedOperation(
        object_type=link.object_type,
        action=Action.NO_CHANGE,
        source_id=link.source_id,
        key=link.user_name,
        target_id=link.target_id,
        payload_hash=link.hash,
        active=link.active,
    )


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


__all__ = [
    "LIST_TARGET_ABOVE",
    "MAPPING_LOGIC_VERSION",
    "Mapper",
    "Planner",
    "PlannerOptions",
    "ScopeCheck",
    "TargetReader",
    "everything_in_scope",
    "links_for",
    "mapping_fingerprint",
    "normalize_key",
    "record_tag",
    "source_record_hash",
]
