"""Each profile setting declared once: its place in the Profile, its command-line option, its
help and the words the set-up wizard shows for it.

`profile create|set` generate their options from SETTINGS (app/commands/profile.py) and
apply the values given to the profile's fields (app/commands/profile_edit.py); the wizard's
pages take their labels and choices from here. The Profile model (app/config/profile.py)
stays the validator: a setting names its field and never repeats its constraints.

This module is read for `--help`, so it imports nothing heavier than the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from app.config.secrets import SecretKind

# How a command-line value becomes the field's value:
#   text, number (int), path (made absolute), duration ("40m", "2h": minutes), list (the
#   option repeated), choice (one of `choices`), on_off (choices "on"/"off": True/False), switch
#   (--x / --no-x), const (a flag that sets `const`), secret (a flag: read the secret from
#   standard input into the keyring; no field).
Kind = Literal[
    "text", "number", "path", "duration", "list", "choice", "on_off", "switch", "const", "secret"
]

TARGET = "target (Webex or another SCIM 2.0 application)"
SOURCE = "source directory"
PROVISIONING = "provisioning"
FAILURE_EMAIL = "failure e-mail"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the translation catalogue under `context` (the wizard page's class);
    the page translates it when it shows it. pyside6-lupdate collects these calls by name."""
    del context
    return text


@dataclass(frozen=True)
class Setting:
    """One profile setting: where it goes, how the command line gives it, how the wizard
    names it. `field` is the dotted path in the Profile ("safety.deletion_threshold_count");
    empty for a secret, which only goes to the keyring."""

    field: str
    flag: str
    group: str
    kind: Kind = "text"
    help: str | None = None
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    const: str | None = None
    # A secret read from standard input (one line) and kept in the keyring under this kind.
    keyring_entry: SecretKind | None = None
    # Settings with the same `exclusive` name cannot be given together.
    exclusive: str = ""
    # The wizard's words (English source strings, marked for the page's translation context).
    label: str = ""
    choice_labels: tuple[str, ...] = ()
    placeholder: str = ""

    def choice_label(self, value: str) -> str:
        """The wizard's words for one of `choices`."""
        return self.choice_labels[self.choices.index(value)]

    @property
    def dest(self) -> str:
        """The attribute argparse gives the option's value (--csv-file: csv_file)."""
        return self.flag.removeprefix("--").replace("-", "_")


# In the order of `profile create --help`.
SETTINGS: tuple[Setting, ...] = (
    Setting("target.tenant_url", "--tenant-url", TARGET, metavar="URL",
            help="the tenant (SCIM) URL"),
    Setting("target.kind", "--target-kind", TARGET, "choice", choices=("webex", "scim"),
            help="Cisco Webex or another SCIM 2.0 application (default: from the URL)"),
    Setting("", "--token-stdin", TARGET, "secret", keyring_entry="webex-token",
            help="read the Webex token from standard input and keep it in the keyring"),
    Setting("source.kind", "--source", SOURCE, "choice", choices=("csv", "entra"),
            help="where users come from"),
    Setting("source.csv.path", "--csv-file", SOURCE, "path", metavar="FILE",
            help="the CSV export"),
    Setting("source.csv.user_name_column", "--user-name-column", SOURCE, metavar="COLUMN",
            help="the CSV column holding the userName (default userPrincipalName)"),
    Setting("source.csv.group_columns", "--group-column", SOURCE, "list", metavar="COLUMN",
            help="a CSV column listing the user's groups (separated by ; or |); repeat for more"),
    Setting("source.csv.encoding", "--encoding", SOURCE,
            help="the CSV encoding (default auto)"),
    Setting("source.csv.delimiter", "--delimiter", SOURCE,
            help="the CSV delimiter: auto, ',', ';' or tab"),
    Setting("source.csv.skip_invalid", "--skip-invalid", SOURCE, "switch",
            help="leave invalid CSV rows out instead of stopping"),
    Setting("source.csv.max_file_mb", "--csv-max-mb", SOURCE, "number", metavar="MB",
            help="refuse a CSV file larger than this, before reading it (default 1024)"),
    Setting("source.entra.tenant_id", "--tenant-id", SOURCE, metavar="ID",
            help="Entra: the directory (tenant) id"),
    Setting("source.entra.client_id", "--client-id", SOURCE, metavar="ID",
            help="Entra: the app registration's id"),
    Setting("source.entra.auth", "--client-secret-stdin", SOURCE, "const",
            const="client_secret", keyring_entry="entra-client-secret", exclusive="sign-in",
            help="Entra: sign in with a client secret, read from standard input"),
    Setting("source.entra.auth", "--device-code", SOURCE, "const", const="device_code",
            exclusive="sign-in", help="Entra: sign in as an admin with a device code"),
    Setting("source.entra.app_name", "--app-name", SOURCE, metavar="NAME", exclusive="app",
            help='Entra: the enterprise application (default "Cisco Webex")'),
    Setting("source.entra.app_id", "--app-id", SOURCE, metavar="ID", exclusive="app",
            help="Entra: the enterprise application's appId"),
    Setting("source.entra.authority", "--authority", SOURCE, metavar="URL",
            help="Entra: sign-in authority (national clouds, sandbox)"),
    Setting("source.entra.graph_url", "--graph-url", SOURCE, metavar="URL",
            help="Entra: Microsoft Graph address"),
    Setting("source.entra.ca_file", "--entra-ca-file", SOURCE, "path", metavar="PEM",
            help="Entra: a private CA to trust"),
    Setting("scope", "--scope", PROVISIONING, "choice", choices=("assigned", "all"),
            help="assigned users and groups only (default), or all",
            label=QT_TRANSLATE_NOOP("ScopePage", "&Scope:"),
            choice_labels=(
                QT_TRANSLATE_NOOP("ScopePage", "Sync only assigned users and groups"),
                QT_TRANSLATE_NOOP("ScopePage", "Sync all users and groups"),
            )),
    Setting("provisioning_enabled", "--provisioning", PROVISIONING, "on_off",
            choices=("on", "off"), help="provisioning status (cycles run when on)",
            label=QT_TRANSLATE_NOOP("ScopePage", "Provisioning s&tatus:"),
            choice_labels=(
                QT_TRANSLATE_NOOP("ScopePage", "On"),
                QT_TRANSLATE_NOOP("ScopePage", "Off"),
            )),
    Setting("schedule.every_minutes", "--every", PROVISIONING, "duration", metavar="DURATION",
            help="cycle interval: 40m, 2h, 90 (minutes)",
            label=QT_TRANSLATE_NOOP("ScopePage", "Incremental cycle &every:")),
    Setting("safety.deletion_threshold_count", "--deletion-threshold", PROVISIONING, "number",
            metavar="N", help="hold a cycle that would disable or delete more than N users",
            label=QT_TRANSLATE_NOOP("ScopePage", "Deletion threshold (&users):")),
    Setting("safety.deletion_threshold_percent", "--deletion-threshold-percent", PROVISIONING,
            "number", metavar="P",
            help="hold a cycle that would disable or delete more than P %% of the users",
            label=QT_TRANSLATE_NOOP("ScopePage", "Deletion threshold (&per cent):")),
    Setting("safety.skip_out_of_scope_deletions", "--skip-out-of-scope-deletions",
            PROVISIONING, "switch", help="leave users that go out of scope active",
            label=QT_TRANSLATE_NOOP(
                "ScopePage", "S&kip out-of-scope deletions (users leaving the scope stay active)"
            )),
    Setting("safety.allow_hard_delete", "--allow-hard-delete", PROVISIONING, "switch",
            help="delete (not only disable) users deleted in the source"),
    Setting("concurrency_cap", "--concurrency", PROVISIONING, "number", metavar="N",
            help="at most N requests at once"),
    Setting("retention_days", "--retention-days", PROVISIONING, "number", metavar="N",
            help="keep N days of logs"),
    Setting("notifications.emails", "--notify-email", FAILURE_EMAIL, "list", metavar="ADDR",
            help="a recipient; repeat for more",
            label=QT_TRANSLATE_NOOP("NotificationsPage", "Notification &e-mail:"),
            placeholder=QT_TRANSLATE_NOOP("NotificationsPage", "e.g. it-team@example.com")),
    Setting("notifications.send_on_failure", "--send-on-failure", FAILURE_EMAIL, "switch",
            help="send the failure e-mail (on by default once a recipient is given)",
            label=QT_TRANSLATE_NOOP(
                "NotificationsPage", "Send an e-mail notification when a &failure occurs"
            )),
    Setting("notifications.smtp.host", "--smtp-host", FAILURE_EMAIL, metavar="HOST",
            label=QT_TRANSLATE_NOOP("NotificationsPage", "Se&rver:"),
            placeholder=QT_TRANSLATE_NOOP("NotificationsPage", "e.g. smtp.example.com")),
    Setting("notifications.smtp.port", "--smtp-port", FAILURE_EMAIL, "number", metavar="PORT",
            label=QT_TRANSLATE_NOOP("NotificationsPage", "&Port and security:")),
    Setting("notifications.smtp.security", "--smtp-security", FAILURE_EMAIL, "choice",
            choices=("none", "starttls", "tls"),
            label=QT_TRANSLATE_NOOP("NotificationsPage", "Connection security"),
            choice_labels=(
                QT_TRANSLATE_NOOP("NotificationsPage", "None (this computer only)"),
                QT_TRANSLATE_NOOP("NotificationsPage", "STARTTLS"),
                QT_TRANSLATE_NOOP("NotificationsPage", "TLS"),
            )),
    Setting("notifications.smtp.user", "--smtp-user", FAILURE_EMAIL, metavar="USER",
            label=QT_TRANSLATE_NOOP("NotificationsPage", "&User (optional):")),
    Setting("", "--smtp-password-stdin", FAILURE_EMAIL, "secret",
            keyring_entry="smtp-password",
            help="read the SMTP password from standard input and keep it in the keyring",
            label=QT_TRANSLATE_NOOP("NotificationsPage", "Pass&word:")),
    Setting("notifications.smtp.sender", "--smtp-sender", FAILURE_EMAIL, metavar="ADDR",
            help="the From address", label=QT_TRANSLATE_NOOP("NotificationsPage", "&Sender:"),
            placeholder=QT_TRANSLATE_NOOP(
                "NotificationsPage", "e.g. webex-provisioner@example.com"
            )),
    Setting("notifications.language", "--mail-language", FAILURE_EMAIL, "choice",
            choices=("system", "en", "fr"),
            help="the failure e-mail's language (system: the computer's, from its locale)",
            label=QT_TRANSLATE_NOOP("NotificationsPage", "E-mail &language:"),
            choice_labels=(
                QT_TRANSLATE_NOOP("NotificationsPage", "The system's language"),
                QT_TRANSLATE_NOOP("NotificationsPage", "English"),
                QT_TRANSLATE_NOOP("NotificationsPage", "French"),
            )),
)  # fmt: skip


def setting(flag: str) -> Setting:
    """The setting given on the command line as `flag` (KeyError for an unknown flag)."""
    for candidate in SETTINGS:
        if candidate.flag == flag:
            return candidate
    raise KeyError(flag)


def option_labels() -> dict[str, str]:
    """The command line's names for the profile's fields, for validation messages:
    {"target.tenant_url": "--tenant-url", ...}."""
    labels = {"name": "NAME", "notifications": "--notify-email/--smtp-host"}
    labels.update({s.field: s.flag for s in SETTINGS if s.field and s.kind != "const"})
    return labels


__all__ = [
    "FAILURE_EMAIL",
    "PROVISIONING",
    "QT_TRANSLATE_NOOP",
    "SETTINGS",
    "SOURCE",
    "TARGET",
    "Kind",
    "Setting",
    "option_labels",
    "setting",
]
