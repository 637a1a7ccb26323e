"""`sync`: the engine's cycles from the command line, one or one every --every; the other
engine commands are declared beside it (`provision` in app.commands.provision, `restart`
and `logs` in app.commands.logs). A cycle runs through app.run.cycle.LockedCycle, as in
the window.

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
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.commands import cli_messages as said
from app.commands import logs, provision
from app.commands.cli_output import cycle_summary, failure_line, plan_text, text_of
from app.commands.engine_args import EXIT_CODES, device_code_prompt, load_profile
from app.errors import ExitCode, UserFacingError
from app.language import cli_text, current_language, translator
from app.paths import state_file
from app.sync.events import CycleResult, SyncEvent
from app.sync.lock import LockHeld
from app.sync.progress import ProgressBar

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.run.cycle import LockedCycle, ProfileEngine
    from app.sync.engine import SyncEngine

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    """The engine's commands: `sync` here, `provision`, `restart` and `logs` beside it."""
    _register_sync(subparsers)
    provision.register(subparsers)
    logs.register(subparsers)


def _register_sync(subparsers: Any) -> None:
    sync = subparsers.add_parser(
        "sync",
        help="run a provisioning cycle (or show its plan with --dry-run)",
        description="Provision the profile's source into its target: one cycle, or one "
        "every --every minutes. With --dry-run, print the plan and send no write.",
        epilog=EXIT_CODES,
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


# -- results ----------------------------------------------------------------------------


def _exit_code(result: CycleResult, cycle: ProfileEngine) -> int:
    if cycle.sign_in_error is not None and result.outcome == "failed":
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
    print(cycle_summary(result), file=stream)
    next_step = text_of(result.next_step, result.coded_next_step)
    if next_step:
        print(cli_text(said.NEXT_STEP(step=next_step)), file=stream)
    for failure in result.first_failures:
        print(failure_line(failure), file=sys.stderr)


def _mail_not_sent(error: Exception) -> None:
    """A failure e-mail that could not be sent: said on stderr, the exit code unchanged."""
    why = (
        error.render(translator(current_language()), "cli")
        if isinstance(error, UserFacingError)
        else str(error)
    )
    print(cli_text(said.MAIL_NOT_SENT(error=why)), file=sys.stderr)


def _progress_listener(args: argparse.Namespace) -> Callable[[SyncEvent], None] | None:
    if getattr(args, "json", False) or not sys.stderr.isatty():
        return None
    return ProgressBar(sys.stderr)


def _listen(engine: SyncEngine, args: argparse.Namespace) -> None:
    listener = _progress_listener(args)
    if listener is not None:
        engine.add_listener(listener)


# -- stopping ---------------------------------------------------------------------------

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
        print("\n" + cli_text(said.STOPPING()), file=sys.stderr)
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
    # deferred: keyring loads for a command, not for --help
    from app.config.secrets import resolve_webex_token

    profile = load_profile(args.profile)
    refused = _status_off_rule(profile, args)
    if refused is not None:
        return refused
    if args.skip_invalid and profile.source.csv is not None:
        profile = profile.model_copy(deep=True)
        assert profile.source.csv is not None
        profile.source.csv.skip_invalid = True
    every = _every(args)
    token = resolve_webex_token(profile.name)
    if args.dry_run:
        return asyncio.run(_dry_run(profile, token, args))
    try:
        if every is not None:
            return asyncio.run(_sync_every(profile, token, args, every))
        return asyncio.run(_sync_once(profile, token, args))
    except asyncio.CancelledError:  # stopped past the grace period (_install_stop)
        print(cli_text(said.STOPPED(profile=profile.name)), file=sys.stderr)
        return int(ExitCode.FAILURES)


def _every(args: argparse.Namespace) -> timedelta | None:
    """--every as a duration (None: one cycle); a wrong one is refused with its fix."""
    if not args.every:
        return None
    from app.config.profile import parse_every  # deferred: pydantic loads for a command, not --help

    return timedelta(minutes=parse_every(args.every))


@contextlib.asynccontextmanager
async def _locked_cycle(
    profile: Profile, token: str, args: argparse.Namespace
) -> AsyncIterator[LockedCycle]:
    """The profile's locked cycle for one `sync`; a run turned away by a holder that has run
    for longer than the stuck setting reports it in the log and the failure e-mail (exit 5)."""
    # deferred: the engine (httpx, pydantic, SCIM models) loads for a command, not --help
    from app.run.cycle import LockedCycle
    from app.run.signin import SignInHooks  # deferred: as above, the Entra sign-in's libraries

    cycle = LockedCycle(
        profile,
        token=token,
        purpose="sync",
        sign_in=SignInHooks(device_code=device_code_prompt(args)),
        on_mail_problem=_mail_not_sent,
    )
    try:
        await cycle.open()
    except LockHeld as held:
        if held.stuck:
            await _report_stuck_holder(profile, held)
        raise
    try:
        yield cycle
    finally:
        await cycle.aclose()


def stuck_holder_result(held: LockHeld) -> CycleResult:
    """The failure e-mail's view of a holder that may be stuck (a LockHeld with `stuck`)."""
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


async def _report_stuck_holder(profile: Profile, held: LockHeld) -> None:
    # deferred: the failure e-mail's libraries load for a command, not --help
    from app.run.cycle import notify_failure
    from app.sync.state import StateStore  # deferred: as above, sqlite3 and the state store

    log.warning("Profile %s: %s %s", profile.name, held.message, held.next_step)
    try:
        with StateStore(state_file(profile.name)) as state:
            result = stuck_holder_result(held)
            await notify_failure(profile, state, result, on_problem=_mail_not_sent)
    except Exception as error:  # a mail problem never changes the exit code
        _mail_not_sent(error)


def _status_off_rule(profile: Profile, args: argparse.Namespace) -> int | None:
    """Provisioning status Off means no cycle runs (issue 23), one rule everywhere: a
    scheduled run is skipped (exit 0, nothing sent), a cycle the admin starts is refused
    unless --force runs it once anyway, and --dry-run always works. None: go on."""
    if args.dry_run or profile.provisioning_enabled:
        return None
    turn_on = f"webex-provisioner profile set {profile.name} --provisioning on"
    if args.scheduled and not args.force:
        print(cli_text(said.OFF_SCHEDULED(profile=profile.name, turn_on=turn_on)), file=sys.stderr)
        if args.json:
            print(json.dumps({"outcome": "skipped", "reason": "provisioning is off"}))
        return int(ExitCode.OK)
    if args.every:
        print(cli_text(said.OFF_EVERY(profile=profile.name, turn_on=turn_on)), file=sys.stderr)
        return int(ExitCode.BAD_INPUT)
    if not args.force:
        print(cli_text(said.OFF_REFUSED(profile=profile.name, turn_on=turn_on)), file=sys.stderr)
        return int(ExitCode.BAD_INPUT)
    print(cli_text(said.OFF_FORCED(profile=profile.name)), file=sys.stderr)
    return None


async def _dry_run(profile: Profile, token: str, args: argparse.Namespace) -> int:
    # deferred: the engine (httpx, pydantic, SCIM models) loads for a command, not --help
    from app.run.cycle import ProfileEngine
    from app.run.signin import SignInHooks  # deferred: as above, the Entra sign-in's libraries

    hooks = SignInHooks(device_code=device_code_prompt(args))
    async with ProfileEngine(profile, token=token, sign_in=hooks) as opened:
        plan = await opened.engine.dry_run()
    print(plan.to_json() if args.json else plan_text(plan))
    if plan.hold is not None and not args.json:
        # Also on stderr: a dry run piped to a file still warns the admin on the terminal.
        hold = plan.hold
        reason = text_of(hold.reason, getattr(hold, "coded_reason", None))
        print(cli_text(said.WARNING(warning=reason)), file=sys.stderr)
    return int(ExitCode.OK)


async def _sync_once(profile: Profile, token: str, args: argparse.Namespace) -> int:
    async with _locked_cycle(profile, token, args) as cycle:
        _listen(cycle.engine, args)
        _install_stop(cycle.engine)
        result = await cycle.run(allow_deletes=args.allow_deletes)
    _print_result(result, as_json=args.json)
    return _exit_code(result, cycle)


async def _sync_every(
    profile: Profile, token: str, args: argparse.Namespace, every: timedelta
) -> int:
    """A cycle now, then one every `every`, all under one lock, until Ctrl+C or SIGTERM."""
    from app.sync.scheduler import CycleScheduler  # deferred: loads for --every, not --help

    last: list[CycleResult] = []
    stop = asyncio.Event()
    async with _locked_cycle(profile, token, args) as cycle:
        _listen(cycle.engine, args)
        idle = asyncio.Event()
        idle.set()

        async def one_cycle() -> CycleResult:
            idle.clear()
            try:
                result = await cycle.run(allow_deletes=args.allow_deletes)
                last.append(result)
                _print_result(result, as_json=args.json)
            finally:
                idle.set()
            return result

        def not_before() -> Any:
            quarantine = cycle.engine.state.quarantine()
            return quarantine.next_attempt if quarantine else None

        def provisioning_on() -> bool:
            # Read again before each cycle: switched off meanwhile, the cycles stop.
            return load_profile(profile.name).provisioning_enabled

        scheduler = CycleScheduler(
            one_cycle, every=every, not_before=not_before, enabled=provisioning_on
        )
        _install_stop(cycle.engine, stop)
        scheduler.start()
        if not args.json:
            print(cli_text(said.RUNNING_EVERY(every=str(every))), file=sys.stderr)
        await stop.wait()
        await idle.wait()  # a cancelled cycle finishes its operations in flight, then ends
        await scheduler.stop()
    return _exit_code(last[-1], cycle) if last else int(ExitCode.OK)
