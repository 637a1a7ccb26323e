"""`webex-provisioner profile create|set|list|show|delete|export|import`: saved set-ups.

Secrets are never options (they would show in the process list): the Webex token, an Entra
client secret and an SMTP password are read from standard input (--token-stdin,
--client-secret-stdin, --smtp-password-stdin: one line each, in that order) and kept in
the keyring.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.config.secrets import SecretKind, SecretStore
    from app.config.store import ProfileStore

_STDIN_ORDER = "token, client secret, SMTP password"
_SECRET_NAMES = {
    "webex-token": "Webex token",
    "entra-client-secret": "Entra client secret",
    "smtp-password": "SMTP password",
    "msal-cache": "Microsoft sign-in cache",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "profile",
        help="create, change, list, show, delete, export or import a profile",
        description=(
            "A profile is one provisioning set-up: the Webex tenant, the source directory, "
            "mappings, scope, schedule, failure e-mail and safety settings. Profiles are TOML "
            "files in the configuration folder; secrets are kept in the system keyring."
        ),
    )
    actions = parser.add_subparsers(dest="profile_action", metavar="ACTION", required=True)

    create = actions.add_parser(
        "create",
        help="create a profile",
        description=(
            "Create a profile, e.g. `webex-provisioner profile create acme --tenant-url URL "
            "--token-stdin --source csv --csv-file users.csv`. When several *-stdin options "
            f"are given, standard input holds one line each, in this order: {_STDIN_ORDER}."
        ),
    )
    create.add_argument("name", help="letters, digits, - and _")
    _add_settings_options(create)
    create.set_defaults(handler=_create)

    change = actions.add_parser(
        "set",
        help="change a saved profile (only the options given change)",
        description=(
            "Change a saved profile: only the options given change. When several *-stdin "
            f"options are given, standard input holds one line each, in this order: {_STDIN_ORDER}."
        ),
    )
    change.add_argument("name")
    _add_settings_options(change)
    change.set_defaults(handler=_set)

    listing = actions.add_parser("list", help="list the saved profiles")
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="show a profile (never a secret)")
    show.add_argument("name")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)

    delete = actions.add_parser(
        "delete", help="delete a profile and its secrets (its provisioning history is kept)"
    )
    delete.add_argument("name")
    delete.set_defaults(handler=_delete)

    export = actions.add_parser("export", help="print a profile as TOML, without any secret")
    export.add_argument("name")
    export.add_argument("--output", "-o", metavar="FILE", type=Path, help="write to FILE")
    export.set_defaults(handler=_export)

    importing = actions.add_parser("import", help="import a profile exported as TOML")
    importing.add_argument("file", metavar="FILE", help="the TOML file, or - for standard input")
    importing.add_argument("--name", help="save it under this name")
    importing.add_argument(
        "--replace", action="store_true", help="replace a saved profile of the same name"
    )
    importing.set_defaults(handler=_import)


def _add_settings_options(parser: argparse.ArgumentParser) -> None:
    # Every default is None, so `profile set` can tell which options were given.
    bool_flag = argparse.BooleanOptionalAction

    target = parser.add_argument_group("target (Webex or another SCIM 2.0 application)")
    target.add_argument("--tenant-url", metavar="URL", help="the tenant (SCIM) URL")
    target.add_argument(
        "--target-kind",
        choices=("webex", "scim"),
        help="Cisco Webex or another SCIM 2.0 application (default: from the URL)",
    )
    target.add_argument(
        "--token-stdin",
        action="store_true",
        help="read the Webex token from standard input and keep it in the keyring",
    )

    source = parser.add_argument_group("source directory")
    source.add_argument("--source", choices=("csv", "entra"), help="where users come from")
    source.add_argument("--csv-file", metavar="FILE", type=Path, help="the CSV export")
    source.add_argument(
        "--user-name-column",
        metavar="COLUMN",
        help="the CSV column holding the userName (default userPrincipalName)",
    )
    source.add_argument(
        "--group-column",
        metavar="COLUMN",
        action="append",
        help="a CSV column listing the user's groups (separated by ; or |); repeat for more",
    )
    source.add_argument("--encoding", help="the CSV encoding (default auto)")
    source.add_argument("--delimiter", help="the CSV delimiter: auto, ',', ';' or tab")
    source.add_argument(
        "--skip-invalid", action=bool_flag, help="leave invalid CSV rows out instead of stopping"
    )
    source.add_argument(
        "--csv-max-mb",
        metavar="MB",
        type=int,
        help="refuse a CSV file larger than this, before reading it (default 1024)",
    )
    source.add_argument("--tenant-id", metavar="ID", help="Entra: the directory (tenant) id")
    source.add_argument("--client-id", metavar="ID", help="Entra: the app registration's id")
    auth = source.add_mutually_exclusive_group()
    auth.add_argument(
        "--client-secret-stdin",
        action="store_true",
        help="Entra: sign in with a client secret, read from standard input",
    )
    auth.add_argument(
        "--device-code", action="store_true", help="Entra: sign in as an admin with a device code"
    )
    app = source.add_mutually_exclusive_group()
    app.add_argument(
        "--app-name",
        metavar="NAME",
        help='Entra: the enterprise application (default "Cisco Webex")',
    )
    app.add_argument("--app-id", metavar="ID", help="Entra: the enterprise application's appId")
    source.add_argument(
        "--authority", metavar="URL", help="Entra: sign-in authority (national clouds, sandbox)"
    )
    source.add_argument("--graph-url", metavar="URL", help="Entra: Microsoft Graph address")
    source.add_argument(
        "--entra-ca-file", metavar="PEM", type=Path, help="Entra: a private CA to trust"
    )

    sync = parser.add_argument_group("provisioning")
    sync.add_argument(
        "--scope",
        choices=("assigned", "all"),
        help="assigned users and groups only (default), or all",
    )
    sync.add_argument(
        "--provisioning", choices=("on", "off"), help="provisioning status (cycles run when on)"
    )
    sync.add_argument("--every", metavar="DURATION", help="cycle interval: 40m, 2h, 90 (minutes)")
    sync.add_argument(
        "--deletion-threshold",
        metavar="N",
        type=int,
        help="hold a cycle that would disable or delete more than N users",
    )
    sync.add_argument(
        "--deletion-threshold-percent",
        metavar="P",
        type=int,
        help="hold a cycle that would disable or delete more than P %% of the users",
    )
    sync.add_argument(
        "--skip-out-of-scope-deletions",
        action=bool_flag,
        help="leave users that go out of scope active",
    )
    sync.add_argument(
        "--allow-hard-delete",
        action=bool_flag,
        help="delete (not only disable) users deleted in the source",
    )
    sync.add_argument("--concurrency", metavar="N", type=int, help="at most N requests at once")
    sync.add_argument("--retention-days", metavar="N", type=int, help="keep N days of logs")

    notify = parser.add_argument_group("failure e-mail")
    notify.add_argument(
        "--notify-email", metavar="ADDR", action="append", help="a recipient; repeat for more"
    )
    notify.add_argument(
        "--send-on-failure",
        action=bool_flag,
        help="send the failure e-mail (on by default once a recipient is given)",
    )
    notify.add_argument("--smtp-host", metavar="HOST")
    notify.add_argument("--smtp-port", metavar="PORT", type=int)
    notify.add_argument("--smtp-security", choices=("none", "starttls", "tls"))
    notify.add_argument("--smtp-user", metavar="USER")
    notify.add_argument(
        "--smtp-password-stdin",
        action="store_true",
        help="read the SMTP password from standard input and keep it in the keyring",
    )
    notify.add_argument("--smtp-sender", metavar="ADDR", help="the From address")


# --- building a profile from options ---------------------------------------------------


def _section(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    for key in keys:
        value = data.get(key)
        if not isinstance(value, dict):
            value = {}
            data[key] = value
        data = value
    return data


def _put(section: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        section[key] = value


def _apply_options(data: dict[str, Any], args: argparse.Namespace, *, creating: bool) -> None:
    """Change `data` (a profile as plain dicts) with the options that were given."""
    from app.config.profile import parse_every
    from app.errors import InputError

    target = _section(data, "target")
    if args.tenant_url is not None:
        target["tenant_url"] = args.tenant_url
        if args.target_kind is None:
            target.pop("kind", None)  # the new URL tells the kind
    _put(target, "kind", args.target_kind)

    source = _section(data, "source")
    if args.source is not None:
        source["kind"] = args.source
    elif creating:
        if args.csv_file is not None:
            source["kind"] = "csv"
        elif args.tenant_id is not None:
            source["kind"] = "entra"
        else:
            raise InputError(
                "The profile needs a source directory.",
                "Add --source csv --csv-file FILE, or --source entra --tenant-id ID "
                "--client-id ID.",
            )
    csv_given = any(
        value is not None
        for value in (
            args.csv_file,
            args.user_name_column,
            args.group_column,
            args.encoding,
            args.delimiter,
            args.skip_invalid,
            args.csv_max_mb,
        )
    )
    if source.get("kind") == "csv" or csv_given:
        csv = _section(source, "csv")
        if args.csv_file is not None:
            csv["path"] = str(args.csv_file.expanduser().resolve())
        elif "path" not in csv and source.get("kind") == "csv":
            raise InputError(
                "A CSV source needs the file.", "Add --csv-file FILE (the CSV export of users)."
            )
        _put(csv, "user_name_column", args.user_name_column)
        _put(csv, "group_columns", args.group_column)
        _put(csv, "encoding", args.encoding)
        _put(csv, "delimiter", args.delimiter)
        _put(csv, "skip_invalid", args.skip_invalid)
        _put(csv, "max_file_mb", args.csv_max_mb)

    entra_given = any(
        value is not None and value is not False
        for value in (
            args.tenant_id,
            args.client_id,
            args.app_name,
            args.app_id,
            args.authority,
            args.graph_url,
            args.entra_ca_file,
            args.client_secret_stdin or None,
            args.device_code or None,
        )
    )
    if source.get("kind") == "entra" or entra_given:
        entra = _section(source, "entra")
        _put(entra, "tenant_id", args.tenant_id)
        _put(entra, "client_id", args.client_id)
        missing = [
            option
            for option, key in (("--tenant-id ID", "tenant_id"), ("--client-id ID", "client_id"))
            if key not in entra
        ]
        if missing and source.get("kind") == "entra":
            raise InputError(
                "An Entra ID source needs the app registration's ids.",
                f"Add {' and '.join(missing)} (from the app registration's overview in Entra).",
            )
        if args.client_secret_stdin:
            entra["auth"] = "client_secret"
        if args.device_code:
            entra["auth"] = "device_code"
        if args.app_name is not None:
            entra["app_name"] = args.app_name
            entra.pop("app_id", None)  # an appId would win over the name
        _put(entra, "app_id", args.app_id)
        _put(entra, "authority", args.authority)
        _put(entra, "graph_url", args.graph_url)
        if args.entra_ca_file is not None:
            entra["ca_file"] = str(args.entra_ca_file.expanduser().resolve())

    _put(data, "scope", args.scope)
    if args.provisioning is not None:
        data["provisioning_enabled"] = args.provisioning == "on"
    if args.every is not None:
        _section(data, "schedule")["every_minutes"] = parse_every(args.every)
    safety = _section(data, "safety")
    _put(safety, "deletion_threshold_count", args.deletion_threshold)
    _put(safety, "deletion_threshold_percent", args.deletion_threshold_percent)
    _put(safety, "skip_out_of_scope_deletions", args.skip_out_of_scope_deletions)
    _put(safety, "allow_hard_delete", args.allow_hard_delete)
    _put(data, "concurrency_cap", args.concurrency)
    _put(data, "retention_days", args.retention_days)

    notifications = _section(data, "notifications")
    if args.notify_email is not None:
        notifications["emails"] = args.notify_email
        if args.send_on_failure is None:
            notifications["send_on_failure"] = True  # naming a recipient means "tell them"
    _put(notifications, "send_on_failure", args.send_on_failure)
    smtp = _section(notifications, "smtp")
    _put(smtp, "host", args.smtp_host)
    _put(smtp, "port", args.smtp_port)
    _put(smtp, "security", args.smtp_security)
    _put(smtp, "user", args.smtp_user)
    _put(smtp, "sender", args.smtp_sender)


def _read_stdin_secrets(args: argparse.Namespace) -> dict[SecretKind, str]:
    """The secrets asked for on standard input, one line each (hidden prompts on a terminal)."""
    import getpass

    from app.errors import InputError

    wanted: list[tuple[SecretKind, str, str]] = []
    if args.token_stdin:
        wanted.append(("webex-token", "Webex token", "--token-stdin"))
    if args.client_secret_stdin:
        wanted.append(("entra-client-secret", "Entra client secret", "--client-secret-stdin"))
    if args.smtp_password_stdin:
        wanted.append(("smtp-password", "SMTP password", "--smtp-password-stdin"))
    secrets: dict[SecretKind, str] = {}
    for kind, what, option in wanted:
        if sys.stdin is not None and sys.stdin.isatty():
            value = getpass.getpass(f"{what}: ")
        else:
            value = sys.stdin.readline() if sys.stdin is not None else ""
        value = value.strip()
        if not value:
            raise InputError(
                f"No {what} on standard input ({option}).",
                f"Pipe it in, e.g. `printenv MY_SECRET | webex-provisioner profile ... {option}`"
                + (
                    f"; with several *-stdin options give one line each: {_STDIN_ORDER}."
                    if len(wanted) > 1
                    else "."
                ),
            )
        if kind == "webex-token":
            from app.webex.tokens import clean_token

            value = clean_token(value, what=f"The Webex token on standard input ({option})")
        secrets[kind] = value
    return secrets


def _check_csv(profile: Profile, *, out: Callable[[str], None]) -> None:
    """Read the CSV now, so a wrong path or column is caught when the profile is made."""
    from app.directory.csv_file import validate_csv

    if profile.source.kind != "csv" or profile.source.csv is None:
        return
    validation = validate_csv(profile.source.csv.path, profile.source.csv)
    out(
        f"{profile.source.csv.path.name}: {len(validation.users)} users, "
        f"{len(validation.groups)} groups ({validation.encoding}, "
        f"{validation.delimiter_name}-separated)."
    )
    if validation.errors:
        rows = validation.invalid_rows
        listed = ", ".join(str(row) for row in rows[:20]) + (" ..." if len(rows) > 20 else "")
        action = (
            "they will be left out (--skip-invalid)"
            if profile.source.csv.skip_invalid
            else "a sync will stop until they are fixed, or add --skip-invalid"
        )
        _warn(f"{len(rows)} invalid rows in the CSV file (rows {listed}): {action}.")


def _warn(text: str) -> None:
    print(f"warning: {text}", file=sys.stderr)


def _store_secrets(
    secrets: SecretStore, name: str, values: dict[SecretKind, str]
) -> list[SecretKind]:
    """Keep each secret in the keyring; on a machine without one, say what to do instead."""
    from app.config.secrets import ENV_FOR_KIND, KeyringUnavailable

    stored: list[SecretKind] = []
    for kind, value in values.items():
        try:
            secrets.set(name, kind, value)
        except KeyringUnavailable as exc:
            unsaved = ", ".join(
                f"the {_SECRET_NAMES[k]} (give it in {ENV_FOR_KIND[k]} instead)"
                for k in values
                if k not in stored
            )
            _warn(
                f"{exc.message} Not saved: {unsaved}. The rest of the profile was saved; "
                f"set the variable when running webex-provisioner with --profile {name}."
            )
            break
        stored.append(kind)
    return stored


def _stores() -> tuple[ProfileStore, SecretStore]:
    from app.config.secrets import SecretStore
    from app.config.store import ProfileStore

    secrets = SecretStore()
    return ProfileStore(secrets=secrets), secrets


# The command line's names for profile settings, used in error messages.
OPTION_LABELS = {
    "name": "NAME",
    "target.tenant_url": "--tenant-url",
    "target.kind": "--target-kind",
    "source.csv.path": "--csv-file",
    "source.csv.user_name_column": "--user-name-column",
    "source.csv.group_columns": "--group-column",
    "source.csv.encoding": "--encoding",
    "source.csv.delimiter": "--delimiter",
    "source.csv.max_file_mb": "--csv-max-mb",
    "source.entra.tenant_id": "--tenant-id",
    "source.entra.client_id": "--client-id",
    "source.entra.app_name": "--app-name",
    "source.entra.app_id": "--app-id",
    "source.entra.authority": "--authority",
    "source.entra.graph_url": "--graph-url",
    "source.entra.ca_file": "--entra-ca-file",
    "schedule.every_minutes": "--every",
    "safety.deletion_threshold_count": "--deletion-threshold",
    "safety.deletion_threshold_percent": "--deletion-threshold-percent",
    "concurrency_cap": "--concurrency",
    "retention_days": "--retention-days",
    "notifications": "--notify-email/--smtp-host",
    "notifications.emails": "--notify-email",
    "notifications.smtp.port": "--smtp-port",
    "notifications.smtp.sender": "--smtp-sender",
}

_CSV_OPTIONS = (
    "csv_file",
    "user_name_column",
    "group_column",
    "encoding",
    "delimiter",
    "csv_max_mb",
)


def _create(args: argparse.Namespace) -> int:
    from app.config.profile import check_profile_name, profile_from_data
    from app.config.store import ProfileExists
    from app.errors import InputError

    name = check_profile_name(args.name)
    store, secrets = _stores()
    if store.exists(name):
        raise ProfileExists(
            f"A profile named {name} already exists.",
            f"Change it with `webex-provisioner profile set {name} ...`, or delete it first.",
        )
    if args.tenant_url is None:
        raise InputError(
            "The profile needs the tenant URL.",
            "Add --tenant-url URL (the SCIM URL of the Webex tenant, with its orgId).",
        )
    data: dict[str, Any] = {"name": name}
    _apply_options(data, args, creating=True)
    profile = profile_from_data(data, labels=OPTION_LABELS)
    values = _read_stdin_secrets(args)
    _check_csv(profile, out=print)
    path = store.create(profile)  # exactly one of two creations at once wins
    stored = _store_secrets(secrets, name, values)
    print(f"Profile {name} created: {path}")
    _say_stored(stored)
    _remind_missing_secrets(profile, secrets, values)
    return 0


def _set(args: argparse.Namespace) -> int:
    from app.config.profile import profile_from_data

    store, secrets = _stores()
    current = store.load(args.name)
    data = current.model_dump(mode="json", exclude_none=True)
    _apply_options(data, args, creating=False)
    profile = profile_from_data(data, labels=OPTION_LABELS)
    values = _read_stdin_secrets(args)
    source_changed = profile.source != current.source
    if source_changed or any(getattr(args, option) is not None for option in _CSV_OPTIONS):
        _check_csv(profile, out=print)
    store.save(profile)
    stored = _store_secrets(secrets, profile.name, values)
    changed = profile != current
    print(f"Profile {profile.name} {'updated' if changed else 'unchanged'}.")
    _say_stored(stored)
    return 0


def _say_stored(stored: list[SecretKind]) -> None:
    for kind in stored:
        print(f"The {_SECRET_NAMES[kind]} is kept in the system keyring.")


def _remind_missing_secrets(
    profile: Profile, secrets: SecretStore, given: dict[SecretKind, str]
) -> None:
    import os

    if "webex-token" not in given and not os.environ.get("WEBEX_PROVISIONER_TOKEN"):
        _warn(
            f"No Webex token was given: store one with `webex-provisioner profile set "
            f"{profile.name} --token-stdin`, or set WEBEX_PROVISIONER_TOKEN."
        )
    entra = profile.source.entra
    if (
        profile.source.kind == "entra"
        and entra is not None
        and entra.auth == "client_secret"
        and "entra-client-secret" not in given
        and not os.environ.get("WEBEX_PROVISIONER_CLIENT_SECRET")
    ):
        _warn(
            f"No Entra client secret was given: store one with `webex-provisioner profile set "
            f"{profile.name} --client-secret-stdin`, set WEBEX_PROVISIONER_CLIENT_SECRET, or "
            "sign in with --device-code."
        )


def _list(args: argparse.Namespace) -> int:
    store, _secrets = _stores()
    names = store.list()
    if not names:
        print(
            "No profiles yet. Create one with `webex-provisioner profile create NAME "
            "--tenant-url URL --token-stdin --source csv --csv-file FILE`.",
            file=sys.stderr,
        )
    for name in names:
        print(name)
    return 0


def secret_status(secrets: SecretStore, profile_name: str, kind: SecretKind) -> str:
    """Where a secret would come from, never its value: keyring | environment | missing |
    unavailable (no usable keyring, no environment variable)."""
    import os

    from app.config.secrets import ENV_FOR_KIND, KeyringUnavailable

    try:
        if secrets.get(profile_name, kind):
            return "keyring"
        keyring_ok = True
    except KeyringUnavailable:
        keyring_ok = False
    env = ENV_FOR_KIND.get(kind)
    if env and os.environ.get(env, "").strip():
        return "environment"
    return "missing" if keyring_ok else "unavailable"


def _relevant_secrets(profile: Profile) -> list[SecretKind]:
    kinds: list[SecretKind] = ["webex-token"]
    entra = profile.source.entra
    if profile.source.kind == "entra" and entra is not None and entra.auth == "client_secret":
        kinds.append("entra-client-secret")
    if profile.notifications.smtp.user:
        kinds.append("smtp-password")
    return kinds


_STDIN_OPTION = {
    "webex-token": "--token-stdin",
    "entra-client-secret": "--client-secret-stdin",
    "smtp-password": "--smtp-password-stdin",
}


def _status_words(profile_name: str, kind: SecretKind, status: str) -> str:
    from app.config.secrets import ENV_FOR_KIND

    env = ENV_FOR_KIND.get(kind, "")
    return {
        "keyring": "stored in the system keyring",
        "environment": f"taken from {env}",
        "missing": f"not stored (use `webex-provisioner profile set {profile_name} "
        f"{_STDIN_OPTION.get(kind, '')}`, or set {env})",
        "unavailable": f"no keyring on this machine, and {env} is not set",
    }[status]


def _show(args: argparse.Namespace) -> int:
    import json

    store, secrets = _stores()
    profile = store.load(args.name)
    statuses = {
        kind: secret_status(secrets, profile.name, kind) for kind in _relevant_secrets(profile)
    }
    if args.json:
        document = {
            "profile": profile.model_dump(mode="json", exclude_none=True),
            "file": str(store.path_for(profile.name)),
            "secrets": statuses,
            "token_stored": statuses["webex-token"] == "keyring",
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    for line in _describe_profile(profile, statuses, store.path_for(profile.name)):
        print(line)
    return 0


def _describe_profile(profile: Profile, statuses: dict[SecretKind, str], path: Path) -> list[str]:
    target = profile.target
    lines = [
        f"Profile {profile.name}",
        f"  File:           {path}",
        f"  Target:         {target.tenant_url} "
        f"({'Cisco Webex' if target.kind == 'webex' else 'SCIM 2.0 application'})",
        f"  Webex token:    {_status_words(profile.name, 'webex-token', statuses['webex-token'])}",
    ]
    source = profile.source
    if source.kind == "csv" and source.csv is not None:
        csv = source.csv
        groups = ", ".join(csv.group_columns) or "none"
        lines += [
            f"  Source:         CSV file {csv.path}",
            f"                  userName column {csv.user_name_column}; group columns {groups}; "
            f"encoding {csv.encoding}; delimiter {'tab' if csv.delimiter == chr(9) else csv.delimiter}; "
            f"invalid rows {'skipped' if csv.skip_invalid else 'stop the sync'}; "
            f"files up to {csv.max_file_mb} MB",
        ]
    elif source.entra is not None:
        entra = source.entra
        app = f"appId {entra.app_id}" if entra.app_id else f'"{entra.app_name}"'
        sign_in = "client secret" if entra.auth == "client_secret" else "device code"
        lines += [
            f"  Source:         Microsoft Entra ID, tenant {entra.tenant_id}, application {app}",
            f"                  client id {entra.client_id}; sign-in by {sign_in}; "
            f"authority {entra.authority}; Graph {entra.graph_url}",
        ]
        if "entra-client-secret" in statuses:
            lines.append(
                f"  Client secret:  {_status_words(profile.name, 'entra-client-secret', statuses['entra-client-secret'])}"
            )
    scope = (
        "assigned users and groups only" if profile.scope == "assigned" else "all users and groups"
    )
    safety = profile.safety
    lines += [
        f"  Scope:          {scope}",
        f"  Provisioning:   {'on' if profile.provisioning_enabled else 'off'}, a cycle every "
        f"{profile.schedule.every_minutes} minutes",
        f"  Safety:         hold a cycle that would disable or delete more than "
        f"{safety.deletion_threshold_count} users or {safety.deletion_threshold_percent} %; "
        f"out-of-scope users {'left active' if safety.skip_out_of_scope_deletions else 'disabled'}; "
        f"users deleted in the source {'deleted' if safety.allow_hard_delete else 'disabled'}",
        f"  Mappings:       {len(profile.mappings.users)} for users, "
        f"{len(profile.mappings.groups)} for groups; {len(profile.scoping)} scoping filters",
        f"  Concurrency:    at most {profile.concurrency_cap} requests at once; logs kept "
        f"{profile.retention_days} days",
    ]
    notifications = profile.notifications
    if notifications.send_on_failure:
        smtp = notifications.smtp
        lines.append(
            f"  Failure e-mail: to {', '.join(notifications.emails)} through "
            f"{smtp.host}:{smtp.port} ({smtp.security})" + (f" as {smtp.user}" if smtp.user else "")
        )
        if "smtp-password" in statuses:
            lines.append(
                f"  SMTP password:  {_status_words(profile.name, 'smtp-password', statuses['smtp-password'])}"
            )
    else:
        lines.append("  Failure e-mail: off")
    return lines


def _delete(args: argparse.Namespace) -> int:
    from app.paths import state_file

    store, _secrets = _stores()
    removed = store.delete(args.name)
    print(f"Profile {args.name} deleted.")
    if removed:
        print(f"Its secrets were removed from the keyring ({', '.join(removed)}).")
    history = state_file(args.name)
    if history.exists():
        print(f"Its provisioning history is kept in {history}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    store, _secrets = _stores()
    text = store.export(args.name)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    from app.paths import write_private_text

    write_private_text(args.output, text)
    print(f"Profile {args.name} exported to {args.output} (secrets are not included).")
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.errors import InputError

    store, _secrets = _stores()
    if args.file == "-":
        text, origin = sys.stdin.read(), "standard input"
    else:
        path = Path(args.file).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(
                f"The file {path} does not exist.", "Check the path of the exported profile."
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"The file {path} cannot be read as text ({type(exc).__name__}).",
                "Give the TOML file written by `webex-provisioner profile export`.",
            ) from None
        origin = str(path)
    base_dir = None if args.file == "-" else Path(args.file).expanduser().absolute().parent
    profile = store.import_text(
        text, args.name, replace=args.replace, origin=origin, base_dir=base_dir
    )
    print(f"Profile {profile.name} imported.")
    print(
        f"Secrets are not part of an export: store the token with `webex-provisioner profile "
        f"set {profile.name} --token-stdin` (or set WEBEX_PROVISIONER_TOKEN)."
    )
    return 0


__all__ = ["register", "secret_status"]
