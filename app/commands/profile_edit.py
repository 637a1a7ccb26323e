"""`profile create`, `profile set` and `profile delete`: the options given applied to a profile
(after the settings table, app/config/settings.py), its secrets read from standard input
and kept in the keyring."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from typing import Any

from app.commands import cli_messages as cli_said
from app.commands import profile_messages as said
from app.commands.profile import STDIN_ORDER
from app.config import config_messages as stored_said
from app.config import secret_messages as secret_said
from app.config.profile import Profile, check_profile_name, parse_every, profile_from_data
from app.config.secrets import ENV_FOR_KIND, KeyringUnavailable, SecretKind, SecretStore
from app.config.settings import SETTINGS, Setting, option_labels
from app.config.store import ProfileExists
from app.directory.csv import validate_csv
from app.errors import InputError
from app.language import cli_text
from app.messages import Message
from app.paths import state_file
from app.run.profiles import profile_store
from app.webex.tokens import clean_token

SECRET_NAMES: dict[SecretKind, str] = {
    "webex-token": "Webex token",
    "entra-client-secret": "Entra client secret",
    "smtp-password": "SMTP password",
    "msal-cache": "Microsoft sign-in cache",
}

# The options that change how the CSV file reads: `profile set` reads it again when one is
# given (--skip-invalid only decides what an invalid row does).
_CSV_OPTIONS = tuple(
    item.dest for item in SETTINGS if item.field.startswith("source.csv.") and item.kind != "switch"
)


def create(args: argparse.Namespace) -> int:
    name = check_profile_name(args.name)
    secrets = SecretStore()
    store = profile_store(secrets)
    if store.exists(name):
        raise ProfileExists(stored_said.EXISTS(name=name), stored_said.EXISTS_SET(name=name))
    if args.tenant_url is None:
        raise InputError(said.NEEDS_TENANT_URL(), said.NEEDS_TENANT_URL_NEXT())
    data: dict[str, Any] = {"name": name}
    apply_options(data, args, creating=True)
    profile = profile_from_data(data, labels=option_labels())
    values = read_stdin_secrets(args)
    _check_csv(profile, out=print)
    path = store.create(profile)  # exactly one of two creations at once wins
    stored = _store_secrets(secrets, name, values)
    print(cli_text(said.CREATED(name=name, path=str(path))))
    _say_stored(stored)
    _remind_missing_secrets(profile, values)
    return 0


def change(args: argparse.Namespace) -> int:
    """`profile set`: only the options given change."""
    secrets = SecretStore()
    store = profile_store(secrets)
    current = store.load(args.name)
    data = current.model_dump(mode="json", exclude_none=True)
    apply_options(data, args, creating=False)
    profile = profile_from_data(data, labels=option_labels())
    values = read_stdin_secrets(args)
    source_changed = profile.source != current.source
    if source_changed or any(getattr(args, option) is not None for option in _CSV_OPTIONS):
        _check_csv(profile, out=print)
    store.save(profile)
    stored = _store_secrets(secrets, profile.name, values)
    changed = profile != current
    print(cli_text((said.UPDATED if changed else said.UNCHANGED)(name=profile.name)))
    _say_stored(stored)
    return 0


def delete(args: argparse.Namespace) -> int:
    removed = profile_store().delete(args.name)
    print(cli_text(said.DELETED(name=args.name)))
    if removed:
        print(cli_text(said.SECRETS_REMOVED(kinds=", ".join(removed))))
    history = state_file(args.name)
    if history.exists():
        print(cli_text(said.HISTORY_KEPT(path=str(history))))
    return 0


# --- building a profile from options ---------------------------------------------------


def apply_options(data: dict[str, Any], args: argparse.Namespace, *, creating: bool) -> None:
    """Change `data` (a profile as plain dicts) with the options that were given."""
    source = _section(data, "source")
    _choose_source_kind(source, args, creating=creating)
    _require_source_settings(source, args)
    for item in SETTINGS:
        value = _given_value(item, args)
        if value is not None:
            *sections, key = item.field.split(".")
            _section(data, *sections)[key] = value
    _apply_implied(data, args)


def _section(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    for key in keys:
        value = data.get(key)
        if not isinstance(value, dict):
            value = {}
            data[key] = value
        data = value
    return data


def _given_value(item: Setting, args: argparse.Namespace) -> Any:
    """The field's value from the option, or None when the option was not given."""
    raw = getattr(args, item.dest)
    if item.kind == "secret":
        return None  # read from standard input into the keyring, never a field
    if item.kind == "const":
        return item.const if raw else None
    if raw is None:
        return None
    if item.kind == "path":
        return str(raw.expanduser().resolve())
    if item.kind == "duration":
        return parse_every(raw)
    if item.kind == "on_off":
        return raw == "on"
    return raw


def _choose_source_kind(
    source: dict[str, Any], args: argparse.Namespace, *, creating: bool
) -> None:
    if args.source is not None:
        source["kind"] = args.source
    elif creating:
        if args.csv_file is not None:
            source["kind"] = "csv"
        elif args.tenant_id is not None:
            source["kind"] = "entra"
        else:
            raise InputError(said.NEEDS_SOURCE(), said.NEEDS_SOURCE_NEXT())


def _require_source_settings(source: dict[str, Any], args: argparse.Namespace) -> None:
    """The settings a source of its kind cannot do without, given now or saved before."""
    saved_csv = source.get("csv")
    saved_csv = saved_csv if isinstance(saved_csv, dict) else {}
    if source.get("kind") == "csv" and args.csv_file is None and "path" not in saved_csv:
        raise InputError(said.NEEDS_CSV(), said.NEEDS_CSV_NEXT())
    saved_entra = source.get("entra")
    saved_entra = saved_entra if isinstance(saved_entra, dict) else {}
    missing = [
        option
        for option, key in (("--tenant-id ID", "tenant_id"), ("--client-id ID", "client_id"))
        if key not in saved_entra and getattr(args, key) is None
    ]
    if missing and source.get("kind") == "entra":
        options = said.AND(first=missing[0], second=missing[1]) if len(missing) == 2 else missing[0]
        raise InputError(said.NEEDS_IDS(), said.NEEDS_IDS_NEXT(options=options))


def _apply_implied(data: dict[str, Any], args: argparse.Namespace) -> None:
    """What one option means for another setting that was not given."""
    if args.tenant_url is not None and args.target_kind is None:
        _section(data, "target").pop("kind", None)  # the new URL tells the kind
    if args.app_name is not None:
        _section(data, "source", "entra").pop("app_id", None)  # an appId would win over the name
    if args.notify_email is not None and args.send_on_failure is None:
        # Naming a recipient means "tell them".
        _section(data, "notifications")["send_on_failure"] = True


# --- secrets and checks ------------------------------------------------------------------


def read_stdin_secrets(args: argparse.Namespace) -> dict[SecretKind, str]:
    """The secrets asked for on standard input, one line each (hidden prompts on a terminal)."""
    wanted = [
        item for item in SETTINGS if item.keyring_entry is not None and getattr(args, item.dest)
    ]
    secrets: dict[SecretKind, str] = {}
    for item in wanted:
        assert item.keyring_entry is not None  # for mypy: `wanted` holds only secrets
        what, option = secret_said.WHAT[item.keyring_entry](), item.flag
        if sys.stdin is not None and sys.stdin.isatty():
            value = getpass.getpass(cli_text(cli_said.SECRET_PROMPT(what=what)))
        else:
            value = sys.stdin.readline() if sys.stdin is not None else ""
        value = value.strip()
        if not value:
            raise InputError(
                cli_said.NO_SECRET_ON_STDIN(
                    what=secret_said.WHAT[item.keyring_entry](), option=option
                ),
                cli_said.PIPE_THEM(option=option, order=STDIN_ORDER)
                if len(wanted) > 1
                else cli_said.PIPE_IT(option=option),
            )
        if item.keyring_entry == "webex-token":
            value = clean_token(value, what=f"The Webex token on standard input ({option})")
        secrets[item.keyring_entry] = value
    return secrets


def _check_csv(profile: Profile, *, out: Callable[[str], None]) -> None:
    """Read the CSV now, so a wrong path or column is caught when the profile is made."""
    if profile.source.kind != "csv" or profile.source.csv is None:
        return
    validation = validate_csv(profile.source.csv.path, profile.source.csv)
    read = said.CSV_READ(
        file=profile.source.csv.path.name,
        users=str(len(validation.users)),
        groups=str(len(validation.groups)),
        encoding=validation.encoding,
        delimiter=validation.delimiter_name,
    )
    out(cli_text(read))
    if validation.errors:
        rows = validation.invalid_rows
        listed = ", ".join(str(row) for row in rows[:20]) + (" ..." if len(rows) > 20 else "")
        action = said.LEFT_OUT() if profile.source.csv.skip_invalid else said.SYNC_STOPS()
        _warn(said.INVALID_ROWS(count=len(rows), rows=listed, action=action))


def _warn(text: Message) -> None:
    print(cli_text(said.WARNING(warning=text)), file=sys.stderr)


def _store_secrets(
    secrets: SecretStore, name: str, values: dict[SecretKind, str]
) -> list[SecretKind]:
    """Keep each secret in the keyring; on a machine without one, say what to do instead."""
    stored: list[SecretKind] = []
    for kind, value in values.items():
        try:
            secrets.set(name, kind, value)
        except KeyringUnavailable as exc:
            unsaved = ", ".join(
                cli_text(said.UNSAVED_SECRET(what=secret_said.WHAT[k](), env=ENV_FOR_KIND[k]))
                for k in values
                if k not in stored
            )
            problem = cli_text(exc.coded_message) if exc.coded_message else exc.message
            _warn(said.NOT_SAVED(problem=problem, unsaved=unsaved, name=name))
            break
        stored.append(kind)
    return stored


def _say_stored(stored: list[SecretKind]) -> None:
    for kind in stored:
        print(cli_text(said.KEPT_IN_KEYRING(what=secret_said.WHAT[kind]())))


def _remind_missing_secrets(profile: Profile, given: dict[SecretKind, str]) -> None:
    if "webex-token" not in given and not os.environ.get("WEBEX_PROVISIONER_TOKEN"):
        _warn(said.NO_TOKEN(name=profile.name))
    entra = profile.source.entra
    if (
        profile.source.kind == "entra"
        and entra is not None
        and entra.auth == "client_secret"
        and "entra-client-secret" not in given
        and not os.environ.get("WEBEX_PROVISIONER_CLIENT_SECRET")
    ):
        _warn(said.NO_CLIENT_SECRET(name=profile.name))


__all__ = ["SECRET_NAMES", "apply_options", "change", "create", "delete", "read_stdin_secrets"]
