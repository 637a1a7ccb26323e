"""SyncEngine: one profile's cycles, dry runs and provisioning on demand. Pure asyncio, no Qt.

A cycle: check the quarantine, resume what an interrupted cycle left in the journal, read
the source (a delta when a watermark exists and the source offers one), plan, apply the
deletion threshold, execute, then decide the outcome (quarantine when a failure no retry
can mend happened, or when too many operations failed). Every step is an event for the
provisioning log and for listeners (the GUI's activity view, the terminal progress bar).
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.directory.base import DirectorySource, SourceRead, SourceUser
from app.errors import InputError, UserFacingError
from app.gc_pause import paused_gc, settle
from app.sync import plan as p
from app.sync.events import (
    CycleResult,
    EventHub,
    Listener,
    Outcome,
    Status,
    SyncEvent,
    utc_now,
)
from app.sync.executor import ExecutionReport, Executor
from app.sync.plan import Action, Plan, PlannedOperation, format_change
from app.sync.planner import Planner, PlannerOptions, links_for, mapping_fingerprint
from app.sync.retention import prune_log
from app.sync.safety import (
    GuardVerdict,
    SafetySettings,
    check_deletion_guard,
    failure_rate_exceeded,
    next_quarantine,
    quarantine_message,
    unmendable_cause,
)
from app.sync.state import StateStore, open_profile_state
from app.sync.state.records import INTERRUPTED_REASON, Link
from app.webex.errors import NetworkError, WebexError

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.sync.executor import TargetWriter

log = logging.getLogger(__name__)

FIRST_FAILURES = 10


class SourceReadError(UserFacingError):
    """The source could not be read; nothing was sent."""


class InternalError(UserFacingError):
    """Something the program did not expect; the details are in the program log."""


def new_cycle_id(now: datetime) -> str:
    return f"{now.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"


# Operations freed per event-loop turn at the end of a cycle (see release_gradually).
RELEASE_CHUNK = 1_000


async def release_gradually(*lists: list[Any]) -> None:
    """Empty these lists a slice at a time, letting the event loop run in between.

    A cycle over 10,000 users ends holding its source records and planned operations with
    their payloads: several hundred thousand objects, whose freeing at once (when the cycle's
    frame goes) paused the window for 40 ms and more (benchmark P4), the engine running on
    the window's loop. Lists shared with a caller must not be passed.
    """
    for items in lists:
        while items:
            del items[-RELEASE_CHUNK:]
            await asyncio.sleep(0)


async def _plan_sending_ahead(planner: Planner, read: SourceRead, executor: Executor) -> Plan:
    """The plan, with its user creations sent a Bulk request at a time while the rest is
    planned (users the target does not have yet are the bulk of a first cycle: their
    requests start seconds earlier, benchmark P1). The last, partial request goes with the
    rest of the plan (executor.run leaves out what send_ahead took).

    As many requests go at once as the executor lets Bulk requests be in flight: a first
    cycle's planning is done in a second or two, and the pumps then send every creation.
    With fewer, a 429's Retry-After left the target idle: the one other request in flight
    was answered, then nothing was sent until the pause ended.
    """
    if not executor.sends_in_bulk:
        return await planner.plan(read)
    size = executor.bulk_size
    batch: list[PlannedOperation] = []
    batches: asyncio.Queue[list[PlannedOperation] | None] = asyncio.Queue()

    async def pump() -> None:
        while (ops := await batches.get()) is not None:
            await executor.send_ahead(ops)

    def ready(op: PlannedOperation) -> None:
        batch.append(op)
        if len(batch) >= size:
            batches.put_nowait(batch[:])
            batch.clear()

    pumps = [asyncio.create_task(pump()) for _ in range(executor.bulk_concurrency)]
    try:
        return await planner.plan(read, ready=ready)
    finally:
        for _ in pumps:
            batches.put_nowait(None)
        await asyncio.gather(*pumps)


class SyncEngine:
    """The engine of one profile. The owner calls aclose() (or uses `async with`)."""

    def __init__(
        self,
        profile: Profile,
        *,
        token: str,
        source: DirectorySource | None = None,
        client: TargetWriter | None = None,
        state: StateStore | None = None,
        clock: Callable[[], datetime] = utc_now,
        use_bulk: bool | None = None,
    ) -> None:
        from app.sync.mapping import Mapper
        from app.sync.scoping import validate_filters

        self.profile = profile
        self._token = token
        self._source = source
        self._owns_source = source is None
        self._client = client
        self._owns_client = client is None
        if state is None:
            from app.paths import state_file

            # Never another profile's state: one deleted and created again starts afresh.
            state = open_profile_state(state_file(profile.name), profile.id)
            self._owns_state = True
        else:
            self._owns_state = False
        self.state = state
        self._clock = clock
        self._use_bulk = use_bulk
        self.mapper = Mapper(profile.mappings, webex_language_tags=profile.target.kind == "webex")
        validate_filters(profile.scoping)
        self._fingerprint = mapping_fingerprint(profile.mappings, profile.scoping)
        self.safety = SafetySettings.from_profile(profile)
        self._hub = EventHub()
        # The parts made at first use are imported now, where the engine is built (a worker
        # thread in the GUI), not inside the first cycle on the event loop (benchmark P4).
        if client is None:
            import app.webex.client
        if source is None:
            import app.directory.factory  # noqa: F401
        self._executor: Executor | None = None
        self._paused = False
        self._cancel_requested = False
        self._running = False

    def __repr__(self) -> str:  # never the token
        return f"SyncEngine(profile={self.profile.name!r})"

    async def __aenter__(self) -> SyncEngine:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close what the engine opened itself (client, source, state file)."""
        if self._client is not None and self._owns_client:
            closer = getattr(self._client, "aclose", None)
            if closer is not None:
                await closer()
            self._client = None
        if self._source is not None and self._owns_source:
            await self._source.aclose()
            self._source = None
        if self._owns_state:
            # Closing checkpoints the write-ahead log into the file (tens of milliseconds
            # with an fsync): not on the event loop, which may be the window's.
            await asyncio.to_thread(self.state.close)

    # -- listeners and control ----------------------------------------------------------

    def add_listener(self, callback: Listener) -> Callable[[], None]:
        """Call `callback` with every SyncEvent; returns a function that removes it."""
        return self._hub.add(callback)

    def pause(self) -> None:
        self._paused = True
        if self._executor is not None:
            self._executor.pause()

    def resume(self) -> None:
        self._paused = False
        if self._executor is not None:
            self._executor.resume()

    def cancel(self) -> None:
        self._cancel_requested = True
        if self._executor is not None:
            self._executor.cancel()

    @property
    def running(self) -> bool:
        return self._running

    @property
    def in_flight(self) -> int:
        """Operations sent and not answered yet (after pause(), wait for zero)."""
        return self._executor.in_flight if self._executor is not None else 0

    def cancel_requested(self) -> bool:
        return self._cancel_requested

    # -- parts --------------------------------------------------------------------------

    def _target(self) -> TargetWriter:
        if self._client is None:
            from app.webex.client import WebexClient

            self._client = WebexClient(
                self.profile.target.tenant_url,
                self._token,
                max_concurrency=self.profile.concurrency_cap,
            )
        return self._client

    def _directory(self) -> DirectorySource:
        if self._source is None:
            from app.directory.factory import open_source

            self._source = open_source(self.profile)
        return self._source

    async def _read_source(self, watermark: str | None) -> SourceRead:
        try:
            return await self._directory().read(watermark)
        except UserFacingError:
            raise
        except OSError as error:
            raise SourceReadError(
                f"The source could not be read ({error.strerror or type(error).__name__}).",
                "Check that the file or directory is reachable, then run the cycle again.",
            ) from error

    def _scope(self, user: SourceUser) -> tuple[bool, str]:
        """In scope? Filters see what mappings see (accountEnabled, userPrincipalName, id)."""
        if not self.profile.scoping:
            return True, ""
        from app.sync.mapping import user_attributes
        from app.sync.scoping import explain

        why = explain(user_attributes(user), self.profile.scoping)
        return why is None, why or ""

    def _load_links(self) -> tuple[dict[str, Link], dict[str, Link]]:
        return self.state.links("User"), self.state.links("Group")

    def _linked_counts(self) -> tuple[int, int]:
        """(active users, groups) the profile has provisioned: the threshold's base."""
        return (
            self.state.count_links("User", active_only=True),
            self.state.count_links("Group"),
        )

    def _allow_step(self, next_step: str) -> str:
        """The threshold's next step with this profile's name in the command to run."""
        return next_step.replace(
            "sync --allow-deletes", f"sync --profile {self.profile.name} --allow-deletes"
        )

    def deletion_guard(
        self, plan: Plan, linked: tuple[int, int], *, allow_deletes: bool = False
    ) -> GuardVerdict:
        """The accidental-deletion threshold's verdict on `plan`, measured against
        `linked`: what was provisioned before the cycle (see safety.check_deletion_guard)."""
        return check_deletion_guard(
            len(plan.removals("User")),
            linked[0],
            len(plan.removals("Group")),
            linked[1],
            self.safety,
            allow_deletes=allow_deletes,
        )

    async def _planner(
        self,
        *,
        compare_always: bool = False,
        links: tuple[dict[str, Link], dict[str, Link]] | None = None,
    ) -> Planner:
        """A planner over the links as they are now (read in a worker thread: 100,000 links
        take a few hundred milliseconds that the event loop does not wait for)."""
        if links is None:
            links = await asyncio.to_thread(self._load_links)
        options = PlannerOptions(
            safety=self.safety,
            case_sensitive=self.profile.mappings.case_sensitive_matching,
            managed_user_paths=[m.target for m in self.profile.mappings.users],
            managed_group_paths=[m.target for m in self.profile.mappings.groups],
            read_concurrency=self.profile.concurrency_cap,
            compare_always=compare_always,
            fingerprint=self._fingerprint,
        )
        return Planner(
            self.mapper,
            self._target(),
            user_links=links[0],
            group_links=links[1],
            scope=self._scope,
            options=options,
        )

    async def _new_executor(self, cycle_id: str) -> Executor:
        links = await asyncio.to_thread(self.state.links, "User")
        user_targets = {s: link.target_id for s, link in links.items()}
        executor = Executor(
            self._target(),
            self.state,
            cycle_id=cycle_id,
            emit=self._hub.emit,
            concurrency=self.profile.concurrency_cap,
            use_bulk=self._use_bulk,
            user_targets=user_targets,
        )
        if self._paused:
            executor.pause()
        if self._cancel_requested:
            executor.cancel()
        self._executor = executor
        return executor

    async def _discover(self) -> None:
        target = self._target()
        # ensure_discovered: a generic target's discovery, and nothing at all for Webex (the
        # SCIM libraries load at the first request that needs them, if any).
        discover = getattr(target, "ensure_discovered", None) or getattr(target, "discover", None)
        if discover is not None:
            await discover()

    # -- dry run ------------------------------------------------------------------------

    async def dry_run(self) -> Plan:
        """The plan of the next cycle. Reads the source and the target; writes nothing."""
        with paused_gc():
            return await self._dry_run()

    async def _dry_run(self) -> Plan:
        # The links, then the source, each in a worker thread (off the event loop). Not
        # side by side: both need the GIL nearly all the time, and SQLite gives it up at
        # each row, then waits for it while the CSV reader holds it.
        links = await asyncio.to_thread(self._load_links)
        read_from = self._watermark()
        read = await self._read_source(read_from)
        await self._discover()
        plan = await (await self._planner(links=links)).plan(read)
        plan.watermark, plan.read_from = read.watermark, read_from
        await self._note_group_permission(plan)
        linked = (sum(1 for link in links[0].values() if link.active), len(links[1]))
        verdict = self.deletion_guard(plan, linked)
        if verdict.held:
            plan.hold = p.Hold(
                reason=verdict.reason
                + " The cycle will be held: nothing will be sent until you allow the removals.",
                next_step=self._allow_step(verdict.next_step),
                users_removed=verdict.users.removals,
                users_linked=verdict.users.linked,
                groups_removed=verdict.groups.removals,
                groups_linked=verdict.groups.linked,
            )
        pending = await asyncio.to_thread(self.state.journal_pending)
        if pending:
            plan.notes.append(
                f"{len(pending)} operations of an interrupted cycle will be resumed first."
            )
        settle()  # the plan outlives the block: the first young collection after it skips it
        return plan

    async def _note_group_permission(self, plan: Plan) -> None:
        """A plan with groups, made with a token whose roles may not write them (a user
        admin's, Cisco's spec: groups need a full or group admin): say so in the plan's
        notes, which the dry run, the wizard's review page and the cycle's log show."""
        if not any(
            op.object_type == "Group" and (op.writes or op.reason == p.GROUPS_NOT_WRITABLE)
            for op in plan
        ):
            return  # nothing to write to groups: no request spent on asking
        client = self._target()
        tenant = getattr(client, "target", None)  # a WebexClient's TenantTarget
        people_me = getattr(client, "people_me", None)
        if people_me is None or tenant is None or not tenant.is_webex:
            return
        try:
            me = await people_me()
        except UserFacingError as error:  # the cycle shows it where it matters
            log.info("people/me before the groups: %s", error)
            return
        if me.can_write_groups() is False:
            plan.notes.append(
                f"The token may not write groups (roles: {me.role_words()}): the users are "
                "provisioned, the groups are skipped. Use a full admin's or a group admin's "
                "token to provision groups."
            )

    def _watermark(self) -> str | None:
        return self.state.watermark()

    # -- a cycle ------------------------------------------------------------------------

    async def run_cycle(
        self, *, allow_deletes: bool = False, plan: Plan | None = None
    ) -> CycleResult:
        """Run one cycle (incremental when the source has a watermark and offers deltas)."""
        if self._running:
            raise InputError(
                "A cycle of this profile is already running.", "Wait for it to finish."
            )
        self._running = True
        self._cancel_requested = False
        try:
            # Young collections only while the cycle holds its objects (see gc_pause).
            with paused_gc():
                return await self._run_cycle(allow_deletes=allow_deletes, plan=plan)
        finally:
            self._running = False
            self._executor = None

    async def _run_cycle(self, *, allow_deletes: bool, plan: Plan | None) -> CycleResult:
        started = self._clock()
        cycle_id = new_cycle_id(started)
        quarantine = self.state.quarantine()
        if quarantine is not None and started < quarantine.next_attempt:
            result = CycleResult(
                cycle_id=cycle_id,
                started=started,
                finished=started,
                outcome="quarantined",
                reason=quarantine_message(quarantine),
                next_step=quarantine.next_step
                + " Once fixed, run `webex-provisioner restart --profile "
                + f"{self.profile.name}` to try again at once.",
                cause=quarantine.cause,
                next_attempt=quarantine.next_attempt,
                skipped=True,  # not run: it waits for the quarantine's next attempt
            )
            self._hub.emit(
                SyncEvent(
                    kind="cycle_finished", cycle_id=cycle_id, message=result.reason, result=result
                )
            )
            return result

        watermark = self._watermark()
        mode = "incremental" if watermark else "full"
        # What the profile has provisioned before this cycle sends anything: the deletion
        # threshold measures against it, not against the total after the cycle's creations.
        linked = await asyncio.to_thread(self._linked_counts)
        self.state.start_cycle(cycle_id, started, mode)
        self._hub.emit(SyncEvent(kind="cycle_started", cycle_id=cycle_id, time=started))
        counts: dict[str, dict[str, int]] = {}
        failures: list[SyncEvent] = []
        held_reason = held_next = ""
        stop_error: UserFacingError | None = None
        report = ExecutionReport()
        read: SourceRead | None = None
        made_plan = plan is None  # a plan handed in belongs to the caller: left as it is
        to_run: list[PlannedOperation] = []
        executor: Executor | None = None
        ran = False
        try:
            if plan is None:
                # Read first: a source that cannot be read (an invalid CSV) stops the
                # cycle before anything at all is sent, resumed operations included.
                read = await self._read_source(watermark)
                mode = "full" if read.full else "incremental"
            await self._discover()
            report = await self._resume(cycle_id)
            _merge(counts, report.counts)
            failures.extend(report.first_failures)
            if report.fatal is None and not self.cancel_requested():
                if plan is None:
                    assert read is not None
                    planner = await self._planner()
                    executor = await self._new_executor(cycle_id)
                    if allow_deletes or linked == (0, 0):
                        # Nothing linked, nothing to remove: the threshold cannot hold
                        # this cycle, so creations may go while the rest is planned.
                        plan = await _plan_sending_ahead(planner, read, executor)
                    else:
                        plan = await planner.plan(read)
                    await self._note_group_permission(plan)
                for note in plan.notes:
                    self._note(cycle_id, note)
                # Passes over a first cycle's whole plan, each with a turn for the window.
                planned = ", ".join(f"{a} {n}" for a, n in plan.counts().items() if n)
                verdict = self.deletion_guard(plan, linked, allow_deletes=allow_deletes)
                await asyncio.sleep(0)
                total = 0 if verdict.held else plan.users_total()  # held: none will be sent
                await asyncio.sleep(0)
                self._hub.emit(
                    SyncEvent(kind="plan_ready", cycle_id=cycle_id, message=planned, total=total)
                )
                quiet: list[SyncEvent] = []
                for op in plan:
                    if verdict.held and op.writes:
                        # A held cycle sends nothing at all, creations and updates included.
                        quiet.append(self._held_event(cycle_id, op))
                        _count(counts, op.action.value, Status.HELD)
                    elif op.writes:
                        to_run.append(op)
                    elif op.action == Action.SKIP:
                        quiet.append(self._skip_event(cycle_id, op))
                        _count(counts, op.action.value, Status.SKIPPED)
                    else:
                        _count(counts, op.action.value, Status.SUCCESS)
                if verdict.held:
                    held_reason = verdict.reason + " The cycle is held: nothing was sent."
                    held_next = self._allow_step(verdict.next_step)
                    self._note(cycle_id, held_reason)
                await asyncio.sleep(0)  # a turn for the window between passes over the plan
                relinks = links_for(plan)
                if relinks:
                    await asyncio.to_thread(self.state.save_links, relinks)
                    if executor is not None:
                        # Made before the plan (for send_ahead): it learns the users just
                        # matched on the target, which groups may name as members.
                        executor.user_targets.update(
                            (link.source_id, link.target_id)
                            for link in relinks
                            if link.object_type == "User"
                        )
                if quiet:
                    await asyncio.to_thread(self.state.add_events, quiet)
                    self._hub.emit_all(quiet)
                if not self.cancel_requested():
                    if executor is None:
                        executor = await self._new_executor(cycle_id)
                    settle()  # the plan lives until the cycle ends: collections skip it
                    ran = True
                    run_report = await executor.run(to_run)
                    _merge(counts, run_report.counts)
                    failures.extend(run_report.first_failures)
                    report = _combine(report, run_report)
                else:
                    report.cancelled = True
        except (UserFacingError, WebexError) as error:
            stop_error = error
        except Exception as error:  # a bug: record the cycle as failed, keep the journal
            log.exception("The cycle stopped on an unexpected error")
            stop_error = InternalError(
                f"The cycle stopped on an unexpected error ({type(error).__name__}).",
                "See the program log; the next cycle resumes from the journal.",
            )
        if executor is not None and not ran and executor.took_ahead:
            # Creations were sent while planning and the cycle stopped before the rest:
            # their outcomes count, and the journal is left as a run leaves it.
            ahead_report = await executor.run([])
            _merge(counts, ahead_report.counts)
            failures.extend(ahead_report.first_failures)
            report = _combine(report, ahead_report)
        result = self._outcome(
            cycle_id,
            started,
            mode,
            counts,
            failures,
            report,
            stop_error,
            held_reason,
            held_next,
        )
        new_watermark = read.watermark if read is not None else None
        if read is None and not made_plan and plan is not None and plan.read_from == watermark:
            # A reviewed dry run's plan, read from the watermark the state still has.
            new_watermark = plan.watermark
        if new_watermark is not None and result.outcome == "completed":
            # Not after a held cycle: the changes it held must be read again once allowed.
            self.state.set_watermark(new_watermark)
        await asyncio.to_thread(self.state.journal_forget_finished)
        # A commit: in a worker thread, like the rest of the cycle's end (the window's turn).
        await asyncio.to_thread(self.state.finish_cycle, result)
        try:
            await asyncio.to_thread(prune_log, self.state, self.profile.retention_days)
        except Exception:  # pruning is housekeeping: never fails a cycle
            log.exception("Pruning the provisioning log failed")
        self._hub.emit(
            SyncEvent(
                kind="cycle_finished",
                cycle_id=cycle_id,
                message=result.summary(),
                next_step=result.next_step,
                result=result,
            )
        )
        # (Not the source read: a source may keep it, as EntraSource keeps its snapshot.)
        await release_gradually(to_run, plan.operations if plan is not None and made_plan else [])
        return result

    async def _resume(self, cycle_id: str) -> ExecutionReport:
        """Finish what an interrupted cycle left: in-flight creates are looked up first."""
        pending = self.state.journal_pending()
        for record in self.state.unfinished_cycles():
            if record.cycle_id == cycle_id:
                continue
            self.state.finish_cycle(
                CycleResult(
                    cycle_id=record.cycle_id,
                    started=record.started,
                    finished=self._clock(),
                    outcome="failed",
                    mode=record.mode if record.mode in ("full", "incremental") else "full",  # type: ignore[arg-type]
                    reason=INTERRUPTED_REASON,
                )
            )
        if not pending:
            return ExecutionReport()
        self._note(
            cycle_id,
            f"Resuming {len(pending)} operations left unfinished by an interrupted cycle.",
        )
        executor = await self._new_executor(cycle_id)
        return await executor.run([entry.operation for entry in pending])

    def _outcome(
        self,
        cycle_id: str,
        started: datetime,
        mode: str,
        counts: dict[str, dict[str, int]],
        failures: list[SyncEvent],
        report: ExecutionReport,
        stop_error: UserFacingError | None,
        held_reason: str,
        held_next: str,
    ) -> CycleResult:
        finished = self._clock()
        fatal: UserFacingError | None = stop_error or report.fatal
        cause = unmendable_cause(fatal) if fatal is not None else ""
        outcome: Outcome
        reason = next_step = ""
        next_attempt = None
        if not cause and failure_rate_exceeded(report.failed, report.attempted):
            cause = "failure_rate"
            reason = (
                f"{report.failed} of {report.attempted} operations failed (more than 40 %): "
                "something is wrong with the target or the mappings, not with a few users."
            )
            next_step = "Read the failures in the provisioning log (`webex-provisioner logs`)."
        if cause:
            if fatal is not None and cause in ("auth", "permission"):
                reason = fatal.message
                next_step = fatal.next_step
            quarantine = next_quarantine(
                self.state.quarantine(),
                reason=reason,
                next_step=next_step,
                cause=cause,
                now=finished,
            )
            self.state.set_quarantine(quarantine)
            outcome = "quarantined"
            next_attempt = quarantine.next_attempt
            reason = quarantine_message(quarantine)
            next_step = (
                f"{next_step} Then run `webex-provisioner restart --profile "
                f"{self.profile.name}` to try again at once."
            )
        else:
            if fatal is not None:
                outcome = "failed"
                reason = fatal.message
                next_step = fatal.next_step
                if isinstance(fatal, NetworkError):
                    cause = "network"
                elif isinstance(fatal, WebexError):
                    cause = "target"
                elif isinstance(fatal, InternalError):
                    cause = "internal"
                else:
                    cause = "input"
            elif report.cancelled or self._cancel_requested:
                outcome = "cancelled"
                reason = "The cycle was cancelled; the operations not sent yet are kept."
                next_step = "Run a cycle again to finish them."
            elif held_reason:
                outcome = "held"
                reason, next_step, cause = held_reason, held_next, "threshold"
            elif report.failed:
                outcome = "completed_with_failures"
                reason = f"{report.failed} operations failed."
                next_step = (
                    "Read the failures in the provisioning log; the next cycle retries them."
                )
            else:
                outcome = "completed"
            if outcome in ("completed", "completed_with_failures", "held"):
                self.state.clear_quarantine()
        return CycleResult(
            cycle_id=cycle_id,
            started=started,
            finished=finished,
            outcome=outcome,
            counts=counts,
            reason=reason,
            next_step=next_step,
            mode="incremental" if mode == "incremental" else "full",
            cause=cause,
            first_failures=tuple(failures[:FIRST_FAILURES]),
            next_attempt=next_attempt,
        )

    # -- provisioning on demand ---------------------------------------------------------

    async def provision_one(self, user_name: str, *, apply: bool) -> SyncEvent:
        """One user, step by step: found in the source? in scope? matched? payload, action,
        and (when `apply`) the result. The steps are in the returned event's `steps`."""
        steps: list[str] = []
        read = await self._read_source(None)
        wanted = user_name.strip().casefold()
        user = next((u for u in read.users if u.user_name.casefold() == wanted), None)
        cycle_id = new_cycle_id(self._clock()) if apply else ""
        if user is None:
            skip = next((s for s in read.skipped if s.user_name.casefold() == wanted), None)
            if skip is not None:
                steps.append(f"Found in the source, but left out: {skip.detail or skip.reason}.")
                return self._one_event(
                    cycle_id, None, steps, Status.SKIPPED, skip.reason, user_name
                )
            steps.append(f"{user_name} is not in the source.")
            return SyncEvent(
                kind="operation",
                cycle_id=cycle_id,
                action=Action.SKIP.value,
                status=Status.SKIPPED,
                user_name=user_name,
                steps=tuple(steps),
                message=f"{user_name} is not in the source.",
                next_step="Check the spelling of the userName, or the source's scope.",
            )
        steps.append(_found_words(user))
        in_scope, why = self._scope(user)
        steps.append("In scope." if in_scope else f"Not in scope: {why}.")
        link = self.state.link("User", user.source_id)
        await self._discover()
        planner = await self._planner(compare_always=True)
        one = SourceRead(full=False, users=[user], record_context=read.record_context)
        plan = await planner.plan(one)
        op = next(o for o in plan.operations if o.object_type == "User")
        if link is not None:
            steps.append(f"Matched on the target through its link: id {link.target_id}.")
        elif op.target_id:
            steps.append(f"Matched on the target: id {op.target_id}.")
        elif op.reason == p.DUPLICATE_TARGET_ENTRIES:
            steps.append(f"Not matched: {op.detail}.")
        else:
            steps.append("Not on the target yet.")
        payload = op.payload or self.mapper.user_payload(user, creating=link is None)
        steps.append("Payload: " + json.dumps(payload, ensure_ascii=False, sort_keys=True))
        action_words = f"Action: {op.action.value}"
        if op.detail:
            action_words += f" ({op.detail})"
        steps.append(action_words + ".")
        steps.extend(f"  {format_change(change)}" for change in op.changes)
        if not apply or not op.writes:
            if not op.writes and op.action == Action.NO_CHANGE and apply:
                relinks = links_for(plan)
                if relinks:
                    self.state.save_links(relinks)
            steps.append("Nothing was sent (dry run)." if not apply else "Nothing to send.")
            status = Status.SKIPPED if op.action == Action.SKIP else Status.SUCCESS
            return self._one_event(cycle_id, op, steps, status, op.reason, user.user_name)
        started = self._clock()
        self.state.start_cycle(cycle_id, started, "one")
        captured: list[SyncEvent] = []
        remove = self._hub.add(lambda e: captured.append(e) if e.kind == "operation" else None)
        try:
            report = await (await self._new_executor(cycle_id)).run([op])
        finally:
            remove()
            self._executor = None
        outcome = captured[-1] if captured else None
        status = outcome.status if outcome and outcome.status else Status.FAILURE
        if outcome is not None:
            result_words = f"Result: {status.value}"
            if outcome.message:
                result_words += f": {outcome.message}"
            steps.append(result_words + ".")
            if outcome.next_step:
                steps.append(f"Next step: {outcome.next_step}")
        await asyncio.to_thread(self.state.journal_forget_finished)
        counts: dict[str, dict[str, int]] = {}
        _merge(counts, report.counts)
        self.state.finish_cycle(
            CycleResult(
                cycle_id=cycle_id,
                started=started,
                finished=self._clock(),
                outcome="completed" if status != Status.FAILURE else "completed_with_failures",
                counts=counts,
                mode="one",
                reason=f"Provisioning on demand of {user.user_name}.",
            )
        )
        base = outcome or self._one_event(cycle_id, op, steps, status, op.reason, user.user_name)
        return replace(base, steps=tuple(steps))

    @staticmethod
    def _one_event(
        cycle_id: str,
        op: PlannedOperation | None,
        steps: list[str],
        status: Status,
        reason: str,
        user_name: str,
    ) -> SyncEvent:
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

    # -- events -------------------------------------------------------------------------

    def _note(self, cycle_id: str, text: str) -> None:
        self._hub.emit(SyncEvent(kind="note", cycle_id=cycle_id, message=text))

    @staticmethod
    def _skip_event(cycle_id: str, op: PlannedOperation) -> SyncEvent:
        return SyncEvent(
            kind="operation",
            cycle_id=cycle_id,
            object_type=op.object_type,
            action=op.action.value,
            status=Status.SKIPPED,
            source_id=op.source_id,
            user_name=op.key,
            target_id=op.target_id,
            error_code=op.reason,
            message=op.detail or op.reason,
        )

    @staticmethod
    def _held_event(cycle_id: str, op: PlannedOperation) -> SyncEvent:
        return SyncEvent(
            kind="operation",
            cycle_id=cycle_id,
            object_type=op.object_type,
            action=op.action.value,
            status=Status.HELD,
            source_id=op.source_id,
            user_name=op.key,
            target_id=op.target_id,
            modified=tuple(op.changes),
            error_code=p.HELD_BY_THRESHOLD,
            message=(
                f"{op.detail}; held by the accidental-deletion threshold"
                if op.detail
                else "held by the accidental-deletion threshold: the cycle sent nothing"
            ),
            next_step="Run `webex-provisioner sync --allow-deletes` if the removals are intended.",
        )


def _found_words(user: SourceUser) -> str:
    where = f", row {user.row}" if user.row else ""
    state = "" if user.enabled else " (disabled in the source)"
    return f"Found in the source: {user.user_name} (source id {user.source_id}{where}){state}."


def _count(counts: dict[str, dict[str, int]], action: str, status: Status) -> None:
    per_action = counts.setdefault(action, {})
    per_action[status.value] = per_action.get(status.value, 0) + 1


def _merge(counts: dict[str, dict[str, int]], more: Mapping[str, Mapping[str, int]]) -> None:
    for action, statuses in more.items():
        per_action = counts.setdefault(action, {})
        for status, number in statuses.items():
            per_action[status] = per_action.get(status, 0) + number


def _combine(first: ExecutionReport, second: ExecutionReport) -> ExecutionReport:
    return ExecutionReport(
        counts={},
        attempted=first.attempted + second.attempted,
        failed=first.failed + second.failed,
        cancelled=first.cancelled or second.cancelled,
        fatal=first.fatal or second.fatal,
        first_failures=[*first.first_failures, *second.first_failures],
        unsent=first.unsent + second.unsent,
    )


__all__ = ["InternalError", "SourceReadError", "SyncEngine", "new_cycle_id"]
