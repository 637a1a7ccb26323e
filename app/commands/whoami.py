"""`whoami` run (people/me only: no SCIM library loads), and how both connection commands
find the token and the tenant URL and print an error."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from typing import Any

from app.commands import cli_messages as said
from app.commands.cli_output import error_text
from app.commands.connection import ENV_VAR
from app.config.secrets import resolve_webex_token
from app.config.store import ProfileStore
from app.errors import ExitCode, InputError, UserFacingError
from app.language import cli_text
from app.messages import message
from app.webex.people import fetch_people_me
from app.webex.urls import people_me_url_for, tenant_url_with_org

TYPE_LABEL = message("whoami.label.type", "type:")
ROLES_LABEL = message("whoami.label.roles", "roles:")
ORG_ID_LABEL = message("whoami.label.org_id", "orgId:")
ORG_UUID_LABEL = message("whoami.label.org_uuid", "org UUID:")
TENANT_URL_LABEL = message("whoami.label.tenant_url", "tenant URL:")
TYPE_AND_STATUS = message("whoami.type_status", "{type}, status {status}")
NO_ROLES = message("whoami.no_roles", "none")
BOT_NOTE = message("whoami.bot_note", "note: a bot cannot provision; use an admin's token.")


def read_token(args: argparse.Namespace) -> str:
    if args.token_stdin:
        token = sys.stdin.readline().strip()
        if not token:
            raise InputError(said.EMPTY_STDIN(), said.EMPTY_STDIN_NEXT(env=ENV_VAR))
        return token
    token = os.environ.get(ENV_VAR, "").strip()
    if token:
        return token
    if args.profile:
        return resolve_webex_token(args.profile)
    raise InputError(said.NO_TOKEN(), said.NO_TOKEN_NEXT(env=ENV_VAR))


def tenant_url_of(args: argparse.Namespace, *, required: bool) -> str:
    if args.tenant_url:
        return str(args.tenant_url)
    if args.profile:
        return ProfileStore().load(args.profile).target.tenant_url
    if required:
        raise InputError(said.NO_TENANT_URL(), said.NO_TENANT_URL_NEXT())
    return ""


def print_error(args: argparse.Namespace, error: UserFacingError) -> int:
    if args.json:
        detail: dict[str, Any] = {"message": error.message, "next_step": error.next_step}
        to_dict = getattr(error, "to_dict", None)
        if callable(to_dict):
            detail = to_dict()
        print(json.dumps({"ok": False, "error": detail}, indent=2))
    else:
        print(error_text(error), file=sys.stderr)
    return int(error.exit_code)


def whoami(args: argparse.Namespace) -> int:
    try:
        url_text = tenant_url_of(args, required=False)
        token = read_token(args)
        me = asyncio.run(fetch_people_me(people_me_url_for(url_text), token))
        tenant_url = tenant_url_with_org(url_text, me.org_uuid)
    except UserFacingError as error:
        return print_error(args, error)
    if args.json:
        print(json.dumps({"ok": True, "me": me.to_dict(), "tenant_url": tenant_url}, indent=2))
        return int(ExitCode.OK)
    email = f" <{me.primary_email}>" if me.primary_email else ""
    roles = ", ".join(me.role_names or me.roles) or cli_text(NO_ROLES())
    kind = cli_text(TYPE_AND_STATUS(type=me.type, status=me.status)) if me.status else me.type
    lines = [
        (TYPE_LABEL, kind),
        (ROLES_LABEL, roles),
        (ORG_ID_LABEL, me.org_id),
        (ORG_UUID_LABEL, me.org_uuid),
        (TENANT_URL_LABEL, tenant_url),
    ]
    labels = [cli_text(label()) for label, _value in lines]
    width = max(len(label) for label in labels) + 1
    print(f"{me.display_name or me.id}{email}")
    for label, (_template, value) in zip(labels, lines, strict=True):
        print(f"  {label:<{width}}{value}")
    if me.type == "bot":
        print(f"  {cli_text(BOT_NOTE())}")
    return int(ExitCode.OK)


__all__ = ["print_error", "read_token", "tenant_url_of", "whoami"]
