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
    from app import ossched
    from app.config.profile import check_profile_name, parse_every
    from app.config.store import ProfileStore

    name = check_profile_name(args.profile)
    profile = ProfileStore().load(name)  # a schedule of a profile that does not exist fails
    minutes = parse_every(args.every) if args.every else profile.schedule.every_minutes
    plan = ossched.plan_install(name, minutes, system=args.system, output=args.output)
    written = ossched.install(plan)
    for item, path in zip(plan.files, written, strict=True):
        print(f"Wrote the {item.what} {path}")
    print(
        f"It runs every {ossched.every_words(minutes)}: "
        + " ".join(_quoted(word) for word in plan.command)
    )
    print("Turn it on with:")
    for command in plan.enable_commands:
        print(f"    {command}")
    for note in plan.notes:
        print(f"Note: {note}")
    if not profile.provisioning_enabled:
        print(
            "Note: provisioning is off for this profile, so the scheduled runs do nothing "
            "until it is turned on: `webex-provisioner profile set "
            f"{name} --provisioning on` (or the wizard's Scope and provisioning status page)."
        )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from app import ossched
    from app.config.profile import check_profile_name

    name = check_profile_name(args.profile)
    plan = ossched.remove(ossched.plan_remove(name, system=args.system, output=args.output))
    if not plan.removed:
        print(f"No scheduler file of profile {name} was found in {plan.paths[0].parent}.")
    for path in plan.removed:
        print(f"Deleted {path}")
    print("If the schedule is running now, stop it with:")
    for command in plan.stop_commands:
        print(f"    {command}")
    return 0


def _quoted(word: str) -> str:
    return f'"{word}"' if any(ch.isspace() for ch in word) else word
