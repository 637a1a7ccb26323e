"""What the engine's commands (`sync`, `provision`, `restart`, `logs`) share: the exit-code
table of their help, a saved profile loaded by name, and the device-code prompt on the
terminal where someone can act on it."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.commands.connection import print_prompt

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.directory.entra.auth import DeviceCodeCallback

EXIT_CODES = """exit codes: 0 all done (or a --scheduled run skipped: provisioning is off), 1 some
operations failed, 2 bad input or configuration, or provisioning is off without --force
(nothing sent), 3 held by the deletion threshold or quarantined, or the Microsoft Entra ID
sign-in failed or needs a person, 4 target unreachable or authentication, 5 another process
runs a cycle of this profile"""


def load_profile(name: str) -> Profile:
    """The saved profile `name` (its errors say how to create or fix it)."""
    from app.config.store import ProfileStore  # deferred: pydantic loads for a command, not --help

    return ProfileStore().load(name)


def device_code_prompt(args: argparse.Namespace) -> DeviceCodeCallback | None:
    """Print the device-code prompt only where someone can act on it: a terminal, not a
    scheduler. Without a callback, an expired sign-in fails at once instead of waiting."""
    if getattr(args, "scheduled", False) or sys.stdin is None or not sys.stdin.isatty():
        return None
    return print_prompt


__all__ = ["EXIT_CODES", "device_code_prompt", "load_profile"]
