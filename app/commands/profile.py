"""`webex-provisioner profile create|set|list|show|delete|export|import`: saved set-ups.

This module only declares the command line: the options of `create` and `set` come from
the settings table (app/config/settings.py), and each action runs in a module loaded when
it is chosen (profile_edit: create, set, delete; profile_show: list, show; profile_transfer:
export, import), so `--help` never loads pydantic or the keyring.

Secrets are never options (they would show in the process list): the Webex token, an Entra
client secret and an SMTP password are read from standard input (--token-stdin,
--client-secret-stdin, --smtp-password-stdin: one line each, in that order) and kept in
the keyring.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.config.settings import SETTINGS, Setting

STDIN_ORDER = "token, client secret, SMTP password"


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
            f"are given, standard input holds one line each, in this order: {STDIN_ORDER}."
        ),
    )
    create.add_argument("name", help="letters, digits, - and _")
    add_settings_options(create)
    create.set_defaults(handler=_create)

    change = actions.add_parser(
        "set",
        help="change a saved profile (only the options given change)",
        description=(
            "Change a saved profile: only the options given change. When several *-stdin "
            f"options are given, standard input holds one line each, in this order: {STDIN_ORDER}."
        ),
    )
    change.add_argument("name")
    add_settings_options(change)
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


def add_settings_options(parser: argparse.ArgumentParser) -> None:
    """The options of `profile create|set`, one per setting of the table, in its groups.

    Every default is None (False for a flag), so `profile set` can tell which were given."""
    groups: dict[str, Any] = {}
    exclusive: dict[str, Any] = {}
    for item in SETTINGS:
        if item.group not in groups:
            groups[item.group] = parser.add_argument_group(item.group)
        container = groups[item.group]
        if item.exclusive:
            if item.exclusive not in exclusive:
                exclusive[item.exclusive] = container.add_mutually_exclusive_group()
            container = exclusive[item.exclusive]
        container.add_argument(item.flag, **_argparse_keywords(item))


def _argparse_keywords(item: Setting) -> dict[str, Any]:
    keywords: dict[str, Any] = {}
    if item.help is not None:
        keywords["help"] = item.help
    if item.metavar is not None:
        keywords["metavar"] = item.metavar
    if item.kind in ("const", "secret"):
        keywords["action"] = "store_true"
    elif item.kind == "switch":
        keywords["action"] = argparse.BooleanOptionalAction
    elif item.kind == "list":
        keywords["action"] = "append"
    elif item.kind == "number":
        keywords["type"] = int
    elif item.kind == "path":
        keywords["type"] = Path
    elif item.kind in ("choice", "on_off"):
        keywords["choices"] = item.choices
    return keywords


# Each action's module loads when the action runs (pydantic, the keyring, the CSV reader).


def _create(args: argparse.Namespace) -> int:
    # deferred: pydantic and the keyring load only when a profile command runs, not for --help
    from app.commands.profile_edit import create

    return create(args)


def _set(args: argparse.Namespace) -> int:
    # deferred: pydantic and the keyring load only when a profile command runs, not for --help
    from app.commands.profile_edit import change

    return change(args)


def _delete(args: argparse.Namespace) -> int:
    # deferred: pydantic and the keyring load only when a profile command runs, not for --help
    from app.commands.profile_edit import delete

    return delete(args)


def _list(args: argparse.Namespace) -> int:
    # deferred: pydantic and the keyring load only when a profile command runs, not for --help
    from app.commands.profile_show import list_profiles

    return list_profiles(args)


def _show(args: argparse.Namespace) -> int:
    # deferred: pydantic and the keyring load only when a profile command runs, not for --help
    from app.commands.profile_show import show

    return show(args)


def _export(args: argparse.Namespace) -> int:
    # deferred: pydantic and the keyring load only when a profile command runs, not for --help
    from app.commands.profile_transfer import export

    return export(args)


def _import(args: argparse.Namespace) -> int:
    # deferred: pydantic and the keyring load only when a profile command runs, not for --help
    from app.commands.profile_transfer import import_profile

    return import_profile(args)


__all__ = ["STDIN_ORDER", "add_settings_options", "register"]
