"""`webex-provisioner schedule install|remove`: the operating system runs the cycles."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

SYSTEM_CHOICES = ("linux", "windows", "macos")


def register(subparsers: Any) -> None:
    schedule = subparsers.add_parser(
        "schedule",
        help="have the operating system run a profile's cycles (systemd, launchd, Task Scheduler)",
        description=(
            "Write the files with which the operating system's scheduler runs "
            "`webex-provisioner sync --profile NAME --scheduled` every N minutes, even when the window is "
            "closed: a systemd user timer on Linux, a launchd agent on macOS, a Task Scheduler "
            "task on Windows. The command that turns the schedule on is printed, not run. "
            "A scheduled run and the open window never run the same profile together: the "
            "second one steps aside (exit code 5)."
        ),
    )
    actions = schedule.add_subparsers(dest="schedule_command", metavar="ACTION", required=True)

    install = actions.add_parser(
        "install",
        help="write the scheduler files of a profile",
        description="Write the scheduler files of a profile and print how to turn them on.",
    )
    install.add_argument("--profile", required=True, metavar="NAME", help="the profile to run")
    install.add_argument(
        "--every",
        metavar="DURATION",
        help="the interval: 40m, 90, 2h, 1h30m (default: the profile's, 40 minutes)",
    )
    _common(install)
    install.set_defaults(handler=run_install)

    remove = actions.add_parser(
        "remove",
        help="delete the scheduler files of a profile",
        description="Delete the scheduler files of a profile and print how to stop it now.",
    )
    remove.add_argument("--profile", required=True, metavar="NAME", help="the profile")
    _common(remove)
    remove.set_defaults(handler=run_remove)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--system",
        choices=SYSTEM_CHOICES,
        help="the scheduler to write for (default: this computer's)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="DIR",
        help="the folder to write into (default: where the scheduler looks for them)",
    )


def run_install(args: argparse.Namespace) -> int:
    # deferred: pydantic loads only when the command runs, not for --help
    from app.commands.schedule_files import install

    return install(args)


def run_remove(args: argparse.Namespace) -> int:
    # deferred: pydantic loads only when the command runs, not for --help
    from app.commands.schedule_files import remove

    return remove(args)


__all__ = ["SYSTEM_CHOICES", "register", "run_install", "run_remove"]
