"""`notify test` run: the test e-mail sent with a profile's settings (or to --to)."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses

from app.config.profile import looks_like_email
from app.config.secrets import resolve_smtp_password
from app.config.store import ProfileStore
from app.errors import InputError
from app.notify.mail import MailSettings, send_test_mail


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
    print(f"Test e-mail sent to {', '.join(settings.recipients)} through {settings.describe()}.")
    if not profile.notifications.send_on_failure:
        print(
            "Note: failure e-mail is off for this profile; turn it on in the wizard's "
            "Notification e-mail page or with `webex-provisioner profile set`."
        )
    return 0


__all__ = ["send_test"]
