"""SyncEngine: one profile's cycles, dry runs and provisioning on demand. Pure asyncio, no Qt.

A cycle: check the quarantine, resume what an interrupted cycle left in the journal, read
the source (a delta when a watermark exists and the source offers one), plan, apply the
deletion threshold, execute, then decide the outcome (quarantine when a failure no retry
can mend happened, or when too many operations failed). Every step is an event for the
provisioning log and for listeners (the GUI's activity view, the terminal progress bar).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from app.directory.base import DirectorySource, SourceRead, SourceUser
from app.errors import InputError, UserFacingError
from app.gc_pause import paused_gc, settle
from app.messages import Message
from app.paths import state_file
from app.sync import on_demand_messages as said_one
from app.sync import outcome_messages as said
from app.sync import plan as p
from app.sync.events import CycleResult, EventHub, Listener, Status, SyncEvent, utc_now
from app.sync.executor import ExecutionReport, Executor
from app.sync.mapping import Mapper, user_attributes
from app.sync.on_demand import (
    find_user,
    found_words,
    not_found_event,
    one_event,
    plan_words,
    result_words,
    scope_words,
    with_steps,
)
from app.sync.outcome import (
    CycleTally,
    InternalError,
    cycle_outcome,
    held_event,
    merge_counts,
    quarantine_wait,
    skipped_event,
)
from app.sync.pacing import plan_sending_ahead, release_gradually
from app.sync.plan import Action, Plan, PlannedOperation
from app.sync.planner import Planner, PlannerOptions, links_for, mapping_fingerprint
from app.sync.retention import prune_log
from app.sync.safety import GuardVerdict, SafetySettings, check_deletion_guard
from app.sync.scoping import explain_said, validate_filters
from app.sync.state import StateStore, open_profile_state
from app.sync.state.records import INTERRUPTED_REASON, Link
from app.webex.errors import WebexError

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.sync.executor import TargetWriter

log = logging.getLogger(__name__)


class SourceReadError(UserFacingError):
    """The source could not be read; nothing was sent."""


@dataclass(slots=True)
class _CycleRun:
    """One cycle's working set, handed from phase to phase."""

    tally: CycleTally
    watermark: str | None  # the state's when the cycle started
    linked: tuple[int, int]  # (active users, groups) provisioned before it: the threshold's base
    plan: Plan | None  # handed in (a reviewed dry run's), or made by the cycle
    read: SourceRead | None = None
    to_run: list[PlannedOperation] = field(default_factory=list)  # the writes to send
    executor: Executor | None = None
    ran: bool = False  # the executor was given the plan's writes
    made_plan: bool = True  # a plan handed in belongs to the caller: left as it is


def new_cycle_id(now: datetime) -> str:
    return f"{now.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"


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
        self.profile = profile
        self._token = token
        self._source = source
        self._owns_source = source is None
        self._client = client
        self._owns_client = client is None
        if state is None:
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
            # deferred: the Webex client (httpx, SCIM models), only for an engine that makes it
            import app.webex.client
        if source is None:
            # deferred: the source readers (CSV, Graph), only for an engine that opens its own
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
            # deferred: loaded already by __init__ (see there); a tests' fake needs none
            from app.webex.client import WebexClient

            self._client = WebexClient(
                self.profile.target.tenant_url,
                self._token,
                max_concurrency=self.profile.concurrency_cap,
            )
        return self._client

    def _directory(self) -> DirectorySource:
        if self._source is None:
            # deferred: loaded already by __init__ (see there); a source handed in needs none
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
                said.SOURCE_UNREADABLE(problem=error.strerror or type(error).__name__),
                said.SOURCE_UNREADABLE_NEXT(),
            ) from error

    def _scope(self, user: SourceUser) -> tuple[bool, str | Message]:
        """In scope? Filters see what mappings see (accountEnabled, userPrincipalName, id)."""
        if not self.profile.scoping:
            return True, ""
        why = explain_said(user_attributes(user), self.profile.scoping)
        return why is None, why or ""

    def _load_links(self) -> tuple[dict[str, Link], dict[str, Link]]:
        return self.state.links("User"), self.state.links("Group")

    def _linked_counts(self) -> tuple[int, int]:
        """(active users, groups) the profile has provisioned: the threshold's base."""
        return (
            self.state.count_links("User", active_only=True),
            self.state.count_links("Group"),
        )

    def _allow_said(self) -> Message:
        """The threshold's next step, naming this profile (the window names its button)."""
        return said.ALLOW_NEXT(profile=self.profile.name)

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
            plan.hold = verdict.plan_hold(self._allow_said())
        pending = await asyncio.to_thread(self.state.journal_pending)
        if pending:
            plan.add_note(said.RESUMED_FIRST(count=len(pending)))
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
            plan.add_note(said.GROUPS_DENIED(roles=me.role_words()))

    def _watermark(self) -> str | None:
        return self.state.watermark()

    # -- a cycle ------------------------------------------------------------------------

    async def run_cycle(
        self, *, allow_deletes: bool = False, plan: Plan | None = None
    ) -> CycleResult:
        """Run one cycle (incremental when the source has a watermark and offers deltas)."""
        if self._running:
            raise InputError(said.ALREADY_RUNNING(), said.ALREADY_RUNNING_NEXT())
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
        """The phases of a cycle: start (unless quarantined), read the source and resume,
        plan, guard, execute, finish."""
        started = self._clock()
        cycle_id = new_cycle_id(started)
        waiting = self._quarantine_wait(cycle_id, started)
        if waiting is not None:
            return waiting
        run = await self._start(cycle_id, started, plan)
        try:
            await self._read_and_resume(run)
            if run.tally.report.fatal is None and not self.cancel_requested():
                plan = await self._make_plan(run, allow_deletes=allow_deletes)
                verdict = await self._guard(run, plan, allow_deletes=allow_deletes)
                quiet = self._sort(run, plan, verdict)
                await self._record_plan(plan, quiet, run.executor)
                await self._execute(run)
        except (UserFacingError, WebexError) as error:
            run.tally.stop_error = error
        except Exception as error:  # a bug: record the cycle as failed, keep the journal
            log.exception("The cycle stopped on an unexpected error")
            run.tally.stop_error = InternalError(
                said.UNEXPECTED(kind=type(error).__name__), said.UNEXPECTED_NEXT()
            )
        await self._collect_sent_ahead(run)
        return await self._finish(run)

    def _quarantine_wait(self, cycle_id: str, started: datetime) -> CycleResult | None:
        """The cycle skipped while the profile's quarantine waits for its next attempt."""
        quarantine = self.state.quarantine()
        if quarantine is None or started >= quarantine.next_attempt:
            return None
        result = quarantine_wait(quarantine, cycle_id, started, self.profile.name)
        self._hub.emit(
            SyncEvent(
                "cycle_finished",
                cycle_id,
                message=result.reason,
                result=result,
                coded_message=result.coded_reason,
            )
        )
        return result

    async def _start(self, cycle_id: str, started: datetime, plan: Plan | None) -> _CycleRun:
        """Record the cycle's start, with what the profile had provisioned before it."""
        watermark = self._watermark()
        mode = "incremental" if watermark else "full"
        # What the profile has provisioned before this cycle sends anything: the deletion
        # threshold measures against it, not against the total after the cycle's creations.
        linked = await asyncio.to_thread(self._linked_counts)
        self.state.start_cycle(cycle_id, started, mode)
        self._hub.emit(SyncEvent(kind="cycle_started", cycle_id=cycle_id, time=started))
        tally = CycleTally(cycle_id, started, mode)
        return _CycleRun(tally, watermark, linked, plan, made_plan=plan is None)

    async def _read_and_resume(self, run: _CycleRun) -> None:
        """Read the source (not for a plan handed in), then finish what an interrupted cycle
        left in the journal."""
        if run.plan is None:
            # Read first: a source that cannot be read (an invalid CSV) stops the
            # cycle before anything at all is sent, resumed operations included.
            run.read = await self._read_source(run.watermark)
            run.tally.mode = "full" if run.read.full else "incremental"
        await self._discover()
        run.tally.add(await self._resume(run.tally.cycle_id))

    async def _make_plan(self, run: _CycleRun, *, allow_deletes: bool) -> Plan:
        """The cycle's plan (unless one was handed in), its notes told."""
        plan = run.plan
        if plan is None:
            assert run.read is not None
            planner = await self._planner()
            run.executor = await self._new_executor(run.tally.cycle_id)
            if allow_deletes or run.linked == (0, 0):
                # Nothing linked, nothing to remove: the threshold cannot hold
                # this cycle, so creations may go while the rest is planned.
                plan = await plan_sending_ahead(planner, run.read, run.executor)
            else:
                plan = await planner.plan(run.read)
            run.plan = plan
            await self._note_group_permission(plan)
        for note in plan.said_notes():
            self._note(run.tally.cycle_id, note)
        return plan

    async def _guard(self, run: _CycleRun, plan: Plan, *, allow_deletes: bool) -> GuardVerdict:
        """The deletion threshold's verdict, announced with the plan's counts (plan_ready)."""
        # Passes over a first cycle's whole plan, each with a turn for the window.
        planned = ", ".join(f"{a} {n}" for a, n in plan.counts().items() if n)
        verdict = self.deletion_guard(plan, run.linked, allow_deletes=allow_deletes)
        await asyncio.sleep(0)
        total = 0 if verdict.held else plan.users_total()  # held: none will be sent
        await asyncio.sleep(0)
        self._hub.emit(
            SyncEvent(kind="plan_ready", cycle_id=run.tally.cycle_id, message=planned, total=total)
        )
        return verdict

    def _sort(self, run: _CycleRun, plan: Plan, verdict: GuardVerdict) -> list[SyncEvent]:
        """The writes to send go to run.to_run; the operations not sent are counted, and the
        events of those held or skipped returned."""
        cycle_id, tally = run.tally.cycle_id, run.tally
        quiet: list[SyncEvent] = []
        for op in plan:
            if verdict.held and op.writes:
                # A held cycle sends nothing at all, creations and updates included.
                quiet.append(held_event(cycle_id, op))
                tally.count(op.action.value, Status.HELD)
            elif op.writes:
                run.to_run.append(op)
            elif op.action == Action.SKIP:
                quiet.append(skipped_event(cycle_id, op))
                tally.count(op.action.value, Status.SKIPPED)
            else:
                tally.count(op.action.value, Status.SUCCESS)
        if verdict.held:
            tally.hold(verdict.held_reason(), self._allow_said())
            self._note(cycle_id, tally.held_coded_reason or tally.held_reason)
        return quiet

    async def _record_plan(
        self, plan: Plan, quiet: list[SyncEvent], executor: Executor | None
    ) -> None:
        """Save the links the plan found on the target; log the operations not sent."""
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

    async def _execute(self, run: _CycleRun) -> None:
        """Send the plan's writes, unless the cycle was cancelled meanwhile."""
        if self.cancel_requested():
            run.tally.report.cancelled = True
            return
        if run.executor is None:
            run.executor = await self._new_executor(run.tally.cycle_id)
        settle()  # the plan lives until the cycle ends: collections skip it
        run.ran = True
        run.tally.add(await run.executor.run(run.to_run))

    async def _collect_sent_ahead(self, run: _CycleRun) -> None:
        """Count the creations sent while planning when the cycle stopped before the rest."""
        if run.executor is not None and not run.ran and run.executor.took_ahead:
            # Their outcomes count, and the journal is left as a run leaves it.
            run.tally.add(await run.executor.run([]))

    async def _finish(self, run: _CycleRun) -> CycleResult:
        """The outcome; the watermark moved on after a completed cycle; the journal, the
        cycle's record and the log's pruning; then cycle_finished."""
        result = cycle_outcome(
            run.tally,
            self.state,
            profile_name=self.profile.name,
            cancel_requested=self._cancel_requested,
            finished=self._clock(),
        )
        plan = run.plan
        new_watermark = run.read.watermark if run.read is not None else None
        handed_in = None if run.read is not None or run.made_plan else plan
        if handed_in is not None and handed_in.read_from == run.watermark:
            # A reviewed dry run's plan, read from the watermark the state still has.
            new_watermark = handed_in.watermark
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
                cycle_id=run.tally.cycle_id,
                message=result.summary(),
                coded_message=result.summary_said(),
                next_step=result.next_step,
                result=result,
                coded_next_step=result.coded_next_step,
            )
        )
        # (Not the source read: a source may keep it, as EntraSource keeps its snapshot.)
        await release_gradually(
            run.to_run, plan.operations if plan is not None and run.made_plan else []
        )
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
                    coded_reason=said.INTERRUPTED(),
                )
            )
        if not pending:
            return ExecutionReport()
        self._note(cycle_id, said.RESUMING(count=len(pending)))
        executor = await self._new_executor(cycle_id)
        return await executor.run([entry.operation for entry in pending])

    # -- provisioning on demand ---------------------------------------------------------

    async def provision_one(self, user_name: str, *, apply: bool) -> SyncEvent:
        """One user, step by step: found in the source? in scope? matched? payload, action,
        and (when `apply`) the result. The steps are in the returned event's `steps`."""
        read = await self._read_source(None)
        user = find_user(read, user_name)
        cycle_id = new_cycle_id(self._clock()) if apply else ""
        if user is None:
            return not_found_event(read, user_name, cycle_id)
        in_scope, why = self._scope(user)
        steps = [found_words(user), scope_words(in_scope, why)]
        link = self.state.link("User", user.source_id)
        await self._discover()
        planner = await self._planner(compare_always=True)
        one = SourceRead(full=False, users=[user], record_context=read.record_context)
        plan = await planner.plan(one)
        op = next(o for o in plan.operations if o.object_type == "User")
        payload = op.payload or self.mapper.user_payload(user, creating=link is None)
        steps.extend(plan_words(op, link, payload))
        if apply and op.writes:
            return await self._apply_one(cycle_id, op, user.user_name, steps)
        if apply and op.action == Action.NO_CHANGE:
            relinks = links_for(plan)
            if relinks:
                self.state.save_links(relinks)
        steps.append(said_one.DRY_RUN() if not apply else said_one.NOTHING_TO_SEND())
        status = Status.SKIPPED if op.action == Action.SKIP else Status.SUCCESS
        return one_event(cycle_id, op, steps, status, op.reason, user.user_name)

    async def _apply_one(
        self, cycle_id: str, op: PlannedOperation, user_name: str, steps: list[Message]
    ) -> SyncEvent:
        """Send one user's operation as a cycle of its own (mode "one"); the steps end with
        the target's answer."""
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
            steps.extend(result_words(outcome, status))
        await asyncio.to_thread(self.state.journal_forget_finished)
        counts: dict[str, dict[str, int]] = {}
        merge_counts(counts, report.counts)
        self.state.finish_cycle(
            CycleResult(
                cycle_id=cycle_id,
                started=started,
                finished=self._clock(),
                outcome="completed" if status != Status.FAILURE else "completed_with_failures",
                counts=counts,
                mode="one",
                reason=said_one.CYCLE_REASON(user=user_name).english,
                coded_reason=said_one.CYCLE_REASON(user=user_name),
            )
        )
        base = outcome or one_event(cycle_id, op, steps, status, op.reason, user_name)
        return with_steps(base, steps)

    # -- events -------------------------------------------------------------------------

    def _note(self, cycle_id: str, text: str | Message) -> None:
        coded = text if isinstance(text, Message) else None
        self._hub.emit(SyncEvent("note", cycle_id, message=str(text), coded_message=coded))


__all__ = ["SourceReadError", "SyncEngine", "new_cycle_id"]
