"""`sync`, `provision`, `restart` and `logs`: the engine from the command line.

Exit codes: 0 all done, 1 some operations failed, 2 bad input or configuration (nothing
sent), 3 held by the deletion threshold or quarantined, or the sign-in to Microsoft Entra ID
failed or needs a person, 4 target unreachable or authentication, 5 another process runs a
cycle of this profile.

An Entra ID profile that signs in by device code prints the sign-in URL and code on stderr
and waits, when it runs on a terminal; run by a scheduler (--scheduled) or with stdin not a
terminal, it cannot ask anyone: a sign-in that has expired ends the cycle at once (exit 3).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from app.errors import ExitCode, InputError, UserFacingError

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.directory.base import DirectorySource, SourceGroup, SourceRead, SourceUser
    from app.directory.entra.auth import DeviceCodeCallback
    from app.sync.engine import SyncEngine
    from app.sync.events import CycleResult, SyncEvent

log = logging.getLogger(__name__)

_EXIT_CODES = """exit codes: 0 all done (or a --scheduled run skipped: provisioning is off), 1 some
operations failed, 2 bad input or configuration, or provisioning is off without --force
(nothing sent), 3 held by the deletion threshold or quarantined, or the Microsoft Entra ID
sign-in failed or needs a person, 4 target unreachable or authentication, 5 another process
runs a cycle of this profile"""


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser(
        "sync",
        help="run a provisioning cycle (or show its plan with --dry-run)",
        description="Provision the profile's source into its target: one cycle, or one "
        "every --every minutes. With --dry-run, print the plan and send no write.",
        epilog=_EXIT_CODES,
    )
    sync.add_argument("--profile", required=True, metavar="NAME")
    sync.add_argument(
        "--dry-run", action="store_true", help="print the plan; nothing is written to the target"
    )
    sync.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    sync.add_argument(
        "--allow-deletes",
        action="store_true",
        help="run the disables and deletes even above the accidental-deletion threshold",
    )
    sync.add_argument(
        "--force",
        action="store_true",
        help="run one cycle even though the profile's provisioning status is off",
    )
    sync.add_argument(
        "--skip-invalid",
        action="store_true",
        help="leave invalid CSV rows out (logged as skipped) instead of stopping",
    )
    sync.add_argument(
        "--every",
        metavar="DURATION",
        help="keep running: one cycle now, then one every DURATION (e.g. 40m, 2h)",
    )
    sync.add_argument(
        "--scheduled",
        action="store_true",
        help="started by a scheduler: skip the cycle (exit 0, nothing sent) while the "
        "profile's provisioning status is off, and never wait for a person to sign in (an Entra ID device-code "
        "sign-in that has expired fails at once, exit 3)",
    )
    sync.set_defaults(handler=_sync)

    provision = subparsers.add_parser(
        "provision",
        help="provision one user now, showing each step (provisioning on demand)",
        epilog=_EXIT_CODES,
    )
    provision.add_argument("--profile", required=True, metavar="NAME")
    provision.add_argument("--user", required=True, metavar="USERNAME")
    provision.add_argument(
        "--dry-run", action="store_true", help="show the steps and the action; send nothing"
    )
    provision.add_argument("--json", action="store_true", help="machine-readable output")
    provision.set_defaults(handler=_provision)

    restart = subparsers.add_parser(
        "restart",
        help="clear the quarantine, the watermarks and unfinished journal entries",
        description="Start the profile afresh: the next cycle reads the whole source and "
        "runs at once, even if the profile was quarantined. Links and the log are kept.",
    )
    restart.add_argument("--profile", required=True, metavar="NAME")
    restart.add_argument(
        "--clear-lock",
        action="store_true",
        help="first clear a lock record left by a process that no longer runs (e.g. on "
        "another host); asks for a confirmation",
    )
    restart.add_argument(
        "--yes", action="store_true", help="with --clear-lock: do not ask (scripts)"
    )
    restart.set_defaults(handler=_restart)

    logs = subparsers.add_parser(
        "logs",
        help="show or export the provisioning log",
    )
    logs.add_argument("--profile", required=True, metavar="NAME")
    logs.add_argument("--cycle", metavar="ID", help="one cycle (`last` for the newest)")
    logs.add_argument("--format", choices=("table", "csv", "json"), default="table")
    logs.add_argument("--status", choices=("Success", "Failure", "Skipped", "Warning", "Held"))
    logs.add_argument("--search", metavar="TEXT", help="rows whose name, id or message has TEXT")
    logs.add_argument(
        "--limit", type=_row_limit, metavar="N", help="the newest N rows only (0: all of them)"
    )
    logs.set_defaults(handler=_logs)


def _row_limit(text: str) -> int:
    """--limit: a whole number, 0 or more (0: no limit); argparse shows the refusal (exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number; give 0 (all rows) or a positive number"
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"{value} is negative; give 0 (all rows) or a positive number"
        )
    return value


# -- shared -----------------------------------------------------------------------------


def _load_profile(name: str) -> Profile:
    from app.config.store import ProfileStore

    return ProfileStore().load(name)


def _device_code_callback(args: argparse.Namespace) -> DeviceCodeCallback | None:
    """Print the device-code prompt only where someone can act on it: a terminal, not a
    scheduler. Without a callback, an expired sign-in fails at once instead of waiting."""
    if getattr(args, "scheduled", False) or sys.stdin is None or not sys.stdin.isatty():
        return None
    from app.commands.connection import print_prompt

    return print_prompt


class SignInWatch:
    """The profile's source, with the Microsoft Entra ID sign-in failures it raised kept.

    The engine ends a cycle whose source cannot sign in as `failed`; this tells the command
    that the cause was the sign-in (exit 3), not the configuration.
    """

    def __init__(self, source: DirectorySource) -> None:
        self.source = source
        self.kind = source.kind
        self.sign_in_error: UserFacingError | None = None

    def __repr__(self) -> str:
        return f"SignInWatch({self.source!r})"

    def _seen(self, error: UserFacingError) -> None:
        from app.directory.entra.auth import SignInError

        if isinstance(error, SignInError):
            self.sign_in_error = error

    async def read(self, watermark: str | None = None) -> SourceRead:
        try:
            read = await self.source.read(watermark)
        except UserFacingError as error:
            self._seen(error)
            raise
        self.sign_in_error = None
        return read

    async def users(self) -> AsyncIterator[SourceUser]:
        try:
            async for user in self.source.users():
                yield user
        except UserFacingError as error:
            self._seen(error)
            raise

    async def groups(self) -> AsyncIterator[SourceGroup]:
        try:
            async for group in self.source.groups():
                yield group
        except UserFacingError as error:
            self._seen(error)
            raise

    async def aclose(self) -> None:
        await self.source.aclose()


def _open_source(profile: Profile, args: argparse.Namespace) -> SignInWatch | None:
    """The source the command hands the engine: an Entra ID source with the device-code
    prompt where one can be shown; None (the engine opens it) for the others."""
    if profile.source.kind != "entra":
        return None
    from app.directory.factory import open_source

    return SignInWatch(open_source(profile, device_code_callback=_device_code_callback(args)))


def _exit_code(result: CycleResult, source: SignInWatch | None) -> int:
    if source is not None and source.sign_in_error is not None and result.outcome == "failed":
        return int(ExitCode.AUTH)  # signing in to Entra ID failed or needs a person
    return exit_code_for(result)


def exit_code_for(result: CycleResult) -> int:
    """The exit code of a cycle, after the table in the module docstring."""
    if result.outcome == "completed":
        return int(ExitCode.OK)
    if result.outcome == "held":
        return int(ExitCode.HELD)
    if result.outcome == "quarantined":
        if result.cause in ("auth", "permission") and not result.skipped:
            return int(ExitCode.UNREACHABLE)  # this cycle found the token refused
        return int(ExitCode.HELD)
    if result.outcome == "failed":
        if result.cause == "input":
            return int(ExitCode.BAD_INPUT)
        if result.cause == "internal":
            return int(ExitCode.FAILURES)
        return int(ExitCode.UNREACHABLE)
    return int(ExitCode.FAILURES)


def _print_result(result: CycleResult, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    stream = sys.stdout if result.outcome in ("completed",) else sys.stderr
    print(result.summary(), file=stream)
    if result.next_step:
        print(f"Next step: {result.next_step}", file=stream)
    for failure in result.first_failures:
        line = f"  {failure.action} {failure.user_name}: {failure.message}"
        if failure.tracking_id:
            line += f" [TrackingID {failure.tracking_id}]"
        print(line, file=sys.stderr)


def _progress_listener(args: argparse.Namespace) -> Callable[[SyncEvent], None] | None:
    if getattr(args, "json", False) or not sys.stderr.isatty():
        return None
    from app.sync.progress import ProgressBar

    return ProgressBar(sys.stderr)


STOP_GRACE_ENV = "WEBEX_PROVISIONER_STOP_GRACE"


def stop_grace() -> float:
    """Seconds the operations in flight get to end after Ctrl+C or SIGTERM (default 10)."""
    text = os.environ.get(STOP_GRACE_ENV, "").strip()
    try:
        value = float(text) if text else 10.0
    except ValueError:
        value = 10.0
    return value if 0 <= value < float("inf") else 10.0


def _install_stop(engine: SyncEngine, stop: asyncio.Event | None = None) -> None:
    """First Ctrl+C (or SIGTERM): finish the operations in flight and stop cleanly.

    The operations in flight get `stop_grace()` seconds; past them the cycle's task is
    cancelled, so a stuck server cannot keep the process alive (issue 22). What was in
    flight stays in the journal and is checked first by the next cycle, as after a kill.
    """
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()

    def force_stop() -> None:
        if task is not None and not task.done():
            log.warning(
                "The operations in flight did not end within %g s of the stop request; "
                "stopping now (the next cycle checks them first).",
                stop_grace(),
            )
            task.cancel()

    def on_signal() -> None:
        print("\nStopping after the operations in flight...", file=sys.stderr)
        engine.cancel()
        if stop is not None:
            stop.set()
        loop.call_later(stop_grace(), force_stop)
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)  # a second Ctrl+C stops at once

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, on_signal)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C interrupts as usual
            return


# -- sync -------------------------------------------------------------------------------


def _sync(args: argparse.Namespace) -> int:
    from app.config.secrets import resolve_webex_token

    profile = _load_profile(args.profile)
    refused = _status_off_rule(profile, args)
    if refused is not None:
        return refused
    if args.skip_invalid and profile.source.csv is not None:
        profile = profile.model_copy(deep=True)
        assert profile.source.csv is not None
        profile.source.csv.skip_invalid = True
    every: timedelta | None = None
    if args.every:
        from app.config.profile import parse_every

        every = timedelta(minutes=parse_every(args.every))
    token = resolve_webex_token(profile.name)
    if args.dry_run:
        return asyncio.run(_dry_run(profile, token, args))
    with _cycle_lock(profile):
        try:
            if every is not None:
                return asyncio.run(_sync_every(profile, token, args, every))
            return asyncio.run(_sync_once(profile, token, args))
        except asyncio.CancelledError:  # stopped past the grace period (_install_stop)
            print(
                f"Stopped. The cycle was interrupted; run `webex-provisioner sync --profile "
                f"{profile.name}` to finish it (what was in flight is checked first).",
                file=sys.stderr,
            )
            return int(ExitCode.FAILURES)


@contextlib.contextmanager
def _cycle_lock(profile: Profile) -> Iterator[None]:
    """The profile's lock for one `sync`; a run turned away by a holder that has run for
    longer than the stuck setting reports it in the log and the failure e-mail (exit 5)."""
    from app.sync.lock import LockHeld, ProfileLock

    try:
        lock = ProfileLock(profile.name, purpose="sync").__enter__()
    except LockHeld as held:
        if held.stuck:
            _report_stuck_holder(profile, held)
        raise
    try:
        yield
    finally:
        lock.release()


def stuck_holder_result(held: Any) -> CycleResult:
    """The failure e-mail's view of a holder that may be stuck (a LockHeld with `stuck`)."""
    from datetime import UTC, datetime

    from app.sync.events import CycleResult

    now = datetime.now(UTC)
    return CycleResult(
        cycle_id=f"not-started-{now.strftime('%Y%m%d-%H%M%S')}",
        started=held.owner.started if held.owner is not None else now,
        finished=now,
        outcome="failed",
        reason=held.message,
        next_step=held.next_step,
        cause="lock",
    )


def _report_stuck_holder(profile: Profile, held: Any) -> None:
    log.warning("Profile %s: %s %s", profile.name, held.message, held.next_step)

    async def mail() -> None:
        from app.paths import state_file
        from app.sync.state import StateStore

        with StateStore(state_file(profile.name)) as state:
            from app.notify.policy import FailureNotifier

            notifier = FailureNotifier.for_profile(
                profile,
                get_last_reason=state.last_notification_reason,
                set_last_reason=state.set_last_notification_reason,
            )
            await notifier.notify(stuck_holder_result(held))

    try:
        asyncio.run(mail())
    except Exception as error:  # a mail problem never changes the exit code
        print(f"warning: the failure e-mail was not sent ({error})", file=sys.stderr)


def _status_off_rule(profile: Profile, args: argparse.Namespace) -> int | None:
    """Provisioning status Off means no cycle runs (issue 23), one rule everywhere: a
    scheduled run is skipped (exit 0, nothing sent), a cycle the admin starts is refused
    unless --force runs it once anyway, and --dry-run always works. None: go on."""
    if args.dry_run or profile.provisioning_enabled:
        return None
    turn_on = f"webex-provisioner profile set {profile.name} --provisioning on"
    if args.scheduled and not args.force:
        print(
            f"Provisioning is off for profile {profile.name}: the scheduled cycle was "
            f"skipped and nothing was sent. Turn it on with `{turn_on}`.",
            file=sys.stderr,
        )
        if args.json:
            print(json.dumps({"outcome": "skipped", "reason": "provisioning is off"}))
        return int(ExitCode.OK)
    if args.every:
        print(
            f"Provisioning is off for profile {profile.name}: --every runs scheduled cycles, "
            f"which do not run while it is off; nothing was sent. Turn it on with `{turn_on}`, "
            f"or run one cycle with `webex-provisioner sync --profile {profile.name} --force`.",
            file=sys.stderr,
        )
        return int(ExitCode.BAD_INPUT)
    if not args.force:
        print(
            f"Provisioning is off for profile {profile.name}: no cycle was run and nothing "
            f"was sent. To run one cycle anyway, add --force (`webex-provisioner sync "
            f"--profile {profile.name} --force`); to keep it running, `{turn_on}`. "
            "`--dry-run` shows what a cycle would do.",
            file=sys.stderr,
        )
        return int(ExitCode.BAD_INPUT)
    print(
        f"Provisioning is off for profile {profile.name}: running one cycle anyway (--force).",
        file=sys.stderr,
    )
    return None


async def _dry_run(profile: Profile, token: str, args: argparse.Namespace) -> int:
    from app.sync.engine import SyncEngine

    source = _open_source(profile, args)
    try:
        async with SyncEngine(profile, token=token, source=source) as engine:
            plan = await engine.dry_run()
    finally:
        if source is not None:
            await source.aclose()
    print(plan.to_json() if args.json else plan.render_text())
    if plan.hold is not None and not args.json:
        # Also on stderr: a dry run piped to a file still warns the admin on the terminal.
        print(f"warning: {plan.hold.reason}", file=sys.stderr)
    return int(ExitCode.OK)


async def _sync_once(profile: Profile, token: str, args: argparse.Namespace) -> int:
    from app.sync.engine import SyncEngine

    source = _open_source(profile, args)
    try:
        async with SyncEngine(profile, token=token, source=source) as engine:
            listener = _progress_listener(args)
            if listener is not None:
                engine.add_listener(listener)
            _install_stop(engine)
            result = await engine.run_cycle(allow_deletes=args.allow_deletes)
            await _notify(profile, engine, result)
    finally:
        if source is not None:
            await source.aclose()
    _print_result(result, as_json=args.json)
    return _exit_code(result, source)


async def _sync_every(
    profile: Profile, token: str, args: argparse.Namespace, every: timedelta
) -> int:
    source = _open_source(profile, args)
    try:
        return await _every(profile, token, args, every, source)
    finally:
        if source is not None:
            await source.aclose()


async def _every(
    profile: Profile,
    token: str,
    args: argparse.Namespace,
    every: timedelta,
    source: SignInWatch | None,
) -> int:
    from app.sync.engine import SyncEngine
    from app.sync.scheduler import CycleScheduler

    last: list[CycleResult] = []
    stop = asyncio.Event()
    async with SyncEngine(profile, token=token, source=source) as engine:
        listener = _progress_listener(args)
        if listener is not None:
            engine.add_listener(listener)

        idle = asyncio.Event()
        idle.set()

        async def one_cycle() -> CycleResult:
            idle.clear()
            try:
                result = await engine.run_cycle(allow_deletes=args.allow_deletes)
                last.append(result)
                await _notify(profile, engine, result)
                _print_result(result, as_json=args.json)
            finally:
                idle.set()
            return result

        def not_before() -> Any:
            quarantine = engine.state.quarantine()
            return quarantine.next_attempt if quarantine else None

        def provisioning_on() -> bool:
            # Read again before each cycle: switched off meanwhile, the cycles stop.
            return _load_profile(profile.name).provisioning_enabled

        scheduler = CycleScheduler(
            one_cycle, every=every, not_before=not_before, enabled=provisioning_on
        )
        _install_stop(engine, stop)
        scheduler.start()
        if not args.json:
            print(
                f"Running a cycle every {every}; press Ctrl+C to stop.",
                file=sys.stderr,
            )
        await stop.wait()
        await idle.wait()  # a cancelled cycle finishes its operations in flight, then ends
        await scheduler.stop()
    return _exit_code(last[-1], source) if last else int(ExitCode.OK)


async def _notify(profile: Profile, engine: SyncEngine, result: CycleResult) -> None:
    """The failure e-mail: one per new reason (the notifier keeps the last in the state)."""
    try:
        from app.notify.policy import FailureNotifier

        notifier = FailureNotifier.for_profile(
            profile,
            get_last_reason=engine.state.last_notification_reason,
            set_last_reason=engine.state.set_last_notification_reason,
        )
        await notifier.notify(result)
    except Exception as error:  # a mail problem never fails the cycle
        print(f"warning: the failure e-mail was not sent ({error})", file=sys.stderr)


# -- provision --------------------------------------------------------------------------


def _provision(args: argparse.Namespace) -> int:
    from app.config.secrets import resolve_webex_token

    profile = _load_profile(args.profile)
    token = resolve_webex_token(profile.name)
    return asyncio.run(_provision_async(profile, token, args))


async def _provision_async(profile: Profile, token: str, args: argparse.Namespace) -> int:
    from app.sync.engine import SyncEngine
    from app.sync.events import Status

    source = _open_source(profile, args)
    try:
        async with SyncEngine(profile, token=token, source=source) as engine:
            event = await engine.provision_one(args.user, apply=not args.dry_run)
    finally:
        if source is not None:
            await source.aclose()
    if args.json:
        print(
            json.dumps(
                {
                    "user_name": event.user_name,
                    "action": event.action,
                    "status": event.status.value if event.status else "",
                    "target_id": event.target_id,
                    "steps": list(event.steps),
                    "message": event.message,
                    "next_step": event.next_step,
                },
                ensure_ascii=False,
            )
        )
    else:
        for number, step in enumerate(event.steps, start=1):
            print(step if step.startswith("  ") else f"{number}. {step}")
    if event.status == Status.FAILURE:
        return int(ExitCode.FAILURES)
    if event.status == Status.SKIPPED and not event.source_id:
        return int(ExitCode.BAD_INPUT)  # not in the source
    return int(ExitCode.OK)


# -- restart ----------------------------------------------------------------------------


def _restart(args: argparse.Namespace) -> int:
    from app.paths import state_file
    from app.sync.lock import ProfileLock
    from app.sync.state import StateStore

    profile = _load_profile(args.profile)
    if args.clear_lock and not _clear_lock(profile.name, assume_yes=args.yes):
        print("Nothing was cleared.")
        return int(ExitCode.OK)
    # Clearing the journal under a running cycle would lose its in-flight operations.
    with (
        ProfileLock(profile.name, purpose="sync"),
        StateStore(state_file(profile.name)) as state,
    ):
        quarantine = state.quarantine()
        cleared = state.restart()
    if quarantine is not None:
        print(f"The quarantine is lifted (it said: {quarantine.reason})")
    print(
        f"Profile {profile.name} restarted: {cleared['watermarks']} watermarks and "
        f"{cleared['journal']} journal entries cleared. The next cycle reads the whole source."
    )
    return int(ExitCode.OK)


def _clear_lock(profile_name: str, *, assume_yes: bool) -> bool:
    """Show the lock record (host, age) and clear it once confirmed; False: not confirmed."""
    from app.sync.lock import ProfileLock

    lock = ProfileLock(profile_name, purpose="sync")
    owner = lock.recorded_owner()
    if owner is None:
        print(f"The lock of profile {profile_name} is free: there is no record to clear.")
        return True
    print(f"Lock record of profile {profile_name}: {owner.describe(profile_name)}.")
    if not assume_yes:
        if sys.stdin is None or not sys.stdin.isatty():
            raise InputError(
                "Clearing the lock needs a confirmation, and there is no terminal to ask.",
                f"Check that process {owner.pid} on {owner.host} no longer runs a cycle, then "
                f"run `webex-provisioner restart --profile {profile_name} --clear-lock --yes`.",
            )
        answer = input(
            f"Clear it? Only if process {owner.pid} on {owner.host} no longer runs. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            return False
    lock.clear_record()  # refused (exit 5) while a process of this computer holds it
    print(f"The lock record of profile {profile_name} was cleared.")
    return True


# -- logs -------------------------------------------------------------------------------


def _logs(args: argparse.Namespace) -> int:
    from app.errors import InputError
    from app.paths import state_file
    from app.sync.state import StateStore

    profile = _load_profile(args.profile)
    path = state_file(profile.name)
    if not path.exists():
        print(f"Profile {profile.name} has no provisioning log yet: no cycle has run.")
        return int(ExitCode.OK)
    with StateStore(path) as state:
        cycle_id = args.cycle
        interrupted = _interrupted(profile.name, state)
        if cycle_id == "last":
            last = state.last_cycle()
            cycle_id = last.cycle_id if last else None
            if interrupted is not None:
                # Never hidden: the newest cycle is the one that stopped half-way.
                cycle_id = interrupted.cycle_id
                print(
                    f"{interrupted.describe()} Run `webex-provisioner sync --profile "
                    f"{profile.name}` to resume it: the operations not answered are sent "
                    "once, nothing is created twice.",
                    file=sys.stderr if args.format in ("json", "csv") else sys.stdout,
                )
        elif cycle_id and state.cycle(cycle_id) is None:
            raise InputError(
                f"Profile {profile.name} has no cycle {cycle_id}.",
                f"List its cycles with `webex-provisioner logs --profile {profile.name}`.",
            )
        filters: dict[str, Any] = {
            "cycle_id": cycle_id,
            "status": args.status,
            "text": args.search,
        }
        if args.limit:
            entries = state.query_log(**filters, limit=args.limit, newest_first=True)[::-1]
        else:
            entries = state.query_log(**filters)
        if args.format == "json":
            print(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2))
        elif args.format == "csv":
            if args.limit:
                print(_entries_csv(entries), end="")
            else:
                print(state.export_log("csv", **filters), end="")
        else:
            _print_table(
                entries,
                state.cycles(limit=10) if not cycle_id else [],
                interrupted.cycle_id if interrupted is not None else "",
            )
    return int(ExitCode.OK)


def _interrupted(profile_name: str, state: Any) -> Any:
    """The profile's interrupted cycle (started, never ended, nobody holds the lock), or None."""
    from app.sync.lock import ProfileLock

    found = state.interrupted_cycle()
    if found is None or ProfileLock(profile_name).current_owner() is not None:
        return None  # none, or it is running now in a live process
    return found


def _entries_csv(entries: list[Any]) -> str:
    import csv
    import io

    from app.sync.spreadsheet import spreadsheet_row
    from app.sync.state.provisioning_log import LOG_COLUMNS

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LOG_COLUMNS)
    for entry in entries:
        row = entry.to_dict()
        row["modified"] = json.dumps(row["modified"], ensure_ascii=False)
        writer.writerow(spreadsheet_row(row[c] for c in LOG_COLUMNS))  # formulas neutralised
    return out.getvalue()


def _print_table(entries: list[Any], cycles: list[Any], interrupted_id: str = "") -> None:
    if cycles:
        print("Recent cycles:")
        for cycle in cycles:
            totals = {a: sum(s.values()) for a, s in cycle.counts.items()}
            done = ", ".join(f"{a} {n}" for a, n in sorted(totals.items())) or "-"
            when = cycle.started.astimezone().strftime("%Y-%m-%d %H:%M")
            outcome = cycle.outcome or (
                "interrupted" if cycle.cycle_id == interrupted_id else "running"
            )
            if cycle.was_interrupted:
                outcome = "interrupted, then resumed"
            print(f"  {cycle.cycle_id}  {when}  {outcome}  {done}")
        print()
    if not entries:
        print("No log rows match.")
        return
    for entry in entries:
        when = entry.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        line = (
            f"{when}  {entry.action:<8} {entry.status:<8} {entry.object_type:<5} {entry.user_name}"
        )
        if entry.message:
            line += f"  {entry.message}"
        if entry.error_code and entry.status == "Failure":
            line += f" [{entry.error_code}]"
        print(line)
