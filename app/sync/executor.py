"""The executor: sends a plan's writes to the target, journaled so a killed run resumes cleanly.

Journal first: every operation is recorded as planned before anything is sent, marked
in flight (a chunk at a time, one commit per chunk) before its request leaves, and done
or failed after, in the same transaction as its link and its provisioning-log row. A
create found in flight on the next run is looked up on the target before it is sent
again, so a process killed at any moment never creates a user twice.

Users go first (SCIM Bulk where the target offers it, else bounded concurrency; the
client's own limiter adapts below the cap), then the users' reference updates (a manager
created in this run: its target id is known only now), then groups, whose members must
exist. What is sent and what an answer leaves (links, words) is worked out in sync/writes.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from app.gc_pause import collect_young
from app.messages import Message
from app.sync import write_messages as said
from app.sync.events import Status, SyncEvent
from app.sync.matching import diff, equality_filter, patch_operations
from app.sync.plan import Action, PlannedOperation
from app.sync.state import StateStore
from app.sync.state.records import JournalState, StateBatch
from app.sync.writes import (
    WriteOutcome,
    bulk_id_of,
    bulk_operation,
    create_payload,
    error_code,
    error_said,
    groups_skipped,
    member_patches,
    member_targets,
    resolve_references,
    success,
)
from app.webex.errors import (
    AuthError,
    Conflict,
    NetworkError,
    NotFound,
    PermissionDenied,
    ProtocolError,
    ServerError,
    WebexError,
)
from app.webex.shapes import BulkOperation, PatchOperation, ScimPayload

log = logging.getLogger(__name__)

CHUNK = 64  # operations marked in flight per commit in concurrent mode
FLUSH_EVERY = 200  # gathered results written per transaction
FLUSH_SECONDS = 1.0
PROGRESS_SECONDS = 0.25  # at most four progress events a second
NETWORK_FAILURES_TO_STOP = 3  # consecutive unreachable answers: the target is down
FIRST_FAILURES = 10
# The results of one Bulk request are recorded this many at a time, with a turn of the event
# loop between: each is an event the window shows (100 at once held it about 15 ms, and
# several requests answered together held it longer: benchmark P4).
RECORDS_PER_TURN = 25


class BulkResultLike(Protocol):
    @property
    def bulk_id(self) -> str | None: ...
    @property
    def status(self) -> int: ...
    @property
    def resource_id(self) -> str | None: ...
    @property
    def error(self) -> WebexError | None: ...
    @property
    def ok(self) -> bool: ...


class TargetWriter(Protocol):
    """What the executor needs of app.webex.client.WebexClient."""

    @property
    def supports_bulk(self) -> bool: ...
    @property
    def bulk_max_operations(self) -> int: ...

    async def create(self, rt: str, payload: ScimPayload) -> ScimPayload: ...
    async def get(self, rt: str, resource_id: str) -> ScimPayload: ...
    def search(
        self, rt: str, filter: str | None = None, attributes: Sequence[str] | None = None
    ) -> AsyncIterator[ScimPayload]: ...
    async def patch(
        self, rt: str, resource_id: str, operations: Sequence[PatchOperation]
    ) -> ScimPayload | None: ...
    async def delete(self, rt: str, resource_id: str) -> None: ...
    async def bulk(self, operations: Sequence[BulkOperation]) -> Sequence[BulkResultLike]: ...


@dataclass(slots=True)
class ExecutionReport:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    attempted: int = 0
    failed: int = 0
    cancelled: bool = False
    fatal: WebexError | None = None  # what stopped the run (token, permission, network)
    first_failures: list[SyncEvent] = field(default_factory=list)
    unsent: int = 0  # operations left planned in the journal for the next run

    def count(self, action: str, status: Status) -> None:
        per_action = self.counts.setdefault(action, {})
        per_action[status.value] = per_action.get(status.value, 0) + 1


class Executor:
    """Runs planned writes through the target client. One executor per cycle."""

    def __init__(
        self,
        client: TargetWriter,
        state: StateStore,
        *,
        cycle_id: str,
        emit: Callable[[SyncEvent], None],
        concurrency: int = 8,
        use_bulk: bool | None = None,
        user_targets: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.state = state
        self.cycle_id = cycle_id
        self._emit = emit
        self.concurrency = max(1, concurrency)
        self.use_bulk = use_bulk
        # Users' target ids by source id: from the links, and from creates of this run.
        self.user_targets: dict[str, str] = dict(user_targets or {})
        self._clock = clock
        self._running = asyncio.Event()
        self._running.set()
        self._cancelled = False
        self._batch = StateBatch()
        self._last_flush = clock()
        self._flush_lock = asyncio.Lock()
        self._report = ExecutionReport()
        self._done_users = 0
        self._total_users = 0
        self._last_progress = 0.0
        self._network_failures = 0
        self._unsent: list[PlannedOperation] = []
        self._failed_users: set[str] = set()  # source ids whose own operation failed in this run
        self.in_flight = 0  # operations sent and not answered yet (a pause waits for them)
        # Bulk requests in flight at once, whichever call sends them (send_ahead and run):
        # half the requests the profile allows at once, at most 8. A 429's Retry-After holds
        # back every new request; those already sent keep the target busy meanwhile (with
        # 4, a first cycle's target stood idle most of each pause: benchmark P1).
        self.bulk_concurrency = max(1, min(8, self.concurrency // 2))
        self._bulk_slots = asyncio.Semaphore(self.bulk_concurrency)
        self._bulk_numbers = itertools.count()
        self._sent_ahead: set[str] = set()  # op_ids of the operations send_ahead took
        # The target refused to let this token write groups (403): the other groups of the
        # run are skipped with that reason, the users are not affected.
        self._groups_denied: WebexError | None = None

    # -- control ------------------------------------------------------------------------

    def pause(self) -> None:
        """Stop taking new operations; those in flight finish."""
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def cancel(self) -> None:
        """End the run after the operations in flight; the rest stays planned."""
        self._cancelled = True
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @property
    def stopping(self) -> bool:
        return self._cancelled or self._report.fatal is not None

    # -- the run ------------------------------------------------------------------------

    async def send_ahead(self, operations: Sequence[PlannedOperation]) -> None:
        """Send user creations while the rest of the plan is being made (the engine hands
        them over a Bulk request at a time): journaled first, then sent as run() sends
        users. run() is then given every write of the plan and leaves these out; the
        progress counts them with the rest. Nothing is taken once the run is stopping."""
        if self.stopping or not operations:
            return
        self._total_users += len(operations)
        fresh = [op for op in operations if not op.op_id]
        if fresh:
            await asyncio.to_thread(self.state.journal_add, self.cycle_id, fresh)
        self._sent_ahead.update(op.op_id for op in operations)
        await self._run_users(operations)

    @property
    def took_ahead(self) -> bool:
        """send_ahead took operations (run() must still be called to finish them)."""
        return bool(self._sent_ahead)

    async def run(self, operations: Sequence[PlannedOperation]) -> ExecutionReport:
        writes = [op for op in operations if op.writes and op.op_id not in self._sent_ahead]
        fresh = [op for op in writes if not op.op_id]
        if fresh:
            await asyncio.to_thread(self.state.journal_add, self.cycle_id, fresh)
        users = [op for op in writes if op.object_type == "User" and not op.sets_references]
        references = [op for op in writes if op.sets_references]
        groups = [op for op in writes if op.object_type == "Group"]
        self._total_users += len(users) + len(references)
        self._progress(force=True)
        try:
            if users:
                await self._run_users(users)
            # References name users of this run: only once every user operation is done.
            if references and not self.stopping:
                await self._run_references(references)
            elif references:
                self._unsent.extend(references)
            # Groups need their members: only once every user operation has finished.
            if groups and not self.stopping:
                await self._run_concurrent(groups, chunk=CHUNK)
            elif groups:
                self._unsent.extend(groups)
        finally:
            await self._flush()
            if self._unsent:
                # Never sent: planned again, for the next run to pick up.
                await asyncio.to_thread(
                    self.state.journal_mark, [op.op_id for op in self._unsent], "planned"
                )
            self._report.unsent = len(self._unsent)
            self._report.cancelled = self._cancelled
            self._progress(force=True)
        return self._report

    async def _run_users(self, operations: Sequence[PlannedOperation]) -> None:
        if self._bulk_enabled():
            await self._run_bulk(operations)
        else:
            await self._run_concurrent(operations)

    async def _run_references(self, operations: Sequence[PlannedOperation]) -> None:
        """Set the references that waited for users of this run (a manager just created)."""
        await self._flush()  # the links of this run's users, for resolve_references
        ids = {op.source_id for op in operations}
        links = await asyncio.to_thread(
            lambda: {source_id: self.state.link("User", source_id) for source_id in ids}
        )
        ready: list[PlannedOperation] = []
        for op in operations:
            outcome = resolve_references(
                op, links.get(op.source_id), self.user_targets, self._failed_users
            )
            if outcome is None:
                ready.append(op)
            else:
                await self._record(op, outcome, 0)
        if ready and not self.stopping:
            await self._run_users(ready)
        elif ready:
            self._unsent.extend(ready)

    @property
    def sends_in_bulk(self) -> bool:
        """Users go in Bulk requests (send_ahead is then worth it)."""
        return self._bulk_enabled()

    @property
    def bulk_size(self) -> int:
        return max(1, self.client.bulk_max_operations)

    def _bulk_enabled(self) -> bool:
        if self.use_bulk is not None:
            return self.use_bulk and self.client.supports_bulk
        return self.client.supports_bulk and self.client.bulk_max_operations > 1

    async def _run_concurrent(
        self, operations: Sequence[PlannedOperation], *, chunk: int = CHUNK
    ) -> None:
        queue: asyncio.Queue[PlannedOperation | None] = asyncio.Queue(maxsize=chunk)
        workers = min(self.concurrency, len(operations))

        async def feed() -> None:
            try:
                for start in range(0, len(operations), chunk):
                    part = operations[start : start + chunk]
                    await self._running.wait()
                    if self.stopping:
                        self._unsent.extend(operations[start:])
                        break
                    await asyncio.to_thread(
                        self.state.journal_mark, [op.op_id for op in part], "in_flight"
                    )
                    for op in part:
                        await queue.put(op)
            finally:
                for _ in range(workers):
                    await queue.put(None)

        async def work() -> None:
            while (op := await queue.get()) is not None:
                await self._running.wait()
                if self.stopping:
                    self._unsent.append(op)
                    continue
                if op.object_type == "Group" and self._groups_denied is not None:
                    await self._record(op, groups_skipped(self._groups_denied), 0)
                    continue
                await self._execute(op)

        await asyncio.gather(feed(), *(work() for _ in range(workers)))

    async def _run_bulk(self, operations: Sequence[PlannedOperation]) -> None:
        # A create that may already have landed is checked one by one first.
        verify = [op for op in operations if op.verify_before_create]
        if verify:
            await self._run_concurrent(verify)
        rest = [op for op in operations if not op.verify_before_create]
        size = self.bulk_size
        chunks = [rest[i : i + size] for i in range(0, len(rest), size)]

        async def send(chunk: list[PlannedOperation]) -> None:
            async with self._bulk_slots:
                await self._running.wait()
                if self.stopping:
                    self._unsent.extend(chunk)
                    return
                number = next(self._bulk_numbers)
                await self._send_bulk(f"{self.cycle_id}:bulk{number}", chunk)

        await asyncio.gather(*(send(c) for c in chunks))

    async def _send_bulk(self, bulk_id: str, chunk: list[PlannedOperation]) -> None:
        # Committed before the request leaves (in a worker thread: the loop keeps running).
        await asyncio.to_thread(
            self.state.journal_mark, [op.op_id for op in chunk], "in_flight", bulk_id=bulk_id
        )
        started = self._clock()
        self.in_flight += len(chunk)
        try:
            results = list(await self.client.bulk([bulk_operation(op) for op in chunk]))
        except (AuthError, PermissionDenied) as error:
            self._report.fatal = error
            self._unsent.extend(chunk)
            return
        except (NetworkError, ServerError, ProtocolError) as error:
            # Uncertain: some may have landed. Send them one by one, creates checked first.
            log.warning("A bulk request failed (%s); sending its operations one by one", error)
            fallback, uncertain = True, True
        except WebexError as error:
            # Refused as a whole (one invalid operation spoils the request, and nothing was
            # sent): one by one, each operation gets its own answer.
            log.info("A bulk request was refused (%s); sending its operations one by one", error)
            fallback, uncertain = True, False
        else:
            fallback = uncertain = False
        finally:
            self.in_flight -= len(chunk)
        if fallback:
            for op in chunk:
                op.verify_before_create = uncertain and op.action == Action.CREATE
            await self._run_concurrent(chunk)
            return
        duration = int((self._clock() - started) * 1000 / max(1, len(chunk)))
        by_bulk_id = {str(r.bulk_id): r for r in results if getattr(r, "bulk_id", None)}
        for index, op in enumerate(chunk):
            if index and index % RECORDS_PER_TURN == 0:
                await asyncio.sleep(0)  # the window's turn (see RECORDS_PER_TURN)
            result = by_bulk_id.get(bulk_id_of(op)) if op.action == Action.CREATE else None
            if result is None and index < len(results):
                result = results[index]
            if result is None:
                outcome = await self._guarded(op, self._send_one)
            elif result.ok:
                outcome = success(op, str(result.resource_id or op.target_id or ""))
            else:
                failure = result.error or ServerError(said.NO_ANSWER())
                outcome = await self._on_error(op, failure)
            await self._record(op, outcome, duration)

    # -- one operation ------------------------------------------------------------------

    async def _execute(self, op: PlannedOperation) -> None:
        started = self._clock()
        self.in_flight += 1
        try:
            outcome = await self._guarded(op, self._send_one)
        finally:
            self.in_flight -= 1
        await self._record(op, outcome, int((self._clock() - started) * 1000))

    async def _guarded(
        self,
        op: PlannedOperation,
        send: Callable[[PlannedOperation], Any],
    ) -> WriteOutcome:
        try:
            outcome: WriteOutcome = await send(op)
        except WebexError as error:
            return await self._on_error(op, error)
        except Exception as error:  # a bug must not stop the other 9,999 users
            log.exception("Unexpected error on %s %s", op.action.value, op.key)
            return WriteOutcome(
                Status.FAILURE,
                message=said.UNEXPECTED(kind=type(error).__name__),
            )
        self._network_failures = 0
        return outcome

    async def _send_one(self, op: PlannedOperation) -> WriteOutcome:
        rt = op.object_type
        if op.action == Action.CREATE:
            if op.verify_before_create:
                found = await self._find(op)
                if found is not None:
                    return await self._reconcile(op, found, said.CREATED_BEFORE())
            payload = create_payload(op, self.user_targets)
            created = await self.client.create(rt, payload)
            return success(op, str(created.get("id", "")))
        if op.action == Action.UPDATE:
            if rt == "Group":
                await self._patch_group(op)
            else:
                operations = op.patch or patch_operations(op.changes, op.payload)
                if operations:
                    await self.client.patch(rt, op.target_id, operations)
            return success(op, op.target_id)
        if op.action == Action.DISABLE:
            await self.client.patch(
                rt, op.target_id, [{"op": "replace", "path": "active", "value": False}]
            )
            return success(op, op.target_id)
        if op.action == Action.DELETE:
            await self.client.delete(rt, op.target_id)
            return success(op, op.target_id)
        raise ValueError(f"{op.action} is not a write")

    async def _on_error(self, op: PlannedOperation, error: WebexError) -> WriteOutcome:
        if isinstance(error, PermissionDenied) and op.object_type == "Group":
            # A user admin's token (id_user_admin) writes users, not groups: the groups
            # are skipped with the reason, the users of the run stand.
            self._groups_denied = self._groups_denied or error
            return groups_skipped(error)
        if isinstance(error, AuthError | PermissionDenied):
            # Nothing more can succeed with this token: stop, keep the rest for later.
            self._report.fatal = self._report.fatal or error
            return WriteOutcome(Status.FAILURE, error=error, requeue=True)
        if isinstance(error, NetworkError):
            self._network_failures += 1
            if self._network_failures >= NETWORK_FAILURES_TO_STOP:
                self._report.fatal = self._report.fatal or error
            return WriteOutcome(Status.FAILURE, error=error)
        self._network_failures = 0
        if isinstance(error, Conflict) and op.action == Action.CREATE:
            try:
                found = await self._find(op)
            except WebexError:
                found = None
            if found is not None:
                return await self._reconcile(op, found, said.ALREADY_THERE())
            return WriteOutcome(Status.FAILURE, error=error)
        if isinstance(error, NotFound) and op.action in (Action.DISABLE, Action.DELETE):
            outcome = success(op, op.target_id)
            outcome.message = said.ALREADY_GONE()
            return outcome
        if isinstance(error, NotFound):
            # Gone since the plan was made: forget the link, the next cycle matches again.
            return WriteOutcome(Status.FAILURE, error=error, unlink=True)
        return WriteOutcome(Status.FAILURE, error=error)

    async def _find(self, op: PlannedOperation) -> ScimPayload | None:
        """The target object a create may already have made (userName / displayName)."""
        attribute = "userName" if op.object_type == "User" else "displayName"
        value = op.payload.get(attribute) or op.key
        found = [
            r
            async for r in self.client.search(
                op.object_type, filter=equality_filter(attribute, str(value))
            )
        ]
        return found[0] if len(found) == 1 else None

    async def _reconcile(
        self, op: PlannedOperation, found: Mapping[str, Any], how: Message
    ) -> WriteOutcome:
        """Link a create to the object found on the target, and bring it up to date."""
        target_id = str(found.get("id", ""))
        if op.object_type == "Group":
            op.target_id = target_id
            # A search answers without members (Webex): read them all.
            read_members = getattr(self.client, "group_members", None)
            members = (
                await read_members(target_id, None)
                if read_members is not None
                else found.get("members") or []
            )
            op.current_member_ids = tuple(
                str(m.get("value")) for m in members if isinstance(m, Mapping) and m.get("value")
            )
            op.changes = [c for c in diff(found, op.payload) if c[0] != "members"]
            op.patch = patch_operations(op.changes, op.payload, found)
            await self._patch_group(op)
            outcome = success(op, target_id)
        else:
            changes = [c for c in diff(found, op.payload) if c[0] not in ("userType", "password")]
            operations = patch_operations(changes, op.payload, found)
            if operations:
                await self.client.patch("User", target_id, operations)
            outcome = success(op, target_id)
            outcome.changes = changes
        outcome.message = how
        return outcome

    async def _patch_group(self, op: PlannedOperation) -> None:
        for batch in member_patches(op, self.user_targets):
            await self.client.patch("Group", op.target_id, batch)

    # -- recording ----------------------------------------------------------------------

    async def _record(self, op: PlannedOperation, outcome: WriteOutcome, duration_ms: int) -> None:
        error = outcome.error
        if outcome.status == Status.SUCCESS and op.object_type == "User" and outcome.target_id:
            self.user_targets[op.source_id] = outcome.target_id
        if op.object_type == "Group" and outcome.status == Status.SUCCESS:
            missing = len(op.member_source_ids) - len(member_targets(op, self.user_targets))
            if missing:
                outcome.status = Status.WARNING
                outcome.message = said.MEMBERS_MISSING(count=missing)
                if outcome.link is not None:
                    # Forget what was written, so that the next cycle compares the group
                    # again and sends the members that are missing now.
                    outcome.link = replace(outcome.link, hash="", source_hash="")
        words = error_said(error) if error else (outcome.message or op.coded_detail or op.detail)
        event = SyncEvent(
            kind="operation",
            cycle_id=self.cycle_id,
            object_type=op.object_type,
            action=op.action.value,
            status=outcome.status,
            source_id=op.source_id,
            user_name=op.key,
            target_id=outcome.target_id or op.target_id,
            modified=tuple(outcome.changes if outcome.changes is not None else op.changes),
            error_code=error_code(error) if error else "",
            message=str(words),
            next_step=error.next_step if error else "",
            coded_message=words if isinstance(words, Message) else None,
            coded_next_step=error.coded_next_step if error else None,
            tracking_id=(error.tracking_id or "") if error else "",
            duration_ms=duration_ms,
        )
        state: JournalState = "done" if outcome.status != Status.FAILURE else "failed"
        if outcome.requeue:
            self._unsent.append(op)
        else:
            self._batch.marks.append((op.op_id, state, outcome.target_id, event.message))
        self._batch.events.append(event)
        if outcome.link is not None:
            self._batch.links.append(outcome.link)
        if outcome.unlink:
            self._batch.removed_links.append((op.object_type, op.source_id))
        report = self._report
        report.attempted += 1
        report.count(op.action.value, outcome.status)
        if outcome.status == Status.FAILURE:
            report.failed += 1
            if op.object_type == "User":
                self._failed_users.add(op.source_id)
            if len(report.first_failures) < FIRST_FAILURES:
                report.first_failures.append(event)
        self._emit(event)
        if op.object_type == "User":
            self._done_users += 1
            self._progress()
        if (
            len(self._batch.events) >= FLUSH_EVERY
            or self._clock() - self._last_flush >= FLUSH_SECONDS
        ):
            await self._flush()

    async def _flush(self) -> None:
        async with self._flush_lock:
            batch = self._batch.take()
            self._last_flush = self._clock()
            if batch:
                await asyncio.to_thread(self.state.apply, batch)
            collect_young()  # the cycle keeps the collector to the young generations

    def _progress(self, *, force: bool = False) -> None:
        now = self._clock()
        if (
            not force
            and now - self._last_progress < PROGRESS_SECONDS
            and self._done_users < self._total_users
        ):
            return
        self._last_progress = now
        self._emit(
            SyncEvent(
                kind="progress",
                cycle_id=self.cycle_id,
                done=self._done_users,
                total=self._total_users,
            )
        )
