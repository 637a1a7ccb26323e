"""`webex-provisioner notify test`: send the test e-mail with a profile's settings."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    notify = subparsers.add_parser(
        "notify",
        help="failure e-mail: send a test message",
        description=(
            "Failure e-mail, the tutorial's Notification Email step. The settings are set with "
            "`webex-provisioner profile set NAME --notify-email ADDRESS --smtp-host HOST "
            "--smtp-port PORT --smtp-security none|starttls|tls [--smtp-user USER "
            "--smtp-password-stdin]`."
        ),
    )
    actions = notify.add_subparsers(dest="notify_command", metavar="ACTION", required=True)
    test = actions.add_parser(
        "test",
        help="send a test e-mail with the profile's settings",
        description=(
            "Send a test e-mail to the profile's failure e-mail recipients (or to --to), "
            "through the profile's SMTP server. Exit codes: 0 sent, 2 settings incomplete or "
            "message refused, 3 login refused, 4 server unreachable or TLS failure."
        ),
    )
    test.add_argument("--profile", required=True, metavar="NAME", help="the profile to use")
    test.add_argument(
        "--to",
        action="append",
        metavar="ADDRESS",
        help="send to this address instead of the profile's recipients (repeatable)",
    )
    test.set_defaults(handler=run_test)


def run_test(args: argparse.Namespace) -> int:
    # deferred: pydantic, the keyring and aiosmtplib load only when the e-mail is sent
    from app.commands.notify_test import send_test

    return send_test(args)


__all__ = ["register", "run_test"]
