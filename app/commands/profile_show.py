"""`profile list` and `profile show`: the saved profiles, one described (never a secret: only
where each would come from)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from app.config.profile import Profile
from app.config.secrets import ENV_FOR_KIND, KeyringUnavailable, SecretKind, SecretStore
from app.config.settings import SETTINGS
from app.run.profiles import profile_store


def list_profiles(args: argparse.Namespace) -> int:
    store = profile_store()
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


# The option that stores each secret: --token-stdin, --client-secret-stdin, ...
_STDIN_OPTION = {
    item.keyring_entry: item.flag for item in SETTINGS if item.keyring_entry is not None
}


def _status_words(profile_name: str, kind: SecretKind, status: str) -> str:
    env = ENV_FOR_KIND.get(kind, "")
    return {
        "keyring": "stored in the system keyring",
        "environment": f"taken from {env}",
        "missing": f"not stored (use `webex-provisioner profile set {profile_name} "
        f"{_STDIN_OPTION.get(kind, '')}`, or set {env})",
        "unavailable": f"no keyring on this machine, and {env} is not set",
    }[status]


def show(args: argparse.Namespace) -> int:
    secrets = SecretStore()
    store = profile_store(secrets)
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


__all__ = ["list_profiles", "secret_status", "show"]
