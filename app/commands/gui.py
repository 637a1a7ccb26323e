"""The default command: the desktop program (wizard, dashboard). The only path that imports Qt."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    if getattr(args, "self_test", False):
        # deferred: Qt and the sandboxes load only when the self-test runs
        from app.ui.selftest import run_self_test

        return run_self_test(args)
    # deferred: Qt loads only when the window opens, never for the other commands
    from app.ui.application import run_application

    return run_application(args)
