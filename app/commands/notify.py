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
    import asyncio
    import dataclasses

    from app.config.profile import looks_like_email
    from app.config.secrets import resolve_smtp_password
    from app.config.store import ProfileStore
    from app.errors import InputError
    from app.notify.mail import MailSettings, send_test_mail

    profile = ProfileStore().load(args.profile)
    settings = MailSettings.from_profile(profile)
    if args.to:
        for address in args.to:
            if not looks_like_email(address):
                raise InputError(f"{address!r} is not an e-mail address.", "Fix --to.")
        settings = dataclasses.replace(settings, recipients=tuple(args.to))
    password = resolve_smtp_password(profile.name) if settings.user else None
    asyncio.run(send_test_mail(settings, password, profile_name=profile.name))
    print(f"Test e-mail sent to {', '.join(settings.recipients)} through {settings.describe()}.")
    if not profile.notifications.send_on_failure:
        print(
            "Note: failure e-mail is off for this profile; turn it on in the wizard's "
            "Notification e-mail page or with `webex-provisioner profile set`."
        )
    return 0
