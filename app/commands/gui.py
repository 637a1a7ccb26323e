"""The default command: the desktop program (wizard, dashboard). The only path that imports Qt."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    from app.ui.application import run_application

    return run_application(args)
