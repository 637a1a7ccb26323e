"""The words of `profile show` and `profile list`: coded messages (app.messages), printed in
the reader's language; the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

NO_PROFILES = message(
    "profile.list.none",
    "No profiles yet. Create one with `webex-provisioner profile create NAME --tenant-url URL "
    "--token-stdin --source csv --csv-file FILE`.",
)
HEADING = message("profile.show.heading", "Profile {name}")
LABELS = {
    "file": message("profile.show.file", "File:"),
    "target": message("profile.show.target", "Target:"),
    "token": message("profile.show.token", "Webex token:"),
    "source": message("profile.show.source", "Source:"),
    "client_secret": message("profile.show.client_secret", "Client secret:"),
    "scope": message("profile.show.scope", "Scope:"),
    "provisioning": message("profile.show.provisioning", "Provisioning:"),
    "safety": message("profile.show.safety", "Safety:"),
    "mappings": message("profile.show.mappings", "Mappings:"),
    "concurrency": message("profile.show.concurrency", "Concurrency:"),
    "mail": message("profile.show.mail", "Failure e-mail:"),
    "smtp_password": message("profile.show.smtp_password", "SMTP password:"),
}
TARGET = message("profile.show.target.value", "{url} ({kind})")
WEBEX = message("profile.show.target.webex", "Cisco Webex")
SCIM_APP = message("profile.show.target.scim", "SCIM 2.0 application")
STATUS = {
    "keyring": message("profile.show.secret.keyring", "stored in the system keyring"),
    "environment": message("profile.show.secret.environment", "taken from {env}"),
    "missing": message(
        "profile.show.secret.missing",
        "not stored (use `webex-provisioner profile set {profile} {option}`, or set {env})",
    ),
    "unavailable": message(
        "profile.show.secret.unavailable", "no keyring on this machine, and {env} is not set"
    ),
}
CSV_SOURCE = message("profile.show.csv", "CSV file {path}")
CSV_DETAIL = message(
    "profile.show.csv.detail",
    "userName column {column}; group columns {groups}; encoding {encoding}; delimiter "
    "{delimiter}; invalid rows {invalid}; files up to {mb} MB",
)
NONE = message("profile.show.none", "none")
TAB = message("profile.show.tab", "tab")
INVALID_SKIPPED = message("profile.show.invalid.skipped", "skipped")
INVALID_STOP = message("profile.show.invalid.stop", "stop the sync")
ENTRA_SOURCE = message(
    "profile.show.entra", "Microsoft Entra ID, tenant {tenant}, application {app}"
)
APP_ID = message("profile.show.entra.app_id", "appId {id}")
ENTRA_DETAIL = message(
    "profile.show.entra.detail",
    "client id {client}; sign-in by {sign_in}; authority {authority}; Graph {graph}",
)
SIGN_IN_SECRET = message("profile.show.entra.secret", "client secret")
SIGN_IN_DEVICE = message("profile.show.entra.device_code", "device code")
SCOPE_ASSIGNED = message("profile.show.scope.assigned", "assigned users and groups only")
SCOPE_ALL = message("profile.show.scope.all", "all users and groups")
ON = message("profile.show.on", "on")
OFF = message("profile.show.off", "off")
PROVISIONING = message(
    "profile.show.provisioning.value",
    "{state}, a cycle every {minutes} minutes",
    plural="{state}, a cycle every {minutes} minutes",
    count="minutes",
)
SAFETY = message(
    "profile.show.safety.value",
    "hold a cycle that would disable or delete more than {count} users or {percent} %; "
    "out-of-scope users {out_of_scope}; users deleted in the source {deleted}",
)
LEFT_ACTIVE = message("profile.show.safety.left_active", "left active")
DISABLED = message("profile.show.safety.disabled", "disabled")
DELETED = message("profile.show.safety.deleted", "deleted")
MAPPINGS = message(
    "profile.show.mappings.value",
    "{users} for users, {groups} for groups; {filters} scoping filters",
)
CONCURRENCY = message(
    "profile.show.concurrency.value",
    "at most {cap} requests at once; logs kept {days} days",
)
MAIL = message("profile.show.mail.value", "to {emails} through {host}:{port} ({security})")
MAIL_AS = message(
    "profile.show.mail.value_as", "to {emails} through {host}:{port} ({security}) as {user}"
)
