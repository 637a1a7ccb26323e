"""`schedule install|remove` run: the scheduler files of a profile written or deleted
(app.ossched), and the commands that turn them on or stop them printed, not run."""

from __future__ import annotations

import argparse

from app import ossched
from app.commands import cli_messages as said
from app.config.profile import check_profile_name, parse_every
from app.config.store import ProfileStore
from app.language import cli_text


def install(args: argparse.Namespace) -> int:
    name = check_profile_name(args.profile)
    profile = ProfileStore().load(name)  # a schedule of a profile that does not exist fails
    minutes = parse_every(args.every) if args.every else profile.schedule.every_minutes
    plan = ossched.plan_install(name, minutes, system=args.system, output=args.output)
    written = ossched.install(plan)
    for item, path in zip(plan.files, written, strict=True):
        print(cli_text(said.SCHEDULE_WROTE(what=ossched.file_kind(item.what), path=str(path))))
    command = " ".join(_quoted(word) for word in plan.command)
    print(cli_text(said.SCHEDULE_RUNS(every=ossched.every_message(minutes), command=command)))
    print(cli_text(said.SCHEDULE_TURN_ON()))
    for enable in plan.enable_commands:
        print(f"    {enable}")
    for note in plan.said_notes or plan.notes:
        print(cli_text(said.SCHEDULE_NOTE(note=note)))
    if not profile.provisioning_enabled:
        print(cli_text(said.SCHEDULE_OFF(profile=name)))
    return 0


def remove(args: argparse.Namespace) -> int:
    name = check_profile_name(args.profile)
    plan = ossched.remove(ossched.plan_remove(name, system=args.system, output=args.output))
    if not plan.removed:
        print(cli_text(said.SCHEDULE_NONE(profile=name, folder=str(plan.paths[0].parent))))
    for path in plan.removed:
        print(cli_text(said.SCHEDULE_DELETED(path=str(path))))
    print(cli_text(said.SCHEDULE_STOP()))
    for command in plan.stop_commands:
        print(f"    {command}")
    return 0


def _quoted(word: str) -> str:
    return f'"{word}"' if any(ch.isspace() for ch in word) else word


__all__ = ["install", "remove"]
