"""`profile list` and `profile show`: the saved profiles, one described (never a secret: only
where each would come from)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from app.commands import profile_show_messages as said
from app.config.profile import Profile
from app.config.secrets import ENV_FOR_KIND, KeyringUnavailable, SecretKind, SecretStore
from app.config.settings import SETTINGS
from app.language import cli_text
from app.messages import Message
from app.run.profiles import profile_store


def list_profiles(args: argparse.Namespace) -> int:
    store = profile_store()
    names = store.list()
    if not names:
        print(cli_text(said.NO_PROFILES()), file=sys.stderr)
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


def _status_words(profile_name: str, kind: SecretKind, status: str) -> Message:
    env = ENV_FOR_KIND.get(kind, "")
    option = _STDIN_OPTION.get(kind, "")
    template = said.STATUS[status]
    if status == "keyring":
        return template()
    if status == "missing":
        return template(profile=profile_name, option=option, env=env)
    return template(env=env)


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


Row = tuple[str, Message | str]  # a label's key ("" for a continued line), its value


def _describe_profile(profile: Profile, statuses: dict[SecretKind, str], path: Path) -> list[str]:
    """The profile in lines of `label  value`, the labels in a column as wide as the
    longest (at least 16), in the reader's language."""
    rows = _rows(profile, statuses, path)
    labels = {key: cli_text(said.LABELS[key]()) for key, _ in rows if key}
    width = max([15, *(len(label) for label in labels.values())]) + 1
    lines = [cli_text(said.HEADING(name=profile.name))]
    for key, value in rows:
        text = cli_text(value) if isinstance(value, Message) else value
        lines.append(f"  {labels[key] if key else '':<{width}}{text}")
    return lines


def _rows(profile: Profile, statuses: dict[SecretKind, str], path: Path) -> list[Row]:
    target = profile.target
    kind = said.WEBEX() if target.kind == "webex" else said.SCIM_APP()
    token = _status_words(profile.name, "webex-token", statuses["webex-token"])
    rows: list[Row] = [
        ("file", str(path)),
        ("target", said.TARGET(url=target.tenant_url, kind=kind)),
        ("token", token),
    ]
    rows += _source_rows(profile, statuses)
    safety = profile.safety
    rows += [
        ("scope", said.SCOPE_ASSIGNED() if profile.scope == "assigned" else said.SCOPE_ALL()),
        (
            "provisioning",
            said.PROVISIONING(
                state=said.ON() if profile.provisioning_enabled else said.OFF(),
                minutes=profile.schedule.every_minutes,
            ),
        ),
        (
            "safety",
            said.SAFETY(
                count=str(safety.deletion_threshold_count),
                percent=str(safety.deletion_threshold_percent),
                out_of_scope=said.LEFT_ACTIVE()
                if safety.skip_out_of_scope_deletions
                else said.DISABLED(),
                deleted=said.DELETED() if safety.allow_hard_delete else said.DISABLED(),
            ),
        ),
        (
            "mappings",
            said.MAPPINGS(
                users=str(len(profile.mappings.users)),
                groups=str(len(profile.mappings.groups)),
                filters=str(len(profile.scoping)),
            ),
        ),
        (
            "concurrency",
            said.CONCURRENCY(cap=str(profile.concurrency_cap), days=str(profile.retention_days)),
        ),
    ]
    return rows + _mail_rows(profile, statuses)


def _source_rows(profile: Profile, statuses: dict[SecretKind, str]) -> list[Row]:
    source = profile.source
    if source.kind == "csv" and source.csv is not None:
        csv = source.csv
        detail = said.CSV_DETAIL(
            column=csv.user_name_column,
            groups=", ".join(csv.group_columns) or said.NONE(),
            encoding=csv.encoding,
            delimiter=said.TAB() if csv.delimiter == chr(9) else csv.delimiter,
            invalid=said.INVALID_SKIPPED() if csv.skip_invalid else said.INVALID_STOP(),
            mb=str(csv.max_file_mb),
        )
        return [("source", said.CSV_SOURCE(path=str(csv.path))), ("", detail)]
    if source.entra is None:
        return []
    entra = source.entra
    app = said.APP_ID(id=entra.app_id) if entra.app_id else f'"{entra.app_name}"'
    sign_in = said.SIGN_IN_SECRET() if entra.auth == "client_secret" else said.SIGN_IN_DEVICE()
    rows: list[Row] = [
        ("source", said.ENTRA_SOURCE(tenant=entra.tenant_id, app=app)),
        (
            "",
            said.ENTRA_DETAIL(
                client=entra.client_id,
                sign_in=sign_in,
                authority=entra.authority,
                graph=entra.graph_url,
            ),
        ),
    ]
    if "entra-client-secret" in statuses:
        status = statuses["entra-client-secret"]
        rows.append(("client_secret", _status_words(profile.name, "entra-client-secret", status)))
    return rows


def _mail_rows(profile: Profile, statuses: dict[SecretKind, str]) -> list[Row]:
    notifications = profile.notifications
    if not notifications.send_on_failure:
        return [("mail", said.OFF())]
    smtp = notifications.smtp
    where = {
        "emails": ", ".join(notifications.emails),
        "host": smtp.host,
        "port": str(smtp.port),
        "security": smtp.security,
    }
    rows: list[Row] = [
        ("mail", said.MAIL_AS(**where, user=smtp.user) if smtp.user else said.MAIL(**where))
    ]
    if "smtp-password" in statuses:
        status = statuses["smtp-password"]
        rows.append(("smtp_password", _status_words(profile.name, "smtp-password", status)))
    return rows


__all__ = ["list_profiles", "secret_status", "show"]
