"""The sentences of the profile commands (create, set, delete, export, import): coded messages
(app.messages), printed in the reader's language; the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

CREATED = message("profile.created", "Profile {name} created: {path}")
UPDATED = message("profile.updated", "Profile {name} updated.")
UNCHANGED = message("profile.unchanged", "Profile {name} unchanged.")
DELETED = message("profile.deleted", "Profile {name} deleted.")
SECRETS_REMOVED = message(
    "profile.secrets_removed", "Its secrets were removed from the keyring ({kinds})."
)
HISTORY_KEPT = message("profile.history_kept", "Its provisioning history is kept in {path}.")
KEPT_IN_KEYRING = message("profile.kept_in_keyring", "The {what} is kept in the system keyring.")
NEEDS_TENANT_URL = message("profile.needs.tenant_url", "The profile needs the tenant URL.")
NEEDS_TENANT_URL_NEXT = message(
    "profile.needs.tenant_url.next",
    "Add --tenant-url URL (the SCIM URL of the Webex tenant, with its orgId).",
)
NEEDS_SOURCE = message("profile.needs.source", "The profile needs a source directory.")
NEEDS_SOURCE_NEXT = message(
    "profile.needs.source.next",
    "Add --source csv --csv-file FILE, or --source entra --tenant-id ID --client-id ID.",
)
NEEDS_CSV = message("profile.needs.csv", "A CSV source needs the file.")
NEEDS_CSV_NEXT = message("profile.needs.csv.next", "Add --csv-file FILE (the CSV export of users).")
NEEDS_IDS = message("profile.needs.ids", "An Entra ID source needs the app registration's ids.")
NEEDS_IDS_NEXT = message(
    "profile.needs.ids.next", "Add {options} (from the app registration's overview in Entra)."
)
AND = message("profile.and", "{first} and {second}")
CSV_READ = message(
    "profile.csv.read",
    "{file}: {users} users, {groups} groups ({encoding}, {delimiter}-separated).",
)
INVALID_ROWS = message(
    "profile.csv.invalid_rows",
    "{count} invalid rows in the CSV file (rows {rows}): {action}.",
    plural="{count} invalid rows in the CSV file (rows {rows}): {action}.",
    count="count",
)
LEFT_OUT = message("profile.csv.left_out", "they will be left out (--skip-invalid)")
SYNC_STOPS = message(
    "profile.csv.sync_stops", "a sync will stop until they are fixed, or add --skip-invalid"
)
WARNING = message("cli.warning", "warning: {warning}")
NOT_SAVED = message(
    "profile.keyring.not_saved",
    "{problem} Not saved: {unsaved}. The rest of the profile was saved; set the variable "
    "when running webex-provisioner with --profile {name}.",
)
UNSAVED_SECRET = message("profile.keyring.unsaved", "the {what} (give it in {env} instead)")
NO_TOKEN = message(
    "profile.remind.token",
    "No Webex token was given: store one with `webex-provisioner profile set {name} "
    "--token-stdin`, or set WEBEX_PROVISIONER_TOKEN.",
)
NO_CLIENT_SECRET = message(
    "profile.remind.client_secret",
    "No Entra client secret was given: store one with `webex-provisioner profile set {name} "
    "--client-secret-stdin`, set WEBEX_PROVISIONER_CLIENT_SECRET, or sign in with "
    "--device-code.",
)
EXPORTED = message(
    "profile.exported", "Profile {name} exported to {path} (secrets are not included)."
)
IMPORTED = message("profile.imported", "Profile {name} imported.")
IMPORT_SECRETS = message(
    "profile.imported.secrets",
    "Secrets are not part of an export: store the token with `webex-provisioner profile set "
    "{name} --token-stdin` (or set WEBEX_PROVISIONER_TOKEN).",
)
NO_FILE = message("profile.import.no_file", "The file {path} does not exist.")
NO_FILE_NEXT = message("profile.import.no_file.next", "Check the path of the exported profile.")
UNREADABLE = message(
    "profile.import.unreadable", "The file {path} cannot be read as text ({error})."
)
UNREADABLE_NEXT = message(
    "profile.import.unreadable.next",
    "Give the TOML file written by `webex-provisioner profile export`.",
)
