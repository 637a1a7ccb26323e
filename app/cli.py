"""Command-line entry point: argument parsing and dispatch to app/commands/*.

Only the `gui` path (no subcommand) imports PySide6; `--help`, `--version` and every
other command stay Qt-free so they start fast and run on servers without a display.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.commands.cli_messages import INTERRUPTED
from app.commands.cli_output import error_text
from app.errors import ExitCode, UserFacingError
from app.language import choose_language, cli_text, set_language
from app.logging_setup import configure

# Each module defines `register(subparsers)`; the parsers it adds set `handler`
# to a function taking the parsed arguments and returning an exit code.
COMMAND_MODULES = (
    "app.commands.connection",  # whoami, test-connection
    "app.commands.sandbox",  # sandbox serve
    "app.commands.profile",  # profile create|list|show|set|delete|export|import
    "app.commands.sync",  # sync, provision, restart, logs
    "app.commands.notify",  # notify test
    "app.commands.schedule",  # schedule install|remove
)

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="webex-provisioner",
        description=(
            "Provision users and groups from a directory (Microsoft Entra ID or a CSV file) "
            "into Cisco Webex over SCIM 2.0. Without a command, opens the setup wizard "
            "(or the dashboard once a profile exists)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"webex-provisioner {__version__}")
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="open the program on the built-in sandbox tenant: nothing leaves this computer",
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="language of the window and of the commands' output (en, fr; default: the "
        "system's, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the wizard offscreen on the sandbox, run test-connection, exit 0 if it passed",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(choose_language(args.lang))
    _configure_logging(verbose=args.verbose)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if handler is None:
            # deferred: app.commands.gui loads PySide6, which only the window needs
            from app.commands.gui import run_gui

            return run_gui(args)
        return handler(args)
    except UserFacingError as exc:
        print(error_text(exc), file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print(cli_text(INTERRUPTED()), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`logs ... | head`): what it wanted it has; end quietly, and
        # keep Python's final flush of stdout from complaining about the closed pipe.
        _silence_stdout()
        return int(ExitCode.OK)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced by a non-file
        pass


def _configure_logging(*, verbose: bool) -> None:
    configure(verbose=verbose)


__all__ = ["ExitCode", "build_parser", "main"]
