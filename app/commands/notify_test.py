"""`notify test` run: the test e-mail sent with a profile's settings (or to --to)."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses

from app.commands import cli_messages as said
from app.config.profile import looks_like_email
from app.config.secrets import resolve_smtp_password
from app.config.store import ProfileStore
from app.errors import InputError
from app.language import cli_text, current_language, translator
from app.notify.mail import MailSettings, send_test_mail
from app.notify.mail_report import describe_server


def send_test(args: argparse.Namespace) -> int:
    profile = ProfileStore().load(args.profile)
    settings = MailSettings.from_profile(profile)
    if args.to:
        for address in args.to:
            if not looks_like_email(address):
                raise InputError(f"{address!r} is not an e-mail address.", "Fix --to.")
        settings = dataclasses.replace(settings, recipients=tuple(args.to))
    password = resolve_smtp_password(profile.name) if settings.user else None
    asyncio.run(send_test_mail(settings, password, profile_name=profile.name))
    server = describe_server(settings, translator(current_language()))
    print(cli_text(said.TEST_MAIL_SENT(recipients=", ".join(settings.recipients), server=server)))
    if not profile.notifications.send_on_failure:
        print(cli_text(said.TEST_MAIL_OFF()))
    return 0


__all__ = ["send_test"]
