"""`restart` and `logs`: start a profile afresh, and show or export its provisioning log."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from typing import TYPE_CHECKING, Any

from app.commands import cli_messages as said
from app.commands.cli_output import log_table, text_of
from app.commands.engine_args import load_profile
from app.errors import ExitCode, InputError
from app.language import cli_text
from app.messages import Message
from app.paths import state_file
from app.sync.lock import ProfileLock
from app.sync.spreadsheet import spreadsheet_row

if TYPE_CHECKING:
    from app.sync.state import StateStore


def register(subparsers: Any) -> None:
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
        raise argparse.ArgumentTypeError(cli_text(said.NOT_A_NUMBER(text=text))) from None
    if value < 0:
        raise argparse.ArgumentTypeError(cli_text(said.NEGATIVE(value=value)))
    return value


# -- restart ----------------------------------------------------------------------------


def _restart(args: argparse.Namespace) -> int:
    # deferred: sqlite3 and the state store load for this command, not for --help
    from app.sync.state import StateStore

    profile = load_profile(args.profile)
    if args.clear_lock and not _clear_lock(profile.name, assume_yes=args.yes):
        print(cli_text(said.RESTART_NOTHING()))
        return int(ExitCode.OK)
    # Clearing the journal under a running cycle would lose its in-flight operations.
    with (
        ProfileLock(profile.name, purpose="sync"),
        StateStore(state_file(profile.name)) as state,
    ):
        quarantine = state.quarantine()
        cleared = state.restart()
    if quarantine is not None:
        reason = text_of(quarantine.reason, getattr(quarantine, "coded_reason", None))
        print(cli_text(said.RESTART_LIFTED(reason=reason)))
    done = said.RESTART_DONE(
        profile=profile.name,
        watermarks=str(cleared["watermarks"]),
        journal=str(cleared["journal"]),
    )
    print(cli_text(done))
    return int(ExitCode.OK)


def _clear_lock(profile_name: str, *, assume_yes: bool) -> bool:
    """Show the lock record (host, age) and clear it once confirmed; False: not confirmed."""
    lock = ProfileLock(profile_name, purpose="sync")
    owner = lock.recorded_owner()
    if owner is None:
        print(cli_text(said.LOCK_FREE(profile=profile_name)))
        return True
    print(cli_text(said.LOCK_RECORD(profile=profile_name, owner=owner.describe(profile_name))))
    if not assume_yes:
        if sys.stdin is None or not sys.stdin.isatty():
            raise InputError(
                said.LOCK_NO_TERMINAL(),
                said.LOCK_NO_TERMINAL_NEXT(pid=owner.pid, host=owner.host, profile=profile_name),
            )
        answer = input(cli_text(said.LOCK_ASK(pid=owner.pid, host=owner.host)))
        if answer.strip().lower() not in ("y", "yes"):
            return False
    lock.clear_record()  # refused (exit 5) while a process of this computer holds it
    print(cli_text(said.LOCK_CLEARED(profile=profile_name)))
    return True


# -- logs -------------------------------------------------------------------------------


def _logs(args: argparse.Namespace) -> int:
    # deferred: sqlite3 and the state store load for this command, not for --help
    from app.sync.state import StateStore

    profile = load_profile(args.profile)
    path = state_file(profile.name)
    if not path.exists():
        print(cli_text(said.LOGS_NONE_YET(profile=profile.name)))
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
                    cli_text(
                        said.LOGS_RESUME(interrupted=_described(interrupted), profile=profile.name)
                    ),
                    file=sys.stderr if args.format in ("json", "csv") else sys.stdout,
                )
        elif cycle_id and state.cycle(cycle_id) is None:
            raise InputError(
                said.LOGS_NO_CYCLE(profile=profile.name, cycle=cycle_id),
                said.LOGS_LIST_CYCLES(profile=profile.name),
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


def _described(interrupted: Any) -> Message:
    """The interrupted cycle in one sentence (InterruptedCycle.describe, coded)."""
    return said.LOGS_INTERRUPTED_AT(
        cycle=interrupted.cycle_id,
        done=str(interrupted.done),
        planned=str(interrupted.planned),
        when=interrupted.stopped.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
    )


def _interrupted(profile_name: str, state: StateStore) -> Any:
    """The profile's interrupted cycle (started, never ended, nobody holds the lock), or None."""
    found = state.interrupted_cycle()
    if found is None or ProfileLock(profile_name).current_owner() is not None:
        return None  # none, or it is running now in a live process
    return found


def _entries_csv(entries: list[Any]) -> str:
    # deferred: sqlite3 and the state store load for this command, not for --help
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
    for line in log_table(entries, cycles, interrupted_id):
        print(line)
