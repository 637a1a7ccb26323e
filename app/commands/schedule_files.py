"""`schedule install|remove` run: the scheduler files of a profile written or deleted
(app.ossched), and the commands that turn them on or stop them printed, not run."""

from __future__ import annotations

import argparse

from app import ossched
from app.config.profile import check_profile_name, parse_every
from app.config.store import ProfileStore


def install(args: argparse.Namespace) -> int:
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


def remove(args: argparse.Namespace) -> int:
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


__all__ = ["install", "remove"]
